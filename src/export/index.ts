/**
 * Exports of claimline records: a library API (the web app's export links and the `claimline export` command
 * both call it) over one module per format. See docs/export.md.
 *
 * - `exportDocuments(format, analyses, opts)`: whole claimline/1 documents in any format.
 * - `exportRows(format, rows, columns?)`: any list (statements, claims, search hits, speakers) as JSON, JSONL or CSV.
 * - `exportClusters(format, clusters, opts)`: the corpus layer's claim clusters as JSON, JSONL, CSV or ClaimReview.
 * - `claimReview(...)`, `webAnnotations(...)`, `exportBrat(...)`, `toTimeML(...)`: the objects themselves.
 * - `documentEncoder` / `rowEncoder`: the same outputs piece by piece, for writing a whole store as it is read.
 */
import type { ClaimCluster } from '../corpus/claims.js';
import type { AnalysisOut } from '../model/format.js';
import { BRAT_CONF, exportBrat, fileStems } from './brat.js';
import { claimReviewOfCluster, claimReviewsOfAnalysis, type ClaimReview, type ClusterReviewOptions } from './claimreview.js';
import { columnsOf, csvRecord } from './csv.js';
import { CLUSTER_COLUMNS, DOCUMENT_COLUMNS, clusterRow, documentRow } from './rows.js';
import { toTimeML } from './timeml.js';
import { ANNO_MEDIA_TYPE, collectionEnd, collectionStart, webAnnotations, type WebAnnotationOptions } from './web-annotation.js';

export type ExportFormat = 'json' | 'jsonl' | 'csv' | 'claimreview' | 'webannotation' | 'timeml' | 'brat';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'jsonl', 'csv', 'claimreview', 'webannotation', 'timeml', 'brat'];
/** The formats any list of rows can take. */
export type RowFormat = 'json' | 'jsonl' | 'csv';
export const ROW_FORMATS: readonly RowFormat[] = ['json', 'jsonl', 'csv'];

export interface ExportFile {
  /** The HTTP Content-Type, charset included where it applies. */
  contentType: string;
  /** The file name extension, without the dot ("csv", "jsonld", "brat.jsonl"). */
  extension: string;
  body: string;
}

export interface ExportOptions extends ClusterReviewOptions, WebAnnotationOptions {
  /**
   * The caller knows there is exactly one document: `json` writes the object itself (not an array), `timeml`
   * the TimeML file, `brat` the `.ann` file (the text is the document's own: see exportBrat). Set by
   * exportDocuments when given one analysis.
   */
  single?: boolean;
  /** CSV: start with a UTF-8 byte-order mark, for spreadsheet programs that guess the encoding otherwise. */
  bom?: boolean;
  /** Web Annotation: the collection's IRI and label. */
  collectionId?: string;
  label?: string;
}

