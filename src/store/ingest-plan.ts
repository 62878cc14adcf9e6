/**
 * What ingesting one analysis means, decided the same way by every backend: the checks before anything is
 * written, the hashes that make ingest idempotent, and the status and version from the stored row (if any).
 */
import type { AnalysisOut } from '../model/format.js';
import { SCHEMA_ID } from '../model/format.js';
import { sha256 } from './migrations.js';
import type { IngestStatus } from './store.js';

/** An analysis checked and serialised for storing: its JSON, that JSON's hash and the text's hash. */
export interface PreparedAnalysis {
  a: AnalysisOut;
  json: string;
  hash: string;
  textHash: string;
}

/** Checks an analysis before any write (a bad one fails alone, never half-stored) and computes its hashes. */
export function prepareAnalysis(a: AnalysisOut): PreparedAnalysis {
  if (a?.schema !== SCHEMA_ID) throw new Error(`not a ${SCHEMA_ID} analysis (schema: ${JSON.stringify(a?.schema)})`);
  if (!a.document?.id) throw new Error('analysis has no document id');
  const json = JSON.stringify(a);
  return { a, json, hash: sha256(json), textHash: sha256(a.document.text) };
}

/** The stored document's current row, as far as the decision needs it. */
export interface StoredRevision {
  version: number;
  textHash: string;
  hash: string;
}

/**
 * The same text analysed the same way is `unchanged` (nothing written); the same text analysed differently is
 * `reanalysed` (same version); a different text is the next version; an unknown id is version 1.
 */
export function ingestDecision(old: StoredRevision | undefined, p: PreparedAnalysis): { status: IngestStatus; version: number } {
  if (old === undefined) return { status: 'inserted', version: 1 };
  if (old.textHash === p.textHash) return { status: old.hash === p.hash ? 'unchanged' : 'reanalysed', version: old.version };
  return { status: 'new-version', version: old.version + 1 };
}
