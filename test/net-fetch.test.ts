/**
 * safeFetch's limits and decoding against a local server (allowPrivate: the server is on 127.0.0.1, which the
 * default policy refuses): bodies, compression, size limits (streamed and after decompression), the deadline,
 * redirect limits, charsets.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import zlib from 'node:zlib';
import { FetchFailed, safeFetch } from '../src/net/index.js';
import { startServer, type TestServer } from './net-server.js';

const PAGE = '<!doctype html><html><head><title>Harbour works</title></head><body><p>The mayor said the harbour would reopen.</p></body></html>';

async function fetchError(url: string, opts: Parameters<typeof safeFetch>[1]): Promise<FetchFailed> {
  const err = await safeFetch(url, opts).then(() => assert.fail(`${url} should have failed`), (e: unknown) => e);
  assert.ok(err instanceof FetchFailed, `expected FetchFailed, got ${String(err)}`);
  assert.equal(err.url, url);
  return err;
}

describe('safeFetch (local server, allowPrivate)', () => {
  let server: TestServer;
  const local = { allowPrivate: true };
  before(async () => {
    server = await startServer({
      '/page': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE),
      '/gzip': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(zlib.gzipSync(PAGE)),
      '/deflate': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'deflate' }).end(zlib.deflateSync(PAGE)),
      '/raw-deflate': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'deflate' }).end(zlib.deflateRawSync(PAGE)),
      '/br': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' }).end(zlib.brotliCompressSync(PAGE)),
      '/bad-gzip': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end('this is not gzip at all'),
      '/latin1': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' }).end(Buffer.from([0x63, 0x61, 0x66, 0xe9])),
      '/meta-charset': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' })
        .end(Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"></head><body>na'), Buffer.from([0xef, 0x76, 0x65]), Buffer.from('</body></html>')])),
      '/image': (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47])),
      // 64 KiB sent in chunks without a Content-Length: only counting while streaming can stop it.
      '/big-stream': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        for (let i = 0; i < 64; i++) res.write('x'.repeat(1024));
        res.end();
      },
      '/big-declared': (_req, res) => res.writeHead(200, { 'content-length': String(1 << 20) }).end(),
      // 1 MiB of zeros compresses to about 1 KB: within the limit on the wire, far over it decoded.
      '/gzip-bomb': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(zlib.gzipSync(Buffer.alloc(1 << 20))),
      '/never': () => { /* accepts the request and never answers */ },
      '/slow-body': (_req, res) => { res.writeHead(200, { 'content-type': 'text/plain' }); res.write('first bytes'); },
      '/loop': (_req, res) => res.writeHead(302, { location: '/loop' }).end(),
      '/hop1': (_req, res) => res.writeHead(301, { location: '/hop2' }).end(),
      '/hop2': (_req, res) => res.writeHead(307, { location: `${server.origin}/page#frag` }).end(),
      '/missing': (_req, res) => res.writeHead(404).end('gone'),
      '/echo': (req, res) => res.writeHead(200, { 'content-type': 'application/json', etag: '"v1"' }).end(JSON.stringify(req.headers)),
    });
  });
  after(() => server.close());

  it('fetches a page: status, headers, media type and the body as text', async () => {
    const res = await safeFetch(`${server.origin}/page`, local);
    assert.equal(res.status, 200);
    assert.equal(res.contentType, 'text/html');
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(res.body, PAGE);
    assert.equal(res.url, `${server.origin}/page`);
    assert.deepEqual(res.redirects, []);
  });

  it('decodes gzip, zlib and raw deflate, and brotli bodies', async () => {
    for (const path of ['/gzip', '/deflate', '/raw-deflate', '/br']) {
      const res = await safeFetch(`${server.origin}${path}`, local);
      assert.equal(res.body, PAGE, path);
    }
  });

  it('fails clearly on a body that does not decode as its Content-Encoding', async () => {
    const err = await fetchError(`${server.origin}/bad-gzip`, local);
    assert.match(err.message, /does not decode as gzip/);
  });

  it('decodes text from the charset in the header or in the page, and keeps binary bodies as bytes', async () => {
    assert.equal((await safeFetch(`${server.origin}/latin1`, local)).body, 'café');
    assert.match(String((await safeFetch(`${server.origin}/meta-charset`, local)).body), /naïve/);
    const image = await safeFetch(`${server.origin}/image`, local);
    assert.ok(Buffer.isBuffer(image.body));
    assert.equal(image.body.length, 4);
  });

  it('sends its user agent, accepts compression and passes extra headers', async () => {
    const res = await safeFetch(`${server.origin}/echo`, { ...local, userAgent: 'test-agent/1', headers: { 'If-None-Match': '"v0"' } });
    const sent = JSON.parse(String(res.body)) as Record<string, string>;
    assert.equal(sent['user-agent'], 'test-agent/1');
    assert.equal(sent['if-none-match'], '"v0"');
    assert.match(sent['accept-encoding'] ?? '', /gzip/);
    assert.equal(res.headers.etag, '"v1"');
  });

  it('stops a body over maxBytes while it streams, and refuses a declared length over it', async () => {
    const streamed = await fetchError(`${server.origin}/big-stream`, { ...local, maxBytes: 8 * 1024 });
    assert.match(streamed.message, /response too large \(over 8192 bytes received/);
    assert.equal(streamed.retryable, false);
    const declared = await fetchError(`${server.origin}/big-declared`, { ...local, maxBytes: 8 * 1024 });
    assert.match(declared.message, /Content-Length 1048576 bytes; limit 8192/);
    // The same body is fine under a larger limit.
    const ok = await safeFetch(`${server.origin}/big-stream`, { ...local, maxBytes: 64 * 1024 });
    assert.equal(String(ok.body).length, 64 * 1024);
  });

  it('applies the size limit after decompression too', async () => {
    const err = await fetchError(`${server.origin}/gzip-bomb`, { ...local, maxBytes: 64 * 1024 });
    assert.match(err.message, /over 65536 bytes after decompression/);
  });

  it('gives up on a server that never answers, and on one that stalls mid-body, with a timeout error', async () => {
    for (const path of ['/never', '/slow-body']) {
      const err = await fetchError(`${server.origin}${path}`, { ...local, timeoutMs: 300 });
      assert.match(err.message, /timed out after 300 ms/, path);
      assert.equal(err.retryable, true);
    }
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = fetchError(`${server.origin}/never`, { ...local, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    assert.match((await pending).message, /aborted/);
  });

  it('follows redirects up to the limit, and reports a loop as too many redirects', async () => {
    const res = await safeFetch(`${server.origin}/hop1`, local);
    assert.equal(res.body, PAGE);
    assert.equal(res.url, `${server.origin}/page`, 'the final URL, without the fragment');
    assert.deepEqual(res.redirects, [`${server.origin}/hop2`, `${server.origin}/page#frag`]);
    const tooFew = await fetchError(`${server.origin}/hop1`, { ...local, maxRedirects: 1 });
    assert.match(tooFew.message, /too many redirects \(more than 1/);
    const seen = server.requests.length;
    const loop = await fetchError(`${server.origin}/loop`, { ...local, maxRedirects: 3 });
    assert.match(loop.message, /too many redirects \(more than 3/);
    assert.equal(server.requests.length - seen, 4, 'the first request and three redirects');
  });

  it('returns an HTTP error status for the caller to judge', async () => {
    const res = await safeFetch(`${server.origin}/missing`, local);
    assert.equal(res.status, 404);
  });

  it('reports a closed port as a retryable failure', async () => {
    const closed = await startServer({});
    const url = `${closed.origin}/`;
    await closed.close();
    const err = await fetchError(url, local);
    assert.match(err.message, /connection refused/);
    assert.equal(err.retryable, true);
  });
});
