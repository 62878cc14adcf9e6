/**
 * `npm run bench:web [-- --docs N --duration S --connections C --posts P]`: the web app under load on loopback.
 *
 * 1. Builds a SQLite store in a temporary directory from N articles (default 1000; see bench/web-articles.ts) with
 *    `claimline ingest`, exactly as a user would.
 * 2. Starts `claimline serve` on it as a child process, and collects the article and speaker page URLs by following
 *    the /articles and /speakers lists (so the benchmark reads the pages a reader reaches, not guessed ids).
 * 3. autocannon: C concurrent connections (default 50) for S seconds (default 30), each request taking the next URL
 *    of one rotating list that interleaves article and speaker pages; requests/s, latency p50/p99, and every error,
 *    timeout and non-2xx response counted as an error.
 * 4. The analyse endpoint: P (default 20) POSTs, one at a time, of distinct ~800-word articles; p50/p99 latency.
 *
 * Prints a Markdown table for the README. Nothing is asserted beyond exiting 1 when the load run had errors.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { ingestRecords, startServer, tempStore, type RunningServer } from '../test/browser.js';
import { analyseTexts, storeArticles } from './web-articles.js';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}

const say = (s: string) => process.stderr.write(s + '\n');

/**
 * Every distinct link under `prefix` found on the list page `listPath` and the pages its rel="next" links lead to,
 * up to `cap` links. Reading hrefs out of the HTML keeps the benchmark to URLs the app itself writes.
 */
async function crawlLinks(server: RunningServer, listPath: string, prefix: string, cap: number): Promise<string[]> {
  const found = new Set<string>();
  let next: string | null = `${listPath}?limit=500`;
  for (let pages = 0; next && found.size < cap && pages < 100; pages++) {
    const r: Response = await fetch(server.url + next, { signal: AbortSignal.timeout(30_000) });
    if (r.status !== 200) throw new Error(`GET ${next}: ${r.status}`);
    const html: string = await r.text();
    for (const m of html.matchAll(/href="([^"]+)"/g)) {
      const href = m[1]!.replace(/&amp;/g, '&');
      if (href.startsWith(prefix) && !href.includes('?') && !href.endsWith('.json')) found.add(href);
    }
    next = /<a[^>]*rel="next"[^>]*href="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? null;
  }
  return [...found].slice(0, cap);
}

/** `a` and `b` interleaved (a0 b0 a1 b1 ...), the longer list's tail cycling the shorter one's. */
function interleave(a: string[], b: string[]): string[] {
  const n = Math.max(a.length, b.length);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (a.length) out.push(a[i % a.length]!);
    if (b.length) out.push(b[i % b.length]!);
  }
  return out;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main(): Promise<number> {
  const docs = flag('docs', 1000);
  const duration = flag('duration', 30);
  const connections = flag('connections', 50);
  const posts = flag('posts', 20);
  const store = tempStore('claimline-bench-web-');
  let server: RunningServer | null = null;
  try {
    const { articles, source } = storeArticles(docs);
    say(`ingesting ${articles.length} articles (${source}) ...`);
    const t0 = performance.now();
    await ingestRecords(store.file, articles, store.dir);
    const ingestS = (performance.now() - t0) / 1000;
    say(`ingested in ${ingestS.toFixed(1)} s; store ${(fs.statSync(store.file).size / 2 ** 20).toFixed(1)} MB`);

    server = await startServer(store.file, { ms: 120_000 });
    const articleUrls = await crawlLinks(server, '/articles', '/article/', 5000);
    const speakerUrls = await crawlLinks(server, '/speakers', '/speaker/', 5000);
    if (!articleUrls.length || !speakerUrls.length) throw new Error(`found ${articleUrls.length} article and ${speakerUrls.length} speaker links: nothing to load`);
    const urls = interleave(articleUrls, speakerUrls);
    say(`${articleUrls.length} article and ${speakerUrls.length} speaker pages; ${connections} connections for ${duration} s ...`);

    let turn = 0;
    const load = await autocannon({
      url: server.url,
      connections,
      duration,
      timeout: 10,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: urls[turn++ % urls.length]! }) }],
    });
    // autocannon counts timeouts among its errors: add only the non-2xx answers to them.
    const loadErrors = load.errors + load.non2xx;
    const statusCounts = Object.entries(load.statusCodeStats ?? {}).map(([code, s]) => `${code}: ${s.count}`).join(', ');
    say(`load: ${load.requests.total} requests (${statusCounts}), ${load.errors} errors, ${load.timeouts} timeouts, ${load.non2xx} non-2xx`);

    const texts = analyseTexts(posts);
    const analyseMs: number[] = [];
    let analyseErrors = 0;
    for (const [i, text] of texts.entries()) {
      const s0 = performance.now();
      const r = await fetch(`${server.url}/analyse`, {
        method: 'POST',
        // The JSON client's form of the analyse page (the same fields the HTML form posts).
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ text, published: '2019-06-01', title: `Benchmark article ${i + 1}` }),
        redirect: 'manual',
        signal: AbortSignal.timeout(120_000),
      });
      await r.arrayBuffer();
      analyseMs.push(performance.now() - s0);
      if (r.status >= 400) { analyseErrors++; say(`analyse POST ${i + 1}: ${r.status}`); }
    }
    analyseMs.sort((a, b) => a - b);
    const words = Math.round(texts.reduce((n, t) => n + t.split(/\s+/).length, 0) / texts.length);

    const load1 = os.loadavg()[0]!.toFixed(1);
    const lines = [
      `| what | figure |`,
      `|---|---|`,
      `| store | ${articles.length} articles, ${articleUrls.length} article pages, ${speakerUrls.length} speaker pages |`,
      `| article + speaker pages, ${connections} connections, ${duration} s | ${load.requests.average.toFixed(0)} requests/s, p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms |`,
      `| errors (connection, timeout, non-2xx) | ${loadErrors} of ${load.requests.total}${load.timeouts ? ` (${load.timeouts} timeouts over 10 s)` : ""} |`,
      `| analyse, ${texts.length} POSTs of ~${words}-word articles, one at a time | p50 ${percentile(analyseMs, 50).toFixed(0)} ms, p99 ${percentile(analyseMs, 99).toFixed(0)} ms${analyseErrors ? `, ${analyseErrors} errors` : ''} |`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
    process.stdout.write(`\nNode ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load average ${load1} at the end; autocannon runs in the same machine as the server.\n`);
    return loadErrors || analyseErrors ? 1 : 0;
  } finally {
    await server?.stop();
    if (!process.argv.includes('--keep')) store.remove();
    else say(`store kept at ${store.file}`);
  }
}

process.exitCode = await main();
