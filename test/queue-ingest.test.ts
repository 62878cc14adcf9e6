/**
 * The ingestion queue end to end: `claimline enqueue` puts documents on a pg-boss queue (each once), `claimline
 * worker` analyses and stores them, failures are retried and then kept as dead letters with their error.
 * Needs PostgreSQL (CLAIMLINE_TEST_PG); each test uses a pg-boss schema of its own and drops it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { Queue, INGEST_QUEUE } from '../src/queue/connection.js';
import { deadLetters } from '../src/queue/dead-letters.js';
import { IngestWorker, type WorkerEvent } from '../src/queue/worker.js';
import { documentJob } from '../src/queue/jobs.js';
import { Enqueuer } from '../src/queue/enqueue.js';
import { openStore } from '../src/store/index.js';
import type { Store } from '../src/store/store.js';
import { dropSchema, PG_URL, requirePostgres, runCliProcess, uniqueSchema } from './queue-helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimline-queue-'));
const schemas: string[] = [];

before(requirePostgres);
after(async () => {
  for (const s of schemas) await dropSchema(s);
  fs.rmSync(tmp, { recursive: true, force: true });
});

function schemaFor(tag: string): string {
  const s = uniqueSchema(tag);
  schemas.push(s);
  return s;
}

const ARTICLES = {
  'harbour.txt': 'The harbour master, Greta Lund, said on Tuesday that the north pier would close for repairs in May.',
  'clinic.txt': '"The clinic will open its doors on 3 March," the health director Omar Said told the council on Friday.',
  'tram.txt': 'Transit officials denied on Wednesday that the tram line to Westgate had been cancelled.',
};

test('enqueue puts each document on the queue once; a worker stores them and updates the corpus state', async () => {
  const schema = schemaFor('basic');
  const docs = path.join(tmp, 'basic');
  fs.mkdirSync(docs);
  for (const [name, text] of Object.entries(ARTICLES)) fs.writeFileSync(path.join(docs, name), text);
  const store = path.join(tmp, 'basic.db');
  const q = ['--queue', PG_URL, '--queue-schema', schema];

  const first = await runCliProcess(['enqueue', docs, ...q, '--published', '2026-02-01', '--format', 'jsonl']);
  assert.equal((await first.exited).code, 0, first.stderr);
  assert.equal(first.json<{ queued: boolean }>().filter((j) => j.queued).length, 3);
  // The same documents again: already queued, nothing added.
  const again = await runCliProcess(['enqueue', docs, ...q, '--format', 'jsonl']);
  assert.deepEqual(again.json<{ queued: boolean }>().map((j) => j.queued), [false, false, false]);
  assert.match(again.stderr, /0 queued, 3 already queued or done/);

  const worker = await runCliProcess(['worker', ...q, '--store', store, '--until-empty', '--poll', '0.5', '--format', 'jsonl']);
  assert.equal((await worker.exited).code, 0, worker.stderr);
  const stored = worker.json<{ type: string; docId: string; status: string }>().filter((e) => e.type === 'stored');
  assert.deepEqual(stored.map((e) => e.docId).sort(), ['basic/clinic.txt', 'basic/harbour.txt', 'basic/tram.txt']);
  assert.ok(stored.every((e) => e.status === 'inserted'));

  // A changed text for one identity is new work: queued, and stored as that document's second version.
  fs.writeFileSync(path.join(docs, 'tram.txt'), ARTICLES['tram.txt'] + ' The mayor said a decision would follow in June.');
  const changed = await runCliProcess(['enqueue', docs, ...q, '--store', store, '--format', 'jsonl']);
  assert.match(changed.stderr, /1 queued, 0 already queued or done, 2 already stored/);
  const worker2 = await runCliProcess(['worker', ...q, '--store', store, '--until-empty', '--poll', '0.5', '--format', 'jsonl']);
  assert.deepEqual(worker2.json<{ type: string; docId: string; status: string; version: number }>().filter((e) => e.type === 'stored').map((e) => [e.docId, e.status, e.version]),
    [['basic/tram.txt', 'new-version', 2]]);

  const s = await openStore(store, { readonly: true });
  try {
    const stats = await s.stats();
    assert.equal(stats.documents, 3);
    assert.equal(stats.versions, 4);
    assert.equal((await s.analysis('basic/harbour.txt'))?.document.published, '2026-02-01');
    // The workers brought the corpus layer's state up to date with every stored document.
    assert.equal((await s.corpusState())?.documents, 3);
  } finally {
    await s.close();
  }
});

/** A store whose writes fail the way a full disk or a lost database does: for the retry path. */
function failingStore(message: string): Store {
  return {
    ingest: async () => { throw new Error(message); },
    close: async () => undefined,
  } as unknown as Store;
}

