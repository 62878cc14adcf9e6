/**
 * Flat rows of a claimline/1 record, for tables: one per document, statement or claim, with the same field names
 * the store's queries return (`StatementRow`, `ClaimRow`), so an export from records given as files and an export
 * from a store have the same columns. Claim clusters of the corpus layer get a row too.
 */
import type { ClaimCluster } from '../corpus/claims.js';
import type { AnalysisOut, StatementOut } from '../model/format.js';
import type { ClaimRow, StatementRow } from '../store/store.js';
import { entityNames, speakerName, statementContent } from '../store/statement-text.js';

export interface DocumentRow {
  docId: string;
  title: string | null;
  url: string | null;
  published: string | null;
  language: string;
  source: string | null;
  statements: number;
  claims: number;
  entities: number;
  timexes: number;
  warnings: number;
  text: string;
}

export interface ClusterRow {
  clusterId: string;
  proposition: string;
  first: string | null;
  last: string | null;
  /** Each current status with its parties and backing: "denied by the council [1 independent source, 2 documents]". */
  statuses: string;
  /** Parties with their latest status: "the council: denied". */
  parties: string[];
  documents: string[];
  assertions: number;
}

/** The columns each row kind has, in order: CSV headers are fixed before the first row is written. */
export const DOCUMENT_COLUMNS: readonly (keyof DocumentRow)[] = [
  'docId', 'title', 'url', 'published', 'language', 'source', 'statements', 'claims', 'entities', 'timexes', 'warnings', 'text',
];
export const STATEMENT_COLUMNS: readonly (keyof StatementRow)[] = [
  'docId', 'docTitle', 'published', 'statementId', 'speaker', 'cue', 'kind', 'content', 'channel', 'reportTime', 'start', 'end',
];
export const CLAIM_COLUMNS: readonly (keyof ClaimRow)[] = [
  'docId', 'docTitle', 'published', 'claimId', 'text', 'status', 'by', 'evidence', 'statementId', 'speaker', 'date',
];
export const CLUSTER_COLUMNS: readonly (keyof ClusterRow)[] = [
  'clusterId', 'proposition', 'first', 'last', 'statuses', 'parties', 'documents', 'assertions',
];

export function documentRow(a: AnalysisOut): DocumentRow {
  const d = a.document;
  return {
    docId: d.id, title: d.title, url: d.url, published: d.published, language: d.language, source: d.source,
    statements: a.statements.length, claims: a.claims.length, entities: a.entities.length, timexes: a.timexes.length,
    warnings: a.warnings.length, text: d.text,
  };
}

/** The extent of a statement: from its first span (speaker, cue or content) to its last, as the store keeps it. */
export function statementExtent(st: StatementOut): { start: number; end: number } | null {
  const spans = [...st.content, st.speaker.mention, st.cue, st.channel].filter((s): s is NonNullable<typeof s> => !!s);
  if (spans.length === 0) return null;
  return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
}

export function statementRows(a: AnalysisOut): StatementRow[] {
  const names = entityNames(a);
  const times = new Map(a.timexes.map((t) => [t.id, t.value]));
  return a.statements.map((st) => {
    const extent = statementExtent(st) ?? { start: 0, end: 0 };
    return {
      docId: a.document.id, docTitle: a.document.title, published: a.document.published, statementId: st.id,
      speaker: speakerName(names, st), cue: st.cue?.text ?? null, kind: st.kind, content: statementContent(st),
      channel: st.channel?.text ?? null, reportTime: st.time ? times.get(st.time) ?? null : null,
      start: extent.start, end: extent.end,
    };
  });
}

export function claimRows(a: AnalysisOut): ClaimRow[] {
  const names = entityNames(a);
  const times = new Map(a.timexes.map((t) => [t.id, t.value]));
  const statements = new Map(a.statements.map((s) => [s.id, s]));
  return a.claims.map((c) => {
    const st = c.statement ? statements.get(c.statement) : undefined;
    const reportTime = st?.time ? times.get(st.time) ?? null : null;
    return {
      docId: a.document.id, docTitle: a.document.title, published: a.document.published, claimId: c.id,
      text: c.text.text, status: c.status, by: c.by.map((id) => names.get(id) ?? id), evidence: c.evidence?.text ?? null,
      statementId: c.statement, speaker: st ? speakerName(names, st) : null, date: reportTime ?? a.document.published,
    };
  });
}

export function clusterRow(c: ClaimCluster): ClusterRow {
  const statuses = Object.entries(c.statuses).map(([status, s]) => `${status} by ${s!.parties.map((p) => p.name).join(', ') || '(the report)'}`
    + ` [${s!.independentSources} independent source${s!.independentSources === 1 ? '' : 's'}, ${s!.documents} document${s!.documents === 1 ? '' : 's'}]`);
  return {
    clusterId: c.id, proposition: c.proposition, first: c.first, last: c.last, statuses: statuses.join('; '),
    parties: c.current.map((x) => `${x.party.name}: ${x.status}`),
    documents: [...new Set(c.assertions.map((x) => x.docId))], assertions: c.assertions.length,
  };
}
