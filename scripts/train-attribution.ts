/**
 * Trains the attribution stage's two learned parts (`npm run train:attribution`) on PolNeAR train:
 *   models/attribution/cues.json    for every word form seen as a cue candidate (see isCueCandidate) outside
 *                                   quotation marks at least MIN_COUNT times, how often it heads a gold cue (the
 *                                   first verb of the cue span)
 *   models/attribution/scorer.json  averaged-perceptron weights that accept or reject each verb-cue reading the
 *                                   rules propose (see src/stages/attribution/scorer.ts)
 * Deterministic: documents in name order, a seeded shuffle per epoch. Options: --data DIR (a PolNeAR split
 * directory, default ../shared/data/polnear/train), --out DIR, --epochs N.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { newDoc } from '../src/model/document.js';
import { segmentStage } from '../src/stages/segment.js';
import { findQuotes } from '../src/stages/attribution/quotes.js';
import { isCueCandidate } from '../src/stages/attribution/cues.js';
import { cueCandidates } from '../src/stages/attribution/index.js';
import { trainPerceptron } from '../src/stages/attribution/scorer.js';
import { loadSplit } from '../src/eval/attribution.js';
import { packageRoot, sharedDir } from '../src/util/paths.js';

const MIN_COUNT = 3;
const SEED = 20161108;

/** mulberry32: a small seeded PRNG, so the example order is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): number {
  const shared = sharedDir();
  const data = option('--data') ?? (shared ? path.join(shared, 'data/polnear/train') : null);
  if (!data) {
    process.stderr.write('train-attribution: ../shared not found; pass --data <polnear train dir>\n');
    return 2;
  }
  const outDir = option('--out') ?? path.join(packageRoot(), 'models/attribution');
  const out = path.join(outDir, 'cues.json');
  const epochs = Number(option('--epochs') ?? 5);
  const cue = new Map<string, number>();
  const seen = new Map<string, number>();
  const docs = loadSplit(data);
  const segmented = docs.map((d) => {
    const doc = newDoc(d.text, { id: d.id, title: null, url: null, published: null, publishedSource: null, source: null });
    segmentStage.run(doc);
    const cueTokens = new Set<number>();
    const heads = new Set<number>();
    for (const a of d.gold) {
      const inCue = doc.tokens.map((t, i) => i).filter((i) => a.cue.some((f) => doc.tokens[i]!.start >= f.start
        && doc.tokens[i]!.end <= f.end));
      for (const i of inCue) cueTokens.add(i);
      const head = inCue.find((i) => doc.tokens[i]!.pos === 'VERB') ?? inCue[0];
      if (head !== undefined) heads.add(head);
    }
    return { doc, heads, cueTokens };
  });
  for (const { doc, heads } of segmented) {
    const { quoteOfToken } = findQuotes(doc);
    doc.tokens.forEach((t, i) => {
      if (quoteOfToken[i]! >= 0 || !isCueCandidate(t.pos, t.lower, doc.tokens[i - 1]?.pos)) return;
      seen.set(t.lower, (seen.get(t.lower) ?? 0) + 1);
      if (heads.has(i)) cue.set(t.lower, (cue.get(t.lower) ?? 0) + 1);
    });
  }
  const table: Record<string, [number, number]> = {};
  for (const form of [...seen.keys()].sort()) {
    const n = seen.get(form)!;
    const c = cue.get(form) ?? 0;
    if (n >= MIN_COUNT && c > 0) table[form] = [c, n];
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(out, `${JSON.stringify({
    about: 'Cue rates learned from PolNeAR v1.0 train (primary annotator) by scripts/train-attribution.ts: '
      + 'form -> [times it heads a gold cue, times it occurs as a cue candidate outside quotation marks].',
    documents: docs.length, minCount: MIN_COUNT, forms: table,
  }, null, 0)}\n`);
  process.stdout.write(`train-attribution: ${docs.length} documents, ${Object.keys(table).length} forms -> ${out}\n`);

  // The scorer is trained on the readings the rules propose with the table just written (the stage reads it).
  const examples = segmented.flatMap(({ doc, cueTokens }) => cueCandidates(doc)
    .map((c) => ({ features: c.features, label: cueTokens.has(c.cueToken) })));
  const random = rng(SEED);
  const order = () => {
    const idx = examples.map((_, i) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    return idx;
  };
  const model = trainPerceptron(examples, epochs, order);
  const scorerOut = path.join(outDir, 'scorer.json');
  writeFileSync(scorerOut, `${JSON.stringify({
    about: 'Averaged-perceptron weights over verb-cue readings, trained on PolNeAR v1.0 train by '
      + 'scripts/train-attribution.ts (see src/stages/attribution/scorer.ts).',
    examples: examples.length, positives: examples.filter((e) => e.label).length, epochs, seed: SEED, ...model,
  }, null, 0)}\n`);
  process.stdout.write(`train-attribution: ${examples.length} candidate readings, `
    + `${Object.keys(model.weights).length} features -> ${scorerOut}\n`);
  return 0;
}

process.exitCode = main();
