/**
 * Feature keys of the tagger, the transition classifier and the labeller: a template number mixed with up to three
 * atoms (word hashes, tag and label indices, small integers) by murmur3 body rounds. Keys are 32-bit and never 0,
 * which marks a free slot of a WeightTable. Word atoms are FNV-1a hashes (src/learn/hash.ts) of the lower-cased
 * form, computed once per token.
 */
import { fmix32, hashString, murmurRound } from '../../learn/hash.js';

/** Key of template `t` over atoms `a`, `b`, `c`. */
export function key(t: number, a: number, b = 0, c = 0): number {
  let h = Math.imul(t + 0x9e3779b9, 0x85ebca6b);
  h = murmurRound(h, a);
  h = murmurRound(h, b);
  h = murmurRound(h, c);
  const k = fmix32(h);
  return k === 0 ? 1 : k;
}

/** Atom of a missing position (before the sentence, an empty stack slot, a child that is not there). */
export const NONE = hashString('<none>');
/** Atom of the artificial root word, which sits at the end of the buffer. */
export const ROOT = hashString('<root>');

/** Word shape: X for upper-case letters, x lower-case, d digits, other characters as they are; at most 8 long. */
export function shapeOf(w: string): string {
  let s = '';
  for (let i = 0; i < w.length && s.length < 8; i++) {
    const c = w[i]!;
    s += /\p{Lu}/u.test(c) ? 'X' : /\p{L}/u.test(c) ? 'x' : /\d/.test(c) ? 'd' : c;
  }
  return s;
}

/** The shape with runs of the same class collapsed ("Xxxxx" → "Xx", "dd-dd" → "d-d"). */
export function shortShape(shape: string): string {
  let s = '';
  for (const c of shape) if (s[s.length - 1] !== c) s += c;
  return s;
}

/** Lower-cased with digits as 0, the form word clusters are keyed by (as the NER model's clusters.tsv). */
export const normWord = (w: string): string => w.toLowerCase().replace(/[0-9]/g, '0');
