/**
 * SSRF: with the default policy, a URL whose host is or resolves to a loopback, private, link-local or otherwise
 * non-public address is refused before any connection, on the first request and on every redirect. The
 * counting test server on 127.0.0.1 proves that no request reached it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { blockedReason, FetchFailed, FetchRefused, safeFetch, type Resolver } from '../src/net/index.js';
import { startServer, type TestServer } from './net-server.js';

/** A resolver for names this machine cannot resolve, as a public DNS server controlled by an attacker would answer. */
function resolverFor(table: Record<string, string[]>): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (host: string) => {
    calls.push(host);
    const found = table[host];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(resolve, { calls });
}

async function assertRefused(url: string, opts: Parameters<typeof safeFetch>[1], reason: RegExp): Promise<FetchRefused> {
  const err = await safeFetch(url, opts).then(
    () => assert.fail(`${url} was fetched but should have been refused`),
    (e: unknown) => e,
  );
  assert.ok(err instanceof FetchRefused, `${url}: expected FetchRefused, got ${String(err)}`);
  assert.equal(err.url, url);
  assert.match(err.message, reason);
  assert.ok(err.message.includes(url), `the error names the URL: ${err.message}`);
  return err;
}

describe('safeFetch refuses non-public addresses', () => {
  let target: TestServer;
  before(async () => {
    target = await startServer({ '/secret': (_req, res) => res.end('internal data') });
  });
  after(() => target.close());

  it('refuses literal loopback, private, link-local and unspecified addresses', async () => {
    const { port } = target;
    const cases: [string, RegExp][] = [
      [`http://127.0.0.1:${port}/secret`, /127\.0\.0\.1.*loopback/],
      [`http://127.8.9.10:${port}/secret`, /loopback/],
      [`http://10.0.0.7:${port}/secret`, /10\.0\.0\.7.*private/],
      [`http://172.20.1.1/secret`, /private/],
      [`http://192.168.1.1/`, /private/],
      [`http://169.254.169.254/latest/meta-data/`, /169\.254\.169\.254.*link-local/],
      [`http://[::1]:${port}/secret`, /::1.*loopback/],
      [`http://0.0.0.0:${port}/secret`, /unspecified/],
      [`http://[::]:${port}/secret`, /unspecified/],
      [`http://100.64.0.1/`, /carrier-grade NAT/],
      [`http://[fd00::5]/`, /unique local/],
      [`http://[fe80::1]/`, /link-local/],
      [`http://224.0.0.251/`, /multicast/],
      [`http://[::ffff:127.0.0.1]:${port}/secret`, /IPv4-mapped 127\.0\.0\.1, loopback/],
    ];
    for (const [url, reason] of cases) await assertRefused(url, {}, reason);
    assert.equal(target.requests.length, 0, 'no request reached the server');
  });

  it('refuses the decimal, octal and hex spellings of 127.0.0.1', async () => {
    const { port } = target;
    for (const host of ['2130706433', '0177.0.0.1', '0x7f.1', '0x7f000001', '127.1']) {
      await assertRefused(`http://${host}:${port}/secret`, {}, /127\.0\.0\.1.*loopback/);
    }
    assert.equal(target.requests.length, 0);
  });

  it('refuses a name that resolves to loopback (localhost, through the system resolver)', async () => {
    await assertRefused(`http://localhost:${target.port}/secret`, {}, /localhost resolves to (127\.0\.0\.1|::1).*loopback/);
    assert.equal(target.requests.length, 0);
  });

  it('refuses a public-looking name whose DNS answer is private, even when only one of its addresses is', async () => {
    const lookup = resolverFor({
      'rebind.example': ['127.0.0.1'],
      'metadata.example': ['169.254.169.254'],
      'mixed.example': ['93.184.216.34', '10.1.2.3'],
      'v6.example': ['::1'],
      'mapped.example': ['::ffff:10.0.0.1'],
    });
    await assertRefused(`http://rebind.example:${target.port}/secret`, { lookup }, /rebind\.example resolves to 127\.0\.0\.1/);
    await assertRefused('http://metadata.example/', { lookup }, /169\.254\.169\.254.*link-local/);
    await assertRefused('https://mixed.example/', { lookup }, /10\.1\.2\.3.*private/);
    await assertRefused('http://v6.example/', { lookup }, /::1.*loopback/);
    await assertRefused('http://mapped.example/', { lookup }, /IPv4-mapped 10\.0\.0\.1, private/);
    assert.deepEqual(lookup.calls, ['rebind.example', 'metadata.example', 'mixed.example', 'v6.example', 'mapped.example']);
    assert.equal(target.requests.length, 0);
  });

  it('connects to the address it checked, never resolving the name a second time', async () => {
    // The name exists only in this resolver: if the socket resolved it again (the DNS-rebinding window) the
    // connection would fail with ENOTFOUND instead of reaching the server.
    const lookup = resolverFor({ 'pinned.example': ['127.0.0.1'] });
    const before = target.requests.length;
    const res = await safeFetch(`http://pinned.example:${target.port}/secret`, { lookup, allowAddresses: ['127.0.0.1'] });
    assert.equal(res.status, 200);
    assert.equal(res.body, 'internal data');
    assert.deepEqual(lookup.calls, ['pinned.example']);
    assert.equal(target.requests.length, before + 1);
    assert.equal(target.requests.at(-1)?.headers.host, `pinned.example:${target.port}`);
  });
});

