/**
 * Roles and titles of named entities, each with its evidence span:
 *  - a title before a person's name: "Russian Ambassador to North Korea Alexandr Matsegora", "former President X";
 *  - a description before any name: "the Russian newspaper Rossiyskaya Gazeta" → "Russian newspaper";
 *  - an appositive after: "Hugh Hill, a doctor," / "X, the head of Y," / "X, Russia's ambassador to Y,";
 *  - an appositive before: "North Korea's best children's rest center, Songdowon,";
 *  - a class noun with "of": "the Russian border region of Kursk" → "Russian border region".
 * The name mention keeps its own span; roles never widen it. Leading articles are left out of role text.
 */
import type { Doc, Token } from '../../model/document.js';
import { HONORIFICS, ROLE_HEADS, singular } from '../../lexicon/titles.js';
import { addRole, DETERMINERS, type EntityContext, isBoundary, POSSESSIVE_MARKS } from './context.js';

/** Words that join the parts of a title ("Secretary of State", "Minister for Foreign Affairs"). */
const TITLE_LINKS = new Set(['of', 'to', 'for', 'and', '&', 'at', 'in']);
/** Words that may start a title although they are not nouns ("former President", "acting Director"). */
const TITLE_MODIFIERS = new Set([
  'former', 'acting', 'deputy', 'vice', 'chief', 'senior', 'interim', 'then', 'outgoing', 'incoming', 'late',
  'first', 'top', 'general', 'foreign', 'prime', 'retired', 'current', 'assistant', 'associate', 'executive',
  'managing', 'special', 'permanent', 'lead', 'principal', 'head', 'defence', 'defense',
]);
/** Calendar words tagged PROPN that must never be read as part of a title ("On Tuesday President X"). */
const CALENDAR = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'today', 'yesterday',
  'tomorrow',
]);
/** Nouns that name the class of a place in "the region of Kursk", "the city of Mariupol". */
const PLACE_CLASSES = new Set([
  'region', 'city', 'town', 'village', 'province', 'state', 'country', 'island', 'district', 'oblast', 'county',
  'port', 'capital', 'republic', 'kingdom', 'territory', 'municipality', 'enclave', 'settlement', 'area',
]);
/** Words that open a relative or participial clause and so end an appositive. */
const CLAUSE_OPENERS = new Set(['who', 'which', 'that', 'whose', 'whom', 'where', 'when', 'said', 'says']);
const POSSESSIVE_PRONOUNS = new Set(['its', 'his', 'her', 'their', 'our', 'my', 'your']);
const MAX_ROLE_TOKENS = 14;

const isNominal = (t: Token) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ' || t.pos === 'NUM';
const isRoleHead = (t: Token) => ROLE_HEADS.has(singular(t.lower));

/** Tokens of a name mention other than `self` covering token `t`, as the mention index, or -1. */
function otherName(ctx: EntityContext, t: number, self: number): number {
  const mi = ctx.nameAt[t] ?? -1;
  return mi === self ? -1 : mi;
}

/**
 * The title or description directly before a name, as a token range, or null. Scans left over title material
 * (nouns, adjectives, place and organisation names, "of"/"to" links) and keeps it when it holds a role head
 * (persons) or is introduced by an article and ends in a common noun (any entity: "the Russian newspaper X").
 */
function roleBefore(ctx: EntityContext, mi: number): [number, number] | null {
  const { doc } = ctx;
  const m = doc.mentions[mi]!;
  const sentStart = doc.sentences[doc.tokens[m.tokenStart]!.sentence]!.tokenStart;
  let t = m.tokenStart - 1;
  if (t >= sentStart && HONORIFICS.has(doc.tokens[t]!.lower)) return null; // "Mr. X": an honorific, not a role
  const end = t + 1;
  while (t >= sentStart && end - t <= MAX_ROLE_TOKENS) {
    const tok = doc.tokens[t]!;
    const other = otherName(ctx, t, mi);
    if (other >= 0) {
      if (doc.mentions[other]!.type === 'PERSON') break; // a list of people, not a title
      t = doc.mentions[other]!.tokenStart - 1;
      continue;
    }
    if (CALENDAR.has(tok.lower)) break;
    if (isNominal(tok) || TITLE_LINKS.has(tok.lower) || POSSESSIVE_MARKS.has(tok.text) || tok.text === '-') {
      t--;
      continue;
    }
    break;
  }
  let start = t + 1;
  // Trim what cannot open a title: links and possessive marks left dangling at the edge.
  while (start < end && (TITLE_LINKS.has(doc.tokens[start]!.lower) || POSSESSIVE_MARKS.has(doc.tokens[start]!.text))) {
    start++;
  }
  if (start >= end) return null;
  const last = doc.tokens[end - 1]!;
  if (TITLE_LINKS.has(last.lower) || last.pos === 'ADJ' || last.pos === 'NUM') return null;
  const article = start - 1 >= sentStart ? doc.tokens[start - 1]! : undefined;
  let hasHead = false;
  for (let i = start; i < end; i++) if (isRoleHead(doc.tokens[i]!) && otherName(ctx, i, mi) < 0) hasHead = true;
  if (m.type === 'PERSON' && hasHead) return [start, end];
  // Without a title word, only an article-introduced common-noun phrase is a description ("the Russian newspaper").
  if (article && DETERMINERS.has(article.lower) && last.pos === 'NOUN' && !TITLE_LINKS.has(last.lower)) {
    return [start, end];
  }
  return null;
}

/**
 * An appositive after a name ("Hugh Hill, a doctor, said"; "X, the head of Y,"): a noun phrase after a comma,
 * ended by punctuation, a verb or a relative pronoun, that does not start with another name (a list).
 */
