/**
 * The trained NER model on disk (`models/ner/`) and the public tagging API. The model is loaded lazily, once per
 * process, on first use.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGazIndex } from './gazetteer.js';
import { docFeatures, firstPassOf, N_TAGS, TAGS, type ClusterTable, type Resources } from './features.js';
import { greedyDecode, spansFromTags, type NameSpan } from './decode.js';
import { WeightTable } from './weights.js';

export const MODEL_FILES = {
  header: 'model.json',
  weights: 'weights.bin',
  weights2: 'weights2.bin',
  clusters: 'clusters.tsv',
  gazetteers: 'gazetteers.json',
} as const;

export interface ModelHeader {
  format: 'claimline-ner/1';
  tags: string[];
  trainedOn: string;
  created: string;
}

/** Two-stage tagger: the second pass sees the first pass's output for the whole document. */
export interface NerModel {
  first: WeightTable;
  second: WeightTable;
  res: Resources;
}

/** `models/ner` of the package, found by walking up from this file (works from `src/` under tsx and from `dist/`). */
export function defaultModelDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 8; up++) {
    const cand = path.join(dir, 'models', 'ner');
    if (existsSync(path.join(cand, MODEL_FILES.header))) return cand;
    dir = path.dirname(dir);
  }
  throw new Error('NER model not found: run `npm run train:ner` to create models/ner/');
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
  const table = (file: string) => WeightTable.fromBuffer(readFileSync(path.join(dir, file)), N_TAGS);
  return { first: table(MODEL_FILES.weights), second: table(MODEL_FILES.weights2), res: loadResources(dir) };
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
  const f = docFeatures(words, starts, model.res);
  const firstPass = firstPassOf(f, greedyDecode(f, starts, model.first));
  return spansFromTags(greedyDecode(f, starts, model.second, firstPass));
}
