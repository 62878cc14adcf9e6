/**
 * `npm run bench:scale`: ingestion throughput through the queue with 1 and 2 worker processes, into each store
 * backend this build can open (SQLite always; PostgreSQL when openStore accepts a postgres:// location), then
 * the exactly-once check at scale: 10,000 queued documents, 2 workers, every one stored once (store counts).
 *
 *   node dist/bench/scale.js [--docs 2000] [--verify 10000] [--stores sqlite,postgres] [--workers 1,2] [--concurrency 1] [--batch N]
 *
 * Needs PostgreSQL for the queue (CLAIMLINE_TEST_PG, default postgres://postgres@127.0.0.1:5432/test); each run
 * uses a pg-boss schema of its own (and, for the PostgreSQL store, a store schema of its own), dropped after.
 * Articles/s is the steady rate: stored documents over the time from the first job taken to the last stored,
 * so process start and model loading (about a second, once per worker process) are left out; the wall time
 * with them is shown too.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openStore } from '../src/store/index.js';
import { packageRoot } from '../src/util/paths.js';
import { syntheticJsonl } from './scale-docs.js';

const PG_URL = process.env.CLAIMLINE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const BIN = path.join(packageRoot(), 'bin/claimline.js');

interface Run {
  store: string;
  workers: number;
  docs: number;
  wallS: number;
  steadyS: number;
  rate: number;
  documents: number;
  versions: number;
  inserted: number;
  failed: number;
  /** Each worker process's time by phase (ms), as it reported it. */
  profiles: Record<string, number>[];
  /** Corpus updates run (and skipped because another worker's was under way), over all workers, and their ms. */
  corpusRuns: number;
  corpusSkipped: number;
  corpusMs: number;
  /** CPU seconds the local PostgreSQL server used during the workers' run (all its clients), null when unreadable. */
  pgCpuS: number | null;
}

/**
 * CPU seconds used so far by the local PostgreSQL server: its postmaster's children, live (their own times) and
 * ended (reaped into the postmaster's cutime/cstime). Linux /proc only; null elsewhere or when none is found.
 * Other clients of the server count too: on a shared machine this is an upper bound for the benchmark's share.
 */
function postgresCpuSeconds(): number | null {
  try {
    const tick = 100; // USER_HZ on Linux
    const procs = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map((pid) => {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // f[0] is field 3 (state): field n is f[n - 3].
        return { pid: Number(pid), comm, ppid: Number(f[1]), own: Number(f[11]) + Number(f[12]), reaped: Number(f[13]) + Number(f[14]) };
      } catch {
        return null;
      }
    }).filter((p): p is NonNullable<typeof p> => p !== null);
    const master = procs.find((p) => p.comm === 'postgres' && !procs.some((q) => q.pid === p.ppid && q.comm === 'postgres'));
    if (!master) return null;
    const children = procs.filter((p) => p.ppid === master.pid).reduce((sum, p) => sum + p.own, 0);
    return (master.own + master.reaped + children) / tick;
  } catch {
    return null;
  }
}

async function sql(text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    return await c.query(text, values);
  } finally {
    await c.end();
  }
}

function claimline(args: string[], stdin: string | null, onLine: (line: string, at: number) => void): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let buf = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      const at = performance.now();
      buf += d;
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        onLine(buf.slice(0, nl), at);
        buf = buf.slice(nl + 1);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

