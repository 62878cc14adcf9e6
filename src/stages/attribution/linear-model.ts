/**
 * The attribution stage's learned parts (reading scorer, cue tagger, content boundaries) are all sparse linear
 * models over string features, stored as `{bias?, weights}` JSON in models/attribution/ by
 * scripts/train-attribution.ts (trained as `AveragedLinearModel`s, src/learn/linear.ts). Each is loaded once; a
 * missing file yields null and the stage keeps its rules.
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
 * the model); null when the file is missing. Shared by the linear models here and the span tagger (span-tagger/).
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
