/**
 * The trained NER model on disk (`models/ner/`) and the public tagging API. The model is loaded lazily, once per
 * process, on first use.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../../util/paths.js';
import { buildGazIndex } from './gazetteer.js';
import {
  docFeatures, firstPassOf, N_TAGS, TAGS, type ClusterTable, type Resources, type WordInfo,
} from './features.js';
import { greedyDecode, spansFromTags, type NameSpan } from './decode.js';
import { WeightTable } from '../../../learn/weight-table.js';

export const MODEL_FILES = {
  header: 'model.json',
  weights: 'weights.bin',
  clusters: 'clusters.tsv',
  gazetteers: 'gazetteers.json',
} as const;

export interface ModelHeader {
  format: 'claimline-ner/1';
  /** What wrote the model (every generated file names its generator). */
  about: string;
  tags: string[];
  /** 1: one greedy pass; 2: a second pass that also sees the first pass's output (features.ts FirstPass). */
  passes: 1 | 2;
  trainedOn: string;
}

/**
 * Layout of the NER weight table: feature keys are never 0 (see `mix` in src/learn/hash.ts), and at most 70% of
 * the slots are taken, which keeps probes short and the table small.
 */
export const NER_TABLE_LAYOUT = { emptyKey: 0, maxLoad: 0.7 };

/**
 * `table` rows hold the first pass's weights in columns `[0, N_TAGS)` and, for a two-pass model, the second's in
 * `[N_TAGS, 2 * N_TAGS)`.
 */
export interface NerModel {
  passes: 1 | 2;
  table: WeightTable;
  res: Resources;
}

/** `models/ner` of the package. */
export function defaultModelDir(): string {
  const dir = path.join(packageRoot(), 'models', 'ner');
  if (!existsSync(path.join(dir, MODEL_FILES.header))) {
    throw new Error(`NER model not found in ${dir}: run \`npm run train:ner\` to create it`);
  }
  return dir;
}

/** Cluster table file: one `word<TAB>id<TAB>id...` row per word. */
export function parseClusters(text: string): ClusterTable {
  const out: ClusterTable = new Map();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const cols = line.split('\t');
    out.set(cols[0]!, cols.slice(1).map(Number));
  }
  return out;
}

export function loadResources(dir: string): Resources {
  return {
    clusters: parseClusters(readFileSync(path.join(dir, MODEL_FILES.clusters), 'utf8')),
    gazetteer: buildGazIndex(JSON.parse(readFileSync(path.join(dir, MODEL_FILES.gazetteers), 'utf8'))),
  };
}

export function loadNerModel(dir = defaultModelDir()): NerModel {
  const header = JSON.parse(readFileSync(path.join(dir, MODEL_FILES.header), 'utf8')) as ModelHeader;
  if (header.format !== 'claimline-ner/1' || header.tags.join() !== TAGS.join()) {
    throw new Error(`${dir}: model was trained for another tag set or format; retrain with npm run train:ner`);
  }
  const passes = header.passes === 2 ? 2 : 1;
  const table = WeightTable.fromBuffer(readFileSync(path.join(dir, MODEL_FILES.weights)), passes * N_TAGS,
    NER_TABLE_LAYOUT);
  return { passes, table, res: loadResources(dir) };
}

const LOCAL_RANGE = Uint32Array.of(0, 0);

/** Summed weights of a word form's context-free features under `table`, computed once per form. */
function localSums(table: WeightTable, x: WordInfo): Int32Array {
  if (x.memoOf === table) return x.memo!;
  LOCAL_RANGE[1] = x.local.length;
  x.memo = table.rowSums(x.local, LOCAL_RANGE, 1);
  x.memoOf = table;
  return x.memo;
}

let cached: NerModel | null = null;

/** The default model, loaded on first call. */
export function getNerModel(): NerModel {
  return (cached ??= loadNerModel());
}

/**
 * Finds names in one document given as tokens. `sentStart[i]` marks the first token of each sentence (default:
 * the whole input is one sentence). Returns token ranges with CoNLL types (PER, ORG, LOC, MISC).
 */
export function tagTokens(words: readonly string[], sentStart?: readonly boolean[], model = getNerModel()): NameSpan[] {
  const starts = sentStart ?? words.map((_, i) => i === 0);
  // Context features are scored per token; the context-free ones of each word form once per form (memoised on the
  // form's cached WordInfo), since word forms repeat. One probe per static feature scores both passes.
  const f = docFeatures(words, starts, model.res, false);
  const { table } = model;
  const sums = table.rowSums(f.stat, f.statStart, f.n);
  const width = table.width;
  for (let i = 0; i < f.n; i++) {
    if (f.plainLower?.[i]) continue;
    const local = localSums(table, f.info[i]!);
    const o = i * width;
    for (let t = 0; t < width; t++) sums[o + t]! += local[t]!;
  }
  const staticSums = { sums, stride: width };
  const tags = greedyDecode(f, starts, model.table, { staticSums });
  if (model.passes === 1) return spansFromTags(tags);
  const firstPass = firstPassOf(f, tags);
  return spansFromTags(greedyDecode(f, starts, model.table, { staticSums, firstPass, col: N_TAGS }));
}
