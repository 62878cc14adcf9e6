/**
 * Roles and titles of named entities, each with its evidence span:
 *  - a title before a person's name: "Russian Ambassador to North Korea Alexandr Matsegora", "former President X";
 *  - a description before any name: "the Russian newspaper Rossiyskaya Gazeta" → "Russian newspaper";
 *  - an appositive after: "Hugh Hill, a doctor," / "X, the head of Y," / "X, Russia's ambassador to Y,";
 *  - an appositive before: "North Korea's best children's rest center, Songdowon,";
 *  - a class noun with "of": "the Russian border region of Kursk" → "Russian border region".
 * The name mention keeps its own span; roles never widen it. Leading articles are left out of role text.
 */
import type { Token } from '../../model/document.js';
import { GENERIC_PERSON_HEADS, HONORIFICS, roleHeadOf, singular } from '../../lexicon/titles.js';
import { genderOfFirstName } from '../../lexicon/names.js';
import { addMention, addRole, DETERMINERS, type EntityContext, isBoundary, POSSESSIVE_MARKS } from './context.js';
import {
  attributive, headFits, holdsPerson, inCompound, isNominal, isPersonHead, isPlural, isRoleHead, KIN_NOUNS, kindFits,
  mistaggedPersonNoun, OPEN_ROLE_TYPES, ORG_WORDS, otherName, PERSON_WORDS, phraseHead, PLACE_CLASSES, POSTNOMINALS,
  ROLE_TYPES,
} from './role-words.js';

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
  'tomorrow', 'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.', 'sept.', 'oct.', 'nov.', 'dec.',
]);
/** Words that open a relative or participial clause and so end an appositive. */
const CLAUSE_OPENERS = new Set(['who', 'which', 'that', 'whose', 'whom', 'where', 'when', 'said', 'says']);
/** Party members named after a person's name ("John Cornyn, Republican from Texas,"). */
const PARTY_MEMBERS = new Set(['republican', 'democrat', 'conservative', 'liberal', 'socialist', 'independent', 'tory']);
const POSSESSIVE_PRONOUNS = new Set(['its', 'his', 'her', 'their', 'our', 'my', 'your']);
const MAX_ROLE_TOKENS = 14;
/** Appositives run longer ("a UN rapporteur for the Office of the UN High Commissioner for Human Rights"). */
const MAX_APPOSITIVE_TOKENS = 18;
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
      const owner = doc.mentions[other]!;
      // "Day's son X": a relation to another person, which ends the role; otherwise a list of people.
      if (owner.type === 'PERSON') {
        if (POSSESSIVE_MARKS.has(doc.tokens[owner.tokenEnd]?.text ?? '') && owner.tokenEnd < end) t = owner.tokenStart - 1;
        break;
      }
      t = owner.tokenStart - 1;
      continue;
    }
    if (CALENDAR.has(tok.lower) || tok.pos === 'NUM') break;
    if (isNominal(tok) || TITLE_LINKS.has(tok.lower) || POSSESSIVE_MARKS.has(tok.text) || tok.text === '-'
      || inCompound(ctx, t)) {
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
  // A title word the tagger read as an adjective still ends a title ("police chief X").
  if (TITLE_LINKS.has(last.lower) || (last.pos === 'ADJ' && !isRoleHead(last)) || last.pos === 'NUM') return null;
  const article = start - 1 >= sentStart ? doc.tokens[start - 1]! : undefined;
  // The title's head is its last role word; a plural one introduces several people ("veteran politicians A and B").
  let head = -1;
  for (let i = start; i < end; i++) {
    const w = doc.tokens[i]!;
    if ((isRoleHead(w) || mistaggedPersonNoun(w)) && otherName(ctx, i, mi) < 0) head = i;
  }
  if (m.type === 'PERSON' && head >= 0) {
    if (isPlural(doc.tokens[head]!)) return null;
    // What precedes a link before the head belongs to another phrase ("the death of conservative Justice X",
    // "chief of staff to President X"); what follows the head without a link is a name part the NER left out
    // ("President Barack" before a mention "Obama").
    for (let i = head - 1; i > start; i--) if (TITLE_LINKS.has(doc.tokens[i]!.lower)) { start = i + 1; break; }
    const linked = head + 1 < end && TITLE_LINKS.has(doc.tokens[head + 1]!.lower);
    return [start, linked ? end : head + 1];
  }
  // Without a title word, only an article-introduced common-noun phrase is a description ("the Russian newspaper"),
  // and for a person only when its noun names a person.
  if (last.pos !== 'NOUN' || otherName(ctx, end - 1, mi) >= 0) return null;
  // Without an article the phrase must be a bare description of the entity's own kind ("broadcaster BBC",
  // "fashion designer X"), never a person noun over a non-person (that is a list or a compound).
  if (!article || !DETERMINERS.has(article.lower)) {
    if (article && (article.pos === 'DET' || article.pos === 'PRON' || POSSESSIVE_MARKS.has(article.text))) return null;
    // A plain person word before a name the tagger typed otherwise is a title all the same ("veteran Cyd Ho"):
    // the role then retypes the entity (retypeByRole).
    const personWord = PERSON_WORDS.has(singular(last.lower)) || isRoleHead(last) || KIN_NOUNS.has(singular(last.lower));
    if (m.type !== 'PERSON' && !OPEN_ROLE_TYPES.has(m.type) && !kindFits(m.type, singular(last.lower)) && !personWord) return null;
    for (let i = start; i < end; i++) {
      const w = doc.tokens[i]!;
      // A capital is allowed only where the sentence makes it ("Suspect X was held").
      if (i === sentStart && /^[A-Z][a-z-]+$/.test(w.text)) continue;
      if (!/^[a-z-]+$/.test(w.text) && !POSSESSIVE_MARKS.has(w.text) && otherName(ctx, i, mi) < 0) return null;
    }
  }
  if (isPlural(last) || !/^[a-z-]+$/i.test(last.text)) return null;
  if (!headFits(ctx, mi, last)) return null;
  for (let i = start; i < end; i++) if (doc.tokens[i]!.pos === 'CCONJ' || doc.tokens[i]!.pos === 'NUM') return null;
  return [start, end];
}

