/**
 * `claimline watch <feeds file>`: polls RSS/Atom feeds on a schedule with conditional GET and hands each new
 * item on: to the queue as a URL job (with --queue / $CLAIMLINE_QUEUE; workers fetch, extract, analyse and store
 * it), or, with no queue, fetched and stored in this process (into --store, as `ingest` would).
 */
import fs from 'node:fs';
import { parsePublished } from '../input/published.js';
import { ATTRIBUTION_MODES } from '../pipeline/stages.js';
import type { Queue } from '../queue/connection.js';
import { safePageFetcher } from '../queue/page-fetcher.js';
import { parseStoreLocation, redactLocation } from '../store/location.js';
import type { Store } from '../store/store.js';
import { readFeedsFile } from '../watch/feeds-file.js';
import { QueueSink, StoreSink, type ItemSink } from '../watch/sinks.js';
import { FileFeedStates, QueueFeedStates, type FeedStates } from '../watch/state.js';
import { FeedWatcher, type WatchEvent } from '../watch/watcher.js';
import { EXIT, oneOf, parse, positiveInt, UsageError } from './args.js';
import type { RunContext } from './context.js';
import { openQueueFromFlags, QUEUE_FLAGS, QUEUE_FLAG_HELP } from './queue-flags.js';
import { openStore, STORE_FLAGS, STORE_FLAG_HELP, storeLocation } from './store-open.js';

export const WATCH_HELP = `Usage: claimline watch <feeds file> [--queue postgres://… | --store LOCATION] [options]

Poll RSS and Atom feeds and hand on every item not seen before. The feeds file has one feed URL per line
(blank lines and # comments ignored), or is a JSON array (or JSON Lines) of URLs or {"url": …} objects; it is
read again when it changes. Each poll is a conditional GET (If-None-Match / If-Modified-Since), so an unchanged
feed costs one 304. Fetching is safe by default: http(s) only, private, loopback and link-local addresses
refused, size and time limits (docs/fetch.md).

With a queue (--queue or $CLAIMLINE_QUEUE) each new item becomes a URL job: 'claimline worker' fetches the
article page, extracts, analyses and stores it. The feeds' state (validators, items seen, failures) is kept in
the queue's schema, so a restarted watcher, on any machine, does not queue an item again.
Without a queue the articles are fetched and stored here, one at a time, into --store (default
$CLAIMLINE_STORE, else ./claimline.db), and the state is kept in a file beside it (--state).

A feed that fails is reported (one line naming its URL) and tried again after a backoff that doubles with each
failure in a row (from --interval up to 6 h); the other feeds go on. SIGTERM or Ctrl-C: no new poll is started,
the polls in flight finish and save their state; exit 0 for SIGTERM, 130 for Ctrl-C; a second signal exits at once.

Options:
${QUEUE_FLAG_HELP}
${STORE_FLAG_HELP}
  --state FILE             without a queue: the state file (default: the SQLite store's path + .watch.json;
                           required for a PostgreSQL store)
  --interval S             seconds between two polls of a feed (default 300)
  --once                   poll every feed once, then exit (exit 1 if any feed or item failed)
  --concurrency N          feeds polled at the same time (default 4)
  --timeout S              time limit for one fetch, redirects and body included (default 30)
  --max-bytes N            largest feed or page accepted, in bytes (default 20971520)
  --allow-private-addresses
                           UNSAFE: fetch feeds (and, without a queue, articles) from loopback, private and
                           link-local addresses; workers need the same flag for the articles
  --published YYYY-MM-DD   publication date for items whose feed entry and page carry none
  --attribution MODE       rules (default) or tagger, for the analysis
  --format FORMAT          text (default: progress on stderr) or jsonl (one line per poll and round on stdout)
  --quiet                  only failures on stderr
  -h, --help               this help

Exit codes: 0 done (or stopped by SIGTERM); 1 with --once, some feed or item failed; 2 bad command line or
no usable feed URL; 3 the queue or the store could not be opened; 130 stopped by Ctrl-C.`;

const FORMATS = ['text', 'jsonl'] as const;

