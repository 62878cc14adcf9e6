/**
 * Universal POS tagger: greedy left-to-right averaged perceptron over hashed features (after Collins 2002 and
 * Ratnaparkhi 1996: the word, its lower-cased form, prefixes and suffixes, shape, neighbouring words, word clusters,
 * the two previous predicted tags). Shared by training (scripts/train-parser.ts updates the weights at each step)
 * and inference.
 */
import { hashString } from '../../learn/hash.js';
import { key, NONE, normWord, shapeOf, shortShape } from './keys.js';
import { lexClass, type Lexicon } from './lexicon.js';

/** The 17 UD v2 universal POS tags, in model column order. */
export const UPOS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN',
  'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X'] as const;
export const N_UPOS = UPOS.length;
const UPOS_INDEX = new Map<string, number>(UPOS.map((t, i) => [t, i]));
export const uposIndex = (t: string): number => UPOS_INDEX.get(t) ?? UPOS_INDEX.get('X')!;

/** Word clusters per normalised word (`normWord`), one id per level coarse → fine (the NER model's clusters.tsv). */
export type Clusters = Map<string, number[]>;

/** What the tagger's features read besides the words. */
export interface TaggerResources {
  clusters: Clusters;
  lexicon: Lexicon;
}

/** Context-free atoms of one word form, computed once per form. */
interface FormAtoms {
  form: number;
  low: number;
  suf: number[];
  pre: number[];
  shape: number;
  sshape: number;
  clusters: number[];
  /** WordNet class of the form (lexicon.ts). */
  lex: number;
  /** Keys of the form's own features (TAGGER_OWN). */
  own: Uint32Array;
  /** Inference: their summed weights under `sumsOf` (a form's own features are scored once per form). */
  sums: Int32Array | null;
  sumsOf: Scorer | null;
}

const formCache = new Map<string, FormAtoms>();
let cacheOwner: TaggerResources | null = null;

/** Features of a word form alone (no context), per token first in `TaggerInput.stat`. */
export const TAGGER_OWN = 20;
/** Context features per token, after the form's own. */
export const TAGGER_CONTEXT = 13;
/** Static (tag-history free) features per token. */
export const TAGGER_STATIC = TAGGER_OWN + TAGGER_CONTEXT;
/** Features that depend on the previous predicted tags. */
export const TAGGER_DYNAMIC = 6;

function formAtoms(w: string, res: TaggerResources): FormAtoms {
  if (cacheOwner !== res) { formCache.clear(); cacheOwner = res; }
  const { clusters } = res;
  let a = formCache.get(w);
  if (a) return a;
  const low = w.toLowerCase();
  const shape = shapeOf(w);
  const cl = clusters.get(normWord(w));
  const form = hashString(w);
  const lowH = hashString(low);
  const suf = [1, 2, 3, 4].map((k) => (low.length > k ? hashString(low.slice(-k)) : NONE));
  const pre = [1, 2, 3].map((k) => (low.length > k ? hashString(low.slice(0, k)) : NONE));
  const shapeH = hashString(shape);
  const sshape = hashString(shortShape(shape));
  const clusterIds = cl ? cl.slice(0, 4) : [-1, -1, -1, -1];
  const lex = lexClass(res.lexicon, low);
  // Template numbers are those of the features' first layout (context ones in between: 12-19, 24-28).
  const own = Uint32Array.of(key(0, 0), key(1, form), key(2, lowH),
    key(3, suf[0]!), key(4, suf[1]!), key(5, suf[2]!), key(6, suf[3]!), key(7, pre[0]!), key(8, pre[1]!), key(9, pre[2]!),
    key(10, shapeH), key(11, sshape),
    key(20, clusterIds[0]!), key(21, clusterIds[1]!), key(22, clusterIds[2]!), key(23, clusterIds[3]!),
    key(29, suf[2]!, sshape),
    // Capitalisation against the distribution of the lower-cased form: a capitalised common noun in a heading
    // ("Phone:", "Team") against a name.
    key(30, sshape, clusterIds[1]!), key(31, sshape, clusterIds[3]!),
    key(32, lex));
  if (own.length !== TAGGER_OWN) throw new Error('tagger: TAGGER_OWN does not match the form features');
  a = { form, low: lowH, suf, pre, shape: shapeH, sshape, clusters: clusterIds, lex, own, sums: null, sumsOf: null };
  // Bounded: word forms in a long-running process are unbounded.
  if (formCache.size > 300_000) formCache.clear();
  formCache.set(w, a);
  return a;
}

export interface TaggerInput {
  n: number;
  /** Word-cluster ids per token at the 64- and 512-cluster levels (-1: unknown word), for the parser. */
  c64: Int32Array;
  c512: Int32Array;
  /** `n * TAGGER_STATIC` keys, token-major: the form's own features, then the context ones. */
  stat: Uint32Array;
  /** Lower-cased word hash and 3-letter suffix per token (for the dynamic features). */
  low: Uint32Array;
  suf3: Uint32Array;
  lex: Int32Array;
  forms: FormAtoms[];
}

