/**
 * Trains the NER model (`npm run train:ner`) and writes these files, all in `models/ner/` (or --out DIR):
 *   clusters.tsv     word clusters induced from unlabeled text in ../shared/data (see train/clusters.ts); not
 *                    rewritten with --reuse-clusters when the file exists
 *   gazetteers.json  name lists frozen from dev-dependency lexicons and src/lexicon/geo.ts (train/gazetteer-sources.ts)
 *   weights.bin      averaged-perceptron weights, Int16, one block of columns per pass (src/learn/weight-table.ts)
 *   model.json       header: tag set, number of passes, training data, the generator's name
 * Deterministic and free of dates or other run-dependent values: fixed seeds, fixed document order per epoch; the
 * same command writes byte-identical files.
 * Options: --epochs N (10), --passes 1|2 (1; 2 adds the second pass of features.ts FirstPass), --seed N,
 * --ensemble K (3: the weights are the mean of K models trained on different document orders, seeds N .. N+K-1),
 * --reuse-clusters, --limit N (train on the first N documents, for quick iterations), --out DIR,
 * --min-weight W (1: features whose averaged weights all stay below W update units are left out of the file).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot, sharedDir } from '../src/util/paths.js';
import { readConll, type ConllDoc } from '../src/stages/entities/ner/conll.js';
import {
  docFeatures, firstPassOf, N_TAGS, TAGS, type FirstPass, type Resources,
} from '../src/stages/entities/ner/features.js';
import { buildGazIndex } from '../src/stages/entities/ner/gazetteer.js';
import { greedyDecode } from '../src/stages/entities/ner/decode.js';
import {
  MODEL_FILES, NER_TABLE_LAYOUT, loadNerModel, parseClusters, type ModelHeader,
} from '../src/stages/entities/ner/model.js';
import { WeightTable } from '../src/learn/weight-table.js';
import { MulticlassPerceptron } from '../src/learn/multiclass.js';
import { induceClusters } from '../src/stages/entities/ner/train/clusters.js';
import { rng, shuffleInPlace } from '../src/util/random.js';
import { buildGazetteers } from '../src/stages/entities/ner/train/gazetteer-sources.js';
import { evaluateNerDocs, formatConlleval } from '../src/eval/ner.js';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const ROOT = packageRoot();
const SHARED = sharedDir();
if (!SHARED) {
  process.stderr.write('train-ner: ../shared (training data) not found beside the repository; set CLAIMLINE_SHARED\n');
  process.exit(2);
}
const DATA = path.join(SHARED, 'data');
const OUT = path.resolve(ROOT, opt('--out') ?? 'models/ner');
const EPOCHS = Number(opt('--epochs') ?? 10);
const LIMIT = Number(opt('--limit') ?? Infinity);
/** Features whose largest averaged weight is below this many update units are dropped from the file. */
const MIN_WEIGHT = Number(opt('--min-weight') ?? 1);
const SEED = Number(opt('--seed') ?? 20030601);
const FOLDS = 5;
const PASSES: 1 | 2 = opt('--passes') === '2' ? 2 : 1;
/** Models (document orders) averaged into the final weights of each pass. */
const ENSEMBLE = Number(opt('--ensemble') ?? 3);

/** BIO/IOB1 tags → BILOU tag indices (what the tagger predicts). */
function bilou(tags: readonly string[]): Uint8Array {
  const out = new Uint8Array(tags.length);
  const type = (t: string) => (t === 'O' ? '' : t.slice(2));
  const begins = (i: number) => tags[i] !== 'O' && (tags[i]!.startsWith('B-') || i === 0 || type(tags[i - 1]!) !== type(tags[i]!));
  for (let i = 0; i < tags.length; i++) {
    if (tags[i] === 'O') continue;
    const first = begins(i);
    const last = i + 1 >= tags.length || type(tags[i + 1]!) !== type(tags[i]!) || begins(i + 1);
    const part = first && last ? 'U' : first ? 'B' : last ? 'L' : 'I';
    out[i] = TAGS.indexOf(`${part}-${type(tags[i]!)}`);
  }
  return out;
}

function unlabeledTexts(train: ConllDoc[]): string[] {
  const texts = train.map((d) => d.words.join(' '));
  for (const split of ['train', 'dev']) {
    const dir = path.join(DATA, 'polnear', split, 'text');
    for (const f of readdirSync(dir).sort()) texts.push(readFileSync(path.join(dir, f), 'utf8'));
  }
  const claims = path.join(DATA, 'claims', 'checkthat2024-en');
  for (const f of readdirSync(claims).filter((f) => f.endsWith('.tsv')).sort()) {
    texts.push(readFileSync(path.join(claims, f), 'utf8').split('\n').slice(1).map((l) => l.split('\t')[1] ?? '').join('\n'));
  }
  const tb = path.join(DATA, 'timex', 'timebank');
  for (const f of readdirSync(tb).filter((f) => f.endsWith('.tml')).sort()) {
    texts.push(readFileSync(path.join(tb, f), 'utf8').replace(/<[^>]*>/g, ' '));
  }
  return texts;
}

