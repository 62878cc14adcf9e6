/**
 * The trained weight table: feature key → a row of Int16 weights, `stages * nTags` wide (both passes of the
 * two-stage tagger side by side, so one probe per static feature serves both). On disk (`models/ner/weights.bin`)
 * it is `n` Uint32 keys followed by `n * width` Int16 weights; loading copies them into an open-addressing table,
 * a few tens of milliseconds.
 */

export class WeightTable {
  private readonly mask: number;
  /** Open-addressing slots, each `slotWords` Int32 long: the key, then the row's Int16 weights inline, so a lookup
   *  touches one place in memory. */
  private readonly slots: Int32Array;
  private readonly slotW: Int16Array;
  private readonly slotWords: number;

  constructor(readonly width: number, readonly keys: Uint32Array, readonly weights: Int16Array) {
    let cap = 1;
    while (cap * 0.7 < keys.length) cap <<= 1; // a load factor of at most 0.7 keeps probes short and the table small
    this.mask = cap - 1;
    this.slotWords = 1 + Math.ceil(width / 2);
    const buf = new ArrayBuffer(cap * this.slotWords * 4);
    this.slots = new Int32Array(buf);
    this.slotW = new Int16Array(buf);
    for (let r = 0; r < keys.length; r++) {
      const k = keys[r]! | 0;
      let s = k & this.mask;
      while (this.slots[s * this.slotWords] !== 0) s = (s + 1) & this.mask;
      this.slots[s * this.slotWords] = k;
      this.slotW.set(weights.subarray(r * width, (r + 1) * width), s * this.slotWords * 2 + 2);
    }
  }

  /** Int16 offset of a feature's weights in the slot array, or -1 when the model does not know it. */
  private find(key: number): number {
    const { mask, slots, slotWords } = this;
    const k = key | 0;
    let s = k & mask;
    for (;;) {
      const sk = slots[s * slotWords]!;
      if (sk === k) return s * slotWords * 2 + 2;
      if (sk === 0) return -1;
      s = (s + 1) & mask;
    }
  }

  /** The weights of one feature (a copy), or null when the model does not know it. */
  row(key: number): Int16Array | null {
    const o = this.find(key);
    return o < 0 ? null : this.slotW.slice(o, o + this.width);
  }

  /**
   * Adds columns `[col, col + out.length)` of the rows of features `feats[from..to)` into `out` (integer units;
   * only the argmax matters).
   */
  addScores(feats: Uint32Array, from: number, to: number, out: Int32Array | Float64Array, col = 0): void {
    const w = this.slotW;
    const n = out.length;
    for (let f = from; f < to; f++) {
      const o = this.find(feats[f]!);
      if (o < 0) continue;
      const base = o + col;
      for (let t = 0; t < n; t++) out[t] += w[base + t]!;
    }
  }

  /** Full-width sums for each token's features `feats[starts[i]..starts[i+1])`: `n * width` scores. */
  rowSums(feats: Uint32Array, starts: Uint32Array, n: number): Int32Array {
    const w = this.slotW;
    const { width } = this;
    const out = new Int32Array(n * width);
    for (let i = 0; i < n; i++) {
      const o = i * width;
      for (let f = starts[i]!; f < starts[i + 1]!; f++) {
        const base = this.find(feats[f]!);
        if (base < 0) continue;
        for (let t = 0; t < width; t++) out[o + t] += w[base + t]!;
      }
    }
    return out;
  }

  static fromBuffer(buf: Buffer | Uint8Array, width: number): WeightTable {
    const n = buf.byteLength / (4 + 2 * width);
    if (!Number.isInteger(n)) throw new Error('weights.bin: size does not match the row width in model.json');
    // Copy into a fresh aligned buffer: a Node Buffer may sit at an odd offset in its pool.
    const bytes = new Uint8Array(buf.byteLength);
    bytes.set(buf);
    return new WeightTable(width, new Uint32Array(bytes.buffer, 0, n), new Int16Array(bytes.buffer, 4 * n, n * width));
  }

  toBuffer(): Uint8Array {
    const { keys, weights } = this;
    const out = new Uint8Array(keys.byteLength + weights.byteLength);
    out.set(new Uint8Array(keys.buffer, keys.byteOffset, keys.byteLength), 0);
    out.set(new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength), keys.byteLength);
    return out;
  }

  /** Side-by-side merge of per-stage tables with equal widths (missing rows are zeros). */
  static concat(tables: WeightTable[]): WeightTable {
    const keys = [...new Set(tables.flatMap((t) => [...t.keys]))].sort((a, b) => a - b);
    const w0 = tables[0]!.width;
    const width = w0 * tables.length;
    const weights = new Int16Array(keys.length * width);
    keys.forEach((k, r) => {
      tables.forEach((t, s) => {
        const row = t.row(k);
        if (row) weights.set(row, r * width + s * w0);
      });
    });
    return new WeightTable(width, Uint32Array.from(keys), weights);
  }
}
