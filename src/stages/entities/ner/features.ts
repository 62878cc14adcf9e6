/**
 * Feature extraction for the greedy BILOU tagger, shared by training and inference so the two can never drift.
 *
 * Features are integers (see src/learn/hash.ts). Static features depend only on the words and are computed once per
 * document; dynamic ones depend on the tags already predicted (previous two tags, and the document's prediction
 * history for the same word — the "non-local" features of Ratinov & Roth 2009 that make a name tagged PER early in
 * an article stay PER later, where the context is weaker).
 */
import { hashString, mix } from '../../../learn/hash.js';
import { gazetteerTags, type GazIndex } from './gazetteer.js';

/** Word-cluster ids per lower-cased, digit-normalised word, one id per level (coarse → fine). */
export type ClusterTable = Map<string, number[]>;

export interface Resources {
  clusters: ClusterTable;
  gazetteer: GazIndex;
}

/** Entity types of the CoNLL-2003 scheme, in tag-index order. */
export const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type ConllType = (typeof TYPES)[number];

/** Tag 0 is O; then B, I, L, U for each type. */
export const TAGS: string[] = ['O', ...TYPES.flatMap((t) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${t}`))];
export const N_TAGS = TAGS.length;
export const tagType = (tag: number): number => (tag === 0 ? -1 : (tag - 1) >> 2);
/** 0 B, 1 I, 2 L, 3 U. */
export const tagPart = (tag: number): number => (tag - 1) & 3;

/** Collapsed character-class shape: "Matsegora" → "Xx", "U.S." → "X.X.", "1996-08-22" → "d-d-d". */
export function wordShape(w: string): string {
  let out = '';
  let prev = '';
  for (let i = 0; i < w.length && out.length < 12; i++) {
    const c = w.charCodeAt(i);
    let k: string;
    if (c >= 65 && c <= 90) k = 'X';
    else if (c >= 97 && c <= 122) k = 'x';
    else if (c >= 48 && c <= 57) k = 'd';
    else if (c > 127) k = w[i] === w[i]!.toLowerCase() ? (w[i] === w[i]!.toUpperCase() ? 'o' : 'x') : 'X';
    else k = w[i]!;
    if (k !== prev) out += k;
    prev = k;
  }
  return out;
}

/** Lower-case with every digit as 0, so years and scores share statistics. */
export const normWord = (w: string): string => w.toLowerCase().replace(/[0-9]/g, '0');

const isUpperStart = (w: string): boolean => {
  const c = w.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c > 127 && w[0] !== w[0]!.toLowerCase());
};
const hasLower = (w: string): boolean => w !== w.toUpperCase();
const hasLetter = (w: string): boolean => w.toLowerCase() !== w.toUpperCase();

// Template ids. Numbering is part of the model: append, never renumber. Cluster templates leave room for 5 levels.
const enum T {
  Bias, Word, Low, Shape, Pre1, Pre2, Pre3, Pre4, Suf1, Suf2, Suf3, Suf4,
  LowM1, LowM2, LowP1, LowP2, ShapeM1, ShapeP1, ShapeM1S0, ShapeS0P1, LowM1L0, LowL0P1,
  Clu0, CluM1 = Clu0 + 5, CluP1 = CluM1 + 5,
  Gaz0 = CluP1 + 5, GazM1, GazP1, FirstShape, FirstLow, HeadLow, HeadShape, SeenLower, SeenCapMid,
  PrevTag, Prev2Tags, PrevTagLow, PrevTagShape, Hist, HistMajor, HistShape,
  WordM1, WordP1, LowM1P1, PrevTagLowM1,
  S1Tag, S1TagM1, S1TagP1, S1Agg, S1AggMajor, S1AggShape,
  ShapeTri, LowM2M1, CluShape, LowM1Clu, CluP1Low, Suf3Shape,
  CapRun, CapRunShape, PrevTagLowP1, LinkedRun, CluM2, CluP2, CluM1S0,
}

/** Everything about one document that does not depend on predicted tags. */
export interface DocFeatures {
  n: number;
  /** Static feature keys of token i: `stat[statStart[i] .. statStart[i+1])`. */
  stat: Uint32Array;
  statStart: Uint32Array;
  lowHash: Uint32Array;
  shapeHash: Uint32Array;
  /** Hash of the normalised word used as the prediction-history key; 0 when the word cannot be a name. */
  histKey: Uint32Array;
  /** Lower-case hash of the previous word in the sentence (a sentence-start marker for the first). */
  lowM1: Uint32Array;
  /** Lower-case hash of the next word in the sentence (a sentence-end marker for the last). */
  lowP1: Uint32Array;
  /** Per token, the context-free features of its word form (see WordInfo). */
  info: readonly WordInfo[];
  /**
   * Inference only: 1 for a plain lower-case word (not a name-linking word like "of", outside headlines). Such a
   * word is outside every name unless it continues one, so the decoder tags it O without scoring it; its static
   * features are not even built. Training never skips (it builds with `withLocal`).
   */
  plainLower: Uint8Array | null;
}

/**
 * `sentStart[i]` is true when token i opens a sentence. Headlines (sentences without any lower-case letter) get
 * their own variants of word features: in all-caps lines capitalisation says nothing.
 */
export function docFeatures(
  words: readonly string[], sentStart: readonly boolean[], res: Resources, withLocal = true,
): DocFeatures {
  const n = words.length;
  const info = words.map((w) => wordInfo(w, res));
  const lowHash = new Uint32Array(n);
  const shapeHash = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    lowHash[i] = info[i]!.lowHash;
    shapeHash[i] = info[i]!.shapeHash;
  }
  // Headline flag per token: its sentence has letters but no lower-case letter.
  const headline = new Uint8Array(n);
  for (let s = 0; s < n;) {
    let e = s + 1;
    while (e < n && !sentStart[e]) e++;
    let letters = false;
    let lower = false;
    for (let i = s; i < e; i++) {
      if (info[i]!.letter) letters = true;
      if (info[i]!.lower) lower = true;
    }
    if (letters && !lower) headline.fill(1, s, e);
    s = e;
  }
  // Document-level case evidence: has this word been seen lower-case, or capitalised mid-sentence, in running text?
  const seenLower = new Set<number>();
  const seenCapMid = new Set<number>();
  for (let i = 0; i < n; i++) {
    if (headline[i] || sentStart[i] || !info[i]!.letter) continue;
    (info[i]!.upperStart ? seenCapMid : seenLower).add(lowHash[i]!);
  }
  const gaz = gazetteerTags(info.map((x) => x.low), words, res.gazetteer);
  const histKey = new Uint32Array(n);
  const lowM1 = new Uint32Array(n);
  const lowP1 = new Uint32Array(n);
  const stat: number[] = [];
  const statStart = new Uint32Array(n + 1);
  // Mid-level (512-way) cluster of each token, + 1 (0: word without a cluster).
  const cluMid = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const c = info[i]!.clu;
    cluMid[i] = c ? c[Math.min(2, c.length - 1)]! + 1 : 0;
  }
  const low = (j: number) => (j < 0 ? BOS : j >= n ? EOS : lowHash[j]!);
  const shp = (j: number) => (j < 0 ? BOS : j >= n ? EOS : shapeHash[j]!);
  const run = capitalisedRuns(info, sentStart, headline, false);
  const linked = capitalisedRuns(info, sentStart, headline, true);
  const plainLower = withLocal ? null : new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    statStart[i] = stat.length;
    const x = info[i]!;
    const L0 = x.lowHash;
    const S0 = x.shapeHash;
    const first = sentStart[i] ? 1 : 0;
    // Sentence boundaries cut the context window so one sentence's end does not leak into the next.
    const m1 = first ? -1 : i - 1;
    const m2 = first || (i >= 1 && sentStart[i - 1]) ? -1 : i - 2;
    const p1 = i + 1 < n && !sentStart[i + 1] ? i + 1 : n;
    const p2 = p1 < n && i + 2 < n && !sentStart[i + 2] ? i + 2 : n;
    const h = headline[i]!;
    lowM1[i] = low(m1);
    lowP1[i] = low(p1);
    if (plainLower && !headline[i] && x.letter && x.low === words[i] && !LINKS.has(x.low)) {
      plainLower[i] = 1;
      continue;
    }
    if (withLocal) for (let k = 0; k < x.local.length; k++) stat.push(x.local[k]!);
    stat.push(
      mix(T.LowM1, low(m1)), mix(T.LowM2, low(m2)), mix(T.LowP1, low(p1)), mix(T.LowP2, low(p2)),
      mix(T.ShapeM1, shp(m1)), mix(T.ShapeP1, shp(p1)), mix(T.ShapeM1S0, shp(m1), S0), mix(T.ShapeS0P1, S0, shp(p1)),
      mix(T.LowM1L0, low(m1), L0), mix(T.LowL0P1, L0, low(p1)), mix(T.LowM1P1, low(m1), low(p1)),
      mix(T.WordM1, m1 >= 0 ? info[m1]!.wordHash : BOS), mix(T.WordP1, p1 < n ? info[p1]!.wordHash : EOS),
      mix(T.ShapeTri, mix(0, shp(m1), S0), shp(p1)), mix(T.LowM2M1, low(m2), low(m1)),
    );
    // Cluster classes two words away, and the previous word's class with this word's shape ("said" class + Xx).
    stat.push(
      mix(T.CluM2, m2 >= 0 ? cluMid[m2]! : NO_WORD), mix(T.CluP2, p2 < n ? cluMid[p2]! : NO_WORD),
      mix(T.CluM1S0, m1 >= 0 ? cluMid[m1]! : NO_WORD, S0),
    );
    const c0 = x.clu;
    if (c0) {
      const mid = c0[Math.min(2, c0.length - 1)]!;
      stat.push(mix(T.LowM1Clu, low(m1), mid), mix(T.CluP1Low, mid, low(p1)));
    }
    const cm = m1 >= 0 ? info[m1]!.clu : undefined;
    if (cm) for (let l = 0; l < cm.length; l++) stat.push(mix(T.CluM1 + l, cm[l]!));
    const cp = p1 < n ? info[p1]!.clu : undefined;
    if (cp) for (let l = 0; l < cp.length; l++) stat.push(mix(T.CluP1 + l, cp[l]!));
    const g0 = gaz[i];
    if (g0) for (const g of g0) stat.push(mix(T.Gaz0, g));
    const gm = m1 >= 0 ? gaz[m1] : undefined;
    if (gm) for (const g of gm) stat.push(mix(T.GazM1, g));
    const gp = p1 < n ? gaz[p1] : undefined;
    if (gp) for (const g of gp) stat.push(mix(T.GazP1, g));
    if (run[i]) stat.push(mix(T.CapRun, run[i]!), mix(T.CapRunShape, run[i]!, S0));
    if (linked[i] && linked[i] !== run[i]) stat.push(mix(T.LinkedRun, linked[i]!, S0));
    if (first) stat.push(mix(T.FirstShape, S0), mix(T.FirstLow, L0));
    if (h) stat.push(mix(T.HeadLow, L0), mix(T.HeadShape, S0));
    if (x.letter && (first || h || x.upperStart)) {
      stat.push(mix(T.SeenLower, seenLower.has(L0) ? 1 : 0, S0), mix(T.SeenCapMid, seenCapMid.has(L0) ? 1 : 0, h));
      histKey[i] = L0 || 1;
    }
  }
  statStart[n] = stat.length;
  return { n, stat: Uint32Array.from(stat), statStart, lowHash, shapeHash, histKey, lowM1, lowP1, info, plainLower };
}

/** Lower-case words that join capitalised words into one name: "Bank of England", "Procter & Gamble". */
const LINKS = new Set(['of', 'and', '&', 'de', 'for', 'the', 'du', 'von', 'van', 'der', 'la', 'del', 'al']);

/**
 * Where each token sits in its run of capitalised words (outside headlines): 0 outside any run, else
 * 4 * min(run length, 4) + position (0 first, 1 inside, 2 last, 3 alone). Name boundaries mostly follow runs, and
 * the exceptions (sentence-initial "The") are what the weights learn. With `linked`, a run may go on across one
 * linking word ("Bank of England").
 */
function capitalisedRuns(
  info: readonly WordInfo[], sentStart: readonly boolean[], headline: Uint8Array, linked: boolean,
): Uint8Array {
  const n = info.length;
  const out = new Uint8Array(n);
  const inRun = (k: number) => k < n && !sentStart[k] && info[k]!.upperStart;
  for (let i = 0; i < n;) {
    if (headline[i] || !info[i]!.upperStart) { i++; continue; }
    let e = i + 1;
    for (;;) {
      if (inRun(e)) e++;
      else if (linked && e + 1 < n && !sentStart[e] && LINKS.has(info[e]!.low) && inRun(e + 1)) e += 2;
      else break;
    }
    const len = Math.min(e - i, 4);
    for (let k = i; k < e; k++) out[k] = 4 * len + (e - i === 1 ? 3 : k === i ? 0 : k === e - 1 ? 2 : 1);
    i = e;
  }
  return out;
}

const BOS = hashString('<s>');
/** Cluster atom outside the sentence. */
const NO_WORD = 0xffffff;
const EOS = hashString('</s>');

/** What the features need to know about one word form, independent of its context. */
export interface WordInfo {
  low: string;
  lowHash: number;
  shapeHash: number;
  wordHash: number;
  clu: number[] | undefined;
  letter: boolean;
  /** Has a lower-case letter. */
  lower: boolean;
  upperStart: boolean;
  /** Keys of the features that depend on this word alone. */
  local: Uint32Array;
  /** Inference memo: the summed weight rows of `local` under the weight table `memoOf` (see model.ts). */
  memo: Int32Array | null;
  memoOf: object | null;
}

/**
 * Word forms repeat a lot (Zipf), so their context-free features are computed once per form and kept in a
 * bounded per-model cache.
 */
const wordCaches = new WeakMap<Resources, Map<string, WordInfo>>();
const WORD_CACHE_MAX = 200_000;

function wordInfo(w: string, res: Resources): WordInfo {
  let cache = wordCaches.get(res);
  if (!cache) wordCaches.set(res, (cache = new Map()));
  const hit = cache.get(w);
  if (hit) return hit;
  if (cache.size >= WORD_CACHE_MAX) cache.clear();
  const low = normWord(w);
  const lowHash = hashString(low);
  const shapeHash = hashString(wordShape(w));
  const wordHash = hashString(w);
  const clu = res.clusters.get(low);
  const local = [mix(T.Bias, 0), mix(T.Word, wordHash), mix(T.Low, lowHash), mix(T.Shape, shapeHash)];
  if (low.length > 3) local.push(mix(T.Suf3Shape, hashString(low.slice(-3)), shapeHash));
  for (let k = 1; k <= 4 && k < low.length; k++) {
    local.push(mix(T.Pre1 + k - 1, hashString(low.slice(0, k))), mix(T.Suf1 + k - 1, hashString(low.slice(-k))));
  }
  if (clu) {
    for (let l = 0; l < clu.length; l++) local.push(mix(T.Clu0 + l, clu[l]!));
    local.push(mix(T.CluShape, clu[Math.min(2, clu.length - 1)]!, shapeHash));
  }
  const info: WordInfo = {
    low, lowHash, shapeHash, wordHash, clu, letter: hasLetter(w), lower: hasLower(w), upperStart: isUpperStart(w),
    local: Uint32Array.from(local), memo: null, memoOf: null,
  };
  cache.set(w, info);
  return info;
}

/** Counts of types (index 0..3) and of O (index 4) predicted so far for each history key in the document. */
export type History = Map<number, Uint16Array>;

/**
 * Appends the tag-dependent features of token i to `out` (starting at `len`) and returns the new length.
 * `prev`/`prev2` are the tags predicted for the two previous tokens of the sentence (0 = O, or -1 at the start).
 */
export function dynamicFeatures(
  f: DocFeatures, i: number, prev: number, prev2: number, hist: History, out: Uint32Array, len: number,
): number {
  const L0 = f.lowHash[i]!;
  const S0 = f.shapeHash[i]!;
  const p = prev + 1;
  out[len++] = mix(T.PrevTag, p);
  out[len++] = mix(T.Prev2Tags, p, prev2 + 1);
  out[len++] = mix(T.PrevTagLow, p, L0);
  out[len++] = mix(T.PrevTagShape, p, S0);
  out[len++] = mix(T.PrevTagLowM1, p, f.lowM1[i]!);
  out[len++] = mix(T.PrevTagLowP1, p, f.lowP1[i]!);
  const key = f.histKey[i]!;
  if (key) {
    const counts = hist.get(key);
    if (counts) {
      let best = -1;
      let bestN = 0;
      for (let t = 0; t < 5; t++) {
        if (counts[t]! === 0) continue;
        out[len++] = mix(T.Hist, t);
        if (counts[t]! > bestN) { bestN = counts[t]!; best = t; }
      }
      out[len++] = mix(T.HistMajor, best);
      out[len++] = mix(T.HistShape, best, S0);
    }
  }
  return len;
}

/**
 * What a first tagging pass said about the document, for the second pass (Ratinov & Roth's two-stage non-local
 * features): its tag for every token, and the types it gave to each history key anywhere in the document — so an
 * all-caps headline or a sentence-initial name can borrow the reading of the same word further down.
 */
export interface FirstPass {
  tags: Uint8Array;
  /** Per history key: counts of types 0..3 and O (4) over all occurrences. */
  agg: History;
}

export function firstPassOf(f: DocFeatures, tags: Uint8Array): FirstPass {
  const agg: History = new Map();
  for (let i = 0; i < f.n; i++) recordHistory(f, i, tags[i]!, agg);
  return { tags, agg };
}

/** Appends the second-pass features of token i (see FirstPass). */
export function stackedFeatures(f: DocFeatures, i: number, fp: FirstPass, out: Uint32Array, len: number): number {
  const S0 = f.shapeHash[i]!;
  out[len++] = mix(T.S1Tag, fp.tags[i]!);
  out[len++] = mix(T.S1TagM1, i > 0 ? fp.tags[i - 1]! : 99);
  out[len++] = mix(T.S1TagP1, i + 1 < f.n ? fp.tags[i + 1]! : 99);
  const key = f.histKey[i]!;
  const counts = key ? fp.agg.get(key) : undefined;
  if (counts) {
    // This token's own first-pass vote is left out: the features describe the *other* occurrences.
    const own = fp.tags[i] === 0 ? 4 : tagType(fp.tags[i]!);
    let best = -1;
    let bestN = 0;
    for (let t = 0; t < 5; t++) {
      const c = counts[t]! - (t === own ? 1 : 0);
      if (c <= 0) continue;
      out[len++] = mix(T.S1Agg, t);
      if (c > bestN) { bestN = c; best = t; }
    }
    if (best >= 0) {
      out[len++] = mix(T.S1AggMajor, best);
      out[len++] = mix(T.S1AggShape, best, S0);
    }
  }
  return len;
}

/** Records the tag predicted for token i in the document's history. */
export function recordHistory(f: DocFeatures, i: number, tag: number, hist: History): void {
  const key = f.histKey[i]!;
  if (!key) return;
  let counts = hist.get(key);
  if (!counts) hist.set(key, (counts = new Uint16Array(5)));
  const t = tag === 0 ? 4 : tagType(tag);
  if (counts[t]! < 65535) counts[t]!++;
}

/** Room for the dynamic features of one token (6 tag, at most 7 history and 8 second-pass features). */
export const MAX_DYNAMIC = 24;
