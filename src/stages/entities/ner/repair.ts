/**
 * Span repairs after tagging, for patterns the training text rarely shows but news about geography often does.
 */
import type { NameSpan } from './decode.js';
import { CRAFT_PREFIXES, FEATURE_HEADS, ORG_NAME_HEADS, STORM_PREFIXES, STRONG_ORG_HEADS } from './types.js';
import { genderOfFirstName } from '../../../lexicon/names.js';
import { lookupGeo } from '../../../lexicon/geo.js';
import { roleHeadOf } from '../../../lexicon/titles.js';

/**
 * "Gulf of Aden", "Sea of Azov": when a name follows a capitalised natural-feature word and "of", the three parts
 * are one LOC name (the tagger sometimes returns "Gulf" and "Aden" apart, or "Aden" alone).
 */
export function joinFeatureOf(words: readonly string[], spans: NameSpan[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (const s of spans) {
    const head = s.start - 2;
    const joins = head >= 0 && words[s.start - 1] === 'of' && /^[A-Z]/.test(words[head]!)
      && FEATURE_HEADS.has(words[head]!.toLowerCase());
    if (!joins) { out.push(s); continue; }
    const last = out[out.length - 1];
    if (last && last.end > head) {
      if (last.start !== head || last.end !== head + 1) { out.push(s); continue; } // overlaps something else: keep as is
      out.pop();
    }
    out.push({ start: head, end: s.end, type: 'LOC' });
  }
  return out;
}

const DETERMINERS = new Set(['The', 'A', 'An']);
const isCapitalised = (w: string | undefined): boolean => w !== undefined && /^\p{Lu}/u.test(w) && !DETERMINERS.has(w);

/**
 * "the French Bishops' Conference", "the Nurses' Union of Kenya": a capitalised plural, a possessive apostrophe and
 * a capitalised head are one organisation's name. The tagger, which rarely saw the pattern, ends a name at the
 * apostrophe ("French Bishops" as a place, "Conference" left out) or keeps only the nationality; the name then runs
 * from the capitalised words before the apostrophe (or the name the tagger found there) to the capitalised words
 * after it (or the name found there). `sentStart` keeps the repair inside one sentence.
 */
export function joinPluralPossessive(words: readonly string[], sentStart: readonly boolean[], spans: NameSpan[]): NameSpan[] {
  let out = spans;
  for (let a = 1; a + 1 < words.length; a++) {
    if (words[a] !== "'" || sentStart[a] || sentStart[a + 1] || !/^\p{Lu}\p{Ll}+s$/u.test(words[a - 1]!) || !isCapitalised(words[a + 1])) continue;
    let start = a - 1;
    while (start > 0 && !sentStart[start] && isCapitalised(words[start - 1])) start--;
    // The head and what completes it: "Conference", "Union of Kenya".
    let end = a + 2;
    for (;;) {
      if (end < words.length && !sentStart[end] && isCapitalised(words[end])) end++;
      else if (end + 1 < words.length && !sentStart[end + 1] && NAME_LINKS.has(words[end]!) && isCapitalised(words[end + 1])) end += 2;
      else break;
    }
    for (const s of out) {
      if (s.start < start && s.end > start) start = s.start;
      if (s.start < end && s.end > end) end = s.end;
    }
    out = [...out.filter((s) => s.end <= start || s.start >= end), { start, end, type: 'ORG' as const }]
      .sort((x, y) => x.start - y.start);
    a = end;
  }
  return out;
}

const NAME_LINKS = new Set(['of', 'for', 'and', '&']);
/** A capitalised word in running text ("Chamber"), not a headline's capitals ("LEAGUE STANDINGS"). */
const isTitleWord = (w: string | undefined): boolean => w !== undefined && /^\p{Lu}\p{Ll}/u.test(w);

/**
 * "the Italian Chamber of Commerce": when the tagger returns only the nationality ("Italian", MISC) and nothing for
 * the capitalised words right after it, and those words name an organisation (they hold an organisation head such
 * as "Chamber" or "Association"), the whole is one organisation's name, not a nationality. Headlines in capitals
 * ("SCOTTISH LEAGUE STANDINGS") are left alone: there capitals do not mark names.
 */
export function extendNationalityToOrg(
  words: readonly string[], sentStart: readonly boolean[], spans: NameSpan[], isNationality: (name: string) => boolean,
): NameSpan[] {
  const out: NameSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    const nextStart = k + 1 < spans.length ? spans[k + 1]!.start : words.length;
    if (s.type !== 'MISC' || !isNationality(words.slice(s.start, s.end).join(' '))) { out.push(s); continue; }
    let end = s.end;
    let headFound = false;
    for (let i = s.end; i < nextStart && !sentStart[i]; i++) {
      const w = words[i]!;
      if (isTitleWord(w)) {
        end = i + 1;
        if (ORG_NAME_HEADS.has(w.toLowerCase())) headFound = true;
      } else if (!NAME_LINKS.has(w) || !isTitleWord(words[i + 1])) break;
    }
    out.push(headFound ? { start: s.start, end, type: 'ORG' } : s);
  }
  return out;
}