function appositiveAfter(ctx: EntityContext, mi: number): [number, number] | null {
  const { doc } = ctx;
  const m = doc.mentions[mi]!;
  const sentEnd = doc.sentences[doc.tokens[m.tokenStart]!.sentence]!.tokenEnd;
  let t = m.tokenEnd;
  if (doc.tokens[t]?.text !== ',' || t + 1 >= sentEnd) return null;
  t++;
  // Skip an age ("John Smith, 45, a doctor").
  if (doc.tokens[t]!.pos === 'NUM' && doc.tokens[t + 1]?.text === ',') t += 2;
  const start = t;
  const first = doc.tokens[start];
  if (!first) return null;
  const firstName = otherName(ctx, start, mi);
  const opensWithPossessor = firstName >= 0
    && POSSESSIVE_MARKS.has(doc.tokens[doc.mentions[firstName]!.tokenEnd]?.text ?? '');
  if (firstName >= 0 && !opensWithPossessor) return null;
  if (!(DETERMINERS.has(first.lower) || POSSESSIVE_PRONOUNS.has(first.lower) || opensWithPossessor
    || isRoleHead(first) || TITLE_MODIFIERS.has(first.lower))) return null;
  while (t < sentEnd && t - start < MAX_ROLE_TOKENS) {
    const tok = doc.tokens[t]!;
    if (isBoundary(tok) || tok.pos === 'VERB' || tok.pos === 'AUX' || CLAUSE_OPENERS.has(tok.lower)) break;
    t++;
  }
  if (t - start >= MAX_ROLE_TOKENS) return null;
  const end = t;
  if (end <= start) return null;
  let hasNoun = false;
  for (let i = start; i < end; i++) if (doc.tokens[i]!.pos === 'NOUN' && otherName(ctx, i, mi) < 0) hasNoun = true;
  if (!hasNoun) return null;
  return [DETERMINERS.has(first.lower) ? start + 1 : start, end];
}

/**
 * An appositive before a name, set off by commas ("the company's founder, Bill Gates, said"): a noun phrase that
 * opens with an article, a possessive pronoun or a possessive name, and ends in a common noun.
 */
function appositiveBefore(ctx: EntityContext, mi: number): [number, number] | null {
  const { doc } = ctx;
  const m = doc.mentions[mi]!;
  const sentence = doc.sentences[doc.tokens[m.tokenStart]!.sentence]!;
  const comma = m.tokenStart - 1;
  if (doc.tokens[comma]?.text !== ',' || comma <= sentence.tokenStart) return null;
  const closer = doc.tokens[m.tokenEnd];
  if (closer && !isBoundary(closer)) return null;
  const end = comma;
  if (doc.tokens[end - 1]!.pos !== 'NOUN') return null;
  let t = end - 1;
  while (t >= sentence.tokenStart && end - t <= MAX_ROLE_TOKENS) {
    const tok = doc.tokens[t]!;
    const other = otherName(ctx, t, mi);
    if (other >= 0) { t = doc.mentions[other]!.tokenStart - 1; continue; }
    if (isNominal(tok) || POSSESSIVE_MARKS.has(tok.text) || DETERMINERS.has(tok.lower)
      || POSSESSIVE_PRONOUNS.has(tok.lower) || tok.text === '-') { t--; continue; }
    break;
  }
  let start = t + 1;
  const first = doc.tokens[start]!;
  const firstName = otherName(ctx, start, mi);
  const opensWithPossessor = firstName >= 0 && doc.mentions[firstName]!.type !== 'PERSON'
    && POSSESSIVE_MARKS.has(doc.tokens[doc.mentions[firstName]!.tokenEnd]?.text ?? '');
  if (!(DETERMINERS.has(first.lower) || POSSESSIVE_PRONOUNS.has(first.lower) || opensWithPossessor)) return null;
  if (DETERMINERS.has(first.lower)) start++;
  return start < end ? [start, end] : null;
}

/** "the Russian border region of Kursk" → "Russian border region": a place-class noun linked by "of". */
function placeClassBefore(ctx: EntityContext, mi: number): [number, number] | null {
  const { doc } = ctx;
  const m = doc.mentions[mi]!;
  const of = m.tokenStart - 1;
  const head = of - 1;
  if (doc.tokens[of]?.lower !== 'of' || head < 0 || !PLACE_CLASSES.has(doc.tokens[head]!.lower)) return null;
  let t = head - 1;
  while (t >= 0 && (isNominal(doc.tokens[t]!) || doc.tokens[t]!.text === '-')) t--;
  if (!DETERMINERS.has(doc.tokens[t]?.lower ?? '')) return null;
  return [t + 1, head + 1];
}

/** Collects roles for every entity from the context of each of its name mentions. */
export function extractRoles(ctx: EntityContext): void {
  const { doc } = ctx;
  for (let mi = 0; mi < doc.mentions.length; mi++) {
    const m = doc.mentions[mi]!;
    if (m.kind !== 'name' && m.kind !== 'acronym') continue;
    if (m.entity < 0) continue;
    const found = [
      placeClassBefore(ctx, mi) ?? roleBefore(ctx, mi),
      appositiveAfter(ctx, mi),
      appositiveBefore(ctx, mi),
    ];
    for (const r of found) if (r) addRole(ctx, m.entity, r[0], r[1]);
  }
}

/** Lower-cased words of a token range, for callers matching descriptions against roles. */
export function wordsOf(doc: Doc, ts: number, te: number): string[] {
  const out: string[] = [];
  for (let t = ts; t < te; t++) out.push(doc.tokens[t]!.lower);
  return out;
}
