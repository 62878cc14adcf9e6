/**
 * Fault test: PostgreSQL stopped mid-ingest and started again. Two real worker processes drain a queue held by a
 * PostgreSQL server of the test's own (private-pg.ts: stopping the shared server would break other tests); the
 * server is stopped with `pg_ctl stop -m fast` while they work and started again a few seconds later. The workers
 * must ride it out, reconnect and finish: every document stored exactly once, judged by the store's own counts,
 * nothing left on the queue, nothing dead-lettered.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test, type TestContext } from 'node:test';
import pg from 'pg';
import { syntheticJsonl } from '../bench/scale-docs.js';
import { openStore, PostgresStore } from '../src/store/index.js';
import { findPostgresBin, PrivatePostgres } from './private-pg.js';
import { CliProcess, runCliProcess } from './queue-helpers.js';

const bin = findPostgresBin();
const skip = 'missing' in bin ? `needs PostgreSQL server binaries to run a private server: ${bin.missing}` : false;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimline-queue-restart-'));
let server: PrivatePostgres | null = null;

before(async () => {
  if (!skip && 'dir' in bin) server = await PrivatePostgres.create(bin.dir);
});
after(async () => {
  await server?.destroy();
  fs.rmSync(tmp, { recursive: true, force: true });
});

interface Line { type: string; docId: string; status: string; attempt: number }

async function query<T>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

test('a PostgreSQL store transaction cut by a server shutdown fails with an error, not a crash, and the store works after the restart', { skip }, async () => {
  const pgs = server!;
  const store = await PostgresStore.open(`${pgs.url}?schema=store_tx`);
  try {
    // The shutdown lands while the transaction's connection is checked out and idle (the update computing).
    const cut = store.updateCorpusState(async () => {
      await pgs.stop();
      return null;
    });
    await assert.rejects(cut, /PostgreSQL|terminat|not queryable|Connection/i);
    await pgs.start();
    assert.equal((await store.stats()).documents, 0, 'the pool opens new connections once the server is back');
  } finally {
    await store.close();
  }
});

/**
 * The scenario, with the store in a SQLite file (only the queue goes down) or in the same PostgreSQL server as the
 * queue (both go down: the usual one-database deployment).
 */
async function restartScenario(t: TestContext, storeKind: 'sqlite' | 'postgres'): Promise<void> {
  const pgs = server!;
  const DOCS = 300;
  const schema = `restart_${storeKind}`;
  const store = storeKind === 'sqlite' ? path.join(tmp, 'restart.db') : `${pgs.url}?schema=store_${storeKind}`;
  const flags = ['--queue', pgs.url, '--queue-schema', schema, '--job-timeout', '15', '--retries', '5', '--retry-delay', '1'];
  const enq = await runCliProcess(['enqueue', '-', ...flags], {}, syntheticJsonl(DOCS));
  assert.match(enq.stderr, new RegExp(`${DOCS} queued`), enq.stderr);

  const args = ['worker', ...flags, '--store', store, '--until-empty', '--format', 'jsonl', '--poll', '0.5', '--corpus-every', '100'];
  const workers = [new CliProcess(args), new CliProcess(args)];
  const storedSoFar = () => workers.reduce((n, w) => n + w.lines.filter((l) => l.includes('"stored"')).length, 0);
  while (storedSoFar() < DOCS / 4) {
    assert.ok(workers.every((w) => w.child.exitCode === null), `a worker exited early:\n${workers.map((w) => w.stderr).join('\n')}`);
    await sleep(50);
  }
  const atStop = storedSoFar();
  await pgs.stop();
  // Down long enough that every worker hits it: taking jobs, reporting finished ones, pg-boss's maintenance.
  await sleep(4000);
  const duringOutage = storedSoFar() - atStop;
  await pgs.start();

  const exits = await Promise.all(workers.map((w) => w.finish(180_000)));
  for (const [i, e] of exits.entries()) assert.equal(e.code, 0, `worker ${i + 1}: ${workers[i]!.stderr}`);
  const stderr = workers.map((w) => w.stderr).join('\n');
  assert.match(stderr, /ECONNREFUSED|terminating connection|Connection terminated/i, `the workers never saw the server go: ${stderr}`);
  assert.ok(atStop < DOCS, 'the queue was drained before the stop: the test proves nothing');

  const lines = workers.flatMap((w) => w.json<Line>()).filter((e) => e.type === 'stored');
  const inserted = lines.filter((e) => e.status === 'inserted').map((e) => e.docId);
  assert.equal(inserted.length, DOCS, 'each article inserted exactly once');
  assert.equal(new Set(inserted).size, DOCS);
  // A job stored during the outage but not reported comes back and finds its article stored: unchanged.
  assert.ok(lines.every((e) => e.status === 'inserted' || e.status === 'unchanged'), JSON.stringify(lines.filter((e) => e.status !== 'inserted')));

  const s = await openStore(store, { readonly: true });
  try {
    const { documents, versions } = await s.stats();
    assert.deepEqual({ documents, versions }, { documents: DOCS, versions: DOCS });
  } finally {
    await s.close();
  }
  const left = await query<{ state: string; n: number }>(pgs.url,
    `SELECT state, count(*)::int AS n FROM ${schema}.job WHERE name = 'claimline_ingest' AND state <> 'completed' GROUP BY state`);
  assert.deepEqual(left, [], 'jobs left on the queue');
  const dead = await query<{ n: number }>(pgs.url, `SELECT count(*)::int AS n FROM ${schema}.job WHERE name = 'claimline_dead'`);
  assert.deepEqual(dead, [{ n: 0 }], 'dead letters');
  // For the report: how the outage went (printed, not asserted).
  const unchanged = lines.length - inserted.length;
  t.diagnostic(`${storeKind} store: stopped at ${atStop}/${DOCS} stored, ${duringOutage} stored while the queue was down, `
    + `${unchanged} retried job(s) found unchanged; queue connection errors reported: ${workers.map((w) => w.stderr.split('\n').filter((l) => l.startsWith('claimline: queue')).length).join(' and ')}`);
  if (process.env.CLAIMLINE_TEST_VERBOSE) for (const l of stderr.split('\n')) t.diagnostic(l);
}

test('PostgreSQL (queue) stopped mid-ingest and started again: two workers reconnect and finish, nothing lost or duplicated (SQLite store)',
  { skip }, (t) => restartScenario(t, 'sqlite'));

test('PostgreSQL (queue and store) stopped mid-ingest and started again: two workers reconnect and finish, nothing lost or duplicated (PostgreSQL store)',
  { skip }, (t) => restartScenario(t, 'postgres'));

