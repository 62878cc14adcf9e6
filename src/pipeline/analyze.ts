import { newDoc, type Doc, type DocMeta } from '../model/document.js';
import type { AnalysisOut, Diagnostic } from '../model/format.js';
import { toOutput } from '../output/to-json.js';
import { missingModels } from '../util/model-files.js';
import { pipelineFor, type AttributionMode } from './stages.js';
import { runStage } from './build.js';
import { collectGarbage } from '../util/gc.js';
import { COLLECT_EVERY, SECTION_CHARS, SECTION_THRESHOLD, SectionJoiner, sectionBounds } from './sections.js';

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

/** Where an analysis is: the stage about to run, and how far through the text (0..1) the work has come. */
export interface AnalyzeProgress {
  stage: string;
  fraction: number;
}

/** Runs every stage over one document and returns the working document model. */
export function analyzeDoc(input: AnalyzeInput): Doc {
  return drain(docSteps(input));
}

/**
 * The analysis of one document as steps: yields the name of each stage before running it, returns the document.
 * One code path for the synchronous API (run to the end at once) and the CLI's (which lets the event loop turn
 * between stages, for progress and Ctrl-C).
 */
function* docSteps(input: AnalyzeInput, metaOverride?: Pick<DocMeta, 'published' | 'publishedSource'>): Generator<string, Doc> {
  if (typeof input.text !== 'string') throw new InputError('text must be a string');
  const published = input.published ?? null;
  if (published !== null && !isValidIsoDate(published)) {
    throw new InputError(`published date '${published}' is not a valid YYYY-MM-DD date`);
  }
  const meta: DocMeta = {
    id: input.id ?? 'doc', title: input.title ?? null, url: input.url ?? null,
    published, publishedSource: published ? 'metadata' : null, source: input.source ?? null,
  };
  if (metaOverride) Object.assign(meta, metaOverride);
  const doc = newDoc(input.text, meta);
  for (const w of input.warnings ?? []) doc.warnings.push(typeof w === 'string' ? inputNote(w) : w);
  if (published !== null && published > new Date().toISOString().slice(0, 10)) {
    // The clock is only a sanity check here; dates are always resolved against `published` itself.
    doc.warnings.push({
      message: `published date ${published} is in the future; relative dates are resolved against it as given`,
      span: null, source: 'input', ruleId: 'input/future-published', severity: 'warning',
    });
  }
  for (const stage of pipelineFor(input.attribution).stages) {
    yield stage.name;
    runStage(stage, doc);
  }
  // Models load on first use, so the stages have run before every missing file is known.
  for (const file of missingModels()) doc.warnings.push(missingModelWarning(file));
  return doc;
}

/**
 * The `claimline/1` record as steps (see `docSteps`), yielding progress. A text over `SECTION_THRESHOLD` is
 * analysed in sections (see sections.ts), so that memory stays bounded and time linear in its length.
 */
function* outputSteps(input: AnalyzeInput, sectionChars = SECTION_CHARS, threshold = SECTION_THRESHOLD): Generator<AnalyzeProgress, AnalysisOut> {
  const { text } = input;
  const stageCount = pipelineFor(input.attribution).stages.length;
  if (typeof text !== 'string' || text.length <= threshold) {
    const steps = docSteps(input);
    let i = 0;
    for (let r = steps.next(); ; r = steps.next()) {
      if (r.done) return toOutput(r.value);
      yield { stage: r.value, fraction: i++ / stageCount };
    }
  }
  const sections = sectionBounds(text, sectionChars);
  const joiner = new SectionJoiner(text);
  let anchor: Pick<DocMeta, 'published' | 'publishedSource'> | undefined;
  for (const [k, sec] of sections.entries()) {
    const part: AnalyzeInput = {
      ...input, text: text.slice(sec.start, sec.end),
      // What was read with the input is said once; a later section counts dates from the first one's anchor.
      warnings: k === 0 ? input.warnings : [],
    };
    const steps = docSteps(part, anchor);
    let i = 0;
    let doc: Doc;
    for (let r = steps.next(); ; r = steps.next()) {
      if (r.done) { doc = r.value; break; }
      const within = (sec.end - sec.start) * (i++ / stageCount);
      yield { stage: `${r.value} (section ${k + 1}/${sections.length})`, fraction: (sec.start + within) / text.length };
    }
    if (k === 0) anchor = { published: doc.meta.published, publishedSource: doc.meta.publishedSource };
    joiner.add(toOutput(doc), sec.start);
    if (k % COLLECT_EVERY === COLLECT_EVERY - 1) collectGarbage();
  }
  collectGarbage();
  return joiner.finish(sections.length);
}

function drain<T, R>(steps: Generator<T, R>): R {
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
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
  return drain(outputSteps(req));
}

/** What `analyzeAsync` may be told besides the input. */
export interface AnalyzeHooks {
  /** Called before each stage (of each section, for a long text). */
  onProgress?: (p: AnalyzeProgress) => void;
  /** Stops the analysis between two stages; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Section length and the length above which a text is cut (tests; defaults SECTION_CHARS, SECTION_THRESHOLD). */
  sectionChars?: number;
  sectionThreshold?: number;
}

/**
 * `analyze`, letting the event loop turn between stages so that a caller can show progress and stop a long
 * document on a signal (Ctrl-C). The record is the same as `analyze`'s.
 */
export async function analyzeAsync(input: AnalyzeInput, hooks: AnalyzeHooks = {}): Promise<AnalysisOut> {
  const steps = outputSteps(input, hooks.sectionChars, hooks.sectionThreshold);
  for (let r = steps.next(); ; r = steps.next()) {
    if (r.done) return r.value;
    hooks.onProgress?.(r.value);
    await new Promise<void>((resolve) => setImmediate(resolve));
    hooks.signal?.throwIfAborted();
  }
}

/** Text + metadata → working model: what the evaluators and stage tests need (they read layers, not JSON). */
export function analyzeText(text: string, meta: Partial<DocMeta> = {}, attribution?: AttributionMode): Doc {
  return analyzeDoc({
    text, id: meta.id, title: meta.title, url: meta.url, published: meta.published, source: meta.source, attribution,
  });
}
