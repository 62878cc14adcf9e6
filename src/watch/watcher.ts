/**
 * The feed watcher behind `claimline watch`: polls each feed on its own schedule with a conditional GET
 * (pollFeed: If-None-Match / If-Modified-Since, so an unchanged feed costs one 304), hands the items not seen
 * before to a sink (the queue, or in-process storing), and saves each feed's state after its items are handed
 * on (see state.ts for why in that order).
 *
 * A feed that fails (refused, unreachable, HTTP error, not a feed, or the sink failing) is reported, one line
 * naming its URL, and polled again after a backoff that doubles with each failure in a row; the other feeds go
 * on as usual. Stopping (`stop()`) starts no new poll; polls in flight finish and save their state.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { canonicalUrl } from '../input/identity.js';
import { describeFetchError, FetchError } from '../net/errors.js';
import { pollFeed, type FeedEntry } from '../net/feed.js';
import type { FetchOptions } from '../net/fetch.js';
import { JOB_FORMAT, type UrlJob } from '../queue/jobs.js';
import type { AttributionMode } from '../pipeline/stages.js';
import type { ItemSink, SinkResult } from './sinks.js';
import { emptyFeed, type FeedStates, type SavedFeed } from './state.js';

export interface WatchOptions {
  /** Seconds between two polls of one feed. */
  intervalSeconds: number;
  /** Feeds polled at the same time. */
  concurrency: number;
  /** The fetch policy for feeds (allowPrivate, timeoutMs, maxBytes). */
  fetch: FetchOptions;
  /** Publication date for items whose feed entry and page carry none. */
  published: string | null;
  attribution: AttributionMode;
  /** Most item keys remembered per feed (pollFeed's bound). */
  maxSeen?: number;
  onEvent: (e: WatchEvent) => void;
}

export type WatchEvent =
  | { type: 'polled'; url: string; status: 'updated' | 'not-modified'; items: number; newItems: number; taken: number; known: number; noLink: number; ms: number }
  | { type: 'item-failed'; feed: string; url: string; error: string }
  | { type: 'failed'; url: string; error: string; failures: number; retryInSeconds: number }
  | { type: 'round'; polled: number; updated: number; notModified: number; failed: number; taken: number; nextInSeconds: number | null };

export interface RoundSummary {
  polled: number;
  updated: number;
  notModified: number;
  failed: number;
  /** Items handed on (queued, or stored) in this round. */
  taken: number;
}

/** Longest wait between polls of a failing feed, unless the interval itself is longer. */
const MAX_BACKOFF_SECONDS = 6 * 3600;

/** Seconds until a feed's next poll after `failures` failures in a row: the interval, doubled per failure. */
export function backoffSeconds(intervalSeconds: number, failures: number): number {
  if (failures <= 0) return intervalSeconds;
  return Math.max(intervalSeconds, Math.min(intervalSeconds * 2 ** Math.min(failures - 1, 16), MAX_BACKOFF_SECONDS));
}

export class FeedWatcher {
  private states = new Map<string, SavedFeed>();
  /** When each feed is due next (ms since the epoch). */
  private due = new Map<string, number>();
  private stopping = false;
  private wake = new AbortController();

  constructor(private readonly store: FeedStates, private readonly sink: ItemSink, private readonly opts: WatchOptions) {}

  /** Loads the saved state; a feed polled recently is due one interval (or its backoff) after that poll. */
  async load(): Promise<number> {
    this.states = await this.store.loadAll();
    for (const s of this.states.values()) {
      if (s.lastPoll) this.due.set(s.url, Date.parse(s.lastPoll) + backoffSeconds(this.opts.intervalSeconds, s.failures) * 1000);
    }
    return this.states.size;
  }

  stop(): void {
    this.stopping = true;
    this.wake.abort();
  }

  get stopped(): boolean {
    return this.stopping;
  }

  /**
   * Polls until stopped: each round polls the feeds that are due, then sleeps until the next one is. `feeds()`
   * is asked for the list before every round, so a feeds file edited meanwhile is followed.
   */
  async run(feeds: () => string[]): Promise<void> {
    while (!this.stopping) {
      const urls = feeds();
      const now = Date.now();
      const dueNow = urls.filter((u) => (this.due.get(u) ?? 0) <= now);
      if (dueNow.length > 0) await this.round(dueNow, urls);
      if (this.stopping) break;
      const next = Math.min(...urls.map((u) => this.due.get(u) ?? 0));
      const wait = Number.isFinite(next) ? Math.max(next - Date.now(), 200) : this.opts.intervalSeconds * 1000;
      await sleep(wait, undefined, { signal: this.wake.signal }).catch(() => undefined);
    }
  }

  /** Polls every feed in `urls` once, whatever its schedule (`watch --once`). */
  async once(urls: string[]): Promise<RoundSummary> {
    return this.round(urls, urls);
  }

