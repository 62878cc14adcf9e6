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
}

export const ROOT_TAG = 30;
const NO_TAG = 31;
const NO_LABEL = 127;

export const N_PARSE_FEATURES = 83;
export const N_LABEL_FEATURES = 26;

function distance(a: number, b: number): number {
  const d = Math.abs(a - b);
  return d <= 5 ? d : d <= 9 ? 6 : 7;
}

/** Transition features of `st` into `out` (N_PARSE_FEATURES keys). */
export function parseFeatures(x: ParseInput, st: ParseState, out: Uint32Array): void {
  const { w, p } = x;
  const W = (i: number) => (i < 0 ? NONE : w[i]!);
  const P = (i: number) => (i < 0 ? NO_TAG : p[i]!);
  const L = (i: number) => (i < 0 ? NO_LABEL : st.labels[i]!);
  const s0 = st.s(0);
  const s1 = st.s(1);
  const s2 = st.s(2);
  const n0 = st.b;
  const n1 = n0 + 1 <= st.n ? n0 + 1 : -1;
  const n2 = n0 + 2 <= st.n ? n0 + 2 : -1;
  const at = (a: Int32Array, i: number) => (i < 0 ? -1 : a[i]!);
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
  let k = 0;
  let t = 0;
  const f = (a: number, b = 0, c = 0) => { out[k++] = key(t++, a, b, c); };
  f(0);
  // single words
  f(ws0, ps0); f(ws0); f(ps0);
  f(wn0, pn0); f(wn0); f(pn0);
  f(wn1, pn1); f(wn1); f(pn1);
  f(wn2, pn2); f(wn2); f(pn2);
  f(ws1, ps1); f(ws1); f(ps1); f(ps2);
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
  if (k !== N_PARSE_FEATURES) throw new Error(`parse features: ${k} written, ${N_PARSE_FEATURES} declared`);
}

const T_LABEL = 200;

/** Labeller features for the arc head → dep of state `st` (before it is applied) into `out`. */
export function labelFeatures(x: ParseInput, st: ParseState, dep: number, head: number, out: Uint32Array): void {
  const { w, p } = x;
  const W = (i: number) => (i < 0 || i > st.n ? NONE : w[i]!);
  const P = (i: number) => (i < 0 || i > st.n ? NO_TAG : p[i]!);
  const L = (i: number) => (i < 0 ? NO_LABEL : st.labels[i]!);
  const dir = head === st.n ? 3 : head > dep ? 1 : 2;
  const dist = head === st.n ? 8 : distance(head, dep);
  const dw = W(dep); const hw = head === st.n ? ROOT : W(head);
  const dp = P(dep); const hp = P(head);
  const dl = st.lc1[dep]!; const dr = st.rc1[dep]!;
  const hd = hp * 32 + dp;
  let k = 0;
  let t = T_LABEL;
  const f = (a: number, b = 0, c = 0) => { out[k++] = key(t++, a, b, c); };
  f(0);
  f(dw); f(dp); f(hw); f(hp);
  f(hd, dir); f(hw, dp, dir); f(hp, dw, dir); f(hw, dw, dir); f(hd, dist * 4 + dir);
  f(dp, st.lset[dep]!, st.rset[dep]!); f(hd, st.lset[dep]!); f(hd, st.rset[dep]!);
  f(dp, L(dl), L(dr)); f(dp, W(dl)); f(hd, W(dl)); f(hd, dir, st.lset[head]!); f(hw, st.lset[head]!);
  f(dp, st.nl[dep]!, st.nr[dep]!); f(dp, W(dep - 1)); f(dp, P(dep - 1), P(dep + 1)); f(dw, hw);
  f(hd, W(dr)); f(hd, dir, P(head + (head > dep ? -1 : 1))); f(hd, dir, L(st.lc1[head]!));
  f(dw, dp, dir);
  if (k !== N_LABEL_FEATURES) throw new Error(`label features: ${k} written, ${N_LABEL_FEATURES} declared`);
}
