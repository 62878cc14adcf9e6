/**
 * Features of the attribution span tagger, as 30-bit integer keys: a template number mixed with the values it
 * reads (hashes of words and tags, small integers), so no feature string is built per token. Per document, every
 * token's own features (word, tag, shape, quote status, entity-mention tag, neighbours, rule readings) are keyed
 * once; the cue tagger uses them as they are, the argument tagger joins a few of them with the token's position
 * relative to one cue (side, distance, sentence, commas and quotation marks crossed). Shared by training
 * (scripts/train-attribution.ts) and the stage, so the two always see the same features.
 */
import type { Doc, Token } from '../../../model/document.js';
import { hashString30, mix30 } from '../../../learn/hash.js';
import { cueInfo, learnedCueRate } from '../cues.js';
import { findQuotes } from '../quotes.js';
import { verbClass } from '../verb-classes.js';

/** What the rule readings (index.ts) found, as token ranges: the learned taggers take it as evidence. */
export interface RuleReading {
  cue: { s: number; e: number };
  /** The configuration or cue class ("pre", "postq", "speech", ...). */
  kind: string;
  source: { s: number; e: number } | null;
  content: { s: number; e: number }[];
}

/** Per-document token facts the features read. */
export interface DocView {
  doc: Doc;
  toks: Token[];
  /** Quote index whose inside holds the token, or -1. */
  quoteOf: Int32Array;
  /** 1 on quotation-mark tokens. */
  mark: Uint8Array;
  /** Entity-mention tag per token: `B-PERSON`, `I-ORG`, ..., or `O`; pronoun mentions are `B-PRON`. */
  ment: string[];
  /** Cumulative comma count before each token (commas in [0, i)), for "commas crossed". */
  commas: Int32Array;
  /** Cumulative quotation-mark count before each token. */
  marks: Int32Array;
  /** Sentence index per token. */
  sent: Int32Array;
  /** The quotes (token ranges of their insides), in order; continued quotes share their first quote's chain id. */
  quotes: { tokStart: number; tokEnd: number; chain: number }[];
  /** Per chain id (its first quote's index): the first and one-past-last inside token of the whole chain. */
  chainStart: Int32Array;
  chainEnd: Int32Array;
  rules: RuleReading[];
  /** Per token: the rule reading whose cue holds it (index into rules), or -1. */
  ruleAt: Int32Array;
  /** The SHORT feature keys per token the argument tagger conjoins (the cue tagger's OWN are made per sentence by
   * `ownKeys`, so a long document does not hold OWN keys per token). */
  short: Int32Array;
  /** Per token: its word's facts, and the hashes of its tag and mention tag. */
  words: WordInfo[];
  tagHash: Int32Array;
  mentHash: Int32Array;
}

/** Feature keys per token of the cue tagger and of the token part of the argument tagger. */
export const OWN = 37;
export const SHORT = 11;
/** Feature keys per token of the argument tagger: the cue-dependent groups (GEO, CUE_GEO, REST), then the token's. */
export const ARG_REST = 7 + 7 + 21;
export const ARG = ARG_REST + 2 * SHORT;

/** What the features need of a word form, computed once per form (forms repeat: a memo saves hashing them). */
export interface WordInfo {
  h: number;
  s3: number;
  rate: number;
  cls: number;
  /** WordNet verb classes of the form read as a verb, all of its first senses' and the first one's. */
  vc: number;
  vc1: number;
}

const wordMemo = new Map<string, WordInfo>();
const MEMO_LIMIT = 200_000;

function wordInfo(lower: string): WordInfo {
  let w = wordMemo.get(lower);
  if (!w) {
    if (wordMemo.size > MEMO_LIMIT) wordMemo.clear();
    const vc = verbClass(lower);
    w = {
      h: hashString30(lower), s3: hashString30(lower.slice(-3)),
      rate: hashString30(rateBucket(lower)), cls: hashString30(cueInfo(lower)?.cls ?? '-'),
      vc: hashString30(vc), vc1: hashString30(vc.split('+')[0]!),
    };
    wordMemo.set(lower, w);
  }
  return w;
}

/** Capitalisation shape: 1 Xx, 2 XX, 3 x, 4 digit, else the character code of a one-character token, else 0. */
function shape(s: string): number {
  const c = s.charCodeAt(0);
  const upper = c >= 65 && c <= 90;
  if (upper) {
    const d = s.charCodeAt(1);
    if (d >= 97 && d <= 122) return 1;
    if (/^[A-Z]+$/.test(s)) return 2;
  }
  if (c >= 97 && c <= 122) return 3;
  if (c >= 48 && c <= 57) return 4;
  return s.length === 1 ? 1000 + c : 0;
}

