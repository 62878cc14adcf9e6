/**
 * Claims: every statement's content is a claim by its speakers. Its status starts as `asserted` and changes
 * when the report says who confirmed, denied, disputed or retracted it, or that nobody confirmed it:
 * "information that was never confirmed by Moscow or Pyongyang" → unconfirmed by Russia and North Korea.
 *
 * Status language is looked for (1) in the cue itself ("X denied that ..."), (2) in the rest of the statement's
 * sentence after its content, and (3) in the next sentence when that sentence starts by referring back to the
 * claim ("The claim could not be verified.").
 */
import type { Claim, Doc, Stage, Statement } from '../../model/document.js';
import type { ClaimStatus } from '../../model/format.js';

interface StatusCue {
  status: ClaimStatus;
  /** Matches status language; group `by` (optional) is the phrase naming who confirmed/denied. */
  re: RegExp;
}

const BY = String.raw`(?:\s+by\s+(?<by>[^.;:]+?))?(?=\s*(?:[.;:,]|$|\s(?:and|but|while|which|who)\s))`;

/** Order matters: negated confirmation must be tested before plain confirmation. */
const STATUS_CUES: StatusCue[] = [
  { status: 'unconfirmed', re: new RegExp(String.raw`\b(?:never|not|n't|yet to be|not yet|unable to be|could not be|cannot be|can't be)\s+(?:been\s+|be\s+|yet\s+|officially\s+|independently\s+|publicly\s+)*(?:confirmed|verified|corroborated|acknowledged)` + BY, 'i') },
  { status: 'unconfirmed', re: /\b(?:unconfirmed|unverified|without (?:providing )?evidence|did not (?:provide|offer) (?:any )?evidence)\b/i },
  { status: 'denied', re: new RegExp(String.raw`\b(?:was|were|has been|have been|had been|been)\s+(?:flatly\s+|strongly\s+|repeatedly\s+)?(?:denied|rejected|dismissed|refuted)` + BY, 'i') },
  { status: 'disputed', re: new RegExp(String.raw`\b(?:was|were|has been|have been|is|are)\s+(?:hotly\s+|widely\s+)?(?:disputed|contested|challenged)` + BY, 'i') },
  { status: 'retracted', re: /\b(?:retracted|withdrew|walked back|took back)\b/i },
  { status: 'confirmed', re: new RegExp(String.raw`\b(?:was|were|has been|have been|had been|been)\s+(?:later\s+|officially\s+|independently\s+)?(?:confirmed|verified|corroborated)` + BY, 'i') },
];

/** Cue verbs that carry a status themselves: "X denied that ...". */
const CUE_STATUS: [RegExp, ClaimStatus][] = [
  [/^(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing))$/i, 'denied'],
  [/^(?:confirm(?:s|ed|ing)?|verif(?:y|ies|ied))$/i, 'confirmed'],
  [/^(?:disput(?:e|es|ed|ing)|contest(?:s|ed|ing)?)$/i, 'disputed'],
  [/^(?:retract(?:s|ed|ing)?)$/i, 'retracted'],
];

/**
 * A trailing appositive inside the reported content that comments on the claim itself rather than continuing
 * it: "..., information that was never confirmed by Moscow", "..., a claim denied by Kyiv", "..., which Peru
 * disputes". Attribution may legitimately include it in the content span, so the claim is cut before it.
 */
const TRAILING_COMMENT = /,\s+(?:(?:an?|the|this|that|such)\s+)?(?:information|claims?|reports?|allegations?|assertions?|accounts?|figures?|something|which|this)\b[^,]*$/i;

/** A sentence that refers back to the previous claim ("The claim ...", "Those reports ..."). */
const BACK_REFERENCE = /^\s*(?:the|this|that|these|those|such)\s+(?:claim|claims|report|reports|allegation|allegations|information|account|accounts|assertion|assertions|statement|figure|figures|number|numbers)\b/i;

function entitiesIn(doc: Doc, start: number, end: number): number[] {
  const out: number[] = [];
  for (const m of doc.mentions) {
    if (m.start >= end) break;
    if (m.start >= start && m.end <= end && m.entity >= 0 && !out.includes(m.entity)) out.push(m.entity);
  }
  return out;
}

interface Found { status: ClaimStatus; by: number[]; evidence: { start: number; end: number } }

function findStatusIn(doc: Doc, from: number, to: number): Found | null {
  const slice = doc.text.slice(from, to);
  for (const cue of STATUS_CUES) {
    const m = cue.re.exec(slice);
    if (!m) continue;
    // Evidence starts at the clause that carries the status ("information that was never confirmed ...").
    let evStart = m.index;
    const clause = /(?:^|[,;(—–-]\s*)([^,;(—–]*)$/.exec(slice.slice(0, m.index));
    if (clause) evStart = m.index - clause[1]!.length;
    const evEnd = m.index + m[0].length;
    let by: number[] = [];
    const byText = m.groups?.by;
    if (byText) {
      const byStart = from + m.index + m[0].lastIndexOf(byText);
      by = entitiesIn(doc, byStart, byStart + byText.length);
    }
    let s = from + evStart;
    while (s < from + evEnd && /\s/.test(doc.text[s]!)) s++;
    return { status: cue.status, by, evidence: { start: s, end: from + evEnd } };
  }
  return null;
}

function claimFor(doc: Doc, st: Statement, index: number): Claim | null {
  if (st.content.length === 0) return null;
  const text = { start: st.content[0]!.start, end: st.content[st.content.length - 1]!.end };
  const claim: Claim = { statement: index, text, status: 'asserted', by: [...st.speakers], evidence: null };
  const tail = TRAILING_COMMENT.exec(doc.text.slice(text.start, text.end));
  if (tail) {
    const tailStart = text.start + tail.index;
    const inTail = findStatusIn(doc, tailStart + 1, text.end);
    if (inTail) {
      text.end = tailStart;
      Object.assign(claim, { status: inTail.status, by: inTail.by, evidence: inTail.evidence });
      return claim;
    }
  }
  if (st.cue) {
    const cueWord = doc.text.slice(st.cue.start, st.cue.end).split(/\s+/)[0] ?? '';
    for (const [re, status] of CUE_STATUS) {
      if (re.test(cueWord)) { claim.status = status; claim.evidence = { ...st.cue }; return claim; }
    }
  }
  const sent = doc.sentences[st.sentence];
  if (!sent) return claim;
  const contentEnd = Math.max(text.end, st.cue?.end ?? 0, st.speakerSpan?.end ?? 0);
  const found = contentEnd < sent.end ? findStatusIn(doc, contentEnd, sent.end) : null;
  const next = doc.sentences[st.sentence + 1];
  const later = found ?? (next && BACK_REFERENCE.test(doc.text.slice(next.start, next.end))
    ? findStatusIn(doc, next.start, next.end) : null);
  if (later) {
    claim.status = later.status;
    claim.by = later.by;
    claim.evidence = later.evidence;
  }
  return claim;
}

export function findClaims(doc: Doc): Claim[] {
  const out: Claim[] = [];
  doc.statements.forEach((st, i) => {
    const c = claimFor(doc, st, i);
    if (c) out.push(c);
  });
  return out;
}

/** `entities`: a claim's `by` are the entities of the mentions in its evidence (`mention.entity`). */
export const claimStage: Stage = {
  name: 'claims',
  requires: ['sentences', 'mentions', 'entities', 'statements'],
  assigns: ['claims'],
  writesMeta: [],
  run(doc: Doc) { doc.claims = findClaims(doc); },
};
