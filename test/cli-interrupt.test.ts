/**
 * Ctrl-C during `claimline ingest` of several inputs: the run stops, says how many documents were finished and
 * names those that were not, exits 130, and the store holds exactly the finished documents.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SqliteStore } from '../src/store/index.js';
import { longNewsText } from './big-text.js';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'claimline.js');

describe('Ctrl-C during ingest', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'claimline-sigint-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('stops after the finished documents, names the rest, exits 130, stores only what finished', async () => {
    const small = join(dir, 'small.txt');
    writeFileSync(small, 'Ada Brown, the mayor of Eastfield, said on Monday that the bridge would reopen in June.\n');
    // Long enough that each takes seconds, so the interrupt lands inside the second document.
    const big = ['big-1.txt', 'big-2.txt', 'big-3.txt'].map((f, i) => {
      const file = join(dir, f);
      writeFileSync(file, `Report ${i + 1}. ` + longNewsText(300_000, false));
      return file;
    });
    const store = join(dir, 'store.db');
    const child = spawn(process.execPath, [BIN, 'ingest', small, ...big, '--store', store, '--format', 'jsonl',
      '--published', '2026-05-04', '--root', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let sent = false;
    child.stderr.setEncoding('utf8').on('data', (d: string) => { err += d; });
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      // The first document is stored: interrupt.
      if (!sent && out.includes('\n')) { sent = true; child.kill('SIGINT'); }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    assert.ok(sent, `no document was stored before the end: ${err}`);
    assert.equal(code, 130, err);
    const stored = out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; source: string });
    assert.ok(stored.length >= 1 && stored.length < 4, `${stored.length} stored`);
    assert.equal(stored[0]!.source, small);
    const m = /claimline: interrupted: (\d+) document\(s\) ingested, 0 failed; not finished: (.*); inputs not started: (.*)\n/.exec(err);
    assert.ok(m, err);
    assert.equal(Number(m[1]), stored.length);
    // Every input not stored is named, either as the one being analysed or as not started.
    const named = `${m[2]}; ${m[3]}`;
    for (const f of big.slice(stored.length - 1)) assert.ok(named.includes(f), `${f} not named in: ${named}`);
    for (const s of stored) assert.ok(!named.includes(s.source), `${s.source} was finished but named as not`);
    const s = SqliteStore.open(store, { readonly: true });
    try {
      assert.equal((await s.stats()).documents, stored.length);
      for (const r of stored) assert.ok(await s.analysis(r.id), `${r.id} is in the store`);
    } finally {
      await s.close();
    }
  });
});
