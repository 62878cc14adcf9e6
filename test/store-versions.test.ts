/**
 * Versions in the store: what changed between two versions, and a store written with SQLite schema 1 opening
 * migrated, with nothing lost. Versions and claims through the store are in the shared suite (store-suite.ts).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION, SqliteStore, diffVersions } from '../src/store/index.js';
import { bergAnalysis, bergEdited } from './store-fixtures.js';

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
