/**
 * Versions in the store: a new text is kept as the next version with what changed; claims listed by status,
 * party, subject and date; a store written with schema 1 opens migrated, with nothing lost.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { AnalysisOut } from '../src/model/format.js';
import { SCHEMA_VERSION, SqliteStore, diffVersions } from '../src/store/index.js';
import { bergAnalysis, span, zolaAnalysis } from './store-fixtures.js';

/** Berg's article edited: s1 reworded, s4 dropped, a new statement, and the council now confirms the cost. */
function bergEdited(): AnalysisOut {
  const a = bergAnalysis();
  const text = 'Mayor Anna Berg said on Monday that the bridge was entirely safe now. "Traffic will flow again," she told '
    + 'Radio Westport.\n\nThe council confirmed that the repairs cost 2 million euros. The police said the road was open.';
  const s = (x: string, nth = 0) => span(text, x, nth);
  a.document.text = text;
  a.document.title = 'Bridge reopens (updated)';
  a.entities = [
    { id: 'e1', name: 'Anna Berg', type: 'PERSON', roles: ['Mayor'], roleSpans: [s('Mayor')], mentions: [{ ...s('Anna Berg'), kind: 'name' }] },
    { id: 'e3', name: 'the council', type: 'ORG', roles: [], roleSpans: [], mentions: [{ ...s('The council'), kind: 'name' }] },
    { id: 'e5', name: 'the police', type: 'ORG', roles: [], roleSpans: [], mentions: [{ ...s('The police'), kind: 'name' }] },
  ];
  const st = (id: string, entity: string, mention: string, cue: string, content: string, cueNth = 0) => ({
    id, kind: 'indirect' as const, speaker: { mention: s(mention), entity, name: null, entities: [] }, cue: s(cue, cueNth),
    content: [s(content)], channel: null, via: [], addressee: null, time: null,
  });
  a.statements = [
    st('s1', 'e1', 'Anna Berg', 'said', 'the bridge was entirely safe now'),
    { ...st('s2', 'e1', 'she', 'told', '"Traffic will flow again,"'), kind: 'direct', channel: s('Radio Westport') },
    st('s3', 'e3', 'The council', 'confirmed', 'the repairs cost 2 million euros'),
    st('s4', 'e5', 'The police', 'said', 'the road was open', 1),
  ];
  a.timexes = [{ id: 't1', ...s('Monday'), type: 'DATE', value: '2024-03-04', resolved: true, anchor: 'dct' }];
  a.claims = [{ id: 'c1', statement: 's3', text: s('the repairs cost 2 million euros'), status: 'confirmed', by: ['e3'],
    evidence: s('confirmed') }];
  return a;
}

