/**
 * `claimline worker`: takes jobs from the queue, analyses and stores them, until stopped (SIGTERM/SIGINT) or,
 * with --until-empty, until nothing is left. `claimline dead-letters` (or `worker --dead`) lists the documents
 * that failed for good.
 */
import { deadLetters } from '../queue/dead-letters.js';
import { safePageFetcher } from '../queue/page-fetcher.js';
import { IngestWorker, type WorkerEvent } from '../queue/worker.js';
import { EXIT, oneOf, parse, positiveInt, UsageError } from './args.js';
import type { RunContext } from './context.js';
import { openQueueFromFlags, QUEUE_FLAGS, QUEUE_FLAG_HELP } from './queue-flags.js';
import { openStore, STORE_FLAGS, STORE_FLAG_HELP, storeLocation } from './store-open.js';

export const WORKER_HELP = `Usage: claimline worker --queue postgres://… --store LOCATION [options]

Take documents from the ingestion queue ('claimline enqueue'), analyse them and store them. Run any number of
workers, on any number of machines, against one queue and one store: each job goes to one worker at a time; a
job whose worker dies is retried after its --job-timeout; a document stored twice is stored once (same identity
and text: unchanged). Failures are retried with exponential backoff, then kept as dead letters with their error.
SIGTERM or Ctrl-C: no new job is taken, the jobs in flight are finished and reported; a second signal exits at
once (those jobs are retried after their timeout).

Options:
${QUEUE_FLAG_HELP}
${STORE_FLAG_HELP}
  --concurrency N          jobs in flight in this process (default 1). Analysis uses one CPU core per process:
                           for more cores run more worker processes; N > 1 overlaps store and queue round trips
  --batch N                jobs taken at once (default 10): analysed one by one, stored in one transaction and
                           reported in one call; jobs not started at a stop go back to the queue
  --poll S                 seconds between looks at an empty queue (default 2)
  --until-empty            exit once no job is waiting, retrying or running
  --corpus-every N         update the store's corpus state (copies, entities, claims, stories) after every N
                           stored documents (default 500), at least every 60 s while storing, and when idle
  --format FORMAT          text (default: progress on stderr) or jsonl (one line per job outcome on stdout)
  --allow-private-addresses
                           UNSAFE: let URL jobs fetch from loopback, private and link-local addresses (an
                           intranet archive, a test server); by default they are refused (docs/fetch.md)
  --profile                with jsonl: also a line per corpus update and, at the end, where the time went
  --dead                   list the dead letters instead (same as 'claimline dead-letters')
  --quiet                  only failures on stderr
  -h, --help               this help

Exit codes: 0 stopped or drained; 2 bad command line; 3 the queue or the store could not be opened.`;

export const DEAD_LETTERS_HELP = `Usage: claimline dead-letters --queue postgres://… [--format text|json] [--limit N]

List the documents whose ingest job failed for good: identity, source, the error of the last try, the number
of tries. 'claimline enqueue' of the same document queues it again.

Options:
${QUEUE_FLAG_HELP}
  --format FORMAT          text (default) or json
  --limit N                at most N (default 1000)
  -h, --help               this help`;

const FORMATS = ['text', 'jsonl'] as const;

