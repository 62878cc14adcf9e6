/**
 * The trained weight table: feature key → one weight per tag, quantised to Int16. On disk (`models/ner/weights.bin`)
 * it is `n` Uint32 keys followed by `n * nTags` Int16 weights; loading is two typed-array views plus building an
 * open-addressing index, a few tens of milliseconds.
 */

export class WeightTable {
  private readonly mask: number;
  private readonly slotKey: Uint32Array;
  private readonly slotRow: Int32Array;

  constructor(readonly nTags: number, readonly keys: Uint32Array, readonly weights: Int16Array) {
    let cap = 1;
    while (cap < keys.length * 2) cap <<= 1;
    this.mask = cap - 1;
    this.slotKey = new Uint32Array(cap);
    this.slotRow = new Int32Array(cap);
    for (let r = 0; r < keys.length; r++) {
      let s = keys[r]! & this.mask;
      while (this.slotKey[s] !== 0) s = (s + 1) & this.mask;
      this.slotKey[s] = keys[r]!;
      this.slotRow[s] = r;
    }
  }

  /** Adds the weights of features `feats[from..to)` into `scores` (integer units; only the argmax matters). */
  addScores(feats: Uint32Array, from: number, to: number, scores: Int32Array | Float64Array): void {
    const { mask, slotKey, slotRow, weights, nTags } = this;
    for (let f = from; f < to; f++) {
      const k = feats[f]!;
      let s = k & mask;
      for (;;) {
        const sk = slotKey[s]!;
        if (sk === k) {
          const base = slotRow[s]! * nTags;
          for (let t = 0; t < nTags; t++) scores[t] += weights[base + t]!;
          break;
        }
        if (sk === 0) break;
        s = (s + 1) & mask;
      }
    }
  }

  static fromBuffer(buf: Buffer | Uint8Array, nTags: number): WeightTable {
    const n = buf.byteLength / (4 + 2 * nTags);
    if (!Number.isInteger(n)) throw new Error('weights.bin: size does not match the tag count in model.json');
    // Copy into fresh aligned buffers: a Node Buffer may sit at an odd offset in its pool.
    const bytes = new Uint8Array(buf.byteLength);
    bytes.set(buf);
    return new WeightTable(nTags, new Uint32Array(bytes.buffer, 0, n), new Int16Array(bytes.buffer, 4 * n, n * nTags));
  }

  static toBuffer(keys: Uint32Array, weights: Int16Array): Uint8Array {
    const out = new Uint8Array(keys.byteLength + weights.byteLength);
    out.set(new Uint8Array(keys.buffer, keys.byteOffset, keys.byteLength), 0);
    out.set(new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength), keys.byteLength);
    return out;
  }
}
