/**
 * The attribution stage's learned parts (reading scorer, cue tagger, content boundaries) are all sparse linear
 * models over string features, stored as `{bias?, weights}` JSON in models/attribution/ by
 * scripts/train-attribution.ts. Each is loaded once; a missing file yields null and the stage keeps its rules.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../util/paths.js';

export interface LinearModel {
  bias: number;
  weights: Map<string, number>;
}

const loaded = new Map<string, LinearModel | null>();

export function loadLinearModel(fileName: string): LinearModel | null {
  if (loaded.has(fileName)) return loaded.get(fileName)!;
  const file = path.join(packageRoot(), 'models/attribution', fileName);
  let model: LinearModel | null = null;
  if (existsSync(file)) {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { bias?: number; weights: Record<string, number> };
    model = { bias: raw.bias ?? 0, weights: new Map(Object.entries(raw.weights)) };
  }
  loaded.set(fileName, model);
  return model;
}

/** Sum of the weights of `features` (without the bias). */
export function weightSum(model: LinearModel, features: string[]): number {
  let s = 0;
  for (const f of features) s += model.weights.get(f) ?? 0;
  return s;
}
