/**
 * In-document coreference for the entities that speak, act or are talked about: third-person pronouns and
 * definite descriptions ("the Russian diplomat", "The ambassador", "the ministry") become mentions linked to an
 * entity found earlier in the text.
 *
 * One left-to-right pass over the tokens, keeping the linked mentions seen so far. A pronoun goes to the most
 * salient compatible entity (agreement in gender, number and animacy; recency; subjects first); a description
 * goes to the entity whose role or name fits its head noun and whose country, if both say one, agrees.
 * Pronouns inside quotations are left alone: there "he" or "they" is often someone the speaker talks about,
 * which the context here cannot tell.
 */
import type { Doc } from '../../model/document.js';
import type { EntityType } from '../../model/format.js';
import { countryOf } from '../../lexicon/geo.js';
import type { Gender } from '../../lexicon/names.js';
import {
  FEMALE_WORDS, GENERIC_PERSON_HEADS, MALE_WORDS, ORG_HEADS, ROLE_HEADS, roleFits, singular,
} from '../../lexicon/titles.js';
import { addMention, addRole, type EntityContext, POSSESSIVE_MARKS } from './context.js';

interface PronounInfo { gender: Gender | null; plural: boolean; animate: boolean; possessive: boolean; object: boolean }

const PRONOUNS = new Map<string, PronounInfo>([
  ['he', { gender: 'male', plural: false, animate: true, possessive: false, object: false }],
  ['him', { gender: 'male', plural: false, animate: true, possessive: false, object: true }],
  ['his', { gender: 'male', plural: false, animate: true, possessive: true, object: false }],
  ['himself', { gender: 'male', plural: false, animate: true, possessive: false, object: false }],
  ['she', { gender: 'female', plural: false, animate: true, possessive: false, object: false }],
  ['her', { gender: 'female', plural: false, animate: true, possessive: true, object: false }],
  ['hers', { gender: 'female', plural: false, animate: true, possessive: true, object: false }],
  ['herself', { gender: 'female', plural: false, animate: true, possessive: false, object: false }],
  ['it', { gender: null, plural: false, animate: false, possessive: false, object: false }],
  ['its', { gender: null, plural: false, animate: false, possessive: true, object: false }],
  ['itself', { gender: null, plural: false, animate: false, possessive: false, object: false }],
  ['they', { gender: null, plural: true, animate: false, possessive: false, object: false }],
  ['them', { gender: null, plural: true, animate: false, possessive: false, object: true }],
  ['their', { gender: null, plural: true, animate: false, possessive: true, object: false }],
  ['themselves', { gender: null, plural: true, animate: false, possessive: false, object: false }],
]);

/** Types an "it" may stand for: actors that are not people. */
const IT_TYPES = new Set<EntityType>(['ORG', 'GPE', 'PRODUCT', 'FAC', 'WORK']);
/** Types a "they" may stand for: organisations and peoples ("the company said they", "Kurds … their"). */
const THEY_TYPES = new Set<EntityType>(['ORG', 'NORP']);
/** Verbs after which "it" is usually pleonastic ("it is unclear", "it seems that"). */
const EMPTY_IT_VERBS = new Set(['is', 'was', "'s", 'seems', 'seemed', 'appears', 'appeared', 'remains', 'remained',
  'would', 'will', 'may', 'might', 'could', 'has', 'had', 'takes', 'took']);
/** Title qualifiers that must agree between a description and a role ("the foreign minister" ≠ defence minister). */
const QUALIFIERS = new Set([
  'foreign', 'defence', 'defense', 'finance', 'interior', 'justice', 'health', 'prime', 'deputy', 'vice', 'trade',
  'economy', 'energy', 'education', 'agriculture', 'transport', 'environment', 'culture', 'labour', 'labor',
  'former', 'chief', 'attorney', 'supreme', 'district',
]);
const OPENERS = new Set(['the', 'its', 'his', 'her', 'their']);
/** How many sentences back a pronoun looks for its antecedent. */
const PRONOUN_WINDOW = 3;

