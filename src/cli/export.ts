/**
 * `claimline export`: documents, statements, claims or claim clusters of a store — or claimline/1 records given
 * as files — in any export format (src/export, docs/export.md). A whole store is written as it is read (one
 * document at a time), with no cap and nothing left out silently.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  CLAIM_COLUMNS, EXPORT_FORMATS, STATEMENT_COLUMNS, claimReviewOfClaim, claimRows, clusterEncoder, documentEncoder,
  documentFiles, rowEncoder, statementRows, type Encoder, type ExportFormat, type ExportOptions,
} from '../export/index.js';
import type { AnalysisOut } from '../model/format.js';
import { validateAnalysis } from '../output/validate.js';
import type { ClaimRow, StatementRow, Store } from '../store/store.js';
import { EXIT, UsageError, datePrefix, oneOf, parse } from './args.js';
import type { RunContext } from './context.js';
import { claimStatuses } from './query.js';
import { STORE_FLAGS, STORE_FLAG_HELP, openStore, storeLocation } from './store-open.js';

const WHATS = ['documents', 'statements', 'claims', 'clusters'] as const;
type What = (typeof WHATS)[number];

/** Which formats each kind of item can take. */
const FORMATS_OF: Record<What, readonly ExportFormat[]> = {
  documents: EXPORT_FORMATS,
  statements: ['json', 'jsonl', 'csv'],
  claims: ['json', 'jsonl', 'csv', 'claimreview'],
  clusters: ['json', 'jsonl', 'csv', 'claimreview'],
};

export const EXPORT_HELP = `Usage: claimline export --format FORMAT [--store LOCATION] [--what KIND] [filters] [--out FILE|DIR]
       claimline export --format FORMAT <file.json|file.jsonl|->...

Export a store, or claimline/1 records given as files (validated first), in one of these formats:
  json, jsonl, csv          any kind; CSV is RFC 4180 (CRLF, UTF-8) and cells that start like a spreadsheet
                            formula (= + - @ tab CR) get a leading single quote
  claimreview               schema.org ClaimReview JSON-LD, one per claim (documents, claims) or per cluster;
                            the rating is the claim's status as reported, not a fact-check verdict
  webannotation             W3C Web Annotation collection (documents)
  timeml, brat              TimeML, brat standoff (documents): with --out DIR one file (.tml; .txt and .ann plus
                            annotation.conf) per document; otherwise one document as the file itself, several as
                            JSONL of {id, timeml} or {id, txt, ann}

  --what KIND              documents (default), statements, claims (each document's own), clusters (claims
                           across documents, from the corpus layer)
  --doc ID                 only this document (repeatable)
  --status S[,S...]        claims/clusters with this status (asserted, confirmed, denied, unconfirmed, disputed, retracted)
  --by NAME                claims/clusters whose status is by NAME; statements by speaker NAME
  --about TEXT             statements/claims/clusters about TEXT
  --since DATE             on or after DATE (YYYY, YYYY-MM, YYYY-MM-DD); documents by publication date
  --out FILE|DIR           write there instead of standard output (DIR: timeml and brat only)
  --bom                    CSV: start with a UTF-8 byte-order mark (for spreadsheet programs)
  --review-author NAME     ClaimReview: the publisher of the reviews (default "claimline (automated extraction)")
${STORE_FLAG_HELP}

Exit codes: 0 success; 1 an input file is not valid claimline/1 (nothing is written); 2 bad command line; 3 store error.`;

const FLAGS = {
  ...STORE_FLAGS, format: { type: 'string' }, what: { type: 'string' }, doc: { type: 'string', multiple: true },
  status: { type: 'string' }, by: { type: 'string' }, about: { type: 'string' }, since: { type: 'string' },
  out: { type: 'string' }, bom: { type: 'boolean' }, 'review-author': { type: 'string' },
} as const;

interface Filters {
  docs: string[];
  status: ReturnType<typeof claimStatuses>;
  by?: string;
  about?: string;
  since?: string;
}