  private async round(urls: string[], all: string[]): Promise<RoundSummary> {
    const summary: RoundSummary = { polled: 0, updated: 0, notModified: 0, failed: 0, taken: 0 };
    let next = 0;
    const slot = async () => {
      while (!this.stopping && next < urls.length) {
        const url = urls[next++]!;
        const r = await this.poll(url);
        summary.polled++;
        if (r === 'failed') summary.failed++;
        else {
          if (r.status === 'updated') summary.updated++;
          else summary.notModified++;
          summary.taken += r.taken;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.opts.concurrency, urls.length) }, slot));
    await this.store.flush();
    await this.sink.afterRound?.();
    const dues = all.map((u) => this.due.get(u) ?? 0);
    const nextIn = dues.length ? Math.max(0, Math.round((Math.min(...dues) - Date.now()) / 1000)) : null;
    this.opts.onEvent({ type: 'round', ...summary, nextInSeconds: nextIn });
    return summary;
  }

  private async poll(url: string): Promise<{ status: 'updated' | 'not-modified'; taken: number } | 'failed'> {
    const saved = this.states.get(url) ?? emptyFeed(url);
    const t0 = performance.now();
    const started = new Date().toISOString();
    try {
      const r = await pollFeed(url, { etag: saved.etag, lastModified: saved.lastModified, seen: saved.seen }, { ...this.opts.fetch, maxSeen: this.opts.maxSeen });
      const withLink = r.newItems.filter((i) => i.url !== null);
      const jobs = withLink.map((i) => this.job(i));
      let taken: SinkResult = { taken: 0, known: 0, retry: [], failed: [] };
      try {
        if (jobs.length) taken = await this.sink.take(jobs);
      } catch (e) {
        // The feed is fine; where its items go is not (queue or store unreachable). Said so in the feed's line.
        throw new Error(`${this.sink.name}: ${(e as Error).message}`);
      }
      for (const f of taken.failed) this.opts.onEvent({ type: 'item-failed', feed: url, url: f.job.url, error: f.error });
      let state = r.state;
      if (taken.retry.length > 0) {
        // Items to offer again: forget them, and the validators too, or the next poll would get a 304 and
        // never see them.
        const again = new Set(taken.retry.map((j) => j.url));
        const forget = new Set(withLink.filter((i) => again.has(i.url!)).flatMap((i) => itemKeys(i)));
        state = { seen: (state.seen ?? []).filter((k) => !forget.has(k)) };
      }
      const next: SavedFeed = {
        url, ...(state.etag ? { etag: state.etag } : {}), ...(state.lastModified ? { lastModified: state.lastModified } : {}),
        seen: state.seen ?? [], lastPoll: started, lastStatus: r.status, failures: 0, lastError: null,
      };
      await this.store.save(next);
      this.states.set(url, next);
      this.due.set(url, Date.now() + this.opts.intervalSeconds * 1000);
      this.opts.onEvent({
        type: 'polled', url, status: r.status, items: r.items.length, newItems: r.newItems.length, taken: taken.taken, known: taken.known,
        noLink: r.newItems.length - withLink.length, ms: performance.now() - t0,
      });
      return { status: r.status, taken: taken.taken };
    } catch (e) {
      const error = e instanceof FetchError ? describeFetchError(e) : (e as Error).message;
      const failures = saved.failures + 1;
      const retryIn = backoffSeconds(this.opts.intervalSeconds, failures);
      const next: SavedFeed = { ...saved, lastPoll: started, lastStatus: 'failed', failures, lastError: error };
      this.states.set(url, next);
      this.due.set(url, Date.now() + retryIn * 1000);
      // When the state itself cannot be saved (the queue's database is down) the failure count lives on in
      // memory; the next good poll saves everything.
      await this.store.save(next).catch(() => undefined);
      this.opts.onEvent({ type: 'failed', url, error, failures, retryInSeconds: retryIn });
      return 'failed';
    }
  }

  /** The URL job for a feed item: the same identity the workers give a feed's items (url-jobs.ts). */
  private job(item: FeedEntry): UrlJob {
    const url = item.url!;
    // The guid names the article when the feed gives one; otherwise its link does (id null).
    const guid = item.id !== url && !item.id.startsWith('sha256:') ? item.id : null;
    return {
      v: JOB_FORMAT, kind: 'url', url, id: guid,
      published: item.published ? item.published.slice(0, 10) : this.opts.published,
      attribution: this.opts.attribution,
    };
  }
}

/** The keys pollFeed marks an item seen by: its id and its canonical link. */
function itemKeys(item: FeedEntry): string[] {
  const link = item.url ? canonicalUrl(item.url) : null;
  return link ? [item.id, link] : [item.id];
}
