/**
 * A multimap from 32-bit keys to document numbers in typed arrays (open addressing over chains of entries), so
 * the LSH and simhash-block indexes of a large corpus cost a few bytes per entry rather than a JS Map's dozens.
 */
export class BandIndex {
  private table: Int32Array;
  private mask: number;
  private used = 0;
  private keys = new Uint32Array(1024);
  private docs = new Int32Array(1024);
  private next = new Int32Array(1024);
  private count = 0;

  constructor(initialSlots = 1024) {
    let n = 1;
    while (n < initialSlots) n <<= 1;
    this.table = new Int32Array(n).fill(-1);
    this.mask = n - 1;
  }

  get size(): number { return this.count; }

  /** Calls `visit` with every document stored under `key` (most recent first). */
  forEach(key: number, visit: (doc: number) => void): void {
    let e = this.head(key >>> 0);
    while (e >= 0) {
      visit(this.docs[e]!);
      e = this.next[e]!;
    }
  }

  /** Like `forEach`, but stops as soon as `visit` returns true. */
  some(key: number, visit: (doc: number) => boolean): boolean {
    let e = this.head(key >>> 0);
    while (e >= 0) {
      if (visit(this.docs[e]!)) return true;
      e = this.next[e]!;
    }
    return false;
  }

  add(key: number, doc: number): void {
    key >>>= 0;
    if (this.count === this.keys.length) this.growEntries();
    const e = this.count++;
    this.keys[e] = key;
    this.docs[e] = doc;
    let slot = this.slotOf(key);
    const head = this.table[slot]!;
    if (head >= 0) {
      this.next[e] = head;
      this.table[slot] = e;
      return;
    }
    this.next[e] = -1;
    this.table[slot] = e;
    if (++this.used * 2 > this.table.length) {
      this.rehash();
      slot = -1;
    }
  }

  private head(key: number): number {
    const slot = this.slotOf(key);
    return this.table[slot]!;
  }

  /** The slot holding `key`'s chain, or the empty slot where it would go. */
  private slotOf(key: number): number {
    let i = (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const e = this.table[i]!;
      if (e < 0 || this.keys[e] === key) return i;
      i = (i + 1) & this.mask;
    }
  }

  private growEntries(): void {
    const n = this.keys.length * 2;
    const keys = new Uint32Array(n); keys.set(this.keys); this.keys = keys;
    const docs = new Int32Array(n); docs.set(this.docs); this.docs = docs;
    const next = new Int32Array(n); next.set(this.next); this.next = next;
  }

  private rehash(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2).fill(-1);
    this.mask = this.table.length - 1;
    for (const e of old) {
      if (e < 0) continue;
      this.table[this.slotOf(this.keys[e]!)] = e;
    }
  }
}
