/**
 * Greedy arc-hybrid parsing: at each step the transition classifier scores SHIFT, LEFT and RIGHT, the best valid
 * one is applied, and an arc's relation is chosen by the labeller when the arc is made. Shared by training (with a
 * `ParseTrainer`, which updates both classifiers with the dynamic oracle) and inference.
 */
import type { Scorer } from './tagger.js';
import type { WeightTable } from '../../learn/weight-table.js';
import { LEFT, N_ACTIONS, ParseState, RIGHT, SHIFT } from './state.js';
import {
  labelFeatures, N_LABEL_FEATURES, N_PARSE_FEATURES, N_ROLES, parseFeatures, roleFeatures, roleToken, type ParseInput,
} from './parse-features.js';

export interface ParserScorers {
  trans: Scorer;
  labels: Scorer;
  nLabels: number;
  /** Label-set bit of each relation (its main relation's bit, see `labelBits`). */
  bits: Uint32Array;
  /**
   * Inference: the relations to score for a dependent, by `labelSlot` (its tag and the arc's direction), those seen
   * so in training; null where all are scored. Scoring 10-odd relations instead of all 54 halves parsing time.
   */
  labelColumns?: { table: WeightTable; bySlot: (Uint8Array | null)[] };
}

/** Index of a dependent's tag and the arc's direction (1 head to the right, 2 to the left, 3 root) in `bySlot`. */
export const labelSlot = (depTag: number, head: number, dep: number, n: number): number =>
  depTag * 4 + (head === n ? 3 : head > dep ? 1 : 2);

/** Training hooks: gold heads (root = n) and relation indices, and the updates. */
export interface ParseTrainer {
  gold: Int32Array;
  goldLabels: Int16Array;
  /** Follow the classifier's own (possibly wrong) transitions, as dynamic-oracle training does (else the oracle's). */
  explore: boolean;
  updateTrans(feats: Uint32Array, gold: number, predicted: number): void;
  updateLabel(feats: Uint32Array, gold: number, predicted: number): void;
  /** One decision of each classifier seen (the averaging clocks). */
  tickTrans(): void;
  tickLabel(): void;
}

/** One label-set bit per main relation (relations sharing a main relation share a bit; 32 bits, wrapping). */
export function labelBits(labels: readonly string[]): Uint32Array {
  const mains = [...new Set(labels.map((l) => l.split(':')[0]!))].sort();
  return Uint32Array.from(labels, (l) => (1 << (mains.indexOf(l.split(':')[0]!) % 32)) >>> 0);
}

const ACTIONS = [SHIFT, LEFT, RIGHT];

/** Parses one sentence; returns heads (0 .. n, n the root) and relation indices. */
export function parseGreedy(x: ParseInput, m: ParserScorers, train?: ParseTrainer): { heads: Int32Array; labels: Int16Array } {
  const st = new ParseState(x.n);
  const feats = new Uint32Array(N_PARSE_FEATURES);
  const lfeats = new Uint32Array(N_LABEL_FEATURES);
  const s = train ? new Float64Array(N_ACTIONS) : new Int32Array(N_ACTIONS);
  const ls = train ? new Float64Array(m.nLabels) : new Int32Array(m.nLabels);
  // Inference: the sums of each word's single-role features, computed on first use (a word is n0, then s0, for
  // several transitions); per slot (word + 1) * N_ROLES + role, N_ACTIONS sums.
  const memo = train ? null : new Int32Array((x.n + 2) * N_ROLES * N_ACTIONS);
  const known = train ? null : new Uint8Array((x.n + 2) * N_ROLES);
  const roleKeys = new Uint32Array(8);
  while (!st.done) {
    let nValid = 0;
    let only = -1;
    for (const a of ACTIONS) if (st.valid(a)) { nValid++; only = a; }
    let action = only;
    if (nValid > 1) {
      s.fill(0);
      if (memo && known) {
        m.trans.addScores(feats, 0, parseFeatures(x, st, feats, false), s);
        for (let r = 0; r < N_ROLES; r++) {
          const i = roleToken(st, r);
          const slot = (i + 1) * N_ROLES + r;
          const o = slot * N_ACTIONS;
          if (!known[slot]) {
            known[slot] = 1;
            m.trans.addScores(roleKeys, 0, roleFeatures(x, r, i, roleKeys, 0), memo.subarray(o, o + N_ACTIONS));
          }
          for (let a = 0; a < N_ACTIONS; a++) s[a]! += memo[o + a]!;
        }
      } else {
        parseFeatures(x, st, feats);
        m.trans.addScores(feats, 0, N_PARSE_FEATURES, s);
      }
      let pred = -1;
      for (const a of ACTIONS) if (st.valid(a) && (pred < 0 || s[a]! > s[pred]!)) pred = a;
      action = pred;
      if (train) {
        let minCost = Infinity;
        const cost = [Infinity, Infinity, Infinity];
        for (const a of ACTIONS) if (st.valid(a)) { cost[a] = st.cost(a, train.gold); minCost = Math.min(minCost, cost[a]!); }
        let best = -1;
        for (const a of ACTIONS) if (cost[a] === minCost && (best < 0 || s[a]! > s[best]!)) best = a;
        if (cost[pred]! > minCost) train.updateTrans(feats, best, pred);
        train.tickTrans();
        if (!train.explore) action = best;
      }
    }
    if (action === SHIFT) { st.apply(SHIFT); continue; }
    const [dep, head] = st.arcOf(action);
    labelFeatures(x, st, dep, head, lfeats);
    ls.fill(0);
    const cols = train ? null : m.labelColumns?.bySlot[labelSlot(x.p[dep]!, head, dep, x.n)] ?? null;
    let lab = 0;
    if (cols && m.labelColumns) {
      m.labelColumns.table.addColumns(lfeats, 0, N_LABEL_FEATURES, cols, ls);
      lab = cols[0]!;
      for (let j = 1; j < cols.length; j++) if (ls[cols[j]!]! > ls[lab]!) lab = cols[j]!;
    } else {
      m.labels.addScores(lfeats, 0, N_LABEL_FEATURES, ls);
      for (let l = 1; l < m.nLabels; l++) if (ls[l]! > ls[lab]!) lab = l;
    }
    if (train && train.gold[dep] === head) {
      if (train.goldLabels[dep] !== lab) train.updateLabel(lfeats, train.goldLabels[dep]!, lab);
      train.tickLabel();
    }
    st.apply(action, lab, m.bits[lab]!);
  }
  return { heads: st.heads, labels: st.labels };
}