function main(): void {
  const t0 = Date.now();
  const log = (msg: string) => process.stdout.write(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}\n`);
  mkdirSync(OUT, { recursive: true });
  const train = readConll(path.join(DATA, 'ner/conll2003/train.txt')).slice(0, LIMIT);
  const dev = readConll(path.join(DATA, 'ner/conll2003/dev.txt'));
  const clusterFile = path.join(OUT, MODEL_FILES.clusters);
  if (!(args.includes('--reuse-clusters') && existsSync(clusterFile))) {
    const table = induceClusters(unlabeledTexts(readConll(path.join(DATA, 'ner/conll2003/train.txt'))), {
      minCount: 2, maxVocab: 80000, contexts: 2000, branching: [8, 8, 8, 8], iterations: 8, seed: SEED,
    });
    writeFileSync(clusterFile, [...table].map(([w, ids]) => `${w}\t${ids.join('\t')}\n`).join(''));
    log(`clusters: ${table.size} words`);
  }
  const gaz = buildGazetteers();
  writeFileSync(path.join(OUT, MODEL_FILES.gazetteers), `${JSON.stringify(gaz, null, 0)}\n`);
  const res: Resources = { clusters: parseClusters(readFileSync(clusterFile, 'utf8')), gazetteer: buildGazIndex(gaz) };
  log(`gazetteers: ${Object.entries(gaz).map(([k, v]) => `${k} ${v.length}`).join(', ')}`);

  const feats = train.map((d) => docFeatures(d.words, d.sentStart, res));
  const gold = train.map((d) => bilou(d.tags));
  const all = train.map((_, i) => i);
  const trainOn = (docs: number[], firstPasses?: FirstPass[], seed = SEED): MulticlassPerceptron => {
    const model = new MulticlassPerceptron(N_TAGS);
    const rand = rng(seed);
    const order = [...docs];
    for (let epoch = 1; epoch <= EPOCHS; epoch++) {
      shuffleInPlace(order, rand);
      for (const d of order) {
        const f = feats[d]!;
        const g = gold[d]!;
        greedyDecode(f, train[d]!.sentStart, model, { firstPass: firstPasses?.[d], learn: (i, dyn, dynLen, pred) => {
          if (pred !== g[i]) model.update([[f.stat, f.statStart[i]!, f.statStart[i + 1]!], [dyn, 0, dynLen]], g[i]!, pred);
          model.tick();
        } });
      }
    }
    return model;
  };
  // Second-stage features must be learned from first-pass output as noisy as at run time, so the first pass over
  // the training data comes from models that did not see the document (jackknife over FOLDS folds).
  const firstPasses: FirstPass[] = new Array(train.length);
  for (let fold = 0; PASSES === 2 && fold < FOLDS; fold++) {
    const model = trainOn(all.filter((d) => d % FOLDS !== fold));
    for (const d of all.filter((d) => d % FOLDS === fold)) {
      firstPasses[d] = firstPassOf(feats[d]!, greedyDecode(feats[d]!, train[d]!.sentStart, model));
    }
    log(`first-pass fold ${fold + 1}/${FOLDS} done`);
  }
  const members = (fp?: FirstPass[]) => Array.from({ length: ENSEMBLE }, (_, k) => trainOn(all, fp, SEED + k));
  const passModels = PASSES === 2 ? [members(), members(firstPasses)] : [members()];
  const stages = passModels.map((ms) => {
    const { keys, weights } = MulticlassPerceptron.exportMean(ms, MIN_WEIGHT);
    return new WeightTable(N_TAGS, keys, weights, NER_TABLE_LAYOUT);
  });
  const table = WeightTable.concat(stages);
  writeFileSync(path.join(OUT, MODEL_FILES.weights), table.toBuffer());
  const header: ModelHeader = {
    format: 'claimline-ner/1',
    about: 'Written with weights.bin, clusters.tsv and gazetteers.json by scripts/train-ner.ts (npm run train:ner); '
      + 'see MODEL_CARD.md.',
    tags: TAGS, passes: PASSES,
    trainedOn: `CoNLL-2003 English train (eng.train${Number.isFinite(LIMIT) ? `, first ${LIMIT} documents` : ''}), ${EPOCHS} epochs`
      + (ENSEMBLE > 1 ? `, mean of ${ENSEMBLE} orders` : ''),
  };
  writeFileSync(path.join(OUT, MODEL_FILES.header), `${JSON.stringify(header, null, 2)}\n`);
  log(`wrote ${OUT}: ${table.keys.length} features, ${(table.toBuffer().byteLength / 1e6).toFixed(1)} MB`);
  log(`dev (eng.testa):\n${formatConlleval(evaluateNerDocs(dev, loadNerModel(OUT)))}`);
}

main();
