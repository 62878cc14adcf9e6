/**
 * CoNLL types → claimline types (documented in models/ner/MODEL_CARD.md):
 * - PER → PERSON; ORG → ORG, or FAC when the name's head is a facility word ("Sheremetyevo Airport").
 * - LOC → GPE for polities (countries, capitals, states, cities: the default, as most news LOC names are), LOC for
 *   continents, named regions and geographic features (a LOC keyword head: "Sea of Japan"; or a context cue:
 *   "the border region of Kursk", "Kursk region"), FAC for facilities (head word, or apposition to a facility noun:
 *   "the rest center, Songdowon,").
 * - MISC → NORP for nationalities, religions and political groups ("Russian", "North Koreans", "Democrats"),
 *   EVENT for wars, games, tournaments and summits, PRODUCT for model names with a number ("Boeing 747"),
 *   OTHER for the rest.
 */
import type { EntityType } from '../../../model/format.js';
import { GPE_KEYWORDS, LOC_KEYWORDS, lookupGeo } from '../../../lexicon/geo.js';
import type { ConllType } from './features.js';

export const FAC_HEADS: ReadonlySet<string> = new Set([
  'airport', 'stadium', 'arena', 'bridge', 'square', 'street', 'avenue', 'road', 'highway', 'hospital', 'clinic',
  'palace', 'center', 'centre', 'prison', 'jail', 'base', 'station', 'tower', 'towers', 'hotel', 'church',
  'cathedral', 'mosque', 'temple', 'synagogue', 'museum', 'plant', 'dam', 'port', 'harbour', 'harbor', 'building',
  'camp', 'sanatorium', 'school', 'academy', 'park', 'canal', 'tunnel', 'embassy', 'reactor', 'complex', 'mall',
]);

/**
 * Facility heads that make a name the tagger called an organisation a facility ("Sheremetyevo Airport"). Narrower
 * than FAC_HEADS: a club, a school, a hospital or a royal household is an organisation under a name ending in
 * "Park", "Palace", "School" or "Hospital" ("Crystal Palace", "Queens Park Rangers").
 */
const BUILT_HEADS = new Set([
  'airport', 'stadium', 'arena', 'bridge', 'tunnel', 'dam', 'canal', 'highway', 'road', 'street', 'avenue', 'square',
  'tower', 'towers', 'prison', 'jail', 'base', 'station', 'reactor', 'port', 'harbour', 'harbor', 'building', 'mall',
]);

/** Facility nouns that, set in apposition before a name ("the rest center, Songdowon,"), make it a facility. */
const FAC_NOUNS = new Set([...FAC_HEADS, 'resort', 'facility', 'compound', 'factory', 'site', 'shipyard', 'airbase',
  'airfield', 'mine', 'refinery', 'cemetery', 'monument', 'memorial', 'venue', 'sanatoriums', 'hospitals']);

export const NORP_WORDS: ReadonlySet<string> = new Set([
  'muslim', 'muslims', 'christian', 'christians', 'jew', 'jews', 'jewish', 'catholic', 'catholics', 'protestant',
  'protestants', 'orthodox', 'hindu', 'hindus', 'buddhist', 'buddhists', 'sikh', 'sikhs', 'sunni', 'sunnis', 'shia',
  'shiite', 'shiites', 'islamic', 'islamist', 'islamists', 'evangelical', 'evangelicals', 'democrat', 'democrats',
  'democratic', 'republican', 'republicans', 'communist', 'communists', 'socialist', 'socialists', 'conservative',
  'conservatives', 'liberal', 'liberals', 'labour', 'tory', 'tories', 'zionist', 'zionists', 'nazi', 'nazis',
  'bolshevik', 'bolsheviks', 'kurd', 'kurds', 'kurdish', 'arab', 'arabs', 'arabic', 'latino', 'latinos', 'hispanic',
  'western', 'soviet', 'european', 'europeans', 'african', 'africans', 'asian', 'asians', 'slavic', 'baltic',
]);

export const EVENT_WORDS: ReadonlySet<string> = new Set([
  'war', 'cup', 'games', 'olympics', 'olympic', 'championship', 'championships', 'open', 'festival', 'summit',
  'conference', 'election', 'elections', 'revolution', 'crisis', 'prix', 'tour', 'series', 'derby', 'expo',
  'massacre', 'uprising', 'offensive', 'battle', 'marathon', 'tournament', 'trophy', 'rally', 'forum', 'holocaust',
  'intifada', 'spring',
]);

/** Adjectival / plural endings of nationality words ("Ukrainian", "Pakistanis", "Chinese", "Israeli"). */
const DEMONYM_SHAPE = /^(?:[A-Z][a-z]+[- ])?[A-Z][a-z]+(?:ians?|ans?|ese|ish|is?)$/;

