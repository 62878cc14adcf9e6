/**
 * Status language after the statement: in the rest of its sentence ("..., which Moscow has not confirmed",
 * "..., a claim denied by Kyiv", "..., but later retracted the claim") or in the next sentence when that
 * sentence refers back to the claim ("The claim could not be verified.", "Moscow dismissed the report as
 * false.").
 *
 * A status verb counts only when it is about the claim: a passive whose subject is the claim (a claim noun,
 * "which", "it", or nothing in a reduced relative), an active verb whose object is the claim ("denied it",
 * "retracted the claim") or whose clause is a relative on the claim ("which Moscow denied"). "His identity has
 * not been confirmed" or "troops withdrew from the town" say nothing about the claim.
 */
import type { Doc, Statement } from '../../model/document.js';
import { actClassOf, BACK_DETERMINERS, CLAIM_NOUNS, POSITIVE_STATUS_FORM, RETRACT_HEAD } from './lexicon.js';
import { byPhrase, entitiesIn, type Found, trimmed } from './parties.js';
import { readVerbGroup, statusOfAct, tokenAtOrAfter } from './verb-group.js';

/** Where status language is looked for: the statement's own sentence after its content, or the next one. */
export type Place = 'tail' | 'next';

const CLAUSE_BOUNDARY_PUNCT = /^[,;:(—–-]$/;
const CLAUSE_BOUNDARY_WORD = /^(?:and|but|while|although|though|whereas|as|because|after|when|if|unless|whether|so|yet)$/;
const CONDITIONAL = /^(?:if|unless|whether)$/;

/** A sentence that starts by referring back to the previous claim ("The claim ...", "Those reports ..."). */
const BACK_REFERENCE = new RegExp(String.raw`^\s*(?:the|this|that|these|those|such|neither|none of the)\s+(?:[\w-]+\s+){0,2}?${CLAIM_NOUNS}\b`, 'i');

/** The subject of a passive status verb that is the claim itself: "a claim that", "which", "it", "The report". */
const CLAIM_SUBJECT = new RegExp(String.raw`^(?:(?:(?:${BACK_DETERMINERS}|an?|no)\s+)?(?:[\w-]+\s+){0,3}?${CLAIM_NOUNS}\b.*|which|that|it|this|something(?:\s+(?:that|which))?)$`, 'i');

/** A relative clause on the claim with its own subject: "which Moscow", "a claim that Kyiv", "a figure Reuters". */
const RELATIVE_WITH_PARTY = new RegExp(String.raw`^(?:(?:(?:an?|the|this|such)\s+)?(?:[\w-]+\s+){0,3}?(?:${CLAIM_NOUNS}|something)\s+(?:that\s+|which\s+)?|which\s+|something\s+)(?<party>\S.*)$`, 'i');

/** The claim as the object of a status verb: "the claim", "those reports", "it", "this". */
const CLAIM_OBJECT = new RegExp(String.raw`^(?:(?:on|about|upon)\s+)?(?:${BACK_DETERMINERS}\s+(?:[\w-]+\s+){0,2}?${CLAIM_NOUNS}|it|this|them|that)(?=\s*(?:$|[,.;:)!?]|(?:as|in|on|at|and|but|outright|entirely|completely|flatly|publicly|immediately|later|earlier|since|during|last)\b|\w+ly\b))`, 'i');

/** Status adjectives and phrases with no verb ("the unverified report", "without providing evidence"). */
const UNCONFIRMED_PHRASE = /\b(?:unconfirmed|unverified|without (?:providing )?evidence|did not (?:provide|offer) (?:any )?evidence)\b/i;

/** Dispute verbs that are mostly about acts or people: "attacked", "criticised", "condemned", "slammed", "decried". */
const CRITICISM = /^(?:attack|critici[sz]|condemn|slam|decr)/;
const CLAIM_NOUN_AT_START = new RegExp(String.raw`^(?:${BACK_DETERMINERS}|an?)\s+(?:[\w-]+\s+){0,3}?${CLAIM_NOUNS}\b`, 'i');

/** A symmetric dispute: "A contradicts B" sets the claim A against B's owner, or B's against A's. */
const CONTRADICT = /^contradict/;

const NEGATIVE_SUBJECT = /^(?:(?:which|that)\s+)?(?:no one|no-one|nobody|none|neither|not one|no)\b/i;
const NOBODY = /^(?:no one|no-one|nobody|none)\b/i;

interface Candidate { at: number; found: Found }

export function statusLater(doc: Doc, st: Statement, from: number, to: number, place: Place): Found | null {
  if (from >= to) return null;
  const startsWithBackReference = place === 'next' && BACK_REFERENCE.test(doc.text.slice(from, to));
  const candidates: Candidate[] = [];
  const first = tokenAtOrAfter(doc, from);
  const scan: Scan = { doc, st, floor: first, to, place, backRefSentence: startsWithBackReference };
  for (let j = first; j < doc.tokens.length && doc.tokens[j]!.end <= to; j++) {
    const found = statusVerbAt(scan, j);
    if (found) { candidates.push({ at: doc.tokens[j]!.start, found }); break; }
  }
  if (place === 'tail' || startsWithBackReference) {
    const m = UNCONFIRMED_PHRASE.exec(doc.text.slice(from, to));
    if (m) {
      const at = from + m.index;
      const clause = clauseStart(doc, tokenAtOrAfter(doc, at), first);
      const start = Math.max(from, doc.tokens[clause]?.start ?? at);
      candidates.push({ at, found: { status: 'unconfirmed', by: [], evidence: trimmed(doc, start, at + m[0].length) } });
    }
  }
  candidates.sort((a, b) => a.at - b.at);
  return candidates[0]?.found ?? null;
}

/** First token of the clause holding token `j` (after a comma, semicolon, "and", "but", ...). */
function clauseStart(doc: Doc, j: number, floor: number): number {
  let i = j - 1;
  for (; i >= floor; i--) {
    const t = doc.tokens[i]!;
    if (CLAUSE_BOUNDARY_PUNCT.test(t.text) || CLAUSE_BOUNDARY_WORD.test(t.lower)) break;
  }
  return i + 1;
}

function hasVerbBetween(doc: Doc, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (doc.tokens[i]!.pos === 'VERB' || doc.tokens[i]!.pos === 'AUX') return true;
  return false;
}

/** End of the clause that starts after token `j`: the next punctuation or coordinating word. */
function clauseEnd(doc: Doc, j: number, to: number): number {
  for (let i = j + 1; i < doc.tokens.length && doc.tokens[i]!.end <= to; i++) {
    const t = doc.tokens[i]!;
    if (/^[,;:.!?)—–]$/.test(t.text) || /^(?:and|but|while|although|whereas)$/.test(t.lower)) return t.start;
  }
  return to;
}

