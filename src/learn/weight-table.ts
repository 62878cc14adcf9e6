/**
 * A trained model's weights for decoding: feature key → a row of `width` weights (one per tag, or several passes'
 * tags side by side), Int16 (the NER model, quantised) or Float32 (the attribution span tagger). Rows live in an
 * open-addressing table whose slots hold the key and then the row's weights inline, so a lookup touches one place
 * in memory: the tables are larger than the CPU caches, and a second miss per feature doubled tagging time.
 *
 * On disk (`models/ner/weights.bin`, `toBuffer` / `fromBuffer`) an Int16 table is `n` Uint32 keys followed by
 * `n * width` Int16 weights.
 */

export interface TableLayout {
  /** A key value no feature takes: it marks free slots. */
  emptyKey: number;
  /** Largest share of occupied slots (lower: shorter probes, a larger table). */
  maxLoad: number;
}

export type WeightArray = Int16Array | Float32Array;

export class WeightTable {
  private readonly mask: number;
  private readonly emptyKey: number;
  /** Slots as Int32 words (the key is the first word of a slot) and, over the same buffer, as weights. */
  private readonly slots: Int32Array;
  private readonly slotWeights: WeightArray;
  private readonly slotWords: number;
  /** Weights per Int32 word: 2 for Int16, 1 for Float32. */
  private readonly perWord: number;

  /** `weights` holds the rows of `keys` in order, `width` weights each. */
  constructor(readonly width: number, readonly keys: Uint32Array | Int32Array, readonly weights: WeightArray,
    readonly layout: TableLayout) {
    let cap = 16;
    while (cap * layout.maxLoad < keys.length) cap *= 2;
    this.mask = cap - 1;
    this.emptyKey = layout.emptyKey | 0;
    this.perWord = 4 / weights.BYTES_PER_ELEMENT;
    this.slotWords = 1 + Math.ceil(width / this.perWord);
    const buf = new ArrayBuffer(cap * this.slotWords * 4);
    this.slots = new Int32Array(buf);
    this.slotWeights = weights instanceof Int16Array ? new Int16Array(buf) : new Float32Array(buf);
    if (this.emptyKey !== 0) for (let s = 0; s < cap; s++) this.slots[s * this.slotWords] = this.emptyKey;
    for (let r = 0; r < keys.length; r++) {
      const k = keys[r]! | 0;
      let s = k & this.mask;
      while (this.slots[s * this.slotWords] !== this.emptyKey) s = (s + 1) & this.mask;
      this.slots[s * this.slotWords] = k;
      this.slotWeights.set(weights.subarray(r * width, (r + 1) * width), (s * this.slotWords + 1) * this.perWord);
    }
  }

  /** Offset of a feature's weights in `slotWeights`, or -1 when the model does not know it. */
  private find(key: number): number {
    const { mask, slots, slotWords, emptyKey } = this;
    const k = key | 0;
    let s = k & mask;
    for (;;) {
      const sk = slots[s * slotWords]!;
      if (sk === k) return (s * slotWords + 1) * this.perWord;
      if (sk === emptyKey) return -1;
      s = (s + 1) & mask;
    }
  }

  /** The weights of one feature (a copy), or null when the model does not know it. */
  row(key: number): WeightArray | null {
    const o = this.find(key);
    return o < 0 ? null : this.slotWeights.slice(o, o + this.width);
  }

  /**
   * Adds columns `[col, col + out.length)` of the rows of features `feats[from..to)` into `out` (for the NER model
   * integer units: only the argmax matters).
   */
  addScores(feats: ArrayLike<number>, from: number, to: number, out: Int32Array | Float64Array, col = 0): void {
    const w = this.slotWeights;
    const n = out.length;
    for (let f = from; f < to; f++) {
      const o = this.find(feats[f]!);
      if (o < 0) continue;
      const base = o + col;
      for (let t = 0; t < n; t++) out[t]! += w[base + t]!;
    }
  }

  /**
   * Adds only columns `cols` of the rows of features `feats[from..to)` into `out[cols[j]]`: scoring a subset of the
   * classes (the parser's labeller scores the relations a dependent's tag and direction allow).
   */
  addColumns(feats: ArrayLike<number>, from: number, to: number, cols: ArrayLike<number>, out: Int32Array | Float64Array): void {
    const w = this.slotWeights;
    const nc = cols.length;
    for (let f = from; f < to; f++) {
      const o = this.find(feats[f]!);
      if (o < 0) continue;
      for (let j = 0; j < nc; j++) out[cols[j]!]! += w[o + cols[j]!]!;
    }
  }

  /** Adds the full rows of features `feats[from..to)` into `out[at .. at + width)`. */
  addRows(feats: ArrayLike<number>, from: number, to: number, out: Int32Array | Float64Array | Float32Array,
    at: number): void {
    const w = this.slotWeights;
    const { width } = this;
    for (let f = from; f < to; f++) {
      const o = this.find(feats[f]!);
      if (o < 0) continue;
      for (let t = 0; t < width; t++) out[at + t]! += w[o + t]!;
    }
  }

  /** Full-width sums for each token's features `feats[starts[i]..starts[i+1])`: `n * width` scores. */
  rowSums(feats: Uint32Array, starts: Uint32Array, n: number): Int32Array {
    const out = new Int32Array(n * this.width);
    for (let i = 0; i < n; i++) this.addRows(feats, starts[i]!, starts[i + 1]!, out, i * this.width);
    return out;
  }

  /** An Int16 table as written by `toBuffer`. */
  static fromBuffer(buf: Buffer | Uint8Array, width: number, layout: TableLayout): WeightTable {
    const n = buf.byteLength / (4 + 2 * width);
    if (!Number.isInteger(n)) throw new Error('weights.bin: size does not match the row width in model.json');
    // Copy into a fresh aligned buffer: a Node Buffer may sit at an odd offset in its pool.
    const bytes = new Uint8Array(buf.byteLength);
    bytes.set(buf);
    return new WeightTable(width, new Uint32Array(bytes.buffer, 0, n), new Int16Array(bytes.buffer, 4 * n, n * width),
      layout);
  }

  toBuffer(): Uint8Array {
    const { keys, weights } = this;
    const out = new Uint8Array(keys.byteLength + weights.byteLength);
    out.set(new Uint8Array(keys.buffer, keys.byteOffset, keys.byteLength), 0);
    out.set(new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength), keys.byteLength);
    return out;
  }

  /** Side-by-side merge of per-pass Int16 tables with equal widths (missing rows are zeros). */
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
    return new WeightTable(width, Uint32Array.from(keys), weights, tables[0]!.layout);
  }
}
