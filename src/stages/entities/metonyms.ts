/**
 * Capital-for-government metonymy: "Moscow said", "confirmed by Moscow or Pyongyang", "Moscow's sphere of
 * influence" speak of the state, while "in Moscow" or "Moscow police" speak of the city. Decided from the words
 * right around the mention, because the agent reading shows in the syntax next to it (a following verb, a
 * possessive, a passive "by"), the place reading in a locative preposition or a compound noun after it.
 */
import type { Doc, Mention } from '../../model/document.js';

/** Prepositions after which a capital is a place. */
const LOCATIVE = new Set([
  'in', 'at', 'near', 'outside', 'inside', 'around', 'across', 'into', 'to', 'from', 'through', 'via', 'toward',
  'towards', 'within', 'throughout', 'beyond', 'above', 'over', 'under', 'downtown', 'central', 'of',
]);

/** Prepositions after which a capital is usually a party to an action ("talks with Moscow", "sanctions against"). */
const AGENTIVE_PREPOSITIONS = new Set(['by', 'with', 'against']);

/** Nouns that after "Moscow's" keep the city reading ("Moscow's mayor", "Moscow's streets"). */
const CITY_NOUNS = new Set([
  'mayor', 'streets', 'street', 'residents', 'airport', 'airports', 'metro', 'subway', 'city', 'centre', 'center',
  'suburbs', 'outskirts', 'districts', 'district', 'neighbourhoods', 'neighborhoods', 'population', 'skyline',
  'river', 'parks', 'hospitals', 'citizens', 'inhabitants', 'old', 'historic', 'downtown', 'traffic', 'weather',
]);

/** Whether a capital-name mention stands for its government. `previous` holds decisions already made (coordination). */
export function isGovernmentMetonym(doc: Doc, m: Mention, previous: ReadonlyMap<number, boolean>): boolean {
  const { tokens } = doc;
  const sentence = doc.sentences[tokens[m.tokenStart]!.sentence]!;
  // Look past an article ("by the Kremlin") for the preposition that decides.
  let before = m.tokenStart - 1;
  if (before > sentence.tokenStart && tokens[before]!.lower === 'the') before--;
  const prev = before >= sentence.tokenStart ? tokens[before] : undefined;
  const next = m.tokenEnd < sentence.tokenEnd ? tokens[m.tokenEnd] : undefined;
  const after = m.tokenEnd + 1 < sentence.tokenEnd ? tokens[m.tokenEnd + 1] : undefined;

  // "Moscow or Pyongyang": a second conjunct takes the reading of the first.
  if (prev && (prev.lower === 'or' || prev.lower === 'and') && previous.has(m.tokenStart - 2)) {
    return previous.get(m.tokenStart - 2)!;
  }
  // A possessive decides before any preposition: "away from Moscow's sphere of influence" is the state.
  if (next && (next.text === "'s" || next.text === '’s')) return !(after && CITY_NOUNS.has(after.lower));
  if (prev && AGENTIVE_PREPOSITIONS.has(prev.lower)) return !(next && (next.pos === 'NOUN' || next.pos === 'PROPN'));
  if (prev && LOCATIVE.has(prev.lower)) return false;
  if (next && (next.pos === 'VERB' || next.pos === 'AUX')) return true;
  if (next?.pos === 'ADV' && after && (after.pos === 'VERB' || after.pos === 'AUX')) return true;
  // "Moscow and Beijing said": look past the coordination to the verb.
  if (next && (next.lower === 'and' || next.lower === 'or')) {
    for (let t = m.tokenEnd + 1; t < Math.min(sentence.tokenEnd, m.tokenEnd + 6); t++) {
      const tok = tokens[t]!;
      if (tok.pos === 'VERB' || tok.pos === 'AUX') return !(prev && LOCATIVE.has(prev.lower));
      if (tok.pos !== 'PROPN' && tok.text !== ',') break;
    }
  }
  return false;
}
