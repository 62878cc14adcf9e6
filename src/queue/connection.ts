/**
 * The ingestion queue: pg-boss (jobs in PostgreSQL tables, taken with SELECT … FOR UPDATE SKIP LOCKED) in one
 * schema of the database named by `--queue postgres://…`. Two queues live there: `claimline_ingest` (the work)
 * and `claimline_dead` (documents that failed for good, each with its error).
 */
import PgBoss from 'pg-boss';

export const INGEST_QUEUE = 'claimline_ingest';
export const DEAD_QUEUE = 'claimline_dead';
export const DEFAULT_QUEUE_SCHEMA = 'claimline_queue';

/** How jobs are retried and when a silent worker's job is taken back; fixed when the queue is first created. */
export interface QueuePolicy {
  /** Retries after the first attempt before a document goes to the dead letters. */
  retryLimit: number;
  /** First retry delay in seconds; each later one doubles it (pg-boss backoff, with jitter). */
  retryDelaySeconds: number;
  /**
   * A job whose worker has not finished it after this long is failed and retried. Analysis runs on the worker's
   * one thread and cannot report progress, so this must exceed the slowest document's analysis.
   */
  jobTimeoutSeconds: number;
}

export const DEFAULT_POLICY: QueuePolicy = { retryLimit: 3, retryDelaySeconds: 10, jobTimeoutSeconds: 30 * 60 };

export interface QueueOptions {
  /** postgres://… of the database holding the queue. */
  url: string;
  /** The PostgreSQL schema pg-boss keeps its tables in (one schema = one ingestion pipeline). */
  schema?: string;
  /** Shown in pg_stat_activity; a `?application_name=` in the URL wins. */
  applicationName: string;
  /** Connections this process may open (default 4). */
  maxConnections?: number;
  /** How often this process looks for jobs whose worker died (default 30 s). */
  maintenanceSeconds?: number;
  /** A connection attempt that takes longer fails (default 10 s), so an unreachable server is an error, not a hang. */
  connectTimeoutMs?: number;
  /** Called for connection trouble pg-boss reports on its own (idle connections dropped by the server). */
  onError?: (e: Error) => void;
}

export class QueueConnectError extends Error {}

/** `postgres://user:secret@host/db` printed without the password. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:]*):[^/@]*@/i, '$1:***@');
}

export function isQueueUrl(s: string): boolean {
  return /^postgres(ql)?:\/\//i.test(s.trim());
}

export class Queue {
  private constructor(readonly boss: PgBoss, readonly schema: string, readonly url: string) {}

  /**
   * Connects, installs or migrates pg-boss's tables in the schema when needed, and creates the two queues (a
   * queue that exists keeps the policy it was created with). Throws a QueueConnectError naming the server when
   * it cannot be reached.
   */
  static async open(opts: QueueOptions, policy: QueuePolicy = DEFAULT_POLICY): Promise<Queue> {
    if (!isQueueUrl(opts.url)) throw new QueueConnectError(`the queue must be a postgres:// URL (got '${redactUrl(opts.url)}')`);
    const schema = opts.schema ?? DEFAULT_QUEUE_SCHEMA;
    if (!/^[a-z_][a-z0-9_]{0,49}$/i.test(schema)) throw new QueueConnectError(`queue schema '${schema}' must be a plain SQL name`);
    let appName = opts.applicationName;
    try {
      appName = new URL(opts.url).searchParams.get('application_name') ?? appName;
    } catch { /* pg parses the URL itself and reports what is wrong with it */ }
    const config = {
      connectionString: opts.url,
      schema,
      application_name: appName,
      max: opts.maxConnections ?? 4,
      // pg.Pool options pg-boss passes through; its types do not list them.
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000,
      supervise: true,
      maintenanceIntervalSeconds: opts.maintenanceSeconds ?? 30,
      schedule: false,
    } as PgBoss.ConstructorOptions;
    const boss = new PgBoss(config);
    // An EventEmitter 'error' without a listener would throw and end the process; dropped connections are
    // replaced by the pool on the next query, so they are reported and the work goes on.
    boss.on('error', (e) => opts.onError?.(e));
    try {
      await boss.start();
      await boss.createQueue(DEAD_QUEUE, { name: DEAD_QUEUE, retentionMinutes: 60 * 24 * 30 } as PgBoss.Queue);
      await boss.createQueue(INGEST_QUEUE, {
        name: INGEST_QUEUE,
        retryLimit: policy.retryLimit,
        retryDelay: policy.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: policy.jobTimeoutSeconds,
        deadLetter: DEAD_QUEUE,
      });
    } catch (e) {
      await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
      throw new QueueConnectError(`queue ${redactUrl(opts.url)} (schema ${schema}): ${(e as Error).message}`);
    }
    return new Queue(boss, schema, opts.url);
  }

  /** Runs SQL on the queue's pool (for reads of pg-boss's own tables that its API does not offer). */
  async sql<T>(text: string, values: unknown[] = []): Promise<T[]> {
    const r = await this.boss.getDb().executeSql(text, values);
    if (!r) throw new Error('the queue connection is closed');
    return r.rows as T[];
  }

  /** Jobs not yet finished: waiting, waiting for a retry, or being worked on. */
  async pending(): Promise<number> {
    return this.boss.getQueueSize(INGEST_QUEUE, { before: 'completed' });
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: false, wait: true, close: true });
  }
}
