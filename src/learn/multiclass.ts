/**
 * Multiclass averaged perceptron over hashed integer features, one weight per (feature, tag): the NER tagger's
 * learner (greedy decoding, updated token by token, see scripts/train-ner.ts). Exports quantised Int16 weights
 * for a `WeightTable`.
 */
import { AveragedWeights } from './averaged-weights.js';

/** Int16 rows of `keys` (`scale` units per weight unit), for a `WeightTable`. */
export interface QuantisedWeights {
  keys: Uint32Array;
  weights: Int16Array;
  scale: number;
}

export class MulticlassPerceptron {
  private readonly weights: AveragedWeights<number>;

  constructor(readonly nTags: number) {
    this.weights = new AveragedWeights(nTags);
  }

  /** Adds the current weights of features `feats[from .. to)` to the per-tag `scores`. */
  addScores(feats: Uint32Array, from: number, to: number, scores: Float64Array | Int32Array): void {
    this.weights.addRows(feats, from, to, scores, 0);
  }

  /** Moves weight from the predicted tag to the gold tag for every feature in the given ranges. */
  update(ranges: [Uint32Array, number, number][], gold: number, predicted: number): void {
    const { weights } = this;
    for (const [feats, from, to] of ranges) {
      for (let f = from; f < to; f++) {
        const r = weights.row(feats[f]!);
        weights.add(r, gold, 1);
        weights.add(r, predicted, -1);
      }
    }
  }

  /** One training step done (a token seen, updated or not). */
  tick(): void {
    this.weights.tick();
  }

  /**
   * The mean of several models' averaged weights (models trained on different document orders: a small bagging
   * ensemble that costs nothing at run time beyond the union of their features), quantised to Int16 with one scale,
   * dropping features whose largest averaged weight is below `minAbs` (they barely move any decision, and dropping
   * them keeps the model file small). A single model is a mean of one.
   */
  static exportMean(models: MulticlassPerceptron[], minAbs: number): QuantisedWeights {
    const { nTags } = models[0]!;
    const rowOf = new Map<number, number>();
    const allKeys: number[] = [];
    for (const m of models) {
      for (const k of m.weights.keys) {
        if (!rowOf.has(k)) {
          rowOf.set(k, allKeys.length);
          allKeys.push(k);
        }
      }
    }
    const n = allKeys.length;
    const avg = new Float32Array(n * nTags);
    for (const m of models) {
      const { weights } = m;
      weights.keys.forEach((k, i) => {
        const o = rowOf.get(k)! * nTags;
        const r = weights.denseRows + i;
        for (let t = 0; t < nTags; t++) avg[o + t]! += weights.average(r, t) / models.length;
      });
    }
    let maxAbs = 0;
    for (let i = 0; i < n * nTags; i++) maxAbs = Math.max(maxAbs, Math.abs(avg[i]!));
    const scale = 32767 / maxAbs;
    const kept: number[] = [];
    for (let r = 0; r < n; r++) {
      let m = 0;
      for (let t = 0; t < nTags; t++) m = Math.max(m, Math.abs(avg[r * nTags + t]!));
      if (m >= minAbs) kept.push(r);
    }
    const keys = new Uint32Array(kept.length);
    const weights = new Int16Array(kept.length * nTags);
    kept.forEach((r, i) => {
      keys[i] = allKeys[r]!;
      for (let t = 0; t < nTags; t++) weights[i * nTags + t] = Math.round(avg[r * nTags + t]! * scale);
    });
    return { keys, weights, scale };
  }
}