/** Where the export goes: standard output (waiting when it is full) or a file. */
class Sink {
  private fd: number | null = null;
  constructor(private readonly ctx: RunContext, file?: string) {
    if (file) this.fd = fs.openSync(file, 'w');
  }
  async write(s: string): Promise<void> {
    if (!s) return;
    if (this.fd !== null) { fs.writeSync(this.fd, s); return; }
    if (!this.ctx.stdout.write(s)) await new Promise<void>((resolve) => this.ctx.stdout.once('drain', () => resolve()));
  }
  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }
}

async function encodeTo<T>(sink: Sink, enc: Encoder<T>, items: AsyncIterable<T> | Iterable<T>): Promise<number> {
  let n = 0;
  await sink.write(enc.begin());
  for await (const x of items) { await sink.write(enc.add(x)); n++; }
  await sink.write(enc.end());
  return n;
}

export async function exportCommand(args: string[], ctx: RunContext): Promise<number> {
  const { values, positionals } = parse(args, FLAGS);
  if (values.help) { ctx.stdout.write(EXPORT_HELP + '\n'); return EXIT.ok; }
  if (values.format === undefined) throw new UsageError(`export needs --format (one of ${EXPORT_FORMATS.join(', ')})`);
  const format = oneOf('format', values.format as string, EXPORT_FORMATS, 'json');
  const what = oneOf('what', values.what as string | undefined, WHATS, 'documents');
  if (!FORMATS_OF[what].includes(format)) {
    throw new UsageError(`--what ${what} exports as ${FORMATS_OF[what].join(', ')}, not ${format}`);
  }
  const filters: Filters = {
    docs: (values.doc as unknown as string[] | undefined) ?? [], status: claimStatuses(values.status as string | undefined),
    by: values.by as string | undefined, about: values.about as string | undefined, since: datePrefix('since', values.since as string | undefined),
  };
  if (what === 'documents' && (filters.status || filters.by || filters.about)) {
    throw new UsageError('--status, --by and --about select statements, claims or clusters: give --what too');
  }
  if (what === 'statements' && filters.status) throw new UsageError('--status selects claims or clusters, not statements');
  const opts: ExportOptions = { bom: values.bom === true };
  if (values['review-author']) opts.reviewAuthor = { name: values['review-author'] as string };
  const out = values.out as string | undefined;
  const toDir = out !== undefined && (format === 'timeml' || format === 'brat')
    && (out.endsWith('/') || out.endsWith(path.sep) || (fs.existsSync(out) && fs.statSync(out).isDirectory()));
  if (positionals.length > 0) {
    if (values.store !== undefined || values.db !== undefined) throw new UsageError('give a store or input files, not both');
    return exportFiles(positionals, what, format, filters, opts, out, toDir, ctx);
  }
  const store = await openStore(storeLocation(values), ctx, { readonly: true });
  if (!store) return EXIT.store;
  try {
    if (toDir) return await writeDir(out!, format as 'timeml' | 'brat', storeDocuments(store, filters, ctx), ctx);
    const sink = new Sink(ctx, out);
    try {
      return await exportStore(store, what, format, filters, opts, sink, ctx);
    } finally {
      sink.close();
    }
  } finally {
    await store.close();
  }
}

/** The store's documents, the ones named by --doc (in that order) or every one, by publication date. */
async function* storeDocuments(store: Store, f: Filters, ctx: RunContext): AsyncGenerator<AnalysisOut> {
  if (f.docs.length) {
    for (const id of f.docs) {
      const a = await store.analysis(id);
      if (!a) { ctx.stderr.write(`claimline export: no stored document has the id '${id}'\n`); continue; }
      if (!f.since || (a.document.published && a.document.published >= f.since)) yield a;
    }
    return;
  }
  for await (const a of store.analyses()) {
    if (!f.since || (a.document.published && a.document.published >= f.since)) yield a;
  }
}

