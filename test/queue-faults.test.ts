/**
 * Fault tests for the ingestion queue, with real worker processes and a real PostgreSQL: a worker killed with
 * SIGKILL mid-document, and every queue connection of the workers cut by the server mid-run
 * (pg_terminate_backend, which is what a database restart does to clients, without stopping the server other
 * tests share). Nothing may be lost and nothing stored twice, judged by the store's own counts.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import { syntheticArticle, syntheticJsonl } from '../bench/scale-docs.js';
import { openStore } from '../src/store/index.js';
import { CliProcess, dropSchema, PG_URL, requirePostgres, runCliProcess, sql, uniqueSchema } from './queue-helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimline-queue-faults-'));
const schemas: string[] = [];

before(requirePostgres);
after(async () => {
  for (const s of schemas) await dropSchema(s);
  fs.rmSync(tmp, { recursive: true, force: true });
});

interface Line { type: string; docId: string; status: string; attempt: number; version: number }

/** Queue flags for a fresh schema whose jobs time out after `timeout` seconds and retry after 1 s. */
function queueFlags(tag: string, timeout: number): string[] {
  const schema = uniqueSchema(tag);
  schemas.push(schema);
  return ['--queue-schema', schema, '--job-timeout', String(timeout), '--retries', '3', '--retry-delay', '1'];
}

async function storeCounts(file: string): Promise<{ documents: number; versions: number }> {
  const s = await openStore(file, { readonly: true });
  try {
    const { documents, versions } = await s.stats();
    return { documents, versions };
  } finally {
    await s.close();
  }
}

test('kill -9 of a worker after it stored a document but before it reported the job: retried, stored once', async () => {
  const flags = queueFlags('kill_after', 3);
  const store = path.join(tmp, 'kill-after.db');
  const article = syntheticArticle(1);
  const enq = await runCliProcess(['enqueue', '-', '--queue', PG_URL, ...flags], {}, JSON.stringify(article) + '\n');
  assert.equal((await enq.exited).code, 0, enq.stderr);

  // The first worker stores the article, then stalls before completing the job (test-only fault injection).
  const doomed = new CliProcess(['worker', '--queue', PG_URL, ...flags, '--store', store, '--format', 'jsonl', '--poll', '0.5'],
    { CLAIMLINE_QUEUE_TEST_HOLD_MS: '600000' });
  await doomed.waitForLine((l) => l.includes('"stored"'), 'the first store');
  doomed.child.kill('SIGKILL');
  assert.equal((await doomed.finish()).signal, 'SIGKILL');

  const rescuer = await runCliProcess(['worker', '--queue', PG_URL, ...flags, '--store', store, '--until-empty', '--format', 'jsonl', '--poll', '0.5']);
  assert.equal((await rescuer.exited).code, 0, rescuer.stderr);
  const stored = rescuer.json<Line>().filter((e) => e.type === 'stored');
  // The job came back after its timeout, was tried a second time and found the article already stored.
  assert.deepEqual(stored.map((e) => [e.docId, e.status, e.attempt, e.version]), [[article.id, 'unchanged', 2, 1]]);
  assert.deepEqual(await storeCounts(store), { documents: 1, versions: 1 });
});

test('kill -9 of a worker while it analyses a document: the job is retried and the article stored once', async () => {
  const flags = queueFlags('kill_mid', 8);
  const store = path.join(tmp, 'kill-mid.db');
  // Long enough to take a few seconds to analyse, so the kill lands inside the analysis.
  const text = Array.from({ length: 700 }, (_, i) => syntheticArticle(i).text).join('\n\n');
  const enq = await runCliProcess(['enqueue', '-', '--queue', PG_URL, ...flags, '--id', 'long/report'], {}, text);
  assert.equal((await enq.exited).code, 0, enq.stderr);

  const doomed = new CliProcess(['worker', '--queue', PG_URL, ...flags, '--store', store, '--format', 'jsonl', '--poll', '0.5']);
  await doomed.waitForLine((l) => l.includes('"started"'), 'the job to start');
  await sleep(200);
  doomed.child.kill('SIGKILL');
  await doomed.finish();
  assert.ok(!doomed.lines.some((l) => l.includes('"stored"')), 'the worker finished the document before it was killed: the test proves nothing');

  const rescuer = await runCliProcess(['worker', '--queue', PG_URL, ...flags, '--store', store, '--until-empty', '--format', 'jsonl', '--poll', '0.5']);
  const stored = rescuer.json<Line>().filter((e) => e.type === 'stored');
  assert.deepEqual(stored.map((e) => [e.docId, e.status, e.attempt]), [['long/report', 'inserted', 2]]);
  assert.deepEqual(await storeCounts(store), { documents: 1, versions: 1 });
});

