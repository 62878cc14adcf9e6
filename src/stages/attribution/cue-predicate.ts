/**
 * The cue as a reader needs it: the whole predicate. The readings already keep the verb group before the cue verb
 * (auxiliaries, negation, adverbs: "has not confirmed") and its particle ("pointed out"); this adds what follows
 * the verb and still belongs to the predicate:
 *   - a catenative chain ending in a speech or thought verb: "went on to say", "declined to confirm", "has
 *     steadfastly refused to disclose", "appeared to suggest", "wanted to know" (its particle too: "to call for");
 *   - a manner adverb right after the verb: "said angrily", "complained bitterly";
 *   - "neither" before a coordinated cue: "neither confirmed nor denied".
 * and drops what the readings took in as a particle but opens an adjunct ("said during a rally", "says on TV").
 * A time or place adjunct ("said Friday", "said in an interview") is not part of the predicate: the statement
 * carries it as its `time` and `channel`. The content then starts after the predicate (and a "that" there).
 */
import type { Doc, SpanRange, Statement, Token } from '../../model/document.js';
import { cueInfo, learnedCueRate, particleRate } from './cues.js';
import { PARTICLES } from './lexicon.js';
import { firstStartingAt } from '../../util/sorted.js';

/** A verb after "to" joins the predicate when it is this likely a cue in PolNeAR train (outside the hand lexicon). */
const LEARNED_CUE_RATE = 0.2;
/** A word after the joined verb joins it as its particle at this PolNeAR rate ("call for", "complain about"). */
const PARTICLE_RATE = 0.5;
/** Adverbs in -ly that say when or how likely, not how: they stay outside the predicate. */
const NOT_MANNER = new Set(['only', 'early', 'recently', 'lately', 'previously', 'initially', 'subsequently',
  'finally', 'eventually', 'daily', 'weekly', 'monthly', 'yearly', 'nearly', 'likely', 'reportedly', 'currently',
  'shortly', 'immediately', 'originally', 'separately', 'additionally', 'family', 'ally', 'rally', 'july', 'italy']);

/** Forms of "say" and "state", which take no particle. */
const SAY_STATE = /^(say|says|said|saying|state|states|stated|stating)$/;
const ADJUNCT_AFTER_SAY = new Set(['on', 'in', 'at', 'of', 'during', 'after', 'before', 'from', 'over', 'via', 'through']);

const isSpeechOrThought = (lower: string) => cueInfo(lower) !== undefined
  || (learnedCueRate(lower) ?? 0) >= LEARNED_CUE_RATE;

/** End (exclusive token index) of the predicate that starts with the cue phrase ending at token e. */
function predicateEnd(toks: readonly Token[], e: number, max: number): number {
  const last = toks[e - 1]!;
  if (last.pos !== 'VERB' && last.pos !== 'AUX' && last.pos !== 'ADP' && last.pos !== 'PART' && last.pos !== 'ADV') return e;
  // "said angrily", "complained bitterly that": only where the adverb closes the clause or opens the content, so
  // it modifies the cue, not a word after it ("called for immediately deducting", "proposed jointly owned drones").
  if (e < max && (last.pos === 'VERB' || last.pos === 'AUX') && toks[e]!.pos === 'ADV'
    && /^[a-z]+ly$/.test(toks[e]!.lower) && !NOT_MANNER.has(toks[e]!.lower)
    && (e + 1 >= max || toks[e + 1]!.pos === 'PUNCT' || toks[e + 1]!.lower === 'that')) {
    return e + 1;
  }
  // "declined to confirm", "went on to say"
  if (e + 1 < max && toks[e]!.lower === 'to' && toks[e + 1]!.pos === 'VERB' && isSpeechOrThought(toks[e + 1]!.lower)) {
    let end = e + 2;
    const verb = toks[e + 1]!.lower;
    if (end < max && (toks[end]!.pos === 'ADP' || toks[end]!.pos === 'PART') && toks[end]!.lower !== 'that'
      && toks[end]!.lower !== 'to' && (PARTICLES[verb]?.has(toks[end]!.lower) || particleRate(verb, toks[end]!.lower) >= PARTICLE_RATE)) {
      end++;
    }
    return end;
  }
  return e;
}

/** Widens `st`'s cue phrase to the whole predicate and starts its content after it; no change when none applies. */
export function widenPredicate(doc: Doc, st: Statement): void {
  const cue = st.cuePhrase ?? st.cue;
  if (!cue) return;
  const toks = doc.tokens;
  const s = firstStartingAt(toks, cue.start);
  let e = s;
  while (e < toks.length && toks[e]!.end <= cue.end) e++;
  if (e <= s) return;
  const sentence = doc.sentences[toks[s]!.sentence];
  const max = sentence ? sentence.tokenEnd : toks.length;
  // "said during a rally", "says on Fox News": a preposition after "say" or "state", or "during" after any verb,
  // opens an adjunct, never a particle of the predicate.
  if (e - s >= 2 && toks[e - 1]!.pos === 'ADP' && (toks[e - 1]!.lower === 'during'
    || (ADJUNCT_AFTER_SAY.has(toks[e - 1]!.lower) && SAY_STATE.test(toks[e - 2]!.lower)))) {
    e--;
    st.cuePhrase = { start: toks[s]!.start, end: toks[e - 1]!.end };
  }
  let start = s;
  if (s > 0 && toks[s - 1]!.lower === 'neither' && toks.slice(s, e).some((t) => t.lower === 'nor')) start = s - 1;
  const end = predicateEnd(toks, e, max);
  if (start === s && end === e) return;
  const endChar = toks[end - 1]!.end;
  // The content must not hold the predicate: a span starting inside the added words starts after them.
  let after = end;
  if (after < max && toks[after]!.lower === 'that') after++;
  const content: SpanRange[] = [];
  for (const c of st.content) {
    if (c.end <= cue.end || c.start >= endChar) { content.push(c); continue; }
    if (after >= max || toks[after]!.start >= c.end) return; // nothing would be left: keep the reading as it is
    content.push({ start: Math.max(c.start, toks[after]!.start), end: c.end });
  }
  st.cuePhrase = { start: toks[start]!.start, end: endChar };
  st.content = content;
}
