/**
 * In-document coreference for the entities that speak, act or are talked about: third-person pronouns and
 * definite descriptions ("the Russian diplomat", "The ambassador", "the ministry") become mentions linked to an
 * entity found earlier in the text.
 *
 * One left-to-right pass over the tokens, keeping the linked mentions seen so far. A pronoun goes to the most
 * salient compatible entity (agreement in gender, number and animacy; recency; subjects first); a description
 * goes to the entity whose role or name fits its head noun and whose country and party, if both say one, agree.
 * Pronouns inside quotations are left alone: there "he" or "they" is often someone the speaker talks about,
 * which the context here cannot tell.
 */
import type { Doc, Token } from '../../model/document.js';
import type { EntityType } from '../../model/format.js';
import { countryOf } from '../../lexicon/geo.js';
import { EntityHeads } from './heads.js';
import type { Gender } from '../../lexicon/names.js';
import {
  FEMALE_WORDS, GENERIC_PERSON_HEADS, MALE_WORDS, ORG_HEADS, ROLE_HEADS, roleFits, roleHeadOf, singular,
} from '../../lexicon/titles.js';
import { addMention, addRole, type EntityContext, POSSESSIVE_MARKS } from './context.js';

interface PronounInfo { gender: Gender | null; plural: boolean; animate: boolean; object: boolean }

const pronoun = (gender: Gender | null, plural: boolean, animate: boolean, object = false): PronounInfo =>
  ({ gender, plural, animate, object });
const PRONOUNS = new Map<string, PronounInfo>([
  ['he', pronoun('male', false, true)], ['him', pronoun('male', false, true, true)],
  ['his', pronoun('male', false, true)], ['himself', pronoun('male', false, true)],
  ['she', pronoun('female', false, true)], ['her', pronoun('female', false, true)],
  ['hers', pronoun('female', false, true)], ['herself', pronoun('female', false, true)],
  ['it', pronoun(null, false, false)], ['its', pronoun(null, false, false)], ['itself', pronoun(null, false, false)],
  ['they', pronoun(null, true, false)], ['them', pronoun(null, true, false, true)],
  ['their', pronoun(null, true, false)], ['themselves', pronoun(null, true, false)],
]);

/** Types an "it" may stand for: actors that are not people (of places, only countries act). */
const IT_TYPES = new Set<EntityType>(['ORG', 'GPE', 'PRODUCT']);
/** Types a "they" may stand for: organisations and peoples ("the company said they", "Kurds … their"). */
const THEY_TYPES = new Set<EntityType>(['ORG', 'NORP']);
/** Verbs after which "it" is pleonastic or a thing far more often than an actor ("it is unclear", "it was caused"). */
const COPULAS = new Set(['is', 'was', "'s", '’s', 'seems', 'seemed', 'appears', 'appeared', 'remains', 'remained',
  'feels', 'felt', 'looks', 'looked']);
/** Auxiliaries after which "it" is pleonastic when an adjective or clause follows ("it would be wise to"). */
const EMPTY_IT_AUXILIARIES = new Set(['would', 'will', 'may', 'might', 'could', 'has', 'had', 'takes', 'took']);
/** Title qualifiers that must agree between a description and a role ("the foreign minister" ≠ defence minister). */
const QUALIFIERS = new Set([
  'foreign', 'defence', 'defense', 'finance', 'interior', 'justice', 'health', 'prime', 'deputy', 'vice', 'trade',
  'economy', 'energy', 'education', 'agriculture', 'transport', 'environment', 'culture', 'labour', 'labor',
  'former', 'chief', 'attorney', 'supreme', 'district', 'assistant', 'associate', 'acting', 'interim',
]);
const OPENERS = new Set(['the', 'its', 'his', 'her', 'their', 'this']);
const COMPANY_HEADS = new Set(['company', 'firm']);
/** Name words of organisations that are not companies (public bodies, parties, media, schools, teams). */
const NON_COMPANY_MARKERS = [
  'ministry', 'department', 'agency', 'party', 'police', 'army', 'court', 'committee', 'commission', 'council',
  'university', 'college', 'school', 'church', 'union', 'government', 'parliament', 'assembly', 'senate', 'congress',
  'news', 'times', 'post', 'gazette', 'newspaper', 'club', 'fc', 'united', 'nations', 'organization',
  'organisation', 'institute', 'foundation', 'association', 'federation', 'office', 'administration', 'service',
];
/** How many sentences back a pronoun looks for its antecedent. */
const PRONOUN_WINDOW = 3;
/**
 * How many sentences back a description looks at most ("the company", "the president"), far beyond any news
 * article's length so that articles read as if the reach were unbounded. Without a bound every description that
 * finds no antecedent walks back to the start of the document, which made a book-length text quadratic.
 */
