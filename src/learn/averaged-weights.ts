/**
 * Training-time weights of every averaged perceptron here (linear, multiclass, structured): rows of `width`
 * weights, a row per feature key allocated on the feature's first update (most features never take part in one,
 * which keeps training memory modest), after `denseRows` rows that exist from the start and have no key (a bias,
 * a tag-transition matrix).
 *
 * Averaging uses the standard trick: beside each weight keep `acc`, the sum of clock · Δ over its updates; the
 * average of the weight over all clock steps is then `w − acc / clock`. Updates are ±1, so every sum is an exact
 * integer in float64 whatever the order of additions, and retraining writes byte-identical files.
 */

export class AveragedWeights<K> {
  private readonly rowOfKey = new Map<K, number>();
  /** Keys in the order of their first update; key i owns row `denseRows + i`. */
  readonly keys: K[] = [];
  private w: Float64Array;
  private acc: Float64Array;
  /** The averaging clock: 1 + the training steps done (see `tick`). */
  private clock = 1;

  constructor(readonly width: number, readonly denseRows = 0) {
    const rows = Math.max(denseRows, 1024);
    this.w = new Float64Array(rows * width);
    this.acc = new Float64Array(rows * width);
  }

  /** The row of a key, or -1 when it never took part in an update. */
  find(key: K): number {
    return this.rowOfKey.get(key) ?? -1;
  }

  /** The row of a key, allocated (zeros) on first use. */
  row(key: K): number {
    let r = this.rowOfKey.get(key);
    if (r !== undefined) return r;
    r = this.denseRows + this.keys.length;
    this.keys.push(key);
    this.rowOfKey.set(key, r);
    if ((r + 1) * this.width > this.w.length) {
      const w = new Float64Array(this.w.length * 2);
      w.set(this.w);
      this.w = w;
      const acc = new Float64Array(this.acc.length * 2);
      acc.set(this.acc);
      this.acc = acc;
    }
    return r;
  }

  /** Adds `delta` to weight `col` of row `r`, remembering when (for the average). */
  add(r: number, col: number, delta: number): void {
    const i = r * this.width + col;
    this.w[i]! += delta;
    this.acc[i]! += this.clock * delta;
  }

  /** One training step done (an example seen, updated or not). */
  tick(): void {
    this.clock++;
  }

  /** The current weight `col` of row `r`. */
  weight(r: number, col: number): number {
    return this.w[r * this.width + col]!;
  }

  /** The weight averaged over all steps so far. */
  average(r: number, col: number): number {
    const i = r * this.width + col;
    return this.w[i]! - this.acc[i]! / this.clock;
  }

  /** The current weights of the dense rows, row-major (a view: valid until the next `row` call). */
  dense(): Float64Array {
    return this.w.subarray(0, this.denseRows * this.width);
  }

  /** Adds the current rows of `keys[from .. to)` to `out[at .. at + width)`; unknown keys add nothing. */
  addRows(keys: ArrayLike<K>, from: number, to: number, out: Float64Array | Int32Array, at: number): void {
    const { width, w } = this;
    for (let j = from; j < to; j++) {
      const r = this.rowOfKey.get(keys[j]!);
      if (r === undefined) continue;
      const base = r * width;
      for (let t = 0; t < width; t++) out[at + t]! += w[base + t]!;
    }
  }
}
