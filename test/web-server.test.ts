/** The web server end to end over real HTTP: JSON twins, headers, analyse POST, 400/413, token, resilience. */
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { runCli } from './cli-run.js';
import { bergAnalysis, zolaAnalysis } from './store-fixtures.js';
import { get, seg, serveAnalyses, type TestServer } from './web-helpers.js';
import { CSP } from '../src/web/security.js';
import { startServer, TokenRequiredError } from '../src/web/server.js';

const ARTICLE = 'Harbour council approves new ferry line\n\nThe harbour council approved a new ferry line on Tuesday. '
  + '"We expect the first boats in spring," said Marta Quist, the council\'s transport director. '
  + 'The ferry operator Northwind denied that ticket prices would rise.';

describe('web server', () => {
  let t: TestServer;
  let base: string;
  before(async () => {
    t = await serveAnalyses([bergAnalysis(), zolaAnalysis()], { maxBytes: 8192 });
    base = t.web.url;
  });
  after(async () => { await t.stop(); });

  it('serves the article page with every statement highlighted and labelled, and a JSON twin with the same data', async () => {
    const page = await get(base, '/article/bridge');
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-security-policy'), CSP);
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    const twin = JSON.parse((await get(base, '/article/bridge.json')).text);
    const negotiated = JSON.parse((await get(base, '/article/bridge', { Accept: 'application/json' })).text);
    assert.deepEqual(twin, negotiated);
    assert.equal(twin.document.id, 'bridge');
    assert.equal(twin.statements.length, 4);
    for (const s of twin.statements) {
      assert.match(page.text, new RegExp(`<a class="stmt spk-\\d+" id="q-${s.id}-1" href="#st-${s.id}" data-statement="${s.id}"`));
      assert.ok(page.text.includes(`id="st-${s.id}"`), `detail section for ${s.id}`);
    }
    assert.ok(page.text.includes('<span class="speaker-label'), 'speaker names label the highlights');
    const s2 = twin.statements.find((s: { id: string }) => s.id === 's2');
    assert.equal(s2.speaker.name, 'Anna Berg');
    assert.equal(s2.channel, 'Radio Westport');
    const s3 = twin.statements.find((s: { id: string }) => s.id === 's3');
    assert.deepEqual(s3.claims.map((c: { status: string; by: string[] }) => [c.status, c.by]), [['denied', ['the council']]]);
    assert.ok(page.text.includes('data-status="denied"'));
    assert.deepEqual(twin.timexes.map((x: { value: string }) => x.value), ['2024-03-04', '2024-03-01', 'P1X']);
    assert.ok(page.text.includes('data-value="2024-03-04"'));
  });

  it('lists every JSON route in a parsable OpenAPI 3 document, and each answers JSON', async () => {
    const doc = JSON.parse((await get(base, '/openapi.json')).text);
    assert.match(doc.openapi, /^3\./);
    const paths = Object.keys(doc.paths);
    for (const p of ['/index.json', '/analyse.json', '/articles.json', '/article/{id}.json', '/speakers.json', '/speaker/{id}.json',
      '/claims.json', '/claim/{id}.json', '/search.json', '/stories.json', '/story/{id}.json']) {
      assert.ok(paths.includes(p), `${p} in the OpenAPI document`);
    }
    assert.ok(doc.paths['/analyse.json'].post.requestBody);
    const speakers = JSON.parse((await get(base, '/speakers.json')).text);
    const berg = speakers.results.find((s: { name: string }) => s.name === 'Anna Berg');
    assert.ok(berg, 'Anna Berg is a speaker');
    const claims = JSON.parse((await get(base, '/claims.json?status=denied')).text);
    assert.ok(claims.total >= 1);
    const stories = JSON.parse((await get(base, '/stories.json')).text);
    const ids: Record<string, string> = { '{id}': 'bridge' };
    for (const p of paths) {
      let url = p;
      if (p === '/speaker/{id}.json') url = `/speaker/${seg(berg.id)}.json`;
      else if (p === '/claim/{id}.json') url = `/claim/${seg(claims.results[0].id)}.json`;
      else if (p === '/story/{id}.json') url = `/story/${seg(stories.results[0].id)}.json`;
      else url = p.replace('{id}', ids['{id}']!);
      if (doc.paths[p].get) {
        const r = await get(base, url + (p === '/search.json' ? '?q=bridge' : ''));
        assert.equal(r.status, 200, `${url}: ${r.text}`);
        assert.match(r.headers.get('content-type') ?? '', /application\/json/);
        JSON.parse(r.text);
      }
    }
  });

  it('speaker page lists statements in time order with roles; search has facets; the story timeline is SVG', async () => {
    const speakers = JSON.parse((await get(base, '/speakers.json?q=berg')).text);
    assert.equal(speakers.total, 1);
    const sp = JSON.parse((await get(base, `/speaker/${seg(speakers.results[0].id)}.json`)).text);
    const times = sp.statements.results.map((s: { reportTime: string | null }) => s.reportTime ?? '\uffff');
    assert.deepEqual(times, [...times].sort());
    assert.ok(sp.statements.results.some((s: { roles: string[] }) => s.roles.includes('Mayor')));
    const search = JSON.parse((await get(base, '/search.json?q=bridge')).text);
    assert.ok(search.total >= 1);
    assert.ok(search.facets.kind.length >= 1);
    const stories = JSON.parse((await get(base, '/stories.json')).text);
    const story = await get(base, `/story/${seg(stories.results[0].id)}`);
    assert.match(story.text, /<svg class="timeline-svg"/);
  });

  it('analyses a pasted article: 303 to the article, which shows its statements', async () => {
    const r = await fetch(`${base}/analyse`, { method: 'POST', redirect: 'manual',
      body: new URLSearchParams({ text: ARTICLE, published: '2025-03-04', id: 'ferry' }) });
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/article/ferry');
    const a = JSON.parse((await get(base, '/article/ferry.json')).text);
    assert.equal(a.document.published, '2025-03-04');
    assert.ok(a.statements.some((s: { speaker: { name: string } }) => /Quist/.test(s.speaker.name)), JSON.stringify(a.statements.map((s: { speaker: unknown }) => s.speaker)));
    const json = await fetch(`${base}/analyse.json`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: ARTICLE, id: 'ferry', published: '2025-03-04' }) });
    assert.equal(json.status, 201);
    assert.equal((await json.json()).documents[0].status, 'unchanged');
  });

  it('uploads a file as multipart/form-data', async () => {
    const form = new FormData();
    form.set('file', new Blob(['{"id":"up1","text":"The mayor said the road would open in May."}\n'], { type: 'application/x-ndjson' }), 'records.jsonl');
    const r = await fetch(`${base}/analyse.json`, { method: 'POST', body: form });
    assert.equal(r.status, 201, await r.clone().text());
    const body = await r.json();
    assert.equal(body.documents[0].id, 'up1');
    assert.equal(body.documents[0].source, 'records.jsonl:1');
  });

  it('gives 400 with the CLI\'s message for malformed input, and 413 over the body limit', async () => {
    const badDate = await fetch(`${base}/analyse.json`, { method: 'POST', body: new URLSearchParams({ text: ARTICLE, published: '2025-02-30' }) });
    assert.equal(badDate.status, 400);
    assert.match((await badDate.json()).error, /published must be a real date written YYYY-MM-DD \(got '2025-02-30'\)/);
    const badLine = '{"id":"x","text":"fine"}\n{"id": broken\n';
    const web = await fetch(`${base}/analyse.json`, { method: 'POST', body: new URLSearchParams({ text: '{"id":"y","text":1}\n' + badLine }) });
    assert.equal(web.status, 201, 'the good record is stored, the bad ones reported');
    const failed = (await web.json()).failed as { source: string; reason: string }[];
    const cli = await runCli(['analyze', '-', '--quiet'], '{"id":"y","text":1}\n' + badLine);
    for (const f of failed) assert.ok(cli.err.includes(f.reason), `CLI says the same: ${f.reason}\n${cli.err}`);
    const allBad = await fetch(`${base}/analyse.json`, { method: 'POST', body: new URLSearchParams({ text: '{"id":"z"}\n' }) });
    assert.equal(allBad.status, 400);
    const allBadCli = await runCli(['analyze', '-', '--quiet'], '{"id":"z"}\n');
    const reason = (await allBad.json()).error.replace(/^[^:]*:\d+: /, '');
    assert.match(reason, /neither a "text" nor an "html"/);
    assert.ok(allBadCli.err.includes(reason), allBadCli.err);
    const empty = await fetch(`${base}/analyse.json`, { method: 'POST', body: new URLSearchParams({ text: '  ' }) });
    assert.equal(empty.status, 400);
    const big = await fetch(`${base}/analyse.json`, { method: 'POST', body: new URLSearchParams({ text: 'x'.repeat(9000) }) });
    assert.equal(big.status, 413);
    assert.match((await big.json()).error, /too large \(limit 8192 bytes/);
    const badJson = await fetch(`${base}/analyse.json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":' });
    assert.equal(badJson.status, 400);
  });

  it('answers bad paths, queries and methods with 4xx and keeps serving', async () => {
    assert.equal((await get(base, '/article/%E0%A4%A')).status, 400);
    assert.equal((await get(base, '/article/nope.json')).status, 404);
    assert.equal((await get(base, '/speakers.json?limit=-1')).status, 400);
    assert.equal((await get(base, '/claims.json?status=maybe')).status, 400);
    assert.equal((await get(base, '/search.json?q=%22unclosed')).status < 500, true);
    assert.equal((await fetch(`${base}/speakers`, { method: 'DELETE' })).status, 405);
    assert.equal((await get(base, '/nothing-here')).status, 404);
    const cross = await fetch(`${base}/analyse`, { method: 'POST', headers: { origin: 'https://evil.example' }, body: new URLSearchParams({ text: ARTICLE }) });
    assert.equal(cross.status, 403);
    // fetch will not send another Host: node:http does (a DNS-rebinding page would).
    const rebound = await new Promise<number>((resolve, reject) => {
      http.get(`${base}/`, { headers: { Host: 'evil.example' } }, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).on('error', reject);
    });
    assert.equal(rebound, 403);
    assert.equal((await get(base, '/')).status, 200);
  });
});

describe('web server token', () => {
  it('refuses to listen beyond loopback without a token', async () => {
    const fake = {} as Parameters<typeof startServer>[0];
    await assert.rejects(startServer(fake, { host: '0.0.0.0', port: 0 }), TokenRequiredError);
    const r = await runCli(['serve', '--host', '0.0.0.0', '--store', '/nonexistent/x.db']);
    assert.equal(r.code, 2);
    assert.match(r.err, /needs a token/);
  });

  it('checks the token on every request: bearer header, or a cookie set from ?token=', async () => {
    const token = 'correct-horse-battery';
    const t = await serveAnalyses([bergAnalysis()], { token });
    try {
      const base = t.web.url;
      assert.equal((await get(base, '/speakers.json')).status, 401);
      assert.equal((await get(base, '/speakers.json', { Authorization: 'Bearer wrong-token-here' })).status, 401);
      assert.equal((await get(base, '/speakers.json', { Authorization: `Bearer ${token}` })).status, 200);
      assert.equal((await get(base, '/static/app.css')).status, 401);
      const viaQuery = await get(base, `/speakers?token=${token}&q=berg`);
      assert.equal(viaQuery.status, 303);
      assert.equal(viaQuery.headers.get('location'), '/speakers?q=berg');
      const cookie = viaQuery.headers.get('set-cookie')!.split(';')[0]!;
      assert.match(viaQuery.headers.get('set-cookie')!, /HttpOnly; SameSite=Strict/);
      assert.equal((await get(base, '/speakers?q=berg', { Cookie: cookie })).status, 200);
    } finally {
      await t.stop();
    }
  });
});
