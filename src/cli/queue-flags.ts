/**
 * The flags every queue command shares (`enqueue`, `worker`, `dead-letters`, `watch`): which queue, and the
 * retry policy a queue is created with.
 */
import { DEFAULT_POLICY, DEFAULT_QUEUE_SCHEMA, Queue, QueueConnectError, type QueuePolicy } from '../queue/connection.js';
import { positiveInt, nonNegativeInt, UsageError, type Parsed } from './args.js';
import type { RunContext } from './context.js';

export const QUEUE_FLAGS = {
  queue: { type: 'string' }, 'queue-schema': { type: 'string' },
  retries: { type: 'string' }, 'retry-delay': { type: 'string' }, 'job-timeout': { type: 'string' },
} as const;

export const QUEUE_FLAG_HELP = `  --queue URL              the queue's PostgreSQL database, postgres://… (default $CLAIMLINE_QUEUE)
  --queue-schema NAME      the schema holding the queue's tables (default $CLAIMLINE_QUEUE_SCHEMA, else
                           ${DEFAULT_QUEUE_SCHEMA}); one schema is one ingestion pipeline
  --retries N              when the queue is first created: retries before a document goes to the dead
                           letters (default ${DEFAULT_POLICY.retryLimit})
  --retry-delay S          … the first retry's delay in seconds, doubled for each later one (default ${DEFAULT_POLICY.retryDelaySeconds})
  --job-timeout S          … a job not finished after S seconds is taken back and retried (default
                           ${DEFAULT_POLICY.jobTimeoutSeconds}); must exceed the slowest document's analysis`;

/** Opens the queue the flags name; null (after one line on stderr) when it cannot be reached. */
export async function openQueueFromFlags(values: Parsed['values'], ctx: RunContext, applicationName: string, extra: { maxConnections?: number } = {}): Promise<Queue | null> {
  const url = (values.queue as string | undefined) ?? process.env.CLAIMLINE_QUEUE;
  if (!url) throw new UsageError('needs --queue postgres://… (or CLAIMLINE_QUEUE)');
  const policy: QueuePolicy = {
    retryLimit: nonNegativeInt('retries', values.retries as string | undefined, DEFAULT_POLICY.retryLimit),
    retryDelaySeconds: positiveInt('retry-delay', values['retry-delay'] as string | undefined, DEFAULT_POLICY.retryDelaySeconds),
    jobTimeoutSeconds: positiveInt('job-timeout', values['job-timeout'] as string | undefined, DEFAULT_POLICY.jobTimeoutSeconds),
  };
  const schema = (values['queue-schema'] as string | undefined) ?? process.env.CLAIMLINE_QUEUE_SCHEMA ?? DEFAULT_QUEUE_SCHEMA;
  // Maintenance (taking back the jobs of dead workers) runs at least as often as a job can time out.
  const maintenanceSeconds = Math.max(1, Math.min(30, Math.floor(policy.jobTimeoutSeconds / 2)));
  try {
    return await Queue.open({
      url, schema, applicationName, maintenanceSeconds, ...extra,
      onError: (e) => ctx.stderr.write(`claimline: queue connection: ${e.message}\n`),
    }, policy);
  } catch (e) {
    if (!(e instanceof QueueConnectError)) throw e;
    ctx.stderr.write(`claimline: ${e.message}\n`);
    return null;
  }
}
