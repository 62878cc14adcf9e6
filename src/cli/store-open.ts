/**
 * The store a CLI command works on: `--store LOCATION` (alias `--db`), else $CLAIMLINE_STORE, else ./claimline.db;
 * opened read-only for query commands. Every failure to open becomes one line on stderr and exit code 3.
 */
import fs from 'node:fs';
import { openStore as openLocation, parseStoreLocation, redactLocation, StoreUnsupportedError } from '../store/index.js';
import type { Store } from '../store/store.js';
import { UsageError, type Parsed } from './args.js';
import type { RunContext } from './context.js';

export const DEFAULT_STORE = 'claimline.db';

/** The flags that name the store, for every command that uses one. */
export const STORE_FLAGS = { store: { type: 'string' }, db: { type: 'string' } } as const;

export const STORE_FLAG_HELP = `  --store LOCATION         the store: a SQLite file path, sqlite:PATH or file:PATH, or a PostgreSQL URL
                           postgres://user@host:port/database[?schema=NAME] (default $CLAIMLINE_STORE,
                           else ./claimline.db). --db is an alias`;

export function storeLocation(values: Parsed['values']): string {
  const store = values.store as string | undefined;
  const db = values.db as string | undefined;
  if (store !== undefined && db !== undefined && store !== db) {
    throw new UsageError(`--store and --db name the same thing; give one (got '${store}' and '${db}')`);
  }
  // The environment names a shared store (a PostgreSQL server) once, for every command a deployment runs.
  const env = process.env.CLAIMLINE_STORE?.trim();
  return store ?? db ?? (env ? env : DEFAULT_STORE);
}

export async function openStore(location: string, ctx: RunContext, opts: { readonly?: boolean } = {}): Promise<Store | null> {
  try {
    const where = parseStoreLocation(location);
    if (opts.readonly && where.kind === 'sqlite' && !fs.existsSync(where.file)) {
      ctx.stderr.write(`claimline: ${location}: no such store (create one with 'claimline ingest')\n`);
      return null;
    }
    return await openLocation(location, opts);
  } catch (e) {
    if (e instanceof StoreUnsupportedError) ctx.stderr.write(`claimline: ${(e as Error).message}\n`);
    else {
      // Store errors name the file or server already; say it once, and never print a password.
      const msg = (e as Error).message;
      const shown = redactLocation(location);
      ctx.stderr.write(`claimline: ${msg.includes(location) || msg.includes(shown) ? msg : `${shown}: ${msg}`}\n`);
    }
    return null;
  }
}