export function taggerInput(words: readonly string[], res: TaggerResources): TaggerInput {
  const n = words.length;
  const A = words.map((w) => formAtoms(w, res));
  const lex = Int32Array.from(A, (a) => a.lex);
  const stat = new Uint32Array(n * TAGGER_STATIC);
  const low = new Uint32Array(n);
  const suf3 = new Uint32Array(n);
  const c64 = new Int32Array(n);
  const c512 = new Int32Array(n);
  const lw = (i: number) => (i < 0 ? NONE ^ 1 : i >= n ? NONE ^ 2 : A[i]!.low);
  const s3 = (i: number) => (i < 0 || i >= n ? NONE : A[i]!.suf[2]!);
  const cl = (i: number, lvl: number) => (i < 0 ? -2 : i >= n ? -3 : A[i]!.clusters[lvl]!);
  for (let i = 0; i < n; i++) {
    const a = A[i]!;
    low[i] = a.low;
    suf3[i] = a.suf[2]!;
    c64[i] = a.clusters[1]!;
    c512[i] = a.clusters[2]!;
    let k = i * TAGGER_STATIC;
    stat.set(a.own, k);
    k += TAGGER_OWN;
    stat[k++] = key(12, lw(i - 1));
    stat[k++] = key(13, lw(i + 1));
    stat[k++] = key(14, lw(i - 2));
    stat[k++] = key(15, lw(i + 2));
    stat[k++] = key(16, s3(i - 1));
    stat[k++] = key(17, s3(i + 1));
    stat[k++] = key(18, a.low, lw(i - 1));
    stat[k++] = key(19, a.low, lw(i + 1));
    stat[k++] = key(24, cl(i - 1, 2));
    stat[k++] = key(25, cl(i + 1, 2));
    stat[k++] = key(26, cl(i - 1, 1), cl(i + 1, 1));
    stat[k++] = key(27, i === 0 ? 1 : 0, a.sshape);
    stat[k++] = key(28, a.sshape, i + 1 < n ? A[i + 1]!.sshape : NONE);
  }
  return { n, c64, c512, stat, low, suf3, lex, forms: A };
}

/** Anything that adds feature weights into per-class scores (a training perceptron or a loaded WeightTable). */
export interface Scorer {
  addScores(feats: Uint32Array, from: number, to: number, out: Float64Array | Int32Array): void;
}

const T_DYN = 100;

function dynamicFeatures(x: TaggerInput, i: number, p1: number, p2: number, out: Uint32Array): void {
  out[0] = key(T_DYN, p1);
  out[1] = key(T_DYN + 1, p1, p2);
  out[2] = key(T_DYN + 2, p1, x.low[i]!);
  out[3] = key(T_DYN + 3, p2);
  out[4] = key(T_DYN + 4, p1, x.suf3[i]!);
  out[5] = key(T_DYN + 5, p1, x.lex[i]!);
}

/**
 * Tags a sentence greedily. `learn` sees each step's dynamic features and prediction before the prediction becomes
 * the history of the next token (training updates there).
 */
export function tagGreedy(x: TaggerInput, scorer: Scorer,
  learn?: (i: number, dyn: Uint32Array, predicted: number) => void): Uint8Array {
  const tags = new Uint8Array(x.n);
  const dyn = new Uint32Array(TAGGER_DYNAMIC);
  const s = learn ? new Float64Array(N_UPOS) : new Int32Array(N_UPOS);
  let p1 = -1;
  let p2 = -1;
  for (let i = 0; i < x.n; i++) {
    s.fill(0);
    if (learn) scorer.addScores(x.stat, i * TAGGER_STATIC, (i + 1) * TAGGER_STATIC, s);
    else {
      const f = x.forms[i]!;
      if (f.sumsOf !== scorer) {
        f.sums = new Int32Array(N_UPOS);
        scorer.addScores(f.own, 0, TAGGER_OWN, f.sums);
        f.sumsOf = scorer;
      }
      for (let t = 0; t < N_UPOS; t++) s[t] = f.sums![t]!;
      scorer.addScores(x.stat, i * TAGGER_STATIC + TAGGER_OWN, (i + 1) * TAGGER_STATIC, s);
    }
    dynamicFeatures(x, i, p1, p2, dyn);
    scorer.addScores(dyn, 0, TAGGER_DYNAMIC, s);
    let best = 0;
    for (let t = 1; t < N_UPOS; t++) if (s[t]! > s[best]!) best = t;
    if (learn) learn(i, dyn, best);
    tags[i] = best;
    p2 = p1;
    p1 = best;
  }
  return tags;
}