/** Heads of natural features, strong enough to override the tagger's type: "the Sea of Japan", "Amur River". */
export const FEATURE_HEADS: ReadonlySet<string> = new Set([
  'sea', 'ocean', 'gulf', 'bay', 'strait', 'straits', 'lake', 'river', 'mountain', 'mountains', 'mount',
  'peninsula', 'island', 'islands', 'desert', 'valley', 'canyon', 'glacier',
]);

/** Nouns that, set right before a name ("the Russian newspaper Rossiyskaya Gazeta"), make it an organisation. */
const ORG_NOUNS = new Set([
  'newspaper', 'daily', 'weekly', 'magazine', 'broadcaster', 'agency', 'company', 'firm', 'group', 'party', 'bank',
  'carrier', 'airline', 'insurer', 'lender', 'retailer', 'automaker', 'carmaker', 'manufacturer', 'club', 'team',
  'outlet', 'channel', 'network', 'tabloid', 'publisher', 'union', 'organisation', 'organization',
  'movement', 'militia', 'ministry', 'conglomerate', 'giant', 'operator', 'producer', 'maker', 'brokerage',
]);

/** Nouns that, set right before a name, make it a work ("the romantic comedy Pillow Talk", "graphic novel X"). */
const WORK_NOUNS = new Set([
  'film', 'movie', 'comedy', 'drama', 'thriller', 'documentary', 'novel', 'memoir', 'book', 'song', 'album', 'single',
  'sitcom', 'opera', 'musical', 'poem', 'painting', 'game', 'videogame', 'franchise', 'podcast', 'anthem', 'hymn',
]);
/** Nouns that, set right before a name, make it a product ("the browser Firefox", "the cruise ship Freewinds"). */
const PRODUCT_NOUNS = new Set([
  'browser', 'headset', 'smartphone', 'phone', 'console', 'laptop', 'tablet', 'car', 'sedan', 'aircraft', 'airliner',
  'jet', 'drone', 'rifle', 'missile', 'ship', 'vessel', 'tanker', 'yacht', 'ferry', 'submarine', 'satellite', 'rocket',
]);

/** Head words of organisations' names ("Chamber", "Conference", "Association"). */
export const ORG_NAME_HEADS: ReadonlySet<string> = new Set([
  'chamber', 'conference', 'council', 'association', 'federation', 'confederation', 'union', 'party', 'league',
  'congress', 'assembly', 'committee', 'commission', 'ministry', 'agency', 'bank', 'institute', 'foundation',
  'society', 'church', 'academy', 'university', 'army', 'front', 'movement', 'alliance', 'organisation',
  'organization', 'corporation', 'company', 'court', 'parliament', 'board', 'authority', 'office', 'service', 'club',
  'synod', 'guild', 'cooperative', 'commerce', 'industry', 'industries',
]);

/**
 * Heads that make any multi-word name an organisation, whatever the tagger's type ("Humane Society" read as a
 * person, "World Heritage Committee" as a miscellaneous name, "Malaysia Tourism Board" as a place). Narrower than
 * ORG_NAME_HEADS: "Conference" may be an event, "Union" a state ("Soviet Union"), "Court" or "Office" a building.
 */
export const STRONG_ORG_HEADS: ReadonlySet<string> = new Set([
  'council', 'association', 'federation', 'confederation', 'party', 'committee', 'commission', 'ministry', 'agency',
  'institute', 'foundation', 'society', 'organisation', 'organization', 'corporation', 'company', 'board',
  'authority', 'archive', 'archives', 'trust', 'fund', 'synod', 'guild', 'cooperative',
  // Newspaper heads ("Saudi Gazette", read as a place by its first word).
  'gazette', 'tribune', 'herald', 'journal', 'chronicle', 'telegraph',
]);

/**
 * Heads that make any multi-word name an event, whatever the tagger's type ("Taipei Lantern Festival" read as an
 * organisation, "Northern Arena Esports Championship" as one). Narrower than EVENT_WORDS: "Open", "Tour", "Series"
 * or "Forum" end company and venue names as often.
 */
const STRONG_EVENT_HEADS: ReadonlySet<string> = new Set([
  'festival', 'championship', 'championships', 'olympics', 'expo', 'marathon', 'tournament', 'stampede', 'uprising',
]);

/** Words that open the name of a storm ("Hurricane Katrina", "Typhoon Haiyan"): an event. */
export const STORM_PREFIXES: ReadonlySet<string> = new Set(['hurricane', 'typhoon', 'cyclone', 'storm']);
/** Words that open the name of a craft ("Space Shuttle Discovery", "USS Cole", "HMS Victory"): a product. */
export const CRAFT_PREFIXES: ReadonlySet<string> = new Set(['shuttle', 'uss', 'hms', 'rms', 'mv', 'ins', 'hmas', 'hmcs']);