/** Every row of a paged store query, page by page: no cap. */
async function* allPages<T>(query: (window: { limit: number; offset: number }) => Promise<{ results: T[]; more: number }>): AsyncGenerator<T> {
  const limit = 500;
  for (let offset = 0; ; offset += limit) {
    const page = await query({ limit, offset });
    yield* page.results;
    if (page.more <= 0 || page.results.length === 0) return;
  }
}

function eachDoc<T>(f: Filters, rows: (docId: string | undefined) => AsyncGenerator<T>): AsyncGenerator<T> {
  return (async function* () {
    if (f.docs.length === 0) yield* rows(undefined);
    else for (const id of f.docs) yield* rows(id);
  })();
}

async function exportStore(store: Store, what: What, format: ExportFormat, f: Filters, opts: ExportOptions, sink: Sink, ctx: RunContext): Promise<number> {
  if (what === 'documents') {
    const single = f.docs.length === 1 || (f.docs.length === 0 && !f.since && (await store.stats()).documents === 1);
    const missing = { n: 0 };
    const docs = storeDocuments(store, f, { ...ctx, stderr: { write: (s: string) => { missing.n++; return ctx.stderr.write(s); } } as NodeJS.WritableStream });
    await encodeTo(sink, documentEncoder(format, { ...opts, single }), docs);
    return missing.n ? EXIT.inputFailed : EXIT.ok;
  }
  if (what === 'statements') {
    const rows = eachDoc(f, (docId) => allPages<StatementRow>((w) => store.statements({ speaker: f.by, about: f.about, since: f.since, docId, ...w })));
    await encodeTo(sink, rowEncoder<StatementRow>(format as 'json', STATEMENT_COLUMNS, opts), rows);
    return EXIT.ok;
  }
  if (what === 'claims') {
    const rows = eachDoc(f, (docId) => allPages<ClaimRow>((w) => store.claims({ status: f.status, by: f.by, about: f.about, since: f.since, docId, ...w })));
    if (format !== 'claimreview') {
      await encodeTo(sink, rowEncoder<ClaimRow>(format as 'json', CLAIM_COLUMNS, opts), rows);
      return EXIT.ok;
    }
    // A ClaimReview needs the claim's document (URL, speaker, report time): read each document once, in turn.
    let current: AnalysisOut | null = null;
    const reviews = (async function* () {
      for await (const r of rows) {
        if (current?.document.id !== r.docId) current = await store.analysis(r.docId);
        const claim = current?.claims.find((c) => c.id === r.claimId);
        if (current && claim) yield claimReviewOfClaim(current, claim, opts);
      }
    })();
    await encodeTo(sink, rowEncoder('json', []), reviews);
    return EXIT.ok;
  }
  const { loadCorpus } = await import('../store/corpus-state.js');
  const corpus = await loadCorpus(store);
  const clusters = corpus.claims({ status: f.status, by: f.by, about: f.about, since: f.since }).items
    .filter((c) => f.docs.length === 0 || c.assertions.some((a) => f.docs.includes(a.docId)));
  const refs = new Map<string, { id: string; title: string | null; url: string | null; published: string | null } | null>();
  if (format === 'claimreview') {
    for (const id of new Set(clusters.flatMap((c) => c.assertions.map((a) => a.docId)))) {
      const a = await store.analysis(id);
      refs.set(id, a ? a.document : null);
    }
  }
  await encodeTo(sink, clusterEncoder(format, { ...opts, document: (id) => refs.get(id) ?? null }), clusters);
  return EXIT.ok;
}

