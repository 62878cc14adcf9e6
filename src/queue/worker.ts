/**
 * The queue worker: takes ingest jobs one at a time per slot, analyses and stores each through the Store
 * interface, and reports every outcome to the queue.
 *
 * Exactly-once storage rests on two things: pg-boss hands a job to one worker at a time (and back to the queue
 * when that worker goes silent past the job timeout), and `store.ingest` is idempotent by identity and text. A
 * worker killed after storing but before completing its job leaves the job to be retried; the retry finds the
 * same text stored and changes nothing (`unchanged`), so no duplicate and no spurious version.
 */
import { setImmediate, setTimeout as sleep } from 'node:timers/promises';
import type PgBoss from 'pg-boss';
import { InputError } from '../pipeline/analyze.js';
import { updateStoreCorpus } from '../store/corpus-state.js';
import type { AnalysisOut } from '../model/format.js';
import type { IngestResult, IngestStatus, Store } from '../store/store.js';
import { INGEST_QUEUE, type Queue } from './connection.js';
import { Enqueuer } from './enqueue.js';
import { analyzeRaw } from './ingest-one.js';
import { jobSubject, parseJob, PermanentJobError, type IngestJob } from './jobs.js';
import { resolveUrlJob, type PageFetcher } from './url-jobs.js';

export type WorkerEvent =
  | { type: 'started'; job: string; docId: string | null; source: string; attempt: number }
  | { type: 'stored'; job: string; docId: string; status: IngestStatus; version: number; source: string; attempt: number }
  | { type: 'expanded'; job: string; source: string; queued: number; duplicate: number }
  | { type: 'failed'; job: string; source: string; docId: string | null; error: string; attempt: number; willRetry: boolean }
  | { type: 'connection'; error: string; retryInMs: number }
  | { type: 'corpus'; ms: number; skipped: boolean }
  | { type: 'corpus-error'; error: string }
  | { type: 'profile'; ms: WorkerProfile };

/**
 * Where this process's time went, in ms summed over its slots: taking jobs, analysing, the store write, reporting
 * to the queue, corpus updates, waiting on an empty queue. For the scale benchmark (what limits a second worker).
 */
export interface WorkerProfile {
  fetch: number;
  analyse: number;
  store: number;
  complete: number;
  corpus: number;
  idle: number;
  total: number;
  /** CPU time this process used (user + system), for comparison with `total`. */
  cpu: number;
}

export interface WorkerOptions {
  /** Jobs in flight at once in this process. Analysis runs on the one JS thread: more CPU needs more processes. */
  concurrency: number;
  /**
   * Jobs each slot takes at once: analysed one by one, then stored in one transaction and completed in one call.
   * 1 (the default) takes, stores and completes each job on its own.
   */
  batchSize?: number;
  /** Wait between looks at an empty queue. */
  pollSeconds: number;
  /** Stop once nothing is waiting, retrying or running (for batch runs, tests and benchmarks). */
  untilEmpty: boolean;
  /** Bring the store's corpus state up to date after this many stored documents, or this many seconds, or when idle. */
  corpusEveryDocs: number;
  corpusEverySeconds: number;
  fetcher: PageFetcher | null;
  onEvent: (e: WorkerEvent) => void;
  /**
   * Fault injection for the tests only (env CLAIMLINE_QUEUE_TEST_HOLD_MS): wait this long after storing a document
   * and before completing its job, the window where a crash must not cause a duplicate.
   */
  holdAfterStoreMs?: number;
}

export interface WorkerSummary {
  stored: Record<IngestStatus, number>;
  /** Feed jobs turned into item jobs. */
  expanded: number;
  failed: number;
  deadLettered: number;
  /** Documents stored whose job could not be marked complete (the queue will retry them; the store ignores the repeat). */
  uncompleted: number;
}

/** An analysed job waiting for the rest of its batch to be stored. */
interface Analysed {
  job: PgBoss.JobWithMetadata<unknown>;
  data: IngestJob;
  source: string;
  analysis: AnalysisOut;
  attempt: number;
}

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

/**
 * Jobs of a batch not yet started after this long go back to the queue: each job's timeout runs from when it was
 * taken, so a batch of big documents must not sit out one job's timeout in this worker.
 */
const BATCH_HOLD_MS = 60_000;

/** Completing a job is retried this long through connection trouble before it is left to the job timeout. */
const SETTLE_RETRY_MS = 30_000;

