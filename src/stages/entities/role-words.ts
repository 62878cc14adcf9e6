/**
 * The words and tests the role rules share: which nouns name a person, a place or an organisation, whether a
 * description's head fits an entity's type, and how names inside a role phrase are told apart (another person in
 * a list, or one the role relates the entity to: "fiancée of X", "X's son").
 */
import type { Token } from '../../model/document.js';
import type { EntityType } from '../../model/format.js';
import { GENERIC_PERSON_HEADS, ORG_HEADS, roleHeadOf, singular } from '../../lexicon/titles.js';
import { GPE_KEYWORDS, LOC_KEYWORDS } from '../../lexicon/geo.js';
import { type EntityContext, POSSESSIVE_MARKS } from './context.js';

/** Nouns that name the class of a place in "the region of Kursk", "the city of Mariupol". */
export const PLACE_CLASSES = new Set([
  'region', 'city', 'town', 'village', 'province', 'state', 'country', 'island', 'district', 'oblast', 'county',
  'port', 'capital', 'republic', 'kingdom', 'territory', 'municipality', 'enclave', 'settlement', 'area',
]);
/** Entity types that have roles worth recording (not dates, events or works). */
export const ROLE_TYPES = new Set<EntityType>(['PERSON', 'ORG', 'GPE', 'LOC', 'FAC', 'WORK', 'EVENT', 'PRODUCT']);
/** Types whose descriptions are too varied to list ("the 1959 romantic comedy", "an esports tournament"). */
export const OPEN_ROLE_TYPES = new Set<EntityType>(['WORK', 'EVENT', 'PRODUCT']);

export const isNominal = (t: Token) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ' || t.pos === 'NUM';
export const isRoleHead = (t: Token) => roleHeadOf(t.text) !== null;

/** Nouns that name a person by what they do, beyond the title lexicon ("pan-democrat", "goalkeeper", "novelist"). */
export const PERSON_NOUN = /(?:er|or|ist|ian|ant|ent|crat|man|woman|person)$/;
export const isPlural = (t: Token) => singular(t.lower) !== t.lower;

