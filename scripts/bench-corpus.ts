/**
 * `npm run bench:corpus -- [--size N] [--analyse K] [--copies F]`: what the corpus layer costs at scale.
 *
 * Articles are built from ../shared/data/unlabelled/: the 2019 Wikinews articles, then English Wikipedia pages
 * (lead sections of at least 400 characters, paragraphs as blank-line blocks) until there are N distinct
 * articles; a share F of them (default 0.1) gets a wire copy (trimmed and reordered) added later, so copy
 * detection works at full size. The first K articles (default 300) are analysed by the full pipeline and added
 * with their analysis, which gives the corpus-to-analysis time ratio; the rest are added as bare records
 * (document only), which measures the per-article corpus cost and memory at full size without spending hours
 * on analysis. Reported: analysis and corpus time of the analysed part, corpus add time per article over the
 * first and last thousand, peak RSS (MB) sampled along the way, and the time of each cross-document view
 * (entities, claims, stories) on the full corpus.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { Corpus } from '../src/corpus/corpus.js';
import { documentOnly, type BareDocument } from '../src/corpus/bare.js';
import { analyze } from '../src/pipeline/analyze.js';
import { sharedDir } from '../src/util/paths.js';

const argv = process.argv.slice(2);
const arg = (name: string, dflt: number) => { const i = argv.indexOf(name); return i >= 0 ? Number(argv[i + 1]) : dflt; };
const size = arg('--size', 10000);
const analyseCount = Math.min(size, arg('--analyse', 300));
const copyShare = arg('--copies', 0.1);
const shared = sharedDir();
if (!shared) throw new Error('../shared not found (set CLAIMLINE_SHARED)');

function* articles(): Generator<BareDocument> {
  const wn = fs.readFileSync(path.join(shared!, 'data', 'unlabelled', 'wikinews-2019.jsonl'), 'utf8');
  for (const line of wn.split('\n')) if (line.trim()) yield JSON.parse(line) as BareDocument;
  const wiki = zlib.gunzipSync(fs.readFileSync(path.join(shared!, 'data', 'unlabelled', 'enwiki-extract.txt.gz'))).toString('utf8');
  for (const m of wiki.matchAll(/<doc id="(\d+)" url="[^"]*" title="([^"]*)">\n([\s\S]*?)<\/doc>/g)) {
    const lines = m[3]!.split('\n').slice(1).map((l) => l.trim()).filter((l) => l && !l.endsWith('.') === false);
    const text = lines.join('\n\n').slice(0, 4000);
    if (text.length < 400) continue;
    yield { id: `wiki-${m[1]}`, title: m[2]!, text, url: `https://en.wikipedia.org/?curid=${m[1]}`, published: null };
  }
}

function copyOf(d: BareDocument, i: number): BareDocument {
  const ps = d.text.split('\n\n');
  const kept = ps.slice(0, Math.max(2, Math.ceil(ps.length * 0.8)));
  if (kept.length > 2) kept.push(kept.splice(1, 1)[0]!);
  return { ...d, id: `${d.id}--copy${i}`, url: null, title: `UPDATE: ${d.title ?? ''}`, text: kept.join('\n\n') };
}

// The source texts are read first, and the pipeline's models loaded, so that the memory they take is the
// baseline and the growth over it is the corpus's.
const source: BareDocument[] = [];
for (const d of articles()) { if (source.length >= size) break; source.push(d); }
analyze({ text: 'Models load on first use.', id: 'warm-up' });
const baseline = process.memoryUsage().rss;
const corpus = new Corpus();
let peak = 0;
const rss: number[] = [];
const sample = () => {
  const r = process.memoryUsage().rss;
  peak = Math.max(peak, r);
  rss.push(Math.round(r / 1048576));
};
let analysisMs = 0;
let analysedCorpusMs = 0;
let words = 0;
const addMs: number[] = [];
let n = 0;
let copies = 0;
const pendingCopies: BareDocument[] = [];
const t0 = performance.now();
for (const d of source) {
  if (n >= size) break;
  const items = [d];
  if (pendingCopies.length > 0 && (n % 7 === 3)) items.push(pendingCopies.shift()!);
  for (const item of items) {
    if (n >= size) break;
    let a;
    if (n < analyseCount) {
      const ta = performance.now();
      a = analyze({ text: item.text, id: item.id, title: item.title, url: item.url, published: item.published });
      analysisMs += performance.now() - ta;
      words += item.text.split(/\s+/).length;
    } else a = documentOnly(item);
    const tc = performance.now();
    corpus.add(a);
    const ms = performance.now() - tc;
    if (n < analyseCount) analysedCorpusMs += ms;
    addMs.push(ms);
    if (item !== d) copies++;
    n++;
    if (n % (size >= 20000 ? 10000 : 1000) === 0) sample();
  }
  if (Math.floor((n * copyShare)) > copies + pendingCopies.length) pendingCopies.push(copyOf(d, 1));
}
sample();
const ingestS = (performance.now() - t0) / 1000;
const avg = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / Math.max(1, xs.length);
const time = <T>(f: () => T): [T, number] => { const t = performance.now(); const r = f(); return [r, performance.now() - t]; };
const [ents, entMs] = time(() => corpus.entities().length);
const [claims, claimMs] = time(() => corpus.claims({ limit: 1 }).total);
const [stories, storyMs] = time(() => corpus.stories({ limit: 1 }).total);
const [groups, copyMs] = time(() => corpus.copies().length);
sample();
const tLast = performance.now();
corpus.add(documentOnly({ id: 'one-more', text: 'A last article, added to the full corpus.\n\nIt has two short paragraphs of text to fingerprint.' }));
const lastMs = performance.now() - tLast;
console.log(`bench:corpus  ${n} articles (${copies} copies; ${analyseCount} analysed, the rest bare), ingest ${ingestS.toFixed(1)} s`);
console.log(`analysed part: analysis ${(analysisMs / 1000).toFixed(2)} s (${Math.round(words / (analysisMs / 1000))} words/s), `
  + `corpus add ${(analysedCorpusMs / 1000).toFixed(2)} s = ${(100 * analysedCorpusMs / analysisMs).toFixed(1)} % of analysis`);
console.log(`corpus add per article: first 1000 ${avg(addMs.slice(0, 1000)).toFixed(2)} ms, last 1000 ${avg(addMs.slice(-1000)).toFixed(2)} ms, `
  + `one more after the full corpus ${lastMs.toFixed(2)} ms`);
console.log(`views on the full corpus: entities ${ents} in ${(entMs / 1000).toFixed(2)} s, claim clusters ${claims} in `
  + `${(claimMs / 1000).toFixed(2)} s, stories ${stories} in ${(storyMs / 1000).toFixed(2)} s, copy groups ${groups} in ${(copyMs / 1000).toFixed(2)} s`);
console.log(`RSS: ${(baseline / 1048576).toFixed(0)} MB with the source texts and models loaded, peak ${(peak / 1048576).toFixed(0)} MB `
  + `(corpus growth ${((peak - baseline) / 1048576).toFixed(0)} MB); RSS (MB) sampled along the way: ${rss.join(' ')}`);
