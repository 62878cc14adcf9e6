/**
 * A competing figure disputes the figure it answers: "About 100,000 people attended. The organisers estimate
 * that number is closer to 40,000." The statement's content opens on a back-reference to a figure ("that
 * number", "the figure", "the real toll") and sets it elsewhere ("closer to", "lower", "only", "at most").
 * The figure answered is the nearest earlier claim by someone else within the previous sentence, or else the
 * report's own previous sentence when it holds a number and no statement: that becomes a claim of the report,
 * disputed by the speaker.
 */
import type { Claim, Doc } from '../../model/document.js';
import { resolvedParties, trimmed } from './parties.js';

const FIGURE_NOUN = String.raw`(?:number|figure|estimate|toll|tally|count|total|turnout|death toll)s?`;
/** "that number is closer to 40,000", "the real figure was far lower", "this estimate is only half". */
const COUNTER_FIGURE = new RegExp(String.raw`^(?:(?:that|this|the|those|these)\s+)?(?:(?:real|true|actual|correct)\s+)?${FIGURE_NOUN}\s+(?:(?:is|was|are|were|stands|stood|should be|would be|could be|may be|might be)\s+)?(?:actually\s+|really\s+)?(?:at\s+)?(?:closer to|nearer|(?:much |far |considerably )?(?:lower|higher|smaller|larger|less|more|fewer)|only|just|at most|no more than|under|below|above|over|half|twice)\b`, 'i');
const BACK_REFERENCE_BEFORE = /\b(?:that|this|those|these)\s*$/i;
const HAS_NUMBER = /\d|\b(?:hundreds?|thousands?|millions?|dozens?)\b/i;

/** Marks disputed the figure each counter-figure answers; returns the report's own figures it disputes. */
export function applyCounterFigures(doc: Doc, claims: (Claim | null)[]): Claim[] {
  const out: Claim[] = [];
  doc.statements.forEach((st, i) => {
    const first = st.content[0];
    if (!first || st.sentence === 0) return;
    const content = doc.text.slice(first.start, st.content[st.content.length - 1]!.end);
    if (!COUNTER_FIGURE.test(content)) return;
    // "estimates that number is ...": attribution may have read "that" as the complementizer
    const determined = /^(?:that|this|the|those|these)\s/i.test(content) || BACK_REFERENCE_BEFORE.test(doc.text.slice(Math.max(0, first.start - 8), first.start));
    if (!determined) return;
    const by = resolvedParties(doc, st, []);
    const evStart = Math.min(first.start, st.speakerSpan?.start ?? Infinity, st.cue?.start ?? Infinity);
    const evidence = trimmed(doc, evStart, Math.max(st.content[st.content.length - 1]!.end, st.cue?.end ?? 0));
    for (let j = i - 1; j >= 0; j--) {
      const earlier = doc.statements[j]!;
      if (earlier.sentence < st.sentence - 1) break;
      if (earlier.sentence === st.sentence || !claims[j] || claims[j]!.status !== 'asserted') continue;
      if (earlier.speakers.some((e) => st.speakers.includes(e))) continue;
      if (!HAS_NUMBER.test(doc.text.slice(claims[j]!.text.start, claims[j]!.text.end))) continue;
      Object.assign(claims[j]!, { status: 'disputed', by, evidence });
      return;
    }
    const prev = doc.sentences[st.sentence - 1]!;
    if (doc.statements.some((o) => o.sentence === st.sentence - 1)) return;
    if (!HAS_NUMBER.test(doc.text.slice(prev.start, prev.end))) return;
    const text = trimmed(doc, prev.start, prev.end);
    while (text.end > text.start && /[.!?"”]/.test(doc.text[text.end - 1]!)) text.end--;
    out.push({ statement: null, text, status: 'disputed', by, evidence });
  });
  return out;
}