export async function workerCommand(args: string[], ctx: RunContext): Promise<number> {
  if (args.includes('--dead')) return deadLettersCommand(args.filter((a) => a !== '--dead'), ctx);
  const { values } = parse(args, {
    ...QUEUE_FLAGS, ...STORE_FLAGS, concurrency: { type: 'string' }, poll: { type: 'string' }, 'until-empty': { type: 'boolean' },
    'corpus-every': { type: 'string' }, format: { type: 'string' }, quiet: { type: 'boolean' }, batch: { type: 'string' },
    profile: { type: 'boolean' }, 'allow-private-addresses': { type: 'boolean' },
  });
  if (values.help) { ctx.stdout.write(WORKER_HELP + '\n'); return EXIT.ok; }
  const concurrency = positiveInt('concurrency', values.concurrency as string | undefined, 1);
  const pollSeconds = Number(values.poll ?? 2);
  if (!(pollSeconds >= 0.5)) throw new UsageError(`--poll must be a number of seconds >= 0.5 (got '${values.poll}')`);
  const corpusEveryDocs = positiveInt('corpus-every', values['corpus-every'] as string | undefined, 500);
  const format = oneOf('format', values.format as string | undefined, FORMATS, 'text');
  const quiet = Boolean(values.quiet);
  const batchSize = positiveInt('batch', values.batch as string | undefined, 10);
  const profile = Boolean(values.profile);

  const queue = await openQueueFromFlags(values, ctx, 'claimline-worker', { maxConnections: concurrency + 2 });
  if (!queue) return EXIT.store;
  const store = await openStore(storeLocation(values), ctx);
  if (!store) { await queue.close(); return EXIT.store; }

  const progress = new WorkerProgress(ctx, quiet);
  const worker = new IngestWorker(queue, store, {
    concurrency, batchSize, pollSeconds, untilEmpty: Boolean(values['until-empty']), corpusEveryDocs, corpusEverySeconds: 60,
    // URL jobs (from 'enqueue URL' and 'watch') are fetched with the safe fetcher: src/net's SSRF rules and limits.
    fetcher: safePageFetcher({ allowPrivate: Boolean(values['allow-private-addresses']) }),
    holdAfterStoreMs: Number(process.env.CLAIMLINE_QUEUE_TEST_HOLD_MS ?? 0) || undefined,
    onEvent: (e) => {
      // jsonl: one line when a job starts and one for its outcome, so a supervisor (or a test) can follow each job.
      if (format === 'jsonl' && (e.type === 'started' || e.type === 'stored' || e.type === 'failed' || e.type === 'expanded'
        || (profile && (e.type === 'corpus' || e.type === 'profile')))) ctx.stdout.write(JSON.stringify(e) + '\n');
      progress.event(e);
    },
  });

  let signals = 0;
  let atSignal: string[] = [];
  const onSignal = (sig: NodeJS.Signals) => {
    signals++;
    if (signals === 1) {
      atSignal = [...worker.inFlight.values()];
      ctx.stderr.write(`worker: ${sig}: taking no new job; finishing ${atSignal.length} in flight${atSignal.length ? `: ${atSignal.join(', ')}` : ''}\n`);
      worker.stop();
      return;
    }
    ctx.stderr.write(`worker: ${sig} again: exiting now; ${worker.inFlight.size} job(s) not finished will be retried after their timeout\n`);
    process.exit(130);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  const ticker = setInterval(() => progress.tick(queue), 5_000);
  ticker.unref();
  try {
    const summary = await worker.run();
    progress.finish(summary);
    if (signals > 0) {
      ctx.stderr.write(`worker: stopped; the ${atSignal.length} job(s) in flight at the signal were finished and reported`
        + `${summary.uncompleted ? ` (${summary.uncompleted} stored but not reported: they will be retried and found unchanged)` : ''}\n`);
    }
  } finally {
    clearInterval(ticker);
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    await store.close();
    await queue.close();
  }
  return EXIT.ok;
}

/** Progress on stderr: failures and connection trouble as they happen, a rate line every few seconds. */
class WorkerProgress {
  private readonly t0 = performance.now();
  private stored = 0;
  private failed = 0;
  private lastTick = 0;

  constructor(private readonly ctx: RunContext, private readonly quiet: boolean) {}

  event(e: WorkerEvent): void {
    const err = this.ctx.stderr;
    if (e.type === 'stored') this.stored++;
    else if (e.type === 'failed') {
      this.failed++;
      err.write(`claimline: ${e.source}: ${e.error} (try ${e.attempt}; ${e.willRetry ? 'will be retried' : 'moved to the dead letters'})\n`);
    } else if (e.type === 'connection') {
      err.write(`claimline: queue: ${e.error}${e.retryInMs ? `; retrying in ${(e.retryInMs / 1000).toFixed(1)} s` : ''}\n`);
    } else if (e.type === 'corpus-error') {
      err.write(`claimline: corpus update failed (the next one catches up): ${e.error}\n`);
    } else if (e.type === 'expanded' && !this.quiet) {
      err.write(`worker: ${e.source}: ${e.queued} item(s) queued, ${e.duplicate} already known\n`);
    }
  }

  async tick(queue: { pending(): Promise<number> }): Promise<void> {
    if (this.quiet || this.stored === this.lastTick) return;
    this.lastTick = this.stored;
    const s = (performance.now() - this.t0) / 1000;
    const pending = await queue.pending().catch(() => null);
    this.ctx.stderr.write(`worker: ${this.stored} stored, ${this.failed} failed in ${s.toFixed(0)} s (${(this.stored / s).toFixed(1)}/s)`
      + `${pending === null ? '' : `; ${pending} pending`}\n`);
  }

  finish(summary: { stored: Record<string, number>; failed: number; deadLettered: number; expanded: number }): void {
    if (this.quiet) return;
    const s = (performance.now() - this.t0) / 1000;
    const st = summary.stored;
    this.ctx.stderr.write(`worker: ${this.stored} document(s) in ${s.toFixed(1)} s: ${st.inserted} inserted, ${st['new-version']} new version(s), `
      + `${st.reanalysed} re-analysed, ${st.unchanged} unchanged; ${summary.expanded} feed(s) expanded; `
      + `${summary.failed} failure(s), ${summary.deadLettered} moved to the dead letters\n`);
  }
}

export async function deadLettersCommand(args: string[], ctx: RunContext): Promise<number> {
  const { values } = parse(args, { ...QUEUE_FLAGS, format: { type: 'string' }, limit: { type: 'string' } });
  if (values.help) { ctx.stdout.write(DEAD_LETTERS_HELP + '\n'); return EXIT.ok; }
  const format = oneOf('format', values.format as string | undefined, ['text', 'json'] as const, 'text');
  const limit = positiveInt('limit', values.limit as string | undefined, 1000);
  const queue = await openQueueFromFlags(values, ctx, 'claimline-dead-letters', { maxConnections: 1 });
  if (!queue) return EXIT.store;
  try {
    const dead = await deadLetters(queue, limit);
    if (format === 'json') ctx.stdout.write(JSON.stringify(dead, null, 2) + '\n');
    else {
      for (const d of dead) {
        ctx.stdout.write(`${d.failedAt}  ${d.docId ?? '-'}  ${d.source}\n    ${d.error}${d.attempts ? ` (after ${d.attempts} tr${d.attempts === 1 ? 'y' : 'ies'})` : ''}\n`);
      }
      ctx.stderr.write(`${dead.length} dead letter(s)\n`);
    }
  } finally {
    await queue.close();
  }
  return EXIT.ok;
}
