/**
 * `npm run bench:store [-- --docs N]`: what the store costs beside the analysis. The 2019 Wikinews articles in
 * ../shared/data/unlabelled/ are analysed once each (timed: the analysis cost per article); their analyses are then
 * ingested under N distinct ids (default 20000) into a new SQLite store, timed per thousand; at the full store it
 * times one new article, one new version, one unchanged re-ingest and the list queries, and reports the peak
 * resident memory. Figures go to stdout; nothing is asserted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyze } from '../src/pipeline/analyze.js';
import type { AnalysisOut } from '../src/model/format.js';
import { SqliteStore } from '../src/store/index.js';
import { sharedDir } from '../src/util/paths.js';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const shared = sharedDir();
if (!shared) {
  process.stderr.write('bench:store needs ../shared/data/unlabelled/wikinews-2019.jsonl (set CLAIMLINE_SHARED)\n');
  process.exit(2);
}
const docs = flag('docs', 20_000);
const records = fs.readFileSync(path.join(shared, 'data/unlabelled/wikinews-2019.jsonl'), 'utf8').split('\n').filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string; text: string; title: string; url: string; published: string });

let peakRss = process.memoryUsage().rss;
const sample = () => { peakRss = Math.max(peakRss, process.memoryUsage().rss); };

const t0 = performance.now();
const analyses: AnalysisOut[] = records.map((r) => analyze({ text: r.text, id: r.id, title: r.title, url: r.url, published: r.published }));
const analysisMs = (performance.now() - t0) / analyses.length;
sample();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimline-bench-store-'));
const file = path.join(dir, 'bench.db');
const store = SqliteStore.open(file);
const copy = (a: AnalysisOut, id: string): AnalysisOut => ({ ...a, document: { ...a.document, id } });

const out = (s: string) => process.stdout.write(s + '\n');
out(`articles analysed: ${analyses.length}, analysis ${analysisMs.toFixed(1)} ms/article`);
out('stored   store ms/doc (last 1000)   rss MB');
let batchStart = performance.now();
let storeTotal = 0;
for (let i = 0; i < docs; i++) {
  const a = analyses[i % analyses.length]!;
  const s0 = performance.now();
  await store.ingest(copy(a, `${a.document.id}#${i}`));
  storeTotal += performance.now() - s0;
  if ((i + 1) % 1000 === 0) {
    sample();
    out(`${String(i + 1).padStart(6)}   ${((performance.now() - batchStart) / 1000).toFixed(2).padStart(8)}   ${(process.memoryUsage().rss / 2 ** 20).toFixed(0).padStart(18)}`);
    batchStart = performance.now();
  }
}

const timed = async (label: string, fn: () => Promise<unknown>): Promise<void> => {
  const s0 = performance.now();
  await fn();
  out(`${label.padEnd(44)} ${(performance.now() - s0).toFixed(1)} ms`);
};
out(`\nat ${docs} documents (${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MB before checkpoint):`);
const first = analyses[0]!;
await timed('ingest one new article', () => store.ingest(copy(first, 'bench-new')));
const edited = copy(first, 'bench-new');
edited.document = { ...edited.document, text: `${edited.document.text}\nUpdated.` };
await timed('ingest a new version of it', () => store.ingest(edited));
await timed('ingest it again unchanged', () => store.ingest(edited));
await timed("statements --speaker 'police' (first 100)", () => store.statements({ speaker: 'police' }));
await timed("claims --status denied (first 100)", () => store.claims({ status: 'denied' }));
await timed("search 'elect*' (first 20)", () => store.search({ text: 'elect*' }));
await timed('timeline (first 1000)', () => store.timeline());
await store.close();
sample();
out(`\nstore ${(storeTotal / docs).toFixed(2)} ms/doc on average = ${(100 * storeTotal / docs / analysisMs).toFixed(1)} % of the analysis time`);
out(`peak rss ${(peakRss / 2 ** 20).toFixed(0)} MB; store file ${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MB`);
fs.rmSync(dir, { recursive: true, force: true });
