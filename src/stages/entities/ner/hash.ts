/**
 * 32-bit hashing for the NER feature space. Features are never materialised as strings at run time: each token's
 * string atoms (word, shape, affixes, cluster ids) are hashed once, and every feature is an integer mix of a
 * template id with one or two atom hashes. That keeps tagging far above 150k words/s.
 */

/** FNV-1a over UTF-16 code units. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Murmur3 finaliser: spreads the bits so mixed keys do not cluster in the open-addressing table. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Feature key for template `t` applied to atoms `a` (and `b`). Never 0: 0 marks an empty table slot. */
export function mix(t: number, a: number, b = 0): number {
  const h = fmix(Math.imul(t + 1, 0x9e3779b1) ^ fmix(a ^ Math.imul(b, 0x27d4eb2f) ^ (b >>> 7)));
  return h === 0 ? 1 : h;
}
