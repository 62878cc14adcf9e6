/**
 * `claimline enqueue`: reads documents as `ingest` does (same readers, same identities) and puts one job per
 * document on the queue instead of analysing them here; http(s) addresses become URL jobs (a feed's address
 * is expanded by the worker into one job per item).
 */
import { readInputs } from '../input/index.js';
import { INGEST_QUEUE } from '../queue/connection.js';
import { Enqueuer } from '../queue/enqueue.js';
import { documentJob, JOB_FORMAT, jobSubject, type IngestJob } from '../queue/jobs.js';
import type { Store } from '../store/store.js';
import { EXIT, oneOf } from './args.js';
import type { RunContext } from './context.js';
import { IDENTITY_HELP, parseRunArgs } from './analyze.js';
import { openQueueFromFlags, QUEUE_FLAGS, QUEUE_FLAG_HELP } from './queue-flags.js';
import { openStore, STORE_FLAGS } from './store-open.js';

export const ENQUEUE_HELP = `Usage: claimline enqueue <inputs...|-> --queue postgres://… [options]

Put documents on the ingestion queue for 'claimline worker' to analyse and store. Inputs are read exactly as
'claimline ingest' reads them (files, folders, feeds, JSONL, -) and each document's text travels in its job, so
workers need no access to these files. An http(s):// input is queued as a URL for the worker to fetch (a feed's
address becomes one job per item). A document already queued, running or done with the same identity and text
is not queued again.

Options:
${QUEUE_FLAG_HELP}
  --store LOCATION         skip documents this store already holds with the same text
  --published YYYY-MM-DD   publication date for inputs that do not carry one
  --max-bytes N            reject inputs larger than N bytes (default 20971520)
  --attribution MODE       rules (default) or tagger, for the worker's analysis
${IDENTITY_HELP}
  --format FORMAT          text (default: a summary on stderr) or jsonl (one {job, id, source, queued} per document)
  --quiet                  no summary on stderr
  -h, --help               this help

Exit codes: 0 all inputs queued (or already there); 1 some inputs could not be read; 2 bad command line;
3 the queue or the store could not be opened.`;

const FORMATS = ['text', 'jsonl'] as const;

export async function enqueueCommand(args: string[], ctx: RunContext): Promise<number> {
  const run = parseRunArgs('enqueue', ENQUEUE_HELP, args, { ...QUEUE_FLAGS, ...STORE_FLAGS, format: { type: 'string' } }, ctx);
  if (!run) return EXIT.ok;
  const { opts, values } = run;
  const format = oneOf('format', values.format as string | undefined, FORMATS, 'text');
  const urls = run.inputs.filter((i) => /^https?:\/\//i.test(i));
  const paths = run.inputs.filter((i) => !/^https?:\/\//i.test(i));

  const queue = await openQueueFromFlags(values, ctx, 'claimline-enqueue');
  if (!queue) return EXIT.store;
  let store: Store | null = null;
  const storeFlag = (values.store ?? values.db) as string | undefined;
  if (storeFlag !== undefined) {
    store = await openStore(storeFlag, ctx, { readonly: true });
    if (!store) { await queue.close(); return EXIT.store; }
  }
  let failed = 0;
  let alreadyStored = 0;
  const enqueuer = new Enqueuer(queue, (id, job, queued) => {
    if (format === 'jsonl') ctx.stdout.write(JSON.stringify({ job: id, ...jobSubject(job), queued }) + '\n');
  });
  try {
    for (const url of urls) {
      const job: IngestJob = { v: JOB_FORMAT, kind: 'url', url, id: opts.id?.trim() ?? null, published: opts.published, attribution: opts.attribution };
      await enqueuer.add(job);
    }
    if (paths.length > 0) {
      for await (const item of readInputs(paths, { stdin: ctx.stdin, maxBytes: opts.maxBytes, identity: { id: opts.id?.trim(), root: opts.root } })) {
        if (!item.ok) {
          if (!item.skipped) failed++;
          if (!item.skipped || !opts.quiet) ctx.stderr.write(`claimline: ${item.source}: ${item.reason}\n`);
          continue;
        }
        if (store && (await store.analysis(item.doc.id))?.document.text === item.doc.text) {
          alreadyStored++;
          continue;
        }
        await enqueuer.add(documentJob(item.doc, opts.published, opts.attribution));
      }
    }
    await enqueuer.flush();
    if (!opts.quiet) {
      const pending = await queue.pending();
      ctx.stderr.write(`enqueue: ${enqueuer.counts.queued} queued, ${enqueuer.counts.duplicate} already queued or done`
        + `${store ? `, ${alreadyStored} already stored` : ''}, ${failed} unreadable; ${pending} job(s) pending on ${INGEST_QUEUE}\n`);
    }
  } finally {
    await store?.close();
    await queue.close();
  }
  return failed > 0 ? EXIT.inputFailed : EXIT.ok;
}
