/**
 * fetchArticle and URL inputs of `analyze`/`ingest` against a local server: the article is extracted like an HTML
 * file, its identity is its canonical URL, and a URL on a private address is refused unless the user opts in.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FetchFailed, fetchArticle } from '../src/net/index.js';
import { runCli } from './cli-run.js';
import { startServer, type TestServer } from './net-server.js';

function page(opts: { canonical?: string; published?: string; title: string; paragraphs: string[] }): string {
  return `<!doctype html><html><head><title>${opts.title} | Valley Courier</title>`
    + (opts.canonical ? `<link rel="canonical" href="${opts.canonical}">` : '')
    + (opts.published ? `<meta property="article:published_time" content="${opts.published}">` : '')
    + `</head><body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav><article><h1>${opts.title}</h1>`
    + opts.paragraphs.map((p) => `<p>${p}</p>`).join('') + '</article><footer>Contact us</footer></body></html>';
}

const LIBRARY = page({
  title: 'Library extends its opening hours',
  canonical: '/local/library-hours?utm_source=newsletter',
  published: '2024-05-14T07:30:00+02:00',
  paragraphs: [
    'The town library will stay open until nine in the evening from June, the head librarian announced on Monday.',
    '"Students asked for quiet space during the exam season," she said, adding that the extra hours would be staffed by volunteers.',
    'The council agreed to cover the heating costs for the longer evenings, according to a spokesman.',
  ],
});

const COPY = page({
  title: 'Library extends its opening hours',
  canonical: 'https://elsewhere.example/original-story',
  paragraphs: [
    'A partner site printed the library story in full, word for word, with a canonical link to another site.',
    'Such a page must not take over the identity of an article published somewhere else entirely.',
  ],
});

describe('fetchArticle', () => {
  let server: TestServer;
  const local = { allowPrivate: true };
  before(async () => {
    server = await startServer({
      '/story': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(LIBRARY),
      '/short-link': (_req, res) => res.writeHead(302, { location: '/story?ref_src=twitter' }).end(),
      '/copy': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(COPY),
      '/menu': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><nav>Home</nav></body></html>'),
      '/data.json': (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"a":1}'),
      '/broken': (_req, res) => res.writeHead(503).end(),
    });
  });
  after(() => server.close());

  it('extracts the article and names it by the page\'s canonical URL', async () => {
    const article = await fetchArticle(`${server.origin}/short-link`, local);
    assert.equal(article.url, `${server.origin}/story?ref_src=twitter`);
    assert.equal(article.canonicalUrl, `https://127.0.0.1:${server.port}/local/library-hours`);
    assert.match(article.title ?? '', /Library extends its opening hours/);
    assert.equal(article.published, '2024-05-14');
    const paragraphs = article.text.split('\n\n');
    assert.equal(paragraphs.length, 3);
    assert.match(paragraphs[1] ?? '', /^"Students asked for quiet space/);
    assert.doesNotMatch(article.text, /Contact us|Sport/);
    assert.deepEqual(article.warnings, []);
  });

  it('ignores a canonical link to another site, and says so', async () => {
    const article = await fetchArticle(`${server.origin}/copy?utm_campaign=x`, local);
    assert.equal(article.canonicalUrl, `https://127.0.0.1:${server.port}/copy`);
    assert.match(article.warnings.join('\n'), /ignored canonical link https:\/\/elsewhere\.example\/original-story: another site/);
  });

  it('fails with the URL and the reason for pages without an article, non-HTML bodies and HTTP errors', async () => {
    const cases: [string, RegExp, boolean][] = [
      ['/menu', /HTML page has no article text/, false],
      ['/data.json', /not an HTML page \(Content-Type application\/json\)/, false],
      ['/broken', /HTTP 503/, true],
    ];
    for (const [p, reason, retryable] of cases) {
      const err = await fetchArticle(`${server.origin}${p}`, local).catch((e: unknown) => e);
      assert.ok(err instanceof FetchFailed, `${p}: ${String(err)}`);
      assert.match(err.message, reason);
      assert.ok(err.message.includes(`${server.origin}${p}`));
      assert.equal(err.retryable, retryable, p);
    }
  });
});

describe('analyze and ingest with URL inputs', () => {
  let server: TestServer;
  let dir: string;
  before(async () => {
    server = await startServer({
      '/article.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(LIBRARY),
      '/notes.txt': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' })
        .end('Ferry strike called off\n\nThe union said on Friday that the ferry crews would return to work on Monday morning.\n'),
    });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimline-net-'));
  });
  after(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('analyses a fetched page into a record whose document id and url are its canonical URL', async () => {
    const { code, out, err } = await runCli(['analyze', `${server.origin}/article.html`, '--allow-private-addresses', '--quiet']);
    assert.equal(code, 0, err);
    const record = JSON.parse(out) as { document: { id: string; url: string; published: string; source: string; text: string } };
    const canonical = `https://127.0.0.1:${server.port}/local/library-hours`;
    assert.equal(record.document.id, canonical);
    assert.equal(record.document.url, canonical);
    assert.equal(record.document.published, '2024-05-14');
    assert.equal(record.document.source, `${server.origin}/article.html`);
    assert.match(record.document.text, /head librarian announced/);
  });

  it('takes a plain-text URL as text, named by its URL', async () => {
    const { code, out, err } = await runCli(['analyze', `${server.origin}/notes.txt`, '--allow-private-addresses', '--quiet']);
    assert.equal(code, 0, err);
    const record = JSON.parse(out) as { document: { id: string; title: string } };
    assert.equal(record.document.id, `https://127.0.0.1:${server.port}/notes.txt`);
    assert.equal(record.document.title, 'Ferry strike called off');
  });

  it('without --allow-private-addresses exits non-zero naming the URL and the reason, fetching nothing', async () => {
    const url = `${server.origin}/article.html`;
    const before = server.requests.length;
    const { code, out, err } = await runCli(['analyze', url]);
    assert.equal(code, 1);
    assert.equal(out.trim(), '[]');
    assert.ok(err.includes(`${url}: refused: 127.0.0.1, which is loopback`), err);
    assert.match(err, /--allow-private-addresses/);
    assert.equal(server.requests.length, before);
  });

  it('refuses non-http URL arguments by name', async () => {
    const { code, err } = await runCli(['analyze', 'file:///etc/hostname', '--allow-private-addresses']);
    assert.equal(code, 1);
    assert.match(err, /file:\/\/\/etc\/hostname: refused: only http and https URLs are fetched/);
  });

  it('ingests a fetched page under its canonical URL; fetching it again changes nothing', async () => {
    const store = path.join(dir, 'store.db');
    const args = ['ingest', `${server.origin}/article.html`, '--allow-private-addresses', '--store', store, '--format', 'jsonl', '--quiet'];
    const first = await runCli(args);
    assert.equal(first.code, 0, first.err);
    const again = await runCli(args);
    assert.equal(again.code, 0, again.err);
    const [a, b] = [first, again].map((r) => JSON.parse(r.out.trim()) as { id: string; status: string });
    assert.equal(a?.id, `https://127.0.0.1:${server.port}/local/library-hours`);
    assert.equal(a?.status, 'inserted');
    assert.equal(b?.id, a?.id);
    assert.equal(b?.status, 'unchanged');
  });
});
