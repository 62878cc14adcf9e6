/**
 * The learned span tagger of the attribution stage, in two passes:
 *   1. cue spans: BIO tags over every sentence (`cue-tagger.json`): "said", "has repeatedly argued",
 *      "according to", "polls show", "is a staunch opponent of";
 *   2. arguments: for each cue, BIO tags for its source and its content over a window of sentences around it
 *      (`arguments.json`), so content may be quoted, unquoted, before or after the cue, across sentences and in
 *      several pieces ("'A,' he said, 'B.'").
 * Both are structured perceptrons (src/learn/structured.ts) trained on PolNeAR train by
 * scripts/train-attribution.ts. The rules in index.ts still supply what PolNeAR does not annotate: the speaker
 * entity, channel, addressee, chains.
 */
import { loadAttributionModel } from '../linear-model.js';
import {
  ARG, CUE_GEO, GEO, GEOMETRIES, OWN, REST, SHORT, argFeatures, cueGeometryKeys, ownKeys, geometry, geometryKeys, restKeys,
  tokenArgFeatures, type CueKeys, cueContext, cueWordAt, nearQuotes, type DocView, type RuleReading,
} from './features.js';
import { hashString30 } from '../../../learn/hash.js';
import { bioLegal, SequenceModel, type FeatureRows, type SequenceModelFile } from '../../../learn/structured.js';

export const CUE_TAGS = ['O', 'B-CUE', 'I-CUE'];
export const ARG_TAGS = ['O', 'B-SRC', 'I-SRC', 'B-CON', 'I-CON'];
export const cueLegal = bioLegal(CUE_TAGS);
export const argLegal = bioLegal(ARG_TAGS);
/**
 * Sentences before and after the cue's sentence that its source and content may reach (on train about 98% of
 * content starts and 95% of content ends lie there); a quote the window cuts extends it to the quote's end.
 * Measured on dev: windows of two sentences after, or to the paragraph's end, found no more exact content.
 */
export const WINDOW_BEFORE = 1;
export const WINDOW_AFTER = 1;

/** Token range `[s, e)`. */
export interface TokRange {
  s: number;
  e: number;
}

export interface LearnedAttribution {
  cue: TokRange;
  source: TokRange | null;
  content: TokRange[];
}

const load = (name: string) => loadAttributionModel(name, (raw) => new SequenceModel(raw as SequenceModelFile));

export const cueTaggerModel = () => load('cue-tagger.json');
export const argumentModel = () => load('arguments.json');

/** Runs of one entity type in a tag path: `B-X I-X ...` → ranges (offset by `base`). */
export function runs(path: ArrayLike<number>, tags: string[], type: string, base: number): TokRange[] {
  const out: TokRange[] = [];
  let s = -1;
  for (let i = 0; i <= path.length; i++) {
    const t = i < path.length ? tags[path[i]!]! : 'O';
    if (s >= 0 && t !== `I-${type}`) {
      out.push({ s: base + s, e: base + i });
      s = -1;
    }
    if (t === `B-${type}`) s = i;
  }
  return out;
}

/** The token window `[a, b)` the arguments of the cue starting at token cs are tagged over. */
export function argWindow(v: DocView, cs: number): TokRange {
  const si = v.sent[cs]!;
  const sents = v.doc.sentences;
  let a = sents[Math.max(0, si - WINDOW_BEFORE)]!.tokenStart;
  let b = sents[Math.min(sents.length - 1, si + WINDOW_AFTER)]!.tokenEnd;
  // A quote the window cuts runs to its end (or its start), across paragraphs when it continues.
  const qa = v.quoteOf[a]!;
  if (qa >= 0) a = Math.max(v.chainStart[v.quotes[qa]!.chain]! - 1, 0);
  const qb = v.quoteOf[b - 1]!;
  if (qb >= 0) b = Math.max(b, Math.min(v.chainEnd[v.quotes[qb]!.chain]! + 1, v.toks.length));
  return { s: Math.max(a, cs - MAX_REACH), e: Math.min(b, cs + MAX_REACH) };
}

