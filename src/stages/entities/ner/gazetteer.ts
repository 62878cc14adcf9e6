/**
 * Name lists used as NER features: phrase (lower-cased, tokens joined by one space) → categories. The lists are
 * frozen into `models/ner/gazetteers.json` at training time so the features a model sees at run time are exactly
 * the ones it was trained with, whatever happens to the sources later.
 */

import { hashString } from '../../../learn/hash.js';

export const MAX_GAZ_TOKENS = 5;

export type GazIndex = Map<string, string[]>;

/**
 * `{category: [phrase, ...]}` → phrase → categories. Every shorter word prefix of a phrase ("new", "new york" of
 * "new york stock exchange") is in the index too, with no categories when it is not a phrase itself, so matching
 * can stop at the first word sequence that starts no phrase.
 */
export function buildGazIndex(lists: Record<string, string[]>): GazIndex {
  const idx: GazIndex = new Map();
  for (const [cat, phrases] of Object.entries(lists)) {
    for (const p of phrases) {
      const key = p.toLowerCase().replace(/\s+/g, ' ').trim();
      if (!key) continue;
      const cats = idx.get(key);
      if (!cats) idx.set(key, [cat]);
      else if (!cats.includes(cat)) cats.push(cat);
    }
  }
  for (const key of [...idx.keys()]) {
    for (let sp = key.indexOf(' '); sp > 0; sp = key.indexOf(' ', sp + 1)) {
      const prefix = key.slice(0, sp);
      if (!idx.has(prefix)) idx.set(prefix, []);
    }
  }
  return idx;
}

const tagHashes = new Map<string, number>();
/** Hash of the gazetteer tag "category:part", memoised (a few dozen distinct tags). */
const tagHash = (cat: string, part: string): number => {
  const tag = `${cat}:${part}`;
  let h = tagHashes.get(tag);
  if (h === undefined) tagHashes.set(tag, (h = hashString(tag)));
  return h;
};

/**
 * Per-token hashed gazetteer tags "category:B|I|L|U" for every list phrase that matches starting at a capitalised
 * token (undefined where none). Lists hold names, so requiring a capital first letter avoids matching "may",
 * "bath", "reading" as places.
 */
export function gazetteerTags(lowers: readonly string[], words: readonly string[], idx: GazIndex): (number[] | undefined)[] {
  const out: (number[] | undefined)[] = new Array(lowers.length);
  const add = (i: number, cat: string, part: string) => (out[i] ??= []).push(tagHash(cat, part));
  for (let i = 0; i < lowers.length; i++) {
    const c = words[i]!.charCodeAt(0);
    if (!(c >= 65 && c <= 90)) continue;
    let key = '';
    for (let n = 1; n <= MAX_GAZ_TOKENS && i + n <= lowers.length; n++) {
      key = n === 1 ? lowers[i]! : `${key} ${lowers[i + n - 1]!}`;
      const cats = idx.get(key);
      if (!cats) break; // no phrase starts with these words
      for (const cat of cats) {
        if (n === 1) add(i, cat, 'U');
        else {
          add(i, cat, 'B');
          for (let k = i + 1; k < i + n - 1; k++) add(k, cat, 'I');
          add(i + n - 1, cat, 'L');
        }
      }
    }
  }
  return out;
}