/**
 * An appositive after a name ("Hugh Hill, a doctor, said"; "X, the head of Y,"): a noun phrase after a comma,
 * ended by punctuation, a verb or a relative pronoun, that does not start with another name (a list).
 */
function appositiveAfter(ctx: EntityContext, mi: number): [number, number, number] | null {
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
  // A possessor opens the phrase even when the NER did not tag it ("Mecca, Islam's holiest site").
  const opensWithPossessor = (firstName >= 0
    && POSSESSIVE_MARKS.has(doc.tokens[doc.mentions[firstName]!.tokenEnd]?.text ?? ''))
    || (/^[A-Z]/.test(first.text) && POSSESSIVE_MARKS.has(doc.tokens[start + 1]?.text ?? ''));
  const opener = DETERMINERS.has(first.lower) || POSSESSIVE_PRONOUNS.has(first.lower) || opensWithPossessor
    || isRoleHead(first) || TITLE_MODIFIERS.has(first.lower) || mistaggedPersonNoun(first)
    || (PARTY_MEMBERS.has(first.lower) && m.type === 'PERSON');
  // "Mark Tedeschi, QC,": post-nominal letters are a role of their own.
  if (POSTNOMINALS.has(first.text) && isBoundary(doc.tokens[start + 1]) && m.type === 'PERSON') return [start, start + 1, mi];
  while (t < sentEnd && t - start < MAX_APPOSITIVE_TOKENS) {
    const tok = doc.tokens[t]!;
    const verbal = (tok.pos === 'VERB' && !(t > start && attributive(ctx, t))) || tok.pos === 'AUX';
    if (isBoundary(tok) || verbal || CLAUSE_OPENERS.has(tok.lower)) break;
    // "X, Y and Z": a list, not an appositive; after an article the "and" joins two descriptions of X ("Valeska
    // Paris, an Australian woman and former Scientologist,").
    if (tok.pos === 'CCONJ' && !(DETERMINERS.has(first.lower) && otherName(ctx, t + 1, mi) < 0)) return null;
    t++;
  }
  if (t - start >= MAX_APPOSITIVE_TOKENS) return null;
  const end = t;
  if (end <= start) return null;
  // An appositive closes with punctuation or opens a clause ("a doctor working at", "who"); a finite verb right
  // after it makes it the subject of the sentence instead ("In Taiwan, the festival is crowded").
  const closer = doc.tokens[end];
  if (closer && !isBoundary(closer) && !CLAUSE_OPENERS.has(closer.lower)
    && !(closer.pos === 'VERB' && closer.lower.endsWith('ing'))) return null;
  if (holdsPerson(ctx, start, end, mi, true) || opensWithAdverbial(ctx, m.tokenStart)) return null;
  // "John Cornyn, Republican from Texas,": a party membership, whose head is the party word itself.
  if (PARTY_MEMBERS.has(first.lower) && m.type === 'PERSON') return [start, end, mi];
  // "Mitch McConnell of Kentucky, the majority leader,": the appositive describes the person, not the place.
  const owner = ownerThroughPreposition(ctx, mi);
  // The head is one thing ("the world's two biggest polluters" follows a list) of the owner's kind.
  const head = phraseHead(ctx, start, end, mi);
  if (!head || isPlural(head) || !headFits(ctx, owner, head)) return null;
  // Without an article or possessive, the phrase needs a title word: "X, Panama coach," but not "X, Y, Z".
  if (!opener) {
    let titled = false;
    for (let i = start; i < end; i++) if (isRoleHead(doc.tokens[i]!) && otherName(ctx, i, mi) < 0) titled = true;
    if (!titled) return null;
  }
  return [DETERMINERS.has(first.lower) ? start + 1 : start, end, owner];
}