/** No window reaches further than this many tokens from its cue. */
const MAX_REACH = 400;

/** Offsets 0, K, 2K, ... shared by every sequence whose tokens all have K features. */
const strides = new Map<number, Int32Array>();
function stride(k: number, n: number): Int32Array {
  let st = strides.get(k);
  if (!st || st.length < n + 1) {
    st = Int32Array.from({ length: Math.max(n + 1, 2 * (st?.length ?? 256)) }, (_, i) => i * k);
    strides.set(k, st);
  }
  return st;
}

/** What the argument features know of the cue `[cs, ce)` in the window w. */
function cueKeys(v: DocView, w: TokRange, cs: number, ce: number): CueKeys {
  let rule: RuleReading | null = null;
  for (let k = cs; k < ce && !rule; k++) if (v.ruleAt[k]! >= 0) rule = v.rules[v.ruleAt[k]!]!;
  const at = cueWordAt(v, cs, ce);
  return {
    cw: v.words[at]!.h, vc: v.words[at]!.vc1, ctx: hashString30(cueContext(v, cs, ce)), kind: hashString30(rule?.kind ?? '-'),
    near: nearQuotes(v, cs, ce, w.s, w.e), rule,
  };
}

/** Every feature key of the window for the cue `[cs, ce)` (training, and the reference for `ArgumentScorer`). */
export function argRows(v: DocView, w: TokRange, cs: number, ce: number): FeatureRows {
  const cue = cueKeys(v, w, cs, ce);
  const n = w.e - w.s;
  const keys = new Int32Array(n * ARG);
  for (let i = w.s; i < w.e; i++) argFeatures(v, i, cs, ce, cue, keys, (i - w.s) * ARG);
  return { n, keys, start: stride(ARG, n) };
}

/** Feature rows of the cue tagger for the tokens `[a, b)` (a sentence). */
export function cueRows(v: DocView, a: number, b: number): FeatureRows {
  return { n: b - a, keys: ownKeys(v, a, b), start: stride(OWN, b - a) };
}

/** Tokens of the cue itself take no argument tag. */
export function argAllowed(w: TokRange, cs: number, ce: number): (i: number, tag: number) => boolean {
  return (i, tag) => tag === 0 || w.s + i < cs || w.s + i >= ce;
}

/** Cue spans of the document, sentence by sentence. */
export function tagCueSpans(v: DocView, model: SequenceModel): TokRange[] {
  const out: TokRange[] = [];
  for (const s of v.doc.sentences) {
    const path = model.decode(cueRows(v, s.tokenStart, s.tokenEnd), { legal: cueLegal });
    out.push(...runs(path, CUE_TAGS, 'CUE', s.tokenStart));
  }
  return out;
}

/**
 * The argument tagger's emission scores, computed in parts that many rows share: the geometry features (side,
 * distance, sentence, commas, marks: a few thousand combinations, cached for the model's lifetime), the cue's
 * word and context with the geometry (cached per cue), the token's own features with its side (cached per token
 * for all the cues whose windows hold it). Only the features joining a token with one cue are looked up per row.
 * The sum is the same as over `argRows` (up to float rounding).
 */
export class ArgumentScorer {
  private readonly T: number;
  private readonly tokScores: Float32Array;
  private readonly tokDone: Uint8Array;
  private readonly keys = new Int32Array(2 * SHORT);
  /** Cue × geometry scores of the current window, valid where `cueStamp` holds the window's number. */
  private readonly cueGeo: Float64Array;
  private readonly cueStamp = new Int32Array(GEOMETRIES);
  private windows = 0;

  constructor(private readonly v: DocView, private readonly model: SequenceModel) {
    this.T = model.tagCount;
    this.cueGeo = new Float64Array(GEOMETRIES * this.T);
    // Float32: 3 sides x T tags per token is the largest per-document array in tagger mode.
    this.tokScores = new Float32Array(v.toks.length * 3 * this.T);
    this.tokDone = new Uint8Array(v.toks.length * 3);
  }

