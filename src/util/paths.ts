import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

/**
 * The package root (where package.json, schema/ and models/ live), found by walking up from this module so
 * that the same code works from `src/` under tsx and from `dist/src/` once compiled.
 */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pj = path.join(dir, 'package.json');
    if (fs.existsSync(pj) && JSON.parse(fs.readFileSync(pj, 'utf8')).name === 'claimline') return (cached = dir);
    const up = path.dirname(dir);
    if (up === dir) throw new Error('claimline package root not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

/** `../shared` beside the repository, where evaluation data lives; null when absent. */
export function sharedDir(): string | null {
  const dir = process.env.CLAIMLINE_SHARED ?? path.resolve(packageRoot(), '../shared');
  return fs.existsSync(dir) ? dir : null;
}
