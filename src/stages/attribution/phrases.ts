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
/** Words that take an "of" phrase inside a speaker phrase: "one of his advisers", "some of the voters". */
const QUANTIFIERS = new Set(['one', 'some', 'many', 'most', 'all', 'none', 'each', 'both', 'several', 'few',
  'two', 'three', 'half', 'majority']);
const POSSESSIVE_MARK = new Set(["'s", '’s', "'", '’']);
/** Words wink sometimes tags as nouns or adjectives that never belong to a speaker phrase. */
const NOT_NP = new Set(['that', 'which', 'what', 'whether', 'there', 'here', 'also',
  'then', 'now', 'today', 'yesterday', 'tomorrow', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday',
  'friday', 'saturday', 'sunday', 'later', 'earlier', 'last', 'week', 'month', 'year', 'morning', 'afternoon',
  'evening', 'night', 'ago']);

/** Function-word tags that a capital letter never turns into a name. */
const CLOSED_POS = new Set(['PUNCT', 'PRON', 'DET', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'NUM', 'SYM', 'ADV',
  'INTJ']);
/** Capitalised sentence openers that are never names. */
const NOT_NAMES = new Set(['when', 'say', 'yet', 'asked', 'according', 'if', 'as', 'while', 'after', 'before']);

/** A capitalised word wink tagged as something else is usually a name in a speaker phrase ("Lynch/VERB said"). */
function isNameLike(t: Token): boolean {
  return t.pos === 'PROPN' || (!CLOSED_POS.has(t.pos) && t.text.charCodeAt(0) >= 65 && t.text.charCodeAt(0) <= 90
    && !NOT_NAMES.has(t.lower));
}

/** Every word of `[s, e)` is capitalised or punctuation inside a name: a signature like "Jorge Falcon". */
export function isNameLikeRun(toks: Token[], s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (!isNameLike(toks[i]!) && toks[i]!.lower !== '.' && toks[i]!.lower !== '-') return false;
  return e > s;
}

function isNpToken(t: Token): boolean {
  if (POSSESSIVE_MARK.has(t.lower)) return true;
  if (isNameLike(t)) return true;
  if (t.pos === 'PRON') return POSSESSIVE_PRON.has(t.lower);
  if (t.lower === '-' || t.lower === '&') return true;
  return NP_POS.has(t.pos) && !NOT_NP.has(t.lower);
}

const CALENDAR = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january',
  'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

/** A capitalised common word right after a name continues it ("USA Today", "Good Morning America"). */
export function isNamePart(toks: Token[], i: number): boolean {
  const t = toks[i]!;
  return i > 0 && /^[A-Z]/.test(t.text) && toks[i - 1]!.pos === 'PROPN' && !CALENDAR.has(t.lower);
}

export function isPronounHead(t: Token): boolean {
  return t.pos === 'PRON' && !POSSESSIVE_PRON.has(t.lower);
}

/** Start of the noun phrase ending at token `end` (inclusive), or -1. Never goes below `min`. */
export function npEndingAt(toks: Token[], end: number, min: number): number {
  if (end < min) return -1;
  // "Sen. David Perdue (R-Ga.)": a closing parenthesis attaches its group to the phrase before it.
  if (toks[end]!.lower === ')') {
    let open = end - 1;
    while (open > min && open > end - 10 && toks[open]!.lower !== '(') open--;
    if (toks[open]!.lower !== '(' || open - 1 < min) return -1;
    return npEndingAt(toks, open - 1, min);
  }
  const last = toks[end]!;
  if (isPronounHead(last)) return end;
  if ((!HEAD_POS.has(last.pos) && !isNameLike(last)) || (NOT_NP.has(last.lower) && !isNamePart(toks, end))) return -1;
  let s = end;
  let attachments = 0;
  for (;;) {
    while (s - 1 >= min && isNpToken(toks[s - 1]!)) s--;
    // "spokesman for the campaign", "one of his aides": an inner preposition with a noun on its left.
    const p = s - 1;
    if (attachments < 2 && p - 1 >= min && NP_ADP.has(toks[p]!.lower) && toks[p]!.pos === 'ADP'
      && (toks[p - 1]!.pos === 'NOUN' || toks[p - 1]!.pos === 'PROPN' || QUANTIFIERS.has(toks[p - 1]!.lower))) {
      s = p;
      attachments++;
      continue;
    }
    break;
  }
  while (s < end && (toks[s]!.lower === '-' || POSSESSIVE_MARK.has(toks[s]!.lower))) s++;
  // After a preposition the phrase is the object of a fronted adjunct with its comma missing ("In a Bloomberg
  // interview Trump declared"): the subject is the run of names at its end.
  if (s - 1 >= min && toks[s - 1]!.pos === 'ADP' && isNameLike(toks[end]!)) {
    let n = end;
    while (n - 1 >= s && isNameLike(toks[n - 1]!)) n--;
    if (n > s && toks[n - 1]!.pos === 'NOUN') return n;
  }
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
      if (HEAD_POS.has(toks[e]!.pos) || isNameLike(toks[e]!)) lastHead = e;
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
  // A parenthesised group right after the phrase belongs to it: "the Alliance to Reclaim Our Schools (AROS)".
  if (lastHead + 1 < max && toks[lastHead + 1]!.lower === '(') {
    for (let c = lastHead + 2; c < Math.min(max, lastHead + 10); c++) {
      if (toks[c]!.pos === 'VERB') break; // "(a view echoed by everyone)" is a comment, not part of the name
      if (toks[c]!.lower === ')') return c + 1;
    }
  }
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

/** Relative pronouns that stand for the noun phrase before them ("police, who said"). */
const RELATIVE = new Set(['who', 'which', 'that']);

/**
 * The phrase a relative-pronoun subject stands for ("according to police, who said" → police; "Mayor Tom Lee, who
 * backed ..."), or null when `source` is not one. PolNeAR keeps "who" as the source span; the speaker is this.
 */
export function relativeAntecedent(toks: Token[], source: { s: number; e: number }, min: number): { s: number; e: number } | null {
  if (source.e - source.s !== 1 || !RELATIVE.has(toks[source.s]!.lower) || toks[source.s]!.pos === 'SCONJ') return null;
  const a = source.s - 1 >= min && toks[source.s - 1]!.lower === ',' ? source.s - 2 : source.s - 1;
  if (a < min || isPronounHead(toks[a]!)) return null;
  let s = npEndingAt(toks, a, min);
  // wink tags a bare plural after a preposition as a verb ("according to police/VERB, who said").
  if (s < 0 && a - 1 >= min && /^[a-z]+$/.test(toks[a]!.text) && (toks[a - 1]!.lower === 'to' || toks[a - 1]!.lower === 'by')) s = a;
  return s < 0 ? null : { s, e: a + 1 };
}
