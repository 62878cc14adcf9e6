/**
 * The store a CLI command works on: `--store LOCATION` (alias `--db`), default ./claimline.db; opened read-only
 * for query commands. Every failure to open becomes one line on stderr and exit code 3.
 */
import fs from 'node:fs';
import { openStore as openLocation, parseStoreLocation, StoreUnsupportedError } from '../store/index.js';
import type { Store } from '../store/store.js';
import { UsageError, type Parsed } from './args.js';
import type { RunContext } from './context.js';

export const DEFAULT_STORE = 'claimline.db';

/** The flags that name the store, for every command that uses one. */
export const STORE_FLAGS = { store: { type: 'string' }, db: { type: 'string' } } as const;

export const STORE_FLAG_HELP = `  --store LOCATION         the store: a SQLite file path, sqlite:PATH or file:PATH (default ./claimline.db;
                           postgres:// URLs are not supported yet). --db is an alias`;

export function storeLocation(values: Parsed['values']): string {
  const store = values.store as string | undefined;
  const db = values.db as string | undefined;
  if (store !== undefined && db !== undefined && store !== db) {
    throw new UsageError(`--store and --db name the same thing; give one (got '${store}' and '${db}')`);
  }
  return store ?? db ?? DEFAULT_STORE;
}

export async function openStore(location: string, ctx: RunContext, opts: { readonly?: boolean } = {}): Promise<Store | null> {
  try {
    const { file } = parseStoreLocation(location);
    if (opts.readonly && !fs.existsSync(file)) {
      ctx.stderr.write(`claimline: ${location}: no such store (create one with 'claimline ingest')\n`);
      return null;
    }
    return await openLocation(location, opts);
  } catch (e) {
    if (e instanceof StoreUnsupportedError) ctx.stderr.write(`claimline: ${(e as Error).message}\n`);
    else {
      // Store errors name the file already; say it once.
      const msg = (e as Error).message;
      ctx.stderr.write(`claimline: ${msg.includes(location) ? msg : `${location}: ${msg}`}\n`);
    }
    return null;
  }
}
