/**
 * Features of the transition classifier (after Zhang & Nivre 2011, "Transition-based dependency parsing with rich
 * non-local features", adapted to arc-hybrid: stack words s0..s2, buffer words n0..n2, their tags, the leftmost and
 * rightmost dependents of s0, s1 and n0 with their relations, distance, valency and relation sets) and of the
 * relation labeller (head and dependent words and tags, direction, distance, and the dependent's own dependents,
 * which are all attached when it is: arc-hybrid pops a word only once it is complete).
 */
import { key, NONE, ROOT } from './keys.js';
import type { ParseState } from './state.js';

/** One sentence as the parser sees it: word atoms and tag indices, with the root appended at index n. */
export interface ParseInput {
  n: number;
  /** Lower-cased word hashes, `w[n]` the root atom. */
  w: Uint32Array;
  /** Tag indices, `p[n]` = ROOT_TAG. */
  p: Uint8Array;
  /** Word clusters at the 64- and 512-cluster levels (-1 unknown word, -4 the root). */
  c64: Int32Array;
  c512: Int32Array;
}

export const ROOT_TAG = 30;
const NO_TAG = 31;
const NO_LABEL = 127;

export const N_PARSE_FEATURES = 89;
export const N_LABEL_FEATURES = 29;

function distance(a: number, b: number): number {
  const d = Math.abs(a - b);
  return d <= 5 ? d : d <= 9 ? 6 : 7;
}

// The sentence, state and output of the call in progress, at module level so that the helpers below are plain
// functions: closures made per call showed up as garbage-collector time (this runs at every transition).
let X: ParseInput;
let S: ParseState;
let OUT: Uint32Array;
let K = 0;
let T = 0;
const W = (i: number) => (i < 0 || i > S.n ? NONE : X.w[i]!);
const P = (i: number) => (i < 0 || i > S.n ? NO_TAG : X.p[i]!);
const L = (i: number) => (i < 0 ? NO_LABEL : S.labels[i]!);
const C = (i: number) => (i < 0 || i > S.n ? -5 : X.c512[i]!);
const D = (i: number) => (i < 0 || i > S.n ? -5 : X.c64[i]!);
const at = (a: Int32Array, i: number) => (i < 0 ? -1 : a[i]!);
function f(a: number, b = 0, c = 0): void { OUT[K++] = key(T++, a, b, c); }

/** Transition features of `st` into `out` (N_PARSE_FEATURES keys). */
export function parseFeatures(x: ParseInput, st: ParseState, out: Uint32Array, withRoles = true): number {
  X = x; S = st; OUT = out; K = 0; T = 0;
  const s0 = st.s(0);
  const s1 = st.s(1);
  const s2 = st.s(2);
  const n0 = st.b;
  const n1 = n0 + 1 <= st.n ? n0 + 1 : -1;
  const n2 = n0 + 2 <= st.n ? n0 + 2 : -1;
  const s0l = at(st.lc1, s0); const s0l2 = at(st.lc2, s0);
  const s0r = at(st.rc1, s0); const s0r2 = at(st.rc2, s0);
  const n0l = at(st.lc1, n0); const n0l2 = at(st.lc2, n0);
  const s1l = at(st.lc1, s1); const s1r = at(st.rc1, s1);
  const ws0 = W(s0); const ws1 = W(s1); const wn0 = W(n0); const wn1 = W(n1); const wn2 = W(n2);
  const ps0 = P(s0); const ps1 = P(s1); const ps2 = P(s2); const pn0 = P(n0); const pn1 = P(n1); const pn2 = P(n2);
  const d = s0 < 0 ? 0 : n0 === st.n ? 8 : distance(s0, n0);
  const vl0 = s0 < 0 ? 0 : st.nl[s0]!; const vr0 = s0 < 0 ? 0 : st.nr[s0]!;
  const vn0 = st.nl[n0]!;
  const sl0 = s0 < 0 ? 0 : st.lset[s0]!; const sr0 = s0 < 0 ? 0 : st.rset[s0]!;
  const sn0 = st.lset[n0]!;
  // Features of one word in one role (and the bias) come first; inference takes their sums from a memo
  // (`roleFeatures`) and starts after them.
  if (withRoles) {
    for (let r = 0; r < N_ROLES; r++) K += roleFeatures(x, r, roleToken(st, r), out, K);
  }
  T = 17;
  // pairs
  f(ws0, wn0, ps0 * 32 + pn0); f(ws0, wn0, ps0); f(ws0, wn0, 64 + pn0); f(ws0, ps0 * 32 + pn0);
  f(wn0, ps0 * 32 + pn0); f(ws0, wn0); f(ps0, pn0); f(pn0, pn1);
  f(ws1, ws0); f(ps1, ps0); f(ws1, ps0); f(ps1, ws0); f(ws1, wn0); f(ps1, pn0);
  // triples
  f(pn0, pn1, pn2); f(ps0, pn0, pn1); f(ps1, ps0, pn0); f(ps0, P(s0l), pn0); f(ps0, P(s0r), pn0);
  f(ps0, pn0, P(n0l)); f(ps2, ps1, ps0); f(ps1, ps0, P(s0l)); f(ps1, P(s1r), ps0);
  // distance
  f(ws0, d); f(ps0, d); f(wn0, d); f(pn0, d); f(ws0, wn0, d); f(ps0 * 32 + pn0, d);
  // valency
  f(ws0, vr0); f(ps0, vr0); f(ws0, vl0); f(ps0, vl0); f(wn0, vn0); f(pn0, vn0);
  // dependents of s0, n0, s1
  f(W(s0l)); f(P(s0l)); f(L(s0l)); f(W(s0r)); f(P(s0r)); f(L(s0r));
  f(W(n0l)); f(P(n0l)); f(L(n0l)); f(P(s1l), L(s1l)); f(P(s1r), L(s1r));
  f(W(s0l2)); f(P(s0l2)); f(L(s0l2)); f(W(s0r2)); f(P(s0r2)); f(L(s0r2));
  f(W(n0l2)); f(P(n0l2)); f(L(n0l2));
  f(ps0, P(s0l), P(s0l2)); f(ps0, P(s0r), P(s0r2)); f(pn0, P(n0l), P(n0l2));
  // relation sets
  f(ws0, sr0); f(ps0, sr0); f(ws0, sl0); f(ps0, sl0); f(wn0, sn0); f(pn0, sn0);
  // what s0's head would be either way, by tags and words
  f(ps0, L(s0l), L(s0r)); f(ps1, ps0, pn0 * 32 + P(s1r));
  // word clusters, which generalise over words unseen in training
  T = 86;
  f(D(s0), D(n0)); f(ps0, D(n0)); f(D(s0), pn0);
  if (withRoles && K !== N_PARSE_FEATURES) throw new Error(`parse features: ${K} written, ${N_PARSE_FEATURES} declared`);
  return K;
}

