/**
 * The PostgreSQL store: the shared store suite (test/store-suite.ts) against a PostgreSQL server ($CLAIMLINE_TEST_PG,
 * which .ci/run starts), and what only a server has: its schema_version table, read-only transactions, clear
 * one-line errors when the server cannot be reached, and the CLI's --store postgres:// and $CLAIMLINE_STORE.
 * A server that does not answer fails these tests with a message saying so; they are never skipped.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  PG_SCHEMA_VERSION, PostgresStore, StoreConnectionError, StoreFormatError, openStore,
} from '../src/store/index.js';
import { runCli } from './cli-run.js';
import { pgUrl, postgresBackend, withAdmin } from './store-backends.js';
import { bergAnalysis } from './store-fixtures.js';
import { storeSuite } from './store-suite.js';

storeSuite(postgresBackend());

describe('PostgresStore: the server', () => {
  const backend = postgresBackend();
  /** The test database (schema `s<n>` per store) as the CLI's --store names it. */
  let fresh: () => string;
  before(async () => {
    await backend.setup();
    fresh = () => backend.freshLocation();
  });
  after(() => backend.teardown());

  it('a new store records its schema version; a newer one is refused, a table of ours from another program too', async () => {
    const location = fresh();
    const store = await PostgresStore.open(location);
    await store.close();
    const schema = new URL(location).searchParams.get('schema')!;
    const database = new URL(location).pathname.slice(1);
    const inStore = async (sql: string) => {
      const pg = (await import('pg')).default;
      const c = new pg.Client({ connectionString: pgUrl(database), options: `-c search_path=${schema}` });
      await c.connect();
      try {
        return (await c.query(sql)).rows;
      } finally {
        await c.end();
      }
    };
    assert.deepEqual(await inStore('SELECT application, version FROM schema_version'),
      [{ application: 'claimline', version: PG_SCHEMA_VERSION }]);
    await inStore(`UPDATE schema_version SET version = ${PG_SCHEMA_VERSION + 1}`);
    await assert.rejects(PostgresStore.open(location),
      (e: unknown) => e instanceof StoreFormatError && e.message.includes(`store schema ${PG_SCHEMA_VERSION + 1}`));

    const other = fresh();
    const otherSchema = new URL(other).searchParams.get('schema')!;
    const pg = (await import('pg')).default;
    const c = new pg.Client({ connectionString: pgUrl(database) });
    await c.connect();
    await c.query(`CREATE SCHEMA ${otherSchema}; CREATE TABLE ${otherSchema}.documents (title text)`);
    await c.end();
    await assert.rejects(PostgresStore.open(other), /is not a claimline store \(it holds other data\)/);
  });

  it('read-only: no store is created, ingest is refused, and the server itself refuses writes', async () => {
    const location = fresh();
    await assert.rejects(PostgresStore.open(location, { readonly: true }), /no claimline store here \(create one with 'claimline ingest'\)/);
    const writer = await PostgresStore.open(location);
    await writer.ingest(bergAnalysis());
    await writer.close();
    const reader = await openStore(location, { readonly: true });
    try {
      assert.equal((await reader.stats()).documents, 1);
      assert.equal((await reader.search({ text: 'bridge' })).total, 2);
      await assert.rejects(reader.ingest({ ...bergAnalysis(), document: { ...bergAnalysis().document, id: 'other' } }), /read-only/);
      // Even past the store's own check, every transaction on its connections is READ ONLY.
      await assert.rejects(reader.updateCorpusState(() => ({ state: {}, documents: 0 })), /read-only/);
      const pool = (reader as unknown as { pool: { query(sql: string): Promise<unknown> } }).pool;
      await assert.rejects(pool.query("UPDATE documents SET title = 'x'"), /read-only transaction/);
    } finally {
      await reader.close();
    }
  });

  it('a server that cannot be reached: one line naming it, no password, quickly', async () => {
    const url = 'postgres://me:secret@127.0.0.1:1/news';
    await assert.rejects(openStore(url), (e: unknown) => e instanceof StoreConnectionError
      && /cannot connect to PostgreSQL at 127\.0\.0\.1:1 .*connection refused/.test(e.message) && !e.message.includes('secret'));
    const missing = pgUrl('claimline_no_such_database');
    await assert.rejects(openStore(missing), (e: unknown) => e instanceof StoreConnectionError
      && /PostgreSQL at 127\.0\.0\.1:5432|PostgreSQL at [^ ]+ .*does not exist/.test(e.message) && /does not exist/.test(e.message));
    await assert.rejects(openStore(`${pgUrl('test')}?schema=bad-name`), /not a plain SQL name/);
  });

  it('the CLI: --store postgres:// and $CLAIMLINE_STORE; an unreachable server is exit code 3 with one line', async () => {
    const location = fresh();
    const text = 'Mayor Anna Berg said on Monday that the bridge was safe. The council denied that the repairs cost 2 million euros.\n';
    const ingest = await runCli(['ingest', '-', '--id', 'bridge', '--store', location, '--format', 'json', '--quiet'], text);
    assert.equal(ingest.code, 0, ingest.err);
    assert.equal(JSON.parse(ingest.out).inserted, 1);
    const saved = process.env.CLAIMLINE_STORE;
    process.env.CLAIMLINE_STORE = location;
    try {
      const stats = await runCli(['stats']);
      assert.equal(stats.code, 0, stats.err);
      assert.equal(JSON.parse(stats.out).documents, 1);
      const search = await runCli(['search', 'bridg*', '--format', 'json']);
      assert.equal(search.code, 0, search.err);
      assert.ok(JSON.parse(search.out).total >= 1);
      const again = await runCli(['ingest', '-', '--id', 'bridge', '--format', 'json', '--quiet'], text);
      assert.equal(JSON.parse(again.out).unchanged, 1, 'the environment names the same store');
    } finally {
      if (saved === undefined) delete process.env.CLAIMLINE_STORE;
      else process.env.CLAIMLINE_STORE = saved;
    }
    for (const args of [['statements'], ['ingest', '-', '--quiet']]) {
      const down = await runCli([...args, '--store', 'postgresql://me:secret@127.0.0.1:1/news'], text);
      assert.equal(down.code, 3, down.err);
      assert.match(down.err, /^claimline: cannot connect to PostgreSQL at 127\.0\.0\.1:1 /);
      assert.equal(down.err.trim().split('\n').length, 1, 'one line, no stack trace');
      assert.doesNotMatch(down.err, /secret/);
    }
  });

  it('the test database is this file\'s own, so parallel test files never see each other\'s stores', async () => {
    const names = await withAdmin(async (c) => (await c.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'claimline_t_%'")).rows.map((r) => r.datname));
    assert.ok(names.includes(new URL(fresh()).pathname.slice(1)));
  });
});
