/**
 * Greedy left-to-right BILOU decoding with the transition constraints of the scheme, shared by training (which
 * updates weights at each step) and inference.
 */
import {
  N_TAGS, MAX_DYNAMIC, TYPES, dynamicFeatures, recordHistory, stackedFeatures, tagPart, tagType,
  type ConllType, type DocFeatures, type FirstPass, type History,
} from './features.js';

/** Anything that can add feature weights into per-tag scores (columns `[col, col + out.length)` of its rows). */
export interface Scorer {
  addScores(feats: Uint32Array, from: number, to: number, out: Float64Array | Int32Array, col?: number): void;
}

export interface DecodeOptions {
  /** Which columns of the scorer's rows hold this pass's weights. */
  col?: number;
  /** Static-feature scores precomputed for every token (`stride` per token), instead of scoring `f.stat` here. */
  staticSums?: { sums: Int32Array; stride: number };
  /** Run as the second pass of the two-stage tagger. */
  firstPass?: FirstPass;
  /**
   * Sees every step (dynamic features, predicted tag) before the prediction becomes context for the next tokens:
   * training updates the weights there.
   */
  learn?: (i: number, dyn: Uint32Array, dynLen: number, predicted: number) => void;
}

/**
 * Lower-case words found inside names that are not among the linking words the features already treat as possible
 * name parts: particles of personal and place names ("Osama bin Laden", "Leonardo da Vinci", "Dar es Salaam",
 * "Frankfurt am Main"), prepositions of long names ("Organisation for Security and Cooperation in Europe"), and the
 * possessive clitic ("Lord 's", "Queen 's Park").
 */
const NAME_PARTICLES = new Set(['bin', 'ibn', 'bint', 'da', 'di', 'della', 'dos', 'das', 'den', 'ter', 'ten', 'zu',
  'y', 'e', 'et', 'le', 'les', 'es', 'el', 'do', 'dem', 'des', 'op', 'aan', 'ul', 'ur', 'in', 'on', 'upon', 'am',
  'sur', 'en', 'au', 'aux', "'s", '’s']);

/** Inside a name (after B or I) only I or L of the same type may follow; outside, only O, B or U. */
export function allowed(prev: number, tag: number, lastInSentence: boolean): boolean {
  const inside = prev > 0 && tagPart(prev) <= 1;
  if (inside) return tag > 0 && tagType(tag) === tagType(prev) && (tagPart(tag) === 2 || (!lastInSentence && tagPart(tag) === 1));
  if (tag === 0) return true;
  const part = tagPart(tag);
  return part === 3 || (part === 0 && !lastInSentence);
}

export function bestAllowed(scores: Float64Array | Int32Array, prev: number, last: boolean): number {
  let best = -1;
  for (let t = 0; t < N_TAGS; t++) {
    if (allowed(prev, t, last) && (best < 0 || scores[t]! > scores[best]!)) best = t;
  }
  return best;
}

/** Tags one document (see DecodeOptions). */
export function greedyDecode(f: DocFeatures, sentStart: readonly boolean[], scorer: Scorer, opt: DecodeOptions = {}): Uint8Array {
  const { col = 0, staticSums, firstPass, learn } = opt;
  const tags = new Uint8Array(f.n);
  const hist: History = new Map();
  const dyn = new Uint32Array(MAX_DYNAMIC);
  // Training needs exact float scores; inference sums Int16 weights in integers.
  const s = learn ? new Float64Array(N_TAGS) : new Int32Array(N_TAGS);
  let prev = -1;
  let prev2 = -1;
  for (let i = 0; i < f.n; i++) {
    if (sentStart[i]) { prev = -1; prev2 = -1; }
    const last = i + 1 >= f.n || sentStart[i + 1] === true;
    const inside = prev > 0 && tagPart(prev) <= 1;
    if (f.plainLower?.[i] && (!inside || (!NAME_PARTICLES.has(f.info[i]!.low)))) {
      // A plain lower-case word: O without scoring (see DocFeatures.plainLower). Its own features are not built, so
      // inside a name the scheme would force it to continue the name on the tag history alone, and one I for an L
      // ran names on to the sentence's end ("World Health Organization said cases had doubled"); outside the
      // particles of personal names ("bin", "da"), such a word ends the name at the word before.
      if (inside) {
        tags[i - 1] = prev + (tagPart(prev) === 0 ? 3 : 1); // B → U, I → L, same type
        prev = tags[i - 1]!;
      }
      tags[i] = 0;
      prev2 = prev;
      prev = 0;
      continue;
    }
    let dynLen = dynamicFeatures(f, i, prev, prev2, hist, dyn, 0);
    if (firstPass) dynLen = stackedFeatures(f, i, firstPass, dyn, dynLen);
    if (staticSums) {
      const o = i * staticSums.stride + col;
      for (let t = 0; t < N_TAGS; t++) s[t] = staticSums.sums[o + t]!;
    } else {
      s.fill(0);
      scorer.addScores(f.stat, f.statStart[i]!, f.statStart[i + 1]!, s, col);
    }
    scorer.addScores(dyn, 0, dynLen, s, col);
    const tag = bestAllowed(s, prev, last);
    if (learn) learn(i, dyn, dynLen, tag);
    tags[i] = tag;
    recordHistory(f, i, tag, hist);
    prev2 = prev;
    prev = tag;
  }
  return tags;
}

/** A name as a token range `[start, end)` with its CoNLL type. */
export interface NameSpan {
  start: number;
  end: number;
  type: ConllType;
}

/** BILOU tags → spans. Decoding is constrained, so every B is closed by an L of the same type. */
export function spansFromTags(tags: ArrayLike<number>): NameSpan[] {
  const out: NameSpan[] = [];
  let open = -1;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (t === 0) { open = -1; continue; }
    const part = tagPart(t);
    const type = TYPES[tagType(t)]!;
    if (part === 3) { out.push({ start: i, end: i + 1, type }); open = -1; }
    else if (part === 0) open = i;
    else if (part === 2 && open >= 0) { out.push({ start: open, end: i + 1, type }); open = -1; }
  }
  return out;
}