/** Person nouns outside the title lexicon and the -er/-ist/-ian pattern. */
export const PERSON_WORDS = new Set([
  'scholar', 'aide', 'lady', 'icon', 'legend', 'figure', 'heir', 'citizen', 'resident', 'native', 'graduate',
  'student', 'veteran', 'colleague', 'friend', 'ally', 'rival', 'star', 'senior', 'guru', 'mogul', 'tycoon',
  'celebrity', 'personality', 'socialite', 'hero', 'pioneer', 'chief', 'head', 'envoy', 'nominee', 'candidate',
  'nurse', 'chef', 'cook', 'model', 'pupil', 'monk', 'nun', 'guard', 'volunteer', 'fan', 'owner', 'survivor',
  'refugee', 'migrant', 'immigrant', 'pilgrim', 'tourist', 'actress', 'prisoner', 'hostage', 'detainee', 'inmate',
  'suspect', 'victim', 'cosplayer', 'blogger', 'poster', 'character', 'guest', 'newcomer', 'localist', 'motorcyclist',
  'cyclist', 'scientist', 'artist', 'musician', 'singer', 'actor', 'illustrator', 'photographer', 'spokesperson',
  // Nationals, relations and trades the suffix test misses ("a Saudi national", "fiancée of X", "a homeopath").
  'national', 'fiancée', 'fiancee', 'fiancé', 'fiance', 'partner', 'spouse', 'homeopath', 'psychopath', 'osteopath',
  'critic', 'cleric', 'medic', 'astronaut', 'expert', 'official', 'representative', 'delegate', 'deity', 'god',
  'goddess', 'saint', 'prophet', 'source', 'witness', 'gunman', 'activist', 'attorney', 'councillor', 'independent',
  'whip', 'chair', 'constable', 'commissioner', 'rapporteur', 'envoy', 'ruler', 'monarch', 'queen', 'king', 'prince',
  'princess', 'cardinal', 'archbishop', 'bishop', 'pope', 'imam', 'rabbi', 'pastor', 'priest',
]);
/** Letters after a name that are a rank or an honour ("Mark Tedeschi, QC,"; "Jane Roe, MP,"). */
export const POSTNOMINALS = new Set(['QC', 'KC', 'SC', 'MP', 'MEP', 'MSP', 'MLA', 'OBE', 'MBE', 'CBE', 'KBE', 'DBE', 'PhD', 'MD']);
/** Kinds of place a GPE or LOC can be described as ("a Danish island", "his home state"). */
export const PLACE_WORDS = new Set([
  ...PLACE_CLASSES, ...LOC_KEYWORDS, ...GPE_KEYWORDS, 'nation', 'homeland', 'neighbour', 'neighbor', 'superpower',
  'power', 'hub', 'stronghold', 'birthplace', 'home', 'hometown', 'resort', 'archipelago', 'exclave', 'metropolis', 'suburb', 'neighbourhood', 'neighborhood', 'community', 'site', 'destination',
]);
/** Kinds of organisation an ORG can be described as ("the nation's largest coal company"). */
export const ORG_WORDS: ReadonlySet<string> = new Set([
  ...ORG_HEADS.keys(), ...[...ORG_HEADS.values()].flat(), 'publication', 'magazine', 'tabloid', 'website', 'site',
  'station', 'channel', 'body', 'watchdog', 'regulator', 'charity', 'nonprofit', 'non-profit', 'think-tank',
  'laboratory', 'lab', 'conglomerate', 'insurer', 'lender', 'contractor', 'supplier', 'brand', 'chain', 'label',
  'studio', 'publisher', 'service', 'coalition', 'faction', 'movement', 'wing', 'branch', 'unit', 'division',
  'subsidiary', 'affiliate', 'bureau', 'institution', 'institute', 'center', 'centre', 'foundation', 'fund',
  'trust', 'society', 'association', 'federation', 'league', 'cartel', 'gang', 'network', 'platform', 'app',
  'denomination', 'sect', 'order', 'band', 'orchestra', 'choir', 'ensemble', 'squad', 'side', 'force', 'militia',
  'broadcaster', 'newspaper', 'newsgroup', 'forum', 'board', 'court', 'team', 'club', 'group', 'agency',
]);

/** Whether a noun names a person: a title, a kin or life-stage word, or an agent noun ("nurse", "novelist"). */
export function isPersonHead(head: Token): boolean {
  const w = singular(head.lower);
  return roleHeadOf(head.text) !== null || GENERIC_PERSON_HEADS.has(w) || KIN_NOUNS.has(w) || PERSON_WORDS.has(w)
    || PERSON_NOUN.test(w);
}

/**
 * Whether a role whose head noun is `head` can describe the entity of mention `mi` ("island" a place, "nurse" a
 * person). A person noun may also describe a name the NER typed otherwise, when nothing places it in a
 * preposition ("their child, Gloria," but not "in Tulsa, an unarmed man"): `retypeByRole` then makes it a person.
 */
export function headFits(ctx: EntityContext, mi: number, head: Token): boolean {
  const m = ctx.doc.mentions[mi]!;
  const w = singular(head.lower);
  if (m.type === 'PERSON') return isPersonHead(head);
  if (OPEN_ROLE_TYPES.has(m.type)) return !isPersonHead(head) && !PLACE_WORDS.has(w);
  if (kindFits(m.type, w)) return true;
  const prev = ctx.doc.tokens[m.tokenStart - 1];
  return isPersonHead(head) && ctx.facts[m.entity]!.country === null && prev?.pos !== 'ADP';
}

/** Whether a (singular) noun names the kind of thing a place or organisation is ("island", "broadcaster"). */
export function kindFits(type: EntityType, w: string): boolean {
  return type === 'GPE' || type === 'LOC' ? PLACE_WORDS.has(w) : type === 'ORG' ? ORG_WORDS.has(w) : true;
}

