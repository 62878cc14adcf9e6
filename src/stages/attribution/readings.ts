/** Reads every rule attribution of a document, in a fixed order of constructions. */
import type { Doc } from '../../model/document.js';
import { accordingTo } from './according-to.js';
import { dashAttributions, headlineColon } from './colon-dash.js';
import { splitNestedContent } from './content-ends.js';
import { ReadingContext, type DecisionLog } from './context.js';
import { verbCueAt } from './cues.js';
import { continueQuotes, floatingQuotes } from './cueless-quotes.js';
import type { RuleReading } from './span-tagger/features.js';
import { taggedCues } from './tagged-cues.js';
import { verbCue } from './verb-cues.js';
import { nestedSpeech } from './nested-speech.js';

/**
 * The context of a document after every reading: its `drafts` in text order. `log`: read for training, recording
 * the candidate decisions there (see DecisionLog); the stage passes none.
 */
export function readAttributions(doc: Doc, log: DecisionLog | null = null): ReadingContext {
  const cx = new ReadingContext(doc, log);
  const { toks } = cx;
  for (let si = 0; si < doc.sentences.length; si++) {
    const sent = doc.sentences[si]!;
    headlineColon(cx, si);
    for (let t = sent.tokenStart; t < sent.tokenEnd; t++) {
      if (cx.quoteOfToken[t]! >= 0) continue;
      const tok = toks[t]!;
      if (tok.lower === 'according' && t + 1 < sent.tokenEnd && toks[t + 1]!.lower === 'to') {
        accordingTo(cx, si, t);
        t++;
        continue;
      }
      const info = verbCueAt(toks, t);
      if (info) verbCue(cx, si, t, info);
    }
  }
  dashAttributions(cx);
  taggedCues(cx);
  splitNestedContent(cx);
  continueQuotes(cx);
  floatingQuotes(cx);
  nestedSpeech(cx);
  return cx;
}

/** The rule readings with a cue, for the learned span tagger (span-tagger/). */
export function ruleReadings(cx: ReadingContext): RuleReading[] {
  return cx.drafts.filter((d) => d.cue).map((d) => ({
    cue: d.cuePhrase ?? d.cue!, kind: d.config ?? d.cls, source: d.sourcePhrase ?? d.source, content: d.content,
  }));
}