  /** Rows of the per-row features and the summed shared scores of the window for the cue `[cs, ce)`. */
  window(w: TokRange, cs: number, ce: number): { rows: FeatureRows; base: Float64Array } {
    const { T, v, model } = this;
    const n = w.e - w.s;
    const base = new Float64Array(n * T);
    const keys = new Int32Array(n * REST);
    const cue = cueKeys(v, w, cs, ce);
    const geo = geometryScores(model);
    const { cueGeo, cueStamp } = this;
    const stamp = ++this.windows;
    for (let i = w.s; i < w.e; i++) {
      const g = geometry(v, i, cs, ce);
      const at = (i - w.s) * T;
      if (!geo.done[g]) {
        geometryKeys(g, this.keys, 0);
        model.partial(this.keys, 0, GEO, geo.scores, g * T);
        geo.done[g] = 1;
      }
      if (cueStamp[g] !== stamp) {
        cueGeo.fill(0, g * T, g * T + T);
        cueGeometryKeys(cue, g, this.keys, 0);
        model.partial(this.keys, 0, CUE_GEO, cueGeo, g * T);
        cueStamp[g] = stamp;
      }
      const side = i < cs ? 1 : i >= ce ? 2 : 3;
      const slot = i * 3 + side - 1;
      if (!this.tokDone[slot]) {
        tokenArgFeatures(v, i, side, this.keys, 0);
        model.partial(this.keys, 0, 2 * SHORT, this.tokScores, slot * T);
        this.tokDone[slot] = 1;
      }
      for (let t = 0; t < T; t++) {
        base[at + t] = geo.scores[g * T + t]! + cueGeo[g * T + t]! + this.tokScores[slot * T + t]!;
      }
      restKeys(v, i, cue, g, keys, (i - w.s) * REST);
    }
    return { rows: { n, keys, start: stride(REST, n) }, base };
  }
}

const geometryCache = new WeakMap<SequenceModel, { scores: Float64Array; done: Uint8Array }>();
function geometryScores(model: SequenceModel): { scores: Float64Array; done: Uint8Array } {
  let c = geometryCache.get(model);
  if (!c) {
    c = { scores: new Float64Array(GEOMETRIES * model.tagCount), done: new Uint8Array(GEOMETRIES) };
    geometryCache.set(model, c);
  }
  return c;
}

/** Source and content of the cue `[cs, ce)`. Of several source runs the one nearest the cue is kept. */
export function tagArguments(v: DocView, model: SequenceModel, cue: TokRange, scorer?: ArgumentScorer):
  LearnedAttribution {
  const w = argWindow(v, cue.s);
  const c = { legal: argLegal, allowed: argAllowed(w, cue.s, cue.e) };
  let path: Int32Array;
  if (scorer) {
    const { rows, base } = scorer.window(w, cue.s, cue.e);
    path = model.decode(rows, c, base);
  } else {
    path = model.decode(argRows(v, w, cue.s, cue.e), c);
  }
  const sources = runs(path, ARG_TAGS, 'SRC', w.s);
  const dist = (r: TokRange) => (r.e <= cue.s ? cue.s - r.e : r.s - cue.e);
  const source = sources.sort((a, b) => dist(a) - dist(b))[0] ?? null;
  return { cue, source, content: runs(path, ARG_TAGS, 'CON', w.s) };
}

/** Every learned attribution of a document; empty when the model files are absent. */
export function learnedAttributions(v: DocView): LearnedAttribution[] {
  const cues = cueTaggerModel();
  const args = argumentModel();
  if (!cues || !args) return [];
  const scorer = new ArgumentScorer(v, args);
  return tagCueSpans(v, cues).map((c) => tagArguments(v, args, c, scorer));
}
