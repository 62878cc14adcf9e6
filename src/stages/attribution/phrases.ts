/**
 * Noun-phrase chunking over universal POS tags, just enough to find who spoke: the subject left of a cue
 * ("Russian Ambassador to North Korea Alexandr Matsegora said"), after it ("said the spokesman"), or after
 * "according to". Works on token indices; every function stays inside the limits it is given.
 */
import type { Token } from '../../model/document.js';

const NP_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
const HEAD_POS = new Set(['NOUN', 'PROPN', 'NUM', 'PRON']);
const POSSESSIVE_PRON = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your', 'whose']);
/** Prepositions that attach a modifier inside a speaker phrase ("a spokesman for the campaign"). */
const NP_ADP = new Set(['of', 'for', 'to', 'at', 'with', 'from', 'in']);
/** Nouns for people or shares of a group, which keep a prepositional modifier in the speaker phrase. */
const ROLE_NOUNS = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'director', 'president', 'chairman',
  'chairwoman', 'chair', 'reporter', 'member', 'members', 'head', 'leader', 'leaders', 'secretary', 'minister',
  'ambassador', 'envoy', 'official', 'officials', 'executive', 'professor', 'analyst', 'analysts', 'editor',
  'founder', 'ceo', 'chief', 'governor', 'senator', 'representative', 'mayor', 'adviser', 'advisor', 'advisers',
  'advisors', 'aide', 'aides', 'supporters', 'critics', 'one', 'some', 'many', 'most', 'all', 'none', 'each',
  'both', 'several', 'majority', 'half', 'percent', 'spokespeople', 'researchers', 'researcher', 'fellow',
  'economist', 'economists', 'expert', 'experts', 'lawyer', 'lawyers', 'attorney', 'manager', 'managers',
  'strategist', 'strategists', 'staff', 'staffer', 'staffers', 'commissioner', 'candidate', 'nominee', 'author',
  'dean', 'correspondent', 'columnist', 'people', 'residents', 'voters', 'sources', 'source', 'organizer']);
const POSSESSIVE_MARK = new Set(["'s", '’s', "'", '’']);
/** Words wink sometimes tags as nouns or adjectives that never belong to a speaker phrase. */
const NOT_NP = new Set(['that', 'this', 'these', 'those', 'which', 'what', 'whether', 'there', 'here', 'also',
  'then', 'now', 'today', 'yesterday', 'tomorrow', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday',
  'friday', 'saturday', 'sunday', 'later', 'earlier', 'last', 'week', 'month', 'year', 'morning', 'afternoon',
  'evening', 'night', 'ago']);

function isNpToken(t: Token): boolean {
  if (POSSESSIVE_MARK.has(t.lower)) return true;
  if (t.pos === 'PRON') return POSSESSIVE_PRON.has(t.lower);
  if (t.lower === '-' || t.lower === '&') return true;
  return NP_POS.has(t.pos) && !NOT_NP.has(t.lower);
}

export function isPronounHead(t: Token): boolean {
  return t.pos === 'PRON' && !POSSESSIVE_PRON.has(t.lower);
}

/** Start of the noun phrase ending at token `end` (inclusive), or -1. Never goes below `min`. */
export function npEndingAt(toks: Token[], end: number, min: number): number {
  if (end < min) return -1;
  const last = toks[end]!;
  if (isPronounHead(last)) return end;
  if (!HEAD_POS.has(last.pos) || NOT_NP.has(last.lower)) return -1;
  let s = end;
  let attachments = 0;
  for (;;) {
    while (s - 1 >= min && isNpToken(toks[s - 1]!)) s--;
    // "spokesman for the campaign", "one of his aides": an inner preposition after a role or a quantity; other
    // nouns ("footage of Trump") leave the speaker on the right.
    const p = s - 1;
    if (attachments < 2 && p - 1 >= min && NP_ADP.has(toks[p]!.lower) && toks[p]!.pos === 'ADP'
      && (ROLE_NOUNS.has(toks[p - 1]!.lower) || (toks[p - 1]!.pos === 'PROPN' && toks[p]!.lower !== 'in'))) {
      s = p;
      attachments++;
      continue;
    }
    break;
  }
  while (s < end && (toks[s]!.lower === '-' || POSSESSIVE_MARK.has(toks[s]!.lower))) s++;
  return s;
}

/** End (exclusive) of the noun phrase starting at token `start`, or -1. Never reaches `max`. */
export function npStartingAt(toks: Token[], start: number, max: number): number {
  if (start >= max) return -1;
  const first = toks[start]!;
  if (isPronounHead(first)) return start + 1;
  let e = start;
  let attachments = 0;
  let lastHead = -1;
  for (;;) {
    while (e < max && isNpToken(toks[e]!)) {
      if (HEAD_POS.has(toks[e]!.pos)) lastHead = e;
      e++;
    }
    if (attachments < 2 && e + 1 < max && lastHead === e - 1 && NP_ADP.has(toks[e]!.lower)
      && toks[e]!.lower !== 'in' && isNpToken(toks[e + 1]!)) {
      e++;
      attachments++;
      continue;
    }
    break;
  }
  if (lastHead < 0) return -1;
  return lastHead + 1;
}

/** Extends a subject leftwards over a coordination: "the United States, South Korea and Ukraine". */
export function extendCoordination(toks: Token[], s: number, min: number): number {
  if (s - 2 < min || toks[s - 1]!.lower !== 'and') return s;
  let first = npEndingAt(toks, s - 2, min);
  if (first < 0) return s;
  let out = first;
  // Further comma-separated conjuncts, as long as they are plain noun phrases (not "In October last year").
  while (out - 2 >= min && toks[out - 1]!.lower === ',') {
    first = npEndingAt(toks, out - 2, min);
    if (first < 0 || (first - 1 >= min && toks[first - 1]!.pos === 'ADP')) break;
    if (!toks.slice(first, out - 1).some((t) => t.pos === 'PROPN')) break;
    out = first;
  }
  return out;
}
