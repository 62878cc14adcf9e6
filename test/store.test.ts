/**
 * The SQLite store: the shared store suite (test/store-suite.ts) against SQLite files, and what only a file has
 * (WAL while writers have it open, refusing files that are not stores).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { SqliteStore, StoreFormatError } from '../src/store/index.js';
import { sqliteBackend } from './store-backends.js';
import { bergAnalysis, zolaAnalysis } from './store-fixtures.js';
import { storeSuite } from './store-suite.js';

storeSuite(sqliteBackend());

describe('SqliteStore: the file', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'claimline-store-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('persists across reopening; WAL while writers have it open, no -wal/-shm left once the last one closes', async () => {
    const file = join(dir, 'persist.sqlite');
    const a = new SqliteStore(file);
    const b = SqliteStore.open(file);
    await a.ingest(bergAnalysis());
    const raw = new Database(file, { readonly: true });
    assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
    raw.close();
    await a.close();
    assert.ok(existsSync(`${file}-wal`), 'another writer still has it open: still WAL');
    await b.close();
    assert.equal(existsSync(`${file}-wal`) || existsSync(`${file}-shm`), false);
    const c = SqliteStore.open(file, { readonly: true });
    assert.equal((await c.stats()).documents, 1);
    await assert.rejects(c.ingest(zolaAnalysis()), /read-only/);
    await c.close();
  });

  it('refuses files that are not claimline stores', async () => {
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'this is not a database at all, just some words in a file '.repeat(20));
    assert.throws(() => new SqliteStore(text), (e: unknown) => e instanceof StoreFormatError && /not a claimline store/.test(e.message));
    const other = join(dir, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE songs (title TEXT)');
    db.close();
    assert.throws(() => new SqliteStore(other), /other\.sqlite is not a claimline store \(it holds other data\)/);
    const newer = join(dir, 'newer.sqlite');
    await new SqliteStore(newer).close();
    const n2 = new Database(newer);
    n2.pragma('user_version = 99');
    n2.close();
    assert.throws(() => new SqliteStore(newer), /store schema 99/);
  });
});

describe('sentenceAround', () => {
  it('finds the sentence around a span, past abbreviations and initials, stopping at paragraph breaks', async () => {
    const { sentenceAround } = await import('../src/util/sentence-around.js');
    const text = 'Earlier news. Mr. J. Smith of the U.S. Navy said on Monday "it is over." Then he left.\n\nHeadline without stop\nNext para.';
    const at = (s: string): string => {
      const i = text.indexOf(s);
      const r = sentenceAround(text, i, i + s.length);
      return text.slice(r.start, r.end);
    };
    assert.equal(at('Monday'), 'Mr. J. Smith of the U.S. Navy said on Monday "it is over."');
    assert.equal(at('left'), 'Then he left.');
    assert.equal(at('without'), 'Headline without stop\nNext para.');
  });
});
