/** Opens a store from its location string (a path, `sqlite:PATH`, `file:PATH`; `postgres://` not yet). */
import { parseStoreLocation } from './location.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export interface OpenStoreOptions {
  /** For queries only: never writes, so a store on read-only media can be read. */
  readonly?: boolean;
}

export async function openStore(location: string, opts: OpenStoreOptions = {}): Promise<Store> {
  const where = parseStoreLocation(location);
  return SqliteStore.open(where.file, { readonly: opts.readonly });
}
