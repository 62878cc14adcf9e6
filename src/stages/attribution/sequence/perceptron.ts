/**
 * A first-order structured perceptron over BIO-style tags: per-token sparse string features, one weight per
 * (feature, tag), a tag-transition matrix, Viterbi decoding with a per-token mask of allowed tags. It is the
 * learned core of the attribution stage's span tagger (cue spans over sentences, source and content spans around
 * a cue), small enough to run at hundreds of thousands of tokens per second on one CPU core.
 *
 * Training (`SequenceTrainer`) is Collins' averaged structured perceptron: decode with the current weights, and
 * where the best path differs from the gold path add the gold path's features and subtract the predicted ones.
 * Updates are ±1 so every training sum is an exact integer whatever the order of additions: retraining is
 * byte-identical.
 *
 * Features are 30-bit integers (hashes of feature strings and of their conjunctions, see features.ts): building
 * and hashing a string per feature per token was 80% of the tagger's time, an open-addressing table of integers
 * is several times faster than a Map of strings.
 */

export interface SequenceModelFile {
  tags: string[];
  /** `transitions[0]` scores the first tag (from the start state), `transitions[1 + a][b]` the move a → b. */
  transitions: number[][];
  /** Feature hash (decimal) → one weight per tag. */
  weights: Record<string, number[]>;
}

/**
 * Open-addressing hash table from 30-bit feature keys to T weights each. Key and weights share one row of the same
 * buffer (stride 1 + T words), so a lookup touches one cache line: the table is larger than the CPU caches and a
 * second miss per feature doubled the tagger's time.
 */
class WeightTable {
  private readonly mask: number;
  private readonly stride: number;
  readonly keys: Int32Array;
  readonly w: Float32Array;

  constructor(entries: [number, ArrayLike<number>][], private readonly T: number) {
    let cap = 16;
    while (cap < entries.length * 2) cap *= 2;
    this.mask = cap - 1;
    this.stride = T + 1;
    const buf = new ArrayBuffer(cap * this.stride * 4);
    this.keys = new Int32Array(buf);
    this.w = new Float32Array(buf);
    for (let h = 0; h < cap; h++) this.keys[h * this.stride] = -1;
    for (const [k, row] of entries) {
      let h = k & this.mask;
      while (this.keys[h * this.stride] !== -1) h = (h + 1) & this.mask;
      this.keys[h * this.stride] = k;
      for (let t = 0; t < T; t++) this.w[h * this.stride + 1 + t] = row[t]!;
    }
  }

  /** Index of key k's first weight, or -1. */
  find(k: number): number {
    const st = this.stride;
    let h = k & this.mask;
    for (;;) {
      const x = this.keys[h * st]!;
      if (x === k) return h * st + 1;
      if (x === -1) return -1;
      h = (h + 1) & this.mask;
    }
  }

  /** Adds the weights of `keys[from .. to)` to `e[base .. base + T)`. */
  addTo(keys: ArrayLike<number>, from: number, to: number, e: Float64Array | Float32Array, base: number): void {
    const { T, w } = this;
    for (let j = from; j < to; j++) {
      const slot = this.find(keys[j]!);
      if (slot < 0) continue;
      for (let t = 0; t < T; t++) e[base + t] += w[slot + t]!;
    }
  }
}

/** `allowed(i, tag)`: whether token i may take tag; `legal(a, b)`: whether tag b may follow tag a (-1: start). */
export interface Constraints {
  allowed?: (i: number, tag: number) => boolean;
  legal: (a: number, b: number) => boolean;
}

/** A sequence's features: token i's feature keys are `keys[start[i] .. start[i + 1])`. */
export interface FeatureRows {
  n: number;
  keys: Int32Array | number[];
  start: Int32Array | number[];
}

/** Emission scores of n tokens × T tags. */
function emissions(rows: FeatureRows, T: number, table: WeightTable): Float64Array {
  const e = new Float64Array(rows.n * T);
  for (let i = 0; i < rows.n; i++) table.addTo(rows.keys, rows.start[i]!, rows.start[i + 1]!, e, i * T);
  return e;
}

function emissionsFromMap(rows: FeatureRows, T: number, map: Map<number, Float64Array>): Float64Array {
  const e = new Float64Array(rows.n * T);
  for (let i = 0; i < rows.n; i++) {
    for (let j = rows.start[i]!; j < rows.start[i + 1]!; j++) {
      const w = map.get(rows.keys[j]!);
      if (!w) continue;
      for (let t = 0; t < T; t++) e[i * T + t] += w[t]!;
    }
  }
  return e;
}

