import { newDoc, type Doc, type DocMeta } from '../model/document.js';
import type { AnalysisOut, Diagnostic } from '../model/format.js';
import { toOutput } from '../output/to-json.js';
import { missingModels } from '../util/model-files.js';
import { pipelineFor, type AttributionMode } from './stages.js';

/** What the library needs to analyse one document; only `text` is required. */
export interface AnalyzeInput {
  text: string;
  id?: string;
  title?: string | null;
  url?: string | null;
  /** Publication date `YYYY-MM-DD`: the anchor for "today", "last year", "in June". */
  published?: string | null;
  source?: string | null;
  /**
   * Problems found while reading the input (bad metadata dates, ...), carried into the output. A plain string
   * (what earlier versions took) becomes a document-wide input warning with rule id `input/other`.
   */
  warnings?: (Diagnostic | string)[];
  /** `rules` (default) or `tagger`: the learned span tagger on top of the rules (more accurate, slower). */
  attribution?: AttributionMode;
}

/** Thrown for input the pipeline refuses (not for text it merely analyses badly). */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (rejects 2025-02-30). */
export function isValidIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** Runs every stage over one document and returns the working document model. */
export function analyzeDoc(input: AnalyzeInput): Doc {
  if (typeof input.text !== 'string') throw new InputError('text must be a string');
  const published = input.published ?? null;
  if (published !== null && !isValidIsoDate(published)) {
    throw new InputError(`published date '${published}' is not a valid YYYY-MM-DD date`);
  }
  const meta: DocMeta = {
    id: input.id ?? 'doc', title: input.title ?? null, url: input.url ?? null,
    published, publishedSource: published ? 'metadata' : null, source: input.source ?? null,
  };
  const doc = newDoc(input.text, meta);
  for (const w of input.warnings ?? []) doc.warnings.push(typeof w === 'string' ? inputNote(w) : w);
  if (published !== null && published > new Date().toISOString().slice(0, 10)) {
    // The clock is only a sanity check here; dates are always resolved against `published` itself.
    doc.warnings.push({
      message: `published date ${published} is in the future; relative dates are resolved against it as given`,
      span: null, source: 'input', ruleId: 'input/future-published', severity: 'warning',
    });
  }
  pipelineFor(input.attribution).run(doc);
  // Models load on first use, so the stages have run before every missing file is known.
  for (const file of missingModels()) doc.warnings.push(missingModelWarning(file));
  return doc;
}

function inputNote(message: string): Diagnostic {
  return { message, span: null, source: 'input', ruleId: 'input/other', severity: 'warning' };
}

/** Said on every document of a run, since each one's analysis is weaker for it. */
function missingModelWarning(file: string): Diagnostic {
  return {
    message: `model file ${file} is missing: the stage that uses it falls back to its rules, with lower accuracy`,
    span: null, source: 'model', ruleId: 'model/missing', severity: 'warning',
  };
}

/** Analyses one document and returns the `claimline/1` record (the same object the CLI prints as JSON). */
export function analyze(input: AnalyzeInput | string, options: Omit<AnalyzeInput, 'text'> = {}): AnalysisOut {
  const req = typeof input === 'string' ? { ...options, text: input } : { ...options, ...input };
  return toOutput(analyzeDoc(req));
}

/** Text + metadata → working model: what the evaluators and stage tests need (they read layers, not JSON). */
export function analyzeText(text: string, meta: Partial<DocMeta> = {}, attribution?: AttributionMode): Doc {
  return analyzeDoc({
    text, id: meta.id, title: meta.title, url: meta.url, published: meta.published, source: meta.source, attribution,
  });
}