const ACRONYM = /^[A-Z][A-Z&.]{1,9}$/;
/**
 * "the Church of Scientology", "the Bank of Lisbon": a capitalised organisation head and "of" before a name make one
 * organisation's name. The tagger, which saw such heads mostly inside known names, returns the name after "of"
 * alone or even a span opening with "of" ("of Scientology"). The head may carry capitalised words before it
 * ("Roman Catholic Church of ..."), not a sentence's first word.
 */
export function joinOrgHeadOf(words: readonly string[], sentStart: readonly boolean[], spans: NameSpan[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (const s of spans) {
    const of = words[s.start] === 'of' ? s.start : s.start - 1;
    const head = of - 1;
    const joins = head >= 0 && words[of] === 'of' && of + 1 < s.end && !sentStart[of] && isTitleWord(words[head])
      && ORG_NAME_HEADS.has(words[head]!.toLowerCase());
    const last = out[out.length - 1];
    if (!joins || (last && last.end > head)) { out.push(s); continue; }
    let start = head;
    while (start > 0 && !sentStart[start] && isTitleWord(words[start - 1]) && !DETERMINERS.has(words[start - 1]!)
      && !(last && last.end > start - 1)) start--;
    out.push({ start, end: s.end, type: 'ORG' });
  }
  return out;
}

/**
 * "the Doris Day Animal Foundation", "the Saudi Interior Ministry": the tagger ends a name one word before its
 * organisation head, which it has rarely seen after such words; a capitalised head written right after the name
 * completes it, and the whole is an organisation. "the Australian Broadcasting Corporation": a nationality read
 * apart from the organisation name right after it is the first word of that name when the name is made of
 * capitalised common words ending in a head ("Broadcasting Corporation", "Press Agency"); it stays apart before a
 * name of its own ("the Russian Gazprom", one word). Title-case lines (`skip`) are left alone: there capitals do not
 * mark names ("Trump Says Congress").
 */
export function extendToOrgHead(
  words: readonly string[], sentStart: readonly boolean[], skip: readonly boolean[], spans: NameSpan[],
  isNationality: (name: string) => boolean,
): NameSpan[] {
  const out: NameSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    const next = spans[k + 1];
    if (skip[s.start]) { out.push(s); continue; }
    const head = words[s.end];
    const headFree = !next || next.start > s.end;
    if (headFree && s.end < words.length && !sentStart[s.end] && isTitleWord(head) && ORG_NAME_HEADS.has(head!.toLowerCase())
      && (s.type !== 'PER' || s.end - s.start > 1)) {
      out.push({ start: s.start, end: s.end + 1, type: 'ORG' });
      continue;
    }
    const joinsNext = next !== undefined && next.start === s.end && next.type === 'ORG' && next.end - next.start >= 2
      && s.type === 'MISC' && isNationality(words.slice(s.start, s.end).join(' '))
      && ORG_NAME_HEADS.has(words[next.end - 1]!.toLowerCase())
      && words.slice(next.start, next.end).every((w) => isTitleWord(w));
    if (joinsNext) {
      out.push({ start: s.start, end: next.end, type: 'ORG' });
      k++;
      continue;
    }
    out.push(s);
  }
  return out;
}

/** Words left out of an acronym's letters ("International Labour Organization" → ILO). */
const ACRONYM_SKIP = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'to', '&', 'de', 'du', 'des', 'la', 'le']);

/** Whether the acronym's letters are initials of the name's words, in order ("WHO" of "World Health Organization"). */
export function abbreviates(acronym: string, nameWords: readonly string[]): boolean {
  const letters = acronym.replace(/[.&]/g, '').toLowerCase();
  const initials = nameWords.flatMap((w) => w.split('-')).filter((w) => w && !ACRONYM_SKIP.has(w.toLowerCase()))
    .map((w) => w[0]!.toLowerCase()).join('');
  let i = 0;
  for (let j = 0; j < initials.length && i < letters.length; j++) if (initials[j] === letters[i]) i++;
  return i === letters.length && letters[0] === initials[0];
}

