/**
 * Report time: when a statement was made. It is the day named by the attribution itself — "said on Tuesday",
 * "told reporters yesterday", "On Monday, Lee said" — never a date inside what was said ("the vote will be on
 * March 30", the minister said) nor one in a clause or phrase of its own ("Lee, who resigned on March 1, said",
 * "After the vote on March 3, Lee said"). Without such a day the statement has no report time of its own and readers (the timeline) fall back
 * to the publication date.
 */
import type { Doc, SpanRange, Statement } from '../../model/document.js';
import { lowerBound } from '../../util/sorted.js';

/** A value that names a day ("2024-03-12", "2024-03-12T10:00", "2024-03-12TMO"): the grain a report time needs. */
const RE_DAY_VALUE = /^\d{4}-\d{2}-\d{2}(?:T|$)/;
/**
 * Words that open a clause or a phrase of its own ("Lee, who resigned on March 1, said", "After the vote on March 3,
 * Lee said", "said before the meeting on Friday"): a date after them is that clause's, not the report's.
 */
const RE_OPENER = /(?:^|[^\p{L}])(?:who|whom|whose|which|when|while|where|after|before|since|until|following|ahead)(?![\p{L}])/iu;

/**
 * Index into `doc.timexes` of the report time of each statement, in statement order (null where none). Candidates
 * for a statement are the day-grained DATE and TIME expressions of its sentence outside every content span of that
 * sentence, not in a clause or phrase of their own, and not after the publication date (nothing reported was said
 * later than the report); the one nearest the cue wins, the earlier in `doc.timexes` on a tie.
 *
 * All statements at once, so that each looks only at its own sentence's contents and timexes (found by binary
 * search) rather than at every statement and timex of the document: a long document stays linear.
 */
export function reportTimexes(doc: Doc): (number | null)[] {
  const contentsOf = new Map<number, SpanRange[]>();
  for (const st of doc.statements) {
    const list = contentsOf.get(st.sentence);
    if (list) list.push(...st.content); else contentsOf.set(st.sentence, [...st.content]);
  }
  const published = doc.meta.published?.slice(0, 10) ?? null;
  const dayTimexes: number[] = [];
  doc.timexes.forEach((t, k) => {
    if ((t.type !== 'DATE' && t.type !== 'TIME') || !RE_DAY_VALUE.test(t.value)) return;
    if (published && t.value.slice(0, 10) > published) return;
    dayTimexes.push(k);
  });
  dayTimexes.sort((a, b) => doc.timexes[a]!.start - doc.timexes[b]!.start || a - b);
  const dayStarts = dayTimexes.map((k) => doc.timexes[k]!.start);
  return doc.statements.map((st) => {
    const sent = doc.sentences[st.sentence];
    if (!sent) return null;
    const contents = contentsOf.get(st.sentence) ?? [];
    const inSentence: number[] = [];
    for (let j = lowerBound(dayStarts, sent.start); j < dayTimexes.length && dayStarts[j]! <= sent.end; j++) {
      if (doc.timexes[dayTimexes[j]!]!.end <= sent.end) inSentence.push(dayTimexes[j]!);
    }
    inSentence.sort((a, b) => a - b);
    const anchor = st.cue ?? st.speakerSpan;
    let best: number | null = null;
    let bestDistance = Infinity;
    for (const k of inSentence) {
      const t = doc.timexes[k]!;
      if (contents.some((c) => t.start < c.end && t.end > c.start)) continue;
      if (inClauseOfItsOwn(doc, st, sent.start, t)) continue;
      const distance = anchor ? Math.max(anchor.start - t.end, t.start - anchor.end, 0) : 0;
      if (distance < bestDistance) { best = k; bestDistance = distance; }
    }
    return best;
  });
}

/**
 * True when timex `t` sits in a clause or phrase of its own rather than in the attribution: an opener stands
 * between the attribution and the date (or, for a date before it, between the sentence start and the date).
 */
function inClauseOfItsOwn(doc: Doc, st: Statement, sentStart: number, t: { start: number; end: number }): boolean {
  const parts = [st.speakerSpan, st.cue].filter((x): x is SpanRange => x !== null);
  if (parts.length === 0) return false;
  const first = Math.min(...parts.map((x) => x.start));
  const last = Math.max(...parts.map((x) => x.end));
  // The words that lead up to the date: from the sentence start, from the attribution's end, or from the part of
  // the attribution before it ("Lee, who resigned on March 1, said").
  let from = sentStart;
  if (t.start >= last) from = last;
  else if (t.end > first) for (const x of parts) if (x.end <= t.start) from = Math.max(from, x.end);
  return RE_OPENER.test(doc.text.slice(from, t.start));
}