interface Scan {
  doc: Doc;
  st: Statement;
  /** First token of the range searched: clauses and verb groups are not read left of it. */
  floor: number;
  to: number;
  place: Place;
  /** The next sentence opens with a claim noun ("The claim ..."), so its passive may lack a nearer subject. */
  backRefSentence: boolean;
}

/** The status that the verb at token `j` gives the claim, when it is a status verb about the claim. */
function statusVerbAt({ doc, st, floor, to, place, backRefSentence }: Scan, j: number): Found | null {
  const tok = doc.tokens[j]!;
  if (tok.pos !== 'VERB') return null;
  const w = tok.lower.replace(/’/g, "'");
  let act = actClassOf(w);
  let verbEnd = tok.end;
  let afterVerb = j;
  if (RETRACT_HEAD.test(w) && doc.tokens[j + 1]?.lower === 'back') { act = 'retract'; verbEnd = doc.tokens[j + 1]!.end; afterVerb = j + 1; }
  if (!act || act === 'report') return null;
  const positiveForm = POSITIVE_STATUS_FORM.test(w) || act === 'retract' || /^corroborated$/.test(w);

  const group = readVerbGroup(doc, j, floor);
  const cStart = clauseStart(doc, group.start, floor);
  // In the next sentence only its first clause can refer back: "Serb sources said X, but that was not confirmed"
  // is about X, not about the previous claim.
  if (place === 'next' && hasVerbBetween(doc, floor, cStart)) return null;
  const boundary = doc.tokens[cStart - 1];
  if (boundary && cStart - 1 >= floor && CONDITIONAL.test(boundary.lower)) { group.hedged = true; group.reportHedged = true; }
  const subjectStart = cStart < group.start ? doc.tokens[cStart]!.start : doc.tokens[group.start]!.start;
  const subjectEnd = doc.tokens[group.start]!.start;
  const subject = doc.text.slice(subjectStart, subjectEnd).trim();
  if (NEGATIVE_SUBJECT.test(subject)) group.negated = true;

  const clauseTo = clauseEnd(doc, afterVerb, to);
  const by = byPhrase(doc, verbEnd, to);
  // ", later confirmed by Peru", ", a figure disputed by Moscow"
  const reducedRelative = !!by && /(?:ed|en|wn)$/.test(w) && (subject === '' || CLAIM_SUBJECT.test(subject));
  let parties: number[];
  let evidenceEnd = verbEnd;

  // "attacked", "condemned": about a claim only when a claim noun says so ("the report was condemned"), never
  // through an empty or pronoun subject ("the website is being attacked by hackers")
  if (CRITICISM.test(w) && !CLAIM_NOUN_AT_START.test(subject) && !CLAIM_NOUN_AT_START.test(doc.text.slice(verbEnd, clauseEnd(doc, afterVerb, to)).trim())) return null;
  if (group.passive || reducedRelative) {
    const subjectOk = subject === '' ? place === 'tail' || backRefSentence
      : CLAIM_SUBJECT.test(subject) && (place === 'tail' || !/^(?:which|that)$/i.test(subject));
    if (!subjectOk) return null;
    parties = by?.by ?? [];
    if (by) evidenceEnd = by.end;
  } else {
    const objectText = doc.text.slice(verbEnd, clauseTo).trim();
    const object = CLAIM_OBJECT.exec(objectText);
    const relative = place === 'tail' ? RELATIVE_WITH_PARTY.exec(subject) : null;
    const objectless = objectText === '' || /^(?:as|in|on|at|by|during|for|after|before|since|with|through|to|outright|flatly|\w+ly)\b/i.test(objectText);
    if (CONTRADICT.test(w) && CLAIM_SUBJECT.test(subject) && !object) {
      // "The claim contradicted the ministry's own figures": the owner of what it contradicts disputes it
      parties = entitiesIn(doc, verbEnd, clauseTo);
      evidenceEnd = clauseTo;
    } else if (object) {
      // "Police said X but later retracted it": the speaker's own later act. Only a retraction can be that; a
      // denial or dispute by the same subject is about something else ("said Y and dismissed those reports").
      if (subject === '' && (place === 'next' || act !== 'retract')) return null;
      parties = subject === '' ? [...st.speakers] : entitiesIn(doc, subjectStart, subjectEnd);
      evidenceEnd = verbEnd + doc.text.slice(verbEnd, clauseTo).indexOf(object[0]) + object[0].length;
    } else if (relative && objectless) {
      const partyStart = subjectStart + subject.length - relative.groups!.party!.length;
      parties = entitiesIn(doc, partyStart, subjectEnd);
    } else {
      return null;
    }
    // "which no one has confirmed": nobody to name
    if (NOBODY.test(subject.replace(/^(?:which|that)\s+/i, ''))) parties = [];
  }
  const status = statusOfAct(act, group, positiveForm);
  if (!status) return null;
  const evidenceStart = Math.min(subjectStart, doc.tokens[group.start]!.start);
  return { status, by: parties, evidence: trimmed(doc, evidenceStart, evidenceEnd) };
}
