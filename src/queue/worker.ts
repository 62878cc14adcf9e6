/**
 * The queue worker: takes ingest jobs one at a time per slot, analyses and stores each through the Store
 * interface, and reports every outcome to the queue.
 *
 * Exactly-once storage rests on two things: pg-boss hands a job to one worker at a time (and back to the queue
 * when that worker goes silent past the job timeout), and `store.ingest` is idempotent by identity and text. A
 * worker killed after storing but before completing its job leaves the job to be retried; the retry finds the
 * same text stored and changes nothing (`unchanged`), so no duplicate and no spurious version.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type PgBoss from 'pg-boss';
import { InputError } from '../pipeline/analyze.js';
import { updateStoreCorpus } from '../store/corpus-state.js';
import type { IngestStatus, Store } from '../store/store.js';
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
  | { type: 'corpus'; ms: number }
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
      let job: PgBoss.JobWithMetadata<unknown> | undefined;
      try {
        // pg-boss's fetch answers [] when the query fails; `pending()` below throws instead.
        const tf = performance.now();
        [job] = await this.queue.boss.fetch<unknown>(INGEST_QUEUE, { batchSize: 1, includeMetadata: true });
        this.profile.fetch += performance.now() - tf;
        if (!job) {
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
      await this.work(job);
    }
  }

  private async pause(ms: number): Promise<void> {
    if (this.stopping) return;
    const t0 = performance.now();
    await sleep(ms, undefined, { signal: this.wake.signal }).catch(() => undefined);
    this.profile.idle += performance.now() - t0;
  }

  private async work(job: PgBoss.JobWithMetadata<unknown>): Promise<void> {
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
          return;
        }
        doc = outcome.doc;
      } else {
        doc = data.doc;
      }
      const ta = performance.now();
      const analysis = analyzeRaw(doc, { published: data.published, attribution: data.attribution });
      const ts = performance.now();
      this.profile.analyse += ts - ta;
      const r = await this.store.ingest(analysis);
      this.profile.store += performance.now() - ts;
      this.summary.stored[r.status]++;
      this.storedSinceCorpus++;
      this.opts.onEvent({ type: 'stored', job: job.id, docId: r.docId, status: r.status, version: r.version, source: doc.source, attempt });
      if (this.opts.holdAfterStoreMs) await sleep(this.opts.holdAfterStoreMs);
      const tc = performance.now();
      const completed = await this.settle(job.id, () => this.queue.boss.complete(INGEST_QUEUE, job.id, { docId: r.docId, status: r.status, version: r.version }));
      this.profile.complete += performance.now() - tc;
      if (!completed) this.summary.uncompleted++;
      await this.maybeUpdateCorpus();
    } catch (e) {
      await this.failed(job, data, e as Error, attempt);
    } finally {
      this.inFlight.delete(job.id);
    }
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

  private async maybeUpdateCorpus(): Promise<void> {
    const due = this.storedSinceCorpus >= this.opts.corpusEveryDocs
      || (this.storedSinceCorpus > 0 && Date.now() - this.lastCorpus >= this.opts.corpusEverySeconds * 1000);
    if (due) await this.updateCorpus(false);
  }

  /**
   * One corpus update at a time per process; a slot that finds one running waits for it only when `wait`.
   * A failure is reported, not fatal: the next update compares the stored documents with the state again.
   */
  private async updateCorpus(wait: boolean): Promise<void> {
    if (this.corpusRun) {
      if (wait) await this.corpusRun;
      if (!wait || this.storedSinceCorpus === 0) return;
    }
    if (this.storedSinceCorpus === 0) return;
    this.storedSinceCorpus = 0;
    this.lastCorpus = Date.now();
    const t0 = performance.now();
    this.corpusRun = updateStoreCorpus(this.store)
      .then(() => {
        const ms = performance.now() - t0;
        this.profile.corpus += ms;
        this.opts.onEvent({ type: 'corpus', ms });
      })
      .catch((e: Error) => this.opts.onEvent({ type: 'corpus-error', error: e.message }))
      .finally(() => { this.corpusRun = null; });
    await this.corpusRun;
  }
}