test('a job that keeps failing is retried with backoff, then kept as a dead letter with its error', async () => {
  const schema = schemaFor('retry');
  const queue = await Queue.open({ url: PG_URL, schema, applicationName: 'claimline-test-retry', maintenanceSeconds: 1 },
    { retryLimit: 2, retryDelaySeconds: 1, jobTimeoutSeconds: 30 });
  try {
    const enqueuer = new Enqueuer(queue);
    await enqueuer.add(documentJob({ id: 'notes/pier', text: 'The pier reopened on Monday, officials said.', title: null, url: null, published: null, source: 'pier.txt', warnings: [] }, null, 'rules'));
    await enqueuer.flush();
    const events: WorkerEvent[] = [];
    const t0 = Date.now();
    const worker = new IngestWorker(queue, failingStore('disk full'), {
      concurrency: 1, pollSeconds: 0.5, untilEmpty: true, corpusEveryDocs: 100, corpusEverySeconds: 60, fetcher: null,
      onEvent: (e) => events.push(e),
    });
    const summary = await worker.run();
    const failures = events.filter((e): e is Extract<WorkerEvent, { type: 'failed' }> => e.type === 'failed');
    assert.deepEqual(failures.map((f) => [f.attempt, f.willRetry]), [[1, true], [2, true], [3, false]]);
    assert.equal(summary.deadLettered, 1);
    // Backoff: the two retries waited at least the base delay each (1 s, then 2 s before jitter).
    assert.ok(Date.now() - t0 >= 2000, `three tries took only ${Date.now() - t0} ms`);
    const dead = await deadLetters(queue);
    assert.equal(dead.length, 1);
    assert.deepEqual([dead[0]!.docId, dead[0]!.source, dead[0]!.error, dead[0]!.attempts], ['notes/pier', 'pier.txt', 'disk full', 3]);

    // Enqueueing the same document again (after fixing the cause) is allowed: the dead job makes room.
    const retry = new Enqueuer(queue);
    await retry.add(documentJob({ id: 'notes/pier', text: 'The pier reopened on Monday, officials said.', title: null, url: null, published: null, source: 'pier.txt', warnings: [] }, null, 'rules'));
    await retry.flush();
    assert.deepEqual(retry.counts, { queued: 1, duplicate: 0 });
  } finally {
    await queue.close();
  }
});

