/**
 * Arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta 2011) with the root at the end of the buffer
 * (Ballesteros & Nivre 2013), and its dynamic oracle (Goldberg & Nivre 2013): the cost of a transition is the
 * number of gold arcs it makes unreachable.
 *
 * Words are 0 .. n-1; word n is the artificial root. SHIFT pushes the buffer front b; LEFT makes b the head of the
 * stack top s0 and pops it; RIGHT makes s1 the head of s0 and pops it. Only the last LEFT may attach to the root
 * (when the stack holds one word and the buffer only the root), so every parse has exactly one root word.
 */

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
export const N_ACTIONS = 3;

export class ParseState {
  readonly stack: Int32Array;
  sp = 0;
  b = 0;
  readonly heads: Int32Array;
  readonly labels: Int16Array;
  /** Leftmost, second-leftmost, rightmost, second-rightmost dependents (-1: none). */
  readonly lc1: Int32Array;
  readonly lc2: Int32Array;
  readonly rc1: Int32Array;
  readonly rc2: Int32Array;
  readonly nl: Uint8Array;
  readonly nr: Uint8Array;
  /** Bit sets of the relations of the left and right dependents (see `labelBit`). */
  readonly lset: Uint32Array;
  readonly rset: Uint32Array;

  constructor(readonly n: number) {
    const m = n + 1;
    this.stack = new Int32Array(m);
    this.heads = new Int32Array(m).fill(-1);
    this.labels = new Int16Array(m).fill(-1);
    this.lc1 = new Int32Array(m).fill(-1);
    this.lc2 = new Int32Array(m).fill(-1);
    this.rc1 = new Int32Array(m).fill(-1);
    this.rc2 = new Int32Array(m).fill(-1);
    this.nl = new Uint8Array(m);
    this.nr = new Uint8Array(m);
    this.lset = new Uint32Array(m);
    this.rset = new Uint32Array(m);
  }

  get done(): boolean {
    return this.sp === 0 && this.b === this.n;
  }

  s(k: number): number {
    return this.sp > k ? this.stack[this.sp - 1 - k]! : -1;
  }

  /** The dependent and head the arc transition `a` (LEFT or RIGHT) would make. */
  arcOf(a: number): [dep: number, head: number] {
    const d = this.stack[this.sp - 1]!;
    return [d, a === LEFT ? this.b : this.stack[this.sp - 2]!];
  }

  valid(a: number): boolean {
    const { sp, b, n } = this;
    if (a === SHIFT) return b < n;
    if (a === RIGHT) return sp >= 2;
    return sp >= 1 && (b < n || sp === 1);
  }

  /** Applies `a`; for an arc, `label` is the relation index and `bit` its label-set bit. */
  apply(a: number, label = -1, bit = 0): void {
    if (a === SHIFT) {
      this.stack[this.sp++] = this.b++;
      return;
    }
    const [d, h] = this.arcOf(a);
    this.sp--;
    this.heads[d] = h;
    this.labels[d] = label;
    if (d < h) {
      // Dependents to the left arrive right to left in arc-hybrid only as LEFT arcs from the buffer front, whose
      // dependents come in stack order: the newest is the closest, so track the leftmost by position.
      if (this.lc1[h]! < 0 || d < this.lc1[h]!) { this.lc2[h] = this.lc1[h]!; this.lc1[h] = d; }
      else if (this.lc2[h]! < 0 || d < this.lc2[h]!) this.lc2[h] = d;
      this.nl[h]!++;
      this.lset[h]! |= bit;
    } else {
      if (this.rc1[h]! < 0 || d > this.rc1[h]!) { this.rc2[h] = this.rc1[h]!; this.rc1[h] = d; }
      else if (this.rc2[h]! < 0 || d > this.rc2[h]!) this.rc2[h] = d;
      this.nr[h]!++;
      this.rset[h]! |= bit;
    }
  }

  /**
   * Cost of `a` against gold heads (`gold[d]` in 0 .. n, the root being n): gold arcs that can no longer be built.
   * Exact for projective trees; for non-projective ones an estimate, and training follows the cheapest transition.
   */
  cost(a: number, gold: Int32Array): number {
    const { stack, sp, b, n } = this;
    if (a === SHIFT) {
      // b on the stack can still take s0 as its head (RIGHT), but no head deeper in the stack and no dependent
      // anywhere in the stack.
      let c = 0;
      for (let k = 0; k < sp; k++) {
        const x = stack[k]!;
        if (gold[x] === b) c++;
        if (k < sp - 1 && gold[b] === x) c++;
      }
      return c;
    }
    const s0 = stack[sp - 1]!;
    // Popping s0 loses its dependents still in the buffer ...
    let c = 0;
    for (let x = b; x < n; x++) if (gold[x] === s0) c++;
    const h = gold[s0]!;
    // ... and its gold head unless that is the head this transition gives it.
    if (a === LEFT) {
      if (h !== b && ((sp >= 2 && h === stack[sp - 2]) || (h > b && h <= n))) c++;
    } else if (h !== stack[sp - 2] && h >= b && h <= n) c++;
    return c;
  }
}
