/**
 * A SQLite store on a read-only file in a read-only folder. Concurrent writer processes and a writer killed
 * mid-ingest are tested on every backend in the shared suite (test/store-suite.ts).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SqliteStore } from '../src/store/index.js';
import { bergAnalysis } from './store-fixtures.js';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'claimline.js');

describe('SQLite store: a read-only file', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'claimline-conc-')); });
  after(() => {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a store on a read-only file in a read-only folder can be queried, and nothing is written beside it', async () => {
    const roDir = join(dir, 'ro');
    mkdirSync(roDir);
    const file = join(roDir, 'store.db');
    const w = SqliteStore.open(file);
    await w.ingest(bergAnalysis());
    await w.close();
    chmodSync(file, 0o444);
    chmodSync(roDir, 0o555);
    try {
      const r = SqliteStore.open(file, { readonly: true });
      assert.equal((await r.statements({ speaker: 'Berg' })).total, 3);
      assert.equal((await r.search({ text: 'bridge' })).total, 2);
      await r.close();
      // A non-root reader could not create these in a read-only folder; root could, so check none were needed.
      assert.deepEqual(readdirSync(roDir), ['store.db']);
      if (process.getuid?.() === 0 && spawnSync('runuser', ['--help']).status === 0) {
        // As root, permissions are not enforced: query as an unprivileged user too, through the CLI.
        chmodSync(dir, 0o755);
        const bin = BIN;
        const q = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, bin, 'search', 'bridg*', '--store', file,
          '--format', 'json'], { encoding: 'utf8' });
        assert.equal(q.status, 0, q.stderr);
        assert.equal(JSON.parse(q.stdout).total, 2);
        const w = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, bin, 'ingest', '-', '--store', file, '--quiet'],
          { encoding: 'utf8', input: 'The mayor said the bridge was safe.' });
        assert.equal(w.status, 3);
        assert.match(w.stderr, /cannot write here \(the file or its folder is read-only\); queries can still read it/);
        assert.deepEqual(readdirSync(roDir), ['store.db']);
      }
    } finally {
      chmodSync(roDir, 0o755);
      chmodSync(file, 0o644);
    }
  });
});