/** How far back a bracketed acronym may reach for the words it abbreviates. */
const ACRONYM_REACH = 12;

/**
 * The start of the stretch of capitalised words (with "of", "and", commas) ending at `end` whose initials the
 * acronym spells, or -1: "United Nations Educational, Scientific and Cultural Organization (UNESCO)".
 */
function abbreviatedStart(words: readonly string[], sentStart: readonly boolean[], end: number, acronym: string): number {
  const first = acronym[0]!.toLowerCase();
  for (let start = end - 1; start >= Math.max(0, end - ACRONYM_REACH); start--) {
    const w = words[start]!;
    if (!isCapitalised(w) && !ACRONYM_SKIP.has(w.toLowerCase()) && w !== ',') return -1;
    if (isCapitalised(w) && w[0]!.toLowerCase() === first && abbreviates(acronym, words.slice(start, end).filter((x) => x !== ','))) return start;
    if (sentStart[start]) return -1;
  }
  return -1;
}

/**
 * "The World Health Organization (WHO) said ... A WHO spokesman": an acronym defined in brackets right after a name
 * names the same thing, there and wherever it recurs in the document, even when the tagger reads it as something
 * else or not at all (an upper-case "WHO" looks like the pronoun). Its letters must be initials of the name, in
 * order; when they spell a longer stretch than the tagger's name ("Organization" alone of "United Nations
 * Educational, Scientific and Cultural Organization (UNESCO)"), the name is that whole stretch.
 */
export function addDefinedAcronyms(words: readonly string[], sentStart: readonly boolean[], spans: NameSpan[]): NameSpan[] {
  const defined = new Map<string, NameSpan['type']>();
  let out = spans;
  for (const s of spans) {
    const acronym = words[s.end + 1];
    if (words[s.end] !== '(' || words[s.end + 2] !== ')' || acronym === undefined || !ACRONYM.test(acronym)) continue;
    if (defined.has(acronym)) continue;
    if (abbreviates(acronym, words.slice(s.start, s.end))) { defined.set(acronym, s.type); continue; }
    const start = abbreviatedStart(words, sentStart, s.end, acronym);
    if (start < 0) continue;
    defined.set(acronym, s.type);
    out = [...out.filter((x) => x.end <= start || x.start >= s.end), { start, end: s.end, type: s.type }]
      .sort((a, b) => a.start - b.start);
  }
  if (defined.size === 0) return out;
  const covered = new Uint8Array(words.length);
  for (const s of out) covered.fill(1, s.start, s.end);
  const added: NameSpan[] = [];
  for (let i = 0; i < words.length; i++) {
    const type = defined.get(words[i]!);
    if (type && !covered[i]) added.push({ start: i, end: i + 1, type });
  }
  return added.length === 0 ? out : [...out, ...added].sort((a, b) => a.start - b.start);
}

/**
 * "Wu Chi-wai", "Kwok Ka-ki": the tagger, reading the capitalised part of a hyphenated given name alone (see
 * taggerWords), ends a person's name before the hyphen; the lower-case tail written against it belongs to the name.
 */
export function completeHyphenTails(words: readonly string[], touchesNext: readonly boolean[], spans: NameSpan[]): NameSpan[] {
  return spans.map((s) => {
    let end = s.end;
    while (s.type === 'PER' && words[end] === '-' && touchesNext[end - 1] && touchesNext[end]
      && /^\p{Ll}+$/u.test(words[end + 1] ?? '')) end += 2;
    return end === s.end ? s : { ...s, end };
  });
}

/** A US party label, alone or with a state: "R", "D", "I", "R-Utah", "D-Mo.", "D-N.Y.". */
const PARTY_LABEL = /^[DRI](?:-[A-Z][A-Za-z.]{0,14})?$/;

/**
 * "Gov. Pat McCrory (R)", "Sen. Mike Lee (R-Utah)": the bracketed party label after a person's name names no entity
 * of its own (the tagger reads "R" as an organisation and "Utah" as a place), so names inside it are dropped. The
 * name before it need not have been typed as a person: the label itself says it is one.
 */
export function dropPartyLabels(words: readonly string[], spans: NameSpan[]): NameSpan[] {
  const drop = new Set<NameSpan>();
  for (let k = 0; k < spans.length; k++) {
    const person = spans[k]!; // the name the label follows
    if (words[person.end] !== '(') continue;
    let close = person.end + 1;
    while (close < words.length && close - person.end <= 6 && words[close] !== ')') close++;
    if (words[close] !== ')' || !PARTY_LABEL.test(words.slice(person.end + 1, close).join(''))) continue;
    for (let j = k + 1; j < spans.length && spans[j]!.start < close; j++) drop.add(spans[j]!);
  }
  return drop.size === 0 ? spans : spans.filter((s) => !drop.has(s));
}

