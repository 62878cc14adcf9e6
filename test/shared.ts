/**
 * Shared test helpers. Locates `../shared` (evaluation data and examples) for tests: CI puts it beside the clone;
 * when it is missing the tests that need it are skipped with a message saying so, never passed silently.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../src/util/paths.js';

export const SHARED = path.resolve(packageRoot(), '../shared');
export const HAS_SHARED = fs.existsSync(SHARED);
export const NO_SHARED = `../shared not found at ${SHARED}: this test needs the evaluation data and is skipped`;

/** `N` items of `T` as a fixed-length tuple type, e.g. `Tuple<string, 2>` is `[string, string]`. */
export type Tuple<T, N extends number, R extends T[] = []> = R['length'] extends N ? R : Tuple<T, N, [T, ...R]>;

/**
 * The first `n` of `items` as a tuple, so a test can destructure and use them without `!` under
 * `noUncheckedIndexedAccess`; fails the test (naming `what`) when there are fewer than `n`.
 */
export function take<T, N extends number>(items: readonly T[], n: N, what = 'items'): Tuple<T, N> {
  assert.ok(items.length >= n, `expected at least ${n} ${what}, got ${items.length}`);
  return items.slice(0, n) as Tuple<T, N>;
}