/** A linked mention seen so far, with what salience needs. */
interface Seen { token: number; sentence: number; entity: number; subject: boolean; quoted: boolean }

/**
 * Rough subject test without a parser: nothing verbal between the start of the sentence (or the last comma) and
 * the mention, and no preposition right before it.
 */
function looksLikeSubject(doc: Doc, ts: number): boolean {
  const start = doc.sentences[doc.tokens[ts]!.sentence]!.tokenStart;
  if (ts > start && doc.tokens[ts - 1]!.pos === 'ADP') return false;
  for (let t = ts - 1; t >= start; t--) {
    const tok = doc.tokens[t]!;
    if (tok.pos === 'VERB' || tok.pos === 'AUX') return false;
    if (tok.text === ',' || tok.text === ';' || tok.pos === 'SCONJ') return true;
  }
  return true;
}

function isPlural(doc: Doc, t: number): boolean {
  const tok = doc.tokens[t]!;
  return tok.pos === 'NOUN' && singular(tok.lower) !== tok.lower;
}

/** Countries named in an entity's roles ("Russian Ambassador to North Korea" → Russia, North Korea). */
function roleCountries(ctx: EntityContext, e: number): Set<string> {
  const out = new Set<string>();
  for (const r of ctx.doc.entities[e]!.roles) addCountries(r.text.split(/\s+/), out);
  return out;
}