/** The person mention that a place name complements ("McConnell of Kentucky", "a lawyer from Ohio"), else `mi`. */
function ownerThroughPreposition(ctx: EntityContext, mi: number): number {
  const m = ctx.doc.mentions[mi]!;
  const prep = ctx.doc.tokens[m.tokenStart - 1];
  if (m.type === 'PERSON' || !prep || (prep.lower !== 'of' && prep.lower !== 'from')) return mi;
  const before = ctx.nameAt[m.tokenStart - 2] ?? -1;
  return before >= 0 && ctx.doc.mentions[before]!.type === 'PERSON' ? before : mi;
}

/**
 * Whether the name sits in a fronted adverbial ("As with so much at the United Nations, the interests ... trump"),
 * where the comma after the name ends the adverbial rather than opening an appositive.
 */
function opensWithAdverbial(ctx: EntityContext, ts: number): boolean {
  const { doc } = ctx;
  const start = doc.sentences[doc.tokens[ts]!.sentence]!.tokenStart;
  const first = doc.tokens[start]!;
  if (first.pos !== 'ADP' && first.pos !== 'SCONJ') return false;
  // "On Thursday, X, the ..., said": the adverbial closed before the name.
  for (let t = start; t < ts; t++) {
    const tok = doc.tokens[t]!;
    if (tok.pos === 'VERB' || tok.pos === 'AUX' || tok.text === ',') return false;
  }
  return true;
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
  if (holdsPerson(ctx, start, end, mi, true) || isPlural(doc.tokens[end - 1]!)) return null;
  if (!headFits(ctx, mi, doc.tokens[end - 1]!)) return null;
  // "After the match, X said": a fronted prepositional phrase, not an appositive.
  if (t === sentence.tokenStart && doc.tokens[t]!.pos === 'ADP') return null;
  const first = doc.tokens[start]!;
  const firstName = otherName(ctx, start, mi);
  const opensWithPossessor = firstName >= 0
    && POSSESSIVE_MARKS.has(doc.tokens[doc.mentions[firstName]!.tokenEnd]?.text ?? '');
  if (!(DETERMINERS.has(first.lower) || POSSESSIVE_PRONOUNS.has(first.lower) || opensWithPossessor)) return null;
  if (DETERMINERS.has(first.lower)) start++;
  return start < end ? [start, end] : null;
}

/**
 * The organisation a person belongs to, as a role: "FTU's Alice Mak", "Lee Cheuk-yan of the Labour Party" and
 * "Alvin Yeung from the Civic Party" → "FTU", "Labour Party", "Civic Party". Only organisation names count (a
 * place after "of" or "from" is where someone is from).
 */