export async function watchCommand(args: string[], ctx: RunContext): Promise<number> {
  const { values, positionals } = parse(args, {
    ...QUEUE_FLAGS, ...STORE_FLAGS, state: { type: 'string' }, interval: { type: 'string' }, once: { type: 'boolean' },
    concurrency: { type: 'string' }, timeout: { type: 'string' }, 'max-bytes': { type: 'string' },
    'allow-private-addresses': { type: 'boolean' }, published: { type: 'string' }, attribution: { type: 'string' },
    format: { type: 'string' }, quiet: { type: 'boolean' },
  });
  if (values.help) { ctx.stdout.write(WATCH_HELP + '\n'); return EXIT.ok; }
  if (positionals.length !== 1) throw new UsageError('watch needs exactly one feeds file (one feed URL per line)');
  const feedsFile = positionals[0]!;
  const interval = Number(values.interval ?? 300);
  if (!(interval >= 1)) throw new UsageError(`--interval must be a number of seconds >= 1 (got '${values.interval}')`);
  const timeout = Number(values.timeout ?? 30);
  if (!(timeout > 0)) throw new UsageError(`--timeout must be a number of seconds > 0 (got '${values.timeout}')`);
  const concurrency = positiveInt('concurrency', values.concurrency as string | undefined, 4);
  const maxBytes = positiveInt('max-bytes', values['max-bytes'] as string | undefined, 20 * 1024 * 1024);
  const format = oneOf('format', values.format as string | undefined, FORMATS, 'text');
  const attribution = oneOf('attribution', values.attribution as string | undefined, ATTRIBUTION_MODES, 'rules');
  const published = publishedFlag(values.published as string | undefined);
  const once = Boolean(values.once);
  const quiet = Boolean(values.quiet);
  const useQueue = values.queue !== undefined || Boolean(process.env.CLAIMLINE_QUEUE);
  if (useQueue && (values.store !== undefined || values.db !== undefined)) {
    throw new UsageError('--store is for watching without a queue; with --queue the workers store the articles (give the store to \'claimline worker\')');
  }
  if (useQueue && values.state !== undefined) throw new UsageError('--state is for watching without a queue; with --queue the state is kept in the queue\'s schema');

  let feedsProblems = 0;
  const loadFeeds = (): string[] | null => {
    let r;
    try {
      r = readFeedsFile(feedsFile);
    } catch (e) {
      ctx.stderr.write(`claimline: ${feedsFile}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`);
      return null;
    }
    for (const p of r.problems) ctx.stderr.write(`claimline: ${p}\n`);
    feedsProblems = r.problems.length;
    return r.urls;
  };
  let feeds = loadFeeds();
  if (feeds === null) return EXIT.usage;
  if (feeds.length === 0) {
    ctx.stderr.write(`claimline: ${feedsFile}: no feed URL to watch\n`);
    return EXIT.usage;
  }
  const allowPrivate = Boolean(values['allow-private-addresses']);
  const fetchOpts = { allowPrivate, timeoutMs: timeout * 1000, maxBytes };

  // Where items go and where the state lives: the queue and its schema, or a store and a file beside it.
  let queue: Queue | null = null;
  let store: Store | null = null;
  let states: FeedStates;
  let sink: ItemSink;
  const emit = (e: WatchEvent | { type: 'stored'; feed?: string; url: string; docId: string; status: string }) => {
    if (format === 'jsonl') ctx.stdout.write(JSON.stringify(e) + '\n');
  };
  if (useQueue) {
    queue = await openQueueFromFlags(values, ctx, 'claimline-watch', { maxConnections: Math.min(concurrency, 4) + 1 });
    if (!queue) return EXIT.store;
    try {
      states = await QueueFeedStates.open(queue);
    } catch (e) {
      ctx.stderr.write(`claimline: queue schema ${queue.schema}: cannot keep the watch state: ${(e as Error).message}\n`);
      await queue.close();
      return EXIT.store;
    }
    sink = new QueueSink(queue);
  } else {
    const location = storeLocation(values);
    const stateFile = (values.state as string | undefined) ?? defaultStateFile(location);
    store = await openStore(location, ctx);
    if (!store) return EXIT.store;
    states = new FileFeedStates(stateFile);
    const { updateStoreCorpus } = await import('../store/corpus-state.js');
    sink = new StoreSink(store, safePageFetcher(fetchOpts), (job, docId, status) => emit({ type: 'stored', url: job.url, docId, status }),
      async (s) => { await updateStoreCorpus(s); }, redactLocation(location));
  }

  let failures = 0;
  const watcher = new FeedWatcher(states, sink, {
    intervalSeconds: interval, concurrency, fetch: fetchOpts, published, attribution,
    onEvent: (e) => {
      emit(e);
      if (e.type === 'failed' || e.type === 'item-failed') failures++;
      report(ctx, e, { quiet, queued: Boolean(queue), once });
    },
  });

  let signal: NodeJS.Signals | null = null;
  const onSignal = (sig: NodeJS.Signals) => {
    if (signal === null) {
      signal = sig;
      ctx.stderr.write(`watch: ${sig}: starting no new poll; finishing the polls in flight\n`);
      watcher.stop();
      return;
    }
    ctx.stderr.write(`watch: ${sig} again: exiting now (feeds being polled keep their previous state and are polled again next time)\n`);
    process.exit(130);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  try {
    let known: number;
    try {
      known = await watcher.load();
    } catch (e) {
      ctx.stderr.write(`claimline: watch state (${states.where}): ${(e as Error).message}\n`);
      return EXIT.store;
    }
    if (!quiet) {
      ctx.stderr.write(`watch: ${feeds.length} feed(s) from ${feedsFile}${once ? ', one pass' : `, every ${interval} s`} → ${sink.name}; `
        + `state in ${states.where} (${known} feed(s) known)${allowPrivate ? '; private addresses ALLOWED' : ''}\n`);
    }
    if (once) {
      await watcher.once(feeds);
    } else {
      let mtime = fileMtime(feedsFile);
      await watcher.run(() => {
        // Follow edits of the feeds file; a file that became unreadable or empty keeps the last good list.
        const m = fileMtime(feedsFile);
        if (m !== mtime) {
          mtime = m;
          const next = loadFeeds();
          if (next && next.length > 0) {
            if (!quiet) ctx.stderr.write(`watch: ${feedsFile} changed: ${next.length} feed(s)\n`);
            feeds = next;
          } else ctx.stderr.write(`claimline: ${feedsFile}: keeping the previous ${feeds!.length} feed(s)\n`);
        }
        return feeds!;
      });
    }
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    await states.flush().catch((e: Error) => ctx.stderr.write(`claimline: watch state (${states.where}): ${e.message}\n`));
    await store?.close();
    await queue?.close();
  }
  if (signal !== null) {
    if (!quiet) ctx.stderr.write(`watch: stopped by ${signal}; every poll started was finished and its state saved\n`);
    return signal === 'SIGINT' ? 130 : EXIT.ok;
  }
  return once && (failures > 0 || feedsProblems > 0) ? EXIT.inputFailed : EXIT.ok;
}

function report(ctx: RunContext, e: WatchEvent, { quiet, queued, once }: { quiet: boolean; queued: boolean; once: boolean }): void {
  const err = ctx.stderr;
  if (e.type === 'failed') {
    err.write(`claimline: ${e.url}: ${e.error} (${e.failures} failure(s) in a row${once ? '' : `; next try in ${e.retryInSeconds} s`})\n`);
  } else if (e.type === 'item-failed') {
    err.write(`claimline: ${e.url} (item of ${e.feed}): ${e.error}\n`);
  } else if (quiet) {
    return;
  } else if (e.type === 'polled') {
    const what = e.status === 'not-modified' ? 'not modified'
      : `${e.newItems} new of ${e.items} item(s): ${e.taken} ${queued ? 'queued' : 'stored'}, ${e.known} already ${queued ? 'queued or done' : 'stored'}`
        + `${e.noLink ? `, ${e.noLink} without a link` : ''}`;
    err.write(`watch: ${e.url}: ${what} (${Math.round(e.ms)} ms)\n`);
  } else if (e.type === 'round') {
    err.write(`watch: ${e.polled} feed(s) polled: ${e.updated} updated, ${e.notModified} not modified, ${e.failed} failed; `
      + `${e.taken} item(s) ${queued ? 'queued' : 'stored'}${e.nextInSeconds === null || once ? '' : `; next poll in ${e.nextInSeconds} s`}\n`);
  }
}

function publishedFlag(value: string | undefined): string | null {
  if (value === undefined) return null;
  const p = parsePublished(value);
  if (p === null || !/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) throw new UsageError(`--published must be a real date written YYYY-MM-DD (got '${value}')`);
  return p;
}

function defaultStateFile(location: string): string {
  const where = parseStoreLocation(location);
  if (where.kind === 'sqlite') return `${where.file}.watch.json`;
  throw new UsageError('watching into a PostgreSQL store without a queue needs --state FILE (where the feeds\' state is kept)');
}

function fileMtime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}
