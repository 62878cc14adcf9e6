/**
 * The storage interface every backend implements. SQLite is the only one today; the methods return promises so
 * a networked backend (PostgreSQL) can implement the same interface later without changing callers.
 */
import type { AnalysisOut, StatementKind } from '../model/format.js';

export type IngestStatus = 'inserted' | 'updated' | 'unchanged';

export interface StatementQuery {
  /** Case-insensitive substring of the speaker's entity name or stated name. */
  speaker?: string;
  /** Case-insensitive substring of the quoted content, or of an entity mentioned inside it. */
  about?: string;
  /** Default 100. */
  limit?: number;
}

export interface StatementRow {
  docId: string;
  docTitle: string | null;
  published: string | null;
  statementId: string;
  speaker: string | null;
  cue: string | null;
  kind: StatementKind;
  /** Content spans joined with " … ". */
  content: string;
  channel: string | null;
  /** Offsets of the whole statement (speaker, cue and content) in the document text. */
  start: number;
  end: number;
}

export interface TimelineQuery {
  /** Keep only items whose sentence mentions an entity whose name contains this (case-insensitive). */
  entity?: string;
  /** Default 1000. */
  limit?: number;
}

export interface TimelineRow {
  /** The timex value or the statement's report time (YYYY-MM-DD, YYYY-MM, ...); rows are ordered by it. */
  date: string;
  kind: 'timex' | 'statement';
  docId: string;
  docTitle: string | null;
  /** A timex's sentence, or a statement's content. */
  text: string;
  /** The timex as written; null for statements. */
  timex: string | null;
  /** The speaker; null for timexes. */
  speaker: string | null;
  start: number;
  end: number;
}

export interface SearchHit {
  docId: string;
  docTitle: string | null;
  published: string | null;
  /** Whether the match is in the document text or in one statement's content. */
  kind: 'document' | 'statement';
  statementId: string | null;
  /** Matching passage with hits marked `[like this]`. */
  snippet: string;
}

export interface StoreStats {
  documents: number;
  entities: number;
  mentions: number;
  statements: number;
  timexes: number;
  claims: number;
}

export interface Store {
  /** Stores one analysed document atomically; the same id replaces the old version unless nothing changed. */
  ingest(a: AnalysisOut): Promise<{ status: IngestStatus }>;
  /** The stored analysis of one document, exactly as ingested. */
  analysis(docId: string): Promise<AnalysisOut | null>;
  statements(q?: StatementQuery): Promise<StatementRow[]>;
  timeline(q?: TimelineQuery): Promise<TimelineRow[]>;
  /** Full-text search; `text` is user input and never interpreted as query syntax. */
  search(text: string, limit?: number): Promise<SearchHit[]>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}
