/**
 * What scripts/train-attribution.ts learns from: the stage's candidate readings of a segmented or analysed
 * document, read with a decision log (every verb-cue reading kept, no learned part consulted) where the hand
 * rules' own decisions are wanted.
 */
import type { Doc } from '../../model/document.js';
import { newDecisionLog, type ReadingContext } from './context.js';
import { readAttributions, ruleReadings } from './readings.js';
import { readingFeatures } from './scorer-features.js';
import type { RuleReading } from './span-tagger/features.js';

/** A boundary decision: per candidate, the character span the content would have after trimming, and features. */
export interface BoundaryExample { spans: { start: number; end: number }[]; features: string[][] }

/** Every verb-cue reading of a segmented document, with its cue token and scorer features (for training). */
export function cueCandidates(doc: Doc): { cueToken: number; features: string[] }[] {
  const cx = readAttributions(doc, newDecisionLog());
  return cx.drafts.filter((d) => d.config && d.cue)
    .map((d) => ({ cueToken: d.cue!.s, features: readingFeatures(cx, d) }));
}

/**
 * Every content-end decision of a segmented document's candidate readings (for training the boundary model): the
 * content's first token k, and per candidate end the character span the content would have after trimming.
 */
export function contentEndExamples(doc: Doc): BoundaryExample[] {
  const log = newDecisionLog();
  const cx = readAttributions(doc, log);
  return log.ends.map((x) => ({ features: x.features, spans: x.ends.map((e) => trimmedSpan(cx, x.k, e)) }));
}

/** Every content-start decision (for training): per candidate start the character span after trimming. */
export function contentStartExamples(doc: Doc): BoundaryExample[] {
  const log = newDecisionLog();
  const cx = readAttributions(doc, log);
  return log.starts.map((x) => ({ features: x.features, spans: x.starts.map((s) => trimmedSpan(cx, s, x.end)) }));
}

/** The character span of content tokens `[s, e)` after the stage's trimming; `{-1, -1}` when nothing is left. */
function trimmedSpan(cx: ReadingContext, s: number, e: number): { start: number; end: number } {
  const t = cx.trim({ s, e });
  return t.e > t.s ? { start: cx.toks[t.s]!.start, end: cx.toks[t.e - 1]!.end } : { start: -1, end: -1 };
}

/** Every rule reading of an analysed document as the stage makes it (for training the learned span tagger). */
export function ruleReadingsOf(doc: Doc): RuleReading[] {
  return ruleReadings(readAttributions(doc));
}
