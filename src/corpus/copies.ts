/**
 * Copies and syndication: which stored articles are copies of one another (wire copies re-headlined, trimmed,
 * extended, paragraph-reordered or lightly edited) and which copy is the origin.
 *
 * Candidates come from two indexes — LSH over MinHash bands, and the four 16-bit blocks of the 64-bit simhash
 * (two simhashes within 3 bits share a block) — and each candidate pair is verified: the estimated containment of
 * the smaller article's shingles in the larger one is at least `MIN_CONTAINMENT`, or the simhashes are within
 * `MAX_SIMHASH_BITS`. Verified pairs are joined with union-find, so a copy of a copy lands in the same group.
 */
import { BandIndex } from './band-index.js';
import {
  bandKeys, containmentEstimate, MINHASH_SIZE, simhashDistance, type Fingerprint,
} from './fingerprint.js';

/** A pair is a copy when at least this share of the shorter article's shingles is in the other. */
export const MIN_CONTAINMENT = 0.5;
/** ... and they share at least this many shingles (a 3-sentence brief is not a copy because of one phrase). */
export const MIN_SHARED_SHINGLES = 6;
/** Simhashes this close mark near-identical texts whatever their length. */
export const MAX_SIMHASH_BITS = 3;

export interface CopyMatch {
  /** Document number of the matching earlier article. */
  doc: number;
  jaccard: number;
  containment: number;
  simhashBits: number;
}

export class CopyDetector {
  private minhash = new Uint32Array(MINHASH_SIZE * 256);
  private shingles = new Int32Array(256);
  private simHi = new Uint32Array(256);
  private simLo = new Uint32Array(256);
  private parent = new Int32Array(256);
  private count = 0;
  /** Members of each group with more than one document, by representative. */
  private readonly groups = new Map<number, number[]>();
  private readonly lsh = new BandIndex(1 << 12);
  private readonly blocks = new BandIndex(1 << 10);

  get size(): number { return this.count; }

  /** Adds document number `size` and returns the earlier documents it is a copy of (verified pairs). */
  add(fp: Fingerprint): CopyMatch[] {
    const n = this.count;
    this.ensure(n + 1);
    this.minhash.set(fp.minhash, n * MINHASH_SIZE);
    this.shingles[n] = fp.shingleCount;
    this.simHi[n] = fp.simhashHi;
    this.simLo[n] = fp.simhashLo;
    this.parent[n] = n;
    this.count++;
    if (fp.shingleCount === 0) return [];
    const candidates = new Set<number>();
    const keys = bandKeys(fp.minhash);
    for (const k of keys) this.lsh.forEach(k, (d) => { candidates.add(d); });
    const blockKeys = simhashBlocks(fp);
    for (const k of blockKeys) this.blocks.forEach(k, (d) => { candidates.add(d); });
    const matches: CopyMatch[] = [];
    for (const d of candidates) {
      const m = this.verify(fp, d);
      if (m) matches.push(m);
    }
    for (const k of keys) this.lsh.add(k, n);
    for (const k of blockKeys) this.blocks.add(k, n);
    for (const m of matches) this.union(n, m.doc);
    matches.sort((a, b) => a.doc - b.doc);
    return matches;
  }

  /** The fingerprint of document `n` as stored. */
  fingerprintOf(n: number): Fingerprint {
    return {
      shingleCount: this.shingles[n]!, simhashHi: this.simHi[n]!, simhashLo: this.simLo[n]!,
      minhash: this.minhash.subarray(n * MINHASH_SIZE, (n + 1) * MINHASH_SIZE),
    };
  }

  /** The representative of `n`'s copy group (its smallest document number). */
  group(n: number): number {
    let r = n;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[n] !== r) {
      const up = this.parent[n]!;
      this.parent[n] = r;
      n = up;
    }
    return r;
  }

  private verify(fp: Fingerprint, d: number): CopyMatch | null {
    const other = this.fingerprintOf(d);
    if (other.shingleCount === 0) return null;
    const simhashBits = simhashDistance(fp, other);
    const { jaccard, containment, shared } = containmentEstimate(fp, other);
    const near = simhashBits <= MAX_SIMHASH_BITS && Math.min(fp.shingleCount, other.shingleCount) >= 3;
    if (near || (containment >= MIN_CONTAINMENT && shared >= MIN_SHARED_SHINGLES)) {
      return { doc: d, jaccard, containment, simhashBits };
    }
    return null;
  }

  private union(a: number, b: number): void {
    const ra = this.group(a);
    const rb = this.group(b);
    if (ra === rb) return;
    // The smaller number stays the representative, so a group's key never changes when it grows.
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[drop] = keep;
    const merged = [...(this.groups.get(keep) ?? [keep]), ...(this.groups.get(drop) ?? [drop])].sort((x, y) => x - y);
    this.groups.delete(drop);
    this.groups.set(keep, merged);
  }

  /** Every document of `n`'s copy group, in order of arrival. */
  membersOf(n: number): readonly number[] {
    return this.groups.get(this.group(n)) ?? [n];
  }

  /** Groups of more than one document, each in order of arrival. */
  multiGroups(): IterableIterator<readonly number[]> {
    return this.groups.values();
  }

  private ensure(n: number): void {
    if (n <= this.shingles.length) return;
    const size = Math.max(n, this.shingles.length * 2);
    const mh = new Uint32Array(size * MINHASH_SIZE); mh.set(this.minhash); this.minhash = mh;
    const sh = new Int32Array(size); sh.set(this.shingles); this.shingles = sh;
    const hi = new Uint32Array(size); hi.set(this.simHi); this.simHi = hi;
    const lo = new Uint32Array(size); lo.set(this.simLo); this.simLo = lo;
    const pa = new Int32Array(size); pa.set(this.parent); this.parent = pa;
  }
}

/** The four 16-bit blocks of a simhash, each tagged with its position. */
function simhashBlocks(fp: Fingerprint): number[] {
  return [
    (0 << 16) | (fp.simhashHi >>> 16), (1 << 16) | (fp.simhashHi & 0xffff),
    (2 << 16) | (fp.simhashLo >>> 16), (3 << 16) | (fp.simhashLo & 0xffff),
  ];
}
