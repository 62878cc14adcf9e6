/**
 * Candidate scorer: an averaged perceptron over sparse string features that decides whether a verb the rules
 * read as an attribution really is one (PolNeAR annotates "she called him a liar" but not "he called his mother").
 * Trained by scripts/train-attribution.ts on PolNeAR train; weights in models/attribution/scorer.json. Without
 * the file the stage falls back to the cue-rate threshold.
 */
import { loadLinearModel, weightSum, type LinearModel } from './linear-model.js';

export type ScorerModel = LinearModel;

export function scorerModel(): ScorerModel | null {
  return loadLinearModel('scorer.json');
}

export function score(model: ScorerModel, features: string[]): number {
  return model.bias + weightSum(model, features);
}

/** Averaged binary perceptron; deterministic for a given example order. */
export function trainPerceptron(examples: { features: string[]; label: boolean }[], epochs: number,
  order: (epoch: number) => number[]): { bias: number; weights: Record<string, number> } {
  const w = new Map<string, number>();
  const total = new Map<string, number>(); // Σ over updates of c·Δ, for the averaging trick
  let bias = 0;
  let biasTotal = 0;
  let c = 1;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const i of order(epoch)) {
      const ex = examples[i]!;
      let s = bias;
      for (const f of ex.features) s += w.get(f) ?? 0;
      const y = ex.label ? 1 : -1;
      if (y * s <= 0) {
        bias += y;
        biasTotal += c * y;
        for (const f of ex.features) {
          w.set(f, (w.get(f) ?? 0) + y);
          total.set(f, (total.get(f) ?? 0) + c * y);
        }
      }
      c++;
    }
  }
  const weights: Record<string, number> = {};
  for (const [f, v] of [...w].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const avg = v - (total.get(f) ?? 0) / c;
    if (Math.abs(avg) >= 1e-3) weights[f] = Math.round(avg * 1000) / 1000;
  }
  return { bias: Math.round((bias - biasTotal / c) * 1000) / 1000, weights };
}