function affiliation(ctx: EntityContext, mi: number): [number, number] | null {
  const { doc } = ctx;
  const m = doc.mentions[mi]!;
  if (m.type !== 'PERSON') return null;
  const isOrg = (i: number) => i >= 0 && doc.mentions[i]!.type === 'ORG' && doc.mentions[i]!.entity >= 0;
  const mark = doc.tokens[m.tokenStart - 1];
  if (mark && POSSESSIVE_MARKS.has(mark.text)) {
    const owner = ctx.nameAt[m.tokenStart - 2] ?? -1;
    if (isOrg(owner) && doc.mentions[owner]!.tokenEnd === m.tokenStart - 1) return [doc.mentions[owner]!.tokenStart, m.tokenStart - 1];
    return null;
  }
  const link = doc.tokens[m.tokenEnd];
  if (link?.lower !== 'of' && link?.lower !== 'from') return null;
  const at = DETERMINERS.has(doc.tokens[m.tokenEnd + 1]?.lower ?? '') ? m.tokenEnd + 2 : m.tokenEnd + 1;
  const org = ctx.nameAt[at] ?? -1;
  if (!isOrg(org) || doc.mentions[org]!.tokenStart !== at) return null;
  return [at, doc.mentions[org]!.tokenEnd];
}

/**
 * The names of the same type coordinated after mention `mi` ("A, B and C"), in order; empty when none follows.
 * Each may carry its organisation ("A of the Civic Party, B from DAB and C").
 */
function coordinatedAfter(ctx: EntityContext, mi: number, people = false): number[] {
  const { doc } = ctx;
  const out: number[] = [];
  const type = people ? 'PERSON' : doc.mentions[mi]!.type;
  // In a list of people the tagger may have typed some names otherwise ("gods such as Zeus, Hera and Poseidon").
  const fits = (n: number) => (people ? personLike(ctx, n) : doc.mentions[n]!.type === type);
  let end = doc.mentions[mi]!.tokenEnd;
  for (;;) {
    // A name part glued on by a hyphen that the NER left out ("Lee Cheuk" + "-yan") still belongs to the name.
    while (doc.tokens[end] && doc.tokens[end]!.start === doc.tokens[end - 1]!.end && /^[-\p{L}]+$/u.test(doc.tokens[end]!.text)) end++;
    if (type === 'PERSON') end = afterAffiliation(ctx, end);
    let t = end;
    if (doc.tokens[t]?.text === ',') t++;
    if (doc.tokens[t]?.lower === 'and') t++;
    const next = t > end ? ctx.nameAt[t] ?? -1 : -1;
    if (next < 0 || doc.mentions[next]!.tokenStart !== t || !fits(next)) return out;
    out.push(next);
    end = doc.mentions[next]!.tokenEnd;
  }
}

/** A name that may be a person's whatever its type: no country, people or place the lexicon knows. */
function personLike(ctx: EntityContext, mi: number): boolean {
  const m = ctx.doc.mentions[mi]!;
  if (m.type === 'PERSON') return true;
  if (m.entity < 0 || m.type === 'NORP' || ctx.facts[m.entity]!.country) return false;
  return m.type === 'ORG' || m.type === 'OTHER' || m.type === 'GPE';
}

/** The token after "of/from (the) ORGANISATION" at `t` ("A of the Civic Party, B"), or `t` when there is none. */
function afterAffiliation(ctx: EntityContext, t: number): number {
  const { doc } = ctx;
  const link = doc.tokens[t]?.lower;
  if (link !== 'of' && link !== 'from') return t;
  const at = DETERMINERS.has(doc.tokens[t + 1]?.lower ?? '') ? t + 2 : t + 1;
  const org = ctx.nameAt[at] ?? -1;
  return org >= 0 && doc.mentions[org]!.tokenStart === at && doc.mentions[org]!.type === 'ORG' ? doc.mentions[org]!.tokenEnd : t;
}

/** Words between a plural description and the list it introduces ("guests like A and B", "groups included A"). */
const LIST_INTRODUCERS = new Set(['like', 'including', 'included', 'include', 'includes']);

/**
 * A description or affiliation before a list of people is each one's ("veteran politicians A and B", "DAB's A
 * and B"). The plural head stays as written; the role rules for single names refuse plural heads.
 */
