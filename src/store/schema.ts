/**
 * SQLite schema of a claimline store. The full `claimline/1` JSON of each document's current version is the record
 * of truth; the other tables are derived from it for querying and are rebuilt whenever that version is
 * re-analysed or superseded. Earlier versions keep their text and analysis in `document_versions`.
 */

/** Bump on every change, and add the step from the previous version to `migrations.ts`. */
export const SCHEMA_VERSION = 4;
/** Full-text rows one document may have (its text and its statements): 2^20. */
export const FTS_ROWS_PER_DOC = 1_048_576;
/** PRAGMA application_id marks the file as ours ("CLM1"), so foreign databases are refused, not modified. */
export const APPLICATION_ID = 0x434c4d31;

/** Every version of every document; the current one's text and analysis live in `documents` (NULL here). */
export const VERSIONS_SQL = `
CREATE TABLE document_versions (
  doc_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  text_hash TEXT NOT NULL,
  title TEXT,
  published TEXT,
  ingested_at TEXT NOT NULL,
  text TEXT,
  analysis TEXT,
  PRIMARY KEY (doc_id, version)
);
`;

/**
 * The corpus layer's state (src/corpus): one JSON row, rewritten in the same write transaction that reads it, so
 * concurrent ingests never lose each other's additions. Derived like the other tables: it can be rebuilt from the
 * stored analyses.
 */
export const CORPUS_STATE_SQL = `
CREATE TABLE corpus_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  state TEXT NOT NULL,
  documents INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);
`;

export const SCHEMA_SQL = `
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  title TEXT,
  url TEXT,
  published TEXT,
  language TEXT NOT NULL,
  source TEXT,
  text TEXT NOT NULL,
  -- sha256 of the whole analysis JSON: a re-analysis by a newer pipeline counts as changed content.
  content_hash TEXT NOT NULL,
  analysis TEXT NOT NULL,
  ingested_at TEXT NOT NULL,
  -- The current version's number (1, 2, ...) and sha256 of its text: a new text is a new version, never a replacement.
  version INTEGER NOT NULL DEFAULT 1,
  text_hash TEXT NOT NULL,
  -- The document's rows in the fts table have rowids fts_base * 2^20 + k (k = 0 for the text, 1.. for
  -- statements), so they are found by a rowid range, not by scanning the index for doc_id.
  fts_base INTEGER NOT NULL
);
CREATE INDEX documents_published ON documents (published);
CREATE UNIQUE INDEX documents_fts_base ON documents (fts_base);

${VERSIONS_SQL}
CREATE TABLE entities (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  entity_id TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  roles TEXT NOT NULL, -- JSON array of role phrases
  PRIMARY KEY (doc_id, entity_id)
);

CREATE TABLE mentions (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  entity_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL
);
CREATE INDEX mentions_doc_pos ON mentions (doc_id, start);

CREATE TABLE statements (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  statement_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  speaker_entity TEXT,
  -- Display name: the linked entity's name, else the stated name, else the speaker mention as written.
  speaker_name TEXT,
  cue TEXT,
  content TEXT NOT NULL,
  channel TEXT,
  report_time TEXT, -- value of the statement's time timex
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  sentence_start INTEGER NOT NULL,
  sentence_end INTEGER NOT NULL,
  PRIMARY KEY (doc_id, statement_id)
);

-- Entities a statement is by (speaker, incl. collective subjects) or about (mentioned inside its content).
CREATE TABLE statement_entities (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  statement_id TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('speaker', 'about')),
  PRIMARY KEY (doc_id, statement_id, entity_id, role)
);
CREATE INDEX statement_entities_entity ON statement_entities (doc_id, entity_id, role);

CREATE TABLE timexes (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  timex_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL,
  value TEXT NOT NULL,
  resolved INTEGER NOT NULL,
  sentence_start INTEGER NOT NULL,
  sentence_end INTEGER NOT NULL,
  sentence TEXT NOT NULL,
  PRIMARY KEY (doc_id, timex_id)
);
CREATE INDEX timexes_value ON timexes (value);

CREATE TABLE claims (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  claim_id TEXT NOT NULL,
  statement_id TEXT,
  text TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  status TEXT NOT NULL,
  by_entities TEXT NOT NULL, -- JSON array of entity ids
  evidence TEXT,
  PRIMARY KEY (doc_id, claim_id)
);
CREATE INDEX claims_status ON claims (status);

-- One row per document text and per statement content; kind/doc_id/statement_id are only carried along.
-- rowid: see documents.fts_base.
CREATE VIRTUAL TABLE fts USING fts5 (
  body,
  kind UNINDEXED,
  doc_id UNINDEXED,
  statement_id UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);
${CORPUS_STATE_SQL}`;