function rateBucket(lower: string): string {
  const rate = learnedCueRate(lower);
  return rate === undefined ? '-' : String(Math.min(9, Math.floor(rate * 10)));
}

/** `found`: the document's quotes when the caller has them already (the rule Reader finds them first). */
export function docView(doc: Doc, rules: RuleReading[] = [], found: Pick<ReturnType<typeof findQuotes>,
  'quotes' | 'quoteOfToken' | 'markOfToken'> = findQuotes(doc)): DocView {
  const toks = doc.tokens;
  const n = toks.length;
  const ruleAt = new Int32Array(n).fill(-1);
  rules.forEach((r, ri) => {
    for (let k = r.cue.s; k < r.cue.e; k++) if (ruleAt[k]! < 0) ruleAt[k] = ri;
  });
  const { quoteOfToken, markOfToken } = found;
  const quotes = found.quotes.map((q) => ({ tokStart: q.tokStart, tokEnd: q.tokEnd, chain: -1 }));
  const chainStart = new Int32Array(quotes.length);
  const chainEnd = new Int32Array(quotes.length);
  quotes.forEach((q, qi) => {
    q.chain = found.quotes[qi]!.prev >= 0 ? quotes[found.quotes[qi]!.prev]!.chain : qi;
    if (q.chain === qi) chainStart[qi] = q.tokStart;
    chainEnd[q.chain] = Math.max(chainEnd[q.chain]!, q.tokEnd);
  });
  const ment = new Array<string>(n).fill('O');
  for (const m of doc.mentions) {
    const type = m.kind === 'pronoun' ? 'PRON' : m.type;
    for (let k = m.tokenStart; k < m.tokenEnd && k < n; k++) ment[k] = `${k === m.tokenStart ? 'B' : 'I'}-${type}`;
  }
  const commas = new Int32Array(n + 1);
  const marks = new Int32Array(n + 1);
  const sent = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    commas[i + 1] = commas[i]! + (toks[i]!.lower === ',' ? 1 : 0);
    marks[i + 1] = marks[i]! + (markOfToken[i] ? 1 : 0);
  }
  doc.sentences.forEach((s, si) => {
    for (let k = s.tokenStart; k < s.tokenEnd; k++) sent[k] = si;
  });
  const short = new Int32Array(n * SHORT);
  const v: DocView = {
    doc, toks, quoteOf: quoteOfToken, mark: markOfToken, ment, commas, marks, sent, quotes, chainStart, chainEnd,
    rules, ruleAt, short, words: toks.map((t) => wordInfo(t.lower)), tagHash: Int32Array.from(toks, (t) => hashString30(t.pos)),
    mentHash: Int32Array.from(ment, hashString30),
  };
  for (let i = 0; i < n; i++) tokenKeys(v, i, null, 0, short);
  return v;
}

const START = hashString30('<s>');

/** The cue tagger's OWN feature keys of the tokens `[a, b)`, OWN per token. */
export function ownKeys(v: DocView, a: number, b: number): Int32Array {
  const out = new Int32Array((b - a) * OWN);
  for (let i = a; i < b; i++) tokenKeys(v, i, out, (i - a) * OWN, null);
  return out;
}