test('every queue connection of two workers cut mid-run, twice: they reconnect and finish, nothing lost or duplicated', async () => {
  const DOCS = 200;
  const flags = queueFlags('reconnect', 5);
  const store = path.join(tmp, 'reconnect.db');
  const enq = await runCliProcess(['enqueue', '-', '--queue', PG_URL, ...flags], {}, syntheticJsonl(DOCS));
  assert.match(enq.stderr, new RegExp(`${DOCS} queued`));

  // The workers' connections carry a name of their own, so only they are cut.
  const appName = `claimline_test_${process.pid}_${randomBytes(3).toString('hex')}`;
  const url = new URL(PG_URL);
  url.searchParams.set('application_name', appName);
  const args = ['worker', '--queue', url.toString(), ...flags, '--store', store, '--until-empty', '--format', 'jsonl', '--poll', '0.5', '--corpus-every', '50'];
  const workers = [new CliProcess(args), new CliProcess(args)];
  const storedSoFar = () => workers.reduce((n, w) => n + w.lines.filter((l) => l.includes('"stored"')).length, 0);
  const cut = async () => (await sql(`SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE application_name = $1`, [appName])).length;

  let cuts = 0;
  for (const threshold of [DOCS / 5, DOCS / 2]) {
    while (storedSoFar() < threshold) {
      assert.ok(workers.every((w) => w.child.exitCode === null), `a worker exited early: ${workers.map((w) => w.stderr).join('\n')}`);
      await sleep(100);
    }
    cuts += await cut();
  }
  assert.ok(cuts >= 2, `expected to cut the workers' connections, cut ${cuts}`);

  for (const w of workers) assert.equal((await w.finish()).code, 0, w.stderr);
  assert.match(workers.map((w) => w.stderr).join('\n'), /terminat/i, 'the workers never saw a connection cut');
  const lines = workers.flatMap((w) => w.json<Line>()).filter((e) => e.type === 'stored');
  const inserted = lines.filter((e) => e.status === 'inserted').map((e) => e.docId);
  assert.equal(inserted.length, DOCS, 'each article inserted exactly once');
  assert.equal(new Set(inserted).size, DOCS);
  // A job whose completion was lost with its connection comes back and finds its article stored: unchanged.
  assert.ok(lines.every((e) => e.status === 'inserted' || e.status === 'unchanged'));
  assert.deepEqual(await storeCounts(store), { documents: DOCS, versions: DOCS });
  const pending = await sql<{ n: string }>(`SELECT count(*) AS n FROM ${flags[1]}.job WHERE name = 'claimline_ingest' AND state <> 'completed'`);
  assert.equal(Number(pending[0]!.n), 0);
});

test('SIGTERM while a document is being analysed: the worker finishes and reports it, takes nothing new, and says so', async () => {
  const flags = queueFlags('sigterm', 60);
  const store = path.join(tmp, 'sigterm.db');
  const long = Array.from({ length: 500 }, (_, i) => syntheticArticle(i).text).join('\n\n');
  // Queued first, so it is the job taken first (pg-boss takes the oldest), and the signal lands inside it.
  const first = await runCliProcess(['enqueue', '-', '--queue', PG_URL, ...flags, '--id', 'long/briefing'], {}, long);
  assert.match(first.stderr, /1 queued/);
  const rest = await runCliProcess(['enqueue', '-', '--queue', PG_URL, ...flags], {}, syntheticJsonl(3));
  assert.match(rest.stderr, /3 queued/);

  const worker = new CliProcess(['worker', '--queue', PG_URL, ...flags, '--store', store, '--format', 'jsonl', '--poll', '0.5']);
  const started = JSON.parse(await worker.waitForLine((l) => l.includes('"started"'), 'a job to start')) as Line;
  worker.child.kill('SIGTERM');
  const { code } = await worker.finish();
  assert.equal(code, 0, worker.stderr);
  const lines = worker.json<Line>();
  // The job in flight at the signal was finished; none was started after it.
  assert.equal(started.docId, 'long/briefing');
  assert.deepEqual(lines.map((e) => [e.type, e.docId]), [['started', 'long/briefing'], ['stored', 'long/briefing']],
    `job lines ${JSON.stringify(lines)}; stderr:\n${worker.stderr}`);
  assert.match(worker.stderr, new RegExp(`SIGTERM: taking no new job; finishing 1 in flight: ${started.docId}`));
  assert.match(worker.stderr, /the 1 job\(s\) in flight at the signal were finished and reported/);
  const left = await sql<{ n: string }>(`SELECT count(*) AS n FROM ${flags[1]}.job WHERE name = 'claimline_ingest' AND state = 'created'`);
  assert.equal(Number(left[0]!.n), 3);
});
