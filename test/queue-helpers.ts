/**
 * Helpers for the queue tests: the PostgreSQL they need (CLAIMLINE_TEST_PG, default the local `test` database),
 * a pg-boss schema of their own per test (several test files share the server) dropped at the end, and
 * `claimline` run as a real process so that kill -9 and signals are real.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { packageRoot } from '../src/util/paths.js';

export const PG_URL = process.env.CLAIMLINE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const BIN = path.join(packageRoot(), 'bin/claimline.js');

/** Fails with a message naming the server (never hangs) when PostgreSQL cannot be reached. */
export async function requirePostgres(): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (e) {
    assert.fail(`the queue tests need PostgreSQL at ${PG_URL} (set CLAIMLINE_TEST_PG): ${(e as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A schema name no other test (in this file or another, in this run or a parallel one) uses. */
export function uniqueSchema(tag: string): string {
  return `clq_${tag}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

export async function dropSchema(schema: string): Promise<void> {
  await sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}

/** A `claimline` process: its stdout lines as they come, its stderr, and its exit. */
export class CliProcess {
  readonly child: ChildProcess;
  readonly lines: string[] = [];
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private waiters: { test: (line: string) => boolean; resolve: (line: string) => void }[] = [];

  constructor(args: string[], env: Record<string, string> = {}, stdin?: string) {
    this.child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let buf = '';
    this.child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      buf += d;
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        this.lines.push(line);
        this.waiters = this.waiters.filter((w) => (w.test(line) ? (w.resolve(line), false) : true));
      }
    });
    this.child.stderr!.setEncoding('utf8').on('data', (d: string) => { this.stderr += d; });
    if (stdin !== undefined) this.child.stdin!.end(stdin);
    else this.child.stdin!.end();
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  /** The first stdout line (already seen or to come) that passes `test`; fails after `ms` naming what it waited for. */
  waitForLine(test: (line: string) => boolean, what: string, ms = 120_000): Promise<string> {
    const seen = this.lines.find(test);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms; stderr:\n${this.stderr}`)), ms);
      this.exited.then(() => setTimeout(() => reject(new Error(`process exited before ${what}; stderr:\n${this.stderr}`)), 50));
      this.waiters.push({ test, resolve: (l) => { clearTimeout(timer); resolve(l); } });
    });
  }

  /** Waits for the exit; fails (with stderr) when it takes longer than `ms`, killing the process. */
  async finish(ms = 240_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => { this.child.kill('SIGKILL'); reject(new Error(`process did not exit within ${ms} ms; stderr:\n${this.stderr}`)); }, ms);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  json<T>(): T[] {
    return this.lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as T);
  }
}

export function runCliProcess(args: string[], env: Record<string, string> = {}, stdin?: string): Promise<CliProcess> {
  const p = new CliProcess(args, env, stdin);
  return p.finish().then(() => p);
}
