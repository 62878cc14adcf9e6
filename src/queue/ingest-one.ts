/**
 * One document from raw input to the store: what `claimline ingest` does per input and what a queue worker does
 * per job, in one place so the two can never analyse a document differently.
 */
import { analyze, analyzeAsync, type AnalyzeHooks, type AnalyzeInput } from '../pipeline/analyze.js';
import type { AttributionMode } from '../pipeline/stages.js';
import type { AnalysisOut, Diagnostic } from '../model/format.js';
import type { IngestResult, Store } from '../store/store.js';

/** The parts of a read document (src/input RawDoc) the pipeline needs; a queue job carries exactly these. */
export interface RawDocFields {
  id: string;
  text: string;
  title: string | null;
  url: string | null;
  published: string | null;
  source: string;
  warnings: Diagnostic[];
}

export interface AnalyzeDefaults {
  /** Publication date for documents that carry none (YYYY-MM-DD), else null. */
  published: string | null;
  attribution: AttributionMode;
}

function analyzeInput(raw: RawDocFields, defaults: AnalyzeDefaults): AnalyzeInput {
  return {
    text: raw.text, id: raw.id, title: raw.title, url: raw.url, source: raw.source,
    published: raw.published ?? defaults.published, warnings: raw.warnings, attribution: defaults.attribution,
  };
}

export function analyzeRaw(raw: RawDocFields, defaults: AnalyzeDefaults): AnalysisOut {
  return analyze(analyzeInput(raw, defaults));
}

/** `analyzeRaw` with progress and a stop signal (see `analyzeAsync`): the same record. */
export function analyzeRawAsync(raw: RawDocFields, defaults: AnalyzeDefaults, hooks: AnalyzeHooks): Promise<AnalysisOut> {
  return analyzeAsync(analyzeInput(raw, defaults), hooks);
}

/**
 * Analyses and stores one document. Storing is idempotent by identity and text (the same text again is
 * `unchanged`), so running this twice for one document, as a retried job does, stores it once.
 */
export async function ingestOne(store: Store, raw: RawDocFields, defaults: AnalyzeDefaults): Promise<IngestResult> {
  return store.ingest(analyzeRaw(raw, defaults));
}
