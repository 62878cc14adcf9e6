/**
 * The subject of a verb cue: the noun phrase before its verb group, over time adjuncts, a parenthetical or a stray
 * comma. Shared by the verb-cue readings (verb-cues.ts, passive-cues.ts) and the cue-token classifier's (tagged-cues.ts).
 */
import type { ReadingContext } from './context.js';
import type { Range } from './draft.js';
import { ADJUNCT_ADP, BE, CAPITALIZED, PARTICIPLE, TIME_MODIFIERS, TIME_WORDS, VERB_GROUP } from './lexicon.js';
import { extendCoordination, isNamePart, npEndingAt } from './phrases.js';

/** Skips left over auxiliaries and adverbs; returns the first token of the verb group. */
export function verbGroupStart(cx: ReadingContext, t: number, min: number): number {
  let v = t;
  while (v - 1 >= min && (VERB_GROUP.has(cx.toks[v - 1]!.lower) || cx.toks[v - 1]!.pos === 'ADV'
    || BE.has(cx.toks[v - 1]!.lower))) v--;
  return v;
}

/** Time nouns that, capitalised, are a name ("Day said", "Time reported"). */
const NAMEABLE_TIME = new Set(['day', 'time', 'week', 'month', 'year', 'night', 'morning', 'evening', 'afternoon',
  'weekend']);
/** Quantifiers floated between a coordinated subject and its verb ("Durbin and Schiff both questioned"). */
const FLOATED = new Set(['both', 'all', 'each']);

/** Skips time adjuncts left of a verb group ("Wells Fargo just this month announced", "on Saturday"). */
export function skipTimeLeft(cx: ReadingContext, v: number, min: number): number {
  const { toks } = cx;
  for (;;) {
    const p = v - 1;
    if (p - 1 >= min && FLOATED.has(toks[p]!.lower) && (toks[p - 1]!.pos === 'PROPN' || toks[p - 1]!.pos === 'NOUN')) {
      v = p;
      continue;
    }
    if (p < min || !TIME_WORDS.has(toks[p]!.lower) || isNamePart(toks, p)
      || (NAMEABLE_TIME.has(toks[p]!.lower) && CAPITALIZED.test(toks[p]!.text))) return v;
    v = p;
    // "during the weekend", "on the same day": a determiner and adjectives between the preposition and the noun.
    let d = v;
    while (d - 1 > min && (toks[d - 1]!.pos === 'DET' || toks[d - 1]!.pos === 'ADJ') && !ADJUNCT_ADP.has(toks[d - 1]!.lower)) d--;
    if (d < v && d - 1 >= min && toks[d - 1]!.pos === 'ADP' && ADJUNCT_ADP.has(toks[d - 1]!.lower)) v = d - 1;
    else if (v - 1 >= min && (TIME_MODIFIERS.has(toks[v - 1]!.lower) || ADJUNCT_ADP.has(toks[v - 1]!.lower))) v--;
    v = verbGroupStart(cx, v, min);
  }
}

/**
 * The subject ending just before `v`, or null: `np` is the noun phrase, `phrase` adds a parenthetical between
 * it and the verb ("The ambassador, who did not provide details,").
 */
export function subjectBefore(cx: ReadingContext, v: number, min: number):
  { np: Range; phrase: Range; aside?: Range } | null {
  const { toks } = cx;
  let end = v - 1;
  if (end < min) return null;
  let phraseEnd = toks[end]!.lower === ',' ? end : v;
  let asideRange: Range | undefined;
  if (toks[end]!.lower === ',') {
    // "The ambassador, who did not provide details, said": skip back over the parenthetical.
    let c = end - 1;
    while (c >= min && toks[c]!.lower !== ',' && cx.quoteOfToken[c]! < 0 && !cx.isMark(c)) c--;
    // "The security firm Acme, has said that ...": a stray comma after a subject that opens the sentence.
    if (c < min) return strayCommaSubject(cx, end, min);
    if (c <= min || toks[c]!.lower !== ',') return null;
    const inner = toks[c + 1]!;
    const aside = (inner.pos === 'VERB' && inner.lower.endsWith('ing')) || inner.pos === 'ADP';
    const parenthetical = inner.lower === 'who' || inner.lower === 'which' || inner.lower === 'whose'
      || inner.pos === 'DET' || inner.pos === 'PROPN' || inner.pos === 'NOUN' || inner.pos === 'ADJ' || aside;
    if (!parenthetical) return null;
    // PolNeAR keeps an appositive or relative clause in the source, not an aside ("Trump, speaking to
    // veterans, said", "Clinton, at a later press gaggle, said").
    if (aside) {
      phraseEnd = c;
      asideRange = { s: c + 1, e: end };
    }
    end = c - 1;
  }
  // "Residents there told": the place adverb closes no subject; the noun before it is the subject.
  if (end - 1 >= min && (toks[end]!.lower === 'there' || toks[end]!.lower === 'here')
    && (toks[end - 1]!.pos === 'NOUN' || toks[end - 1]!.pos === 'PROPN')) {
    end--;
    if (phraseEnd === v) phraseEnd = end + 1;
  }
  let s0 = npEndingAt(toks, end, min);
  if (s0 < 0) return null;
  // "told the press the officers claimed": a determiner after a noun starts the subject; the noun before it is
  // the object of an earlier verb.
  for (let i = s0 + 1; i <= end; i++) {
    const prev = toks[i - 1]!.pos;
    if (toks[i]!.pos === 'DET' && (prev === 'NOUN' || prev === 'PROPN')) s0 = i;
  }
  let s = extendCoordination(toks, s0, min);
  // "The decree signed by the Pope read": the agent of a reduced relative is inside the subject, not the subject.
  if (s - 3 >= min && toks[s - 1]!.lower === 'by' && toks[s - 2]!.pos === 'VERB' && PARTICIPLE.test(toks[s - 2]!.lower)) {
    const outer = npEndingAt(toks, s - 3, min);
    if (outer >= 0) s = outer;
  }
  return { np: { s, e: end + 1 }, phrase: { s, e: phraseEnd }, ...(asideRange ? { aside: asideRange } : {}) };
}

/** Words that may open a coordinated subject before its first conjunct ("Both he and the mayor"). */
const COORDINATION_OPENERS = new Set(['both', 'either', 'neither']);
/** Parts of speech a subject standing before a stray comma is made of. */
const SUBJECT_WORD = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON', 'CCONJ', 'PART']);

/**
 * The subject before a stray comma (at `comma`): the whole stretch from the sentence start `min` must be one noun
 * phrase, possibly coordinated ("Both he and the county's commissioner, urged ..."); null otherwise.
 */
function strayCommaSubject(cx: ReadingContext, comma: number, min: number): { np: Range; phrase: Range } | null {
  const { toks } = cx;
  if (comma - 1 < min || npEndingAt(toks, comma - 1, min) < 0) return null;
  // Only nouns, names, determiners, pronouns and conjunctions: "the county's Police and Crime Commissioner".
  for (let i = min; i < comma; i++) {
    const t = toks[i]!;
    if (!SUBJECT_WORD.has(t.pos) && !COORDINATION_OPENERS.has(t.lower) && t.lower !== "'s" && t.lower !== '’s') return null;
  }
  return { np: { s: min, e: comma }, phrase: { s: min, e: comma } };
}