describe('safeFetch checks every redirect hop', () => {
  let inside: TestServer;
  let outside: TestServer;
  const hop = { to: '' };
  before(async () => {
    // `inside` stands for a service on the private network (127.0.0.2); `outside` for a public site that
    // redirects there. The test lets exactly the outside address through with allowAddresses.
    inside = await startServer({ '/admin': (_req, res) => res.end('admin panel') }, '127.0.0.2');
    outside = await startServer({
      '/go': (_req, res) => res.writeHead(302, { location: hop.to }).end(),
    });
  });
  after(async () => {
    await inside.close();
    await outside.close();
  });

  it('refuses a redirect to a private address, after reaching the allowed server and before reaching the target', async () => {
    const lookup = resolverFor({ 'intranet.example': ['127.0.0.2'] });
    const targets: [string, RegExp][] = [
      [`${inside.origin}/admin`, /redirected to http:\/\/127\.0\.0\.2:\d+\/admin.*|127\.0\.0\.2.*loopback/],
      [`http://intranet.example:${inside.port}/admin`, /intranet\.example resolves to 127\.0\.0\.2, which is loopback/],
      ['http://10.0.0.1/', /private.*redirected to http:\/\/10\.0\.0\.1\//],
      ['http://169.254.169.254/latest/meta-data/', /link-local/],
      [`http://[::1]:${inside.port}/admin`, /loopback/],
      [`http://2130706434:${inside.port}/admin`, /127\.0\.0\.2/],
    ];
    for (const [to, reason] of targets) {
      hop.to = to;
      const seen = outside.requests.length;
      const err = await assertRefused(`${outside.origin}/go`, { lookup, allowAddresses: ['127.0.0.1'] }, reason);
      assert.match(err.reason, /redirected to/);
      assert.equal(outside.requests.length, seen + 1, 'the allowed first hop was fetched');
    }
    assert.equal(inside.requests.length, 0, 'no redirect reached the private server');
  });

  it('refuses a redirect to a scheme other than http(s)', async () => {
    for (const to of ['file:///etc/passwd', 'ftp://ftp.example/x', 'gopher://127.0.0.1:6379/_INFO']) {
      hop.to = to;
      await assertRefused(`${outside.origin}/go`, { allowAddresses: ['127.0.0.1'] }, /only http and https URLs are fetched/);
    }
    assert.equal(inside.requests.length, 0);
  });
});

describe('safeFetch refuses other schemes outright', () => {
  it('refuses file:, ftp:, javascript: and data: URLs and unparsable ones', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.org/file', 'javascript:alert(1)', 'data:text/html,hi']) {
      await assertRefused(url, { allowPrivate: true }, /only http and https URLs are fetched/);
    }
    await assertRefused('not a url', { allowPrivate: true }, /not a valid URL/);
  });

  it('reports an unresolvable name as a failure, not a refusal', async () => {
    const err = await safeFetch('http://no-such-host.invalid/', { lookup: resolverFor({}) }).catch((e: unknown) => e);
    assert.ok(err instanceof FetchFailed, String(err));
    assert.match(err.message, /cannot resolve no-such-host\.invalid.*ENOTFOUND/);
  });
});

describe('address classification', () => {
  it('passes public addresses and refuses every spelling of private ones', () => {
    for (const ip of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8']) {
      assert.equal(blockedReason(ip), null, ip);
    }
    for (const ip of ['0:0:0:0:0:0:0:1', '::ffff:7f00:1', '64:ff9b::a9fe:a9fe', '2002:c0a8:101::1', 'fe80::1%eth0', '255.255.255.255', 'nonsense']) {
      assert.notEqual(blockedReason(ip), null, ip);
    }
  });
});
