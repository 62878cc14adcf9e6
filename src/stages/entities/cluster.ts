/**
 * Clusters name mentions into entities: countries by any of their names ("the United States", "U.S."),
 * capitals that stand for their government ("confirmed by Moscow") into the country, people by full name and
 * later surname or first name ("Alexandr Matsegora" … "Matsegora"), organisations by normalised name and acronym
 * ("Korean Central News Agency (KCNA)" … "KCNA").
 */
import type { Doc, Mention } from '../../model/document.js';
import type { EntityType } from '../../model/format.js';
import { GPE_KEYWORDS, LOC_KEYWORDS, lookupGeo } from '../../lexicon/geo.js';
import { HONORIFICS, ORG_HEADS, roleHeadOf } from '../../lexicon/titles.js';
import { genderOfFirstName } from '../../lexicon/names.js';
import { type EntityContext, link, newEntity, POSSESSIVE_MARKS } from './context.js';
import { isGovernmentMetonym } from './metonyms.js';

/** Words dropped when comparing organisation names ("Apple Inc." = "Apple"). */
const CORPORATE_SUFFIXES = new Set([
  'inc', 'inc.', 'corp', 'corp.', 'corporation', 'co', 'co.', 'ltd', 'ltd.', 'llc', 'plc', 'ag', 'sa', 's.a.',
  'gmbh', 'limited', 'group', 'holdings',
]);
/** Function words skipped when forming an acronym from a long name. */
const ACRONYM_SKIP = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'to', '&', 'de', 'du', 'des', 'la', 'le']);

/** Types whose one-word mentions may be a person's surname mistyped by the NER. */
const SURNAME_TYPES = new Set<EntityType>(['PERSON', 'ORG', 'OTHER']);

/** Types whose surface may be a country, capital or region from the geo lexicon. */
const GEO_TYPES = new Set<EntityType>(['GPE', 'LOC', 'ORG', 'FAC', 'NORP', 'OTHER']);