function sharedByList(ctx: EntityContext, mi: number, affiliationOfFirst: [number, number] | null): void {
  const { doc } = ctx;
  const m = doc.mentions[mi]!;
  let end = m.tokenStart;
  // "celebrity guests like A, B and C", "groups such as A and B": the description stands before the introducer.
  if (LIST_INTRODUCERS.has(doc.tokens[end - 1]?.lower ?? '')) end -= 1;
  else if (doc.tokens[end - 1]?.lower === 'as' && doc.tokens[end - 2]?.lower === 'such') end -= 2;
  if (doc.tokens[end - 1]?.text === ',' && end < m.tokenStart) end -= 1;
  const head = doc.tokens[end - 1];
  // A plural person noun before the list makes every name in it a person's ("the ancient gods, such as Zeus").
  const people = head !== undefined && head.pos === 'NOUN' && isPlural(head) && isPersonHead({ ...head, lower: singular(head.lower) })
    && personLike(ctx, mi);
  if (!people && m.type !== 'PERSON' && m.type !== 'ORG') return;
  const members = coordinatedAfter(ctx, mi, people);
  if (members.length === 0) return;
  const sentStart = doc.sentences[doc.tokens[m.tokenStart]!.sentence]!.tokenStart;
  let role: [number, number] | null = null;
  const fits = (h: Token) => (m.type === 'PERSON' || people ? isPersonHead({ ...h, lower: singular(h.lower) }) : ORG_WORDS.has(singular(h.lower)));
  if (head && head.pos === 'NOUN' && isPlural(head) && fits(head)) {
    let t = end - 1;
    while (t >= sentStart && end - t <= MAX_ROLE_TOKENS) {
      const tok = doc.tokens[t]!;
      const other = otherName(ctx, t, mi);
      if (other >= 0) {
        if (doc.mentions[other]!.type === 'PERSON') break;
        t = doc.mentions[other]!.tokenStart - 1;
        continue;
      }
      if ((isNominal(tok) && /^[a-z-]+$/.test(tok.text)) || tok.text === '-' || inCompound(ctx, t)) { t--; continue; }
      break;
    }
    if (t + 1 < end - 1 || isRoleHead(head)) role = [t + 1, end];
  }
  for (const other of [mi, ...members]) {
    const e = doc.mentions[other]!.entity;
    if (e < 0) continue;
    if (role) addRole(ctx, e, role[0], role[1]);
    // Only an affiliation written before the list ("DAB's A and B") is everyone's; "A of X, B of Y" each have their own.
    if (affiliationOfFirst && other !== mi && affiliationOfFirst[1] <= m.tokenStart) addRole(ctx, e, affiliationOfFirst[0], affiliationOfFirst[1]);
  }
}

/**
 * Titles coordinated with the one right before a name ("US singer, actor, and animal rights advocate Doris Day"
 * → "US singer", "actor"), each a role of its own: phrases ending in a singular person noun, joined by commas or
 * "and", before token `start` where the name's own title begins.
 */
function coordinatedTitles(ctx: EntityContext, mi: number, start: number): [number, number][] {
  const { doc } = ctx;
  const m = doc.mentions[mi]!;
  const sentStart = doc.sentences[doc.tokens[m.tokenStart]!.sentence]!.tokenStart;
  const out: [number, number][] = [];
  let t = start - 1;
  for (;;) {
    let joined = false;
    if (doc.tokens[t]?.lower === 'and') { t--; joined = true; }
    if (doc.tokens[t]?.text === ',') { t--; joined = true; }
    const end = t + 1;
    if (!joined || t < sentStart) return out;
    const head = doc.tokens[t]!;
    if (head.pos !== 'NOUN' || isPlural(head) || !isPersonHead(head) || otherName(ctx, t, mi) >= 0) return out;
    while (t >= sentStart && end - t <= MAX_ROLE_TOKENS) {
      const tok = doc.tokens[t]!;
      const other = otherName(ctx, t, mi);
      if (other >= 0) {
        if (doc.mentions[other]!.type === 'PERSON') return out;
        t = doc.mentions[other]!.tokenStart - 1;
        continue;
      }
      if ((isNominal(tok) && /^[a-z-]+$/.test(tok.text)) || tok.text === '-') { t--; continue; }
      break;
    }
    out.push([t + 1, end]);
  }
}

