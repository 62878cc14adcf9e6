/**
 * Speakers and other entities across documents. Each document entity with a proper name is linked to one corpus
 * entity; every link carries the reason for it, and every merge considered and refused is kept with its reason
 * (`keptApart`). Precision comes first:
 *
 * 1. Entities of one type class with the same normalised name form a name group ("Vladimir Putin", "Putin, V."
 *    do not meet here; "U.S." and "United States", "U.S. Congress" and "United States Congress", "Fla." and
 *    "Florida" do). A place only ever named as a region of it ("northern Italy") is that region.
 * 2. A name group of people splits where roles conflict (a striker and a senator both called John Smith); an
 *    entity without roles joins the side whose documents share the most other entities with its own, and stays
 *    apart when nothing tells the sides apart. A person called by a single name alone ("Novak", "Sam") joins
 *    another document's only when the documents share another entity. Groups of other classes split by facets
 *    (entity-facets.ts: editions, city or region, country, one of many, recurring events).
 * 3. Name groups then join through evidence that names one target only: an alias or acronym a document introduced
 *    for a full name ("FSB"), unless it names what the entity belongs to ("United Nations" of "Charter of the
 *    United Nations"), is a given name, or names one of many ("the Court"); a bare surname of exactly one
 *    full-name person, or the initials of exactly one multi-word organisation — these, and a person's short name,
 *    only when the documents share another entity and are not about different countries; a bare generic
 *    institution in documents about one country and that country's institution named in full.
 *
 * Ids are readable and stable: `person:vladimir-putin`, taken from the first linked name and kept by
 * `assignIds` across recomputations (a later merge keeps the older id and lists the other as a former id).
 */
import type { EntityType } from '../model/format.js';
import { COUNTRY_BY_NAME, lookupGeo } from '../lexicon/geo.js';
import { HONORIFICS, roleHeadOf } from '../lexicon/titles.js';
import type { DocDigest, EntityDigest } from './record.js';
import { fold } from './text.js';

export type TypeClass = 'person' | 'org' | 'place' | 'group' | 'event' | 'product' | 'work' | 'other';

const CLASS_OF: Record<EntityType, TypeClass> = {
  PERSON: 'person', ORG: 'org', GPE: 'place', LOC: 'place', FAC: 'place', NORP: 'group', EVENT: 'event',
  PRODUCT: 'product', WORK: 'work', OTHER: 'other',
};

export function typeClass(t: EntityType): TypeClass { return CLASS_OF[t]; }

/** One document entity as the linker sees it. */
export interface EntityRef {
  doc: number;
  entity: EntityDigest;
}

export interface EntityLink {
  doc: number;
  docId: string;
  entityId: string;
  name: string;
  /** Why this document entity belongs to the corpus entity. */
  reason: string;
}

export interface CorpusEntity {
  id: string;
  /** Earlier ids of entities that were merged into this one. */
  formerIds: string[];
  name: string;
  type: EntityType;
  typeClass: TypeClass;
  aliases: string[];
  /** Roles with the document (and so the date) that states them. */
  roles: { role: string; doc: number }[];
  links: EntityLink[];
  /** Name groups this entity was kept apart from, and why. */
  keptApart: string[];
}

/**
 * Coarse domains of role words, to tell two people of one name apart: general knowledge, deliberately broad so
 * that a career move inside one domain (minister → prime minister) is not a conflict.
 */
