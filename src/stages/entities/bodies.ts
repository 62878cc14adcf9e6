/**
 * Bodies named through a country or an organisation: "the Syrian government", "the government of Syria" (the
 * state's executive, not the country), "U.S. officials", "Saudi officials", "FSB sources" (unnamed people speaking
 * for it). Each becomes an entity of its own with a nominal mention over the whole phrase; the name inside keeps
 * its own mention and entity (a CoNLL-style name), so the country stays the place it names.
 *
 * Runs after clustering, before roles and coreference, so a later bare "the government" can take up the body
 * (coref.ts) and the role rules see the entity.
 */
import { lookupGeo } from '../../lexicon/geo.js';
import { addMention, addRole, type EntityContext, newEntity } from './context.js';

/** Plural nouns for unnamed people acting for a state or body ("U.S. officials", "FSB sources"). */
const GROUP_NOUNS = new Set(['officials', 'sources', 'diplomats', 'investigators', 'negotiators', 'lawmakers', 'prosecutors']);
/** Words before a group noun that make it someone else's or no one in particular ("some officials", "the officials'"). */
const NOT_A_GROUP_OPENER = new Set(['some', 'many', 'few', 'several', 'other', 'no', 'two', 'three', 'these', 'those', 'all', 'most', 'its', 'their', 'his', 'her']);

/** The country a name mention stands for, by name or nationality word ("Syria", "Syrian", "U.S."), or null. */
function countryOfName(text: string): string | null {
  const geo = lookupGeo(text);
  return geo && (geo.kind === 'country' || geo.kind === 'demonym') ? geo.country ?? null : null;
}

export function addGovernmentsAndGroups(ctx: EntityContext): void {
  const { doc } = ctx;
  const { tokens } = doc;
  const byKey = new Map<string, number>();
  const entityFor = (key: string, name: string, type: 'ORG' | 'PERSON'): number => {
    let e = byKey.get(key);
    if (e === undefined) { e = newEntity(ctx, name, type); byKey.set(key, e); }
    return e;
  };
  const mentionCount = doc.mentions.length;
  for (let mi = 0; mi < mentionCount; mi++) {
    const m = doc.mentions[mi]!;
    if (m.entity < 0 || m.type === 'PERSON') continue;
    const text = doc.text.slice(m.start, m.end);
    const country = countryOfName(text);
    const next = tokens[m.tokenEnd];
    const sameSentence = next !== undefined && next.sentence === tokens[m.tokenEnd - 1]!.sentence;
    // "Saudi officials", "FSB sources": lower-case, so a name running on ("U.S. Officials Group") is left alone.
    if (sameSentence && GROUP_NOUNS.has(next.text)) {
      const owner = country ?? `entity:${m.entity}`;
      const e = entityFor(`group:${owner}:${next.text}`, `${text} ${next.text}`, 'PERSON');
      ctx.facts[e]!.group = true;
      addMention(ctx, m.tokenStart, m.tokenEnd + 1, 'nominal', e);
      // What they are is their role: "officials", "sources".
      addRole(ctx, e, m.tokenEnd, m.tokenEnd + 1);
      continue;
    }
    // "Northamptonshire police", "Paris police": a place's police force, a body of its own.
    // Not a compound ("El Paso's police chief X", "Paris police officers").
    const after = tokens[m.tokenEnd + 1];
    const compound = after !== undefined && /^[a-z-]+$/.test(after.text) && ['NOUN', 'ADJ', 'PROPN'].includes(after.pos);
    if (sameSentence && next.text === 'police' && (m.type === 'GPE' || m.type === 'LOC' || m.type === 'ORG') && !compound) {
      const e = entityFor(`police:${m.entity}`, `${text.replace(/[’']s$/, '')} Police`, 'ORG');
      ctx.facts[e]!.nameWords.add('police');
      addMention(ctx, m.tokenStart, m.tokenEnd + 1, 'nominal', e);
      addRole(ctx, e, m.tokenEnd, m.tokenEnd + 1);
      continue;
    }
    if (!country) continue;
    // "the Syrian government", "the U.S. government"; "the government of Syria".
    const before = tokens[m.tokenStart - 1];
    const the = (i: number) => (tokens[i]?.lower === 'the' ? i : i + 1);
    let span: [number, number] | null = null;
    if (sameSentence && next.text === 'government') span = [the(m.tokenStart - 1), m.tokenEnd + 1];
    else if (before?.lower === 'of' && tokens[m.tokenStart - 2]?.lower === 'government') {
      span = [the(m.tokenStart - 3), m.tokenEnd];
    }
    if (!span) continue;
    const e = entityFor(`government:${country}`, `Government of ${country}`, 'ORG');
    ctx.facts[e]!.nameWords.add(country.toLowerCase()).add(text.toLowerCase()).add('government');
    addMention(ctx, span[0], span[1], 'nominal', e);
    // "Syrian government", "government of Syria": the phrase without its article says what the body is.
    addRole(ctx, e, tokens[span[0]]!.lower === 'the' ? span[0] + 1 : span[0], span[1]);
  }
  addUnnamedGroups(ctx, entityFor);
  linkBarePolice(ctx);
}

