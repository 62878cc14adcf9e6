/**
 * Report time: when a statement was made. It is the day named by the attribution itself — "said on Tuesday",
 * "told reporters yesterday", "On Monday, Lee said" — never a date inside what was said ("the vote will be on
 * March 30", the minister said) nor one inside a relative clause on the speaker ("Lee, who resigned on March 1,
 * said"). Without such a day the statement has no report time of its own and readers (the timeline) fall back
 * to the publication date.
 */
import type { Doc, SpanRange, Statement } from '../../model/document.js';

/** A value that names a day ("2024-03-12", "2024-03-12T10:00", "2024-03-12TMO"): the grain a report time needs. */
const RE_DAY_VALUE = /^\d{4}-\d{2}-\d{2}(?:T|$)/;
/** Words that open a clause on the speaker ("Lee, who resigned on March 1, said"): its dates are not the report's. */
const RE_CLAUSE_OPENER = /(?:^|[^\p{L}])(?:who|whom|whose|which|that|when|where|after|before|since)(?![\p{L}])/iu;

function inside(x: { start: number; end: number }, s: SpanRange | null | undefined): boolean {
  return !!s && x.start >= s.start && x.end <= s.end;
}

/**
 * Index into `doc.timexes` of the report time of statement `si`, or null. Candidates are the day-grained DATE and
 * TIME expressions of the statement's sentence outside every content span of that sentence, outside a clause on the
 * speaker, and not after the publication date (nothing reported was said later than the report); the one nearest
 * the cue wins.
 */
export function reportTimex(doc: Doc, si: number): number | null {
  const st = doc.statements[si];
  const sent = st ? doc.sentences[st.sentence] : undefined;
  if (!st || !sent) return null;
  const contents: SpanRange[] = [];
  for (const other of doc.statements) if (other.sentence === st.sentence) contents.push(...other.content);
  const published = doc.meta.published?.slice(0, 10) ?? null;
  const anchor = st.cue ?? st.speakerSpan;
  let best: number | null = null;
  let bestDistance = Infinity;
  doc.timexes.forEach((t, k) => {
    if (t.start < sent.start || t.end > sent.end) return;
    if ((t.type !== 'DATE' && t.type !== 'TIME') || !RE_DAY_VALUE.test(t.value)) return;
    if (contents.some((c) => inside(t, c) || (t.start < c.end && t.end > c.start))) return;
    if (published && t.value.slice(0, 10) > published) return;
    if (speakerClause(doc, st, t)) return;
    const distance = anchor ? Math.max(anchor.start - t.end, t.start - anchor.end, 0) : 0;
    if (distance < bestDistance) { best = k; bestDistance = distance; }
  });
  return best;
}

/** True when timex `t` sits in a clause said of the speaker, between the speaker and the cue. */
function speakerClause(doc: Doc, st: Statement, t: { start: number; end: number }): boolean {
  const speaker = st.speakerSpan;
  if (!speaker) return false;
  const phrase = st.sourcePhrase ?? speaker;
  if (inside(t, phrase) && t.start >= speaker.end && RE_CLAUSE_OPENER.test(doc.text.slice(speaker.end, t.start))) return true;
  const cue = st.cue;
  if (!cue || t.start < speaker.end || t.end > cue.start) return false;
  return RE_CLAUSE_OPENER.test(doc.text.slice(speaker.end, t.start));
}
