/**
 * A first-order structured perceptron over BIO-style tags: per-token sparse integer features (see hash.ts), one
 * weight per (feature, tag), a tag-transition matrix, Viterbi decoding with a per-token mask of allowed tags. It is
 * the learned core of the attribution stage's span tagger (cue spans over sentences, source and content spans
 * around a cue), small enough to run at hundreds of thousands of tokens per second on one CPU core.
 *
 * Training (`SequenceTrainer`) is Collins' averaged structured perceptron: decode with the current weights, and
 * where the best path differs from the gold path add the gold path's features and subtract the predicted ones.
 * Updates are ±1 so every training sum is an exact integer whatever the order of additions: retraining is
 * byte-identical.
 */
import { AveragedWeights } from './averaged-weights.js';
import { WeightTable } from './weight-table.js';

export interface SequenceModelFile {
  tags: string[];
  /** `transitions[0]` scores the first tag (from the start state), `transitions[1 + a][b]` the move a → b. */
  transitions: number[][];
  /** Feature hash (decimal) → one weight per tag. */
  weights: Record<string, number[]>;
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

/** Weights by feature key: a trained `WeightTable`, or the training weights. */
interface RowSource {
  addRows(keys: ArrayLike<number>, from: number, to: number, out: Float64Array, at: number): void;
}

/** Emission scores of n tokens × T tags. */
function emissions(rows: FeatureRows, T: number, table: RowSource): Float64Array {
  const e = new Float64Array(rows.n * T);
  for (let i = 0; i < rows.n; i++) table.addRows(rows.keys, rows.start[i]!, rows.start[i + 1]!, e, i * T);
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

/** The span tagger's weight table layout: keys are 30-bit (never -1); a sparse table keeps probes short. */
const LAYOUT = { emptyKey: -1, maxLoad: 0.5 };

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
    const rows = Object.entries(file.weights);
    const keys = new Int32Array(rows.length);
    const weights = new Float32Array(rows.length * this.T);
    rows.forEach(([k, row], r) => {
      keys[r] = Number(k);
      weights.set(row, r * this.T);
    });
    this.table = new WeightTable(this.T, keys, weights, LAYOUT);
  }

  /** `base`, when given, holds scores already summed for features the rows leave out (see `partial`). */
  decode(rows: FeatureRows, c: Constraints, base?: Float64Array): Int32Array {
    const e = emissions(rows, this.T, this.table);
    if (base) for (let i = 0; i < e.length; i++) e[i]! += base[i]!;
    return viterbi(e, rows.n, this.T, this.tr, c);
  }

  /** Adds the weights of `keys[from .. to)` into `out[at .. at + T)`: for scores shared by many sequences. */
  partial(keys: ArrayLike<number>, from: number, to: number, out: Float64Array | Float32Array, at: number): void {
    this.table.addRows(keys, from, to, out, at);
  }

  get tagCount(): number {
    return this.T;
  }
}

/** Averaged structured perceptron training state. */
export class SequenceTrainer {
  private readonly T: number;
  /**
   * Rows 0 .. T are the transitions (`viterbi`'s `tr`: row 0 from the start state, row 1 + a from tag a), then
   * one row per feature key.
   */
  private readonly weights: AveragedWeights<number>;

  constructor(readonly tags: string[]) {
    this.T = tags.length;
    this.weights = new AveragedWeights(this.T, this.T + 1);
  }

  /** One training sequence: decode, and update where the prediction differs from `gold`. Returns errors. */
  learn(rows: FeatureRows, gold: ArrayLike<number>, c: Constraints): number {
    const { T, weights } = this;
    const pred = viterbi(emissions(rows, T, weights), rows.n, T, weights.dense(), c);
    let errors = 0;
    for (let i = 0; i < rows.n; i++) {
      const g = gold[i]!;
      const p = pred[i]!;
      if (g !== p) {
        errors++;
        for (let j = rows.start[i]!; j < rows.start[i + 1]!; j++) {
          const r = weights.row(rows.keys[j]!);
          weights.add(r, g, 1);
          weights.add(r, p, -1);
        }
      }
      const gPrev = i === 0 ? -1 : gold[i - 1]!;
      const pPrev = i === 0 ? -1 : pred[i - 1]!;
      if (g !== p || gPrev !== pPrev) {
        weights.add(1 + gPrev, g, 1);
        weights.add(1 + pPrev, p, -1);
      }
    }
    weights.tick();
    return errors;
  }

  /**
   * Averaged weights rounded to `digits` decimals; features whose largest weight is below `min` in absolute value
   * are dropped (most features are rare words and pairs whose weights stay near 0: dropping them keeps the file
   * and the lookup table small).
   */
  averaged(digits: number, min = 0): SequenceModelFile {
    const { T, weights } = this;
    const scale = 10 ** digits;
    const averagedRow = (r: number) => Array.from({ length: T },
      (_, t) => Math.round(weights.average(r, t) * scale) / scale || 0);
    const out: Record<string, number[]> = {};
    for (const f of [...weights.keys].sort((a, b) => a - b)) {
      const row = averagedRow(weights.find(f));
      if (row.some((v) => v !== 0) && Math.max(...row.map(Math.abs)) >= min) out[f] = row;
    }
    const transitions = Array.from({ length: T + 1 }, (_, r) => averagedRow(r));
    return { tags: this.tags, transitions, weights: out };
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
