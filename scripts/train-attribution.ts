/**
 * Learns the attribution cue table (`npm run train:attribution`) from PolNeAR train and writes
 * `models/attribution/cues.json`: for every word form seen as a verb outside quotation marks at least
 * MIN_COUNT times, how often it heads a gold cue (the first verb of the cue span) and how often it occurs.
 * The attribution stage reads a form's cue rate to decide whether a verb introduces an attribution.
 * Deterministic (counting only, documents in name order). Options: --data DIR (a PolNeAR split directory,
 * default ../shared/data/polnear/train), --out FILE.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { newDoc } from '../src/model/document.js';
import { segmentStage } from '../src/stages/segment.js';
import { findQuotes } from '../src/stages/attribution/quotes.js';
import { isCueCandidate } from '../src/stages/attribution/cues.js';
import { loadSplit } from '../src/eval/attribution.js';
import { packageRoot, sharedDir } from '../src/util/paths.js';

const MIN_COUNT = 3;

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
  const out = option('--out') ?? path.join(packageRoot(), 'models/attribution/cues.json');
  const cue = new Map<string, number>();
  const seen = new Map<string, number>();
  const docs = loadSplit(data);
  for (const d of docs) {
    const doc = newDoc(d.text, { id: d.id, title: null, url: null, published: null, publishedSource: null, source: null });
    segmentStage.run(doc);
    const { quoteOfToken } = findQuotes(doc);
    const heads = new Set<number>();
    for (const a of d.gold) {
      const inCue = doc.tokens.map((t, i) => i).filter((i) => a.cue.some((f) => doc.tokens[i]!.start >= f.start
        && doc.tokens[i]!.end <= f.end));
      const head = inCue.find((i) => doc.tokens[i]!.pos === 'VERB') ?? inCue[0];
      if (head !== undefined) heads.add(head);
    }
    doc.tokens.forEach((t, i) => {
      if (quoteOfToken[i]! >= 0 || !isCueCandidate(t.pos, t.lower)) return;
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
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({
    about: 'Cue rates learned from PolNeAR v1.0 train (primary annotator) by scripts/train-attribution.ts: '
      + 'form -> [times it heads a gold cue, times it occurs as a verb outside quotation marks].',
    documents: docs.length, minCount: MIN_COUNT, forms: table,
  }, null, 0)}\n`);
  process.stdout.write(`train-attribution: ${docs.length} documents, ${Object.keys(table).length} forms -> ${out}\n`);
  return 0;
}

process.exitCode = main();
