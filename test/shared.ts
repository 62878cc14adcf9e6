/**
 * Locates `../shared` (evaluation data and examples) for tests. CI puts it beside the clone; when it is missing
 * the tests that need it are skipped with a message saying so, never passed silently.
 */
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../src/util/paths.js';

export const SHARED = path.resolve(packageRoot(), '../shared');
export const HAS_SHARED = fs.existsSync(SHARED);
export const NO_SHARED = `../shared not found at ${SHARED}: this test needs the evaluation data and is skipped`;
