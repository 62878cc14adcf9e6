/**
 * Small, dependency-free 32-bit hashing for the corpus fingerprints. Everything is integer arithmetic with
 * `Math.imul`, so a fingerprint computed today equals one computed by another machine or a later version: stored
 * fingerprints stay comparable.
 */

import { fmix32 } from '../learn/hash.js';

export { fmix32 };

/** MurmurHash3 (x86, 32-bit) over the UTF-16 code units of `s`, two units per block. */
export function murmur32(s: string, seed = 0): number {
  let h = seed >>> 0;
  const n = s.length;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    let k = (s.charCodeAt(i) & 0xffff) | ((s.charCodeAt(i + 1) & 0xffff) << 16);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  if (i < n) {
    let k = s.charCodeAt(i) & 0xffff;
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
  }
  h ^= n * 2;
  return fmix32(h);
}

/** Combines two 32-bit hashes order-sensitively (boost::hash_combine on 32 bits, then mixed). */
export function combine32(a: number, b: number): number {
  return fmix32((a ^ (b + 0x9e3779b9 + (a << 6) + (a >>> 2))) >>> 0);
}

/** Number of set bits of a 32-bit integer. */
export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Deterministic 32-bit constants (splitmix-style), for the MinHash permutations. */
export function seeds32(count: number, seed: number): Uint32Array {
  const out = new Uint32Array(count);
  let s = seed >>> 0;
  for (let i = 0; i < count; i++) {
    s = (s + 0x9e3779b9) >>> 0;
    out[i] = fmix32(s ^ fmix32(i + 1));
  }
  return out;
}

/** A short, stable base-36 tag of a string (for readable ids). */
export function tag(s: string, seed = 0): string {
  return murmur32(s, seed).toString(36).padStart(7, '0');
}