/** The best tag path under emissions `e`, transitions `tr` ((T+1)×T, row 0 = start) and the constraints. */
export function viterbi(e: Float64Array, n: number, T: number, tr: ArrayLike<number>, c: Constraints): Int32Array {
  const path = new Int32Array(n);
  if (n === 0) return path;
  const score = new Float64Array(n * T).fill(-Infinity);
  const back = new Int32Array(n * T).fill(-1);
  for (let t = 0; t < T; t++) {
    if (!c.legal(-1, t) || (c.allowed && !c.allowed(0, t))) continue;
    score[t] = tr[t]! + e[t]!;
  }
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      if (c.allowed && !c.allowed(i, t)) continue;
      let best = -Infinity;
      let arg = -1;
      for (let p = 0; p < T; p++) {
        const prev = score[(i - 1) * T + p]!;
        if (prev === -Infinity || !c.legal(p, t)) continue;
        const s = prev + tr[(1 + p) * T + t]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      if (arg < 0) continue;
      score[i * T + t] = best + e[i * T + t]!;
      back[i * T + t] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let t = 0; t < T; t++) {
    if (score[(n - 1) * T + t]! > best) {
      best = score[(n - 1) * T + t]!;
      arg = t;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    path[i] = arg;
    arg = back[i * T + arg]!;
    if (arg < 0 && i > 0) arg = 0; // no legal path: fall back to tag 0 (outside) for the rest
  }
  return path;
}

/** A trained model, ready to decode. */
export class SequenceModel {
  readonly tags: string[];
  private readonly T: number;
  private readonly tr: Float64Array;
  private readonly table: WeightTable;

  constructor(file: SequenceModelFile) {
    this.tags = file.tags;
    this.T = file.tags.length;
    this.tr = Float64Array.from(file.transitions.flat());
    this.table = new WeightTable(Object.entries(file.weights).map(([k, v]) => [Number(k), v]), this.T);
  }

  /** `base`, when given, holds scores already summed for features the rows leave out (see `partial`). */
  decode(rows: FeatureRows, c: Constraints, base?: Float64Array): Int32Array {
    const e = emissions(rows, this.T, this.table);
    if (base) for (let i = 0; i < e.length; i++) e[i] += base[i]!;
    return viterbi(e, rows.n, this.T, this.tr, c);
  }

  /** Adds the weights of `keys[from .. to)` into `out[at .. at + T)`: for scores shared by many sequences. */
  partial(keys: ArrayLike<number>, from: number, to: number, out: Float64Array | Float32Array, at: number): void {
    this.table.addTo(keys, from, to, out, at);
  }

  get tagCount(): number {
    return this.T;
  }
}

/** Averaged structured perceptron training state. */
export class SequenceTrainer {
  private readonly T: number;
  private readonly w = new Map<number, Float64Array>();
  private readonly acc = new Map<number, Float64Array>();
  private readonly tr: Float64Array;
  private readonly trAcc: Float64Array;
  private c = 1;

  constructor(readonly tags: string[]) {
    this.T = tags.length;
    this.tr = new Float64Array((this.T + 1) * this.T);
    this.trAcc = new Float64Array((this.T + 1) * this.T);
  }

  /** One training sequence: decode, and update where the prediction differs from `gold`. Returns errors. */
  learn(rows: FeatureRows, gold: ArrayLike<number>, c: Constraints): number {
    const { T } = this;
    const e = emissionsFromMap(rows, T, this.w);
    const pred = viterbi(e, rows.n, T, this.tr, c);
    let errors = 0;
    for (let i = 0; i < rows.n; i++) {
      const g = gold[i]!;
      const p = pred[i]!;
      if (g !== p) {
        errors++;
        for (let j = rows.start[i]!; j < rows.start[i + 1]!; j++) {
          this.bump(rows.keys[j]!, g, 1);
          this.bump(rows.keys[j]!, p, -1);
        }
      }
      const gPrev = i === 0 ? -1 : gold[i - 1]!;
      const pPrev = i === 0 ? -1 : pred[i - 1]!;
      if (g !== p || gPrev !== pPrev) {
        this.bumpTr((1 + gPrev) * T + g, 1);
        this.bumpTr((1 + pPrev) * T + p, -1);
      }
    }
    this.c++;
    return errors;
  }

  private bump(f: number, tag: number, d: number): void {
    let w = this.w.get(f);
    let a = this.acc.get(f);
    if (!w || !a) {
      w = new Float64Array(this.T);
      a = new Float64Array(this.T);
      this.w.set(f, w);
      this.acc.set(f, a);
    }
    w[tag] += d;
    a[tag] += this.c * d;
  }

  private bumpTr(k: number, d: number): void {
    this.tr[k] += d;
    this.trAcc[k] += this.c * d;
  }

  /**
   * Averaged weights rounded to `digits` decimals; features whose largest weight is below `min` in absolute value
   * are dropped (most features are rare words and pairs whose weights stay near 0: dropping them keeps the file
   * and the lookup table small).
   */
  averaged(digits: number, min = 0): SequenceModelFile {
    const scale = 10 ** digits;
    const round = (v: number) => Math.round(v * scale) / scale || 0;
    const weights: Record<string, number[]> = {};
    for (const f of [...this.w.keys()].sort((a, b) => a - b)) {
      const w = this.w.get(f)!;
      const a = this.acc.get(f)!;
      const row = Array.from(w, (v, t) => round(v - a[t]! / this.c));
      if (row.some((v) => v !== 0) && Math.max(...row.map(Math.abs)) >= min) weights[f] = row;
    }
    const transitions: number[][] = [];
    for (let r = 0; r <= this.T; r++) {
      transitions.push(Array.from({ length: this.T }, (_, t) => round(this.tr[r * this.T + t]! - this.trAcc[r * this.T + t]! / this.c)));
    }
    return { tags: this.tags, transitions, weights };
  }
}

/** BIO legality for tags named `O`, `B-X`, `I-X`: `I-X` only after `B-X` or `I-X`. */
export function bioLegal(tags: string[]): (a: number, b: number) => boolean {
  const T = tags.length;
  const table = new Uint8Array((T + 1) * T);
  for (let a = -1; a < T; a++) {
    for (let b = 0; b < T; b++) {
      const tb = tags[b]!;
      let ok = true;
      if (tb.startsWith('I-')) {
        const ta = a < 0 ? 'O' : tags[a]!;
        ok = ta === `B-${tb.slice(2)}` || ta === tb;
      }
      table[(a + 1) * T + b] = ok ? 1 : 0;
    }
  }
  return (a, b) => table[(a + 1) * T + b] === 1;
}
