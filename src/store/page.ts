/**
 * Paging shared by every backend: the window a list query asks for and the Page it answers, and the keyset
 * batches `analyses()` reads the whole store in.
 */
import type { AnalysisOut } from '../model/format.js';
import type { Page, PageQuery } from './store.js';

/** The window asked for: `limit` (the method's default when absent) rows from `offset`; both whole numbers >= 0. */
export function windowOf(q: PageQuery, defaultLimit: number): { limit: number; offset: number } {
  const limit = q.limit ?? defaultLimit;
  const offset = q.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`limit must be a whole number >= 0 (got ${limit})`);
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError(`offset must be a whole number >= 0 (got ${offset})`);
  return { limit, offset };
}

/** Whether a window needs its rows read at all (none asked for, or it starts past the last). */
export function windowHasRows(window: { limit: number; offset: number }, total: number): boolean {
  return window.limit > 0 && window.offset < total;
}

/** The Page of `rows` read from `offset` out of `total` matching rows. */
export function pageOf<T>(total: number, offset: number, rows: Record<string, unknown>[],
  map: (row: Record<string, unknown>) => T): Page<T> {
  return { total, offset, returned: rows.length, more: Math.max(0, total - offset - rows.length), results: rows.map(map) };
}

/** Rows `analyses()` reads per batch. */
export const ANALYSES_BATCH = 200;

/**
 * Every current analysis by (publication date or '~', id), in keyset batches rather than one open cursor: the
 * caller may query the store between items. `batch` reads up to ANALYSES_BATCH rows after the key given.
 */
export async function* keysetAnalyses(batch: (after: { k: string; id: string }) => Promise<{ k: string; id: string; analysis: string }[]>):
  AsyncIterable<AnalysisOut> {
  let after = { k: '', id: '' };
  for (;;) {
    const rows = await batch(after);
    for (const r of rows) yield JSON.parse(r.analysis) as AnalysisOut;
    if (rows.length < ANALYSES_BATCH) return;
    const last = rows[rows.length - 1]!;
    after = { k: last.k, id: last.id };
  }
}