/** The words of a name as compared: lower-cased, without leading "the", honorifics or a trailing possessive. */
function nameWords(ctx: EntityContext, m: Mention): string[] {
  const words: string[] = [];
  for (let t = m.tokenStart; t < m.tokenEnd; t++) {
    const tok = ctx.doc.tokens[t]!;
    if (POSSESSIVE_MARKS.has(tok.text)) continue;
    // Leading "the", honorifics and titles the NER may have kept ("Administrator Bolden") are not the name.
    if (words.length === 0 && t < m.tokenEnd - 1
      && (tok.lower === 'the' || HONORIFICS.has(tok.lower) || (m.type === 'PERSON' && roleHeadOf(tok.text) !== null))) {
      continue;
    }
    words.push(tok.lower.replace(/[’']s$/, ''));
  }
  return words;
}

/** Surface form used as an entity name: the mention text without leading "the", honorific or trailing possessive. */
function displayName(ctx: EntityContext, m: Mention): string {
  const text = ctx.doc.text.slice(m.start, m.end).replace(/^the\s+/i, '').replace(/\s*[’']s?$/, '');
  const honorific = /^(\S+)\s+(?=\S)/.exec(text);
  return honorific && HONORIFICS.has(honorific[1]!.toLowerCase()) ? text.slice(honorific[0].length) : text;
}

function acronymOf(words: string[]): string | null {
  const content = words.filter((w) => !ACRONYM_SKIP.has(w));
  if (content.length < 2) return null;
  return content.map((w) => w[0]).join('');
}

const isAcronymLike = (s: string) => /^[A-Z][A-Z.&]{1,9}$/.test(s);
const stripDots = (s: string) => s.replace(/\./g, '').toLowerCase();

interface Registry {
  /** Normalised full name → entity. */
  byKey: Map<string, number>;
  /** Acronym (lower-case, no dots) → entity. */
  byAcronym: Map<string, number>;
  /** Country name → its GPE entity. */
  byCountry: Map<string, number>;
  /** Per entity: its longest name's words, to match surnames and first names against. */
  fullNames: Map<number, string[]>;
}

function orgKey(words: string[]): string {
  const kept = words.filter((w) => !CORPORATE_SUFFIXES.has(w));
  return (kept.length > 0 ? kept : words).join(' ');
}

function countryEntity(ctx: EntityContext, reg: Registry, country: string): number {
  let e = reg.byCountry.get(country);
  if (e === undefined) {
    e = newEntity(ctx, country, 'GPE');
    ctx.facts[e]!.country = country;
    reg.byCountry.set(country, e);
  }
  return e;
}

/** Remembers `m`'s name on entity `e`, renaming the entity when this name is longer (the canonical full name). */
function noteName(ctx: EntityContext, reg: Registry, e: number, m: Mention, words: string[]): void {
  for (const w of words) ctx.facts[e]!.nameWords.add(w);
  const entity = ctx.doc.entities[e]!;
  const current = reg.fullNames.get(e);
  if (ctx.facts[e]!.country === null && (!current || words.length > current.length)) {
    reg.fullNames.set(e, words);
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
 * surname for its main figure.
 */
function personByPart(ctx: EntityContext, reg: Registry, word: string, at: number): number {
  let best = -1;
  let bestKey: [number, number] = [-1, -Infinity];
  for (const [e, full] of reg.fullNames) {
    if (ctx.doc.entities[e]!.type !== 'PERSON' || full.length < 2) continue;
    if (full[full.length - 1] !== word && full[0] !== word) continue;
    const starts = ctx.doc.entities[e]!.mentions.map((mi) => ctx.doc.mentions[mi]!.start);
    const before = starts.filter((s) => s < at);
    // A name given only later (headline surname) counts as one mention at its distance.
    const key: [number, number] = before.length > 0
      ? [before.length, Math.max(...before)]
      : [0, -Math.min(...starts.map((s) => s - at))];
    if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) { bestKey = key; best = e; }
  }
  return best;
}

/**
 * An organisation named by the start or end of a longer name seen before ("Scientology", "the Church" after "the
 * Church of Scientology"; "Air Force" after "U.S. Air Force"), nearest first.
 */
function orgByPart(ctx: EntityContext, reg: Registry, words: string[], at: number): number {
  let best = -1;
  let bestDistance = Infinity;
  for (const [e, full] of reg.fullNames) {
    const type = ctx.doc.entities[e]!.type;
    if ((type !== 'ORG' && type !== 'FAC') || full.length <= words.length) continue;
    const prefix = words.every((w, i) => full[i] === w);
    const suffix = words.every((w, i) => full[full.length - words.length + i] === w);
    if (!prefix && !suffix) continue;
    for (const mi of ctx.doc.entities[e]!.mentions) {
      const d = Math.abs(ctx.doc.mentions[mi]!.start - at);
      if (d < bestDistance) { bestDistance = d; best = e; }
    }
  }
  return best;
}

/** Words that make a name an organisation or a place even when it starts with a first name ("Grace Church"). */
const NON_PERSON_WORDS = new Set<string>([
  ...[...ORG_HEADS.values()].flat(), ...ORG_HEADS.keys(), ...LOC_KEYWORDS, ...GPE_KEYWORDS, ...CORPORATE_SUFFIXES,
  'democratic', 'republican', 'national', 'international', 'united', 'station', 'street', 'avenue', 'square', 'hall',
  'center', 'centre', 'airport', 'hotel', 'stadium', 'park', 'bridge', 'tower', 'festival', 'award', 'prize',
]);

/**
 * The NER sometimes types a person's full name as an organisation or other ("Valeska Paris"): two or three
 * capitalised words opening with a known first name and holding no organisation or place word are a person.
 */
function looksLikePersonName(m: Mention, words: string[]): boolean {
  if (m.type !== 'ORG' && m.type !== 'OTHER') return false;
  if (words.length < 2 || words.length > 3 || genderOfFirstName(words[0]!) === null) return false;
  if (lookupGeo(words[0]!)) return false; // "Georgia Tech", "Victoria Falls"
  return words.every((w) => /^[a-z][a-z'’-]+$/.test(w) && !NON_PERSON_WORDS.has(w));
}

/**
 * A lone word repeating the last word of an earlier two- or three-word name the NER did not call a person, with no
 * organisation or place word in it ("Valeska Paris" … "Paris"): news re-mentions people by surname, while
 * companies are re-mentioned by their first word ("Goldman"), so this is a person whose type was missed.
 */
function surnameOfMistyped(ctx: EntityContext, reg: Registry, word: string): number {
  for (const [e, full] of reg.fullNames) {
    const entity = ctx.doc.entities[e]!;
    if (entity.type === 'PERSON' || entity.type === 'NORP' || ctx.facts[e]!.country) continue;
    if (full.length < 2 || full.length > 3 || full[full.length - 1] !== word) continue;
    if (full.some((w) => NON_PERSON_WORDS.has(w) || !/^[a-z][a-z'’-]+$/.test(w)) || lookupGeo(full.join(' '))) continue;
    return e;
  }
  return -1;
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

/** "Korean Central News Agency (KCNA)": the bracketed name right after another names the same entity. */
function bracketedAfter(ctx: EntityContext, m: Mention): number {
  const { tokens, mentions } = ctx.doc;
  const open = tokens[m.tokenStart - 1];
  const close = tokens[m.tokenEnd];
  if (open?.text !== '(' || close?.text !== ')') return -1;
  const before = ctx.nameAt[m.tokenStart - 2] ?? -1;
  return before >= 0 ? mentions[before]!.entity : -1;
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

/** Capitalised words that begin a title but are not role heads themselves ("Former", "Acting", "Vice"). */
const TITLE_WORDS = new Set(['former', 'acting', 'vice', 'deputy', 'interim', 'then', 'late', 'prime', 'foreign']);

export function clusterNames(ctx: EntityContext): void {
  const { doc } = ctx;
  const reg: Registry = { byKey: new Map(), byAcronym: new Map(), byCountry: new Map(), fullNames: new Map() };
  // Decisions on capitals keyed by the mention's last token, so "Moscow or Pyongyang" can share one.
  const metonymDecisions = new Map<number, boolean>();
  const singleWords: number[] = [];

  const order = doc.mentions.map((_, i) => i).filter((i) => doc.mentions[i]!.kind === 'name');
  for (const mi of order) {
    const m = doc.mentions[mi]!;
    const words = nameWords(ctx, m);
    if (words.length === 0) continue;
    const surface = displayName(ctx, m);

    if (looksLikePersonName(m, words)) m.type = 'PERSON';
    else if (looksLikeOrgName(m, words)) m.type = 'ORG';
    // "Paris" after "Paris Hilton" is the person, whatever the lexicon says about the word.
    if (words.length === 1 && m.type !== 'NORP'
      && (personByPart(ctx, reg, words[0]!, m.start) >= 0 || surnameOfMistyped(ctx, reg, words[0]!) >= 0)) {
      singleWords.push(mi);
      continue;
    }
    const geo = GEO_TYPES.has(m.type) ? lookupGeo(surface) : null;
    if (geo?.kind === 'country' && m.type !== 'NORP') {
      m.type = 'GPE';
      const e = countryEntity(ctx, reg, geo.country!);
      link(ctx, mi, e);
      noteName(ctx, reg, e, m, words);
      continue;
    }
    if (geo?.kind === 'capital' && m.type !== 'NORP') {
      const agent = isGovernmentMetonym(doc, m, metonymDecisions);
      metonymDecisions.set(m.tokenEnd - 1, agent);
      if (agent) {
        m.kind = 'metonym';
        m.type = 'GPE';
        link(ctx, mi, countryEntity(ctx, reg, geo.country!));
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
      link(ctx, mi, e);
      continue;
    }

    if (words.length === 1 && SURNAME_TYPES.has(m.type) && !geo) {
      singleWords.push(mi);
      continue;
    }

    const key = m.type === 'PERSON' ? words.join(' ') : orgKey(words);
    let e = reg.byKey.get(key) ?? bracketedAfter(ctx, m);
    if (e < 0 && isAcronymLike(surface)) e = reg.byAcronym.get(stripDots(surface)) ?? -1;
    if (e < 0 && m.type === 'PERSON') {
      // "Donald J. Trump" after "Donald Trump": same first and last name.
      for (const [cand, full] of reg.fullNames) {
        if (doc.entities[cand]!.type === 'PERSON' && full.length >= 2 && full[0] === words[0]
          && full[full.length - 1] === words[words.length - 1]) { e = cand; break; }
      }
    }
    if (e < 0 && m.type === 'ORG') e = orgByPart(ctx, reg, words, m.start);
    if (e >= 0 && isAcronymLike(surface) && !reg.byKey.has(key)) m.kind = 'acronym';
    if (e < 0) e = newEntity(ctx, surface, geo?.kind === 'capital' ? 'GPE' : m.type);
    reg.byKey.set(key, e);
    link(ctx, mi, e);
    noteName(ctx, reg, e, m, words);
  }

  // Lone words last, so a headline "Matsegora" or an acronym finds the full name given further down. The NER may
  // type a surname as an organisation, so a lone word that is a known person's name part joins that person.
  for (const mi of singleWords) {
    const m = doc.mentions[mi]!;
    const words = nameWords(ctx, m);
    const surface = displayName(ctx, m);
    const acronym = isAcronymLike(surface);
    let e = reg.byKey.get(words[0]!) ?? bracketedAfter(ctx, m);
    if (e < 0 && acronym) e = reg.byAcronym.get(stripDots(surface)) ?? -1;
    if (e >= 0 && acronym && !reg.byKey.has(words[0]!)) m.kind = 'acronym';
    if (e < 0) e = personByPart(ctx, reg, words[0]!, m.start);
    if (e < 0) {
      e = surnameOfMistyped(ctx, reg, words[0]!);
      if (e >= 0) retype(ctx, e, 'PERSON');
    }
    if (e < 0 && m.type === 'ORG') e = orgByPart(ctx, reg, words, m.start);
    if (e < 0) {
      e = newEntity(ctx, surface, m.type);
      reg.byKey.set(words[0]!, e);
    } else if (doc.entities[e]!.type === 'PERSON') {
      m.type = 'PERSON';
    }
    link(ctx, mi, e);
    noteName(ctx, reg, e, m, words);
  }
}