describe('store versions', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'claimline-versions-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('diffVersions: statements added, removed, reworded; claim statuses changed', () => {
    const c = diffVersions(bergAnalysis(), bergEdited());
    assert.equal(c.textChanged, true);
    assert.equal(c.titleChanged, true);
    const says = (s: { speaker: string | null; content: string }) => `${s.speaker}: ${s.content}`;
    assert.deepEqual(c.statementsAdded.map(says), ['the police: the road was open']);
    assert.deepEqual(c.statementsRemoved.map(says), ['Anna Berg: the Ministry of Transport approved the plan on 1 March 2024']);
    assert.deepEqual(c.statementsReworded.map((r) => [says(r.before), r.after.content]),
      [['Anna Berg: the bridge was safe', 'the bridge was entirely safe now']]);
    assert.deepEqual(c.claimStatusChanged.map((x) => `${x.after.text}: ${x.before.status} -> ${x.after.status}`),
      ['the repairs cost 2 million euros: denied -> confirmed']);
    assert.deepEqual([c.claimsAdded, c.claimsRemoved], [[], []]);
    const same = diffVersions(bergAnalysis(), bergAnalysis());
    assert.deepEqual([same.textChanged, same.statementsAdded, same.statementsRemoved, same.statementsReworded, same.claimStatusChanged],
      [false, [], [], [], []]);
  });

  it('a new text is the next version; the earlier one stays readable; queries see the current one', async () => {
    const store = SqliteStore.open(join(dir, 'v.db'));
    assert.deepEqual(await store.ingest(bergAnalysis()), { status: 'inserted', docId: 'bridge', version: 1 });
    assert.deepEqual(await store.ingest(bergEdited()), { status: 'new-version', docId: 'bridge', version: 2 });
    assert.deepEqual(await store.ingest(bergEdited()), { status: 'unchanged', docId: 'bridge', version: 2 });
    assert.deepEqual(await store.analysis('bridge', 1), bergAnalysis());
    assert.deepEqual(await store.analysis('bridge', 2), bergEdited());
    assert.deepEqual(await store.analysis('bridge'), bergEdited());
    assert.equal(await store.analysis('bridge', 3), null);
    const versions = await store.versions('bridge');
    assert.deepEqual(versions.map((v) => [v.version, v.current, v.title, v.changes === null]),
      [[1, false, 'Bridge reopens', true], [2, true, 'Bridge reopens (updated)', false]]);
    assert.equal(versions[1]!.changes!.claimStatusChanged.length, 1);
    assert.deepEqual(await store.versions('nope'), []);
    const stats = await store.stats();
    assert.deepEqual([stats.documents, stats.versions, stats.statements, stats.claims], [1, 2, 4, 1]);
    assert.equal((await store.search({ text: 'Ministry' })).total, 0, 'the old text left the search index');
    assert.equal((await store.search({ text: 'entirely' })).total, 2);
    // Back to the first text: a third version, not a silent rollback.
    assert.equal((await store.ingest(bergAnalysis())).version, 3);
    assert.equal((await store.versions('bridge')).length, 3);
    await store.close();
  });

  it('claims: by status, party, subject, date and document, with party names', async () => {
    const store = SqliteStore.open(join(dir, 'claims.db'));
    await store.ingest(bergAnalysis());
    const zola = zolaAnalysis();
    zola.claims = [{ id: 'c1', statement: 's1', text: span(zola.document.text, 'the verdict was unjust'), status: 'asserted',
      by: ['e1'], evidence: null }];
    await store.ingest(zola);
    const ids = async (q: Parameters<typeof store.claims>[0]) => (await store.claims(q)).results.map((c) => `${c.docId}/${c.claimId}`);
    assert.deepEqual(await ids({}), ['zola/c1', 'bridge/c1'], 'by date');
    const [denied] = (await store.claims({ status: 'denied' })).results;
    assert.deepEqual(denied, {
      docId: 'bridge', docTitle: 'Bridge reopens', published: '2024-03-05', claimId: 'c1',
      text: 'the repairs cost 2 million euros', status: 'denied', by: ['the council'], evidence: 'denied', statementId: 's3',
      speaker: 'the council', date: '2024-03-05',
    });
    assert.deepEqual(await ids({ status: ['asserted', 'confirmed'] }), ['zola/c1']);
    assert.deepEqual(await ids({ by: 'ÉMILE' }), ['zola/c1']);
    assert.deepEqual(await ids({ by: 'council' }), ['bridge/c1']);
    assert.deepEqual(await ids({ about: 'repairs' }), ['bridge/c1']);
    assert.deepEqual(await ids({ since: '1900' }), ['bridge/c1']);
    assert.deepEqual(await ids({ docId: 'zola' }), ['zola/c1']);
    const page = await store.claims({ limit: 1 });
    assert.deepEqual([page.total, page.returned, page.more], [2, 1, 1]);
    await store.close();
  });

  it('analyses(): every current analysis by date, in batches, with queries allowed in between', async () => {
    const store = SqliteStore.open(join(dir, 'all.db'));
    for (let i = 0; i < 450; i++) {
      const a = zolaAnalysis();
      a.document.id = `z${String(i).padStart(3, '0')}`;
      a.document.published = i % 3 === 0 ? null : `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`;
      await store.ingest(a);
    }
    const seen: string[] = [];
    for await (const a of store.analyses()) {
      seen.push(`${a.document.published ?? '~'} ${a.document.id}`);
      if (seen.length === 250) assert.equal((await store.stats()).documents, 450);
    }
    assert.equal(seen.length, 450);
    assert.deepEqual(seen, [...seen].sort(), 'by date, undated last, then id');
    assert.equal(new Set(seen).size, 450);
    await store.close();
  });

  it('a schema-1 store is migrated when opened, without loss; a read-only open migrates it when it can', async () => {
    const here = dirname(fileURLToPath(import.meta.url));
    let fixtures = here;
    while (!existsSync(join(fixtures, 'test', 'fixtures'))) fixtures = dirname(fixtures);
    const v1 = readFileSync(join(fixtures, 'test', 'fixtures', 'store-schema-v1.sql'), 'utf8');
    const file = join(dir, 'old.db');
    const old = new Database(file);
    old.exec(v1);
    old.pragma(`application_id = ${0x434c4d31}`); // "CLM1", as schema 1 wrote it
    old.pragma('user_version = 1');
    const a = bergAnalysis();
    old.prepare(`INSERT INTO documents (id, title, url, published, language, source, text, content_hash, analysis, ingested_at)
      VALUES ('bridge', 'Bridge reopens', NULL, '2024-03-05', 'en', NULL, ?, 'old-hash', ?, '2024-03-05T10:00:00Z')`)
      .run(a.document.text, JSON.stringify(a));
    old.prepare(`INSERT INTO statements (doc_id, statement_id, kind, speaker_entity, speaker_name, cue, content, channel,
      report_time, start, end, sentence_start, sentence_end) VALUES ('bridge', 's3', 'indirect', 'e3', 'the council', 'denied',
      'the repairs cost 2 million euros', NULL, NULL, 0, 10, 0, 10)`).run();
    old.prepare(`INSERT INTO claims (doc_id, claim_id, statement_id, text, start, end, status, by_entities, evidence)
      VALUES ('bridge', 'c1', 's3', 'the repairs cost 2 million euros', 0, 10, 'denied', '["e3"]', 'denied')`).run();
    old.prepare("INSERT INTO fts (body, kind, doc_id, statement_id) VALUES (?, 'document', 'bridge', NULL)").run(a.document.text);
    old.close();

    const store = SqliteStore.open(file, { readonly: true });
    assert.equal(new Database(file, { readonly: true }).pragma('user_version', { simple: true }), SCHEMA_VERSION);
    assert.deepEqual(await store.analysis('bridge'), a);
    assert.deepEqual((await store.statements()).results.map((s) => s.content), ['the repairs cost 2 million euros']);
    assert.deepEqual((await store.claims({ status: 'denied' })).results.map((c) => c.claimId), ['c1']);
    assert.equal((await store.search({ text: 'bridge' })).total, 1);
    const versions = await store.versions('bridge');
    assert.deepEqual(versions.map((v) => [v.version, v.current, v.ingestedAt]), [[1, true, '2024-03-05T10:00:00Z']]);
    await store.close();

    const writer = SqliteStore.open(file);
    // The migrated text hash is the real one: the same text again changes the analysis only, a new text is version 2.
    assert.equal((await writer.ingest(a)).status, 'reanalysed');
    assert.deepEqual(await writer.ingest(bergEdited()), { status: 'new-version', docId: 'bridge', version: 2 });
    assert.equal((await writer.versions('bridge'))[1]!.changes!.claimStatusChanged.length, 1);
    await writer.close();
  });
});