export class IngestWorker {
  private stopping = false;
  private wake: AbortController = new AbortController();
  private storedSinceCorpus = 0;
  private lastCorpus = Date.now();
  private corpusRun: Promise<void> | null = null;
  readonly summary: WorkerSummary = {
    stored: { inserted: 0, 'new-version': 0, reanalysed: 0, unchanged: 0 }, expanded: 0, failed: 0, deadLettered: 0, uncompleted: 0,
  };
  readonly profile: WorkerProfile = { fetch: 0, analyse: 0, store: 0, complete: 0, corpus: 0, idle: 0, total: 0, cpu: 0 };
  /** Jobs being worked on now, by job id: what a shutdown is waiting for. */
  readonly inFlight = new Map<string, string>();

  constructor(private readonly queue: Queue, private readonly store: Store, private readonly opts: WorkerOptions) {}

  /** Runs until `stop()` (or, with untilEmpty, until the queue is drained); then updates the corpus state once more. */
  async run(): Promise<WorkerSummary> {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const slots = Array.from({ length: this.opts.concurrency }, () => this.slot());
    await Promise.all(slots);
    await this.updateCorpus(true);
    this.profile.total = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    this.profile.cpu = (cpu.user + cpu.system) / 1000;
    this.opts.onEvent({ type: 'profile', ms: { ...this.profile } });
    return this.summary;
  }

  /** Takes no new job; jobs in flight finish (analysis cannot be interrupted) and are reported to the queue. */
  stop(): void {
    this.stopping = true;
    this.wake.abort();
  }

  get stopped(): boolean {
    return this.stopping;
  }

