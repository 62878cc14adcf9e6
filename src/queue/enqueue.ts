/**
 * Putting jobs on the queue in batches, each at most once: a job whose id (see jobs.ts) is already queued,
 * running, finished or archived is not added again. A job that went to the dead letters may be enqueued again
 * (after fixing what made it fail): its failed row is removed and a fresh job takes its place.
 */
import { INGEST_QUEUE, type Queue } from './connection.js';
import { jobId, type IngestJob } from './jobs.js';

export interface EnqueueCounts {
  /** New jobs put on the queue. */
  queued: number;
  /** Jobs left out because the same work is already queued, running or done. */
  duplicate: number;
}

/** Jobs per INSERT: one round trip per this many documents, and a bounded statement size. */
const BATCH = 200;

export class Enqueuer {
  private pending: { id: string; job: IngestJob }[] = [];
  readonly counts: EnqueueCounts = { queued: 0, duplicate: 0 };

  constructor(private readonly queue: Queue, private readonly onJob?: (id: string, job: IngestJob, queued: boolean) => void) {}

  async add(job: IngestJob): Promise<void> {
    const id = jobId(job);
    // The same work twice in one run counts once.
    if (this.pending.some((p) => p.id === id)) {
      this.counts.duplicate++;
      this.onJob?.(id, job, false);
      return;
    }
    this.pending.push({ id, job });
    if (this.pending.length >= BATCH) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const ids = batch.map((b) => b.id);
    const s = this.queue.schema;
    // Dead-lettered jobs (state failed) make room for a new try; anything else with the id is the same work.
    await this.queue.sql(`DELETE FROM ${s}.job WHERE name = $1 AND id = ANY($2::uuid[]) AND state = 'failed'`, [INGEST_QUEUE, ids]);
    const known = await this.queue.sql<{ id: string }>(
      `SELECT id FROM ${s}.job WHERE name = $1 AND id = ANY($2::uuid[])
       UNION SELECT id FROM ${s}.archive WHERE name = $1 AND id = ANY($2::uuid[]) AND state = 'completed'`,
      [INGEST_QUEUE, ids]);
    const seen = new Set(known.map((r) => r.id));
    const fresh = batch.filter((b) => !seen.has(b.id));
    // ON CONFLICT DO NOTHING inside pg-boss's insert covers another enqueue adding the same id meanwhile.
    if (fresh.length > 0) await this.queue.boss.insert(fresh.map((b) => ({ id: b.id, name: INGEST_QUEUE, data: b.job })));
    this.counts.queued += fresh.length;
    this.counts.duplicate += batch.length - fresh.length;
    for (const b of batch) this.onJob?.(b.id, b.job, !seen.has(b.id));
  }
}
