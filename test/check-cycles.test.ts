/** src/ has no import cycle, and the checker (scripts/check-cycles.ts) does find one when there is. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { findCycles } from '../scripts/check-cycles.js';
import { packageRoot } from '../src/util/paths.js';

test('no import cycle in src/ (type-only and dynamic imports included)', () => {
  assert.deepEqual(findCycles(path.join(packageRoot(), 'src')), []);
  const cli = spawnSync(process.execPath, [path.join(packageRoot(), 'dist/scripts/check-cycles.js'), 'src'], {
    cwd: packageRoot(), encoding: 'utf8',
  });
  assert.equal(cli.status, 0, cli.stdout + cli.stderr);
  assert.match(cli.stderr, /\d+ files under src, 0 cycle\(s\)/);
});

test('the checker reports a cycle through a type import and a dynamic import, and exits 1', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimline-cycles-'));
  fs.mkdirSync(path.join(dir, 'cli'));
  fs.writeFileSync(path.join(dir, 'cli/analyze.ts'), "export interface Ctx { n: number }\nexport async function f() { return import('./store-open.js'); }\n");
  fs.writeFileSync(path.join(dir, 'cli/store-open.ts'), "import type { Ctx } from './analyze.js';\nexport const g = (c: Ctx) => c.n;\n");
  fs.writeFileSync(path.join(dir, 'cli/free.ts'), "import { g } from './store-open.js';\nexport { g };\n");
  fs.writeFileSync(path.join(dir, 'self.ts'), "export * from './self.js';\n");
  assert.deepEqual(findCycles(dir), [
    ['cli/analyze.ts', 'cli/store-open.ts', 'cli/analyze.ts'],
    ['self.ts', 'self.ts'],
  ]);
  const cli = spawnSync(process.execPath, [path.join(packageRoot(), 'dist/scripts/check-cycles.js'), dir], { encoding: 'utf8' });
  assert.equal(cli.status, 1);
  assert.match(cli.stdout, /import cycle: cli\/analyze\.ts → cli\/store-open\.ts → cli\/analyze\.ts/);
  fs.rmSync(dir, { recursive: true, force: true });
});
