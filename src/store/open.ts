/** Opens a store from its location string: a path, `sqlite:PATH`, `file:PATH`, or `postgres://...`. */
import { parseStoreLocation } from './location.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export interface OpenStoreOptions {
  /** For queries only: never writes, so a store on read-only media (or behind a read-only role) can be read. */
  readonly?: boolean;
}

export async function openStore(location: string, opts: OpenStoreOptions = {}): Promise<Store> {
  const where = parseStoreLocation(location);
  if (where.kind === 'postgres') {
    // Loaded only when asked for: SQLite users never load the PostgreSQL client.
    const { PostgresStore } = await import('./postgres.js');
    return PostgresStore.open(where.url, { readonly: opts.readonly });
  }
  return SqliteStore.open(where.file, { readonly: opts.readonly });
}