/** Token i's own keys (into `own` at `at`) and short keys (into `short` at i * SHORT), each when given. */
function tokenKeys(v: DocView, i: number, own: Int32Array | null, o: number, short: Int32Array | null): void {
  const { toks, words: W, tagHash: P, mentHash: M, ment, rules, ruleAt } = v;
  const markOfToken = v.mark;
  const t = toks[i]!;
  const s = v.doc.sentences[v.sent[i]!]!;
  const w = W[i]!;
  const hasP = i - 1 >= s.tokenStart;
  const hasN = i + 1 < s.tokenEnd;
  const pw = hasP ? W[i - 1]!.h : START;
  const pt = hasP ? P[i - 1]! : START;
  const nw = hasN ? W[i + 1]!.h : START;
  const nt = hasN ? P[i + 1]! : START;
  const tp = P[i]!;
  const shp = shape(t.text);
  const q = markOfToken[i] ? 2 : v.quoteOf[i]! >= 0 ? 1 : 0;
  if (short) {
    let toEnd = 0;
    for (let j = i + 1; j < s.tokenEnd && toEnd < 3; j++) if (toks[j]!.pos !== 'PUNCT' && !markOfToken[j]) toEnd++;
    const h = i * SHORT;
    short[h] = mix30(80, w.h); short[h + 1] = mix30(81, tp); short[h + 2] = mix30(82, q); short[h + 3] = mix30(83, M[i]!);
    short[h + 4] = mix30(84, pt, tp); short[h + 5] = mix30(85, tp, nt); short[h + 6] = mix30(86, pw);
    short[h + 7] = mix30(87, nw); short[h + 8] = mix30(88, shp); short[h + 9] = mix30(89, toEnd);
    short[h + 10] = mix30(90, toEnd, nw);
  }
  if (!own) return;
  const pw2 = i - 2 >= s.tokenStart ? W[i - 2]!.h : START;
  const nw2 = i + 2 < s.tokenEnd ? W[i + 2]!.h : START;
  const nt2 = i + 2 < s.tokenEnd ? P[i + 2]! : START;
  // The nearest "that", colon or quotation mark ahead (kind * 8 + distance), and the nearest mention behind.
  let ahead = 0;
  for (let j = i + 1; j < Math.min(s.tokenEnd, i + 5); j++) {
    const l = toks[j]!.lower;
    if (l === 'that') ahead = 8 + j - i;
    else if (l === ':') ahead = 16 + j - i;
    else if (markOfToken[j]) ahead = 24 + j - i;
    if (ahead !== 0) break;
  }
  let left = 0;
  for (let j = i - 1; j >= Math.max(s.tokenStart, i - 6); j--) {
    if (ment[j] !== 'O') {
      left = mix30(99, hashString30(ment[j]!.slice(2)), Math.min(i - j, 4));
      break;
    }
  }
  const ri = ruleAt[i]!;
  const rc = ri < 0 ? 0 : mix30(98, rules[ri]!.cue.s === i ? 1 : 2, hashString30(rules[ri]!.kind));
  const prc = i > 0 && ruleAt[i - 1]! >= 0 ? 1 : 0;
  own[o] = mix30(40, w.h); own[o + 1] = mix30(41, tp); own[o + 2] = mix30(42, w.s3); own[o + 3] = mix30(43, shp);
  own[o + 4] = mix30(44, q); own[o + 5] = mix30(45, w.rate); own[o + 6] = mix30(46, w.cls); own[o + 7] = mix30(47, M[i]!);
  own[o + 8] = mix30(48, w.rate, tp); own[o + 9] = mix30(49, pw); own[o + 10] = mix30(50, nw);
  own[o + 11] = mix30(51, pw2); own[o + 12] = mix30(52, nw2); own[o + 13] = mix30(53, pt); own[o + 14] = mix30(54, nt);
  own[o + 15] = mix30(55, pt, tp); own[o + 16] = mix30(56, tp, nt); own[o + 17] = mix30(57, pw, w.h);
  own[o + 18] = mix30(58, w.h, nw); own[o + 19] = mix30(59, nt, nt2); own[o + 20] = mix30(60, ahead);
  own[o + 21] = mix30(61, tp, ahead); own[o + 22] = mix30(62, w.h, ahead); own[o + 23] = mix30(63, left);
  own[o + 24] = mix30(64, left, tp); own[o + 25] = mix30(65, i === s.tokenStart ? 1 : 0); own[o + 26] = mix30(66, q, tp);
  own[o + 27] = mix30(67, hasP ? M[i - 1]! : START); own[o + 28] = mix30(68, hasN ? M[i + 1]! : START);
  own[o + 29] = mix30(69, rc); own[o + 30] = mix30(70, rc, w.h); own[o + 31] = mix30(71, rc, prc);
  own[o + 32] = mix30(72, rc, tp);
  // WordNet verb classes: what lets an unseen verb ("mulls") borrow from the seen ones of its class.
  own[o + 33] = mix30(73, w.vc, tp); own[o + 34] = mix30(74, w.vc1, tp); own[o + 35] = mix30(75, w.vc1, tp, ahead);
  own[o + 36] = mix30(76, w.vc1, tp, left);
}

function bucket(d: number): number {
  if (d <= 4) return d;
  if (d <= 7) return 5;
  if (d <= 12) return 6;
  if (d <= 20) return 7;
  return 8;
}