/**
 * "police said", "informed police": with one police force named in the story ("Northamptonshire police", "the El
 * Paso Police Department"), a bare "police" is that force. Not when a noun follows ("police officers") or a
 * modifier comes before ("state police", "riot police"), and not with two forces named.
 */
function linkBarePolice(ctx: EntityContext): void {
  const { doc, nameAt } = ctx;
  const forces = new Set<number>();
  doc.entities.forEach((entity, e) => {
    if (entity.type === 'ORG' && ctx.facts[e]!.nameWords.has('police')) forces.add(e);
  });
  if (forces.size !== 1) return;
  const force = [...forces][0]!;
  const taken = new Uint8Array(doc.tokens.length);
  for (const m of doc.mentions) taken.fill(1, m.tokenStart, m.tokenEnd);
  for (let t = 0; t < doc.tokens.length; t++) {
    const tok = doc.tokens[t]!;
    if (tok.lower !== 'police' || taken[t] || nameAt[t]! >= 0) continue;
    const next = doc.tokens[t + 1];
    const prev = doc.tokens[t - 1];
    if (next && next.sentence === tok.sentence && (next.pos === 'NOUN' || next.pos === 'PROPN' || POSSESSIVE_AFTER.has(next.text))) continue;
    const sentenceStart = doc.sentences[tok.sentence]!.tokenStart === t;
    const article = prev?.lower === 'the';
    if (!sentenceStart && !article && prev && (prev.pos === 'ADJ' || prev.pos === 'NOUN' || prev.pos === 'PROPN')) continue;
    addMention(ctx, article ? t - 1 : t, t + 1, 'nominal', force);
    taken[t] = 1;
  }
}

/**
 * "officials said", "State prosecutors charged": unnamed people acting for a body the text does not name there,
 * one entity per phrase (with at most one lower-case modifier: "local officials"). A name right before is the
 * owner (above); a quantifier or possessive makes it some of them or someone's, not the group.
 */
function addUnnamedGroups(ctx: EntityContext, entityFor: (key: string, name: string, type: 'PERSON') => number): void {
  const { doc, nameAt } = ctx;
  const { tokens } = doc;
  for (let t = 0; t < tokens.length; t++) {
    if (!GROUP_NOUNS.has(tokens[t]!.lower) || nameAt[t]! >= 0 || nameAt[t - 1]! >= 0) continue;
    const sentence = tokens[t]!.sentence;
    let start = t;
    const before = tokens[t - 1];
    // A sentence's first word is capitalised whatever it is ("State prosecutors said").
    const firstOfSentence = doc.sentences[sentence]!.tokenStart === t - 1;
    if (before && before.sentence === sentence && (before.pos === 'ADJ' || before.pos === 'NOUN' || (firstOfSentence && before.pos === 'PROPN'))
      && /^\p{L}+$/u.test(before.text) && nameAt[t - 2]! < 0) start = t - 1;
    const opener = tokens[start - 1];
    if (opener && opener.sentence === sentence && (NOT_A_GROUP_OPENER.has(opener.lower) || opener.pos === 'NUM')) continue;
    if (POSSESSIVE_AFTER.has(tokens[t + 1]?.text ?? '')) continue;
    const phrase = doc.text.slice(tokens[start]!.start, tokens[t]!.end);
    const e = entityFor(`group:${phrase.toLowerCase()}`, phrase.toLowerCase(), 'PERSON');
    ctx.facts[e]!.group = true;
    addMention(ctx, start, t + 1, 'nominal', e);
    if (!doc.entities[e]!.roles.length) addRole(ctx, e, start, t + 1);
  }
}

const POSSESSIVE_AFTER = new Set(["'", '’', "'s", '’s']);
