/**
 * Connecting to a PostgreSQL store: the URL as the user gave it (`postgres://user@host:port/db?schema=name`), the
 * pool's settings, and failures turned into one line that names the server (never the password, never a stack).
 */
import pg from 'pg';
import { redactLocation } from './location.js';

/** The server could not be reached, refused the login, or lacks the database; the message names the host. */
export class StoreConnectionError extends Error {}

export interface PgLocation {
  /** The URL given, password hidden: what messages show. */
  shown: string;
  /** host:port (or the socket folder), for messages. */
  server: string;
  /** The connection string passed to `pg`, without our own `schema` parameter. */
  connectionString: string;
  /** The schema the store's tables live in; null for the connection's default (public). */
  schema: string | null;
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export function parsePgLocation(url: string): PgLocation {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StoreConnectionError(`${redactLocation(url)}: not a valid PostgreSQL URL (postgres://user@host:port/database)`);
  }
  const schema = parsed.searchParams.get('schema');
  if (schema !== null && !SCHEMA_NAME.test(schema)) {
    throw new StoreConnectionError(`${redactLocation(url)}: schema '${schema}' is not a plain SQL name (letters, digits, _)`);
  }
  parsed.searchParams.delete('schema');
  const socketHost = parsed.searchParams.get('host');
  const host = decodeURIComponent(parsed.hostname) || socketHost || 'localhost';
  return {
    shown: redactLocation(url),
    server: host.startsWith('/') ? host : `${host}:${parsed.port || '5432'}`,
    connectionString: parsed.toString(),
    schema,
  };
}

export interface PoolSettings {
  readonly: boolean;
  /** Connections per process. */
  max?: number;
  connectTimeoutMs?: number;
}

export function createPool(where: PgLocation, settings: PoolSettings): pg.Pool {
  // Session settings go in the startup packet, so every pooled connection has them before its first query.
  const options = [
    where.schema ? `-c search_path=${where.schema}` : '',
    settings.readonly ? '-c default_transaction_read_only=on' : '',
  ].filter(Boolean).join(' ');
  const pool = new pg.Pool({
    connectionString: where.connectionString,
    max: settings.max ?? 4,
    connectionTimeoutMillis: settings.connectTimeoutMs ?? 5000,
    idleTimeoutMillis: 10_000,
    application_name: 'claimline',
    ...(options ? { options } : {}),
  });
  // An idle connection the server closed (restart, failover) must not crash the process: the pool drops it and
  // the next query opens a new one.
  pool.on('error', () => undefined);
  return pool;
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);

/** Whether an error means the connection to the server failed or was lost (worth retrying once it is back). */
export function isConnectionFailure(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  const message = (e as Error)?.message ?? '';
  return UNREACHABLE.has(code) || code === '57P01' || code === '57P03' || code.startsWith('08')
    || /timeout expired|connection terminated|Connection terminated/i.test(message);
}

/** One line for a failure to reach or use the server, naming it; other errors pass through unchanged. */
export function connectionError(where: PgLocation, e: unknown): Error {
  if (e instanceof StoreConnectionError) return e;
  const err = e as { code?: string; message?: string };
  const code = err.code ?? '';
  const message = err.message ?? String(e);
  if (UNREACHABLE.has(code) || /timeout expired|connection terminated due to connection timeout/i.test(message)) {
    const why = code === 'ECONNREFUSED' ? 'connection refused: is the server running?'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'no such host'
        : /timeout/i.test(message) || code === 'ETIMEDOUT' ? 'no answer within the connect timeout' : message;
    return new StoreConnectionError(`cannot connect to PostgreSQL at ${where.server} (${where.shown}): ${why}`);
  }
  if (code === '3D000' || code === '28P01' || code === '28000' || code === '42501' || code.startsWith('08') || code === '57P03') {
    return new StoreConnectionError(`PostgreSQL at ${where.server} (${where.shown}): ${message}`);
  }
  return e as Error;
}
