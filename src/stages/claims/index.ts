/**
 * Claims: every statement's content is a claim by its speakers. Its status starts as `asserted` and changes
 * when the report says who confirmed, denied, disputed or retracted it, or that nobody confirmed it:
 * "information that was never confirmed by Moscow or Pyongyang" → unconfirmed by Russia and North Korea.
 *
 * Status language is looked for (1) in the statement's own cue with its negation, auxiliaries and governing
 * verb ("X has not confirmed ...", "X declined to deny ...": own-cue.ts), (2) in the rest of the statement's
 * sentence after its content, and (3) in the next sentence when it refers back to the claim ("The claim could
 * not be verified.", "Moscow dismissed the report."): later.ts. A negated or hedged act never yields its own
 * polarity or the opposite one, only `unconfirmed` (or no change): a flipped polarity is the worst error a
 * fact-checking record can make.
 */
import type { Claim, Doc, Stage, Statement } from '../../model/document.js';
import { applyBackReferences } from './back-reference.js';
import { applyConcessions } from './concession.js';
import { asMuchClaims } from './as-much.js';
import { selfHedgeClaims } from './self-hedge.js';
import { applyRivalBlame } from './rival-blame.js';
import { applyCounterFigures } from './counter-figure.js';
import { statusLater } from './later.js';
import type { Found } from './parties.js';
import { applyRestatements } from './restatement.js';
import { statusFromCue } from './own-cue.js';
import { inquiryInContent, noEvidenceClaims } from './unverified.js';

/**
 * A trailing appositive inside the reported content that comments on the claim itself rather than continuing
 * it: "..., information that was never confirmed by Moscow", "..., a claim denied by Kyiv", "..., which Peru
 * disputes". Attribution may legitimately include it in the content span, so the claim is cut before it.
 */
const TRAILING_COMMENT = /,\s+(?:(?:an?|the|this|that|such)\s+)?(?:information|claims?|reports?|allegations?|assertions?|accounts?|figures?|something|which|this)\b[^,]*$/i;

const YES_NO_QUESTION = /^(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|should)\s[^.!?]*\?\s*$/i;

function claimFor(doc: Doc, st: Statement, index: number, extras: Claim[]): Claim | null {
  if (st.content.length === 0) return null;
  const text = { start: st.content[0]!.start, end: st.content[st.content.length - 1]!.end };
  const claim: Claim = { statement: index, text, status: 'asserted', by: [...st.speakers], evidence: null };
  const tail = TRAILING_COMMENT.exec(doc.text.slice(text.start, text.end));
  if (tail) {
    const tailStart = text.start + tail.index;
    const inTail = statusLater(doc, st, tailStart + 1, text.end, 'tail');
    if (inTail) {
      text.end = tailStart;
      Object.assign(claim, { status: inTail.status, by: inTail.by, evidence: inTail.evidence });
      return claim;
    }
  }
  // "Many people would ask me, 'Is he really gay?'": a yes-no question puts a claim without asserting it. Only
  // when it is the whole content: a quote ending on a rhetorical question ("so why should they be exempt?") asserts.
  if (YES_NO_QUESTION.test(doc.text.slice(text.start, text.end)) && st.content.length === 1) {
    return { ...claim, status: 'unconfirmed', by: [] };
  }
  // "According to the mayor, police were investigating whether X": X is open, whatever the mayor's cue says
  const inquiry = inquiryInContent(doc, text.start, text.end);
  if (inquiry) {
    text.start = inquiry.claimStart;
    Object.assign(claim, { status: inquiry.found.status, by: inquiry.found.by, evidence: inquiry.found.evidence });
    return claim;
  }
  const fromCue = statusFromCue(doc, st);
  if (fromCue) {
    Object.assign(claim, { status: fromCue.found.status, by: fromCue.found.by, evidence: fromCue.found.evidence });
    if (fromCue.claimStart !== undefined && fromCue.claimStart < text.end) text.start = fromCue.claimStart;
    const overtaking = fromCue.overtaking;
    if (overtaking) {
      // "X initially denied A, but later admitted it": A's text ends before the contrast
      if (overtaking.start > text.start && overtaking.start < text.end) text.end = overtaking.start;
      extras.push({ statement: index, text: { ...text }, ...overtaking.found });
    }
    return claim;
  }
  const sent = doc.sentences[st.sentence];
  if (!sent) return claim;
  const contentEnd = Math.max(text.end, st.cue?.end ?? 0, st.speakerSpan?.end ?? 0);
  const later = contentEnd < sent.end ? statusLater(doc, st, contentEnd, sent.end, 'tail') : null;
  const next = later ? null : nextSentenceStatus(doc, st);
  const found = later ?? next;
  if (found) Object.assign(claim, { status: found.status, by: found.by, evidence: found.evidence });
  return claim;
}

function nextSentenceStatus(doc: Doc, st: Statement): Found | null {
  const next = doc.sentences[st.sentence + 1];
  return next ? statusLater(doc, st, next.start, next.end, 'next') : null;
}

/**
 * A second reaction to a claim whose status its own sentence already set: "Erdogan attacked the proclamation
 * that X. The proclamation contradicted the UN's position." The claim keeps the first reaction, and the next
 * sentence's reaction becomes another claim on the same text, by its own party.
 */
function furtherReaction(doc: Doc, st: Statement, claim: Claim): Claim | null {
  if (claim.status === 'asserted' || !claim.evidence) return null;
  const sent = doc.sentences[st.sentence];
  if (!sent || claim.evidence.start >= sent.end) return null;
  const next = nextSentenceStatus(doc, st);
  if (!next) return null;
  const sameParty = next.by.length === claim.by.length && next.by.every((e) => claim.by.includes(e));
  if (sameParty && next.status === claim.status) return null;
  return { statement: claim.statement, text: { ...claim.text }, status: next.status, by: next.by, evidence: next.evidence };
}

export function findClaims(doc: Doc): Claim[] {
  const extras: Claim[][] = doc.statements.map(() => []);
  const perStatement = doc.statements.map((st, i) => claimFor(doc, st, i, extras[i]!));
  applyBackReferences(doc, perStatement);
  applyRestatements(doc, perStatement);
  applyConcessions(doc, perStatement);
  applyRivalBlame(doc, perStatement);
  const reportFigures = applyCounterFigures(doc, perStatement);
  const out: Claim[] = [];
  perStatement.forEach((c, i) => {
    if (!c) return;
    out.push(c, ...extras[i]!);
    const further = furtherReaction(doc, doc.statements[i]!, c);
    if (further) out.push(further);
  });
  const contents = doc.statements.flatMap((st) => st.content);
  const inStatement = (offset: number) => contents.some((c) => offset >= c.start && offset < c.end);
  return [...out, ...asMuchClaims(doc), ...selfHedgeClaims(doc), ...reportFigures, ...noEvidenceClaims(doc, inStatement)];
}

/** `entities`: a claim's `by` are the entities of the mentions in its evidence (`mention.entity`). */
export const claimStage: Stage = {
  name: 'claims',
  requires: ['tokens', 'sentences', 'mentions', 'entities', 'statements'],
  assigns: ['claims'],
  writesMeta: [],
  run(doc: Doc) { doc.claims = findClaims(doc); },
};