/**
 * Roles whose single-word features depend on nothing but the word in the role: s0, n0, n1, n2, s1, s2, and the
 * bias as a sixth role of no word. Their keys keep the template numbers they had when the features were written
 * in one run (1 .. 16 and 83 .. 85), so models trained either way are the same.
 */
export const N_ROLES = 7;

/** The word in role `r` of `st` (-1: none). */
export function roleToken(st: ParseState, r: number): number {
  switch (r) {
    case 0: return st.s(0);
    case 1: return st.b;
    case 2: return st.b + 1 <= st.n ? st.b + 1 : -1;
    case 3: return st.b + 2 <= st.n ? st.b + 2 : -1;
    case 4: return st.s(1);
    case 5: return st.s(2);
    default: return -1;
  }
}

/** Keys of role `r` filled by word `i` into `out` from `at`; returns how many. */
export function roleFeatures(x: ParseInput, r: number, i: number, out: Uint32Array, at: number): number {
  const w = i < 0 ? NONE : x.w[i]!;
  const p = i < 0 ? NO_TAG : x.p[i]!;
  const c = i < 0 ? -5 : x.c512[i]!;
  let k = at;
  switch (r) {
    case 0: out[k++] = key(1, w, p); out[k++] = key(2, w); out[k++] = key(3, p); out[k++] = key(83, c); break;
    case 1: out[k++] = key(4, w, p); out[k++] = key(5, w); out[k++] = key(6, p); out[k++] = key(84, c); break;
    case 2: out[k++] = key(7, w, p); out[k++] = key(8, w); out[k++] = key(9, p); out[k++] = key(85, c); break;
    case 3: out[k++] = key(10, w, p); out[k++] = key(11, w); out[k++] = key(12, p); break;
    case 4: out[k++] = key(13, w, p); out[k++] = key(14, w); out[k++] = key(15, p); break;
    case 5: out[k++] = key(16, p); break;
    default: out[k++] = key(0, 0);
  }
  return k - at;
}

const T_LABEL = 200;

/** Labeller features for the arc head → dep of state `st` (before it is applied) into `out`. */
export function labelFeatures(x: ParseInput, st: ParseState, dep: number, head: number, out: Uint32Array): void {
  X = x; S = st; OUT = out; K = 0; T = T_LABEL;
  const dir = head === st.n ? 3 : head > dep ? 1 : 2;
  const dist = head === st.n ? 8 : distance(head, dep);
  const dw = W(dep); const hw = head === st.n ? ROOT : W(head);
  const dp = P(dep); const hp = P(head);
  const dl = st.lc1[dep]!; const dr = st.rc1[dep]!;
  const hd = hp * 32 + dp;
  f(0);
  f(dw); f(dp); f(hw); f(hp);
  f(hd, dir); f(hw, dp, dir); f(hp, dw, dir); f(hw, dw, dir); f(hd, dist * 4 + dir);
  f(dp, st.lset[dep]!, st.rset[dep]!); f(hd, st.lset[dep]!); f(hd, st.rset[dep]!);
  f(dp, L(dl), L(dr)); f(dp, W(dl)); f(hd, W(dl)); f(hd, dir, st.lset[head]!); f(hw, st.lset[head]!);
  f(dp, st.nl[dep]!, st.nr[dep]!); f(dp, W(dep - 1)); f(dp, P(dep - 1), P(dep + 1)); f(dw, hw);
  f(hd, W(dr)); f(hd, dir, P(head + (head > dep ? -1 : 1))); f(hd, dir, L(st.lc1[head]!));
  f(dw, dp, dir);
  f(C(dep), dp); f(C(head), hp); f(D(head), D(dep), dir);
  if (K !== N_LABEL_FEATURES) throw new Error(`label features: ${K} written, ${N_LABEL_FEATURES} declared`);
}