const CRAFT_BODIES = new Set(['program', 'programme', 'project', 'fleet', 'mission', 'missions', 'crew']);

/** Religions and faiths, a group of believers rather than a place or body ("Islam", "Wicca"). */
const RELIGIONS = new Set(['islam', 'christianity', 'judaism', 'hinduism', 'buddhism', 'sikhism', 'jainism', 'taoism',
  'shinto', 'zoroastrianism', 'wicca', 'paganism', 'catholicism', 'protestantism', 'mormonism']);
/** Religious observances and pilgrimages: events ("the Hajj", "Ramadan", "Diwali"). */
const OBSERVANCES = new Set(['hajj', 'umrah', 'ramadan', 'eid', 'diwali', 'hanukkah', 'passover', 'yom kippur',
  'rosh hashanah', 'easter', 'lent', 'christmas', 'holi', 'vesak']);

/** A name opened by a storm or craft word, or ended by an event head: an event or a product whatever the tagger read. */
function eventOrCraft(ctx: NameContext): EntityType | null {
  if (ctx.end - ctx.start < 2) return null;
  const first = lower(ctx, ctx.start);
  if (STORM_PREFIXES.has(first)) return 'EVENT';
  // "the Space Shuttle Program" is the body that flies them.
  if (CRAFT_BODIES.has(lower(ctx, ctx.end - 1))) return null;
  if (CRAFT_PREFIXES.has(first) || (first === 'space' && lower(ctx, ctx.start + 1) === 'shuttle')) return 'PRODUCT';
  if (STRONG_EVENT_HEADS.has(lower(ctx, ctx.end - 1))) return 'EVENT';
  // "Fan Expo Canada", "Lantern Festival 2020": an event head followed by where or when it is held.
  for (let i = ctx.start + 1; i < ctx.end - 1; i++) {
    if (!STRONG_EVENT_HEADS.has(lower(ctx, i))) continue;
    const rest = ctx.words.slice(i + 1, ctx.end);
    if (rest.every((w) => /^\d{4}$/.test(w)) || lookupGeo(rest.join(' ')) !== null) return 'EVENT';
  }
  return null;
}

/** Whether a name of two or more words ends in an organisation head ("... Foundation", "... Tourism Board"). */
function hasOrgHead(ctx: NameContext): boolean {
  return ctx.end - ctx.start > 1 && STRONG_ORG_HEADS.has(lower(ctx, ctx.end - 1));
}

/**
 * Built places named by their head ("Fisht Stadium", "Grand Mosque", "Metro Convention Centre"), which the tagger
 * often reads as a person or a miscellaneous name. A centre is a place only with a word that makes it a building
 * ("convention centre", "space center"); "Pew Research Center" is an organisation.
 */
const PLACE_OF_WORSHIP_AND_STAY = new Set(['hotel', 'mosque', 'cathedral', 'temple', 'synagogue', 'palace', 'manor', 'castle', 'hall']);
const BUILDING_CENTRES = new Set(['convention', 'space', 'visitor', 'visitors', 'shopping', 'exhibition', 'trade', 'sports', 'leisure']);

function isBuiltPlace(ctx: NameContext, type: ConllType): boolean {
  if (ctx.end - ctx.start < 2) return false;
  const head = lower(ctx, ctx.end - 1);
  // A club is named after its ground as often as not ("Crystal Palace").
  if (BUILT_HEADS.has(head) || (PLACE_OF_WORSHIP_AND_STAY.has(head) && !(type === 'ORG' && head === 'palace'))) return true;
  return (head === 'center' || head === 'centre') && BUILDING_CENTRES.has(lower(ctx, ctx.end - 2));
}

/** Token view the mapper needs: the words of the document and a name's token range. */
export interface NameContext {
  words: readonly string[];
  start: number;
  end: number;
}

const lower = (ctx: NameContext, i: number): string => (i >= 0 && i < ctx.words.length ? ctx.words[i]!.toLowerCase() : '');

function locOrGpe(ctx: NameContext, name: string): EntityType {
  const words = ctx.words.slice(ctx.start, ctx.end).map((w) => w.toLowerCase());
  const head = words[words.length - 1]!;
  const geo = lookupGeo(name);
  if (geo) return geo.kind === 'continent' || geo.kind === 'region' ? 'LOC' : 'GPE';
  if (FAC_HEADS.has(head)) return 'FAC';
  if (LOC_KEYWORDS.has(head) || (words.length > 1 && LOC_KEYWORDS.has(words[0]!))) return 'LOC';
  if (GPE_KEYWORDS.has(head)) return 'GPE';
  // Context: "Kursk region", "the region of Kursk" → a region; "Kursk province", "the city of Kursk" → a polity.
  const next = lower(ctx, ctx.end);
  const of = lower(ctx, ctx.start - 1) === 'of' ? lower(ctx, ctx.start - 2) : '';
  if (LOC_KEYWORDS.has(next) || LOC_KEYWORDS.has(of)) return 'LOC';
  if (GPE_KEYWORDS.has(next) || GPE_KEYWORDS.has(of)) return 'GPE';
  if (inFacilityApposition(ctx)) return 'FAC';
  return 'GPE';
}

