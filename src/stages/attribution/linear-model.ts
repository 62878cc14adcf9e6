/**
 * The attribution stage's learned parts (reading scorer, cue tagger, content boundaries) are all sparse linear
 * models over string features, stored as `{bias?, weights}` JSON in models/attribution/ by
 * scripts/train-attribution.ts. Each is loaded once; a missing file yields null and the stage keeps its rules.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../util/paths.js';
import { noteMissingModel } from '../../util/model-files.js';

export interface LinearModel {
  bias: number;
  weights: Map<string, number>;
}

const loaded = new Map<string, unknown>();

/**
 * A model file of models/attribution/, parsed as JSON and built once per process (`build` turns the raw JSON into
 * the model); null when the file is missing. Shared by the linear models here and the span tagger (sequence/).
 */
export function loadAttributionModel<T>(fileName: string, build: (raw: unknown) => T): T | null {
  if (!loaded.has(fileName)) {
    const file = path.join(packageRoot(), 'models/attribution', fileName);
    if (!existsSync(file)) noteMissingModel(file);
    loaded.set(fileName, existsSync(file) ? build(JSON.parse(readFileSync(file, 'utf8'))) : null);
  }
  return loaded.get(fileName) as T | null;
}

export function loadLinearModel(fileName: string): LinearModel | null {
  return loadAttributionModel(fileName, (json) => {
    const raw = json as { bias?: number; weights: Record<string, number> };
    return { bias: raw.bias ?? 0, weights: new Map(Object.entries(raw.weights)) };
  });
}

/** Sum of the weights of `features` (without the bias). */
export function weightSum(model: LinearModel, features: string[]): number {
  let s = 0;
  for (const f of features) s += model.weights.get(f) ?? 0;
  return s;
}

/**
 * Training side of the same models: sparse averaged-perceptron weights (and a bias), shared by the reading scorer,
 * the cue tagger and the content-boundary model. The averaging trick keeps, beside each weight, Σ c·Δ over its
 * updates, so the average over all `c` steps is `w − total / c` at the end. Updates are ±1, so every sum during
 * training is an exact integer whatever the order of additions.
 */
export class AveragedLinearModel {
  private readonly w = new Map<string, number>();
  private readonly total = new Map<string, number>();
  private bias = 0;
  private biasTotal = 0;
  private c = 1;

  score(features: string[]): number {
    let s = this.bias;
    for (const f of features) s += this.w.get(f) ?? 0;
    return s;
  }

  update(features: string[], delta: number): void {
    for (const f of features) {
      this.w.set(f, (this.w.get(f) ?? 0) + delta);
      this.total.set(f, (this.total.get(f) ?? 0) + this.c * delta);
    }
  }

  updateBias(delta: number): void {
    this.bias += delta;
    this.biasTotal += this.c * delta;
  }

  /** One training step done (an example seen, updated or not). */
  tick(): void {
    this.c++;
  }

  /** Averaged weights rounded to `digits` decimals, smaller ones dropped, in sorted key order (stable files). */
  averaged(digits: number): { bias: number; weights: Record<string, number> } {
    const scale = 10 ** digits;
    const min = 10 ** -digits;
    const weights: Record<string, number> = {};
    for (const [f, v] of [...this.w].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const avg = v - (this.total.get(f) ?? 0) / this.c;
      if (Math.abs(avg) >= min) weights[f] = Math.round(avg * scale) / scale;
    }
    return { bias: Math.round((this.bias - this.biasTotal / this.c) * scale) / scale, weights };
  }
}