/** The head of an appositive phrase: its last common noun before any preposition ("head" in "head of the agency"). */
export function phraseHead(ctx: EntityContext, ts: number, te: number, self: number): Token | null {
  let head: Token | null = null;
  for (let i = ts; i < te && ctx.doc.tokens[i]!.pos !== 'ADP'; i++) {
    if (otherName(ctx, i, self) >= 0) continue;
    const tok = ctx.doc.tokens[i]!;
    if (tok.pos === 'NOUN' || mistaggedPersonNoun(tok)) head = tok;
  }
  return head;
}

/**
 * A person noun the tagger read as something else: a capitalised title ("the Speaker of the House" as PROPN) or
 * a lower-case person word read as an adjective or a name ("a Saudi national", "fiancée of X").
 */
export function mistaggedPersonNoun(tok: Token): boolean {
  if (tok.pos === 'PROPN' && (isRoleHead(tok) || (/^[A-Z][a-z]+$/.test(tok.text) && PERSON_WORDS.has(tok.lower)))) return true;
  return (tok.pos === 'ADJ' || tok.pos === 'PROPN' || tok.pos === 'VERB') && /^[a-zà-ÿ-]+$/.test(tok.text)
    && PERSON_WORDS.has(singular(tok.lower));
}

/** A participle or adjective used attributively inside a noun phrase ("a practising homeopath", "the acting head"). */
export function attributive(ctx: EntityContext, t: number): boolean {
  const next = ctx.doc.tokens[t + 1];
  return next !== undefined && (next.pos === 'NOUN' || next.pos === 'ADJ') && /^[a-z-]+$/.test(ctx.doc.tokens[t]!.text);
}

/**
 * Another person named inside a role is allowed when the role relates the entity to them ("fiancée of journalist
 * X", "Day's son"): the name is a possessor, or an "of"/"to"/"for" complement after a head noun.
 */
export function relatedPerson(ctx: EntityContext, mi: number): boolean {
  const { doc } = ctx;
  const m = doc.mentions[mi]!;
  if (POSSESSIVE_MARKS.has(doc.tokens[m.tokenEnd]?.text ?? '')) return true;
  for (let t = m.tokenStart - 1, n = 0; t >= 0 && n < 4; t--, n++) {
    const tok = doc.tokens[t]!;
    if (tok.lower === 'of' || tok.lower === 'to' || tok.lower === 'for') return t > 0 && doc.tokens[t - 1]!.pos !== 'PUNCT';
    if (!/^[a-z-]+$/.test(tok.text)) return false;
  }
  return false;
}

/** A word joined to its neighbour by a hyphen ("state-owned", "Yemen-based"), whatever its part of speech. */
export function inCompound(ctx: EntityContext, t: number): boolean {
  const { tokens } = ctx.doc;
  const joined = (a: number, b: number) => tokens[a] !== undefined && tokens[b] !== undefined && tokens[a]!.end === tokens[b]!.start;
  return (tokens[t - 1]?.text === '-' && joined(t - 1, t)) || (tokens[t + 1]?.text === '-' && joined(t, t + 1));
}

/** A role never contains another person's name ("FTU's Alice Mak and ... Junius Ho" is a list, not a title). */
export function holdsPerson(ctx: EntityContext, ts: number, te: number, self: number, related = false): boolean {
  for (let t = ts; t < te; t++) {
    const other = otherName(ctx, t, self);
    if (other >= 0 && ctx.doc.mentions[other]!.type === 'PERSON' && !(related && relatedPerson(ctx, other))) return true;
  }
  return false;
}

/** Tokens of a name mention other than `self` covering token `t`, as the mention index, or -1. */
export function otherName(ctx: EntityContext, t: number, self: number): number {
  const mi = ctx.nameAt[t] ?? -1;
  return mi === self ? -1 : mi;
}

/** Nouns that only ever describe people, beyond titles: kin and life stages ("their nine-month-old child, X"). */
export const KIN_NOUNS: ReadonlySet<string> = new Set([
  'child', 'baby', 'daughter', 'son', 'wife', 'husband', 'mother', 'father', 'sister', 'brother', 'grandmother',
  'grandfather', 'widow', 'widower', 'toddler', 'infant', 'niece', 'nephew', 'cousin', 'aunt', 'uncle',
]);
