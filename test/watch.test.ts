/**
 * `claimline watch` against a local news site (watch-fixtures.ts) and the local PostgreSQL (each test in a queue
 * schema of its own, dropped at the end): new items are queued once and stored once by a worker, the second poll
 * is a conditional GET answered 304, a new item alone is queued, a restart queues nothing again, a feed on a
 * private address is refused without --allow-private-addresses, a broken feed is reported by URL while the others
 * go on; without a queue the articles are stored in-process with the state in a file; SIGTERM stops cleanly.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openStore } from '../src/store/index.js';
import { parseFeedsFile } from '../src/watch/feeds-file.js';
import { backoffSeconds } from '../src/watch/watcher.js';
import { runCli } from './cli-run.js';
import { CliProcess, dropSchema, PG_URL, requirePostgres, sql, uniqueSchema } from './queue-helpers.js';
import { ITEMS, startNewsSite, type NewsSite } from './watch-fixtures.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimline-watch-'));
const schemas: string[] = [];
let site: NewsSite;

before(async () => {
  // The in-process runs must not pick up a queue or store from the environment of whoever runs the tests.
  delete process.env.CLAIMLINE_QUEUE;
  delete process.env.CLAIMLINE_QUEUE_SCHEMA;
  delete process.env.CLAIMLINE_STORE;
  site = await startNewsSite();
});
after(async () => {
  await site.close();
  for (const s of schemas) await dropSchema(s);
  fs.rmSync(tmp, { recursive: true, force: true });
});

function feedsFile(name: string, lines: string[]): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

interface Polled { type: 'polled'; url: string; status: string; items: number; newItems: number; taken: number; known: number }

function events<T>(out: string, type: string): T[] {
  return out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { type: string }).filter((e) => e.type === type) as T[];
}

async function storeDocs(file: string): Promise<{ documents: number; versions: number; ids: string[] }> {
  const s = await openStore(file, { readonly: true });
  try {
    const { documents, versions } = await s.stats();
    const ids: string[] = [];
    for (const item of ITEMS) {
      for (const id of [item.guid, `https://127.0.0.1:${site.server.port}/articles/${item.slug}`]) {
        if (id && (await s.analysis(id))) ids.push(id);
      }
    }
    return { documents, versions, ids: ids.sort() };
  } finally {
    await s.close();
  }
}

describe('feeds file', () => {
  it('takes URLs one per line with comments, JSON arrays and JSON Lines, and names each bad line', () => {
    const text = '# coast feeds\n\nhttps://a.example/rss  # the main one\n{"url": "https://b.example/atom"}\nftp://c.example/feed\nnot a url\nhttps://a.example/rss\n';
    const r = parseFeedsFile(text, 'feeds.txt');
    assert.deepEqual(r.urls, ['https://a.example/rss', 'https://b.example/atom']);
    assert.deepEqual(r.problems, ['feeds.txt:5: only http and https feeds are watched, not ftp: (ftp://c.example/feed)', 'feeds.txt:6: not a URL: "not a url"']);
    const json = parseFeedsFile('["https://a.example/rss", {"url": "http://b.example/x"}, 7]', 'f.json');
    assert.deepEqual(json.urls, ['https://a.example/rss', 'http://b.example/x']);
    assert.deepEqual(json.problems, ['f.json:3: expected a feed URL or {"url": …}']);
  });

  it('backs off a failing feed by doubling the interval, capped at 6 hours', () => {
    assert.deepEqual([0, 1, 2, 3, 10, 30].map((n) => backoffSeconds(300, n)), [300, 300, 600, 1200, 21600, 21600]);
    assert.equal(backoffSeconds(86400, 5), 86400, 'never sooner than the interval itself');
  });
});

describe('watch with a queue', () => {
  before(requirePostgres);

  it('queues the two items of a feed, a worker stores both once; the next poll gets a 304 and queues nothing; a new item alone is queued', async () => {
    const schema = uniqueSchema('watch');
    schemas.push(schema);
    const store = path.join(tmp, 'queued.db');
    const feeds = feedsFile('feeds-queue.txt', ['# the coast desk', `${site.origin}/news.xml`]);
    site.feed.items = [ITEMS[0]!, ITEMS[1]!];
    site.feed.version = 1;
    const q = ['--queue', PG_URL, '--queue-schema', schema];
    const watch = ['watch', feeds, '--once', ...q, '--allow-private-addresses', '--format', 'jsonl'];
    const worker = ['worker', ...q, '--store', store, '--until-empty', '--poll', '0.5', '--allow-private-addresses', '--quiet'];
    const before1 = site.feedRequests.length;

    const first = await runCli(watch);
    assert.equal(first.code, 0, first.err);
    assert.deepEqual(events<Polled>(first.out, 'polled').map((e) => [e.status, e.items, e.newItems, e.taken]), [['updated', 2, 2, 2]]);
    assert.match(first.err, /news\.xml: 2 new of 2 item\(s\): 2 queued, 0 already queued or done/);
    assert.equal(site.feedRequests[before1]?.ifNoneMatch, undefined, 'the first poll is unconditional');
    const saved = await sql<{ etag: string; seen: string[] }>(`SELECT etag, seen FROM ${schema}.claimline_watch_feed WHERE url = $1`, [`${site.origin}/news.xml`]);
    assert.equal(saved[0]?.etag, '"news-v1"');
    assert.ok(saved[0]?.seen.includes('coast-101'));

    const w1 = await runCli(worker);
    assert.equal(w1.code, 0, w1.err);
    assert.deepEqual(await storeDocs(store), {
      documents: 2, versions: 2, ids: ['coast-101', `https://127.0.0.1:${site.server.port}/articles/ferry-fares`].sort(),
    });

    // A restarted watcher (a new run) sends the saved validators and gets a 304: nothing queued.
    const second = await runCli(watch);
    assert.equal(second.code, 0, second.err);
    const conditional = site.feedRequests[site.feedRequests.length - 1]!;
    assert.deepEqual(conditional, { ifNoneMatch: '"news-v1"', ifModifiedSince: new Date(Date.UTC(2024, 2, 1) + 3600_000).toUTCString(), status: 304 });
    assert.deepEqual(events<Polled>(second.out, 'polled').map((e) => [e.status, e.taken]), [['not-modified', 0]]);
    assert.deepEqual(await sql(`SELECT count(*)::int AS n FROM ${schema}.job WHERE name = 'claimline_ingest' AND state < 'completed'`), [{ n: 0 }]);

    // A new item is published: only it is queued (the two known items are recognised by guid and link).
    site.feed.items = [ITEMS[2]!, ITEMS[0]!, ITEMS[1]!];
    site.feed.version = 2;
    const third = await runCli(watch);
    assert.equal(third.code, 0, third.err);
    assert.deepEqual(events<Polled>(third.out, 'polled').map((e) => [e.status, e.items, e.newItems, e.taken]), [['updated', 3, 1, 1]]);
    const articlesBefore = site.articleRequests.length;
    const w2 = await runCli(worker);
    assert.equal(w2.code, 0, w2.err);
    assert.deepEqual(site.articleRequests.slice(articlesBefore), ['lighthouse-museum'], 'only the new article was fetched');
    const docs = await storeDocs(store);
    assert.equal(docs.documents, 3);
    assert.equal(docs.versions, 3, 'each article stored once');
    assert.ok(docs.ids.includes('coast-103'));
  });

  it('gives a feed\'s items the same job identity as a worker expanding the feed\'s URL: nothing is queued twice', async () => {
    const schema = uniqueSchema('watch_same');
    schemas.push(schema);
    site.feed.items = [ITEMS[0]!, ITEMS[1]!];
    site.feed.version = 60;
    const q = ['--queue', PG_URL, '--queue-schema', schema];
    const enq = await runCli(['enqueue', `${site.origin}/news.xml`, ...q]);
    assert.equal(enq.code, 0, enq.err);
    const store = path.join(tmp, 'same.db');
    const worker = await runCli(['worker', ...q, '--store', store, '--until-empty', '--poll', '0.5', '--allow-private-addresses']);
    assert.equal(worker.code, 0, worker.err);
    assert.match(worker.err, /news\.xml: 2 item\(s\) queued/);
    const feeds = feedsFile('feeds-same.txt', [`${site.origin}/news.xml`]);
    const watch = await runCli(['watch', feeds, '--once', ...q, '--allow-private-addresses', '--format', 'jsonl']);
    assert.equal(watch.code, 0, watch.err);
    assert.deepEqual(events<Polled>(watch.out, 'polled').map((e) => [e.newItems, e.taken, e.known]), [[2, 0, 2]]);
    assert.deepEqual((await storeDocs(store)).documents, 2);
  });

  it('refuses a feed on a loopback address without --allow-private-addresses, before any request', async () => {
    const schema = uniqueSchema('watch_ssrf');
    schemas.push(schema);
    const feeds = feedsFile('feeds-private.txt', [`${site.origin}/news.xml`]);
    const n = site.feedRequests.length;
    const r = await runCli(['watch', feeds, '--once', '--queue', PG_URL, '--queue-schema', schema]);
    assert.equal(r.code, 1, r.err);
    assert.match(r.err, new RegExp(`claimline: ${site.origin}/news\\.xml: refused: 127\\.0\\.0\\.1, which is loopback.*--allow-private-addresses`));
    assert.equal(site.feedRequests.length, n, 'no request reached the server');
    assert.deepEqual(await sql(`SELECT count(*)::int AS n FROM ${schema}.job WHERE name = 'claimline_ingest'`), [{ n: 0 }]);
  });

  it('reports a broken feed by its URL and goes on with the others; the failure is kept for the backoff', async () => {
    const schema = uniqueSchema('watch_broken');
    schemas.push(schema);
    site.feed.items = [ITEMS[0]!];
    site.feed.version = 10;
    const feeds = feedsFile('feeds-broken.txt', [`${site.origin}/broken.xml`, `${site.origin}/not-a-feed.html`, `${site.origin}/news.xml`]);
    const r = await runCli(['watch', feeds, '--once', '--queue', PG_URL, '--queue-schema', schema, '--allow-private-addresses', '--format', 'jsonl', '--concurrency', '1']);
    assert.equal(r.code, 1, r.err);
    assert.match(r.err, new RegExp(`claimline: ${site.origin}/broken\\.xml: fetch failed: HTTP 500 \\(1 failure\\(s\\) in a row\\)`));
    assert.match(r.err, new RegExp(`claimline: ${site.origin}/not-a-feed\\.html: fetch failed: not an RSS or Atom feed`));
    assert.deepEqual(events<Polled>(r.out, 'polled').map((e) => [e.url, e.taken]), [[`${site.origin}/news.xml`, 1]]);
    const rows = await sql<{ url: string; failures: number; last_status: string }>(`SELECT url, failures, last_status FROM ${schema}.claimline_watch_feed ORDER BY url`);
    assert.deepEqual(rows.map((x) => [x.url.replace(site.origin, ''), x.failures, x.last_status]), [
      ['/broken.xml', 1, 'failed'], ['/news.xml', 0, 'updated'], ['/not-a-feed.html', 1, 'failed'],
    ]);
  });

  it('a worker without --allow-private-addresses refuses a queued item on a private address: dead letter at once, naming the URL', async () => {
    const schema = uniqueSchema('watch_dead');
    schemas.push(schema);
    site.feed.items = [ITEMS[0]!];
    site.feed.version = 50;
    const feeds = feedsFile('feeds-dead.txt', [`${site.origin}/news.xml`]);
    const q = ['--queue', PG_URL, '--queue-schema', schema];
    const watch = await runCli(['watch', feeds, '--once', ...q, '--allow-private-addresses', '--quiet']);
    assert.equal(watch.code, 0, watch.err);
    const n = site.articleRequests.length;
    const worker = await runCli(['worker', ...q, '--store', path.join(tmp, 'dead.db'), '--until-empty', '--poll', '0.5']);
    assert.equal(worker.code, 0, worker.err);
    assert.match(worker.err, new RegExp(`${site.origin}/articles/harbour-dredging: refused: 127\\.0\\.0\\.1, which is loopback.*\\(try 1; moved to the dead letters\\)`));
    assert.equal(site.articleRequests.length, n, 'the page was never requested');
    const dead = await runCli(['dead-letters', ...q, '--format', 'json']);
    assert.deepEqual((JSON.parse(dead.out) as { docId: string; permanent: boolean }[]).map((d) => [d.docId, d.permanent]), [['coast-101', true]]);
  });

  it('stops on SIGTERM after the poll in flight, saving its state, and exits 0', async () => {
    const schema = uniqueSchema('watch_term');
    schemas.push(schema);
    site.feed.items = [ITEMS[1]!];
    site.feed.version = 20;
    const feeds = feedsFile('feeds-term.txt', [`${site.origin}/news.xml`]);
    const p = new CliProcess(['watch', feeds, '--interval', '1', '--queue', PG_URL, '--queue-schema', schema, '--allow-private-addresses', '--format', 'jsonl']);
    await p.waitForLine((l) => l.includes('"type":"round"'), 'a first round', 60_000);
    p.child.kill('SIGTERM');
    const exit = await p.finish(60_000);
    assert.equal(exit.code, 0, p.stderr);
    assert.match(p.stderr, /watch: SIGTERM: starting no new poll/);
    assert.match(p.stderr, /stopped by SIGTERM/);
    assert.deepEqual(await sql(`SELECT count(*)::int AS n FROM ${schema}.claimline_watch_feed WHERE last_status IS NOT NULL`), [{ n: 1 }]);
  });
});

describe('watch without a queue', () => {
  it('fetches and stores the new articles in-process, keeps the state in a file beside the store, and gets a 304 next time', async () => {
    const store = path.join(tmp, 'direct.db');
    const feeds = feedsFile('feeds-direct.txt', [`${site.origin}/news.xml`]);
    site.feed.items = [ITEMS[0]!, ITEMS[1]!];
    site.feed.version = 30;
    const args = ['watch', feeds, '--once', '--store', store, '--allow-private-addresses', '--format', 'jsonl'];
    const first = await runCli(args);
    assert.equal(first.code, 0, first.err);
    assert.deepEqual(events<{ status: string }>(first.out, 'stored').map((e) => e.status), ['inserted', 'inserted']);
    assert.ok(fs.existsSync(`${store}.watch.json`), 'state file beside the store');
    assert.deepEqual((await storeDocs(store)).documents, 2);

    const second = await runCli(args);
    assert.equal(second.code, 0, second.err);
    assert.equal(site.feedRequests[site.feedRequests.length - 1]?.status, 304);
    assert.deepEqual(events(second.out, 'stored'), []);
    assert.deepEqual(await storeDocs(store), { documents: 2, versions: 2, ids: ['coast-101', `https://127.0.0.1:${site.server.port}/articles/ferry-fares`].sort() });
  });

  it('offers an item whose page failed for now again at the next poll (unconditional), and stores it then', async () => {
    const store = path.join(tmp, 'retry.db');
    const feeds = feedsFile('feeds-retry.txt', [`${site.origin}/news.xml`]);
    site.feed.items = [ITEMS[2]!, ITEMS[0]!];
    site.feed.version = 40;
    site.unavailable.add(ITEMS[2]!.slug);
    const args = ['watch', feeds, '--once', '--store', store, '--allow-private-addresses', '--format', 'jsonl'];
    try {
      const first = await runCli(args);
      assert.equal(first.code, 1, first.err);
      assert.match(first.err, new RegExp(`claimline: ${site.origin}/articles/lighthouse-museum \\(item of ${site.origin}/news\\.xml\\): .*HTTP 503.*tried again next poll`));
      assert.deepEqual(events<{ url: string }>(first.out, 'stored').map((e) => e.url), [`${site.origin}/articles/harbour-dredging`]);
    } finally {
      site.unavailable.delete(ITEMS[2]!.slug);
    }
    const n = site.feedRequests.length;
    const second = await runCli(args);
    assert.equal(second.code, 0, second.err);
    assert.equal(site.feedRequests[n]?.ifNoneMatch, undefined, 'validators dropped so the failed item is seen again');
    assert.deepEqual(events<Polled>(second.out, 'polled').map((e) => [e.status, e.newItems, e.taken]), [['updated', 1, 1]]);
    assert.deepEqual(await storeDocs(store), { documents: 2, versions: 2, ids: ['coast-101', 'coast-103'] });
  });

  it('refuses --store together with --queue, and a feeds file without a usable URL', async () => {
    const feeds = feedsFile('feeds-bad.txt', ['# nothing here', 'gopher://old.example/feed']);
    const both = await runCli(['watch', feeds, '--queue', PG_URL, '--store', path.join(tmp, 'x.db')]);
    assert.equal(both.code, 2);
    assert.match(both.err, /--store is for watching without a queue/);
    const none = await runCli(['watch', feeds, '--once', '--store', path.join(tmp, 'y.db')]);
    assert.equal(none.code, 2);
    assert.match(none.err, /feeds-bad\.txt:2: only http and https feeds are watched/);
    assert.match(none.err, /no feed URL to watch/);
  });
});
