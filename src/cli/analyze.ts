/**
 * `claimline analyze` and `claimline ingest`: both read inputs, run the pipeline per document, and report
 * failures per input without stopping the run. They differ only in where each record goes.
 */
import { readInputs, parsePublished, type RawDoc } from '../input/index.js';
import { analyzeRawAsync } from '../queue/ingest-one.js';
import type { AnalysisOut } from '../model/format.js';
import { toMarkdown } from '../output/markdown.js';
import { jsonPieces, writeJson, writePieces } from '../output/json-stream.js';
import { toTimeML } from '../export/timeml.js';
import { EXIT, UsageError, oneOf, parse, positiveInt, type Parsed } from './args.js';
import type { RunContext } from './context.js';
import { Progress } from './progress.js';
import { ATTRIBUTION_MODES, type AttributionMode } from '../pipeline/stages.js';
import { STORE_FLAGS, STORE_FLAG_HELP, storeLocation } from './store-open.js';
import type { IngestStatus } from '../store/store.js';

export const IDENTITY_HELP = `  --id ID                  the document's id (one input document only); otherwise a JSONL/sidecar id or feed
                           guid, else the canonical URL, else the path relative to --root, else a hash of the text
  --root DIR               paths are taken relative to DIR, whose name leads the id (default: each input's own
                           folder, e.g. news/world/story.txt for input news/)`;

const URL_HELP = `  --allow-private-addresses
                           UNSAFE: let URL inputs reach loopback, private and link-local addresses (a trusted
                           intranet, tests); by default they are refused (see docs/fetch.md)`;

const PROGRESS_HELP = `  --progress               progress lines on stderr even when it is not a terminal (on a terminal they are
                           shown anyway: documents done, and stage and % through the text of a long one)
  --quiet                  no progress or summary on stderr`;

export const ANALYZE_HELP = `Usage: claimline analyze <inputs...|-> [options]

Analyse news documents and print one claimline/1 record per document.
Inputs: files, directories (recursive), - for standard input, or http(s) URLs (fetched safely; a page's
identity is its canonical URL). Plain text, HTML, RSS/Atom feeds (one document per item) and JSONL
({id, text|html, title?, url?, published?} per line). A sidecar
<name>.meta.json ({title, published, url}) beside a file supplies its metadata.

Options:
  --published YYYY-MM-DD   publication date for inputs that do not carry one (anchors "today", "last year")
  --format FORMAT          json (default; an array when there are several documents), jsonl (one record per
                           line, input order), md (a report to read), timeml (TempEval-3 TimeML)
  --max-bytes N            reject inputs larger than N bytes (default 20971520)
  --attribution MODE       rules (default) or tagger: the learned span tagger on top of the rules (PolNeAR dev
                           exact F1 +2.5 source, +1.2 cue, +3.1 content; the attribution stage about 3.5x slower)
${IDENTITY_HELP}
${URL_HELP}
${PROGRESS_HELP}
  -h, --help               this help

Exit codes: 0 all inputs analysed; 1 some inputs failed (the others were still analysed);
2 bad command line; 130 stopped by Ctrl-C (what was finished is printed, what was not is named on stderr).`;

export const INGEST_HELP = `Usage: claimline ingest <inputs...|-> [--store LOCATION] [options]

Analyse documents and store them (default ./claimline.db). A document keeps its identity across runs (see --id):
the same text again changes nothing, a new text for the same identity is kept as its next version
('claimline versions ID' shows what changed), nothing is silently replaced. Each document is stored in its own
transaction, so an interrupted run keeps everything already committed and a failed input changes nothing;
several ingests may write to one store at once (they wait for each other).

Options:
${STORE_FLAG_HELP}
  --format FORMAT          text (default: a summary on stderr), jsonl (one {id, status, version, source} line per
                           document) or json (those records and the counts, at the end)
  --published YYYY-MM-DD   publication date for inputs that do not carry one
  --max-bytes N            reject inputs larger than N bytes (default 20971520)
  --attribution MODE       rules (default) or tagger: the learned span tagger on top of the rules (PolNeAR dev
                           exact F1 +2.5 source, +1.2 cue, +3.1 content; the attribution stage about 3.5x slower)
${IDENTITY_HELP}
${URL_HELP}
${PROGRESS_HELP}
  -h, --help               this help

Exit codes: 0 all inputs stored; 1 some inputs failed (the others were stored); 2 bad command line;
3 the store could not be opened; 130 stopped by Ctrl-C (every document finished before it is stored, the one
being analysed and the rest are not, and are named on stderr).`;

const FORMATS = ['json', 'jsonl', 'md', 'timeml'] as const;