/** Reads claimline/1 records (a JSON object, a JSON array, or JSONL) from a file or standard input. */
async function readRecords(input: string, ctx: RunContext): Promise<unknown[]> {
  let raw: string;
  if (input === '-') {
    const chunks: Buffer[] = [];
    for await (const c of ctx.stdin) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
    raw = Buffer.concat(chunks).toString('utf8');
  } else raw = fs.readFileSync(input, 'utf8');
  const t = raw.trim();
  if (t.startsWith('[')) return JSON.parse(t) as unknown[];
  if (t.startsWith('{') && !/\}\s*\n\s*\{/.test(t)) return [JSON.parse(t)];
  return t.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

async function exportFiles(inputs: string[], what: What, format: ExportFormat, f: Filters, opts: ExportOptions,
  out: string | undefined, toDir: boolean, ctx: RunContext): Promise<number> {
  if ((what === 'statements' || what === 'claims') && (f.status || f.by || f.about || f.since)) {
    throw new UsageError('--status, --by, --about and --since filter a store\'s statements and claims; with input files use --doc, or --what clusters');
  }
  const records: AnalysisOut[] = [];
  let bad = 0;
  for (const input of inputs) {
    const name = input === '-' ? 'standard input' : input;
    let items: unknown[];
    try {
      items = await readRecords(input, ctx);
    } catch (e) {
      ctx.stderr.write(`claimline export: ${name}: not JSON or JSONL claimline/1 records: ${(e as Error).message}\n`);
      bad++;
      continue;
    }
    items.forEach((r, i) => {
      const where = items.length > 1 ? `${name}[${i}]` : name;
      const problems = typeof r === 'object' && r !== null ? validateAnalysis(r as AnalysisOut) : ['not a JSON object'];
      if (problems.length) {
        bad++;
        for (const p of problems.slice(0, 20)) ctx.stderr.write(`claimline export: ${where}: ${p}\n`);
      } else records.push(r as AnalysisOut);
    });
  }
  // Nothing is written from inputs that are partly invalid: a half export looks complete.
  if (bad) return EXIT.inputFailed;
  let docs = f.docs.length ? records.filter((a) => f.docs.includes(a.document.id)) : records;
  if (what === 'documents' && f.since) docs = docs.filter((a) => a.document.published && a.document.published >= f.since!);
  if (toDir) return writeDir(out!, format as 'timeml' | 'brat', docs, ctx);
  const sink = new Sink(ctx, out);
  try {
    if (what === 'documents') await encodeTo(sink, documentEncoder(format, { ...opts, single: docs.length === 1 }), docs);
    else if (what === 'statements') await encodeTo(sink, rowEncoder(format as 'json', STATEMENT_COLUMNS, opts), docs.flatMap(statementRows));
    else if (what === 'claims' && format !== 'claimreview') await encodeTo(sink, rowEncoder(format as 'json', CLAIM_COLUMNS, opts), docs.flatMap(claimRows));
    else if (what === 'claims') await encodeTo(sink, documentEncoder('claimreview', opts), docs);
    else {
      const { Corpus } = await import('../corpus/index.js');
      const corpus = new Corpus();
      for (const a of docs) corpus.add(a);
      const byId = new Map(docs.map((a) => [a.document.id, a.document]));
      const clusters = corpus.claims({ status: f.status, by: f.by, about: f.about, since: f.since }).items;
      await encodeTo(sink, clusterEncoder(format, { ...opts, document: (id) => byId.get(id) ?? null }), clusters);
    }
  } finally {
    sink.close();
  }
  return EXIT.ok;
}

async function writeDir(dir: string, format: 'timeml' | 'brat', docs: AsyncIterable<AnalysisOut> | Iterable<AnalysisOut>, ctx: RunContext): Promise<number> {
  fs.mkdirSync(dir, { recursive: true });
  const files = documentFiles(format);
  let n = 0;
  for await (const a of docs) {
    for (const file of files.add(a)) fs.writeFileSync(path.join(dir, file.name), file.body);
    n++;
  }
  for (const file of files.end()) fs.writeFileSync(path.join(dir, file.name), file.body);
  ctx.stderr.write(`claimline export: ${n} document${n === 1 ? '' : 's'} written to ${dir}\n`);
  return EXIT.ok;
}


