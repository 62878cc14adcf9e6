/**
 * Whether a verb-cue reading stands, and the features the scorer (scorer.ts) decides it on. Training takes the
 * same features from every candidate reading (training-export.ts).
 */
import type { QuotedTokens } from './clause-ends.js';
import { cueInfo, learnedCueRate } from './cues.js';
import type { Draft } from './draft.js';
import { FUNCTION_TAGS } from './lexicon.js';
import { score, scorerModel } from './scorer.js';

/** Share of a form's verb uses that head a PolNeAR cue above which it counts as a cue (tuned on train). */
const CUE_RATE_THRESHOLD = 0.3;

/**
 * What the scorer reads of the reading context (context.ts, which calls keepReading): the tokens, the quotes, and
 * whether it reads for training (`log` set). Typed narrowly so that this module does not import context.ts.
 */
export interface ScoredContext extends Pick<QuotedTokens, 'toks' | 'quoteOfToken'> {
  readonly log: object | null;
}

/**
 * Whether a verb-cue reading stands: the trained scorer when its model is there, else the cue rate — at least
 * CUE_RATE_THRESHOLD, or a hand-lexicon verb right after a quote ("..." he continued), or a hand-lexicon verb too
 * rare in PolNeAR to have a rate. Every reading stands when reading for training (a context with a decision log).
 */
export function keepReading(cx: ScoredContext, d: Draft): boolean {
  if (!d.config || !d.cue) return true;
  const model = cx.log ? null : scorerModel();
  if (model) return score(model, readingFeatures(cx, d)) > 0;
  const lower = cx.toks[d.cue.s]!.lower;
  const rate = learnedCueRate(lower);
  if (cx.log || rate === undefined || rate >= CUE_RATE_THRESHOLD) return true;
  return cueInfo(lower) !== undefined && d.config === 'postq';
}

/** Features of a verb-cue reading for the scorer. */
export function readingFeatures(cx: ScoredContext, d: Draft): string[] {
  const { toks } = cx;
  const t = d.cue!.s;
  const w = toks[t]!.lower;
  const rate = learnedCueRate(w);
  const bucket = rate === undefined ? 'none' : String(Math.min(9, Math.floor(rate * 10)));
  const next = toks[d.cue!.e];
  const nextTag = !next ? 'END' : FUNCTION_TAGS.has(next.pos) || next.pos === 'PUNCT' ? next.lower : next.pos;
  const prevTok = d.cuePhrase && d.cuePhrase.s > 0 ? toks[d.cuePhrase.s - 1] : undefined;
  const prevTag = !prevTok ? 'START' : prevTok.pos === 'PUNCT' ? prevTok.lower : prevTok.pos;
  const src = d.source ? toks[d.source.e - 1]! : null;
  const srcTag = !src ? 'none' : src.pos === 'PRON' ? `pron:${src.lower}` : src.pos;
  const words = d.content.reduce((n, r) => n + r.e - r.s, 0);
  const len = words <= 1 ? '1' : words <= 3 ? '2-3' : words <= 8 ? '4-8' : words <= 20 ? '9-20' : '21+';
  const quoted = d.content.some((r) => cx.quoteOfToken[r.s]! >= 0);
  const cfg = d.config!;
  const base = [
    `w=${w}`, `rate=${bucket}`, `cls=${cueInfo(w)?.cls ?? 'learned'}`, `cfg=${cfg}`, `next=${nextTag}`,
    `prev=${prevTag}`, `src=${srcTag}`, `len=${len}`, `q=${quoted}`, `w+cfg=${w}|${cfg}`, `rate+cfg=${bucket}|${cfg}`,
    `w+next=${w}|${nextTag}`, `rate+next=${bucket}|${nextTag}`, `cfg+q=${cfg}|${quoted}`, `src+cfg=${srcTag}|${cfg}`,
    `group=${d.cuePhrase ? d.cue!.s - d.cuePhrase.s : 0}`, `pos=${toks[t]!.pos}`,
  ];
  return base;
}
