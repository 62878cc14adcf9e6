/**
 * Averaged perceptron over hashed features, with weight rows allocated only for features that ever take part in
 * an update (most features of correctly tagged tokens never need one), which keeps training memory modest.
 * Averaging uses the standard trick: avg = w - u / c, where u accumulates c * delta.
 */
import type { Scorer } from '../decode.js';

export class AveragedPerceptron implements Scorer {
  private rowOf = new Map<number, number>();
  private keys: number[] = [];
  private w: Float32Array;
  private u: Float64Array;
  /** Number of examples seen (the averaging clock). */
  c = 1;

  constructor(readonly nTags: number) {
    this.w = new Float32Array(1 << 16);
    this.u = new Float64Array(1 << 16);
  }

  addScores(feats: Uint32Array, from: number, to: number, scores: Float64Array | Int32Array): void {
    const { nTags, w } = this;
    for (let f = from; f < to; f++) {
      const r = this.rowOf.get(feats[f]!);
      if (r === undefined) continue;
      const base = r * nTags;
      for (let t = 0; t < nTags; t++) scores[t] += w[base + t]!;
    }
  }

  private row(key: number): number {
    let r = this.rowOf.get(key);
    if (r !== undefined) return r;
    r = this.keys.length;
    this.keys.push(key);
    this.rowOf.set(key, r);
    if ((r + 1) * this.nTags > this.w.length) {
      const w = new Float32Array(this.w.length * 2);
      w.set(this.w);
      this.w = w;
      const u = new Float64Array(this.u.length * 2);
      u.set(this.u);
      this.u = u;
    }
    return r;
  }

  /** Moves weight from the predicted tag to the gold tag for every feature in the given ranges. */
  update(ranges: [Uint32Array, number, number][], gold: number, predicted: number): void {
    for (const [feats, from, to] of ranges) {
      for (let f = from; f < to; f++) {
        const base = this.row(feats[f]!) * this.nTags;
        this.w[base + gold] += 1;
        this.u[base + gold] += this.c;
        this.w[base + predicted] -= 1;
        this.u[base + predicted] -= this.c;
      }
    }
  }

  get size(): number {
    return this.keys.length;
  }

  /**
   * Averaged weights quantised to Int16, dropping features whose largest averaged weight is below `minAbs`
   * (they barely move any decision, and dropping them keeps the model file small).
   */
  export(minAbs: number): { keys: Uint32Array; weights: Int16Array; scale: number } {
    return AveragedPerceptron.exportMean([this], minAbs);
  }

  /**
   * The mean of several models' averaged weights (models trained on different document orders: a small bagging
   * ensemble that costs nothing at run time beyond the union of their features), quantised as in `export`.
   */
  static exportMean(models: AveragedPerceptron[], minAbs: number): { keys: Uint32Array; weights: Int16Array; scale: number } {
    const { nTags } = models[0]!;
    const rowOf = new Map<number, number>();
    const allKeys: number[] = [];
    for (const m of models) for (const k of m.keys) if (!rowOf.has(k)) { rowOf.set(k, allKeys.length); allKeys.push(k); }
    const n = allKeys.length;
    const avg = new Float32Array(n * nTags);
    for (const m of models) {
      for (let r = 0; r < m.keys.length; r++) {
        const o = rowOf.get(m.keys[r]!)! * nTags;
        for (let t = 0; t < nTags; t++) avg[o + t] += (m.w[r * nTags + t]! - m.u[r * nTags + t]! / m.c) / models.length;
      }
    }
    let maxAbs = 0;
    for (let i = 0; i < n * nTags; i++) maxAbs = Math.max(maxAbs, Math.abs(avg[i]!));
    const scale = 32767 / maxAbs;
    const kept: number[] = [];
    for (let r = 0; r < n; r++) {
      let m = 0;
      for (let t = 0; t < nTags; t++) m = Math.max(m, Math.abs(avg[r * nTags + t]!));
      if (m >= minAbs) kept.push(r);
    }
    const keys = new Uint32Array(kept.length);
    const weights = new Int16Array(kept.length * nTags);
    kept.forEach((r, i) => {
      keys[i] = allKeys[r]!;
      for (let t = 0; t < nTags; t++) weights[i * nTags + t] = Math.round(avg[r * nTags + t]! * scale);
    });
    return { keys, weights, scale };
  }
}
