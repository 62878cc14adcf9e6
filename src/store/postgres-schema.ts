/**
 * PostgreSQL schema of a claimline store: the same tables as the SQLite store (schema.ts), with the full-text index
 * as a tsvector column under a GIN index instead of an FTS5 table. As there, each document's current analysis
 * JSON is the record of truth and every other table is derived from it.
 *
 * Text columns that are sorted or compared with dates or ids use the "C" collation, so rows come back in the same
 * byte order as SQLite's, whatever locale the server was initialised with.
 */

/** Bump on every change, and add the step from the previous version to `PG_MIGRATIONS`. */
export const PG_SCHEMA_VERSION = 1;
/** Names the store in `schema_version`, so a table of that name written by another program is not taken for ours. */
export const PG_APPLICATION = 'claimline';
/** The text search configuration: FTS5's unicode61 with diacritics removed, no stemming, no stop words. */
export const SEARCH_CONFIG = 'claimline_search';
/** Longest piece of a document's text one search row indexes (a tsvector holds 1 MB and positions up to 16383). */
export const SEARCH_PART_CHARS = 50_000;

export const PG_SCHEMA_SQL = `
CREATE TABLE schema_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  application TEXT NOT NULL,
  version INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE documents (
  id TEXT COLLATE "C" PRIMARY KEY,
  title TEXT COLLATE "C",
  url TEXT,
  published TEXT COLLATE "C",
  language TEXT NOT NULL,
  source TEXT,
  text TEXT NOT NULL,
  -- sha256 of the whole analysis JSON: a re-analysis by a newer pipeline counts as changed content.
  content_hash TEXT NOT NULL,
  -- The analysis JSON exactly as ingested (text, not jsonb, which would reorder and reformat it).
  analysis TEXT NOT NULL,
  ingested_at TEXT NOT NULL,
  version INTEGER NOT NULL,
  text_hash TEXT NOT NULL
);
CREATE INDEX documents_published ON documents ((coalesce(published, '~')), id);

-- Every version of every document; the current one's text and analysis live in documents (NULL here).
CREATE TABLE document_versions (
  doc_id TEXT COLLATE "C" NOT NULL,
  version INTEGER NOT NULL,
  text_hash TEXT NOT NULL,
  title TEXT,
  published TEXT COLLATE "C",
  ingested_at TEXT NOT NULL,
  text TEXT,
  analysis TEXT,
  PRIMARY KEY (doc_id, version)
);

CREATE TABLE entities (
  doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  entity_id TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  roles JSONB NOT NULL,
  PRIMARY KEY (doc_id, entity_id)
);

CREATE TABLE mentions (
  doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  entity_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL
);
CREATE INDEX mentions_doc_pos ON mentions (doc_id, start);

CREATE TABLE statements (
  doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  statement_id TEXT COLLATE "C" NOT NULL,
  kind TEXT NOT NULL,
  speaker_entity TEXT,
  speaker_name TEXT,
  cue TEXT,
  content TEXT NOT NULL,
  channel TEXT,
  report_time TEXT COLLATE "C",
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  sentence_start INTEGER NOT NULL,
  sentence_end INTEGER NOT NULL,
  PRIMARY KEY (doc_id, statement_id)
);

CREATE TABLE statement_entities (
  doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  statement_id TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('speaker', 'about')),
  PRIMARY KEY (doc_id, statement_id, entity_id, role)
);
CREATE INDEX statement_entities_entity ON statement_entities (doc_id, entity_id, role);

CREATE TABLE timexes (
  doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  timex_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL,
  value TEXT COLLATE "C" NOT NULL,
  resolved BOOLEAN NOT NULL,
  sentence_start INTEGER NOT NULL,
  sentence_end INTEGER NOT NULL,
  sentence TEXT NOT NULL,
  PRIMARY KEY (doc_id, timex_id)
);
CREATE INDEX timexes_value ON timexes (value);

CREATE TABLE claims (
  doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  claim_id TEXT NOT NULL,
  statement_id TEXT,
  text TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  status TEXT NOT NULL,
  by_entities JSONB NOT NULL, -- array of entity ids, in the analysis's order
  evidence TEXT,
  PRIMARY KEY (doc_id, claim_id)
);
CREATE INDEX claims_status ON claims (status);

-- One row per piece of document text (see SEARCH_PART_CHARS) and per statement content.
CREATE TABLE search_rows (
  doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  kind TEXT COLLATE "C" NOT NULL CHECK (kind IN ('document', 'statement')),
  statement_id TEXT COLLATE "C",
  part INTEGER NOT NULL,
  body TEXT NOT NULL,
  tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('${SEARCH_CONFIG}', body)) STORED
);
CREATE INDEX search_rows_tsv ON search_rows USING gin (tsv);
CREATE INDEX search_rows_doc ON search_rows (doc_id);

-- The corpus layer's state. The row always exists (state NULL until first built) so that writers can queue on
-- its row lock (SELECT ... FOR UPDATE) even before there is a state.
CREATE TABLE corpus_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  state TEXT,
  documents INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);
INSERT INTO corpus_state (id, state, documents, updated_at) VALUES (1, NULL, 0, '');
`;

/** Step N takes a PostgreSQL store from schema N to N+1, inside the caller's transaction. None yet. */
export const PG_MIGRATIONS: Record<number, string> = {};
