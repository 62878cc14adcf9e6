/**
 * The status a statement's own cue gives its claim: "X denied that ..." → denied by X; "X has not confirmed
 * ...", "X declined to confirm ...", "X neither confirmed nor denied ..." → unconfirmed by X; "X did not say
 * ..." → unconfirmed by X (no assertion at all); "X retracted its claim that ..." → retracted by X.
 *
 * The cue span may hold only the verb ("confirmed" of "has not confirmed"), only the governing verb
 * ("declined" of "declined to comment"), or a noun ("claim" of "retracted its claim"), so the act and its
 * group are read from the tokens around it.
 */
import type { Doc, Statement } from '../../model/document.js';
import {
  actClassOf, AMBIGUOUS_DISPUTE_FORM, AUXILIARY, DISPUTABLE_CONTENT, POSITIVE_STATUS_FORM, REFUSING_GOVERNORS,
  RETRACT_HEAD, type ActClass,
} from './lexicon.js';
import { entitiesIn, type Found, trimmed, union } from './parties.js';
import { readVerbGroup, statusOfAct, tokenAtOrAfter } from './verb-group.js';

interface Act {
  head: number;
  act: ActClass;
  /** The form sets a status without negation ("confirmed"; not "acknowledged"). */
  positiveForm: boolean;
  /** Index of a refusing verb the group reader cannot see: "declined further comment". */
  refusedBy?: number;
  /** The act governs the cue noun ("denied all claims that"): its subject, not the claimant, is the party. */
  governsCueNoun?: boolean;
}