  private async slot(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      let jobs: PgBoss.JobWithMetadata<unknown>[];
      try {
        // pg-boss's fetch answers [] when the query fails; `pending()` below throws instead.
        const tf = performance.now();
        jobs = await this.queue.boss.fetch<unknown>(INGEST_QUEUE, { batchSize: this.opts.batchSize ?? 1, includeMetadata: true });
        this.profile.fetch += performance.now() - tf;
        if (jobs.length === 0) {
          if (this.storedSinceCorpus > 0) await this.updateCorpus(true);
          if (this.opts.untilEmpty && (await this.queue.pending()) === 0) {
            this.stopping = true;
            this.wake.abort();
            break;
          }
          failures = 0;
          await this.pause(this.opts.pollSeconds * 1000);
          continue;
        }
        failures = 0;
      } catch (e) {
        failures++;
        const wait = Math.min(30_000, 500 * 2 ** Math.min(failures, 6));
        this.opts.onEvent({ type: 'connection', error: (e as Error).message, retryInMs: wait });
        await this.pause(wait);
        continue;
      }
      // Oldest first, as pg-boss hands them out (an UPDATE … RETURNING has no order of its own).
      jobs.sort((x, y) => x.createdOn.getTime() - y.createdOn.getTime() || (x.id < y.id ? -1 : 1));
      await this.workBatch(jobs);
    }
  }

  private async pause(ms: number): Promise<void> {
    if (this.stopping) return;
    const t0 = performance.now();
    await sleep(ms, undefined, { signal: this.wake.signal }).catch(() => undefined);
    this.profile.idle += performance.now() - t0;
  }

  /**
   * Analyses a batch of jobs one after another, stores the analysed documents in one transaction and reports them
   * to the queue in one call: per document, the queue and store round trips (and commits) of one. A job that fails
   * fails alone. Jobs not yet started when the worker is told to stop, or once the batch has been held for
   * BATCH_HOLD_MS, go back to the queue untouched (no try counted), for this or another worker.
   */
  private async workBatch(jobs: PgBoss.JobWithMetadata<unknown>[]): Promise<void> {
    const taken = performance.now();
    const ready: Analysed[] = [];
    let next = 0;
    try {
      for (; next < jobs.length; next++) {
        // Analysis never yields: a full turn of the event loop between documents lets a signal (stop) be seen.
        // Two hops: the first immediate may run before the loop next polls for I/O, where signals arrive.
        if (next > 0) {
          await setImmediate();
          await setImmediate();
        }
        if (this.stopping || (next > 0 && performance.now() - taken > BATCH_HOLD_MS)) break;
        const a = await this.analyse(jobs[next]!);
        if (a) ready.push(a);
      }
    } finally {
      if (next < jobs.length) await this.release(jobs.slice(next));
    }
    if (ready.length > 0) await this.storeBatch(ready);
  }

  /** Analyses one job's document; null when the job needs nothing more (a feed expanded) or failed (reported). */
  private async analyse(job: PgBoss.JobWithMetadata<unknown>): Promise<Analysed | null> {
    const attempt = job.retryCount + 1;
    let data: IngestJob | null = null;
    this.inFlight.set(job.id, '?');
    try {
      data = parseJob(job.data);
      const subject = jobSubject(data);
      this.inFlight.set(job.id, subject.id ?? subject.source);
      this.opts.onEvent({ type: 'started', job: job.id, docId: subject.id, source: subject.source, attempt });
      let doc;
      if (data.kind === 'url') {
        const outcome = await resolveUrlJob(data, this.opts.fetcher);
        if (outcome.kind === 'feed') {
          const enqueuer = new Enqueuer(this.queue);
          for (const j of outcome.jobs) await enqueuer.add(j);
          await enqueuer.flush();
          this.summary.expanded++;
          await this.settle(job.id, () => this.queue.boss.complete(INGEST_QUEUE, job.id, { ...enqueuer.counts }));
          this.opts.onEvent({ type: 'expanded', job: job.id, source: data.url, ...enqueuer.counts });
          this.inFlight.delete(job.id);
          return null;
        }
        doc = outcome.doc;
      } else {
        doc = data.doc;
      }
      const ta = performance.now();
      const analysis = analyzeRaw(doc, { published: data.published, attribution: data.attribution });
      this.profile.analyse += performance.now() - ta;
      return { job, data, source: doc.source, analysis, attempt };
    } catch (e) {
      await this.failed(job, data, e as Error, attempt);
      this.inFlight.delete(job.id);
      return null;
    }
  }

  /**
   * Stores analysed documents in one transaction, then completes their jobs in one call. When the batch fails
   * (a document the store refuses, a lost connection), each document is stored on its own, so only the ones
   * that fail again are failed (and retried or dead-lettered).
   */
  private async storeBatch(ready: Analysed[]): Promise<void> {
    const ts = performance.now();
    let results: (IngestResult | Error)[];
    if (ready.length === 1) {
      results = [await this.store.ingest(ready[0]!.analysis).catch(asError)];
    } else {
      try {
        results = await this.store.ingestBatch(ready.map((r) => r.analysis));
      } catch {
        results = [];
        for (const r of ready) results.push(await this.store.ingest(r.analysis).catch(asError));
      }
    }
    this.profile.store += performance.now() - ts;
    const done: string[] = [];
    for (const [k, r] of ready.entries()) {
      const result = results[k]!;
      if (result instanceof Error) {
        await this.failed(r.job, r.data, result, r.attempt);
        this.inFlight.delete(r.job.id);
        continue;
      }
      this.summary.stored[result.status]++;
      this.storedSinceCorpus++;
      this.opts.onEvent({ type: 'stored', job: r.job.id, docId: result.docId, status: result.status, version: result.version, source: r.source, attempt: r.attempt });
      done.push(r.job.id);
    }
    try {
      if (done.length === 0) return;
      if (this.opts.holdAfterStoreMs) await sleep(this.opts.holdAfterStoreMs);
      const tc = performance.now();
      // The store's outcome per document is on the 'stored' event; the job itself is simply completed.
      const completed = await this.settle(done.length === 1 ? done[0]! : `${done[0]} and ${done.length - 1} more`,
        () => this.queue.boss.complete(INGEST_QUEUE, done));
      this.profile.complete += performance.now() - tc;
      if (!completed) this.summary.uncompleted += done.length;
    } finally {
      for (const id of done) this.inFlight.delete(id);
    }
    this.maybeUpdateCorpus();
  }

  /**
   * Hands jobs taken but not started back to the queue as they were before this worker took them: waiting
   * (first try) or waiting for a retry, the try count pg-boss added when taking them removed again. When the
   * queue cannot be reached they stay taken and come back after the job timeout, which the store makes harmless.
   */
  private async release(jobs: PgBoss.JobWithMetadata<unknown>[]): Promise<void> {
    const s = this.queue.schema;
    await this.settle(`${jobs.length} unstarted`, () => this.queue.sql(`UPDATE ${s}.job SET
        state = (CASE WHEN retry_count = 0 THEN 'created' ELSE 'retry' END)::${s}.job_state,
        started_on = CASE WHEN retry_count = 0 THEN NULL ELSE started_on END,
        retry_count = greatest(retry_count - 1, 0)
      WHERE name = $1 AND id = ANY($2::uuid[]) AND state = 'active'`, [INGEST_QUEUE, jobs.map((j) => j.id)]));
  }

  /**
   * A failure the next try would repeat (bad job data, input the pipeline refuses, a page without an article)
   * goes to the dead letters now; anything else (store busy or unreachable, network) is retried with backoff
   * and goes to the dead letters when the retries run out. Either way the error is kept with the document.
   */
  private async failed(job: PgBoss.JobWithMetadata<unknown>, data: IngestJob | null, e: Error, attempt: number): Promise<void> {
    const permanent = e instanceof PermanentJobError || e instanceof InputError;
    const subject = data ? jobSubject(data) : { id: null, source: `job ${job.id}` };
    const willRetry = !permanent && job.retryCount < job.retryLimit;
    this.summary.failed++;
    if (!willRetry) this.summary.deadLettered++;
    this.opts.onEvent({ type: 'failed', job: job.id, source: subject.source, docId: subject.id, error: e.message, attempt, willRetry });
    const output = { message: e.message, docId: subject.id, source: subject.source, attempt, permanent };
    await this.settle(job.id, async () => {
      if (permanent) {
        // pg-boss retries while retry_count < retry_limit; closing that gap sends the job to the dead letters now.
        await this.queue.sql(`UPDATE ${this.queue.schema}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2`, [INGEST_QUEUE, job.id]);
      }
      await this.queue.boss.fail(INGEST_QUEUE, job.id, output);
    });
  }

  /**
   * Reports a job's outcome, retrying through a lost connection (the pool opens a new one). False when the queue
   * stayed unreachable: the job then times out and is retried, which the idempotent store makes harmless.
   */
  private async settle(jobId: string, report: () => Promise<unknown>): Promise<boolean> {
    const deadline = Date.now() + SETTLE_RETRY_MS;
    for (let n = 1; ; n++) {
      try {
        await report();
        return true;
      } catch (e) {
        if (Date.now() >= deadline) {
          this.opts.onEvent({ type: 'connection', error: `job ${jobId} not reported: ${(e as Error).message}; it will be retried after its timeout`, retryInMs: 0 });
          return false;
        }
        const wait = Math.min(5_000, 200 * 2 ** Math.min(n, 5));
        this.opts.onEvent({ type: 'connection', error: (e as Error).message, retryInMs: wait });
        await sleep(wait);
      }
    }
  }

  /** Starts a corpus update in the background when one is due; the slot goes on with its next jobs meanwhile. */
  private maybeUpdateCorpus(): void {
    const due = this.storedSinceCorpus >= this.opts.corpusEveryDocs
      || (this.storedSinceCorpus > 0 && Date.now() - this.lastCorpus >= this.opts.corpusEverySeconds * 1000);
    if (due) void this.updateCorpus(false);
  }

  /**
   * One corpus update at a time per process. A periodic one (`wait` false) runs in the background and gives up
   * when another worker's update is under way (that one, or the next, takes this worker's documents in); a
   * waiting one (idle, or at the end of the run) waits for any update under way and then brings the state up to
   * date. A failure is reported, not fatal: the next update compares the stored documents with the state again.
   */
  private async updateCorpus(wait: boolean): Promise<void> {
    if (this.corpusRun) {
      if (!wait) return;
      const tw = performance.now();
      await this.corpusRun;
      this.profile.corpus += performance.now() - tw;
    }
    const pending = this.storedSinceCorpus;
    if (pending === 0) return;
    this.storedSinceCorpus = 0;
    this.lastCorpus = Date.now();
    const t0 = performance.now();
    this.corpusRun = updateStoreCorpus(this.store, { ifFree: !wait })
      .then((ran) => {
        // Skipped: these documents still count towards the next update, and the last one of the run waits.
        if (!ran) this.storedSinceCorpus += pending;
        this.opts.onEvent({ type: 'corpus', ms: performance.now() - t0, skipped: !ran });
      })
      .catch((e: Error) => {
        this.storedSinceCorpus += pending;
        this.opts.onEvent({ type: 'corpus-error', error: e.message });
      })
      .finally(() => { this.corpusRun = null; });
    if (!wait) return;
    await this.corpusRun;
    // Time a slot spent waiting for the corpus; background updates are reported by their 'corpus' events.
    this.profile.corpus += performance.now() - t0;
  }
}
