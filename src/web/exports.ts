/**
 * Export links and downloads. Every list and page offers its data as files; the formats beyond the JSON twin
 * come from the export layer (src/export) once it is there — until then JSON, JSONL and CSV are written here.
 */
import type { AnalysisOut } from '../model/format.js';
import { pathSegment } from './security.js';

import { EXPORT_FORMATS as DOCUMENT_FORMATS, csvRecord, exportClusters, exportDocuments, type ExportFormat as DocumentFormat } from '../export/index.js';
import type { ClaimCluster } from '../corpus/index.js';

/** Formats every list offers (rows); an article offers every document format, claims also ClaimReview. */
export const EXPORT_FORMATS = ['json', 'jsonl', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const ARTICLE_FORMATS: readonly DocumentFormat[] = DOCUMENT_FORMATS;
export const CLAIM_FORMATS: readonly DocumentFormat[] = ['json', 'jsonl', 'csv', 'claimreview'];

/** An article in one of the export layer's formats beyond the row formats (ClaimReview, Web Annotation, TimeML, brat). */
export function documentExport(a: AnalysisOut, format: DocumentFormat): { body: string; contentType: string; extension: string } {
  const f = exportDocuments(format, [a]);
  return { body: f.body, contentType: f.contentType, extension: f.extension };
}

/** Claim clusters as schema.org ClaimReview JSON-LD (the status as reported, never a verdict). */
export function claimReviewExport(clusters: readonly ClaimCluster[]): { body: string; contentType: string; extension: string } {
  const f = exportClusters('claimreview', clusters);
  return { body: f.body, contentType: f.contentType, extension: f.extension };
}

export type ExportKind = 'article' | 'claims' | 'speaker' | 'search';

/** The download links of one page; `params` are the page's id or filters. */
export function exportLinks(kind: ExportKind, params: Record<string, string | undefined>): { format: string; href: string }[] {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '' && k !== 'id') q.set(k, v);
  const base = kind === 'article' ? `/article/${pathSegment(params.id ?? '')}/export` : `/${kind === 'claims' ? 'claims' : kind}/export`;
  const formats = kind === 'article' ? ARTICLE_FORMATS : kind === 'claims' ? CLAIM_FORMATS : EXPORT_FORMATS;
  return formats.map((format) => {
    const fq = new URLSearchParams(q);
    fq.set('format', format);
    return { format, href: `${base}?${fq.toString()}` };
  });
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8', jsonl: 'application/x-ndjson; charset=utf-8', csv: 'text/csv; charset=utf-8',
};

export function contentTypeOf(format: ExportFormat): string {
  return CONTENT_TYPES[format];
}

/** Rows as CSV: the export layer's RFC 4180 writer, with its formula defusing (one CSV writer for the CLI and the web). */
function csv(rows: Record<string, unknown>[], columns: string[]): string {
  return csvRecord(columns) + rows.map((r) => csvRecord(columns.map((c) => r[c]))).join('');
}

/** One analysis in a format: the record itself (JSON, JSONL) or its statements as rows (CSV). */
export function analysisExport(a: AnalysisOut, format: ExportFormat): string {
  if (format === 'json') return JSON.stringify(a, null, 2) + '\n';
  if (format === 'jsonl') return JSON.stringify(a) + '\n';
  const entity = new Map(a.entities.map((e) => [e.id, e.name]));
  const rows = a.statements.map((s) => ({
    docId: a.document.id, statementId: s.id, kind: s.kind,
    speaker: (s.speaker.entity ? entity.get(s.speaker.entity) : null) ?? s.speaker.name ?? s.speaker.mention?.text ?? '',
    cue: s.cue?.text ?? '', content: s.content.map((c) => c.text).join(' … '), channel: s.channel?.text ?? '',
    claims: a.claims.filter((c) => c.statement === s.id).map((c) => c.status),
    start: Math.min(...s.content.map((c) => c.start)), end: Math.max(...s.content.map((c) => c.end)),
  }));
  return csv(rows, ['docId', 'statementId', 'kind', 'speaker', 'cue', 'content', 'channel', 'claims', 'start', 'end']);
}

/** Rows (already plain objects) in a format. */
export function rowsExport(rows: Record<string, unknown>[], columns: string[], format: ExportFormat): string {
  if (format === 'json') return JSON.stringify(rows, null, 2) + '\n';
  if (format === 'jsonl') return rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');
  return csv(rows, columns);
}
