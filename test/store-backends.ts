/**
 * The store backends the one store suite (test/store-suite.ts) runs against. Each hands out locations of fresh,
 * empty stores: SQLite files in a temporary folder; PostgreSQL schemas in a database created for this test file
 * (claimline_t_<random>, dropped at the end), because several test files and helpers share the one server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type OpenStoreOptions, type Store } from '../src/store/index.js';

export interface StoreBackend {
  name: 'sqlite' | 'postgres';
  /** Prepares what the locations need (a folder, a database); fails with a clear message when it cannot. */
  setup(): Promise<void>;
  /** The location of a new, empty store, as `--store` takes it. */
  freshLocation(): string;
  open(location: string, opts?: OpenStoreOptions): Promise<Store>;
  teardown(): Promise<void>;
}

export function sqliteBackend(): StoreBackend {
  let dir = '';
  let n = 0;
  return {
    name: 'sqlite',
    async setup() { dir = mkdtempSync(join(tmpdir(), 'claimline-store-suite-')); },
    freshLocation: () => join(dir, `store${++n}.db`),
    open: (location, opts) => openStore(location, opts),
    async teardown() { rmSync(dir, { recursive: true, force: true }); },
  };
}

/** The server the PostgreSQL tests use: $CLAIMLINE_TEST_PG (.ci/run sets it), else the local trust-auth default. */
export const TEST_PG = process.env.CLAIMLINE_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test';
const CONNECT_TIMEOUT_MS = 4000;

/** TEST_PG with another database name (and no password shown when printed: see `shownServer`). */
export function pgUrl(database: string, params = ''): string {
  const url = new URL(TEST_PG);
  url.pathname = `/${database}`;
  url.search = params;
  return url.toString();
}

const shownServer = (): string => TEST_PG.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');

/** Runs `fn` on one connection to the test server's own database; a server that does not answer fails clearly. */
export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_PG, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (e) {
    throw new Error(`PostgreSQL not reachable at ${shownServer()} (${(e as Error).message || (e as { code?: string }).code}): `
      + 'the PostgreSQL store tests need it; .ci/run starts it');
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function postgresBackend(): StoreBackend {
  const database = `claimline_t_${randomBytes(6).toString('hex')}`;
  let n = 0;
  let created = false;
  return {
    name: 'postgres',
    async setup() {
      await withAdmin((c) => c.query(`CREATE DATABASE ${database}`));
      created = true;
    },
    // One schema per store: creating one costs a few milliseconds, a database a second.
    freshLocation: () => pgUrl(database, `?schema=s${++n}`),
    open: (location, opts) => openStore(location, opts),
    async teardown() {
      if (created) await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    },
  };
}
