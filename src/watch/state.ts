/**
 * What `claimline watch` remembers per feed between polls and across restarts: the validators for the
 * conditional GET (ETag, Last-Modified), the keys of the items already seen, and how the last poll went (for
 * the backoff of a failing feed).
 *
 * Two homes, one per way of running:
 * - With a queue, a table in the queue's own schema (`<schema>.claimline_watch_feed`). The state then lives in
 *   the database the items are enqueued into, so it is backed up, moved and dropped with the pipeline it
 *   describes, any machine that runs the watcher sees it, and nothing has to be kept on the watcher's disk.
 * - Without a queue (items fetched and stored in-process), a JSON file next to the store: the state describes
 *   what that store has been given, so it belongs beside it. Written atomically (temporary file + rename) so a
 *   crash mid-write leaves the previous state, never a torn file.
 *
 * Either way the order is: items handed on first, state saved after. A crash in between means the next poll
 * sees the same items as new again and hands them on again; enqueueing and storing are both idempotent, so
 * that repeats nothing. The other order could lose items.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Queue } from '../queue/connection.js';

export interface SavedFeed {
  url: string;
  etag?: string;
  lastModified?: string;
  /** Keys (guids, canonical links) of the items already handed on, newest first (pollFeed bounds it). */
  seen: string[];
  /** When the feed was last polled (ISO 8601), or null when never. */
  lastPoll: string | null;
  lastStatus: 'updated' | 'not-modified' | 'failed' | null;
  /** Polls failed in a row (0 after a good one): what the backoff grows with. */
  failures: number;
  lastError: string | null;
}

export interface FeedStates {
  /** Where the state is kept, for messages. */
  readonly where: string;
  loadAll(): Promise<Map<string, SavedFeed>>;
  save(feed: SavedFeed): Promise<void>;
  /** Makes saved states durable (the file store writes on flush; the table store on every save). */
  flush(): Promise<void>;
}

export function emptyFeed(url: string): SavedFeed {
  return { url, seen: [], lastPoll: null, lastStatus: null, failures: 0, lastError: null };
}

const TABLE = 'claimline_watch_feed';

/** The state in a table of the queue's schema (see the module comment). */
export class QueueFeedStates implements FeedStates {
  readonly where: string;

  private constructor(private readonly queue: Queue) {
    this.where = `table ${queue.schema}.${TABLE}`;
  }

  static async open(queue: Queue): Promise<QueueFeedStates> {
    const ddl = `CREATE TABLE IF NOT EXISTS ${queue.schema}.${TABLE} (
      url text PRIMARY KEY,
      etag text,
      last_modified text,
      seen jsonb NOT NULL DEFAULT '[]',
      last_poll timestamptz,
      last_status text,
      failures integer NOT NULL DEFAULT 0,
      last_error text)`;
    try {
      await queue.sql(ddl);
    } catch (e) {
      // Two watchers creating the table at the same moment: one of them gets a unique violation on the
      // catalogue (23505); the table is there either way.
      if ((e as { code?: string }).code !== '23505') throw e;
    }
    return new QueueFeedStates(queue);
  }

  async loadAll(): Promise<Map<string, SavedFeed>> {
    interface Row { url: string; etag: string | null; last_modified: string | null; seen: string[]; last_poll: Date | null; last_status: SavedFeed['lastStatus']; failures: number; last_error: string | null }
    const rows = await this.queue.sql<Row>(`SELECT * FROM ${this.queue.schema}.${TABLE}`);
    return new Map(rows.map((r) => [r.url, {
      url: r.url,
      ...(r.etag ? { etag: r.etag } : {}),
      ...(r.last_modified ? { lastModified: r.last_modified } : {}),
      seen: Array.isArray(r.seen) ? r.seen : [],
      lastPoll: r.last_poll ? r.last_poll.toISOString() : null,
      lastStatus: r.last_status,
      failures: r.failures,
      lastError: r.last_error,
    }]));
  }

  async save(f: SavedFeed): Promise<void> {
    await this.queue.sql(
      `INSERT INTO ${this.queue.schema}.${TABLE} (url, etag, last_modified, seen, last_poll, last_status, failures, last_error)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8)
       ON CONFLICT (url) DO UPDATE SET etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified, seen = EXCLUDED.seen,
         last_poll = EXCLUDED.last_poll, last_status = EXCLUDED.last_status, failures = EXCLUDED.failures, last_error = EXCLUDED.last_error`,
      [f.url, f.etag ?? null, f.lastModified ?? null, JSON.stringify(f.seen), f.lastPoll, f.lastStatus, f.failures, f.lastError]);
  }

  async flush(): Promise<void> { /* every save is already a committed statement */ }
}

const FILE_FORMAT = 'claimline/watch-state';

/** The state in a JSON file (see the module comment); saves are collected and written on flush. */
export class FileFeedStates implements FeedStates {
  readonly where: string;
  private feeds = new Map<string, SavedFeed>();
  private dirty = false;

  constructor(private readonly file: string) {
    this.where = `file ${file}`;
  }

  async loadAll(): Promise<Map<string, SavedFeed>> {
    let text: string;
    try {
      text = await fs.promises.readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
      throw e;
    }
    let data: { format?: unknown; feeds?: unknown };
    try {
      data = JSON.parse(text) as typeof data;
    } catch (e) {
      throw new Error(`${this.file}: not a watch state file (${(e as Error).message}); move it away to start afresh`);
    }
    if (data.format !== FILE_FORMAT || !Array.isArray(data.feeds)) throw new Error(`${this.file}: not a ${FILE_FORMAT} file; move it away to start afresh`);
    this.feeds = new Map((data.feeds as SavedFeed[]).filter((f) => typeof f?.url === 'string').map((f) => [f.url, { ...emptyFeed(f.url), ...f }]));
    return new Map(this.feeds);
  }

  async save(feed: SavedFeed): Promise<void> {
    this.feeds.set(feed.url, feed);
    this.dirty = true;
  }

  async flush(): Promise<void> {
    if (!this.dirty) return;
    const tmp = path.join(path.dirname(this.file), `.${path.basename(this.file)}.${process.pid}.tmp`);
    await fs.promises.writeFile(tmp, JSON.stringify({ format: FILE_FORMAT, feeds: [...this.feeds.values()] }) + '\n');
    await fs.promises.rename(tmp, this.file);
    this.dirty = false;
  }
}