/** "the Russian border region of Kursk" → "Russian border region": a place-class noun linked by "of". */
function placeClassBefore(ctx: EntityContext, mi: number): [number, number] | null {
  const { doc } = ctx;
  const m = doc.mentions[mi]!;
  const of = m.tokenStart - 1;
  const head = of - 1;
  if (doc.tokens[of]?.lower !== 'of' || head < 0 || !PLACE_CLASSES.has(doc.tokens[head]!.lower)) return null;
  // Modifiers describe the place itself ("Russian border region"); a name among them makes it a part of the place
  // ("the Darfur region of Sudan").
  let t = head - 1;
  while (t >= 0 && (isNominal(doc.tokens[t]!) || doc.tokens[t]!.text === '-')) {
    const other = otherName(ctx, t, mi);
    if (other >= 0 && doc.mentions[other]!.type !== 'NORP') return null;
    if (other < 0 && doc.tokens[t]!.pos === 'PROPN') return null;
    t--;
  }
  // A bare class noun ("the city of X") says nothing the type does not.
  if (!DETERMINERS.has(doc.tokens[t]?.lower ?? '') || t + 1 === head) return null;
  return [t + 1, head + 1];
}

/**
 * "the Federal Security Service (FSB)": a name and its bracketed acronym are one entity; the form that is not the
 * entity's name is kept as a role, so that both spellings are in the record ("FSB" for the service named in full,
 * the full name for an entity known by its acronym).
 */
function bracketedAlias(ctx: EntityContext, mi: number): [number, number] | null {
  const { doc } = ctx;
  const m = doc.mentions[mi]!;
  if (doc.tokens[m.tokenStart - 1]?.text !== '(' || doc.tokens[m.tokenEnd]?.text !== ')' || m.type === 'PERSON') return null;
  const full = ctx.nameAt[m.tokenStart - 2] ?? -1;
  if (full < 0 || doc.mentions[full]!.entity !== m.entity) return null;
  const name = doc.entities[m.entity]!.name;
  const short = doc.text.slice(m.start, m.end);
  const f = doc.mentions[full]!;
  return short === name ? [f.tokenStart, f.tokenEnd] : [m.tokenStart, m.tokenEnd];
}

/** Place classes that follow a name ("Idlib province", "the Kowloon West geographical constituency"). */
const CLASSES_AFTER = new Set([...PLACE_CLASSES, 'constituency', 'riding', 'ward', 'electorate', 'governorate', 'prefecture',
  'canton', 'oblast', 'krai', 'emirate', 'borough', 'parish']);

/**
 * "the Kowloon West geographical constituency" → "geographical constituency": a lower-case place-class noun, with
 * its adjectives, right after a place name, ending the phrase (not "Idlib province governor").
 */
function placeClassAfter(ctx: EntityContext, mi: number): [number, number] | null {
  const { doc } = ctx;
  const m = doc.mentions[mi]!;
  if (m.type === 'PERSON' || m.type === 'NORP') return null;
  let t = m.tokenEnd;
  while (doc.tokens[t] && doc.tokens[t]!.pos === 'ADJ' && /^[a-z-]+$/.test(doc.tokens[t]!.text) && t - m.tokenEnd < 3) t++;
  const head = doc.tokens[t];
  if (!head || !CLASSES_AFTER.has(head.lower) || !/^[a-z]+$/.test(head.text)) return null;
  const next = doc.tokens[t + 1];
  if (next && (next.pos === 'NOUN' || next.pos === 'PROPN') && next.sentence === head.sentence) return null;
  return [m.tokenEnd, t + 1];
}

/** Collects roles for every entity from the context of each of its name mentions. */
export function extractRoles(ctx: EntityContext): void {
  const { doc } = ctx;
  for (let mi = 0; mi < doc.mentions.length; mi++) {
    const m = doc.mentions[mi]!;
    if (m.kind !== 'name' && m.kind !== 'acronym') continue;
    if (m.entity < 0 || !ROLE_TYPES.has(m.type)) continue;
    const before = placeClassBefore(ctx, mi) ?? roleBefore(ctx, mi) ?? appositiveBefore(ctx, mi);
    if (before) {
      addRole(ctx, m.entity, before[0], before[1]);
      if (m.type === 'PERSON') for (const [ts, te] of coordinatedTitles(ctx, mi, before[0])) addRole(ctx, m.entity, ts, te);
    }
    const alias = bracketedAlias(ctx, mi);
    if (alias) addRole(ctx, m.entity, alias[0], alias[1]);
    const classAfter = placeClassAfter(ctx, mi);
    if (classAfter) addRole(ctx, m.entity, classAfter[0], classAfter[1]);
    const member = affiliation(ctx, mi);
    if (member) addRole(ctx, m.entity, member[0], member[1]);
    sharedByList(ctx, mi, member);
    const after = appositiveAfter(ctx, mi);
    if (after) {
      const owner = doc.mentions[after[2]]!.entity;
      addRole(ctx, owner, after[0], after[1]);
      // The appositive is also a mention of its entity ("X, a doctor at the clinic,"), article included; letters
      // after a name ("QC") are not.
      if (POSTNOMINALS.has(doc.tokens[after[0]]!.text) && after[1] === after[0] + 1) continue;
      const span = appositiveMention(ctx, mi, after[0], after[1]);
      if (span) addMention(ctx, span[0], span[1], 'nominal', owner);
    }
  }
  retypeByRole(ctx);
}

