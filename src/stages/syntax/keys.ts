/**
 * Feature keys of the tagger, the transition classifier and the labeller: a template number mixed with up to three
 * atoms (word hashes, tag and label indices, small integers) by murmur3 body rounds. Keys are 32-bit and never 0,
 * which marks a free slot of a WeightTable. Word atoms are FNV-1a hashes (src/learn/hash.ts) of the lower-cased
 * form, computed once per token.
 */
import { hashString } from '../../learn/hash.js';

function round(h: number, x: number): number {
  let k = Math.imul(x, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Key of template `t` over atoms `a`, `b`, `c`. */
export function key(t: number, a: number, b = 0, c = 0): number {
  let h = Math.imul(t + 0x9e3779b9, 0x85ebca6b);
  h = round(h, a);
  h = round(h, b);
  h = round(h, c);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h === 0 ? 1 : h >>> 0;
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
