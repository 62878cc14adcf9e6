/**
 * Model files a loader looked for and did not find. The learned parts fall back to rules without their files
 * (the package works before any training run), so a missing file fails nothing; loaders record it here with
 * one call, and the pipeline turns each into a `model/missing` diagnostic on every document, so that weaker
 * output is never silent.
 */
import path from 'node:path';
import { packageRoot } from './paths.js';

const missing = new Set<string>();

/** Records that `file` (a path) was looked for and is missing. */
export function noteMissingModel(file: string): void {
  missing.add(file);
}

/** The missing model files noted so far in this process, in the order noted; relative to the package root if inside. */
export function missingModels(): string[] {
  const root = packageRoot();
  return [...missing].map((file) => {
    const rel = path.relative(root, file);
    return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
  });
}
