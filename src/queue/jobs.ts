/**
 * What a queued job carries, and the job id that makes enqueueing idempotent.
 *
 * A document job carries the document's text itself (in pg-boss's JSONB `data` column, which PostgreSQL
 * compresses and stores out of line), never a file path: workers may run on other machines than `enqueue`, and a
 * file may change between enqueue and work. Inputs are limited by `--max-bytes` (default 20 MB) as for `ingest`.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../model/format.js';
import type { AttributionMode } from '../pipeline/stages.js';
import { ATTRIBUTION_MODES } from '../pipeline/stages.js';
import type { RawDocFields } from './ingest-one.js';

export const JOB_FORMAT = 1;

/** A document read by `enqueue` (files, folders, feeds, JSONL, stdin), to analyse and store. */
export interface DocumentJob {
  v: typeof JOB_FORMAT;
  kind: 'document';
  doc: RawDocFields;
  /** sha256 of doc.text, hex: with doc.id, the job's identity. */
  textHash: string;
  /** Used when the document carries no publication date. */
  published: string | null;
  attribution: AttributionMode;
}

/** A web address to fetch and analyse; a feed's address is expanded into one job per item. */
export interface UrlJob {
  v: typeof JOB_FORMAT;
  kind: 'url';
  url: string;
  /** The document's identity when the user gave one (else the page's canonical URL). */
  id: string | null;
  published: string | null;
  attribution: AttributionMode;
}

export type IngestJob = DocumentJob | UrlJob;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The job id: a UUID taken from a hash of what makes two jobs the same work: a document's identity and text,
 * or a URL. pg-boss inserts jobs with ON CONFLICT DO NOTHING on (queue, id), so enqueueing a document twice
 * while its job is queued, running or kept (completed jobs are kept 12 h, then archived for 7 days) adds nothing.
 */
export function jobId(job: IngestJob): string {
  const key = job.kind === 'document' ? `document\0${job.doc.id}\0${job.textHash}` : `url\0${job.id ?? ''}\0${job.url}`;
  const h = createHash('sha256').update(key).digest();
  // Shaped as an RFC 4122 version-5-style UUID (name-based), which is what PostgreSQL's uuid type accepts.
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

export function documentJob(doc: RawDocFields, published: string | null, attribution: AttributionMode): DocumentJob {
  const { id, text, title, url, source, warnings } = doc;
  return {
    v: JOB_FORMAT, kind: 'document',
    doc: { id, text, title, url, published: doc.published, source, warnings },
    textHash: sha256Hex(text), published, attribution,
  };
}

/** A job's data as read back from the queue, checked: a job written by another claimline version fails clearly. */
export function parseJob(data: unknown): IngestJob {
  const j = data as Partial<IngestJob> | null;
  if (typeof j !== 'object' || j === null) throw new PermanentJobError('job data is not an object');
  if (j.v !== JOB_FORMAT) throw new PermanentJobError(`job format ${JSON.stringify(j.v)} is not ${JOB_FORMAT} (written by another claimline version?)`);
  const attribution = (j as { attribution?: unknown }).attribution;
  if (!(ATTRIBUTION_MODES as readonly unknown[]).includes(attribution)) throw new PermanentJobError(`job has an unknown attribution mode ${JSON.stringify(attribution)}`);
  if (j.kind === 'document') {
    const d = (j as DocumentJob).doc;
    if (typeof d !== 'object' || d === null || typeof d.id !== 'string' || typeof d.text !== 'string') {
      throw new PermanentJobError('document job without a document id and text');
    }
    if (sha256Hex(d.text) !== (j as DocumentJob).textHash) throw new PermanentJobError('document text does not match its hash');
    return { ...(j as DocumentJob), doc: { ...d, warnings: Array.isArray(d.warnings) ? d.warnings as Diagnostic[] : [] } };
  }
  if (j.kind === 'url') {
    if (typeof (j as UrlJob).url !== 'string') throw new PermanentJobError('url job without a url');
    return j as UrlJob;
  }
  throw new PermanentJobError(`unknown job kind ${JSON.stringify((j as { kind?: unknown }).kind)}`);
}

/** A job that will fail the same way however often it is tried: it goes to the dead letters at once. */
export class PermanentJobError extends Error {}

/** What a job is about, for messages and the dead-letter list. */
export function jobSubject(job: IngestJob): { id: string | null; source: string } {
  return job.kind === 'document' ? { id: job.doc.id, source: job.doc.source } : { id: job.id, source: job.url };
}