/** Governors that, in a cue, introduce the real act: "declined to comment", "is expected to confirm". */
const CUE_GOVERNORS = /^(?:expected|plans?|planned|intends?|intended|likely|due|scheduled|poised)$/;
const POSSESSIVE = /^(?:its|his|her|their|our|my|'s|’s)$/;
/** Words between a status verb and the claim noun it governs: "denied all the claims", "rejected these reports". */
const NOUN_CUE_DETERMINER = /^(?:all|the|any|these|those|such|earlier|previous|recent)$/;

const lowerAt = (doc: Doc, i: number) => (doc.tokens[i]?.lower ?? '').replace(/’/g, "'");

function actAt(doc: Doc, j: number): Act | null {
  const pos = doc.tokens[j]?.pos;
  if (pos === 'NOUN' || pos === 'PROPN') return null;
  const w = lowerAt(doc, j);
  if (RETRACT_HEAD.test(w) && lowerAt(doc, j + 1) === 'back') return { head: j, act: 'retract', positiveForm: true };
  const act = actClassOf(w);
  return act ? { head: j, act, positiveForm: POSITIVE_STATUS_FORM.test(w) } : null;
}

/** The speech act a cue stands for, with its head token. */
function findAct(doc: Doc, first: number, last: number): Act | null {
  for (let j = first; j < last; j++) {
    const a = actAt(doc, j);
    if (a && a.act !== 'report') return a;
  }
  for (let j = first; j < last; j++) {
    const w = lowerAt(doc, j);
    if (!REFUSING_GOVERNORS.test(w) && !CUE_GOVERNORS.test(w)) continue;
    if (lowerAt(doc, j + 1) === 'to') {
      const a = actAt(doc, j + 2);
      if (a) return a;
    }
    // "declined further comment", "refused comment"
    let k = j + 1;
    if (/^(?:further|any|to)$/.test(lowerAt(doc, k))) k++;
    if (REFUSING_GOVERNORS.test(w) && /^comments?$/.test(lowerAt(doc, k))) {
      return { head: k, act: 'comment', positiveForm: false, refusedBy: j };
    }
  }
  // "retracted its claim that ...", "walked back his statement that ..." with the noun as the cue
  if (POSSESSIVE.test(lowerAt(doc, first - 1))) {
    const before = first - 2;
    const a = lowerAt(doc, before) === 'back' ? actAt(doc, before - 1) : actAt(doc, before);
    if (a?.act === 'retract') return a;
  }
  // "denied all claims that ...", "dismissed the reports that ...": the verb governing the cue noun is the act
  let before = first - 1;
  while (before >= first - 2 && NOUN_CUE_DETERMINER.test(lowerAt(doc, before))) before--;
  if (before < first - 1) {
    const a = actAt(doc, before);
    if (a && a.act !== 'report' && a.act !== 'comment') return { ...a, governsCueNoun: true };
  }
  for (let j = first; j < last; j++) {
    const a = actAt(doc, j);
    if (a) return a;
  }
  return null;
}

interface SubjectReading { negated: boolean; hedged: boolean; nobody: boolean; by: number[]; start: number | null }

/**
 * Negation or condition carried by the subject: "No one has confirmed ...", "Neither Smith nor Jones said ...",
 * "Nor do analysts expect ...", "If Moscow confirms ...".
 */
function readSubject(doc: Doc, st: Statement, floor: number): SubjectReading {
  const out: SubjectReading = { negated: false, hedged: false, nobody: false, by: [], start: null };
  const sp = st.speakerSpan;
  if (!sp || !st.cue || sp.end > st.cue.start) return out;
  const spText = doc.text.slice(sp.start, sp.end);
  if (/^(?:no one|no-one|nobody|none|not one|not a single)\b/i.test(spText)) {
    return { ...out, negated: true, nobody: true, start: sp.start };
  }
  let i = tokenAtOrAfter(doc, sp.start) - 1;
  while (i >= floor && AUXILIARY.has(lowerAt(doc, i))) i--;
  const w = i >= floor ? lowerAt(doc, i) : '';
  if (/^neither\b/i.test(spText) || w === 'nor' || w === 'neither') {
    out.negated = true;
    // "Neither Smith nor Jones": both are parties, though attribution may give only the last as speaker
    for (let k = i; k >= Math.max(floor, i - 12); k--) {
      if (lowerAt(doc, k) === 'neither') {
        out.start = doc.tokens[k]!.start;
        out.by = entitiesIn(doc, out.start, st.cue.start);
        break;
      }
    }
    out.start ??= i >= floor ? doc.tokens[i]!.start : sp.start;
  } else if (w === 'if' || w === 'unless' || w === 'whether') {
    out.hedged = true;
  }
  return out;
}

/**
 * A plain (not negated) status act is about the statement's content unless it is passive ("she was questioned
 * for hours", "he was denied bail") or an ambiguous verb whose content is no claim ("challenging the law").
 */
function plainActIsAboutContent(doc: Doc, st: Statement, act: Act, passive: boolean): boolean {
  if (passive) return false;
  if (!AMBIGUOUS_DISPUTE_FORM.test(lowerAt(doc, act.head))) return true;
  const content = st.content[0];
  return !!content && DISPUTABLE_CONTENT.test(doc.text.slice(content.start, st.content[st.content.length - 1]!.end));
}

/** Where the subject of the verb at token `head` starts: the clause's start. */
function governingSubjectStart(doc: Doc, head: number, floor: number): number {
  let i = head - 1;
  while (i >= floor && doc.tokens[i]!.pos !== 'PUNCT' && doc.tokens[i]!.pos !== 'CCONJ') i--;
  return doc.tokens[i + 1]!.start;
}

const OVERTAKEN = /^(?:initially|originally|first|previously|once)$/;

function wasOvertaken(doc: Doc, start: number, head: number): boolean {
  for (let i = Math.max(0, start - 1); i < head; i++) if (OVERTAKEN.test(lowerAt(doc, i))) return true;
  return lowerAt(doc, start - 2) === 'at' && lowerAt(doc, start - 1) === 'first';
}

/** "to comment on reports that the clinic had closed": the claim is what follows the complementizer. */
const REFUSED_ACT_LEAD = /^to\s+(?:[\w’'-]+\s+){1,8}?(?:that|whether|if)\s+(?=\S)/i;

export interface CueReading {
  found: Found;
  /** Where the claim text starts when the content opened with the refused act ("to confirm that ..."). */
  claimStart?: number;
  /** The act that overtook this one ("initially denied ..., but later admitted it"), and where it starts. */
  overtaking?: { found: Found; start: number };
}

/** "but later", "however, the inquiry eventually": a contrast that may report the act overtaking the first. */
const CONTRAST = /[,;]?\s*\b(?:however|but|yet|though|although)\b,?\s+/gi;
/** Acts that settle a claim the other way after an initial denial: "later admitted", "eventually concluded". */
const OVERTAKING_VERB = /^(?:admitted|acknowledged|confirmed|conceded|concluded|found|established|determined|accepted|verified)$/;

/**
 * After an act marked as overtaken ("X initially denied A"), the clause that overtakes it in the same sentence:
 * "..., but later admitted it", "..., however, a UN report eventually concluded evidence supported A". The later
 * act confirms A, by its own subject (or by X again when the subject is a pronoun or left out).
 */
function overtakingAct(doc: Doc, st: Statement, head: number, first: Found): { found: Found; start: number } | null {
  const sent = doc.sentences[st.sentence];
  if (!sent) return null;
  const from = doc.tokens[head]!.end;
  const rest = doc.text.slice(from, sent.end);
  CONTRAST.lastIndex = 0;
  for (let m = CONTRAST.exec(rest); m; m = CONTRAST.exec(rest)) {
    const clauseStart = from + m.index + m[0].length;
    const k0 = tokenAtOrAfter(doc, clauseStart);
    for (let k = k0; k < doc.tokens.length && doc.tokens[k]!.end <= sent.end && k < k0 + 14; k++) {
      if (!OVERTAKING_VERB.test(lowerAt(doc, k))) continue;
      let negated = false;
      for (let n = k0; n < k; n++) if (/^(?:not|n't|never|no)$/.test(lowerAt(doc, n))) negated = true;
      if (negated) return null;
      const named = entitiesIn(doc, clauseStart, doc.tokens[k]!.start);
      const by = named.length > 0 ? named : first.by;
      let end = sent.end;
      while (end > clauseStart && /[\s.!?"”]/.test(doc.text[end - 1]!)) end--;
      return { found: { status: 'confirmed', by, evidence: trimmed(doc, clauseStart, end) }, start: from + m.index };
    }
  }
  return null;
}

export function statusFromCue(doc: Doc, st: Statement): CueReading | null {
  const reading = readCue(doc, st);
  if (!reading?.overtaken) return reading?.reading ?? null;
  // an act overtaken in the same sentence stays on record next to the act that overtook it; one overtaken
  // later, or by nothing the sentence says, is no longer the claim's status
  const overtaking = overtakingAct(doc, st, reading.head, reading.reading.found);
  return overtaking ? { ...reading.reading, overtaking } : null;
}

function readCue(doc: Doc, st: Statement): { reading: CueReading; overtaken: boolean; head: number } | null {
  if (!st.cue) return null;
  const floor = doc.sentences[st.sentence]?.tokenStart ?? 0;
  const first = tokenAtOrAfter(doc, st.cue.start);
  let last = first;
  while (last < doc.tokens.length && doc.tokens[last]!.end <= st.cue.end) last++;
  const act = findAct(doc, first, last);
  if (!act) return null;
  const group = readVerbGroup(doc, act.head, floor);
  if (act.refusedBy !== undefined) {
    group.negated = true;
    group.start = Math.min(group.start, act.refusedBy);
  }
  const subject = readSubject(doc, st, floor);
  if (subject.negated) group.negated = true;
  if (subject.hedged) { group.hedged = true; group.reportHedged = true; }
  const status = statusOfAct(act.act, group, act.positiveForm);
  if (!status) return null;
  // "X initially denied ...": the act was overtaken later, so it is no longer the claim's status
  const overtaken = status !== 'unconfirmed' && wasOvertaken(doc, group.start, act.head);
  if (status !== 'unconfirmed' && !plainActIsAboutContent(doc, st, act, group.passive)) return null;
  const headStart = doc.tokens[act.head]!.start;
  const headEnd = doc.tokens[act.head]!.end;
  const plain = !group.negated && !group.hedged && !group.reportHedged;
  if (plain) {
    if (headStart >= st.cue.start) return { reading: { found: { status, by: [...st.speakers], evidence: { ...st.cue } } }, overtaken, head: act.head };
    // "The newspaper retracted its claim": the party is the subject of the verb before the cue noun
    const subjectStart = governingSubjectStart(doc, act.head, floor);
    const evidence = trimmed(doc, act.governsCueNoun ? subjectStart : headStart, st.cue.end);
    const subjectParties = entitiesIn(doc, subjectStart, headStart);
    // "Moscow denied all claims that ...": the claimant is not named; the party is the verb's subject alone
    const by = act.governsCueNoun ? subjectParties : union([...st.speakers], subjectParties);
    return { reading: { found: { status, by, evidence } }, overtaken, head: act.head };
  }

  let evStart = doc.tokens[group.start]!.start;
  if (subject.start !== null) evStart = Math.min(evStart, subject.start);
  const evidence = trimmed(doc, Math.min(evStart, st.cue.start), Math.max(st.cue.end, headEnd));
  const by = subject.nobody ? [] : union([...st.speakers], subject.by);
  const reading: CueReading = { found: { status, by, evidence } };
  const content = st.content[0];
  if (content && doc.tokens[act.head]!.start >= content.start) {
    const lead = REFUSED_ACT_LEAD.exec(doc.text.slice(content.start, st.content[st.content.length - 1]!.end));
    if (lead) reading.claimStart = content.start + lead[0].length;
  }
  return { reading, overtaken, head: act.head };
}