function addCountries(words: string[], out: Set<string>): void {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.replace(/[’']s$/, '');
    const one = countryOf(w);
    if (one) out.add(one);
    if (i + 1 < words.length) {
      const two = countryOf(`${w} ${words[i + 1]!.replace(/[’']s$/, '')}`);
      if (two) out.add(two);
    }
  }
}

class Resolver {
  private readonly seen: Seen[] = [];
  private readonly mentionCount: number[];

  constructor(private readonly ctx: EntityContext) {
    this.mentionCount = ctx.doc.entities.map(() => 0);
  }

  note(token: number, entity: number): void {
    const { doc, inQuote } = this.ctx;
    this.seen.push({
      token, sentence: doc.tokens[token]!.sentence, entity,
      subject: looksLikeSubject(doc, token), quoted: inQuote[token] === 1,
    });
    this.mentionCount[entity]! += 1;
  }

  /** Best-scoring entity among mentions seen within `window` sentences that pass `fits`, or -1. */
  private best(at: number, window: number, fits: (e: number, s: Seen) => boolean): number {
    const sentence = this.ctx.doc.tokens[at]!.sentence;
    const scores = new Map<number, number>();
    for (let i = this.seen.length - 1; i >= 0; i--) {
      const s = this.seen[i]!;
      if (sentence - s.sentence > window) break;
      if (!fits(s.entity, s)) continue;
      const score = 100 - 35 * (sentence - s.sentence) + (s.subject ? 25 : 0) - (s.quoted ? 20 : 0)
        + 3 * Math.min(this.mentionCount[s.entity]!, 5) + (i - this.seen.length) * 0.5;
      if (score > (scores.get(s.entity) ?? -Infinity)) scores.set(s.entity, score);
    }
    let bestE = -1;
    let bestScore = -Infinity;
    for (const [e, sc] of scores) if (sc > bestScore) { bestScore = sc; bestE = e; }
    return bestE;
  }

  pronoun(t: number): void {
    const { doc, facts, inQuote } = this.ctx;
    const tok = doc.tokens[t]!;
    const info = PRONOUNS.get(tok.lower);
    if (!info || inQuote[t]) return;
    if (tok.lower === 'it' && this.emptyIt(t)) return;
    const sentence = tok.sentence;
    const e = this.best(t, PRONOUN_WINDOW, (e, s) => {
      const entity = doc.entities[e]!;
      // "Smith met Jones and told him": an object pronoun is not the subject of its own clause.
      if (info.object && s.subject && s.sentence === sentence) return false;
      if (info.animate) {
        if (entity.type !== 'PERSON') return false;
        const g = facts[e]!.gender;
        return !g || g === info.gender;
      }
      if (info.plural) return THEY_TYPES.has(entity.type) && !this.pluralBetween(s.token, t);
      return IT_TYPES.has(entity.type);
    });
    if (e < 0) return;
    if (info.gender && doc.entities[e]!.type === 'PERSON') facts[e]!.gender ??= info.gender;
    addMention(this.ctx, t, t + 1, 'pronoun', e);
    this.note(t, e);
  }

  /** "it is unclear whether", "it seems that": an "it" that refers to nothing. */
  private emptyIt(t: number): boolean {
    const next = this.ctx.doc.tokens[t + 1];
    if (!next || next.pos === 'PUNCT') return true;
    if (!EMPTY_IT_VERBS.has(next.lower)) return false;
    for (let i = t + 2; i < Math.min(t + 5, this.ctx.doc.tokens.length); i++) {
      const w = this.ctx.doc.tokens[i]!;
      if (w.pos === 'ADJ' || w.lower === 'that' || w.lower === 'to' || w.lower === 'time') return true;
    }
    return false;
  }

  /** A plural common noun between an organisation and "they" is the likelier antecedent ("officials … they"). */
  private pluralBetween(from: number, to: number): boolean {
    for (let t = from + 1; t < to; t++) if (isPlural(this.ctx.doc, t) && !this.ctx.inQuote[t]) return true;
    return false;
  }

  /**
   * A definite description starting at `t` ("the Russian diplomat", "the company's chief executive"). Returns the
   * token after it when it was linked, else `t + 1`.
   */
  description(t: number): number {
    const { doc, nameAt } = this.ctx;
    const sentEnd = doc.sentences[doc.tokens[t]!.sentence]!.tokenEnd;
    let i = t + 1;
    let head = -1;
    while (i < sentEnd) {
      const tok = doc.tokens[i]!;
      const name = nameAt[i]!;
      if (name >= 0) {
        const m = doc.mentions[name]!;
        if (m.type === 'PERSON') return t + 1;
        i = m.tokenEnd;
        head = -1;
        continue;
      }
      if (tok.pos === 'NOUN' || (tok.pos === 'PROPN' && ROLE_HEADS.has(tok.lower))) { head = i; i++; continue; }
      if (tok.pos === 'ADJ' || POSSESSIVE_MARKS.has(tok.text) || tok.text === '-'
        || (tok.pos === 'PROPN' && /^[A-Z]/.test(tok.text))) { i++; continue; }
      break;
    }
    if (head < 0 || head !== i - 1) return t + 1;
    // "the Russian newspaper Rossiyskaya Gazeta", "the ambassador, Alexandr Matsegora,": a title, not a mention.
    const after = doc.tokens[i];
    if (after && nameAt[i]! >= 0) return t + 1;
    if (after?.text === ',' && nameAt[i + 1]! >= 0 && doc.mentions[nameAt[i + 1]!]!.type === 'PERSON') return t + 1;
    // ", the ambassador," after a name is an appositive: a role of that name, collected by the role rules.
    if (t > 0 && doc.tokens[t - 1]!.text === ',' && nameAt[t - 2]! >= 0) return t + 1;

    const headWord = doc.tokens[head]!.lower;
    if (singular(headWord) !== headWord && !ORG_HEADS.has(headWord)) return t + 1;
    let end = head + 1;
    // "the head of the ministry", "the ambassador to North Korea": the complement belongs to the description.
    const link = doc.tokens[end];
    if (ROLE_HEADS.has(headWord) && link && (link.lower === 'of' || link.lower === 'to') && end + 1 < sentEnd) {
      const ni = nameAt[end + 1]!;
      if (ni >= 0 && doc.mentions[ni]!.type !== 'PERSON') end = doc.mentions[ni]!.tokenEnd;
    }
    const words: string[] = [];
    for (let k = t + 1; k < end; k++) words.push(doc.tokens[k]!.lower);
    const e = this.matchDescription(t, headWord, words, doc.tokens[t]!.lower === 'the');
    if (e < 0) return t + 1;
    addMention(this.ctx, t, end, 'nominal', e);
    this.note(t, e);
    if (doc.entities[e]!.type === 'PERSON') this.learnFromDescription(e, t, head, headWord);
    return end;
  }

  private matchDescription(t: number, headWord: string, words: string[], definite: boolean): number {
    const { doc, facts } = this.ctx;
    const orgMarkers = ORG_HEADS.get(headWord);
    if (orgMarkers) {
      return this.best(t, Infinity, (e) => doc.entities[e]!.type === 'ORG'
        && orgMarkers.some((w) => facts[e]!.nameWords.has(w) || facts[e]!.roleWords.has(w)));
    }
    const descCountries = new Set<string>();
    addCountries(words, descCountries);
    const qualifiers = words.filter((w) => QUALIFIERS.has(w));
    if (ROLE_HEADS.has(singular(headWord))) {
      return this.best(t, Infinity, (e) => {
        if (doc.entities[e]!.type !== 'PERSON') return false;
        const roleWords = [...facts[e]!.roleWords];
        if (!roleFits(headWord, roleWords)) return false;
        if (qualifiers.some((q) => !facts[e]!.roleWords.has(q))) return false;
        if (descCountries.size === 0) return true;
        const own = roleCountries(this.ctx, e);
        return own.size === 0 || [...descCountries].some((c) => own.has(c));
      });
    }
    // "the man" re-mentions someone; "his wife" is someone else.
    if (definite && GENERIC_PERSON_HEADS.has(headWord)) {
      const gender: Gender | null = FEMALE_WORDS.has(headWord) ? 'female' : MALE_WORDS.has(headWord) ? 'male' : null;
      return this.best(t, PRONOUN_WINDOW, (e) => doc.entities[e]!.type === 'PERSON'
        && !(gender && facts[e]!.gender && facts[e]!.gender !== gender));
    }
    return -1;
  }

  /** A linked description tells the person's gender ("the spokeswoman") and, with modifiers, a role. */
  private learnFromDescription(e: number, t: number, head: number, headWord: string): void {
    const facts = this.ctx.facts[e]!;
    if (FEMALE_WORDS.has(headWord)) facts.gender ??= 'female';
    if (MALE_WORDS.has(headWord)) facts.gender ??= 'male';
    if (head > t + 1 && ROLE_HEADS.has(singular(headWord))) addRole(this.ctx, e, t + 1, head + 1);
  }
}

/** Adds pronoun and nominal mentions for the entities already built from names. */
export function resolveCoreference(ctx: EntityContext): void {
  const { doc, nameAt } = ctx;
  const resolver = new Resolver(ctx);
  // Name mentions enter the history as the scan passes them; added mentions are appended after these.
  const named = doc.mentions.map((m, i) => i).filter((i) => doc.mentions[i]!.entity >= 0)
    .sort((a, b) => doc.mentions[a]!.tokenStart - doc.mentions[b]!.tokenStart);
  let next = 0;
  for (let t = 0; t < doc.tokens.length;) {
    while (next < named.length && doc.mentions[named[next]!]!.tokenStart <= t) {
      const m = doc.mentions[named[next]!]!;
      resolver.note(m.tokenStart, m.entity);
      next++;
    }
    if (nameAt[t]! >= 0) { t++; continue; }
    const tok = doc.tokens[t]!;
    if (PRONOUNS.has(tok.lower)) resolver.pronoun(t);
    // A possessive pronoun also opens a description ("its spokesman"), so both rules see it.
    t = OPENERS.has(tok.lower) ? resolver.description(t) : t + 1;
  }
}
