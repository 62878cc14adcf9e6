/**
 * Schema migrations: step N takes a store from schema N to N+1, inside the caller's transaction, without losing
 * anything stored. A store is migrated the first time a writable claimline opens it.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { VERSIONS_SQL } from './schema.js';

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
};

/** Runs every step from `from` up to `to`; the caller sets user_version and owns the transaction. */
export function migrate(db: Database.Database, from: number, to: number): void {
  for (let v = from; v < to; v++) {
    const step = STEPS[v];
    if (!step) throw new Error(`no migration from store schema ${v} to ${v + 1}`);
    step(db);
  }
}