const DESCRIPTION_REACH = 400;
/** The most the subject (+25) and mention-count (+15) terms of `best`'s score can add to a mention's score. */
const SCORE_BONUS_MAX = 40;

/** Rank words that make a different office ("vice president", "former president" are not "the president"). */
const RANKS = new Set(['vice', 'deputy', 'assistant', 'associate', 'under', 'lieutenant', 'former']);
/** Party words that tell two holders of the same title apart ("the Republican nominee"), to one spelling each. */
const PARTIES = new Map([
  ['republican', 'republican'], ['gop', 'republican'], ['democratic', 'democratic'], ['democrat', 'democratic'],
  ['libertarian', 'libertarian'], ['green', 'green'], ['conservative', 'conservative'], ['tory', 'conservative'],
  ['labour', 'labour'], ['labor', 'labour'], ['liberal', 'liberal'], ['socialist', 'socialist'],
  ['communist', 'communist'], ['independent', 'independent'],
]);
const partiesIn = (words: readonly string[]): string[] =>
  words.map((w) => PARTIES.get(w)).filter((p): p is string => p !== undefined);
/** Two sets of party or country names conflict when both name some and share none. */
const conflicts = (a: readonly string[], b: readonly string[]): boolean =>
  a.length > 0 && b.length > 0 && !a.some((x) => b.includes(x));

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
  private readonly heads: EntityHeads;

  constructor(private readonly ctx: EntityContext) {
    this.mentionCount = ctx.doc.entities.map(() => 0);
    this.heads = new EntityHeads(ctx);
    this.genderFromTitles();
  }

  /** Gender of people whose first name said nothing, from an honorific ("Mrs. Ortiz") or a role ("spokeswoman"). */
  private genderFromTitles(): void {
    const { doc, facts } = this.ctx;
    const hint = (w: string): Gender | null => (FEMALE_WORDS.has(w) ? 'female' : MALE_WORDS.has(w) ? 'male' : null);
    for (const m of doc.mentions) {
      if (m.entity < 0 || doc.entities[m.entity]!.type !== 'PERSON' || facts[m.entity]!.gender) continue;
      const before = doc.tokens[m.tokenStart - 1];
      const own = doc.tokens[m.tokenStart]!;
      const fromRole = [...facts[m.entity]!.roleWords].map(hint).find((g) => g);
      facts[m.entity]!.gender = hint(own.lower) ?? (before ? hint(before.lower) : null) ?? fromRole ?? null;
    }
  }

  note(token: number, entity: number): void {
    const { doc, inQuote } = this.ctx;
    this.seen.push({
      token, sentence: doc.tokens[token]!.sentence, entity,
      subject: looksLikeSubject(doc, token), quoted: inQuote[token] === 1,
    });
    this.mentionCount[entity]! += 1;
    this.heads.seen(entity, token);
  }

  /**
   * The best-scoring entity among the mentions seen within `window` sentences before token `at` that `fits`.
   * With an unbounded window this walks back to the start of the document, so an entity-only test should be
   * wrapped in `perEntity` to be evaluated once per entity rather than once per mention.
   */
  private best(at: number, window: number, fits: (e: number, s: Seen) => boolean): number {
    const sentence = this.ctx.doc.tokens[at]!.sentence;
    const reach = Math.min(window, DESCRIPTION_REACH);
    const scores = new Map<number, number>();
    let top = -Infinity;
    for (let i = this.seen.length - 1; i >= 0; i--) {
      const s = this.seen[i]!;
      if (sentence - s.sentence > reach) break;
      const distanceAndRecency = 100 - 35 * (sentence - s.sentence) + (i - this.seen.length) * 0.5;
      // Mentions further back score no higher than this one could, so once even its greatest score falls short
      // of the best so far (strictly: an equal score could still change which entity wins the tie), stop.
      if (distanceAndRecency + SCORE_BONUS_MAX < top) break;
      if (this.ctx.facts[s.entity]!.group || !fits(s.entity, s)) continue;
      const score = distanceAndRecency + (s.subject ? 25 : 0) - (s.quoted ? 20 : 0)
        + 3 * Math.min(this.mentionCount[s.entity]!, 5);
      if (score > (scores.get(s.entity) ?? -Infinity)) scores.set(s.entity, score);
      if (score > top) top = score;
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
    if (!info) return;
    if (tok.lower === 'it' && this.emptyIt(t)) return;
    const sentence = tok.sentence;
    // Inside a quotation a third-person pronoun is someone the speaker talks about: never the speaker (whoever is
    // named outside the quotation around it), and a name quoted just before is a fit antecedent.
    const quoted = inQuote[t] === 1;
    const speakers = quoted ? this.aroundQuote(t) : null;
    const e = this.best(t, PRONOUN_WINDOW, (e, s) => {
      const entity = doc.entities[e]!;
      if (speakers) {
        if (speakers.has(e)) return false;
      } else if (s.quoted) {
        // A name inside a quotation is what the speaker talks about, not whom the narrative's pronoun means.
        return false;
      }
      // "Smith met Jones and told him": an object pronoun is not the subject of its own clause.
      if (info.object && s.subject && s.sentence === sentence) return false;
      if (info.animate) {
        if (entity.type !== 'PERSON') return false;
        const g = facts[e]!.gender;
        return !g || g === info.gender;
      }
      if (info.plural) return THEY_TYPES.has(entity.type) && !this.pluralBetween(s.token, t);
      return IT_TYPES.has(entity.type) && (entity.type !== 'GPE' || facts[e]!.country !== null);
    });
    if (e < 0) return;
    if (info.gender && doc.entities[e]!.type === 'PERSON') facts[e]!.gender ??= info.gender;
    addMention(this.ctx, t, t + 1, 'pronoun', e);
    this.note(t, e);
  }

  /**
   * Entities named outside quotation marks in the sentence of token `t` (and in the one before when the sentence
   * opens inside a quotation): the likely speakers of the quotation holding `t`.
   */
  private aroundQuote(t: number): Set<number> {
    const { doc, nameAt, inQuote } = this.ctx;
    const out = new Set<number>();
    const sentence = doc.tokens[t]!.sentence;
    let from = doc.sentences[sentence]!.tokenStart;
    if (inQuote[from] === 1 && sentence > 0) from = doc.sentences[sentence - 1]!.tokenStart;
    const to = doc.sentences[sentence]!.tokenEnd;
    for (let k = from; k < to; k++) {
      if (inQuote[k] === 1) continue;
      const mi = nameAt[k]!;
      if (mi >= 0 && doc.mentions[mi]!.entity >= 0) out.add(doc.mentions[mi]!.entity);
    }
    for (let i = this.seen.length - 1; i >= 0 && this.seen[i]!.token >= from; i--) {
      if (!this.seen[i]!.quoted) out.add(this.seen[i]!.entity);
    }
    return out;
  }

  /**
   * An "it" not worth resolving: pleonastic ("it is unclear whether", "it seems that") or not a subject ("denied
   * it", "made it clear"), where it is far more often a thing than an organisation or a country.
   */
  private emptyIt(t: number): boolean {
    const next = this.ctx.doc.tokens[t + 1];
    if (!next || !(next.pos === 'VERB' || next.pos === 'AUX' || next.pos === 'ADV')) return true;
    const prev = this.ctx.doc.tokens[t - 1];
    if (prev && (prev.pos === 'VERB' || prev.pos === 'ADP')) return true;
    if (COPULAS.has(next.lower)) return true;
    if (!EMPTY_IT_AUXILIARIES.has(next.lower)) return false;
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
    const next = this.wholeDescription(t);
    return next !== t + 1 ? next : this.possessorDescription(t);
  }

  /**
   * "the church's headquarters", "the country's border": the possessor is a description of its own, taken up
   * by the head of a name, role or place class (see heads.ts) when the whole phrase was not a mention.
   */
  private possessorDescription(t: number): number {
    const { doc, nameAt } = this.ctx;
    if (doc.tokens[t]!.lower !== 'the') return t + 1;
    let i = t + 1;
    // A capitalised title may stand as the possessor ("the President's power", "the Prime Minister's advice").
    const title = (k: number) => /^[A-Z][a-z]+$/.test(doc.tokens[k]!.text) && ROLE_HEADS.has(doc.tokens[k]!.lower);
    const capital = (k: number) => /^[A-Z][a-z]+$/.test(doc.tokens[k]!.text) && doc.tokens[k]!.pos !== 'DET';
    while (i < doc.tokens.length && nameAt[i]! < 0 && (/^[a-z-]+$/.test(doc.tokens[i]!.text) || capital(i))
      && (doc.tokens[i]!.pos === 'ADJ' || doc.tokens[i]!.pos === 'NOUN' || capital(i))) i++;
    const head = doc.tokens[i - 1]!;
    if (i === t + 1 || !(head.pos === 'NOUN' || title(i - 1)) || !POSSESSIVE_MARKS.has(doc.tokens[i]?.text ?? '')) return t + 1;
    // A person's title finds its holder as a description would ("the president" for a President named before).
    const e = ROLE_HEADS.has(singular(head.lower))
      ? this.matchDescription(t, head.lower, doc.tokens.slice(t + 1, i).map((x) => x.lower), doc.tokens.slice(t + 1, i - 1), true)
      : this.heads.match(t, head.lower);
    if (e < 0) return t + 1;
    addMention(this.ctx, t, i, 'nominal', e);
    this.note(t, e);
    return i;
  }

  private wholeDescription(t: number): number {
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
    // "the Russian newspaper Rossiyskaya Gazeta": a title before the name, not a mention of its own.
    const after = doc.tokens[i];
    if (after && nameAt[i]! >= 0) return t + 1;
    // "The mayor, Ana Lima, said": a description set off before a person's name is a mention of that person
    // (its role is collected by the role rules), so a speaker written as the description still resolves.
    // Not after a preposition: "For the pro-government camp, Ana Lima won" fronts a phrase, it names no one.
    const apposed = after?.text === ',' ? nameAt[i + 1]! : -1;
    const afterPreposition = doc.tokens[t - 1]?.pos === 'ADP';
    // Other names take such a description when the role rules read it as theirs ("east of the capital, Riyadh,"),
    // which they do not for a fronted phrase.
    const roleEnd = doc.tokens[i - 1]!.end;
    const apposedEntity = apposed >= 0 ? doc.mentions[apposed]!.entity : -1;
    if (apposed >= 0 && ((doc.mentions[apposed]!.type === 'PERSON' && !afterPreposition)
      || (apposedEntity >= 0 && doc.entities[apposedEntity]!.roles.some((r) => r.end === roleEnd)))) {
      const e = apposedEntity;
      if (e >= 0) {
        addMention(this.ctx, t, i, 'nominal', e);
        this.note(t, e);
      }
      return i;
    }
    // ", the ambassador," after a name is an appositive: a role of that name, collected by the role rules. A verb
    // right after the description makes it a clause's subject instead ("In a statement to the BBC, the church
    // denied ..."). A title after a name stays an appositive whose closing comma was left out ("X, Lord Y, the
    // Lord President of the court decided").
    const opensClause = after !== undefined && (after.pos === 'VERB' || after.pos === 'AUX')
      && doc.mentions[nameAt[t - 2]!]?.type !== 'PERSON' && !ROLE_HEADS.has(singular(doc.tokens[head]!.lower))
      && !nameAt.subarray(t + 1, i).some((n) => n >= 0);
    if (t > 0 && doc.tokens[t - 1]!.text === ',' && nameAt[t - 2]! >= 0 && !opensClause) return t + 1;

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
    const modifiers = doc.tokens.slice(t + 1, head).filter((m, k) => nameAt[t + 1 + k]! < 0 && !POSSESSIVE_MARKS.has(m.text));
    const e = this.matchDescription(t, headWord, words, modifiers, doc.tokens[t]!.lower === 'the');
    if (e < 0) return t + 1;
    addMention(this.ctx, t, end, 'nominal', e);
    this.note(t, e);
    if (doc.entities[e]!.type === 'PERSON') this.learnFromDescription(e, t, head, headWord);
    return end;
  }

  private matchDescription(
    t: number, headWord: string, words: string[], modifiers: Token[], definite: boolean,
  ): number {
    const { doc, facts } = this.ctx;
    // "the government" takes up a government the text named ("the Syrian government", see bodies.ts) only when its
    // words are that government's ("the federal government" is not the Mexican one) and it was named lately.
    if (headWord === 'government') {
      const words = modifiers.map((m) => m.lower);
      return this.best(t, PRONOUN_WINDOW, perEntity((e) => doc.entities[e]!.type === 'ORG'
        && facts[e]!.nameWords.has('government') && words.every((w) => facts[e]!.nameWords.has(w))));
    }
    const orgMarkers = ORG_HEADS.get(headWord);
    if (orgMarkers) {
      const marked = (e: number, markers: readonly string[]) =>
        markers.some((w) => facts[e]!.nameWords.has(w) || facts[e]!.roleWords.has(w));
      const e = this.best(t, Infinity, perEntity((e) => doc.entities[e]!.type === 'ORG' && marked(e, orgMarkers)));
      if (e >= 0) return e;
      if (!COMPANY_HEADS.has(headWord)) return this.heads.match(t, headWord);
      // Companies rarely say what they are in their name ("Apple … the company"): a recent organisation that is
      // not marked as some other kind of body will do.
      return this.best(t, PRONOUN_WINDOW, (e) => doc.entities[e]!.type === 'ORG' && !marked(e, NON_COMPANY_MARKERS));
    }
    if (ROLE_HEADS.has(singular(headWord))) {
      return this.best(t, Infinity, perEntity((e) => this.holdsTitle(e, headWord, words, modifiers)));
    }
    // "the man" re-mentions someone; "his wife" is someone else.
    if (definite && GENERIC_PERSON_HEADS.has(headWord)) {
      const gender: Gender | null = FEMALE_WORDS.has(headWord) ? 'female' : MALE_WORDS.has(headWord) ? 'male' : null;
      return this.best(t, PRONOUN_WINDOW, (e) => doc.entities[e]!.type === 'PERSON'
        && !(gender && facts[e]!.gender && facts[e]!.gender !== gender));
    }
    // "the mosque" after "the Grand Mosque", "the country" after a country: a head noun of a name, role or class.
    return this.heads.match(t, headWord);
  }

  /**
   * Whether person `e` holds a title that a description with this head and modifiers can denote. Some role of
   * theirs must fit the head; title qualifiers and compound nouns of the description must be in it ("the video
   * assistant referee" is not the one introduced as "match referee"; plain adjectives may be new, "the veteran
   * diplomat"); a rank in the role must be in the description ("the nominee" is not the vice-presidential one);
   * and the description's party and country, when both sides name one, must agree.
   */
  private holdsTitle(e: number, headWord: string, words: string[], modifiers: Token[]): boolean {
    const { doc } = this.ctx;
    if (doc.entities[e]!.type !== 'PERSON') return false;
    const descWords = new Set(words.flatMap((w) => w.split('-')));
    const qualifiers = modifiers.filter((m) => QUALIFIERS.has(m.lower) || (m.pos === 'NOUN' && !countryOf(m.lower)));
    const descCountries = new Set<string>();
    addCountries(words, descCountries);
    return doc.entities[e]!.roles.some((role) => {
      const whole = role.text.toLowerCase().split(/\s+/);
      const roleWords = whole.flatMap((w) => w.split('-'));
      const roleSet = new Set([...whole, ...roleWords]);
      const expanded = roleWords.map((w) => roleHeadOf(w) ?? w);
      if (!roleFits(headWord, expanded)) return false;
      if (qualifiers.some((q) => !roleSet.has(q.lower))) return false;
      if (roleWords.some((w) => RANKS.has(w) && !descWords.has(w))) return false;
      if (conflicts(partiesIn(words), partiesIn(roleWords))) return false;
      const own = new Set<string>();
      addCountries(roleWords, own);
      return !conflicts([...descCountries], [...own]);
    });
  }

  /**
   * Headlines drop articles and name people later: "Russian Ambassador Says ..." is the ambassador named in the
   * story. A bare capitalised title in a headline links to the most mentioned person holding it.
   */
  headline(): void {
    const { doc, nameAt } = this.ctx;
    const para = doc.paragraphs[0];
    if (!para || doc.paragraphs.length < 2 || /[.!?]["'”’]?$/.test(doc.text.slice(para.start, para.end))) return;
    for (let t = 0; t < doc.tokens.length && doc.tokens[t]!.end <= para.end; t++) {
      const tok = doc.tokens[t]!;
      if (nameAt[t]! >= 0 || !/^[A-Z]/.test(tok.text) || !ROLE_HEADS.has(tok.lower)) continue;
      if (nameAt[t + 1]! >= 0 || doc.mentions.some((m) => m.kind !== 'name' && m.tokenStart <= t && t < m.tokenEnd)) continue;
      let start = t;
      while (start > 0 && doc.tokens[start - 1]!.end > para.start) {
        const prev = nameAt[start - 1]!;
        if (prev >= 0 && doc.mentions[prev]!.type !== 'PERSON') { start = doc.mentions[prev]!.tokenStart; continue; }
        if (prev < 0 && doc.tokens[start - 1]!.pos === 'ADJ') { start--; continue; }
        break;
      }
      const words = doc.tokens.slice(start, t).map((m) => m.lower);
      const modifiers = doc.tokens.slice(start, t).filter((_, k) => nameAt[start + k]! < 0);
      let best = -1;
      for (let e = 0; e < doc.entities.length; e++) {
        if (!this.holdsTitle(e, tok.lower, words, modifiers)) continue;
        if (best < 0 || doc.entities[e]!.mentions.length > doc.entities[best]!.mentions.length) best = e;
      }
      if (best >= 0) addMention(this.ctx, start, t + 1, 'nominal', best);
    }
  }

  /** A linked description tells the person's gender ("the spokeswoman") and, with modifiers, a role. */
  private learnFromDescription(e: number, t: number, head: number, headWord: string): void {
    const facts = this.ctx.facts[e]!;
    if (FEMALE_WORDS.has(headWord)) facts.gender ??= 'female';
    if (MALE_WORDS.has(headWord)) facts.gender ??= 'male';
    if (head > t + 1 && ROLE_HEADS.has(singular(headWord))) addRole(this.ctx, e, t + 1, head + 1);
  }
}

/** An entity-only predicate, computed once per entity for one `best` call however many mentions it walks past. */
function perEntity(fits: (e: number) => boolean): (e: number) => boolean {
  const known = new Map<number, boolean>();
  return (e) => {
    let v = known.get(e);
    if (v === undefined) known.set(e, (v = fits(e)));
    return v;
  };
}

/** Adds pronoun and nominal mentions for the entities already built from names. */
export function resolveCoreference(ctx: EntityContext): void {
  const { doc, nameAt } = ctx;
  const resolver = new Resolver(ctx);
  // Name mentions enter the history as the scan passes them; added mentions are appended after these.
  const named = doc.mentions.map((_, i) => i).filter((i) => doc.mentions[i]!.entity >= 0)
    .sort((a, b) => doc.mentions[a]!.tokenStart - doc.mentions[b]!.tokenStart);
  // Descriptions already made mentions before this pass ("the Syrian government", bodies.ts) are not read again.
  const nominalEnd = new Map<number, number>();
  for (const i of named) {
    const m = doc.mentions[i]!;
    if (m.kind !== 'name') nominalEnd.set(m.tokenStart, Math.max(m.tokenEnd, nominalEnd.get(m.tokenStart) ?? 0));
  }
  let next = 0;
  for (let t = 0; t < doc.tokens.length;) {
    while (next < named.length && doc.mentions[named[next]!]!.tokenStart <= t) {
      const m = doc.mentions[named[next]!]!;
      resolver.note(m.tokenStart, m.entity);
      next++;
    }
    const skipTo = nominalEnd.get(t);
    if (skipTo !== undefined) {
      // The names inside still enter the history as the scan passes them.
      while (next < named.length && doc.mentions[named[next]!]!.tokenStart < skipTo) {
        const m = doc.mentions[named[next]!]!;
        resolver.note(m.tokenStart, m.entity);
        next++;
      }
      t = skipTo;
      continue;
    }
    if (nameAt[t]! >= 0) { t++; continue; }
    const tok = doc.tokens[t]!;
    if (PRONOUNS.has(tok.lower)) resolver.pronoun(t);
    // A possessive pronoun also opens a description ("its spokesman"), so both rules see it.
    t = OPENERS.has(tok.lower) ? resolver.description(t) : t + 1;
  }
  resolver.headline();
}