/** The token of the cue's word the argument features condition on: its last verb, else its last word. */
export function cueWordAt(v: DocView, cs: number, ce: number): number {
  for (let k = ce - 1; k >= cs; k--) if (v.toks[k]!.pos === 'VERB') return k;
  return ce - 1;
}

/**
 * Argument-tagger features of token i for the cue `[cs, ce)`: its own short features, alone and joined with the
 * side of the cue it lies on, plus where it lies (distance, sentence, commas and quotation marks in between).
 */
export function argFeatures(v: DocView, i: number, cs: number, ce: number, cue: CueKeys, out: Int32Array,
  at: number): void {
  const g = geometry(v, i, cs, ce);
  geometryKeys(g, out, at);
  cueGeometryKeys(cue, g, out, at + GEO);
  restKeys(v, i, cue, g, out, at + GEO + CUE_GEO);
  tokenArgFeatures(v, i, sideOf(g), out, at + ARG_REST);
}

/** Where token i lies relative to the cue [cs, ce): side, distance, sentence, commas and marks crossed, packed. */
export function geometry(v: DocView, i: number, cs: number, ce: number): number {
  const side = i < cs ? 1 : i >= ce ? 2 : 3;
  const d = side === 1 ? cs - i : side === 2 ? i - ce + 1 : 0;
  const ds = Math.max(-3, Math.min(3, v.sent[i]! - v.sent[cs]!)) + 3;
  const commas = side === 1 ? v.commas[cs]! - v.commas[i + 1]! : side === 2 ? v.commas[i]! - v.commas[ce]! : 0;
  const marks = side === 1 ? v.marks[cs]! - v.marks[i + 1]! : side === 2 ? v.marks[i]! - v.marks[ce]! : 0;
  return (((side * 9 + bucket(d)) * 7 + ds) * 4 + Math.min(3, commas)) * 4 + Math.min(3, marks);
}

/** Number of distinct geometry codes (an upper bound). */
export const GEOMETRIES = 4 * 9 * 7 * 4 * 4;
const sideOf = (g: number) => Math.floor(g / (9 * 7 * 16));

/** Keys per row of each group: geometry only, cue and geometry, the rest; then the token's own. */
export const GEO = 7;
export const CUE_GEO = 7;
export const REST = 21;

/** The features of the geometry alone. */
export function geometryKeys(g: number, out: Int32Array, at: number): void {
  const mb = g % 4;
  const cb = Math.floor(g / 4) % 4;
  const ds = Math.floor(g / 16) % 7;
  const side = sideOf(g);
  let k = at;
  out[k++] = mix30(1, side); out[k++] = mix30(2, side, dbOf(g)); out[k++] = mix30(3, side, ds); out[k++] = mix30(4, side, cb);
  out[k++] = mix30(5, side, mb); out[k++] = mix30(6, side, cb, mb); out[k++] = mix30(7, side, ds, cb);
}

const dbOf = (g: number) => Math.floor(g / (7 * 16)) % 9;

/** The features of the cue's word and context with the side, distance and marks crossed. */
export function cueGeometryKeys(cue: CueKeys, g: number, out: Int32Array, at: number): void {
  const { cw, ctx, vc } = cue;
  const side = sideOf(g);
  const db = dbOf(g);
  const mb = g % 4;
  let k = at;
  out[k++] = mix30(8, cw, side); out[k++] = mix30(9, cw, side, db); out[k++] = mix30(10, ctx, side);
  out[k++] = mix30(11, ctx, side, db); out[k++] = mix30(12, ctx, side, mb);
  out[k++] = mix30(35, vc, side, db); out[k++] = mix30(36, vc, ctx, side);
}

