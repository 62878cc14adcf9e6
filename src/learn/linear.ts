/**
 * A sparse linear model over string features, trained as an averaged perceptron: one weight per feature and a
 * bias. The attribution stage's reading scorer and cue-token tagger train it as a binary classifier (`learn`), its
 * content-boundary model as a ranker over candidates (`score`, `update`, `tick`).
 */
import { AveragedWeights } from './averaged-weights.js';

/** Row 0 of the weights is the bias. */
const BIAS = 0;

export class AveragedLinearModel {
  private readonly weights = new AveragedWeights<string>(1, 1);

  /** The bias plus the weights of `features`. */
  score(features: string[]): number {
    const { weights } = this;
    let s = weights.weight(BIAS, 0);
    for (const f of features) {
      const r = weights.find(f);
      s += r < 0 ? 0 : weights.weight(r, 0);
    }
    return s;
  }

  update(features: string[], delta: number): void {
    for (const f of features) this.weights.add(this.weights.row(f), 0, delta);
  }

  updateBias(delta: number): void {
    this.weights.add(BIAS, 0, delta);
  }

  /** One training step done (an example seen, updated or not). */
  tick(): void {
    this.weights.tick();
  }

  /** One binary example (`label` +1 or −1): bias and weights move towards it unless it scores right; a step. */
  learn(features: string[], label: 1 | -1): void {
    if (label * this.score(features) <= 0) {
      this.updateBias(label);
      this.update(features, label);
    }
    this.tick();
  }

  /** Averaged weights rounded to `digits` decimals, smaller ones dropped, in sorted key order (stable files). */
  averaged(digits: number): { bias: number; weights: Record<string, number> } {
    const scale = 10 ** digits;
    const min = 10 ** -digits;
    const { weights } = this;
    const out: Record<string, number> = {};
    for (const f of [...weights.keys].sort((a, b) => (a < b ? -1 : 1))) {
      const avg = weights.average(weights.find(f), 0);
      if (Math.abs(avg) >= min) out[f] = Math.round(avg * scale) / scale;
    }
    return { bias: Math.round(weights.average(BIAS, 0) * scale) / scale, weights: out };
  }
}
