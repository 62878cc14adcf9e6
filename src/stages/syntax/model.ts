/**
 * The trained parser on disk (`models/parser/`) and the public API: `tagSentence` (UPOS) and `parseSentence`
 * (UPOS, heads, relations). The model is loaded lazily, once per process, on first use.
 *
 * Files: model.json (header: tag and relation sets, training data, generator), tagger.bin.gz, parser.bin.gz and
 * labeller.bin.gz (gzipped Int16 WeightTables: n Uint32 keys then n × width Int16 weights, src/learn/weight-table.ts),
 * lexicon.tsv.gz (WordNet parts of speech per lemma, lexicon.ts), and the
 * word clusters the tagger reads (the NER model's clusters.tsv, named in the header with its FNV-1a hash, so a
 * retrained NER model cannot silently change the tagger's features).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { packageRoot } from '../../util/paths.js';
import { hashString } from '../../learn/hash.js';
import { WeightTable } from '../../learn/weight-table.js';
import { parseClusters } from '../entities/ner/model.js';
import {
  N_UPOS, tagGreedy, taggerInput, UPOS, uposIndex, type Clusters, type TaggerInput, type TaggerResources,
} from './tagger.js';
import { parseLexicon } from './lexicon.js';
import { N_ACTIONS } from './state.js';
import { ROOT_TAG, type ParseInput } from './parse-features.js';
import { labelBits, parseGreedy } from './parser.js';
import { ROOT } from './keys.js';

/** The weight tables are gzipped: their rows are mostly zeros (the labeller's especially), a third of the size. */
export const PARSER_FILES = {
  header: 'model.json', tagger: 'tagger.bin.gz', parser: 'parser.bin.gz', labeller: 'labeller.bin.gz',
  lexicon: 'lexicon.tsv.gz',
} as const;

export const PARSER_FORMAT = 'claimline-parser/1';

export interface ParserHeader {
  format: typeof PARSER_FORMAT;
  about: string;
  upos: string[];
  deprels: string[];
  /**
   * Per `labelSlot` (dependent tag × direction), the relation indices seen so in training (gold and jackknifed
   * tags); empty: all relations. Absent in older headers: all relations everywhere.
   */
  labelsBySlot?: number[][];
  /** Cluster file, relative to the package root, and the FNV-1a hash of its text. */
  clusters: { file: string; fnv1a: number };
  trainedOn: string;
}

/** Feature keys are never 0 (src/stages/syntax/keys.ts), so 0 marks a free slot. */
export const PARSER_TABLE_LAYOUT = { emptyKey: 0, maxLoad: 0.7 };

export interface ParserModel {
  deprels: string[];
  res: TaggerResources;
  tagger: WeightTable;
  parser: WeightTable;
  labeller: WeightTable;
  bits: Uint32Array;
  labelsBySlot: (Uint8Array | null)[];
}

export function defaultParserDir(): string {
  const dir = path.join(packageRoot(), 'models', 'parser');
  if (!existsSync(path.join(dir, PARSER_FILES.header))) {
    throw new Error(`parser model not found in ${dir}: run \`npm run train:parser\` to create it`);
  }
  return dir;
}

export function loadClusters(file: string): { clusters: Clusters; fnv1a: number } {
  const text = readFileSync(path.resolve(packageRoot(), file), 'utf8');
  return { clusters: parseClusters(text), fnv1a: hashString(text) };
}

export function loadParserModel(dir = defaultParserDir()): ParserModel {
  const header = JSON.parse(readFileSync(path.join(dir, PARSER_FILES.header), 'utf8')) as ParserHeader;
  if (header.format !== PARSER_FORMAT || header.upos.join() !== UPOS.join()) {
    throw new Error(`${dir}: parser model has another format or tag set; retrain with npm run train:parser`);
  }
  const { clusters, fnv1a } = loadClusters(header.clusters.file);
  if (fnv1a !== header.clusters.fnv1a) {
    throw new Error(`${dir}: ${header.clusters.file} changed since the parser was trained; retrain with npm run train:parser`);
  }
  const table = (f: string, width: number) => WeightTable.fromBuffer(gunzipSync(readFileSync(path.join(dir, f))), width,
    PARSER_TABLE_LAYOUT);
  return {
    deprels: header.deprels,
    res: { clusters, lexicon: parseLexicon(gunzipSync(readFileSync(path.join(dir, PARSER_FILES.lexicon))).toString('utf8')) },
    tagger: table(PARSER_FILES.tagger, N_UPOS),
    parser: table(PARSER_FILES.parser, N_ACTIONS),
    labeller: table(PARSER_FILES.labeller, header.deprels.length),
    bits: labelBits(header.deprels),
    labelsBySlot: (header.labelsBySlot ?? []).map((l) => (l.length ? Uint8Array.from(l) : null)),
  };
}

let cached: ParserModel | null = null;

/** The default model, loaded on first call. */
export function getParserModel(): ParserModel {
  return (cached ??= loadParserModel());
}

/** Parser input from the tagger's input (word atoms, clusters) and UPOS indices. */
export function parseInput(x: TaggerInput, tags: ArrayLike<number>): ParseInput {
  const { n } = x;
  const w = new Uint32Array(n + 1);
  const p = new Uint8Array(n + 1);
  const c64 = new Int32Array(n + 1);
  const c512 = new Int32Array(n + 1);
  w.set(x.low);
  p.set(tags as ArrayLike<number>);
  c64.set(x.c64);
  c512.set(x.c512);
  w[n] = ROOT;
  p[n] = ROOT_TAG;
  c64[n] = -4;
  c512[n] = -4;
  return { n, w, p, c64, c512 };
}

/** UPOS tags of one sentence's words. */
export function tagSentence(words: readonly string[], model = getParserModel()): string[] {
  return [...tagGreedy(taggerInput(words, model.res), model.tagger)].map((t) => UPOS[t]!);
}

export interface SentenceParse {
  upos: string[];
  /** 1-based head per word, 0 for the root word (CoNLL-U convention). */
  heads: number[];
  /** UD relation per word, subtypes included (`nsubj:pass`, `acl:relcl`). */
  deprels: string[];
}

/**
 * Parses one sentence given as words (any tokenisation close to UD's: punctuation and clitics such as "n't", "'s"
 * as their own words). `opts.upos` supplies tags instead of the model's tagger.
 */
export function parseSentence(words: readonly string[], opts: { upos?: readonly string[] } = {},
  model = getParserModel()): SentenceParse {
  const n = words.length;
  if (n === 0) return { upos: [], heads: [], deprels: [] };
  const x = taggerInput(words, model.res);
  const tags = opts.upos ? Uint8Array.from(opts.upos, uposIndex) : tagGreedy(x, model.tagger);
  const { heads, labels } = parseGreedy(parseInput(x, tags), {
    trans: model.parser, labels: model.labeller, nLabels: model.deprels.length, bits: model.bits,
    labelColumns: model.labelsBySlot.length ? { table: model.labeller, bySlot: model.labelsBySlot } : undefined,
  });
  return {
    upos: [...tags].map((t) => UPOS[t]!),
    heads: Array.from({ length: n }, (_, i) => (heads[i] === n ? 0 : heads[i]! + 1)),
    deprels: Array.from({ length: n }, (_, i) => model.deprels[labels[i]!] ?? 'dep'),
  };
}