const ROLE_DOMAINS: Record<string, string[]> = {
  politics: ['president', 'minister', 'senator', 'governor', 'mayor', 'ambassador', 'diplomat', 'chancellor',
    'premier', 'congressman', 'congresswoman', 'lawmaker', 'legislator', 'mp', 'politician', 'spokesman',
    'spokeswoman', 'spokesperson', 'secretary', 'representative', 'councillor', 'councilor', 'candidate',
    'leader', 'envoy', 'king', 'queen', 'prince', 'princess', 'emperor', 'monarch', 'dictator', 'delegate',
    'commissioner', 'official', 'speaker', 'chairman', 'chairwoman', 'deputy', 'prime'],
  military: ['general', 'colonel', 'major', 'lieutenant', 'sergeant', 'soldier', 'commander', 'admiral',
    'captain', 'marine', 'officer', 'veteran', 'pilot'],
  sport: ['player', 'striker', 'goalkeeper', 'midfielder', 'defender', 'footballer', 'coach', 'athlete',
    'cyclist', 'runner', 'swimmer', 'boxer', 'champion', 'referee', 'quarterback', 'pitcher', 'tennis', 'golfer',
    'driver', 'skier', 'wrestler', 'batsman', 'bowler', 'forward', 'winger', 'manager', 'olympian'],
  arts: ['actor', 'actress', 'singer', 'musician', 'artist', 'painter', 'writer', 'author', 'novelist', 'poet',
    'composer', 'director', 'filmmaker', 'producer', 'comedian', 'rapper', 'dancer', 'designer', 'photographer',
    'sculptor', 'playwright', 'guitarist', 'drummer', 'band'],
  science: ['scientist', 'professor', 'researcher', 'physicist', 'chemist', 'biologist', 'astronomer',
    'economist', 'historian', 'mathematician', 'engineer', 'doctor', 'physician', 'surgeon', 'epidemiologist',
    'psychologist', 'archaeologist', 'geologist', 'lecturer', 'academic'],
  law: ['judge', 'justice', 'lawyer', 'attorney', 'prosecutor', 'barrister', 'solicitor', 'counsel', 'defendant',
    'suspect', 'magistrate'],
  business: ['ceo', 'executive', 'founder', 'entrepreneur', 'businessman', 'businesswoman', 'investor',
    'banker', 'owner', 'chief', 'cfo', 'president'],
  religion: ['pope', 'bishop', 'archbishop', 'priest', 'imam', 'rabbi', 'cardinal', 'pastor', 'cleric', 'monk',
    'nun', 'reverend'],
  media: ['journalist', 'reporter', 'correspondent', 'editor', 'columnist', 'anchor', 'presenter', 'host',
    'broadcaster', 'blogger', 'commentator'],
  police: ['police', 'detective', 'inspector', 'sheriff', 'constable', 'investigator'],
};
const DOMAINS_OF = new Map<string, string[]>();
for (const [domain, ws] of Object.entries(ROLE_DOMAINS)) {
  for (const w of ws) DOMAINS_OF.set(w, [...(DOMAINS_OF.get(w) ?? []), domain]);
}

/** The domains a set of role phrases points to ("Manchester United striker" → sport). */
export function roleDomains(roles: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const r of roles) {
    for (const w of r.toLowerCase().split(/[^a-z]+/)) {
      const one = w.endsWith('s') && DOMAINS_OF.has(w.slice(0, -1)) ? w.slice(0, -1) : w;
      for (const d of DOMAINS_OF.get(one) ?? []) out.add(d);
    }
  }
  return out;
}

/** Two role sets conflict when both point somewhere and nowhere in common. */
export function rolesConflict(a: readonly string[], b: readonly string[]): boolean {
  const da = roleDomains(a);
  const db = roleDomains(b);
  if (da.size === 0 || db.size === 0) return false;
  for (const d of da) if (db.has(d)) return false;
  return true;
}

const CONNECTORS = new Set(['of', 'the', 'and', 'for', 'de', 'du', 'la', 'le', 'des', 'von', 'van', '&', 'in', 'on', 'at']);

