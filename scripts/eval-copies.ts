/**
 * `npm run eval:copies [-- --seed N] [-- -v]`: pairwise precision and recall of copy detection on the generated
 * copies set (scripts/make-copies-set.ts). Every pair of articles is "same story copy" in gold when they share a
 * group, and predicted so when the corpus puts them in one copy group. Copy detection reads only the text, so
 * the articles are added as bare records (no analysis), which keeps the run to seconds.
 */
import { Corpus } from '../src/corpus/corpus.js';
import { documentOnly } from '../src/corpus/bare.js';
import { makeCopiesSet, readWikinews2019, TRANSFORMS } from './make-copies-set.js';

const argv = process.argv.slice(2);
const seedAt = argv.indexOf('--seed');
const seed = seedAt >= 0 ? Number(argv[seedAt + 1]) : 2019;
const verbose = argv.includes('-v');

const set = makeCopiesSet(readWikinews2019(), seed);
const corpus = new Corpus();
const t0 = performance.now();
for (const r of set) corpus.add(documentOnly(r));
const ms = performance.now() - t0;
const predicted = new Map<string, string>();
for (const r of set) predicted.set(r.id, corpus.copiesOf(r.id)!.origin);

let tp = 0;
let fp = 0;
let fn = 0;
const missedBy = new Map<string, number>();
const goldBy = new Map<string, number>();
for (let i = 0; i < set.length; i++) {
  for (let j = i + 1; j < set.length; j++) {
    const a = set[i]!;
    const b = set[j]!;
    const gold = a.group === b.group;
    const pred = predicted.get(a.id) === predicted.get(b.id);
    if (gold && pred) tp++;
    else if (pred) { fp++; if (verbose) console.log(`false pair: ${a.id} ~ ${b.id}`); }
    else if (gold) { fn++; if (verbose) console.log(`missed pair: ${a.id} [${a.transforms}] ~ ${b.id} [${b.transforms}]`); }
    if (gold) {
      for (const t of new Set([...a.transforms, ...b.transforms])) {
        goldBy.set(t, (goldBy.get(t) ?? 0) + 1);
        if (!pred) missedBy.set(t, (missedBy.get(t) ?? 0) + 1);
      }
    }
  }
}
const p = tp + fp === 0 ? 1 : tp / (tp + fp);
const r = tp + fn === 0 ? 1 : tp / (tp + fn);
const groups = new Set(set.map((x) => x.group)).size;
console.log(`copies set: seed ${seed}, ${set.length} articles in ${groups} groups, ${tp + fn} gold copy pairs`);
console.log(`pairwise precision ${(100 * p).toFixed(2)}  recall ${(100 * r).toFixed(2)}  (tp ${tp}, fp ${fp}, fn ${fn})`);
console.log(`recall by transform: ${TRANSFORMS.map((t) => `${t} ${(100 * (1 - (missedBy.get(t) ?? 0) / (goldBy.get(t) || 1))).toFixed(1)}`).join(', ')}`);
// The original is the origin whenever no copy is dated earlier or, on the same date, arrived earlier.
const originals = set.filter((x) => x.transforms.length === 0 && set.some((y) => y.group === x.group && y !== x));
const strictlyFirst = originals.filter((x) => set.every((y) => y.group !== x.group || y === x || (y.published ?? '') > (x.published ?? '')));
console.log(`origin: the original in ${strictlyFirst.filter((x) => predicted.get(x.id) === x.id).length} of ${strictlyFirst.length} groups where it is dated before every copy`);
console.log(`corpus add: ${(ms / set.length).toFixed(2)} ms per article`);
