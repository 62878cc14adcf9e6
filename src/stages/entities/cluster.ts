/**
 * Clusters name mentions into entities: countries by any of their names ("the United States", "U.S."),
 * capitals that stand for their government ("confirmed by Moscow") into the country, people by full name and
 * later surname or first name ("Alexandr Matsegora" … "Matsegora"), organisations by normalised name and acronym
 * ("Korean Central News Agency (KCNA)" … "KCNA").
 */
import type { Doc, Mention } from '../../model/document.js';
import type { EntityType } from '../../model/format.js';
import { GPE_KEYWORDS, LOC_KEYWORDS, lookupGeo } from '../../lexicon/geo.js';
import { HONORIFICS, ORG_HEADS, roleHeadOf, singular } from '../../lexicon/titles.js';
import { EVENT_WORDS, FAC_HEADS, NORP_WORDS, ORG_NAME_HEADS, STRONG_ORG_HEADS } from './ner/types.js';
import { genderOfFirstName } from '../../lexicon/names.js';
import { type EntityContext, isBoundary, link, newEntity, POSSESSIVE_MARKS } from './context.js';
import { NameRegistry } from './registry.js';
import { lowerBound } from '../../util/sorted.js';
import { KIN_NOUNS } from './role-words.js';
import { isGovernmentMetonym } from './metonyms.js';

/** Words dropped when comparing organisation names ("Apple Inc." = "Apple"). */
const CORPORATE_SUFFIXES = new Set([
  'inc', 'inc.', 'corp', 'corp.', 'corporation', 'co', 'co.', 'ltd', 'ltd.', 'llc', 'plc', 'ag', 'sa', 's.a.',
  'gmbh', 'limited', 'group', 'holdings', 'bros', 'bros.',
]);
/** Function words skipped when forming an acronym from a long name. */
const ACRONYM_SKIP = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'to', '&', 'de', 'du', 'des', 'la', 'le']);

/** Types whose one-word mentions may be a person's surname mistyped by the NER. */
const SURNAME_TYPES = new Set<EntityType>(['PERSON', 'ORG', 'OTHER']);

const PLACE_TYPES = new Set<EntityType>(['GPE', 'LOC', 'FAC']);

/** Types whose surface may be a country, capital or region from the geo lexicon. */
const GEO_TYPES = new Set<EntityType>(['GPE', 'LOC', 'ORG', 'FAC', 'NORP', 'OTHER']);

/** The words of a name as compared: lower-cased, without leading "the", honorifics or a trailing possessive. */
/**
 * A name word without its accents, so that a name spelt with and without them ("Erdoğan", "Erdogan") is one name:
 * news copy drops diacritics as often as it keeps them.
 */
function foldMarks(word: string): string {
  return /[^\x00-\x7f]/.test(word) ? word.normalize('NFD').replace(/\p{M}/gu, '') : word;
}

