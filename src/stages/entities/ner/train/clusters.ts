/**
 * Word clusters induced from unlabeled text, a cheap stand-in for Brown clusters: each frequent word is
 * represented by its positive-PMI profile over neighbours at distance 1 and 2 on each side (among the most frequent
 * words), and the profiles are split by hierarchical spherical k-means. The ids of the successive levels play
 * the role of Brown-cluster bit prefixes: coarse classes (places, surnames, months) and fine ones.
 */
import { normWord, type ClusterTable } from '../features.js';
import { rng } from '../../../../util/random.js';

export interface ClusterOptions {
  minCount: number;
  maxVocab: number;
  contexts: number;
  /** Children per node at each level, e.g. [16, 16, 8] → 16, 256, 2048 clusters. */
  branching: number[];
  iterations: number;
  seed: number;
}

const TOKEN = /(?:\p{L}\.){2,}|\p{L}+(?:[-]\p{L}+)*|'\p{L}+|\p{N}+(?:[.,:/-]\p{N}+)*|[^\s\p{L}\p{N}]/gu;

export function tokenizeForClusters(text: string): string[] {
  return (text.match(TOKEN) ?? []).map(normWord);
}


export function induceClusters(texts: string[], opt: ClusterOptions): ClusterTable {
  const rand = rng(opt.seed);
  const docs = texts.map(tokenizeForClusters);
  const freq = new Map<string, number>();
  for (const d of docs) for (const w of d) freq.set(w, (freq.get(w) ?? 0) + 1);
  const byFreq = [...freq].filter(([, c]) => c >= opt.minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocab = byFreq.slice(0, opt.maxVocab).map(([w]) => w);
  const vid = new Map(vocab.map((w, i) => [w, i]));
  const C = Math.min(opt.contexts, vocab.length);
  const nCtx = 4 * C; // left-1, right+1, left-2, right+2
  // Co-occurrence pairs as packed codes, counted by sorting (far lighter than a Map of millions of keys).
  const codes: number[] = [];
  for (const d of docs) {
    const ids = d.map((w) => vid.get(w) ?? -1);
    for (let i = 0; i < ids.length; i++) {
      const w = ids[i]!;
      if (w < 0) continue;
      const ctx = [ids[i - 1], ids[i + 1], ids[i - 2], ids[i + 2]];
      for (let k = 0; k < 4; k++) {
        const c = ctx[k];
        if (c !== undefined && c >= 0 && c < C) codes.push(w * nCtx + k * C + c);
      }
    }
  }
  const sorted = Float64Array.from(codes).sort();
  const pairW: number[] = [];
  const pairC: number[] = [];
  const pairN: number[] = [];
  const rowSum = new Float64Array(vocab.length);
  const colSum = new Float64Array(nCtx);
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    const code = sorted[i]!;
    const w = Math.floor(code / nCtx);
    const c = code - w * nCtx;
    pairW.push(w); pairC.push(c); pairN.push(j - i);
    rowSum[w]! += j - i;
    colSum[c]! += j - i;
    i = j;
  }
  const total = sorted.length;
  // Sparse PPMI rows (pairs are already grouped by word, in order), L2-normalised.
  const rowPtr = new Int32Array(vocab.length + 1);
  const col: number[] = [];
  const val: number[] = [];
  let p = 0;
  for (let w = 0; w < vocab.length; w++) {
    rowPtr[w] = col.length;
    let norm = 0;
    const from = col.length;
    for (; p < pairW.length && pairW[p] === w; p++) {
      const pmi = Math.log((pairN[p]! * total) / (rowSum[w]! * colSum[pairC[p]!]!));
      if (pmi <= 0) continue;
      col.push(pairC[p]!);
      val.push(pmi);
      norm += pmi * pmi;
    }
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = from; j < val.length; j++) val[j]! *= inv;
  }
  rowPtr[vocab.length] = col.length;
  const rows: SparseRows = { rowPtr, col: Int32Array.from(col), val: Float32Array.from(val), dim: nCtx };
  // Hierarchical spherical k-means: every level splits each cluster of the level above.
  const ids: number[][] = vocab.map(() => []);
  let groups: number[][] = [vocab.map((_, i) => i)];
  for (const k of opt.branching) {
    const next: number[][] = [];
    for (const members of groups) {
      const assign = kmeans(rows, members, k, opt.iterations, rand);
      const parts: number[][] = Array.from({ length: k }, () => []);
      members.forEach((m, i) => parts[assign[i]!]!.push(m));
      for (const part of parts) {
        const id = next.length;
        for (const m of part) ids[m]!.push(id);
        next.push(part);
      }
    }
    groups = next;
  }
  const table: ClusterTable = new Map();
  vocab.forEach((w, i) => table.set(w, ids[i]!));
  return table;
}

interface SparseRows {
  rowPtr: Int32Array;
  col: Int32Array;
  val: Float32Array;
  dim: number;
}

function normalise(V: Float32Array, off: number, D: number): void {
  let s = 0;
  for (let d = 0; d < D; d++) s += V[off + d]! * V[off + d]!;
  const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
  for (let d = 0; d < D; d++) V[off + d]! *= inv;
}

/** Spherical k-means over sparse rows with dense centroids; returns the cluster of each member. */
function kmeans(X: SparseRows, members: number[], k: number, iters: number, rand: () => number): Int32Array {
  const n = members.length;
  const D = X.dim;
  const assign = new Int32Array(n);
  if (n <= k) { for (let i = 0; i < n; i++) assign[i] = i; return assign; }
  const cent = new Float32Array(k * D);
  const seedRow = (c: number) => {
    const m = members[Math.floor(rand() * n)]!;
    cent.fill(0, c * D, c * D + D);
    for (let j = X.rowPtr[m]!; j < X.rowPtr[m + 1]!; j++) cent[c * D + X.col[j]!] = X.val[j]!;
  };
  for (let c = 0; c < k; c++) seedRow(c);
  const sim = new Float64Array(k);
  for (let it = 0; it < iters; it++) {
    for (let i = 0; i < n; i++) {
      const m = members[i]!;
      sim.fill(0);
      for (let j = X.rowPtr[m]!; j < X.rowPtr[m + 1]!; j++) {
        const cc = X.col[j]!;
        const v = X.val[j]!;
        for (let c = 0; c < k; c++) sim[c]! += v * cent[c * D + cc]!;
      }
      let best = 0;
      for (let c = 1; c < k; c++) if (sim[c]! > sim[best]!) best = c;
      assign[i] = best;
    }
    cent.fill(0);
    const size = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const m = members[i]!;
      const c = assign[i]!;
      size[c]!++;
      for (let j = X.rowPtr[m]!; j < X.rowPtr[m + 1]!; j++) cent[c * D + X.col[j]!]! += X.val[j]!;
    }
    // An emptied cluster restarts at a random member, so every level keeps k live clusters.
    for (let c = 0; c < k; c++) if (size[c] === 0) seedRow(c); else normalise(cent, c * D, D);
  }
  return assign;
}