test('a job no retry can fix goes to the dead letters at once, listed by `claimline dead-letters`', async () => {
  const schema = schemaFor('dead');
  const q = ['--queue', PG_URL, '--queue-schema', schema];
  const queue = await Queue.open({ url: PG_URL, schema, applicationName: 'claimline-test-dead' });
  try {
    // A job written by some other program or version: its data is not a claimline job.
    await queue.boss.insert([{ name: INGEST_QUEUE, data: { v: 99, kind: 'document' } }]);
  } finally {
    await queue.close();
  }
  const worker = await runCliProcess(['worker', ...q, '--store', path.join(tmp, 'dead.db'), '--until-empty', '--poll', '0.5', '--format', 'jsonl']);
  const [failure] = worker.json<{ type: string; attempt: number; willRetry: boolean }>().filter((e) => e.type !== 'started');
  assert.deepEqual([failure?.type, failure?.attempt, failure?.willRetry], ['failed', 1, false]);
  assert.match(worker.stderr, /job format 99 is not 1.*moved to the dead letters/);
  const listed = await runCliProcess(['dead-letters', ...q, '--format', 'json']);
  const dead = JSON.parse(listed.lines.join('\n')) as { error: string; permanent: boolean }[];
  assert.equal(dead.length, 1);
  assert.match(dead[0]!.error, /job format 99/);
  assert.equal(dead[0]!.permanent, true);
  const alias = await runCliProcess(['worker', '--dead', ...q]);
  assert.match(alias.lines.join('\n'), /job format 99/);
});

test('a batch the store refuses is stored document by document: only the bad document fails, the rest are stored once', async () => {
  const schema = schemaFor('batch');
  const queue = await Queue.open({ url: PG_URL, schema, applicationName: 'claimline-test-batch', maintenanceSeconds: 1 },
    { retryLimit: 0, retryDelaySeconds: 1, jobTimeoutSeconds: 30 });
  const file = path.join(tmp, 'batch.db');
  const real = await openStore(file);
  const batches: number[] = [];
  // The real store, except that a batch containing the poisoned document fails as a whole, and so does that
  // document alone: a constraint violation on one document, as the store would raise it.
  const store = Object.assign(Object.create(real) as Store, {
    ingestBatch: async (as: Parameters<Store['ingestBatch']>[0]) => {
      batches.push(as.length);
      if (as.some((a) => a.document.id === 'batch/poison')) throw new Error('constraint failed');
      return real.ingestBatch(as);
    },
    ingest: async (a: Parameters<Store['ingest']>[0]) => {
      if (a.document.id === 'batch/poison') throw new Error('constraint failed');
      return real.ingest(a);
    },
  });
  try {
    const enqueuer = new Enqueuer(queue);
    const names = ['one', 'two', 'poison', 'three', 'four'];
    for (const [i, name] of names.entries()) {
      await enqueuer.add(documentJob({ id: `batch/${name}`, text: `${Object.values(ARTICLES)[i % 3]} (item ${name})`, title: null,
        url: null, published: '2026-03-01', source: `${name}.txt`, warnings: [] }, null, 'rules'));
    }
    await enqueuer.flush();
    const events: WorkerEvent[] = [];
    const worker = new IngestWorker(queue, store, {
      concurrency: 1, batchSize: 10, pollSeconds: 0.5, untilEmpty: true, corpusEveryDocs: 100, corpusEverySeconds: 60, fetcher: null,
      onEvent: (e) => events.push(e),
    });
    const summary = await worker.run();
    assert.equal(batches[0], 5, 'the five jobs were taken and offered to the store as one batch');
    const stored = events.filter((e): e is Extract<WorkerEvent, { type: 'stored' }> => e.type === 'stored');
    assert.deepEqual(stored.map((e) => [e.docId, e.status]).sort(),
      [['batch/four', 'inserted'], ['batch/one', 'inserted'], ['batch/three', 'inserted'], ['batch/two', 'inserted']]);
    const failed = events.filter((e): e is Extract<WorkerEvent, { type: 'failed' }> => e.type === 'failed');
    assert.deepEqual(failed.map((e) => [e.docId, e.error]), [['batch/poison', 'constraint failed']]);
    assert.equal(summary.deadLettered, 1);
    assert.equal((await real.stats()).documents, 4);
    assert.equal((await real.corpusState())?.documents, 4);
    const done = await queue.sql<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.job WHERE name = $1 AND state = 'completed'`, [INGEST_QUEUE]);
    assert.equal(Number(done[0]!.n), 4);
  } finally {
    await real.close();
    await queue.close();
  }
});
