/**
 * The dead letters: documents whose job failed for good, each with the error of its last try. pg-boss copies a
 * failed job's data and output into the dead-letter queue; they are read here without taking them off it.
 */
import { DEAD_QUEUE, type Queue } from './connection.js';

export interface DeadLetter {
  /** The dead-letter row's id (pg-boss gives it a new one). */
  id: string;
  docId: string | null;
  source: string;
  error: string;
  /** Tries made before it was given up. */
  attempts: number | null;
  /** Whether it failed in a way retrying could not fix (bad input), so it was not retried. */
  permanent: boolean;
  failedAt: string;
}

interface Row {
  id: string;
  data: { kind?: string; url?: string; doc?: { id?: string; source?: string } } | null;
  output: { message?: string; docId?: string | null; source?: string; attempt?: number; permanent?: boolean; value?: unknown } | null;
  created_on: Date;
}

export async function deadLetters(queue: Queue, limit = 1000): Promise<DeadLetter[]> {
  const s = queue.schema;
  const rows = await queue.sql<Row>(
    `SELECT id, data, output, created_on FROM ${s}.job WHERE name = $1
     UNION ALL SELECT id, data, output, created_on FROM ${s}.archive WHERE name = $1
     ORDER BY created_on, id LIMIT $2`, [DEAD_QUEUE, limit]);
  return rows.map((r) => {
    const docId = r.output?.docId ?? r.data?.doc?.id ?? null;
    const source = r.output?.source ?? r.data?.doc?.source ?? r.data?.url ?? '?';
    // A job that timed out carries pg-boss's own message under `value`.
    const error = r.output?.message ?? (typeof r.output?.value === 'object' && r.output.value !== null
      ? String((r.output.value as { message?: unknown }).message ?? JSON.stringify(r.output.value)) : JSON.stringify(r.output));
    return {
      id: r.id, docId, source, error, attempts: r.output?.attempt ?? null, permanent: r.output?.permanent === true,
      failedAt: r.created_on.toISOString(),
    };
  });
}