/** Where a fresh, empty store of this kind lives; null when this build cannot open that kind. */
async function freshStore(kind: string, tag: string, dir: string): Promise<{ location: string; drop: () => Promise<void> } | null> {
  if (kind === 'sqlite') {
    const file = path.join(dir, `${tag}.db`);
    return { location: file, drop: async () => fs.rmSync(file, { force: true }) };
  }
  const schema = `clbench_store_${tag}`;
  const url = new URL(PG_URL);
  url.searchParams.set('schema', schema);
  try {
    const s = await openStore(url.toString());
    await s.close();
  } catch (e) {
    console.error(`(PostgreSQL store skipped: ${(e as Error).message})`);
    return null;
  }
  return { location: url.toString(), drop: async () => { await sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`); } };
}

async function run(kind: string, workers: number, docs: number, concurrency: number, batch: string | undefined, dir: string): Promise<Run | null> {
  const tag = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const store = await freshStore(kind, tag, dir);
  if (!store) return null;
  const queueSchema = `clbench_q_${tag}`;
  const q = ['--queue', PG_URL, '--queue-schema', queueSchema];
  try {
    const enq = await claimline(['enqueue', '-', ...q, '--quiet'], syntheticJsonl(docs), () => undefined);
    if (enq.code !== 0) throw new Error(`enqueue failed: ${enq.stderr}`);
    let firstStart = Infinity;
    let lastStored = 0;
    let inserted = 0;
    let failed = 0;
    let corpusRuns = 0;
    let corpusSkipped = 0;
    let corpusMs = 0;
    const profiles: Record<string, number>[] = [];
    const pg0 = postgresCpuSeconds();
    const t0 = performance.now();
    const results = await Promise.all(Array.from({ length: workers }, () => claimline(
      ['worker', ...q, '--store', store.location, '--until-empty', '--poll', '0.5', '--format', 'jsonl', '--profile', '--quiet',
        '--concurrency', String(concurrency), ...(batch ? ['--batch', batch] : [])],
      null, (line, at) => {
        const e = JSON.parse(line) as { type: string; status?: string; ms?: Record<string, number> & number; skipped?: boolean };
        if (e.type === 'started') firstStart = Math.min(firstStart, at);
        else if (e.type === 'stored') {
          lastStored = Math.max(lastStored, at);
          if (e.status === 'inserted') inserted++;
        } else if (e.type === 'failed') failed++;
        else if (e.type === 'profile') profiles.push(e.ms!);
        else if (e.type === 'corpus') {
          if (e.skipped) corpusSkipped++;
          else corpusRuns++;
          corpusMs += e.ms!;
        }
      })));
    const wallS = (performance.now() - t0) / 1000;
    const pg1 = postgresCpuSeconds();
    for (const r of results) if (r.code !== 0) throw new Error(`worker failed: ${r.stderr}`);
    const s = await openStore(store.location, { readonly: true });
    const stats = await s.stats();
    await s.close();
    const steadyS = (lastStored - firstStart) / 1000;
    return {
      store: kind, workers, docs, wallS, steadyS, rate: stats.documents / steadyS,
      documents: stats.documents, versions: stats.versions, inserted, failed, profiles, corpusRuns, corpusSkipped, corpusMs,
      pgCpuS: pg0 === null || pg1 === null ? null : pg1 - pg0,
    };
  } finally {
    await sql(`DROP SCHEMA IF EXISTS ${queueSchema} CASCADE`).catch(() => undefined);
    await store.drop();
  }
}

/** Where each worker process's time went, as a share of its run (the worker's own timers, src/queue/worker.ts). */
function profileTable(rows: Run[]): string {
  const phases = ['fetch', 'analyse', 'store', 'complete', 'corpus', 'idle'];
  const head = ['store', 'workers', 'worker', 'total s', ...phases.map((p) => `${p} %`), 'other %', 'corpus runs/skipped/s',
    'worker cpu ms/doc', 'pg cpu ms/doc'];
  const body = rows.flatMap((r) => r.profiles.map((p, i) => {
    const total = p.total || 1;
    const known = phases.reduce((sum, k) => sum + (p[k] ?? 0), 0);
    return [r.store, String(r.workers), String(i + 1), (total / 1000).toFixed(1),
      ...phases.map((k) => (100 * (p[k] ?? 0) / total).toFixed(1)), (100 * (total - known) / total).toFixed(1),
      `${r.corpusRuns}/${r.corpusSkipped}/${(r.corpusMs / 1000).toFixed(1)}`,
      // Per stored document: the CPU all worker processes and the PostgreSQL server spent on it.
      (r.profiles.reduce((sum, q) => sum + (q.cpu ?? 0), 0) / r.documents).toFixed(2), r.pgCpuS === null ? '-' : (1000 * r.pgCpuS / r.documents).toFixed(2)];
  }));
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  return [fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...body.map(fmt)].join('\n');
}

function table(rows: Run[]): string {
  const head = ['store', 'workers', 'docs', 'wall s', 'steady s', 'articles/s', 'stored docs', 'versions', 'inserted', 'failed', 'duplicates'];
  const body = rows.map((r) => [r.store, r.workers, r.docs, r.wallS.toFixed(1), r.steadyS.toFixed(1), r.rate.toFixed(1), r.documents,
    r.versions, r.inserted, r.failed, r.versions - r.documents + (r.inserted - r.documents)].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  return [fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...body.map(fmt)].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: {
    docs: { type: 'string', default: '2000' }, verify: { type: 'string', default: '10000' },
    stores: { type: 'string', default: 'sqlite,postgres' }, concurrency: { type: 'string', default: '1' },
    workers: { type: 'string', default: '1,2' }, batch: { type: 'string' },
  } });
  const workerCounts = values.workers!.split(',').map(Number);
  const docs = Number(values.docs);
  const verify = Number(values.verify);
  const concurrency = Number(values.concurrency);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimline-scale-'));
  console.log(`bench:scale on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at start`);
  console.log(`queue: pg-boss in ${PG_URL.replace(/:[^/@:]*@/, ':***@')}; ${docs} small synthetic articles per throughput run\n`);
  const rows: Run[] = [];
  try {
    for (const kind of values.stores!.split(',')) {
      for (const workers of workerCounts) {
        const r = await run(kind, workers, docs, concurrency, values.batch, dir);
        if (!r) break;
        rows.push(r);
        console.error(`${kind}, ${workers} worker(s): ${r.rate.toFixed(1)} articles/s`);
      }
    }
    console.log(table(rows));
    console.log('\nwhere worker time went (share of each worker process\'s run; corpus %: waiting for a corpus update; corpus s: all updates, most in the background)');
    console.log(profileTable(rows));
    for (const kind of new Set(rows.map((r) => r.store))) {
      const one = rows.find((r) => r.store === kind && r.workers === 1);
      const two = rows.find((r) => r.store === kind && r.workers === 2);
      if (one && two) console.log(`${kind}: 2 workers / 1 worker = ${(two.rate / one.rate).toFixed(2)}x (bar 1.7x)`);
    }
    if (verify > 0) {
      console.log(`\nexactly once at scale: ${verify} queued documents, 2 workers`);
      const checks: Run[] = [];
      for (const kind of new Set(rows.map((r) => r.store))) {
        const r = await run(kind, 2, verify, concurrency, values.batch, dir);
        if (r) checks.push(r);
      }
      console.log(table(checks));
      for (const r of checks) {
        const ok = r.documents === verify && r.versions === verify && r.inserted === verify && r.failed === 0;
        console.log(`${r.store}: ${r.documents} stored of ${verify}, ${r.versions - r.documents} spurious versions, ${r.inserted - r.documents} duplicate inserts: ${ok ? 'OK' : 'FAILED'}`);
        if (!ok) process.exitCode = 1;
      }
    }
    console.log(`\nload average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at the end: this machine is shared, so the figures are noisy`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
