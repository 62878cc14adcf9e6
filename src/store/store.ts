/**
 * The storage interface every backend implements: SQLite (one file) and PostgreSQL (a shared server). The methods
 * return promises so callers do not care which one they talk to.
 */
import type { AnalysisOut, ClaimStatus, StatementKind } from '../model/format.js';

/**
 * What ingesting one analysis did: `inserted` a new document; `new-version` the same identity with a different
 * text, kept as the next version (the earlier one stays readable); `reanalysed` the same text analysed anew
 * (a newer claimline), replacing the current version's analysis; `unchanged` nothing to do.
 */
export type IngestStatus = 'inserted' | 'new-version' | 'reanalysed' | 'unchanged';

export interface IngestResult {
  status: IngestStatus;
  docId: string;
  /** The document's current version after this ingest. */
  version: number;
}

/** Every list query takes a window; `limit` defaults to the method's own default (see each query). */
export interface PageQuery {
  limit?: number;
  offset?: number;
}

/** One window of a list: `total` rows match, `results` are rows offset .. offset+returned, `more` are after it. */
export interface Page<T> {
  total: number;
  offset: number;
  returned: number;
  more: number;
  results: T[];
}

export interface StatementQuery extends PageQuery {
  /** Case-insensitive substring of the speaker's entity name or stated name. */
  speaker?: string;
  /** Case-insensitive substring of the quoted content, or of an entity mentioned inside it. */
  about?: string;
  /** Only statements reported on or after this date (report time, else the document's publication date). */
  since?: string;
  /** Only statements in this document. Default limit 100. */
  docId?: string;
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
  /** The statement's report time (its time expression's value), null when the text gives none. */
  reportTime: string | null;
  /** Offsets of the whole statement (speaker, cue and content) in the document text. */
  start: number;
  end: number;
}