/** A word no person's name holds: an organisation head ("Party", "Board"). */
const isOrgWord = (w: string): boolean => ORG_NAME_HEADS.has(w.toLowerCase()) || STRONG_ORG_HEADS.has(w.toLowerCase());
/** Capitalised name words: "Quat", "Yiu-chung", "al-Amr". */
const isNameWord = (w: string): boolean => /^\p{Lu}[\p{Ll}'’-]*$/u.test(w) && !isOrgWord(w);

/**
 * Names the tagger runs together with a neighbour, read as one organisation or place:
 *  - a person and the body they belong to: "Elizabeth Quat of DAB", "Cardinal Marc Ouellet of the Holy See" →
 *    the person (title included; the entity stage moves it out) and the body after "of";
 *  - a place and the person after it: "Governor of Washington Chris Gregoire" → "Washington", "Chris Gregoire".
 * The person part must open with a known first name (after any title) and hold two or more name words and no
 * organisation head, so "Bank of England" and "Bank of America" stay whole.
 */
export function splitPersonFromNeighbour(words: readonly string[], spans: NameSpan[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (const s of spans) {
    if (s.type === 'PER') { out.push(s); continue; }
    let of = s.start;
    while (of < s.end && words[of] !== 'of') of++;
    if (of > s.start && of < s.end - 1) {
      let first = s.start;
      while (first < of && roleHeadOf(words[first]!) !== null) first++;
      const person = words.slice(first, of);
      const rest = words[of + 1] === 'the' ? of + 2 : of + 1;
      if (person.length >= 2 && person.every(isNameWord) && genderOfFirstName(person[0]!) !== null && rest < s.end) {
        out.push({ start: s.start, end: of, type: 'PER' }, { start: rest, end: s.end, type: s.type });
        continue;
      }
    }
    let split = -1;
    for (let k = s.start + 1; k + 1 < s.end && split < 0; k++) {
      if (lookupGeo(words.slice(s.start, k).join(' ')) !== null && genderOfFirstName(words[k]!) !== null) split = k;
    }
    if (split > 0 && words.slice(split, s.end).every(isNameWord)) {
      out.push({ start: s.start, end: split, type: 'LOC' }, { start: split, end: s.end, type: 'PER' });
      continue;
    }
    out.push(s);
  }
  return out;
}

/**
 * "the President of the United States Donald Trump": a person's name written right after another name, with no
 * word between, is often left untagged (the tagger reads the run of capitals as one name and then drops it). Two or
 * three capitalised name words opening with a known first name there are a person.
 */
export function addPersonAfterName(words: readonly string[], sentStart: readonly boolean[], spans: NameSpan[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    out.push(s);
    const next = spans[k + 1];
    const limit = Math.min(next ? next.start : words.length, s.end + 3);
    if (s.type === 'PER' || s.end + 1 >= limit || sentStart[s.end] || genderOfFirstName(words[s.end]!) === null) continue;
    let end = s.end;
    while (end < limit && !sentStart[end] && isNameWord(words[end]!)) end++;
    if (end - s.end >= 2 && (end === words.length || !/^\p{Lu}/u.test(words[end]!))) out.push({ start: s.end, end, type: 'PER' });
  }
  return out;
}

/**
 * "Hurricane Katrina", "Space Shuttle Atlantis", "USS Cole": the tagger, which saw such prefixes rarely, often
 * returns the name after the capitalised storm or craft word alone (as a person). The prefix joins the name, and
 * the type mapper then reads the whole as an event or a product.
 */
export function joinStormAndCraftPrefixes(words: readonly string[], sentStart: readonly boolean[], spans: NameSpan[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (const s of spans) {
    let start = s.start;
    const prefix = (i: number): boolean => i >= 0 && !sentStart[i + 1] && /^[A-Z]/.test(words[i]!);
    if (prefix(start - 1) && (STORM_PREFIXES.has(words[start - 1]!.toLowerCase())
      || CRAFT_PREFIXES.has(words[start - 1]!.toLowerCase()))) start--;
    if (words[start] === 'Shuttle' && prefix(start - 1) && words[start - 1] === 'Space') start--;
    const last = out[out.length - 1];
    if (start < s.start && last && last.end > start) { out.push(s); continue; }
    out.push(start < s.start ? { start, end: s.end, type: s.type } : s);
  }
  return out;
}
