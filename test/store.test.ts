import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { SCHEMA_ID, type AnalysisOut, type Span, type StatementOut } from '../src/model/format.js';
import { SqliteStore, StoreFormatError } from '../src/store/index.js';

const TEXT = 'Mayor Anna Berg said on Monday that the bridge was safe. "Traffic will flow again," she told Radio Westport.'
  + '\n\nThe council denied that the repairs cost 2 million euros. Berg said the Ministry of Transport approved the plan'
  + ' on 1 March 2024.';

/** The `nth` occurrence of `s` in `text` as a span; fails loudly so fixture typos do not pass silently. */
function span(text: string, s: string, nth = 0): Span {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(s, at + 1);
  if (at < 0) throw new Error(`fixture text lacks ${JSON.stringify(s)}`);
  return { start: at, end: at + s.length, text: s };
}

function statement(id: string, kind: StatementOut['kind'], entity: string, mention: Span, cue: Span,
  content: string, extra: Partial<StatementOut> = {}): StatementOut {
  return {
    id, kind, speaker: { mention, entity, name: null, entities: [] }, cue, content: [span(TEXT, content)],
    channel: null, via: [], addressee: null, time: null, ...extra,
  };
}

function bergAnalysis(): AnalysisOut {
  const t = (s: string, nth = 0) => ({ ...span(TEXT, s, nth), kind: 'name' as const });
  return {
    schema: SCHEMA_ID,
    document: {
      id: 'bridge', title: 'Bridge reopens', url: 'https://example.org/bridge', published: '2024-03-05',
      publishedSource: 'metadata', language: 'en', text: TEXT, source: 'bridge.txt',
    },
    warnings: [],
    entities: [
      { id: 'e1', name: 'Anna Berg', type: 'PERSON', roles: ['Mayor'], roleSpans: [span(TEXT, 'Mayor')],
        mentions: [t('Anna Berg'), { ...span(TEXT, 'she'), kind: 'pronoun' }, t('Berg', 1)] },
      { id: 'e2', name: 'Radio Westport', type: 'ORG', roles: [], roleSpans: [], mentions: [t('Radio Westport')] },
      { id: 'e3', name: 'the council', type: 'ORG', roles: [], roleSpans: [], mentions: [t('The council')] },
      { id: 'e4', name: 'Ministry of Transport', type: 'ORG', roles: [], roleSpans: [], mentions: [t('Ministry of Transport')] },
    ],
    statements: [
      statement('s1', 'indirect', 'e1', span(TEXT, 'Anna Berg'), span(TEXT, 'said'), 'the bridge was safe', { time: 't1' }),
      statement('s2', 'direct', 'e1', span(TEXT, 'she'), span(TEXT, 'told'), '"Traffic will flow again,"',
        { channel: span(TEXT, 'Radio Westport') }),
      statement('s3', 'indirect', 'e3', span(TEXT, 'The council'), span(TEXT, 'denied'), 'the repairs cost 2 million euros'),
      statement('s4', 'indirect', 'e1', span(TEXT, 'Berg', 1), span(TEXT, 'said', 1),
        'the Ministry of Transport approved the plan on 1 March 2024'),
    ],
    timexes: [
      { id: 't1', ...span(TEXT, 'Monday'), type: 'DATE', value: '2024-03-04', resolved: true, anchor: 'dct' },
      { id: 't2', ...span(TEXT, '1 March 2024'), type: 'DATE', value: '2024-03-01', resolved: true },
      { id: 't3', ...span(TEXT, 'again'), type: 'SET', value: 'P1X', resolved: false },
    ],
    claims: [
      { id: 'c1', statement: 's3', text: span(TEXT, 'the repairs cost 2 million euros'), status: 'denied', by: ['e3'],
        evidence: span(TEXT, 'denied') },
    ],
    events: [],
    quantities: [],
  };
}

