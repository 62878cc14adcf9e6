/**
 * No data loss: concurrent writers into one store, a writer killed with SIGKILL mid-ingest, and a store on a
 * read-only file in a read-only folder. Writers are child processes (test/store-writer.ts).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { SqliteStore } from '../src/store/index.js';
import { bergAnalysis } from './store-fixtures.js';

const WRITER = join(dirname(fileURLToPath(import.meta.url)), 'store-writer.js');

interface Finished { code: number | null; signal: NodeJS.Signals | null; out: string; err: string }

function writer(file: string, prefix: string, count: number, pauseMs = 0) {
  const child = spawn(process.execPath, [WRITER, file, prefix, String(count), String(pauseMs)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { err += d; });
  const done = new Promise<Finished>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, out, err })));
  return { child, done };
}

/** Counts that must agree in a consistent store: every document whole, with its version row and index rows. */
function consistency(file: string): { integrity: string; documents: number; versions: number; statements: number; fts: number } {
  const db = new Database(file, { readonly: true });
  try {
    const one = (sql: string) => db.prepare(sql).pluck().get() as number;
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      documents: one('SELECT count(*) FROM documents'),
      versions: one('SELECT count(*) FROM document_versions'),
      statements: one('SELECT count(*) FROM statements'),
      fts: one('SELECT count(*) FROM fts'),
    };
  } finally {
    db.close();
  }
}

/** How many documents the persisted corpus state holds (0 when there is none). */
function corpusDocuments(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT documents FROM corpus_state WHERE id = 1').pluck().get() as number | undefined) ?? 0;
  } finally {
    db.close();
  }
}

/** The fixture document has 4 statements, each indexed once, plus its own text. */
function assertWhole(file: string, documents: number): void {
  assert.deepEqual(consistency(file), { integrity: 'ok', documents, versions: documents, statements: 4 * documents, fts: 5 * documents });
}

describe('store: concurrent writers and crashes', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'claimline-conc-')); });
  after(() => {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  it('two processes ingesting 200 documents each into one new store store all 400', async () => {
    const file = join(dir, 'two.db');
    const a = writer(file, 'a', 200);
    const b = writer(file, 'b', 200);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    assert.equal(ra.code, 0, ra.err);
    assert.equal(rb.code, 0, rb.err);
    assert.deepEqual(JSON.parse(ra.out), { inserted: 200 });
    assert.deepEqual(JSON.parse(rb.out), { inserted: 200 });
    assertWhole(file, 400);
    // Both writers updated the corpus state as they went; neither update lost the other's documents.
    assert.equal(corpusDocuments(file), 400);
  });

  it('kill -9 mid-ingest keeps every committed document whole, and the next ingest completes the rest', async () => {
    const file = join(dir, 'killed.db');
    const w = writer(file, 'k', 200, 15);
    const deadline = Date.now() + 60_000;
    let committed = 0;
    while (committed < 10 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      if (!existsSync(file)) continue;
      try {
        committed = consistency(file).documents;
      } catch {
        // the schema is not there yet
      }
    }
    assert.ok(committed >= 10, 'the writer committed documents before the kill');
    w.child.kill('SIGKILL');
    const killed = await w.done;
    assert.equal(killed.signal, 'SIGKILL');
    const after = consistency(file);
    assert.ok(after.documents >= committed && after.documents < 200, `killed mid-run: ${after.documents} stored`);
    assertWhole(file, after.documents);

    const again = await writer(file, 'k', 200).done;
    assert.equal(again.code, 0, again.err);
    assert.deepEqual(JSON.parse(again.out), { inserted: 200 - after.documents, unchanged: after.documents });
    assertWhole(file, 200);
    // The documents the killed run stored after its last corpus update are caught up by the next run.
    assert.equal(corpusDocuments(file), 200);
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
        const bin = join(dirname(WRITER), '..', '..', 'bin', 'claimline.js');
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