/** The features joining the token with the cue: the rule reading's mark, the quote relation, geometry × tag. */
export function restKeys(v: DocView, i: number, cue: CueKeys, g: number, out: Int32Array, at: number): void {
  const side = sideOf(g);
  const db = dbOf(g);
  const mb = g % 4;
  const cb = Math.floor(g / 4) % 4;
  const ds = Math.floor(g / 16) % 7;
  const sh = i * SHORT;
  const S = v.short;
  const t = S[sh + 1]!;
  const q = S[sh + 2]!;
  const m = S[sh + 3]!;
  const end = S[sh + 9]!;
  const qi = v.quoteOf[i]!;
  const chain = qi >= 0 ? v.quotes[qi]!.chain : -2;
  const qr = qi < 0 ? 0 : chain === cue.near.after ? 2 + cue.near.afterGap : chain === cue.near.before
    ? 5 + cue.near.beforeGap : 1;
  const rk = cue.rule ? ruleMark(cue.rule, i) : 0;
  const { cw, ctx, kind } = cue;
  let k = at;
  out[k++] = mix30(13, rk);
  out[k++] = mix30(14, rk, side); out[k++] = mix30(15, rk, q); out[k++] = mix30(16, rk, qr); out[k++] = mix30(17, rk, t);
  out[k++] = mix30(18, rk, kind); out[k++] = mix30(19, rk, end); out[k++] = mix30(20, rk, ctx); out[k++] = mix30(21, qr);
  out[k++] = mix30(22, qr, side); out[k++] = mix30(23, qr, ctx); out[k++] = mix30(24, qr, t); out[k++] = mix30(25, qr, end);
  out[k++] = mix30(27, side, db, t); out[k++] = mix30(28, side, cb, t); out[k++] = mix30(29, side, mb, q);
  out[k++] = mix30(30, side, ds, q); out[k++] = mix30(31, cw, side, t); out[k++] = mix30(32, ctx, side, t);
  out[k++] = mix30(33, side, cb, m); out[k++] = mix30(34, side, db, m);
}

/** The argument features that depend only on the token and the side of the cue it lies on (1 left, 2 right). */
export function tokenArgFeatures(v: DocView, i: number, side: number, out: Int32Array, at: number): void {
  const sh = i * SHORT;
  let k = at;
  for (let j = 0; j < SHORT; j++) {
    const f = v.short[sh + j]!;
    out[k++] = f;
    out[k++] = mix30(26, side, f);
  }
}

/** What the argument features know of the cue: its word, context, nearest quotes and rule reading. */
export interface CueKeys {
  cw: number;
  /** The WordNet class of the cue word (its first sense's), for cue words train does not show. */
  vc: number;
  ctx: number;
  kind: number;
  near: NearQuotes;
  rule: RuleReading | null;
}

/** What surrounds the cue: the word after it and before it, as a small context key. */
export function cueContext(v: DocView, cs: number, ce: number): string {
  const after = ce < v.toks.length && v.sent[ce] === v.sent[cs] ? v.toks[ce]! : undefined;
  const before = cs > 0 && v.sent[cs - 1] === v.sent[cs] ? v.toks[cs - 1]! : undefined;
  const a = after ? (v.mark[ce] ? 'Q' : after.pos === 'PUNCT' ? after.lower : after.lower === 'that' ? 'that' : after.pos) : '$';
  const b = before ? (v.mark[cs - 1] ? 'Q' : before.pos === 'PUNCT' ? before.lower : before.pos) : '^';
  return `${b}_${a}`;
}

/** The quotes nearest a cue: the first after it and the last before it (chain ids), and whether each is adjacent. */
export interface NearQuotes {
  after: number;
  /** 0 adjacent, 1 in the cue's sentence, 2 further. */
  afterGap: number;
  before: number;
  beforeGap: number;
}

/** Adjacent: at most two tokens (punctuation, "that") between the cue and the quote, in the same paragraph. */
export function nearQuotes(v: DocView, cs: number, ce: number, a: number, b: number): NearQuotes {
  const out: NearQuotes = { after: -3, afterGap: 0, before: -3, beforeGap: 0 };
  for (let i = ce; i < b; i++) {
    const q = v.quoteOf[i]!;
    if (q >= 0) {
      out.after = v.quotes[q]!.chain;
      out.afterGap = i - ce <= 3 ? 0 : v.sent[i] === v.sent[cs] ? 1 : 2;
      break;
    }
  }
  for (let i = cs - 1; i >= a; i--) {
    const q = v.quoteOf[i]!;
    if (q >= 0) {
      out.before = v.quotes[q]!.chain;
      out.beforeGap = cs - i <= 4 ? 0 : v.sent[i] === v.sent[cs] ? 1 : 2;
      break;
    }
  }
  return out;
}

/** Where token i lies in a rule reading: source (S), content start / inside / end (CB, CI, CE), or outside. */
function ruleMark(r: RuleReading, i: number): number {
  if (r.source && i >= r.source.s && i < r.source.e) return i === r.source.s ? 2 : 3;
  for (const c of r.content) {
    if (i >= c.s && i < c.e) return i === c.s ? 4 : i === c.e - 1 ? 5 : 6;
    if (i === c.e) return 7;
  }
  return 1;
}
