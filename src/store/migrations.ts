/**
 * Schema migrations: step N takes a store from schema N to N+1, inside the caller's transaction, without losing
 * anything stored. A store is migrated the first time a writable claimline opens it.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { CORPUS_STATE_SQL, FTS_ROWS_PER_DOC, VERSIONS_SQL } from './schema.js';

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

const STEPS: Record<number, (db: Database.Database) => void> = {
  // 1 -> 2: document versions. Every stored document becomes version 1 of itself.
  1: (db) => {
    db.function('sha256_text', { deterministic: true }, (s: unknown) => sha256(String(s)));
    db.exec(`
      ALTER TABLE documents ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE documents ADD COLUMN text_hash TEXT NOT NULL DEFAULT '';
      UPDATE documents SET text_hash = sha256_text(text);
      CREATE INDEX documents_published ON documents (published);
      CREATE INDEX claims_status ON claims (status);
      ${VERSIONS_SQL}
      INSERT INTO document_versions (doc_id, version, text_hash, title, published, ingested_at, text, analysis)
        SELECT id, 1, text_hash, title, published, ingested_at, NULL, NULL FROM documents;
    `);
  },
  // 2 -> 3: each document's full-text rows get a rowid range of their own (documents.fts_base), so replacing a
  // document no longer scans the whole index; statements are found from their entities by an index.
  2: (db) => {
    db.exec(`
      ALTER TABLE documents ADD COLUMN fts_base INTEGER NOT NULL DEFAULT 0;
      UPDATE documents SET fts_base = (SELECT n FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM documents) r
        WHERE r.id = documents.id);
      CREATE UNIQUE INDEX documents_fts_base ON documents (fts_base);
      CREATE TEMP TABLE fts_old AS SELECT rowid AS old, body, kind, doc_id, statement_id FROM fts;
      DELETE FROM fts;
      INSERT INTO fts (rowid, body, kind, doc_id, statement_id)
        SELECT d.fts_base * ${FTS_ROWS_PER_DOC} + CASE WHEN o.kind = 'document' THEN 0
            ELSE row_number() OVER (PARTITION BY o.doc_id, o.kind ORDER BY o.old) END,
          o.body, o.kind, o.doc_id, o.statement_id
        FROM fts_old o JOIN documents d ON d.id = o.doc_id;
      DROP TABLE fts_old;
      CREATE INDEX statement_entities_entity ON statement_entities (doc_id, entity_id, role);
    `);
  },
  // 3 -> 4: the corpus layer's persisted state. Empty after migrating: the first corpus query or ingest builds it
  // from the stored analyses.
  3: (db) => {
    db.exec(CORPUS_STATE_SQL);
  },
};

/** Runs every step from `from` up to `to`; the caller sets user_version and owns the transaction. */
export function migrate(db: Database.Database, from: number, to: number): void {
  for (let v = from; v < to; v++) {
    const step = STEPS[v];
    if (!step) throw new Error(`no migration from store schema ${v} to ${v + 1}`);
    step(db);
  }
}
