/**
 * Cue-token classifier: a greedy left-to-right averaged perceptron that marks the tokens of PolNeAR cue spans
 * outside quotation marks (a binary decision per token, the previous decision a feature). It proposes cues the
 * verb rules cannot read ("is a staunch opponent of", "raised questions about"); tagged-cues.ts builds a statement
 * around each proposed span no rule reading covers. Not to be confused with the span tagger of span-tagger/ (the
 * `--attribution tagger` mode). Trained by scripts/train-attribution.ts on PolNeAR train; weights in
 * models/attribution/tagger.json (the file keeps its first name so that the model files stay as they are).
 * Without the file nothing is proposed.
 */
import type { Token } from '../../model/document.js';
import { cueInfo, learnedCueRate } from './cues.js';
import { loadLinearModel, weightSum, type LinearModel } from './linear-model.js';

export type CueTokenModel = LinearModel;

export function cueTokenModel(): CueTokenModel | null {
  return loadLinearModel('tagger.json');
}

const word = (t: Token | undefined) => (t ? t.lower : '<s>');
const tag = (t: Token | undefined) => (t ? t.pos : '<s>');

/** The features of token i that depend only on the token itself (and the previous decision `pv`). */
function unaryFeatures(t: Token, pv: string): string[] {
  const rate = learnedCueRate(t.lower);
  const bucket = rate === undefined ? 'none' : String(Math.min(9, Math.floor(rate * 10)));
  return [
    `w=${t.lower}`, `t=${t.pos}`, `s3=${t.lower.slice(-3)}`, `rate=${bucket}`, `cls=${cueInfo(t.lower)?.cls ?? '-'}`,
    `rate|t=${bucket}|${t.pos}`, `pv=${pv}`, `pv|w=${pv}|${t.lower}`, `pv|t=${pv}|${t.pos}`, `pv|rate=${pv}|${bucket}`,
  ];
}

/** The features of token i that look at its neighbours (its window limited to [min, max)). */
function contextFeatures(toks: Token[], i: number, min: number, max: number, inQuote: (j: number) => boolean): string[] {
  const t = toks[i]!;
  const p = i - 1 >= min ? toks[i - 1] : undefined;
  const n = i + 1 < max ? toks[i + 1] : undefined;
  const n2 = i + 2 < max ? toks[i + 2] : undefined;
  let that = 'no';
  for (let j = i + 1; j < Math.min(max, i + 5); j++) {
    if (toks[j]!.lower === 'that' || toks[j]!.lower === ':') that = String(j - i);
    if (inQuote(j)) that = that === 'no' ? `q${j - i}` : that;
    if (that !== 'no') break;
  }
  return [
    `pw=${word(p)}`, `nw=${word(n)}`, `pt=${tag(p)}`, `nt=${tag(n)}`, `pt|t=${tag(p)}|${t.pos}`,
    `t|nt=${t.pos}|${tag(n)}`, `pw|w=${word(p)}|${t.lower}`, `w|nw=${t.lower}|${word(n)}`,
    `nt|nt2=${tag(n)}|${tag(n2)}`, `that=${that}`, `t|that=${t.pos}|${that}`, `first=${i === min}`,
    `nw2=${word(n2)}`, `pw2=${word(i - 2 >= min ? toks[i - 2] : undefined)}`, `pt|w=${tag(p)}|${t.lower}`,
    `w|nt=${t.lower}|${tag(n)}`, `w|that=${t.lower}|${that}`,
  ];
}

/** Features of token i (its window limited to [min, max)); `prev`: the decision on token i-1. */
export function cueTokenFeatures(toks: Token[], i: number, min: number, max: number, prev: boolean,
  inQuote: (j: number) => boolean): string[] {
  return [...unaryFeatures(toks[i]!, prev ? 'I' : 'O'), ...contextFeatures(toks, i, min, max, inQuote)];
}

export function scoreCueToken(model: CueTokenModel, f: string[]): number {
  return model.bias + weightSum(model, f);
}

/** Per model: the unary score of a (tag, form) pair after an outside and an inside decision. */
const unaryCache = new WeakMap<CueTokenModel, Map<string, Map<string, [number, number]>>>();
/** Forms kept in that cache: it lives as long as the process (a worker, a 20 MB text), so it is bounded. */
const UNARY_CACHE_MAX = 50_000;

/**
 * A token whose own features score at most this (with the bias) is outside a cue without looking at its
 * neighbours, which keeps the classifier cheap (about 11% of tokens are looked at in full). On PolNeAR train about 4%
 * of the tokens the full classifier marks fall below it; dev cue F1 is the same (67.6 at -18, 67.7 with no gate).
 */
export const UNARY_GATE = -18;

/** Cue spans `[s, e)` the classifier proposes in the token window [min, max). */
export function proposeCueSpans(model: CueTokenModel, toks: Token[], min: number, max: number,
  inQuote: (j: number) => boolean, threshold = 0): { s: number; e: number }[] {
  let cache = unaryCache.get(model);
  if (!cache) unaryCache.set(model, (cache = new Map()));
  const out: { s: number; e: number }[] = [];
  let prev = false;
  let start = -1;
  for (let i = min; i <= max; i++) {
    let on = false;
    if (i < max && !inQuote(i)) {
      const t = toks[i]!;
      let byTag = cache.get(t.lower);
      if (!byTag) {
        if (cache.size >= UNARY_CACHE_MAX) cache.clear();
        cache.set(t.lower, (byTag = new Map()));
      }
      let u = byTag.get(t.pos);
      if (!u) byTag.set(t.pos, (u = [weightSum(model, unaryFeatures(t, 'O')), weightSum(model, unaryFeatures(t, 'I'))]));
      const unary: number = model.bias + (prev ? u[1] : u[0]);
      if (unary > UNARY_GATE) on = unary + weightSum(model, contextFeatures(toks, i, min, max, inQuote)) > threshold;
    }
    if (on && start < 0) start = i;
    if (!on && start >= 0) {
      out.push({ s: start, e: i });
      start = -1;
    }
    prev = on;
  }
  return out;
}
