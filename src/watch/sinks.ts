/**
 * Where `claimline watch` hands a feed's new items: onto the ingestion queue as URL jobs (the workers fetch,
 * extract, analyse and store them), or, without a queue, fetched and stored right here, one at a time.
 */
import { InputError } from '../pipeline/analyze.js';
import { Enqueuer } from '../queue/enqueue.js';
import { ingestOne } from '../queue/ingest-one.js';
import { PermanentJobError, type UrlJob } from '../queue/jobs.js';
import { resolveUrlJob, type PageFetcher } from '../queue/url-jobs.js';
import type { Queue } from '../queue/connection.js';
import type { IngestStatus, Store } from '../store/store.js';

export interface SinkResult {
  /** Items handed on: queued as new jobs, or stored (inserted, new version, re-analysed). */
  taken: number;
  /** Items already queued or done (queue), or stored with the same text (in-process). */
  known: number;
  /** Items that failed in a way a later poll may fix (network, 5xx): the watcher offers them again next poll. */
  retry: UrlJob[];
  /** Items that failed for good (refused, 404, no article), each with its error. */
  failed: { job: UrlJob; error: string }[];
}

export interface ItemSink {
  /** Describes the sink for the start-up line. */
  readonly name: string;
  /** Throws only when the sink itself is unusable (queue or store unreachable): the poll then counts as failed. */
  take(jobs: UrlJob[]): Promise<SinkResult>;
  /** Called after a round of polls (the in-process sink updates the store's corpus state). */
  afterRound?(): Promise<void>;
}

/** New items become URL jobs; a job already queued, running or done for the same URL is not added again. */
export class QueueSink implements ItemSink {
  readonly name: string;

  constructor(private readonly queue: Queue) {
    this.name = `queue schema ${queue.schema}`;
  }

  async take(jobs: UrlJob[]): Promise<SinkResult> {
    const enqueuer = new Enqueuer(this.queue);
    for (const job of jobs) await enqueuer.add(job);
    await enqueuer.flush();
    return { taken: enqueuer.counts.queued, known: enqueuer.counts.duplicate, retry: [], failed: [] };
  }
}

/**
 * No queue: each new item's page is fetched, extracted, analysed and stored in this process, through the same
 * code a worker runs for a URL job (resolveUrlJob + ingestOne), so both ways store the same document.
 */
export class StoreSink implements ItemSink {
  readonly name: string;
  private storedSinceCorpus = 0;

  constructor(
    private readonly store: Store,
    private readonly fetcher: PageFetcher,
    private readonly onStored: (job: UrlJob, docId: string, status: IngestStatus) => void,
    private readonly updateCorpus: (store: Store) => Promise<void>,
    storeName: string,
  ) {
    this.name = `store ${storeName} (fetched and analysed in this process)`;
  }

  async take(jobs: UrlJob[]): Promise<SinkResult> {
    const out: SinkResult = { taken: 0, known: 0, retry: [], failed: [] };
    for (const job of jobs) {
      let outcome;
      try {
        outcome = await resolveUrlJob(job, this.fetcher);
      } catch (e) {
        const permanent = e instanceof PermanentJobError;
        out.failed.push({ job, error: permanent ? (e as Error).message : `${(e as Error).message} (tried again next poll)` });
        if (!permanent) out.retry.push(job);
        continue;
      }
      if (outcome.kind === 'feed') {
        out.failed.push({ job, error: `${job.url}: the item links to a feed, not an article` });
        continue;
      }
      let r;
      try {
        r = await ingestOne(this.store, outcome.doc, { published: job.published, attribution: job.attribution });
      } catch (e) {
        // Input the pipeline refuses is the item's fault. Any other failure is the store's: it ends the poll
        // (the feed's state is not saved, so these items come back next poll) rather than being pinned on each item.
        if (!(e instanceof InputError)) throw e;
        out.failed.push({ job, error: `${job.url}: ${e.message}` });
        continue;
      }
      if (r.status === 'unchanged') out.known++;
      else {
        out.taken++;
        this.storedSinceCorpus++;
      }
      this.onStored(job, r.docId, r.status);
    }
    return out;
  }

  async afterRound(): Promise<void> {
    if (this.storedSinceCorpus === 0) return;
    this.storedSinceCorpus = 0;
    await this.updateCorpus(this.store);
  }
}