function defaultPublished(value: string | undefined): string | null {
  if (value === undefined) return null;
  const p = parsePublished(value);
  if (p === null || !/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
    throw new UsageError(`--published must be a real date written YYYY-MM-DD (got '${value}')`);
  }
  return p;
}

/** What `analyze` and `ingest` both take from the command line. */
export interface RunOptions {
  published: string | null;
  maxBytes: number;
  quiet: boolean;
  /** Progress lines on stderr even when it is not a terminal. */
  progress: boolean;
  attribution: AttributionMode;
  id: string | undefined;
  root: string | undefined;
  allowPrivateAddresses: boolean;
}

const RUN_FLAGS = {
  published: { type: 'string' }, 'max-bytes': { type: 'string' }, quiet: { type: 'boolean' }, progress: { type: 'boolean' },
  attribution: { type: 'string' },
  id: { type: 'string' }, root: { type: 'string' },
  'allow-private-addresses': { type: 'boolean' },
} as const;

/**
 * Parses the flags `analyze` and `ingest` share plus the command's own (`own`). Returns null after printing
 * `help` for --help; throws a UsageError for a bad flag or value, or no input.
 */
export function parseRunArgs(
  command: string, help: string, args: string[], own: Parameters<typeof parse>[1], ctx: RunContext,
): { inputs: string[]; opts: RunOptions; values: Parsed['values'] } | null {
  const { values, positionals } = parse(args, { ...RUN_FLAGS, ...own });
  if (values.help) { ctx.stdout.write(help + '\n'); return null; }
  if (positionals.length === 0) throw new UsageError(`${command} needs at least one input (a file, a directory, an http(s) URL or -)`);
  const opts: RunOptions = {
    published: defaultPublished(values.published as string | undefined),
    maxBytes: positiveInt('max-bytes', values['max-bytes'] as string | undefined, 20 * 1024 * 1024),
    quiet: Boolean(values.quiet),
    progress: Boolean(values.progress),
    attribution: oneOf('attribution', values.attribution as string | undefined, ATTRIBUTION_MODES, 'rules'),
    id: values.id as string | undefined,
    root: values.root as string | undefined,
    allowPrivateAddresses: Boolean(values['allow-private-addresses']),
  };
  if (opts.id !== undefined && opts.id.trim() === '') throw new UsageError('--id must not be empty');
  return { inputs: positionals, opts, values };
}

/** How a run of `eachAnalysis` ended. */
interface RunOutcome {
  failed: number;
  /** Stopped by Ctrl-C: what was finished has been handed to the sink, the rest was not started or dropped. */
  interrupted: boolean;
}

/**
 * Analyses each readable input; calls `sink` per record. Ctrl-C (SIGINT) stops the run between two stages of the
 * document being analysed (that document is dropped, so nothing of it reaches the sink) or between two documents,
 * and says what was finished and what was not; a second Ctrl-C ends the process at once.
 */
async function eachAnalysis(
  inputs: string[], opts: RunOptions, ctx: RunContext, verb: string,
  sink: (a: AnalysisOut, raw: RawDoc) => void | Promise<void>,
): Promise<RunOutcome> {
  const progress = new Progress(ctx.stderr, opts.quiet, verb, opts.progress);
  const stop = new AbortController();
  const onSigint = () => {
    process.off('SIGINT', onSigint);
    stop.abort(new Error('interrupted'));
  };
  process.on('SIGINT', onSigint);
  const unfinished: string[] = [];
  const notStarted: string[] = [];
  let documents = 0;
  try {
    // One input at a time, so that on Ctrl-C the inputs not yet reached can be named.
    inputs: for (const [k, input] of inputs.entries()) {
      if (stop.signal.aborted) { notStarted.push(...inputs.slice(k)); break; }
      for await (const item of readInputs([input], {
        stdin: ctx.stdin, maxBytes: opts.maxBytes, identity: { id: opts.id?.trim(), root: opts.root },
        url: { allowPrivate: opts.allowPrivateAddresses },
      })) {
        if (!item.ok) {
          // Things passed over on purpose inside a folder (unknown file kinds, links to folders) are not failures.
          if (item.skipped) progress.skip(item.source, item.reason);
          else progress.fail(item.source, item.reason);
          continue;
        }
        const raw = item.doc;
        if (opts.id !== undefined && ++documents > 1) {
          progress.fail(raw.source, '--id names one document, but the inputs hold more');
          continue;
        }
        if (stop.signal.aborted) {
          notStarted.push(raw.source === input ? input : `${input} (the rest of it)`, ...inputs.slice(k + 1));
          break inputs;
        }
        try {
          progress.begin();
          const a = await analyzeRawAsync(raw, opts, { signal: stop.signal, onProgress: (p) => progress.stage(raw.source, p) });
          await sink(a, raw);
          progress.done(raw.source, raw.text);
        } catch (e) {
          if (!stop.signal.aborted || e !== stop.signal.reason) {
            progress.fail(raw.source, (e as Error).message);
            continue;
          }
          unfinished.push(raw.source);
          if (raw.source !== input) notStarted.push(`${input} (the rest of it)`);
          notStarted.push(...inputs.slice(k + 1));
          break inputs;
        }
      }
    }
  } finally {
    process.off('SIGINT', onSigint);
  }
  if (stop.signal.aborted) progress.interrupted(unfinished, notStarted);
  else progress.finish();
  return { failed: progress.failed, interrupted: stop.signal.aborted };
}