/** A second, tiny document whose speaker has a non-ASCII name and no linked entity for one statement. */
function zolaAnalysis(): AnalysisOut {
  const text = 'Émile Zola said the verdict was unjust. Officials said nothing.';
  const s = (x: string): Span => span(text, x);
  return {
    schema: SCHEMA_ID,
    document: { id: 'zola', title: null, url: null, published: '1898-01-13', publishedSource: 'text', language: 'en',
      text, source: null },
    warnings: [],
    entities: [{ id: 'e1', name: 'Émile Zola', type: 'PERSON', roles: [], roleSpans: [], mentions: [{ ...s('Émile Zola'), kind: 'name' }] }],
    statements: [
      { id: 's1', kind: 'indirect', speaker: { mention: s('Émile Zola'), entity: 'e1', name: null, entities: [] },
        cue: span(text, 'said'), content: [s('the verdict was unjust')], channel: null, via: [], addressee: null, time: null },
      { id: 's2', kind: 'other', speaker: { mention: s('Officials'), entity: null, name: 'officials', entities: [] },
        cue: span(text, 'said', 1), content: [s('nothing')], channel: null, via: [], addressee: null, time: null },
    ],
    timexes: [], claims: [], events: [], quantities: [],
  };
}

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

  it('ingesting the same document twice does not duplicate it; a changed document replaces the old one', async () => {
    assert.deepEqual(await store.ingest(bergAnalysis()), { status: 'inserted' });
    const once = await store.stats();
    assert.deepEqual(once, { documents: 1, entities: 4, mentions: 6, statements: 4, timexes: 3, claims: 1 });
    assert.deepEqual(await store.ingest(bergAnalysis()), { status: 'unchanged' });
    const changed = bergAnalysis();
    changed.document.title = 'Bridge reopens (corrected)';
    changed.statements.pop();
    assert.deepEqual(await store.ingest(changed), { status: 'updated' });
    assert.deepEqual(await store.stats(), { ...once, statements: 3 });
    assert.deepEqual(await store.analysis('bridge'), changed);
    assert.equal((await store.search('Ministry')).filter((h) => h.kind === 'statement').length, 0,
      'the replaced statement left the full-text index too');
  });

  it('a document that fails mid-ingest leaves the store exactly as it was', async () => {
    await store.ingest(zolaAnalysis());
    const before = await store.stats();
    const broken = bergAnalysis();
    broken.statements.push({ ...broken.statements[0]! }); // duplicate statement id → constraint error after inserts
    await assert.rejects(store.ingest(broken), /UNIQUE constraint failed: statements/);
    assert.deepEqual(await store.stats(), before);
    assert.equal(await store.analysis('bridge'), null);
    assert.deepEqual(await store.search('bridge'), []);

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
    assert.deepEqual(await store.ingest(withDiagnostics), { status: 'inserted' });
    assert.deepEqual(await store.ingest(without), { status: 'inserted' });
    assert.deepEqual(await store.analysis('bridge'), withDiagnostics);
    assert.deepEqual(await store.analysis('zola'), without);
    // Re-analysis by a version that adds diagnostics counts as a change, like any newer analysis.
    assert.deepEqual(await store.ingest({ ...without, diagnostics: [] }), { status: 'updated' });
  });

  it('rejects objects that are not claimline/1 analyses', async () => {
    await assert.rejects(store.ingest({ ...bergAnalysis(), schema: 'other/2' } as unknown as AnalysisOut), /not a claimline\/1/);
  });

  it('statements: by speaker (entity or stated name) and about (content or entity inside it)', async () => {
    await store.ingest(bergAnalysis());
    await store.ingest(zolaAnalysis());
    const ids = (rows: { docId: string; statementId: string }[]): string[] => rows.map((r) => `${r.docId}/${r.statementId}`);
    assert.deepEqual(ids(await store.statements({ speaker: 'BERG' })), ['bridge/s1', 'bridge/s2', 'bridge/s4']);
    assert.deepEqual(ids(await store.statements({ speaker: 'émile' })), ['zola/s1'], 'case folding beyond ASCII');
    assert.deepEqual(ids(await store.statements({ speaker: 'official' })), ['zola/s2']);
    assert.deepEqual(ids(await store.statements({ about: 'transport' })), ['bridge/s4']);
    assert.deepEqual(ids(await store.statements({ about: 'traffic' })), ['bridge/s2']);
    assert.deepEqual(ids(await store.statements({ speaker: 'berg', about: 'safe' })), ['bridge/s1']);
    assert.deepEqual(ids(await store.statements({ speaker: '%' })), [], 'no LIKE wildcards');
    assert.equal((await store.statements({ limit: 2 })).length, 2);
    const [s2] = await store.statements({ about: 'traffic' });
    assert.deepEqual(s2, {
      docId: 'bridge', docTitle: 'Bridge reopens', published: '2024-03-05', statementId: 's2', speaker: 'Anna Berg',
      cue: 'told', kind: 'direct', content: '"Traffic will flow again,"', channel: 'Radio Westport',
      start: TEXT.indexOf('"Traffic'), end: TEXT.indexOf('Radio Westport') + 'Radio Westport'.length,
    });
  });

  it('timeline: dated timexes with their sentence and statements at report time, ordered by date', async () => {
    await store.ingest(bergAnalysis());
    await store.ingest(zolaAnalysis());
    const all = await store.timeline();
    assert.deepEqual(all.map((r) => `${r.date} ${r.kind} ${r.docId}`), [
      '1898-01-13 statement zola', '1898-01-13 statement zola',
      // Same date: document order; s1 starts at its speaker, before "Monday".
      '2024-03-01 timex bridge', '2024-03-04 statement bridge', '2024-03-04 timex bridge',
      '2024-03-05 statement bridge', '2024-03-05 statement bridge', '2024-03-05 statement bridge',
    ]);
    const march1 = all[2]!;
    assert.equal(march1.timex, '1 March 2024');
    assert.equal(march1.text, 'Berg said the Ministry of Transport approved the plan on 1 March 2024.');
    const ministry = await store.timeline({ entity: 'ministry' });
    assert.deepEqual(ministry.map((r) => `${r.date} ${r.kind} ${r.text}`), [
      '2024-03-01 timex Berg said the Ministry of Transport approved the plan on 1 March 2024.',
      '2024-03-05 statement the Ministry of Transport approved the plan on 1 March 2024',
    ]);
  });

  it('search: FTS with snippets; user text with FTS syntax never throws', async () => {
    await store.ingest(bergAnalysis());
    const hits = await store.search('flow again');
    assert.deepEqual(hits.map((h) => h.kind).sort(), ['document', 'statement']);
    const st = hits.find((h) => h.kind === 'statement');
    assert.equal(st?.statementId, 's2');
    assert.match(st?.snippet ?? '', /\[flow\] \[again\]/);
    for (const nasty of ['"bridge', 'bridge*', '*', 'AND OR NOT', 'NEAR(bridge', 'col:bridge', "O'Brien", '-bridge', '^', '""']) {
      await assert.doesNotReject(store.search(nasty), nasty);
    }
    assert.deepEqual((await store.search('"bridge')).map((h) => h.statementId).sort(), [null, 's1'],
      'a stray quote is searched as text: the word is still found');
    assert.deepEqual(await store.search('*'), []);
    assert.deepEqual(await store.search('zeppelin'), []);
  });

  it('persists across reopening, in WAL mode', async () => {
    const file = join(dir, 'persist.sqlite');
    const a = new SqliteStore(file);
    await a.ingest(bergAnalysis());
    await a.close();
    const b = SqliteStore.open(file);
    assert.equal((await b.stats()).documents, 1);
    await b.close();
    const raw = new Database(file, { readonly: true });
    assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
    raw.close();
  });

  it('refuses files that are not claimline stores', () => {
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'this is not a database at all, just some words in a file '.repeat(20));
    assert.throws(() => new SqliteStore(text), (e: unknown) => e instanceof StoreFormatError && /not a claimline store/.test(e.message));
    const other = join(dir, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE songs (title TEXT)');
    db.close();
    assert.throws(() => new SqliteStore(other), /other\.sqlite is not a claimline store \(it holds other data\)/);
    const newer = join(dir, 'newer.sqlite');
    new SqliteStore(newer).close();
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
