/**
 * The store through the CLI: document identity and versions, --store locations, windows with "N more",
 * FTS5 syntax errors, claims listing and read-only stores. Articles are written here.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from './cli-run.js';

const run = runCli;

const BRIDGE_V1 = 'Bridge reopens\n\nMayor Anna Berg said on Monday that the bridge was safe. '
  + 'The council denied that the repairs cost 2 million euros.\n';
const BRIDGE_V2 = 'Bridge reopens\n\nMayor Anna Berg said on Monday that the bridge was completely safe for traffic. '
  + 'The council denied that the repairs cost 2 million euros. Police said the road would reopen on Friday.\n';
const STORM = 'Storm\n\nThe harbour master, Ana Souza, said on Tuesday that all ports would stay closed.\n';

const lines = (out: string) => out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe('store CLI', () => {
  let dir: string;
  let store: string;
  let news: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimline-store-cli-'));
    store = path.join(dir, 'c.db');
    news = path.join(dir, 'news');
    fs.mkdirSync(path.join(news, 'a'), { recursive: true });
    fs.mkdirSync(path.join(news, 'b'), { recursive: true });
    fs.writeFileSync(path.join(news, 'a', 'story.txt'), BRIDGE_V1);
    fs.writeFileSync(path.join(news, 'b', 'story.txt'), STORM);
    const r = await run(['ingest', news, '--store', store, '--published', '2024-03-05', '--format', 'jsonl', '--quiet']);
    assert.equal(r.code, 0, r.err);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('two story.txt in different folders are two documents, named by their path under the input folder', async () => {
    const stats = JSON.parse((await run(['stats', '--store', store])).out);
    assert.equal(stats.documents, 2);
    const ids = (await run(['statements', '--store', store, '--format', 'jsonl'])).out;
    assert.deepEqual([...new Set(lines(ids).map((r) => r.docId))].sort(), ['news/a/story.txt', 'news/b/story.txt']);
  });

  it('a new text under the same identity is a new version, kept; versions shows what changed', async () => {
    fs.writeFileSync(path.join(news, 'a', 'story.txt'), BRIDGE_V2);
    const r = await run(['ingest', news, '--db', `sqlite:${store}`, '--published', '2024-03-05', '--format', 'jsonl']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(lines(r.out).map((x) => [x.id, x.status, x.version]),
      [['news/a/story.txt', 'new-version', 2], ['news/b/story.txt', 'unchanged', 1]]);
    assert.match(r.err, /0 inserted, 1 new version, 0 re-analysed, 1 unchanged/);

    const v = JSON.parse((await run(['versions', 'news/a/story.txt', '--store', store, '--format', 'json'])).out);
    assert.deepEqual([v.total, v.results.map((x: { version: number; current: boolean }) => `${x.version}${x.current ? '*' : ''}`)], [2, ['1', '2*']]);
    const changes = v.results[1].changes;
    assert.equal(changes.textChanged, true);
    assert.deepEqual(changes.statementsAdded.map((s: { speaker: string; content: string }) => `${s.speaker}: ${s.content}`),
      ['Police: the road would reopen on Friday']);
    assert.deepEqual(changes.statementsReworded.map((s: { before: { content: string }; after: { content: string } }) =>
      [s.before.content, s.after.content]), [['the bridge was safe', 'the bridge was completely safe for traffic']]);
    assert.deepEqual(changes.statementsRemoved, []);

    const text = await run(['versions', 'news/a/story.txt', '--store', store]);
    assert.match(text.out, /version 2 \(current\)/);
    assert.match(text.out, /\+ statement {2}Police: “the road would reopen on Friday”/);
    assert.match(text.out, /~ reworded {3}Anna Berg: “the bridge was safe” {2}→ {2}“the bridge was completely safe for traffic”/);
    const missing = await run(['versions', 'news/nope.txt', '--store', store]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no stored document has the id 'news\/nope\.txt'/);
  });

  it('--id names the document; stdin without one is named by a hash of its text; --root sets the path base', async () => {
    const s = path.join(dir, 'ids.db');
    const byId = await run(['ingest', '-', '--id', 'wire-1', '--store', s, '--format', 'jsonl', '--quiet'], STORM);
    assert.deepEqual(lines(byId.out).map((x) => x.id), ['wire-1']);
    const hashed = await run(['ingest', '-', '--store', s, '--format', 'jsonl', '--quiet'], STORM);
    assert.match(lines(hashed.out)[0].id, /^sha256:[0-9a-f]{32}$/);
    const rooted = await run(['ingest', path.join(news, 'b', 'story.txt'), '--root', dir, '--store', s, '--format', 'jsonl', '--quiet']);
    assert.deepEqual(lines(rooted.out).map((x) => x.id), [`${path.basename(dir)}/news/b/story.txt`]);
    const plainFile = await run(['analyze', path.join(news, 'b', 'story.txt'), '--format', 'jsonl', '--quiet']);
    assert.equal(lines(plainFile.out)[0].document.id, 'b/story.txt', 'a file argument: its own folder leads, never a bare name');
    const two = await run(['ingest', news, '--id', 'x', '--store', s, '--quiet']);
    assert.equal(two.code, 1);
    assert.match(two.err, /--id names one document/);
  });

  it('a canonical URL is the identity of an HTML page, whatever its file name', async () => {
    const page = (p: string) => `<html><head><link rel="canonical" href="https://Example.org/news/bridge/?utm_source=x#top">`
      + `<title>Bridge</title></head><body><article><p>${p}</p></article></body></html>`;
    fs.writeFileSync(path.join(dir, 'one.html'), page('Mayor Anna Berg said on Monday that the bridge was safe.'));
    const r = await run(['analyze', path.join(dir, 'one.html'), '--format', 'jsonl', '--quiet']);
    assert.equal(lines(r.out)[0].document.id, 'https://example.org/news/bridge');
  });

  it('--store: sqlite:/file: prefixes, an unreachable postgres:// is one clear line (exit 3, no password), --db is an alias', async () => {
    for (const spec of [`sqlite:${store}`, `file:${store}`, store]) {
      const r = await run(['stats', '--store', spec]);
      assert.equal(r.code, 0, `${spec}: ${r.err}`);
      assert.equal(JSON.parse(r.out).documents, 2);
    }
    const pg = await run(['statements', '--store', 'postgres://me:secret@127.0.0.1:1/news']);
    assert.equal(pg.code, 3);
    assert.match(pg.err, /cannot connect to PostgreSQL at/);
    assert.doesNotMatch(pg.err, /secret/, 'the password is not echoed');
    const ingestPg = await run(['ingest', '-', '--store', 'postgresql://127.0.0.1:1/news', '--quiet'], STORM);
    assert.equal(ingestPg.code, 3);
    const both = await run(['stats', '--store', store, '--db', 'other.db']);
    assert.equal(both.code, 2);
  });

  it('list commands take --limit/--offset and say how many more there are', async () => {
    const json = JSON.parse((await run(['statements', '--store', store, '--limit', '1', '--format', 'json'])).out);
    assert.equal(json.returned, 1);
    assert.equal(json.offset, 0);
    assert.ok(json.total >= 3, `statements stored: ${json.total}`);
    assert.equal(json.more, json.total - 1);
    const text = await run(['statements', '--store', store, '--limit', '1', '--offset', '1']);
    assert.equal(text.out.trim().split('\n').length, 1);
    assert.match(text.err, new RegExp(`^${json.total - 2} more — use --offset 2 \\(${json.total} in all\\)$`, 'm'));
    const jsonl = await run(['timeline', '--store', store, '--limit', '1', '--format', 'jsonl']);
    assert.equal(lines(jsonl.out).length, 1);
    assert.match(jsonl.err, /more — use --offset 1/);
    for (const cmd of [['claims'], ['search', 'bridge'], ['versions', 'news/a/story.txt']]) {
      const r = await run([...cmd, '--store', store, '--limit', '1', '--offset', '0', '--format', 'json']);
      assert.equal(r.code, 0, `${cmd[0]}: ${r.err}`);
      assert.deepEqual(Object.keys(JSON.parse(r.out)), ['total', 'offset', 'returned', 'more', 'results'], cmd[0]);
    }
    assert.equal((await run(['statements', '--store', store, '--offset', '-1'])).code, 2);
  });

  it('search: FTS5 prefix, OR and phrases; broken syntax is a usage error naming the query', async () => {
    const docs = async (q: string) => [...new Set(JSON.parse((await run(['search', q, '--store', store, '--format', 'json'])).out)
      .results.map((h: { docId: string }) => h.docId))].sort();
    assert.deepEqual(await docs('harb*'), ['news/b/story.txt']);
    assert.deepEqual(await docs('Souza OR Berg'), ['news/a/story.txt', 'news/b/story.txt']);
    assert.deepEqual(await docs('"ports would stay closed"'), ['news/b/story.txt']);
    const bad = await run(['search', '"ports would', '--store', store]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /cannot parse the search query '"ports would'/);
  });

  it('claims: --status, --by, --about, --since; a bad status is a usage error', async () => {
    const claims = async (...args: string[]) => {
      const r = await run(['claims', '--per-document', '--store', store, '--format', 'json', ...args]);
      assert.equal(r.code, 0, r.err);
      return JSON.parse(r.out).results as { docId: string; status: string; text: string; by: string[] }[];
    };
    const all = await claims();
    assert.ok(all.length >= 3, `claims stored: ${all.length}`);
    const denied = await claims('--status', 'denied');
    assert.ok(denied.every((c) => c.status === 'denied'));
    assert.deepEqual(denied.map((c) => c.text), ['the repairs cost 2 million euros']);
    assert.ok((await claims('--status', 'asserted,denied')).length > denied.length);
    assert.deepEqual((await claims('--about', 'ports')).map((c) => c.docId), ['news/b/story.txt']);
    assert.deepEqual((await claims('--by', 'souza')).map((c) => c.docId), ['news/b/story.txt']);
    assert.equal((await claims('--since', '2031')).length, 0);
    const bad = await run(['claims', '--store', store, '--status', 'rumoured']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--status must be one or more of asserted, confirmed/);
  });

  it('a read-only store (file 444, folder 555) can be queried', async () => {
    const roDir = path.join(dir, 'ro');
    fs.mkdirSync(roDir);
    const ro = path.join(roDir, 'ro.db');
    assert.equal((await run(['ingest', path.join(news, 'b'), '--store', ro, '--quiet'])).code, 0);
    fs.chmodSync(ro, 0o444);
    fs.chmodSync(roDir, 0o555);
    try {
      for (const cmd of [['statements'], ['search', 'ports'], ['claims'], ['timeline'], ['stats'], ['versions', 'b/story.txt']]) {
        const r = await run([...cmd, '--store', ro, '--format', 'json']);
        assert.equal(r.code, 0, `${cmd[0]}: ${r.err}`);
      }
      assert.deepEqual(fs.readdirSync(roDir), ['ro.db'], 'queries wrote nothing beside the store');
    } finally {
      fs.chmodSync(roDir, 0o755);
      fs.chmodSync(ro, 0o644);
    }
  });
});
