/**
 * Tense of the clause around a time expression, from verb forms near it: decides whether a bare "Friday" or
 * "in March" points back (past narrative) or ahead ("will meet Friday"). Universal POS tags carry no tense, so the
 * word forms decide; the POS tag only confirms that an -ed word is a verb.
 */
import { FUTURE_MARKERS, IRREGULAR_PAST, SHORT_PAST } from './lexicon.js';

export const PAST = -1, PRESENT = 0, FUTURE = 1;

/** A token sequence as the tense finder sees it; `isVerb` may be null when no POS tags are available. */
export interface TenseView {
  lower(i: number): string;
  isVerb: ((i: number) => boolean) | null;
}

const MAX_DISTANCE = 10;
const TO_FUTURE = new Set(['scheduled', 'set', 'due', 'expected', 'planned', 'going', 'slated', 'poised', 'is', 'are', 'plans', 'plan', 'expects', 'expect', 'intends', 'intend', 'aims', 'hopes', 'hope', 'agreed', 'promised', 'vowed', 'threatened', 'prepared', 'ready']);
const BE_FORMS = new Set(['be', 'been', 'being', 'is', 'are', 'am', "'s", "'re", 'get', 'gets', 'getting']);
const PRESENT_FORMS = new Set(['is', 'are', 'am', 'says', 'say', 'do', 'does', 'remains', 'expects', 'plans']);
// Present perfect ("has arrived") places the event in the past.
const PERFECT = new Set(['has', 'have', "'ve"]);

function tenseOf(v: TenseView, i: number): number | null {
  const w = v.lower(i);
  if (FUTURE_MARKERS.has(w)) return FUTURE;
  // "is scheduled to close", "set to resume", "is to resume": arranged for later.
  if (w === 'to' && i > 0 && TO_FUTURE.has(v.lower(i - 1))) {
    // ... unless the arrangement itself is past perfect: "had been due to expire Friday".
    for (let j = i - 2; j >= Math.max(0, i - 4); j--) if (v.lower(j) === 'had') return PAST;
    return FUTURE;
  }
  if (IRREGULAR_PAST.has(w) || PERFECT.has(w)) return PAST;
  if ((w.length > 4 || SHORT_PAST.has(w)) && w.endsWith('ed') && (v.isVerb === null || v.isVerb(i))) {
    // A participle after a form of "be" ("can be exercised", "is expected") takes its tense from the auxiliary.
    const prev = i > 0 ? v.lower(i - 1) : '';
    if (BE_FORMS.has(prev) || (i > 1 && BE_FORMS.has(v.lower(i - 2)) && prev.endsWith('ly'))) return null;
    return PAST;
  }
  if (PRESENT_FORMS.has(w)) return PRESENT;
  // A third-person present verb ("it shuts", "she runs"), where the tagger says it is a verb.
  if (v.isVerb !== null && w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && v.isVerb(i)) return PRESENT;
  return null;
}

/**
 * Nearest tensed word to token `t` within `[lo, hi)`, looking left first at equal distance (the governing verb of
 * an adverbial usually precedes it); a future marker among the words left of that verb ("will have", "would be")
 * wins over the verb's own form.
 */
export function tenseAround(v: TenseView, t: number, lo: number, hi: number): number {
  // Beyond a few words the verb usually belongs to another clause.
  for (let k = 1; k <= MAX_DISTANCE && (t - k >= lo || t + k < hi); k++) {
    for (const i of [t - k, t + k]) {
      if (i < lo || i >= hi) continue;
      const tense = tenseOf(v, i);
      if (tense === null) continue;
      if (tense !== FUTURE) {
        for (let j = i - 1; j >= Math.max(lo, i - 3); j--) if (tenseOf(v, j) === FUTURE) return FUTURE;
      }
      return tense;
    }
  }
  return PRESENT;
}