export interface TimelineQuery extends PageQuery {
  /** Keep only items whose sentence mentions an entity whose name contains this (case-insensitive). Default limit 1000. */
  entity?: string;
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

export interface SearchQuery extends PageQuery {
  /**
   * FTS5 query syntax: words (all must occur), "phrases", OR, NOT, prefix*, NEAR(...), parentheses. Text that is
   * not valid syntax and uses no operator on purpose (say `U.S.-led`) is searched as plain words; a query that
   * does use syntax and cannot be parsed throws a SearchSyntaxError. Default limit 20.
   */
  text: string;
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

export interface ClaimQuery extends PageQuery {
  /** One status or several. */
  status?: ClaimStatus | ClaimStatus[];
  /** Case-insensitive substring of the name of a party the status is by (or the claim statement's speaker). */
  by?: string;
  /** Case-insensitive substring of the claim's text or of an entity named inside it. */
  about?: string;
  /** Only claims reported on or after this date (the statement's report time, else the document's date). */
  since?: string;
  /** Only claims in this document. Default limit 100. */
  docId?: string;
}

export interface ClaimRow {
  docId: string;
  docTitle: string | null;
  published: string | null;
  claimId: string;
  /** The proposition as written in the document. */
  text: string;
  status: ClaimStatus;
  /** Names of the parties the status is by (from the document's entities). */
  by: string[];
  /** The words that give the status ("denied", "has not confirmed"), when there are any. */
  evidence: string | null;
  statementId: string | null;
  /** Speaker of the claim's statement, when it has one. */
  speaker: string | null;
  /** The claim statement's report time, else the document's publication date. */
  date: string | null;
}

/** One stored version of a document, oldest first; `changes` compares it with the version before it. */
export interface VersionRow {
  docId: string;
  version: number;
  current: boolean;
  title: string | null;
  published: string | null;
  ingestedAt: string;
  textHash: string;
  /** Null for version 1. */
  changes: VersionChanges | null;
}

export interface StatementBrief {
  statementId: string;
  speaker: string | null;
  content: string;
}

export interface ClaimBrief {
  claimId: string;
  text: string;
  status: ClaimStatus;
}

export interface VersionChanges {
  textChanged: boolean;
  titleChanged: boolean;
  statementsAdded: StatementBrief[];
  statementsRemoved: StatementBrief[];
  /** The same speaker saying much the same thing in other words. */
  statementsReworded: { before: StatementBrief; after: StatementBrief }[];
  claimsAdded: ClaimBrief[];
  claimsRemoved: ClaimBrief[];
  claimStatusChanged: { before: ClaimBrief; after: ClaimBrief }[];
}

/**
 * The store's current documents, as the corpus layer reads them inside `updateCorpusState`. Asynchronous because a
 * networked backend answers each read over its connection, inside the update's transaction.
 */
export interface CorpusSource {
  /** Every stored document's id and current revision: its version and when that was last analysed. */
  revisions(): Promise<[string, string][]>;
  /** A document's current analysis; null when the id is not stored. */
  analysis(docId: string): Promise<AnalysisOut | null>;
  /**
   * Several documents' current analyses in one read, by id (ids not stored are absent). Optional: a backend that
   * answers each read over a network offers it, so an update adding many documents is not one round trip each.
   */
  analysesOf?(docIds: string[]): Promise<Map<string, AnalysisOut>>;
}

/** What `updateCorpusState`'s update returns: the new state, or null when nothing changed (nothing is written). */
export type CorpusUpdate = { state: unknown; documents: number } | null;

export interface StoreStats {
  documents: number;
  /** Every stored version, the current ones included. */
  versions: number;
  entities: number;
  mentions: number;
  statements: number;
  timexes: number;
  claims: number;
}

export interface Store {
  /**
   * Stores one analysed document atomically under its `document.id`. A new text for a stored id becomes the next
   * version; nothing stored is ever replaced except the analysis of an unchanged text.
   */
  ingest(a: AnalysisOut): Promise<IngestResult>;
  /**
   * Stores several analysed documents in one transaction, each exactly as `ingest` would (in order: the same id
   * twice is stored, then found unchanged or versioned); all or none. For queue workers: one commit per batch.
   * Every analysis is checked before anything is written, so a malformed one fails the call with nothing stored.
   */
  ingestBatch(analyses: AnalysisOut[]): Promise<IngestResult[]>;
  /** The stored analysis of one document (its current version, or `version`), exactly as ingested. */
  analysis(docId: string, version?: number): Promise<AnalysisOut | null>;
  /**
   * Every stored document's current analysis, by publication date (undated last), then id; read in batches, so
   * other calls on the store may be made while iterating. For corpus-wide work over the whole store.
   */
  analyses(): AsyncIterable<AnalysisOut>;
  /** Every version of a document with what changed from the one before; empty when the id is not stored. */
  versions(docId: string): Promise<VersionRow[]>;
  statements(q?: StatementQuery): Promise<Page<StatementRow>>;
  claims(q?: ClaimQuery): Promise<Page<ClaimRow>>;
  timeline(q?: TimelineQuery): Promise<Page<TimelineRow>>;
  search(q: SearchQuery): Promise<Page<SearchHit>>;
  stats(): Promise<StoreStats>;
  /**
   * The corpus layer's persisted state (a JSON value from `Corpus.toState()`), with the number of documents it
   * covers; null while nothing has built it yet.
   */
  corpusState(): Promise<{ state: unknown; documents: number } | null>;
  /**
   * Brings the corpus state up to date in one write transaction: `update` gets the stored state (or null) and the
   * store's current documents (each id with its current version, and its analysis read on demand), and returns
   * the new state, or null when nothing changed (nothing is written). Two writers doing this at once never lose
   * each other's documents: the later one works from the state the earlier one wrote (`update` may be called
   * again for that). With `ifFree`, an update finding another one under way gives up and answers false (for
   * periodic updates: the next one catches up); otherwise it answers true once the state is up to date.
   */
  updateCorpusState(update: (state: unknown | null, docs: CorpusSource) => CorpusUpdate | Promise<CorpusUpdate>,
    opts?: { ifFree?: boolean }): Promise<boolean>;
  close(): Promise<void>;
}