/**
 * The part of an appositive that is a mention of its entity: from its article to before a complement naming
 * another entity ("the Speaker" of "the Speaker of the House", "holiest site" of "Islam's holiest site"), so that
 * the mention does not run over another entity's name. Null when nothing is left.
 */
function appositiveMention(ctx: EntityContext, mi: number, ts: number, te: number): [number, number] | null {
  const { doc } = ctx;
  let start = DETERMINERS.has(doc.tokens[ts - 1]!.lower) ? ts - 1 : ts;
  const possessor = doc.tokens[ts + 1];
  if (possessor && POSSESSIVE_MARKS.has(possessor.text) && /^[A-Z]/.test(doc.tokens[ts]!.text)) start = ts + 2;
  // "Republican from Texas": a phrase headed by another entity's name is no mention of this one ("Panama coach" is).
  else if (otherName(ctx, ts, mi) >= 0) {
    const after = doc.mentions[otherName(ctx, ts, mi)]!.tokenEnd;
    if (after >= te || doc.tokens[after]!.pos === 'ADP') return null;
  }
  // Cut at the first preposition that leads to another name; names before the head are its modifiers ("a UN
  // rapporteur").
  let end = te;
  for (let k = start, adp = -1; k < te; k++) {
    if (adp < 0 && doc.tokens[k]!.pos === 'ADP') adp = k;
    if (adp >= 0 && otherName(ctx, k, mi) >= 0) { end = adp; break; }
  }
  while (end > start && ['ADP', 'DET', 'CCONJ'].includes(doc.tokens[end - 1]!.pos)) end--;
  return end > start ? [start, end] : null;
}

/** Person words that never describe a body or a place ("a national team", "a source", "the star" can). */
const HUMAN_ONLY = new Set(['veteran', 'god', 'goddess', 'deity', 'prophet', 'activist', 'cosplayer', 'blogger', 'gunman',
  'newcomer', 'politician', 'homeopath', 'fiancée', 'fiancee', 'widow', 'widower', 'astronaut', 'rapporteur']);

/**
 * An entity the NER typed as a place or organisation but described as a person ("their child, Gloria,"; "X, a
 * nurse,") is a person. Countries and capitals from the lexicon are never retyped.
 */
function retypeByRole(ctx: EntityContext): void {
  const { doc, facts } = ctx;
  doc.entities.forEach((entity, e) => {
    if (entity.type === 'PERSON' || entity.type === 'NORP' || facts[e]!.country || entity.roles.length === 0) return;
    const personal = entity.roles.some((r) => {
      const words = r.text.toLowerCase().split(/\s+/);
      const cut = words.findIndex((w) => w === 'of' || w === 'at' || w === 'for' || w === 'in');
      const head = (cut >= 0 ? words.slice(0, cut) : words).pop() ?? '';
      if (kindFits(entity.type, singular(head)) && entity.type !== 'FAC') return false; // "broadcaster" for an ORG
      const one = singular(head);
      return KIN_NOUNS.has(one) || GENERIC_PERSON_HEADS.has(one) || roleHeadOf(head) !== null || HUMAN_ONLY.has(one);
    });
    if (!personal) return;
    entity.type = 'PERSON';
    for (const mi of entity.mentions) doc.mentions[mi]!.type = 'PERSON';
    facts[e]!.gender ??= genderOfFirstName(entity.name.split(/\s+/)[0]!);
  });
}