/** An export written piece by piece: `begin()`, then `add()` for each item in order, then `end()`. */
export interface Encoder<T> {
  contentType: string;
  extension: string;
  begin(): string;
  add(item: T): string;
  end(): string;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const JSONL_TYPE = 'application/x-ndjson; charset=utf-8';
const CSV_TYPE = 'text/csv; charset=utf-8; header=present';
const JSONLD_TYPE = 'application/ld+json; charset=utf-8';
const BOM = '\uFEFF';

/** A JSON array written one element at a time. */
function jsonArray<T>(contentType: string, extension: string, toJson: (item: T) => unknown[]): Encoder<T> {
  let first = true;
  return {
    contentType, extension,
    begin: () => '[',
    add: (item) => toJson(item).map((x) => { const s = `${first ? '\n' : ',\n'}${JSON.stringify(x)}`; first = false; return s; }).join(''),
    end: () => (first ? ']\n' : '\n]\n'),
  };
}

/** JSON, JSONL or CSV of rows with known columns (CSV needs them before the first row). */
export function rowEncoder<T extends object>(format: RowFormat, columns: readonly string[], opts: { bom?: boolean } = {}): Encoder<T> {
  if (format === 'json') return jsonArray<T>(JSON_TYPE, 'json', (r) => [r]);
  if (format === 'jsonl') return { contentType: JSONL_TYPE, extension: 'jsonl', begin: () => '', add: (r) => JSON.stringify(r) + '\n', end: () => '' };
  return {
    contentType: CSV_TYPE, extension: 'csv',
    begin: () => (opts.bom ? BOM : '') + csvRecord(columns),
    add: (r) => csvRecord(columns.map((c) => (r as Record<string, unknown>)[c])),
    end: () => '',
  };
}

function encodeAll<T>(enc: Encoder<T>, items: Iterable<T>): ExportFile {
  let body = enc.begin();
  for (const x of items) body += enc.add(x);
  body += enc.end();
  return { contentType: enc.contentType, extension: enc.extension, body };
}

/**
 * Any list as JSON (an array), JSONL (one object a line) or CSV (RFC 4180 with a header; columns default to
 * every key of the rows in first-seen order; arrays are joined with "; ", objects written as JSON; cells that a
 * spreadsheet would run as formulas are prefixed with a single quote: see csv.ts).
 */
export function exportRows(format: RowFormat, rows: readonly object[], columns?: readonly string[], opts: { bom?: boolean } = {}): ExportFile {
  if (!ROW_FORMATS.includes(format)) throw new Error(`rows export as ${ROW_FORMATS.join(', ')}, not '${format}'`);
  return encodeAll(rowEncoder(format, columns ?? columnsOf(rows), opts), rows);
}

/** Whole documents, piece by piece. Every format takes documents; see exportDocuments. */
export function documentEncoder(format: ExportFormat, opts: ExportOptions = {}): Encoder<AnalysisOut> {
  switch (format) {
    case 'json':
      if (opts.single) return { contentType: JSON_TYPE, extension: 'json', begin: () => '', add: (a) => JSON.stringify(a, null, 2) + '\n', end: () => '' };
      return jsonArray(JSON_TYPE, 'json', (a) => [a]);
    case 'jsonl':
      return rowEncoder('jsonl', []);
    case 'csv': {
      const rows = rowEncoder<ReturnType<typeof documentRow>>('csv', DOCUMENT_COLUMNS, opts);
      return { ...rows, add: (a) => rows.add(documentRow(a)) };
    }
    case 'claimreview':
      return jsonArray<AnalysisOut>(JSONLD_TYPE, 'jsonld', (a) => claimReviewsOfAnalysis(a, opts));
    case 'webannotation': {
      let total = 0;
      let first = true;
      return {
        contentType: ANNO_MEDIA_TYPE, extension: 'jsonld',
        begin: () => collectionStart(opts.collectionId ?? 'urn:claimline:collection:export', opts.label ?? 'claimline annotations'),
        add: (a) => webAnnotations(a, opts).map((x) => { total++; const s = `${first ? '' : ',\n'}${JSON.stringify(x)}`; first = false; return s; }).join(''),
        end: () => collectionEnd(total),
      };
    }
    case 'timeml':
      if (opts.single) return { contentType: 'application/xml; charset=utf-8', extension: 'tml', begin: () => '', add: toTimeML, end: () => '' };
      return { contentType: JSONL_TYPE, extension: 'timeml.jsonl', begin: () => '', add: (a) => JSON.stringify({ id: a.document.id, timeml: toTimeML(a) }) + '\n', end: () => '' };
    case 'brat':
      if (opts.single) return { contentType: 'text/plain; charset=utf-8', extension: 'ann', begin: () => '', add: (a) => exportBrat(a).ann, end: () => '' };
      return { contentType: JSONL_TYPE, extension: 'brat.jsonl', begin: () => '', add: (a) => JSON.stringify({ id: a.document.id, ...exportBrat(a) }) + '\n', end: () => '' };
    default:
      throw new Error(`unknown export format '${String(format)}' (expected ${EXPORT_FORMATS.join(', ')})`);
  }
}

/**
 * Whole claimline/1 documents:
 * json: the record (one document) or an array; jsonl: one record a line; csv: one row per document;
 * claimreview: a JSON-LD array of ClaimReview, one per claim; webannotation: an AnnotationCollection;
 * timeml: the TimeML file (one document) or JSONL of {id, timeml}; brat: the .ann file (one document: the .txt is
 * `document.text`) or JSONL of {id, txt, ann} (the CLI writes .txt/.ann pairs with --out DIR).
 */
export function exportDocuments(format: ExportFormat, analyses: readonly AnalysisOut[], opts: ExportOptions = {}): ExportFile {
  return encodeAll(documentEncoder(format, { single: analyses.length === 1, ...opts }), analyses);
}

/** Claim clusters of the corpus layer (src/corpus/claims.ts), piece by piece. */
export function clusterEncoder(format: ExportFormat, opts: ExportOptions = {}): Encoder<ClaimCluster> {
  if (format === 'claimreview') return jsonArray<ClaimCluster>(JSONLD_TYPE, 'jsonld', (c) => [claimReviewOfCluster(c, opts)]);
  if (format === 'csv') {
    const rows = rowEncoder<ReturnType<typeof clusterRow>>('csv', CLUSTER_COLUMNS, opts);
    return { ...rows, add: (c) => rows.add(clusterRow(c)) };
  }
  if (format === 'json' || format === 'jsonl') return rowEncoder(format, []);
  throw new Error(`claim clusters export as json, jsonl, csv or claimreview, not '${format}'`);
}

export function exportClusters(format: ExportFormat, clusters: readonly ClaimCluster[], opts: ExportOptions = {}): ExportFile {
  return encodeAll(clusterEncoder(format, opts), clusters);
}

/**
 * ClaimReview JSON-LD objects: one per claim of each document given, one per claim cluster given (the two can be
 * mixed). See claimreview.ts for what the rating means: the claim's reported status, never a verdict.
 */
export function claimReview(source: AnalysisOut | ClaimCluster | readonly (AnalysisOut | ClaimCluster)[],
  opts: ClusterReviewOptions = {}): ClaimReview[] {
  const items = Array.isArray(source) ? source : [source as AnalysisOut | ClaimCluster];
  return items.flatMap((x) => ('proposition' in x ? [claimReviewOfCluster(x, opts)] : claimReviewsOfAnalysis(x, opts)));
}

/** Files for writing documents into a directory: one per document (brat: .txt and .ann, plus annotation.conf). */
export interface NamedFile { name: string; body: string }

export function documentFiles(format: 'timeml' | 'brat'): { add(a: AnalysisOut): NamedFile[]; end(): NamedFile[] } {
  const stem = fileStems();
  if (format === 'timeml') return { add: (a) => [{ name: `${stem(a.document.id)}.tml`, body: toTimeML(a) }], end: () => [] };
  return {
    add: (a) => {
      const s = stem(a.document.id);
      const b = exportBrat(a);
      return [{ name: `${s}.txt`, body: b.txt }, { name: `${s}.ann`, body: b.ann }];
    },
    end: () => [{ name: 'annotation.conf', body: BRAT_CONF }],
  };
}

export { CSV_RECORD_END, columnsOf, csvField, csvRecord, toCsv } from './csv.js';
export { codePointIndex, sliceCodePoints, type CodePointIndex } from './offsets.js';
export {
  CLAIM_COLUMNS, CLUSTER_COLUMNS, DOCUMENT_COLUMNS, STATEMENT_COLUMNS, claimRows, clusterRow, documentRow, statementRows,
  type ClusterRow, type DocumentRow,
} from './rows.js';
export {
  DEFAULT_REVIEW_AUTHOR, NOT_A_VERDICT, claimReviewOfClaim, claimReviewOfCluster, claimReviewsOfAnalysis,
  type ClaimReview, type ClaimReviewOptions, type ClusterReviewOptions, type DocumentRef,
} from './claimreview.js';
export {
  ANNO_CONTEXT, ANNO_MEDIA_TYPE, annotationCollection, documentIri, webAnnotations, type Annotation, type AnnotationKind,
  type WebAnnotationOptions,
} from './web-annotation.js';
export { BRAT_CONF, exportBrat, type BratDocument } from './brat.js';
export { toTimeML } from './timeml.js';
