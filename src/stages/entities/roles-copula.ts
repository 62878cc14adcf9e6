/**
 * Roles stated by a copula: "Hatice Cengiz is a Turkish national", "The Court of Session is the highest civil
 * court in Scotland", "PKK is a banned militant organization in Turkey; YPG is the main fighting force of the SDF",
 * "RAF Croughton, which is an intelligence base,". The name is the subject (it opens its sentence or clause, or a
 * relative "which is"/"who is" follows it), and the complement is a singular noun phrase whose head fits the
 * entity's kind (a person noun for a person, a place noun for a place ...). Negated copulas say what it is not.
 */
import { DETERMINERS, isBoundary, type EntityContext, addRole } from './context.js';
import { attributive, headFits, holdsPerson, isPlural, mistaggedPersonNoun, phraseHead } from './role-words.js';

const COPULAS = new Set(['is', 'was', 'remains', 'remained', 'became', 'becomes']);
const RELATIVES = new Set(['which', 'who']);
/** Words that may stand between the copula and the complement ("is also a", "was once the"). */
const COPULA_ADVERBS = new Set(['also', 'still', 'now', 'once', 'currently', 'already']);
const STOP_WORDS = new Set(['who', 'which', 'that', 'whose', 'whom', 'where', 'when', 'and', 'but', 'or', 'than']);
const MAX_TOKENS = 12;
/** Sentence openers after which a name is still the subject ("The Court of Session is"). */
const CLAUSE_STARTS = new Set([';', ':', '—', '–']);

/** Index of the copula after the subject mention `mi`, or -1 when the name is not a copula's subject. */
function copulaAfter(ctx: EntityContext, mi: number): number {
  const { doc } = ctx;
  const m = doc.mentions[mi]!;
  const sentence = doc.sentences[doc.tokens[m.tokenStart]!.sentence]!;
  let t = m.tokenEnd;
  // "X, which is a ...", "X which is a ...".
  if (doc.tokens[t]?.text === ',' && RELATIVES.has(doc.tokens[t + 1]?.lower ?? '')) t += 2;
  else if (RELATIVES.has(doc.tokens[t]?.lower ?? '')) t += 1;
  else {
    // Otherwise the name opens its sentence or clause, an article aside.
    let s = m.tokenStart - 1;
    if (s >= sentence.tokenStart && DETERMINERS.has(doc.tokens[s]!.lower)) s--;
    // A fronted phrase before a comma leaves the name the subject ("According to Reuters, X is ...").
    const fronted = doc.tokens[s]?.text === ',' && ['ADP', 'SCONJ', 'VERB'].includes(doc.tokens[sentence.tokenStart]!.pos);
    if (s >= sentence.tokenStart && !CLAUSE_STARTS.has(doc.tokens[s]!.text) && !fronted) return -1;
    // An appositive between subject and verb ("Jamal Khashoggi, a Saudi national, was"): skip it.
    if (doc.tokens[t]?.text === ',') {
      let u = t + 1;
      while (u < sentence.tokenEnd && u - t <= MAX_TOKENS && doc.tokens[u]!.text !== ',') {
        const tok = doc.tokens[u]!;
        if ((tok.pos === 'VERB' && !attributive(ctx, u)) || tok.pos === 'AUX') return -1;
        u++;
      }
      if (doc.tokens[u]?.text !== ',') return -1;
      t = u + 1;
    }
  }
  return COPULAS.has(doc.tokens[t]?.lower ?? '') ? t : -1;
}

/** The role a copula gives the entity of name mention `mi`, as a token range, or null. */
export function copulaRole(ctx: EntityContext, mi: number): [number, number] | null {
  const { doc } = ctx;
  const m = doc.mentions[mi]!;
  const cop = copulaAfter(ctx, mi);
  if (cop < 0) return null;
  const sentEnd = doc.sentences[doc.tokens[m.tokenStart]!.sentence]!.tokenEnd;
  let t = cop + 1;
  while (COPULA_ADVERBS.has(doc.tokens[t]?.lower ?? '')) t++;
  const first = doc.tokens[t];
  // "is one of the ...", "is not a ...", "was the first to ...": no single description.
  if (!first || !(DETERMINERS.has(first.lower) || first.pos === 'NOUN' || first.pos === 'ADJ')) return null;
  const start = DETERMINERS.has(first.lower) ? t + 1 : t;
  t = start;
  while (t < sentEnd && t - start < MAX_TOKENS) {
    const tok = doc.tokens[t]!;
    const verbal = (tok.pos === 'VERB' && !attributive(ctx, t)) || tok.pos === 'AUX';
    if (isBoundary(tok) || verbal || STOP_WORDS.has(tok.lower) || tok.pos === 'CCONJ') break;
    // An adverb ends the phrase unless it modifies what follows ("the de facto ruler" aside, "now living").
    if (tok.pos === 'ADV' && !(t === start && doc.tokens[t + 1]?.pos === 'ADJ')) break;
    t++;
  }
  if (t - start >= MAX_TOKENS || t <= start) return null;
  // The phrase ends at a noun or a name, never on a dangling preposition or adjective.
  let end = t;
  while (end > start && (doc.tokens[end - 1]!.pos === 'ADP' || doc.tokens[end - 1]!.pos === 'DET')) end--;
  const head = phraseHead(ctx, start, end, mi);
  if (!head || isPlural(head) || head.lower === 'one' || !headFits(ctx, mi, head)) return null;
  if (holdsPerson(ctx, start, end, mi, true)) return null;
  // The head must be a common noun of the phrase's own ("a columnist for X"), not only a name in it.
  if (head.pos !== 'NOUN' && !mistaggedPersonNoun(head)) return null;
  return [start, end];
}

/** Adds copula roles for every named entity. */
export function extractCopulaRoles(ctx: EntityContext): void {
  const { doc } = ctx;
  for (let mi = 0; mi < doc.mentions.length; mi++) {
    const m = doc.mentions[mi]!;
    if ((m.kind !== 'name' && m.kind !== 'acronym') || m.entity < 0) continue;
    if (m.type === 'NORP' || m.type === 'OTHER') continue;
    const role = copulaRole(ctx, mi);
    if (role) addRole(ctx, m.entity, role[0], role[1]);
  }
}