/** "..., the children's rest center, Songdowon, ...": the name directly follows "<facility noun> ,". */
function inFacilityApposition(ctx: NameContext): boolean {
  return lower(ctx, ctx.start - 1) === ',' && FAC_NOUNS.has(lower(ctx, ctx.start - 2));
}

/** Electoral areas, polities of their own kind ("the Kowloon West geographical constituency"). */
const ELECTORAL_AREAS = new Set(['constituency', 'constituencies', 'riding', 'ward', 'electorate']);

/**
 * A polity class after a name of two or more words, over up to two lower-case adjectives ("Kowloon West
 * geographical constituency", "Sha Tin district"): GPE, else null.
 */
function placeClassAfter(ctx: NameContext): EntityType | null {
  // One-word miscellaneous names before a class noun are mostly adjectives ("Basque region", "Islamic state").
  if (ctx.end - ctx.start < 2) return null;
  for (let i = ctx.end; i < ctx.end + 3 && i < ctx.words.length; i++) {
    const w = ctx.words[i]!;
    if (!/^[a-z-]+$/.test(w)) return null;
    if (GPE_KEYWORDS.has(w) || ELECTORAL_AREAS.has(w)) return 'GPE';
  }
  return null;
}

function miscType(ctx: NameContext, name: string): EntityType {
  const words = ctx.words.slice(ctx.start, ctx.end).map((w) => w.toLowerCase());
  const geo = lookupGeo(name);
  if (geo?.kind === 'demonym') return 'NORP';
  const place = placeClassAfter(ctx);
  if (place) return place;
  if (words.some((w) => EVENT_WORDS.has(w))) return 'EVENT';
  if (words.every((w) => NORP_WORDS.has(w) || lookupGeo(w)?.kind === 'demonym')) return 'NORP';
  if (words.length <= 2 && DEMONYM_SHAPE.test(name)) return 'NORP';
  if (/^pro-|^anti-/i.test(name) || /-(?:american|russian|western|israeli|european)$/i.test(name)) return 'NORP';
  if (words.length > 1 && words.some((w) => /\d/.test(w))) return 'PRODUCT';
  return 'OTHER';
}

/** "Sea of Japan", "Gulf of Aden", "Yalu River": a natural feature whatever the tagger's type. */
function isNaturalFeature(ctx: NameContext): boolean {
  if (ctx.end - ctx.start < 2) return false;
  const firstWord = lower(ctx, ctx.start);
  return (FEATURE_HEADS.has(firstWord) && lower(ctx, ctx.start + 1) === 'of') || FEATURE_HEADS.has(lower(ctx, ctx.end - 1));
}

export function claimlineType(type: ConllType, ctx: NameContext): EntityType {
  const name = ctx.words.slice(ctx.start, ctx.end).join(' ');
  if (type !== 'PER' && isNaturalFeature(ctx)) return 'LOC';
  const lowerName = name.toLowerCase();
  if (RELIGIONS.has(lowerName)) return 'NORP';
  if (OBSERVANCES.has(lowerName) && type !== 'PER') return 'EVENT';
  const special = eventOrCraft(ctx);
  if (special) return special;
  // A nationality word is never a place or a person, whatever the tagger made of it ("North Koreans").
  if (lookupGeo(name)?.kind === 'demonym') return 'NORP';
  if (type !== 'ORG' && type !== 'MISC' && ORG_NOUNS.has(lower(ctx, ctx.start - 1))) return 'ORG';
  // "the 1959 romantic comedy Pillow Talk", "graphic novel Angel Catbird", "the cruise ship Freewinds".
  const kindBefore = lower(ctx, ctx.start - 1);
  if (lookupGeo(name) === null && WORK_NOUNS.has(kindBefore)) return 'WORK';
  if (lookupGeo(name) === null && PRODUCT_NOUNS.has(kindBefore)) return 'PRODUCT';
  if (lookupGeo(name) === null && hasOrgHead(ctx)) return 'ORG';
  if (type !== 'LOC' && isBuiltPlace(ctx, type)) return 'FAC';
  switch (type) {
    case 'PER': return 'PERSON';
    case 'ORG': return 'ORG';
    case 'LOC': return locOrGpe(ctx, name);
    case 'MISC': return miscType(ctx, name);
  }
}