/** The normalised key of a name: folded, lower-cased, without honorifics, a leading "the", dots or possessives. */
export function nameKey(name: string): string {
  let s = fold(name).toLowerCase().replace(/[’']s\b/g, '').replace(/\./g, '');
  s = s.replace(/[^\p{L}\p{N}&]+/gu, ' ').trim();
  const ws = s.split(' ').filter(Boolean);
  while (ws.length > 1 && (ws[0] === 'the' || HONORIFICS.has(ws[0]!))) ws.shift();
  return ws.join(' ');
}

/**
 * Whether an entity is usable across documents: a capitalised name or an acronym. A nationality adjective
 * ("French", "American") is not: across documents it names a language, a people or a government alike, so only
 * plural group nouns ("Americans", "Democrats") link.
 */
export function linkable(e: EntityDigest): boolean {
  if (!/\p{Lu}/u.test(e.name) || nameKey(e.name).length < 2) return false;
  return typeClass(e.type) !== 'group' || /s$/.test(nameKey(e.name));
}

/** Words of titles and forms of address besides role heads and honorifics ("Her Majesty", "Madam Speaker"). */
const TITLE_WORDS = new Set([
  'madam', 'madame', 'mister', 'my', 'his', 'her', 'your', 'majesty', 'highness', 'excellency', 'honour', 'honor',
  'holiness', 'grace', 'prime', 'vice', 'deputy', 'acting', 'chief', 'general', 'of', 'the', 'state', 'foreign',
  'affairs', 'home', 'interior', 'defence', 'defense', 'finance', 'justice', 'health', 'speaker', 'pope', 'king',
  'queen', 'emperor', 'empress', 'prince', 'princess', 'duke', 'duchess', 'lord', 'lady', 'attorney', 'chairman',
  'chairwoman', 'chair', 'mayor', 'governor', 'president', 'minister', 'secretary', 'chancellor',
]);

/**
 * A name made only of a title or form of address ("the President", "Madam Speaker", "Lord", "Secretary of
 * State"): it names whoever holds the title in that document, so it links across no documents.
 */
export function isRoleOnly(name: string): boolean {
  const ws = fold(name).toLowerCase().replace(/[’']s\b/g, '').replace(/\./g, '').split(/[^\p{L}]+/u).filter(Boolean);
  return ws.length > 0 && ws.every((w) => roleHeadOf(w) !== null || HONORIFICS.has(w) || TITLE_WORDS.has(w))
    && ws.some((w) => w !== 'of' && w !== 'the');
}

/** The group key of an entity: its class and name key, with country aliases folded ("U.S." → united states). */
export function groupKey(e: EntityDigest): string {
  const cls = typeClass(e.type);
  const key = nameKey(e.name);
  // "northern Italy" is a region of Italy, not Italy: it links only to other mentions of that region.
  const part = regionPart(e);
  if (part) return `place|${nameKey(`${part} ${e.name}`)}`;
  if (cls === 'place') {
    // AP style's state abbreviations ("Tampa, Fla."): the state's own name.
    // Two letters without the dot are as likely a word or a name ("Pa", "Mo").
    const bare = e.name.replace(/\.$/, '');
    const state = bare.length > 2 || e.name.endsWith('.') ? AP_STATES.get(bare) : undefined;
    if (state) return `place|${nameKey(state)}`;
  }
  if (cls === 'place' || cls === 'org') {
    const geo = lookupGeo(e.name);
    const country = COUNTRY_BY_NAME.get(key) ?? (geo?.kind === 'country' ? geo.country : undefined);
    // A country named as a side in a match is its national team, another entity than the country.
    if (country && e.cues?.includes('team')) return `org|${nameKey(country)} national team`;
    if (country) return `place|${nameKey(country)}`;
  }
  if (cls !== 'person') return `${cls}|${canonicalCountryPrefix(key)}`;
  return `${cls}|${key}`;
}

/**
 * AP style abbreviations of US states, as written (case matters: "Mass." is Massachusetts, "MASS" is not). Left out:
 * those whose expansion is itself ambiguous here ("Ga." Georgia the country too, "Wash." and "N.Y." a city too).
 */
const AP_STATES = new Map(Object.entries({
  Ala: 'Alabama', Ariz: 'Arizona', Ark: 'Arkansas', Calif: 'California', Colo: 'Colorado', Conn: 'Connecticut',
  Del: 'Delaware', Fla: 'Florida', Ill: 'Illinois', Ind: 'Indiana', Kan: 'Kansas', Ky: 'Kentucky', La: 'Louisiana',
  Md: 'Maryland', Mass: 'Massachusetts', Mich: 'Michigan', Minn: 'Minnesota', Miss: 'Mississippi', Mo: 'Missouri',
  Mont: 'Montana', Neb: 'Nebraska', Nev: 'Nevada', 'N.H': 'New Hampshire', 'N.J': 'New Jersey', 'N.M': 'New Mexico',
  'N.C': 'North Carolina', 'N.D': 'North Dakota', Okla: 'Oklahoma', Ore: 'Oregon', Pa: 'Pennsylvania',
  'R.I': 'Rhode Island', 'S.C': 'South Carolina', 'S.D': 'South Dakota', Tenn: 'Tennessee', Vt: 'Vermont',
  Va: 'Virginia', 'W.Va': 'West Virginia', Wis: 'Wisconsin', Wyo: 'Wyoming',
}));

let COUNTRY_KEYS: Map<string, string> | null = null;
/**
 * A name that opens with a country's alias, with the country's own name instead ("us congress" → "united states
 * congress", "uk parliament" → "united kingdom parliament"), so the two spellings of one name meet.
 */
export function canonicalCountryPrefix(key: string): string {
  if (!COUNTRY_KEYS) {
    COUNTRY_KEYS = new Map();
    for (const [alias, country] of COUNTRY_BY_NAME) COUNTRY_KEYS.set(nameKey(alias), nameKey(country));
  }
  const ws = key.split(' ');
  for (let n = Math.min(4, ws.length - 1); n >= 1; n--) {
    const country = COUNTRY_KEYS.get(ws.slice(0, n).join(' '));
    if (country) return [country, ...ws.slice(n)].join(' ');
  }
  return key;
}

/** The compass word of a place only ever named as a region of it ("northern" for "northern Italy"), else null. */
export function regionPart(e: EntityDigest): string | null {
  const cue = (e.cues ?? []).find((c) => c.startsWith('part:'));
  return cue && typeClass(e.type) === 'place' ? cue.slice(5) : null;
}

/** Initials of a multi-word name without connectors ("European Central Bank" → "ecb"). */
export function initials(name: string): string | null {
  const ws = nameKey(name).split(' ').filter((w) => !CONNECTORS.has(w));
  if (ws.length < 2) return null;
  return ws.map((w) => w[0]).join('');
}

/**
 * Whether a name a document used for an entity names something the entity belongs to rather than the entity:
 * the complement of "of" ("United Nations" in "Charter of the United Nations", "Copenhagen" in "University of
 * Copenhagen"), or a place name that opens a longer name of something else ("Texas" in "Texas War for
 * Independence", "Manchester" in "Manchester United"). The in-document stage sometimes lumps such mentions into
 * the longer entity; across documents the short name must not pull in every other entity called so.
 */
export function namesPartOf(alias: string, full: string): boolean {
  const a = nameKey(alias);
  const f = nameKey(full);
  if (!a || a === f || !f.includes(' ')) return false;
  if (f.endsWith(` of ${a}`) || f.endsWith(` of the ${a}`) || f.includes(` of ${a} `) || f.includes(` of the ${a} `)) return true;
  return f.startsWith(`${a} `) && lookupGeo(alias) !== null && lookupGeo(full) === null;
}

const isAcronym = (name: string) => /^[\p{Lu}\d&.]{2,8}$/u.test(name.replace(/\s/g, ''));

export function slug(s: string): string {
  return nameKey(s).replace(/&/g, 'and').replace(/\s+/g, '-') || 'x';
}
