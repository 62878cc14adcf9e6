/**
 * A statement made in concession to a claim disputes that claim: "Despite the assurances, she left the country,
 * police revealed" (the assurances given earlier are disputed by the police); "The committee says it found no
 * trace of explosives despite Znak.com claiming a flat was used as a depot" (the flat claim is disputed by the
 * committee). "despite", "in spite of" and "contrary to" set what follows against what the speaker says; that
 * is a dispute only when what follows is itself a claim: a claim noun ("the assurances", "reports that") or a
 * saying verb ("X claiming", "X saying").
 *
 * Only a claim still `asserted` changes, and only to `disputed`, so no status read elsewhere is overwritten.
 */
import type { Claim, Doc, SpanRange, Statement } from '../../model/document.js';
import { CLAIM_NOUNS } from './lexicon.js';
import { resolvedParties, trimmed } from './parties.js';

const CONCESSION = String.raw`(?:despite|in spite of|contrary to)`;

/** A concession opening on a claim noun: "Despite the assurances,", "Contrary to earlier reports,". */
const OPENING_ON_CLAIM = new RegExp(String.raw`^\s*${CONCESSION}\s+(?:(?:the|these|those|such|all|his|her|its|their|earlier|previous|repeated|official)\s+){0,3}(?:[\w-]+\s+){0,2}?${CLAIM_NOUNS}\b[^,;]*,`, 'i');

/** A concession inside or after the content that introduces another's claim: "despite Znak.com claiming". */
const CONCESSION_ON_SAYING = new RegExp(String.raw`\b${CONCESSION}\s+(?:(?:[^,;.]|\.(?=\w)){0,60}?\b(?:claim(?:s|ed|ing)?|say(?:s|ing)?|said|insist(?:s|ed|ing)?|alleg(?:e|es|ed|ing|ations?)|report(?:s|ed|ing)?|assurances?|promises?)\b)`, 'i');

/** How far back the claim answered by an opening concession may be, in sentences. */
const REACH = 3;

const statementEnd = (st: Statement) =>
  Math.max(st.content[st.content.length - 1]!.end, st.cue?.end ?? 0, st.speakerSpan?.end ?? 0);
const statementStart = (st: Statement) =>
  Math.min(st.content[0]!.start, st.cue?.start ?? Infinity, st.speakerSpan?.start ?? Infinity);

function sameSpeakers(a: Statement, b: Statement): boolean {
  return a.speakers.length > 0 && a.speakers.some((e) => b.speakers.includes(e));
}

function dispute(claim: Claim | null, by: number[], evidence: SpanRange): void {
  if (!claim || claim.status !== 'asserted') return;
  claim.status = 'disputed';
  claim.by = [...by];
  claim.evidence = evidence;
}

/** Marks the claims that a concession disputes. `claims[i]` is statement i's claim. */
export function applyConcessions(doc: Doc, claims: (Claim | null)[]): void {
  doc.statements.forEach((st, i) => {
    if (st.content.length === 0) return;
    const sent = doc.sentences[st.sentence];
    if (!sent) return;
    const by = resolvedParties(doc, st, []);
    const first = st.content[0]!;
    // "Despite the assurances, X happened, police said": the nearest earlier claim by someone else
    if (OPENING_ON_CLAIM.test(doc.text.slice(first.start, first.end))) {
      for (let j = i - 1; j >= 0 && st.sentence - doc.statements[j]!.sentence <= REACH; j--) {
        const earlier = doc.statements[j]!;
        if (earlier.sentence === st.sentence || !claims[j] || sameSpeakers(st, earlier)) continue;
        dispute(claims[j]!, by, trimmed(doc, first.start, statementEnd(st)));
        break;
      }
      return;
    }
    // "X says A despite Y claiming B": every statement whose content lies in the concession
    const from = first.start;
    const m = CONCESSION_ON_SAYING.exec(doc.text.slice(from, sent.end));
    if (!m) return;
    const at = from + m.index;
    const concessionWord = /^\S+(?:\s+(?:of|to))?/.exec(m[0])![0];
    const evidence = trimmed(doc, Math.min(statementStart(st), at), at + concessionWord.length);
    doc.statements.forEach((other, k) => {
      if (k === i || other.sentence !== st.sentence || other.content.length === 0 || sameSpeakers(st, other)) return;
      if (other.content[0]!.start <= at) return;
      dispute(claims[k]!, by, evidence);
    });
  });
}
