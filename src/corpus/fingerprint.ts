/**
 * Near-duplicate fingerprints of an article's text: word shingles taken inside paragraphs (so reordering the
 * paragraphs of a wire copy keeps them), a 64-bit simhash over those shingles (two 32-bit halves), and a MinHash
 * signature whose bands feed locality-sensitive hashing.
 */
import { combine32, fmix32, murmur32, popcount32, seeds32 } from './hash.js';
import { paragraphs, words } from './text.js';

/** Words per shingle: long enough that unrelated news rarely shares one, short enough to survive light edits. */
export const SHINGLE_WORDS = 4;
/** MinHash signature length. */
export const MINHASH_SIZE = 128;
/** LSH: bands × rows ≤ MINHASH_SIZE; 42 bands of 3 rows find pairs with Jaccard 0.4 with probability ≈ 0.98. */
export const LSH_BANDS = 42;
export const LSH_ROWS = 3;

const PERMUTATIONS = seeds32(MINHASH_SIZE, 0x5eed1e55);
const SIMHASH_LO = 0x243f6a88;
const SIMHASH_HI = 0x85a308d3;

export interface Fingerprint {
  /** Distinct shingles in the text. */
  shingleCount: number;
  /** Simhash, high and low 32 bits (unsigned). */
  simhashHi: number;
  simhashLo: number;
  /** MinHash signature (MINHASH_SIZE unsigned 32-bit values); all 0xffffffff for a text without shingles. */
  minhash: Uint32Array;
}

/** Distinct shingle hashes of a text (paragraph-internal word n-grams; a short paragraph counts as one shingle). */
export function shingleHashes(text: string): Uint32Array {
  const seen = new Set<number>();
  for (const p of paragraphs(text)) {
    const ws = words(text.slice(p.start, p.end));
    if (ws.length === 0) continue;
    const wh = ws.map((w) => murmur32(w, 0x1234567));
    if (wh.length < SHINGLE_WORDS) {
      let h = wh.length;
      for (const x of wh) h = combine32(h, x);
      seen.add(h);
      continue;
    }
    for (let i = 0; i + SHINGLE_WORDS <= wh.length; i++) {
      let h = SHINGLE_WORDS;
      for (let j = 0; j < SHINGLE_WORDS; j++) h = combine32(h, wh[i + j]!);
      seen.add(h);
    }
  }
  return Uint32Array.from(seen);
}

export function fingerprint(text: string): Fingerprint {
  const sh = shingleHashes(text);
  const minhash = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  const counts = new Int32Array(64);
  for (let s = 0; s < sh.length; s++) {
    const x = sh[s]!;
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const v = fmix32((x ^ PERMUTATIONS[i]!) >>> 0);
      if (v < minhash[i]!) minhash[i] = v;
    }
    const lo = fmix32((x ^ SIMHASH_LO) >>> 0);
    const hi = fmix32((x ^ SIMHASH_HI) >>> 0);
    for (let b = 0; b < 32; b++) {
      counts[b]! += (lo >>> b) & 1 ? 1 : -1;
      counts[b + 32]! += (hi >>> b) & 1 ? 1 : -1;
    }
  }
  let simhashLo = 0;
  let simhashHi = 0;
  for (let b = 0; b < 32; b++) {
    if (counts[b]! > 0) simhashLo |= 1 << b;
    if (counts[b + 32]! > 0) simhashHi |= 1 << b;
  }
  return { shingleCount: sh.length, simhashHi: simhashHi >>> 0, simhashLo: simhashLo >>> 0, minhash };
}

/** Hamming distance between two 64-bit simhashes. */
export function simhashDistance(a: Fingerprint, b: Fingerprint): number {
  return popcount32((a.simhashHi ^ b.simhashHi) >>> 0) + popcount32((a.simhashLo ^ b.simhashLo) >>> 0);
}

/** The simhash as 16 hex digits. */
export function simhashHex(f: Fingerprint): string {
  return f.simhashHi.toString(16).padStart(8, '0') + f.simhashLo.toString(16).padStart(8, '0');
}

/** The LSH band keys of a signature: one 32-bit key per band (band number mixed in). */
export function bandKeys(minhash: Uint32Array): Uint32Array {
  const keys = new Uint32Array(LSH_BANDS);
  for (let b = 0; b < LSH_BANDS; b++) {
    let h = fmix32(b + 0x51ed270b);
    for (let r = 0; r < LSH_ROWS; r++) h = combine32(h, minhash[b * LSH_ROWS + r]!);
    keys[b] = h;
  }
  return keys;
}

/** Estimated Jaccard similarity of two shingle sets from their signatures. */
export function jaccardEstimate(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  let n = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) {
    if (a[i] === 0xffffffff && b[i] === 0xffffffff) continue;
    n++;
    if (a[i] === b[i]) same++;
  }
  return n === 0 ? 0 : same / n;
}

/**
 * Estimated containment of the smaller shingle set in the larger: |A∩B| = J/(1+J)·(|A|+|B|), divided by
 * min(|A|,|B|). A trimmed or extended copy keeps a high containment while its Jaccard falls.
 */
export function containmentEstimate(a: Fingerprint, b: Fingerprint): { jaccard: number; containment: number; shared: number } {
  const jaccard = jaccardEstimate(a.minhash, b.minhash);
  const shared = (jaccard / (1 + jaccard)) * (a.shingleCount + b.shingleCount);
  const small = Math.min(a.shingleCount, b.shingleCount);
  return { jaccard, containment: small === 0 ? 0 : Math.min(1, shared / small), shared };
}
