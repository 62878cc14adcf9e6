/**
 * Candidate scorer: an averaged perceptron over sparse string features that decides whether a verb the rules
 * read as an attribution really is one (PolNeAR annotates "she called him a liar" but not "he called his mother").
 * Trained by scripts/train-attribution.ts on PolNeAR train; weights in models/attribution/scorer.json. Without
 * the file the stage falls back to the cue-rate threshold.
 */
import { AveragedLinearModel } from '../../learn/linear.js';
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
  const model = new AveragedLinearModel();
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const i of order(epoch)) model.learn(examples[i]!.features, examples[i]!.label ? 1 : -1);
  }
  return model.averaged(3);
}