export async function analyzeCommand(args: string[], ctx: RunContext): Promise<number> {
  const run = parseRunArgs('analyze', ANALYZE_HELP, args, { format: { type: 'string' } }, ctx);
  if (!run) return EXIT.ok;
  const format = oneOf('format', run.values.format as string | undefined, FORMATS, 'json');
  // Records are written in pieces as they come (see output/json-stream.ts): a long document's record is never
  // one string. For json, the first record waits until a second says whether the output is an array.
  let first: AnalysisOut | null = null;
  let count = 0;
  const { failed, interrupted } = await eachAnalysis(run.inputs, run.opts, ctx, 'analysed', async (a) => {
    if (format === 'jsonl') await writeJson(ctx.stdout, a);
    else if (format === 'md') ctx.stdout.write(toMarkdown(a) + '\n');
    else if (format === 'timeml') ctx.stdout.write(toTimeML(a) + '\n');
    else if (++count === 1) first = a;
    else {
      if (first) await writePieces(ctx.stdout, after('[\n  ', jsonPieces(first, 2, 1)));
      first = null;
      await writePieces(ctx.stdout, after(',\n  ', jsonPieces(a, 2, 1)));
    }
  });
  if (format === 'json') {
    if (count === 0) ctx.stdout.write('[]\n');
    else if (count === 1) await writeJson(ctx.stdout, first, 2);
    else ctx.stdout.write('\n]\n');
  }
  if (interrupted) return EXIT.interrupted;
  return failed > 0 ? EXIT.inputFailed : EXIT.ok;
}

function* after(head: string, rest: Iterable<string>): Generator<string> {
  yield head;
  yield* rest;
}

const INGEST_FORMATS = ['text', 'json', 'jsonl'] as const;

export async function ingestCommand(args: string[], ctx: RunContext): Promise<number> {
  const run = parseRunArgs('ingest', INGEST_HELP, args, { ...STORE_FLAGS, format: { type: 'string' } }, ctx);
  if (!run) return EXIT.ok;
  const { inputs, opts } = run;
  const format = oneOf('format', run.values.format as string | undefined, INGEST_FORMATS, 'text');
  const { openStore } = await import('./store-open.js');
  const store = await openStore(storeLocation(run.values), ctx);
  if (!store) return EXIT.store;
  const counts: Record<IngestStatus, number> = { inserted: 0, 'new-version': 0, reanalysed: 0, unchanged: 0 };
  const records: { id: string; status: IngestStatus; version: number; source: string }[] = [];
  let failed: number;
  let interrupted: boolean;
  try {
    ({ failed, interrupted } = await eachAnalysis(inputs, opts, ctx, 'ingested', async (a, raw) => {
      const r = await store.ingest(a);
      counts[r.status]++;
      const record = { id: r.docId, status: r.status, version: r.version, source: raw.source };
      if (format === 'jsonl') ctx.stdout.write(JSON.stringify(record) + '\n');
      else if (format === 'json') records.push(record);
    }));
    // Copies, cross-document entities, claims and stories see every stored document, this run's and any a
    // crashed run left out (one write transaction). After Ctrl-C that waits for the next run: stop means stop.
    if (!interrupted) {
      const { updateStoreCorpus } = await import('../store/corpus-state.js');
      await updateStoreCorpus(store);
    }
  } finally {
    await store.close();
  }
  if (format === 'json') ctx.stdout.write(JSON.stringify({ ...counts, failed, documents: records }, null, 2) + '\n');
  if (!opts.quiet) {
    ctx.stderr.write(`store: ${counts.inserted} inserted, ${counts['new-version']} new version${counts['new-version'] === 1 ? '' : 's'}, `
      + `${counts.reanalysed} re-analysed, ${counts.unchanged} unchanged\n`);
  }
  if (interrupted) return EXIT.interrupted;
  return failed > 0 ? EXIT.inputFailed : EXIT.ok;
}
