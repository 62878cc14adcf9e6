import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { AnalysisOut } from '../src/model/format.js';
import { SearchSyntaxError, SqliteStore, StoreFormatError, type Page } from '../src/store/index.js';
import { TEXT, bergAnalysis, zolaAnalysis } from './store-fixtures.js';

const rows = <T>(p: Page<T>): T[] => p.results;

describe('SqliteStore', () => {
  let dir: string;
  let store: SqliteStore;
  let n = 0;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'claimline-store-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(async () => {
    await store?.close();
    store = new SqliteStore(join(dir, `db${++n}.sqlite`));
  });

  it('ingesting the same document twice does not duplicate it; a re-analysis of the same text replaces the analysis', async () => {
    assert.deepEqual(await store.ingest(bergAnalysis()), { status: 'inserted', docId: 'bridge', version: 1 });
    const once = await store.stats();
    assert.deepEqual(once, { documents: 1, versions: 1, entities: 4, mentions: 6, statements: 4, timexes: 3, claims: 1 });
    assert.deepEqual(await store.ingest(bergAnalysis()), { status: 'unchanged', docId: 'bridge', version: 1 });
    const changed = bergAnalysis();
    changed.document.title = 'Bridge reopens (corrected)';
    changed.statements.pop();
    assert.deepEqual(await store.ingest(changed), { status: 'reanalysed', docId: 'bridge', version: 1 });
    assert.deepEqual(await store.stats(), { ...once, statements: 3 });
    assert.deepEqual(await store.analysis('bridge'), changed);
    assert.equal(rows(await store.search({ text: 'Ministry' })).filter((h) => h.kind === 'statement').length, 0,
      'the dropped statement left the full-text index too');
  });

  it('a document that fails mid-ingest leaves the store exactly as it was', async () => {
    await store.ingest(zolaAnalysis());
    const before = await store.stats();
    const broken = bergAnalysis();
    broken.statements.push({ ...broken.statements[0]! }); // duplicate statement id → constraint error after inserts
    await assert.rejects(store.ingest(broken), /UNIQUE constraint failed: statements/);
    assert.deepEqual(await store.stats(), before);
    assert.equal(await store.analysis('bridge'), null);
    assert.equal((await store.search({ text: 'bridge' })).total, 0);

    // A failed update keeps the previous version.
    await store.ingest(bergAnalysis());
    const stored = await store.stats();
    broken.document.title = 'should not be stored';
    await assert.rejects(store.ingest(broken));
    assert.deepEqual(await store.stats(), stored);
    assert.equal((await store.analysis('bridge'))?.document.title, 'Bridge reopens');
  });

  it('accepts records with diagnostics and records written before them, and returns each as ingested', async () => {
    const withDiagnostics = bergAnalysis();
    withDiagnostics.warnings = ['time: impossible date: "30 February" at 12'];
    withDiagnostics.diagnostics = [{
      message: 'time: impossible date: "30 February"', span: { start: 12, end: 23 }, source: 'time',
      ruleId: 'time/impossible-date', severity: 'warning',
    }];
    const without = zolaAnalysis();
    assert.equal('diagnostics' in without, false);
    assert.equal((await store.ingest(withDiagnostics)).status, 'inserted');
    assert.equal((await store.ingest(without)).status, 'inserted');
    assert.deepEqual(await store.analysis('bridge'), withDiagnostics);
    assert.deepEqual(await store.analysis('zola'), without);
    // Re-analysis by a version that adds diagnostics counts as a change, like any newer analysis.
    assert.equal((await store.ingest({ ...without, diagnostics: [] })).status, 'reanalysed');
  });

  it('rejects objects that are not claimline/1 analyses', async () => {
    await assert.rejects(store.ingest({ ...bergAnalysis(), schema: 'other/2' } as unknown as AnalysisOut), /not a claimline\/1/);
  });

  it('statements: by speaker (entity or stated name) and about (content or entity inside it)', async () => {
    await store.ingest(bergAnalysis());
    await store.ingest(zolaAnalysis());
    const ids = (p: Page<{ docId: string; statementId: string }>): string[] => p.results.map((r) => `${r.docId}/${r.statementId}`);
    assert.deepEqual(ids(await store.statements({ speaker: 'BERG' })), ['bridge/s1', 'bridge/s2', 'bridge/s4']);
    assert.deepEqual(ids(await store.statements({ speaker: 'émile' })), ['zola/s1'], 'case folding beyond ASCII');
    assert.deepEqual(ids(await store.statements({ speaker: 'official' })), ['zola/s2']);
    assert.deepEqual(ids(await store.statements({ about: 'transport' })), ['bridge/s4']);
    assert.deepEqual(ids(await store.statements({ about: 'traffic' })), ['bridge/s2']);
    assert.deepEqual(ids(await store.statements({ speaker: 'berg', about: 'safe' })), ['bridge/s1']);
    assert.deepEqual(ids(await store.statements({ speaker: '%' })), [], 'no LIKE wildcards');
    const two = await store.statements({ limit: 2 });
    assert.deepEqual({ ...two, results: two.results.length }, { total: 6, offset: 0, returned: 2, more: 4, results: 2 });
    const last = await store.statements({ limit: 2, offset: 5 });
    assert.deepEqual([last.returned, last.more], [1, 0]);
    assert.deepEqual(ids(await store.statements({ since: '2024-03-05' })), ['bridge/s2', 'bridge/s3', 'bridge/s4'],
      'report time, else the publication date, on or after --since');
    assert.deepEqual(ids(await store.statements({ docId: 'zola' })), ['zola/s1', 'zola/s2']);
    const [s2] = rows(await store.statements({ about: 'traffic' }));
    assert.deepEqual(s2, {
      docId: 'bridge', docTitle: 'Bridge reopens', published: '2024-03-05', statementId: 's2', speaker: 'Anna Berg',
      cue: 'told', kind: 'direct', content: '"Traffic will flow again,"', channel: 'Radio Westport', reportTime: null,
      start: TEXT.indexOf('"Traffic'), end: TEXT.indexOf('Radio Westport') + 'Radio Westport'.length,
    });
  });

  it('timeline: dated timexes with their sentence and statements at report time, ordered by date', async () => {
    await store.ingest(bergAnalysis());
    await store.ingest(zolaAnalysis());
    const all = rows(await store.timeline());
    assert.deepEqual(all.map((r) => `${r.date} ${r.kind} ${r.docId}`), [
      '1898-01-13 statement zola', '1898-01-13 statement zola',
      // Same date: document order; s1 starts at its speaker, before "Monday".
      '2024-03-01 timex bridge', '2024-03-04 statement bridge', '2024-03-04 timex bridge',
      '2024-03-05 statement bridge', '2024-03-05 statement bridge', '2024-03-05 statement bridge',
    ]);
    const march1 = all[2]!;
    assert.equal(march1.timex, '1 March 2024');
    assert.equal(march1.text, 'Berg said the Ministry of Transport approved the plan on 1 March 2024.');
    const ministry = rows(await store.timeline({ entity: 'ministry' }));
    assert.deepEqual(ministry.map((r) => `${r.date} ${r.kind} ${r.text}`), [
      '2024-03-01 timex Berg said the Ministry of Transport approved the plan on 1 March 2024.',
      '2024-03-05 statement the Ministry of Transport approved the plan on 1 March 2024',
    ]);
  });

  it('search: FTS5 syntax (phrases, OR, prefix*), punctuation as plain words, a clear error for broken syntax', async () => {
    await store.ingest(bergAnalysis());
    await store.ingest(zolaAnalysis());
    const search = async (text: string, limit?: number) => rows(await store.search({ text, limit }));
    const hits = await search('flow again');
    assert.deepEqual(hits.map((h) => h.kind).sort(), ['document', 'statement']);
    const st = hits.find((h) => h.kind === 'statement');
    assert.equal(st?.statementId, 's2');
    assert.match(st?.snippet ?? '', /\[flow\] \[again\]/);
    const docs = async (text: string) => [...new Set((await search(text)).map((h) => h.docId))].sort();
    assert.deepEqual(await docs('Minist*'), ['bridge'], 'prefix');
    assert.deepEqual(await docs('Zola OR Westport'), ['bridge', 'zola'], 'OR');
    assert.deepEqual(await docs('"verdict was unjust"'), ['zola'], 'phrase');
    assert.deepEqual(await docs('"unjust was verdict"'), [], 'a phrase keeps its word order');
    assert.deepEqual(await docs('bridge NOT safe'), [], 'NOT');
    assert.deepEqual(await docs('emile'), ['zola'], 'diacritics folded');
    assert.deepEqual(await docs("O'Brien-led bridge"), [], 'punctuation without operators: plain words, no error');
    assert.deepEqual(await docs('bridge.'), ['bridge']);
    for (const broken of ['"bridge', 'AND OR NOT', 'NEAR(bridge', 'nosuchcolumn:bridge', 'bridge AND']) {
      await assert.rejects(store.search({ text: broken }),
        (e: unknown) => e instanceof SearchSyntaxError && e.message.includes(`'${broken}'`), broken);
    }
    for (const empty of ['*', '^', '""', '   ']) assert.equal((await store.search({ text: empty })).total, 0, empty);
    assert.deepEqual(await search('zeppelin'), []);
    const page = await store.search({ text: 'said', limit: 1 });
    assert.equal(page.returned, 1);
    assert.equal(page.more, page.total - 1);
    assert.equal(page.total, 2, 'both document texts have "said"; no statement content does');
  });

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