function nameWords(ctx: EntityContext, m: Mention): string[] {
  const words: string[] = [];
  for (let t = m.tokenStart; t < m.tokenEnd; t++) {
    const tok = ctx.doc.tokens[t]!;
    if (POSSESSIVE_MARKS.has(tok.text)) continue;
    // Leading "the", honorifics and titles the NER may have kept ("Administrator Bolden") are not the name.
    if (words.length === 0 && t < m.tokenEnd - 1
      && (tok.lower === 'the' || isHonorific(tok.lower) || (m.type === 'PERSON' && roleHeadOf(tok.text) !== null))) {
      continue;
    }
    words.push(foldMarks(tok.lower.replace(/[’']s$/, '')));
  }
  return words;
}

/** Surface form used as an entity name: the mention text without leading "the", honorific or trailing possessive. */
function displayName(ctx: EntityContext, m: Mention): string {
  const text = ctx.doc.text.slice(m.start, m.end).replace(/^the\s+/i, '').replace(/\s*[’']s?$/, '');
  const honorific = /^(\S+)\s+(?=\S)/.exec(text);
  return honorific && isHonorific(honorific[1]!.toLowerCase()) ? text.slice(honorific[0].length) : text;
}

/** Honorifics of other languages that news copy keeps ("Mme Spanton", "Herr Schmidt"), beside the English ones. */
const FOREIGN_HONORIFICS = new Set(['mme', 'mme.', 'mlle', 'mlle.', 'm.', 'herr', 'frau', 'sr.', 'sra.', 'señor', 'señora', 'signor', 'signora', 'sig.', 'sig.ra']);
const isHonorific = (w: string): boolean => HONORIFICS.has(w) || FOREIGN_HONORIFICS.has(w);

function acronymOf(words: string[]): string | null {
  const content = words.filter((w) => !ACRONYM_SKIP.has(w));
  if (content.length < 2) return null;
  return content.map((w) => w[0]).join('');
}

const isAcronymLike = (s: string) => /^[A-Z][A-Z.&]{1,9}$/.test(s);
const stripDots = (s: string) => s.replace(/\./g, '').toLowerCase();

function orgKey(words: string[]): string {
  const kept = words.filter((w) => !CORPORATE_SUFFIXES.has(w));
  return (kept.length > 0 ? kept : words).join(' ');
}

function countryEntity(ctx: EntityContext, reg: NameRegistry, country: string): number {
  let e = reg.byCountry.get(country);
  if (e === undefined) {
    e = newEntity(ctx, country, 'GPE');
    ctx.facts[e]!.country = country;
    reg.byCountry.set(country, e);
  }
  return e;
}

/** Remembers `m`'s name on entity `e`, renaming the entity when this name is longer (the canonical full name). */
function noteName(ctx: EntityContext, reg: NameRegistry, e: number, m: Mention, words: string[]): void {
  for (const w of words) ctx.facts[e]!.nameWords.add(w);
  const entity = ctx.doc.entities[e]!;
  const current = reg.fullName(e);
  if (ctx.facts[e]!.country === null && (!current || words.length > current.length)) {
    reg.setFullName(e, words);
    entity.name = displayName(ctx, m);
  }
  if (entity.type === 'PERSON' && ctx.facts[e]!.gender === null && words.length >= 2) {
    ctx.facts[e]!.gender = genderOfFirstName(words[0]!);
  }
  const acronym = entity.type !== 'PERSON' ? acronymOf(words) : null;
  if (acronym && !reg.byAcronym.has(acronym)) reg.byAcronym.set(acronym, e);
}

/**
 * A single-word person name that is the surname or first name of a known person. When several share it ("Hillary
 * Clinton", "Chelsea Clinton"), the one named most often so far wins, then the one named last: news keeps the bare
 * surname for its main figure. A word the tagger or the lexicon calls a place (`placeWord`: and that never acts as a
 * person, see personCuedWords) joins only a name that opens with a known first name ("Hilda Paris" … "Paris"), not
 * a headline the tagger took for a person ("Albright arrives in Chile" … "Chile").
 */
function personByPart(ctx: EntityContext, reg: NameRegistry, word: string, at: number, placeWord: boolean): number {
  let best = -1;
  let bestKey: [number, number] = [-1, -Infinity];
  for (const e of reg.withEdgeWord(word)) {
    const full = reg.fullName(e)!;
    if (ctx.doc.entities[e]!.type !== 'PERSON' || full.length < 2) continue;
    if (placeWord && genderOfFirstName(full[0]!) === null) continue;
    const starts = reg.mentionStarts(e);
    const before = lowerBound(starts, at);
    // A name given only later (headline surname) counts as one mention at its distance.
    const key: [number, number] = before > 0 ? [before, starts[before - 1]!] : [0, at - starts[0]!];
    if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) { bestKey = key; best = e; }
  }
  return best;
}

/**
 * An organisation named by the start or end of a longer name seen before ("Scientology", "the Church" after "the
 * Church of Scientology"; "Air Force" after "U.S. Air Force"), nearest first; a craft or a storm by the end of
 * its name only.
 */
function orgByPart(ctx: EntityContext, reg: NameRegistry, words: string[], at: number): number {
  let best = -1;
  let bestDistance = Infinity;
  for (const e of reg.withEdgeWord(words[0]!, words[words.length - 1]!)) {
    const full = reg.fullName(e)!;
    const type = ctx.doc.entities[e]!.type;
    // A craft or a storm goes by the end of its name ("Atlantis" after "Space Shuttle Atlantis", "Katrina").
    const byEndOnly = type === 'PRODUCT' || type === 'EVENT';
    if ((type !== 'ORG' && type !== 'FAC' && !byEndOnly) || full.length <= words.length) continue;
    const prefix = !byEndOnly && words.every((w, i) => full[i] === w);
    const suffix = words.every((w, i) => full[full.length - words.length + i] === w);
    if (!prefix && !suffix) continue;
    const d = reg.distanceTo(e, at);
    if (d < bestDistance) { bestDistance = d; best = e; }
  }
  return best;
}

/** Words that make a name an organisation or a place even when it starts with a first name ("Grace Church"). */
const NON_PERSON_WORDS = new Set<string>([
  ...[...ORG_HEADS.values()].flat(), ...ORG_HEADS.keys(), ...LOC_KEYWORDS, ...GPE_KEYWORDS, ...CORPORATE_SUFFIXES,
  'democratic', 'republican', 'national', 'international', 'united', 'station', 'street', 'avenue', 'square', 'hall',
  'center', 'centre', 'airport', 'hotel', 'stadium', 'park', 'bridge', 'tower', 'festival', 'award', 'prize',
  'league', 'news', 'shuttle', ...EVENT_WORDS, ...FAC_HEADS, ...STRONG_ORG_HEADS,
]);

/**
 * The NER sometimes types a person's full name as an organisation or other ("Valeska Paris"): two or three
 * capitalised words opening with a known first name and holding no organisation, place, event or nationality word
 * are a person. Many common words are somebody's first name ("Major League", "Roman Catholic", "Red Shirts"), so
 * the other words must be plain name words too; a line in capitals says nothing about case ("LA CORUNA"), and an
 * article of another language opens a paper's or a place's name more often than a person's ("La Presse").
 */
function looksLikePersonName(m: Mention, words: string[], surface: string): boolean {
  if (m.type !== 'ORG' && m.type !== 'OTHER') return false;
  if (words.length < 2 || words.length > 3 || genderOfFirstName(words[0]!) === null) return false;
  if (!/\p{Ll}/u.test(surface) || FOREIGN_ARTICLES.has(words[0]!)) return false;
  if (lookupGeo(words[0]!)) return false; // "Georgia Tech", "Victoria Falls"
  return words.every((w, i) => /^[a-z][a-z'’-]+$/.test(w) && !isNonPersonWord(w) && (i === 0 || !isPlaceOrPeopleWord(w)));
}

/** Articles that open names of papers, parties and places in other languages ("La Presse", "Der Spiegel", "El Al"). */
const FOREIGN_ARTICLES = new Set(['la', 'le', 'les', 'el', 'al', 'der', 'die', 'das', 'il', 'lo', 'los', 'las', 'het']);

const isNonPersonWord = (w: string): boolean => NON_PERSON_WORDS.has(w) || NON_PERSON_WORDS.has(singular(w));
/** A place or a people ("Dynamo Moscow", "Cleveland Indians", "Roman Catholic"): not a surname. */
const isPlaceOrPeopleWord = (w: string): boolean => lookupGeo(w) !== null || NORP_WORDS.has(w);

/**
 * A lone word repeating the last word of an earlier two- or three-word name the NER did not call a person, with no
 * organisation or place word in it ("Valeska Paris" … "Paris also claims"): news re-mentions people by surname,
 * while companies are re-mentioned by their first word ("Goldman"), so this is a person whose type was missed. Teams,
 * ships and places are re-mentioned by their last word too ("Philadelphia Eagles" … "the Eagles"), so the lone word
 * must somewhere do what only people do: say or think something, or have kin ("Paris's father").
 */
function surnameOfMistyped(ctx: EntityContext, reg: NameRegistry, word: string, personCued: ReadonlySet<string>): number {
  if (!personCued.has(word)) return -1;
  for (const e of reg.withEdgeWord(word)) {
    const full = reg.fullName(e)!;
    const entity = ctx.doc.entities[e]!;
    if (entity.type === 'PERSON' || entity.type === 'NORP' || ctx.facts[e]!.country) continue;
    if (full.length < 2 || full.length > 3 || full[full.length - 1] !== word) continue;
    if (full.some((w) => NON_PERSON_WORDS.has(w) || !/^[a-z][a-z'’-]+$/.test(w)) || lookupGeo(full.join(' '))) continue;
    return e;
  }
  return -1;
}

/** Verbs of saying and thinking whose subject is a person ("Brisk said", "Paris also claims"). */
const PERSON_VERBS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'claims', 'claimed', 'added', 'adds', 'stated', 'states', 'recalled',
  'recalls', 'admitted', 'admits', 'denied', 'denies', 'insisted', 'insists', 'explained', 'explains', 'argued',
  'argues', 'wrote', 'writes', 'believes', 'believed', 'thinks', 'thought', 'feels', 'felt', 'hopes', 'hoped',
]);

/**
 * Lower-cased one-word names that somewhere act as only a person does: the subject of a verb of saying or
 * thinking ("Brisk said", "Paris also claims"), the object of a closing "said" (", said Brisk."), or the owner
 * of kin ("Paris's father").
 */
function personCuedWords(ctx: EntityContext): Set<string> {
  const { tokens } = ctx.doc;
  const out = new Set<string>();
  for (const m of ctx.doc.mentions) {
    if (m.kind !== 'name' || m.tokenEnd - m.tokenStart !== 1) continue;
    const next = tokens[m.tokenEnd];
    const verb = next?.pos === 'ADV' ? tokens[m.tokenEnd + 1] : next;
    const saidBefore = tokens[m.tokenStart - 1]?.lower === 'said' && isBoundary(next);
    const kin = next !== undefined && POSSESSIVE_MARKS.has(next.text) && KIN_NOUNS.has(tokens[m.tokenEnd + 1]?.lower ?? '');
    if ((verb && PERSON_VERBS.has(verb.lower)) || saidBefore || kin) out.add(tokens[m.tokenStart]!.lower);
  }
  return out;
}

function retype(ctx: EntityContext, e: number, type: EntityType): void {
  ctx.doc.entities[e]!.type = type;
  for (const mi of ctx.doc.entities[e]!.mentions) ctx.doc.mentions[mi]!.type = type;
}

/** Kinds of body no person is named after ("Broadcasting Corporation", "Labour Party"). */
const ORG_KIND_WORDS = new Set<string>([...ORG_HEADS.keys(), ...CORPORATE_SUFFIXES]);

/** A "person" name holding an organisation-kind word is the NER's mistake: "Broadcasting Corporation" is an ORG. */
function looksLikeOrgName(m: Mention, words: string[]): boolean {
  return m.type === 'PERSON' && words.length >= 2 && words.some((w) => ORG_KIND_WORDS.has(w));
}

/**
 * "Korean Central News Agency (KCNA)": an acronym in brackets right after a name names the same entity, even in
 * another language's word order ("the French Bishops' Conference (CEF)"). After a person's name it must spell the
 * name's initials: a bracketed party or country code is something else ("Ian Paisley (DUP)"), and so is a bracketed
 * name that is no acronym ("Tristan Hoffman (Netherlands)").
 */
function bracketedAfter(ctx: EntityContext, m: Mention, surface: string): number {
  const { tokens, mentions } = ctx.doc;
  const open = tokens[m.tokenStart - 1];
  const close = tokens[m.tokenEnd];
  if (open?.text !== '(' || close?.text !== ')' || !isAcronymLike(surface)) return -1;
  const before = ctx.nameAt[m.tokenStart - 2] ?? -1;
  if (before < 0) return -1;
  const named = mentions[before]!;
  if (named.type !== 'PERSON') return named.entity;
  const initials = nameWords(ctx, named).map((w) => w[0]).join('');
  return isSubsequence(stripDots(surface).replace(/&/g, ''), initials) ? named.entity : -1;
}

/** Whether every letter of `short` appears in `long`, in order. */
function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (let j = 0; j < long.length && i < short.length; j++) if (long[j] === short[i]) i++;
  return i === short.length;
}

/**
 * A person mention keeps the name alone: a title the NER swept in ("Ambassador Alexandr Matsegora", "Former
 * President X") is moved out of the span, where the role rules read it like any title before a name. A title
 * plus a known person's surname typed as something else ("Administrator Bolden" as an organisation) is that
 * person; the surname check keeps "General Motors" a company.
 */
export function trimLeadingTitles(doc: Doc): void {
  const surnames = new Set<string>();
  for (const m of doc.mentions) {
    if (m.type === 'PERSON' && m.tokenEnd - m.tokenStart >= 2) surnames.add(doc.tokens[m.tokenEnd - 1]!.lower);
  }
  for (const m of doc.mentions) {
    if (m.kind !== 'name') continue;
    let t = m.tokenStart;
    while (t < m.tokenEnd - 1 && /^[A-Z]/.test(doc.tokens[t]!.text)
      && (roleHeadOf(doc.tokens[t]!.text) !== null || TITLE_WORDS.has(doc.tokens[t]!.lower))) t++;
    if (t === m.tokenStart) continue;
    if (m.type !== 'PERSON') {
      if (m.tokenEnd - t !== 1 || !surnames.has(doc.tokens[t]!.lower)) continue;
      m.type = 'PERSON';
    }
    m.tokenStart = t;
    m.start = doc.tokens[t]!.start;
  }
}

/**
 * "the Pope", "the Prime Minister": a capitalised title after "the" is no name but a description of whoever holds
 * the title, which coreference links like "the prime minister" (see coref.ts). The tagger reads it as a name of its
 * own, which would make a second person of the title.
 */
export function dropBareTitles(doc: Doc): void {
  doc.mentions = doc.mentions.filter((m) => {
    if (m.kind !== 'name' || doc.tokens[m.tokenStart - 1]?.lower !== 'the') return true;
    // "the Cardinals" is a team, "the Singer world series" a sponsor's name before a noun.
    const last = doc.tokens[m.tokenEnd - 1]!;
    const next = doc.tokens[m.tokenEnd];
    if (singular(last.lower) !== last.lower || next?.pos === 'NOUN' || next?.pos === 'PROPN') return true;
    for (let t = m.tokenStart; t < m.tokenEnd; t++) {
      const tok = doc.tokens[t]!;
      const title = roleHeadOf(tok.text) !== null || (t < m.tokenEnd - 1 && TITLE_WORDS.has(tok.lower));
      if (!title || !/^[A-Z]/.test(tok.text)) return true;
    }
    return false;
  });
}

/**
 * "Police and Crime Commissioner Stephen Mold", "Senate Minority Leader X": a capitalised title read as an
 * organisation's name right before a person's name is that person's title (collected by the role rules), not a
 * body of its own.
 */
export function dropTitlesBeforeNames(doc: Doc): void {
  const personAt = new Set<number>();
  const personEnd = new Set<number>();
  for (const m of doc.mentions) {
    if (m.kind === 'name' && m.type === 'PERSON') { personAt.add(m.tokenStart); personEnd.add(m.tokenEnd); }
  }
  doc.mentions = doc.mentions.filter((m) => {
    // "The Senate Minority Leader, Chuck Schumer,": the same title set off by a comma after "the"; and after the
    // name ("Josh Bash, the U.S. Attorney for ...").
    const the = doc.tokens[m.tokenStart - 1]?.lower === 'the';
    const apposed = the && ((doc.tokens[m.tokenEnd]?.text === ',' && personAt.has(m.tokenEnd + 1))
      || (doc.tokens[m.tokenStart - 2]?.text === ',' && personEnd.has(m.tokenStart - 2)));
    if (m.kind !== 'name' || m.type === 'PERSON' || !(personAt.has(m.tokenEnd) || apposed)) return true;
    const last = doc.tokens[m.tokenEnd - 1]!;
    return !(/^[A-Z][a-z]/.test(last.text) && roleHeadOf(last.text) !== null);
  });
}

/** Capitalised words that begin a title but are not role heads themselves ("Former", "Acting", "Vice"). */
const TITLE_WORDS = new Set(['former', 'acting', 'vice', 'deputy', 'interim', 'then', 'late', 'prime', 'foreign']);

/**
 * A name read as a place where the words around it say it is one: a dateline ("NICE, France 1996-08-30", "KYIV,
 * Ukraine (AP) —": capitals opening a line, before a comma, a date, an agency or a dash) or the object of a
 * locative preposition ("in Milwaukee", "Atlanta at CHICAGO"). It names the place whatever the same spelling
 * means elsewhere in the story (the club Nice, the Chicago team), so it stays out of that spelling's cluster.
 */
function isPlaceReading(ctx: EntityContext, m: Mention): boolean {
  const { tokens, sentences, text } = ctx.doc;
  if (m.type !== 'GPE' && m.type !== 'LOC') return false;
  const sentence = tokens[m.tokenStart]!.sentence;
  const prev = tokens[m.tokenStart - 1];
  if (prev && prev.sentence === sentence && LOCATIVE_PREPOSITIONS.has(prev.lower)) return true;
  if (sentences[sentence]!.tokenStart !== m.tokenStart || /\p{Ll}/u.test(text.slice(m.start, m.end))) return false;
  const next = tokens[m.tokenEnd];
  return !next || next.sentence !== sentence || DATELINE_FOLLOWERS.has(next.text) || /^\d{4}-\d{2}-\d{2}$/.test(next.text);
}
const DATELINE_FOLLOWERS = new Set([',', '(', '-', '--', '\u2013', '\u2014', ':']);
const LOCATIVE_PREPOSITIONS = new Set(['in', 'at', 'near', 'outside', 'inside', 'throughout', 'across']);

/**
 * Each entity takes the type most of its names were given (ties: the type it was created with): the tagger's
 * one-off reading of a mention ("Petofi" once a place, six times a company) does not type the whole entity.
 * Countries keep GPE and peoples NORP, which the lexicon decided.
 */
function typeByMajority(ctx: EntityContext): void {
  const { doc } = ctx;
  const votes = new Map<EntityType, number>();
  for (const [e, entity] of doc.entities.entries()) {
    if (ctx.facts[e]!.country !== null || entity.type === 'NORP') continue;
    votes.clear();
    for (const mi of entity.mentions) {
      const m = doc.mentions[mi]!;
      if (m.kind === 'name' || m.kind === 'acronym') votes.set(m.type, (votes.get(m.type) ?? 0) + 1);
    }
    let best: EntityType = entity.type;
    for (const [type, n] of votes) if (n > (votes.get(best) ?? 0)) best = type;
    entity.type = best;
  }
}

export function clusterNames(ctx: EntityContext): void {
  const { doc } = ctx;
  const reg = new NameRegistry();
  const personCued = personCuedWords(ctx);
  const join = (mi: number, e: number) => {
    link(ctx, mi, e);
    reg.addMention(e, doc.mentions[mi]!.start);
  };
  /** A lone word the tagger or the geo lexicon reads as a place. */
  const placeWord = (m: Mention, surface: string, word: string) =>
    (PLACE_TYPES.has(m.type) || lookupGeo(surface) !== null) && !personCued.has(word);
  // Decisions on capitals keyed by the mention's last token, so "Moscow or Pyongyang" can share one.
  const metonymDecisions = new Map<number, boolean>();
  const singleWords: number[] = [];

  const order = doc.mentions.map((_, i) => i).filter((i) => doc.mentions[i]!.kind === 'name');
  for (const mi of order) {
    const m = doc.mentions[mi]!;
    const words = nameWords(ctx, m);
    if (words.length === 0) continue;
    const surface = displayName(ctx, m);

    if (looksLikePersonName(m, words, surface)) m.type = 'PERSON';
    else if (looksLikeOrgName(m, words)) m.type = 'ORG';
    // "Paris" after "Paris Hilton" is the person, whatever the lexicon says about the word.
    if (words.length === 1 && m.type !== 'NORP'
      && (personByPart(ctx, reg, words[0]!, m.start, placeWord(m, surface, words[0]!)) >= 0
        || surnameOfMistyped(ctx, reg, words[0]!, personCued) >= 0)) {
      singleWords.push(mi);
      continue;
    }
    const geo = GEO_TYPES.has(m.type) ? lookupGeo(surface) : null;
    if (geo?.kind === 'country' && m.type !== 'NORP') {
      m.type = 'GPE';
      const e = countryEntity(ctx, reg, geo.country!);
      join(mi, e);
      noteName(ctx, reg, e, m, words);
      continue;
    }
    if (geo?.kind === 'capital' && m.type !== 'NORP') {
      const agent = isGovernmentMetonym(doc, m, metonymDecisions);
      metonymDecisions.set(m.tokenEnd - 1, agent);
      if (agent) {
        m.kind = 'metonym';
        m.type = 'GPE';
        join(mi, countryEntity(ctx, reg, geo.country!));
        continue;
      }
    }
    if (geo?.kind === 'demonym') {
      // "Russians", "North Korean": one NORP entity per country, apart from the state itself.
      m.kind = 'demonym';
      m.type = 'NORP';
      const key = `norp:${geo.country}`;
      let e = reg.byKey.get(key);
      if (e === undefined) { e = newEntity(ctx, surface, 'NORP'); reg.byKey.set(key, e); }
      join(mi, e);
      continue;
    }

    if (words.length === 1 && SURNAME_TYPES.has(m.type) && !geo) {
      singleWords.push(mi);
      continue;
    }

    const name = m.type === 'PERSON' ? words.join(' ') : orgKey(words);
    const placeReading = isPlaceReading(ctx, m);
    const placeKey = `place:${name}`;
    const key = placeReading ? placeKey : name;
    let e = reg.byKey.get(key) ?? bracketedAfter(ctx, m, surface);
    if (e < 0 && isAcronymLike(surface)) e = reg.byAcronym.get(stripDots(surface)) ?? -1;
    if (e < 0 && m.type === 'PERSON') {
      // "Donald J. Trump" after "Donald Trump": same first and last name.
      for (const cand of reg.withEdgeWord(words[0]!)) {
        const full = reg.fullName(cand)!;
        if (doc.entities[cand]!.type === 'PERSON' && full.length >= 2 && full[0] === words[0]
          && full[full.length - 1] === words[words.length - 1]) { e = cand; break; }
      }
    }
    if (e < 0 && (m.type === 'ORG' || m.type === 'PRODUCT' || m.type === 'EVENT')) e = orgByPart(ctx, reg, words, m.start);
    if (e >= 0 && isAcronymLike(surface) && !reg.byKey.has(key)) m.kind = 'acronym';
    // A place named elsewhere may be the one a place reading named: only places join such an entity.
    if (e < 0 && PLACE_TYPES.has(m.type)) e = reg.byKey.get(placeKey) ?? -1;
    if (e < 0) e = newEntity(ctx, surface, geo?.kind === 'capital' ? 'GPE' : m.type);
    reg.byKey.set(key, e);
    if (PLACE_TYPES.has(m.type) && !reg.byKey.has(placeKey)) reg.byKey.set(placeKey, e);
    join(mi, e);
    noteName(ctx, reg, e, m, words);
  }

  // Lone words last, so a headline "Matsegora" or an acronym finds the full name given further down. The NER may
  // type a surname as an organisation, so a lone word that is a known person's name part joins that person.
  for (const mi of singleWords) {
    const m = doc.mentions[mi]!;
    const words = nameWords(ctx, m);
    const surface = displayName(ctx, m);
    const acronym = isAcronymLike(surface);
    const key = words[0]!;
    let e = reg.byKey.get(key) ?? -1;
    if (e < 0) {
      // An acronym defined in brackets names its entity from then on ("... Conference (CEF)" … "the CEF").
      e = bracketedAfter(ctx, m, surface);
      if (e >= 0 && acronym) reg.byAcronym.set(stripDots(surface), e);
    }
    if (e < 0 && acronym) e = reg.byAcronym.get(stripDots(surface)) ?? -1;
    if (e >= 0 && acronym && !reg.byKey.has(key)) m.kind = 'acronym';
    if (e < 0) e = personByPart(ctx, reg, words[0]!, m.start, placeWord(m, surface, words[0]!));
    if (e < 0) {
      e = surnameOfMistyped(ctx, reg, words[0]!, personCued);
      if (e >= 0) retype(ctx, e, 'PERSON');
    }
    if (e < 0 && m.type !== 'NORP') {
      const part = orgByPart(ctx, reg, words, m.start);
      const partType = part >= 0 ? doc.entities[part]!.type : null;
      if (m.type === 'ORG' || partType === 'PRODUCT' || partType === 'EVENT') e = part;
      if (e >= 0) m.type = doc.entities[e]!.type;
    }
    if (e < 0) {
      e = newEntity(ctx, surface, m.type);
      reg.byKey.set(key, e);
    } else if (doc.entities[e]!.type === 'PERSON') {
      m.type = 'PERSON';
    }
    join(mi, e);
    noteName(ctx, reg, e, m, words);
  }
  joinBareNamesToHeadOf(ctx, reg);
  typeByMajority(ctx);
}

/**
 * "the Church of Scientology" … "Scientology said": an organisation named "<head> of X" is what the bare X names
 * elsewhere in the story, when X is no place or person of its own (a country stays apart from "the Bank of
 * England"). The bare mentions, read as places or other, take the organisation's type.
 */
function joinBareNamesToHeadOf(ctx: EntityContext, reg: NameRegistry): void {
  const { doc } = ctx;
  const count = doc.entities.length;
  for (let e = 0; e < count; e++) {
    const entity = doc.entities[e]!;
    const full = reg.fullName(e);
    if (entity.type !== 'ORG' || !full || full.length < 3 || full[1] !== 'of' || !ORG_NAME_HEADS.has(full[0]!)) continue;
    const rest = full.slice(2);
    const bare = reg.byKey.get(rest.join(' '));
    if (bare === undefined || bare === e || ctx.facts[bare]!.country !== null) continue;
    const other = doc.entities[bare]!;
    if (other.type === 'PERSON' || other.type === 'NORP' || lookupGeo(other.name) !== null) continue;
    for (const mi of other.mentions) {
      doc.mentions[mi]!.type = entity.type;
      link(ctx, mi, e);
    }
    other.mentions = [];
  }
}
