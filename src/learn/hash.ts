/**
 * Feature hashing for the learned taggers. Features are never materialised as strings per token: each string atom
 * (word, shape, affix, tag, cluster id) is hashed once with FNV-1a, and every feature key is an integer mix of a
 * template number with atom hashes and small integers.
 *
 * There are two mixing schemes, one per model family: `mix` (NER, 32-bit keys) and `mix30` (the attribution span
 * tagger, 30-bit keys). A trained model's weights are keyed by its scheme, so merging the two would mean retraining
 * both models; they stay side by side, and both start from the same FNV-1a.
 */

/** FNV-1a over UTF-16 code units, as an unsigned 32-bit integer. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The low 30 bits of `hashString` (the span tagger's key space). */
export function hashString30(s: string): number {
  return hashString(s) & 0x3fffffff;
}

/**
 * MurmurHash3's finaliser, a bijection on 32-bit integers with good avalanche: spreads the bits so mixed keys do
 * not cluster in an open-addressing table (and the corpus fingerprints use it too).
 */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** NER feature key for template `t` applied to atoms `a` (and `b`). Never 0: 0 marks an empty table slot. */
export function mix(t: number, a: number, b = 0): number {
  const h = fmix32(Math.imul(t + 1, 0x9e3779b1) ^ fmix32(a ^ Math.imul(b, 0x27d4eb2f) ^ (b >>> 7)));
  return h === 0 ? 1 : h;
}

/** One murmur3 body step. */
export function murmurRound(h: number, x: number): number {
  let k = Math.imul(x, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Span-tagger feature key (30 bits, never negative) of template `a` and up to four values (integers or hashes). */
export function mix30(a: number, b: number, c = 0, d = 0, e = 0): number {
  let h = Math.imul(a + 0x9e3779b9, 0x85ebca6b);
  h = murmurRound(h, b);
  h = murmurRound(h, c);
  h = murmurRound(h, d);
  h = murmurRound(h, e);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return (h >>> 0) & 0x3fffffff;
}
