/** Document identity for the store: explicit ids, canonical URLs, paths under the input root, text hashes. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { canonicalUrl, contentIdentity, pathIdentity, readInputs, type IdentityOptions } from '../src/input/index.js';

describe('document identity', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'claimline-identity-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const ids = async (inputs: string[], identity: IdentityOptions = {}): Promise<string[]> => {
    const out: string[] = [];
    for await (const item of readInputs(inputs, { identity })) out.push(item.ok ? item.doc.id : `error: ${item.reason}`);
    return out;
  };

  it('canonical URLs: scheme, host case, default port, fragment, tracking parameters, trailing slash', () => {
    assert.equal(canonicalUrl('http://Example.ORG:80/News/Bridge/?utm_source=rss&id=7&fbclid=x#comments'),
      'https://example.org/News/Bridge?id=7');
    assert.equal(canonicalUrl('https://example.org/'), 'https://example.org/');
    assert.equal(canonicalUrl('https://example.org/a?utm_medium=x'), 'https://example.org/a');
    for (const notWeb of ['urn:example:ferry', 'not a url', 'ftp://example.org/a', '']) assert.equal(canonicalUrl(notWeb), null, notWeb);
  });

  it('paths: the root folder\'s name leads; outside the root, the absolute path; never a bare file name', () => {
    assert.equal(pathIdentity('/data/news/world/story.txt', '/data/news'), 'news/world/story.txt');
    assert.equal(pathIdentity('/data/news/story.txt', '/data/news'), 'news/story.txt');
    assert.equal(pathIdentity('/elsewhere/story.txt', '/data/news'), '/elsewhere/story.txt');
    assert.match(contentIdentity('Some text.'), /^sha256:[0-9a-f]{32}$/);
    assert.notEqual(contentIdentity('Some text.'), contentIdentity('Some text!'));
  });

  it('reading: record ids and feed guids win, then URLs, then paths, then hashes', async () => {
    mkdirSync(join(dir, 'news', 'a'), { recursive: true });
    mkdirSync(join(dir, 'news', 'b'), { recursive: true });
    writeFileSync(join(dir, 'news', 'a', 'story.txt'), 'The mayor said the bridge was safe.');
    writeFileSync(join(dir, 'news', 'b', 'story.txt'), 'The mayor said the road was open.');
    writeFileSync(join(dir, 'news', 'b', 'named.txt'), 'Officials said the port would reopen.');
    writeFileSync(join(dir, 'news', 'b', 'named.meta.json'), JSON.stringify({ id: 'desk-42', url: 'https://example.org/x' }));
    writeFileSync(join(dir, 'news', 'b', 'linked.txt'), 'Officials said the ferry was late.');
    writeFileSync(join(dir, 'news', 'b', 'linked.meta.json'), JSON.stringify({ url: 'https://example.org/ferry/' }));
    assert.deepEqual(await ids([join(dir, 'news')]),
      ['news/a/story.txt', 'https://example.org/ferry', 'desk-42', 'news/b/story.txt']);
    assert.deepEqual(await ids([join(dir, 'news', 'a', 'story.txt')]), ['a/story.txt']);
    assert.deepEqual(await ids([join(dir, 'news', 'a', 'story.txt')], { root: dir }), [`${basename(dir)}/news/a/story.txt`]);

    const jsonl = join(dir, 'records.jsonl');
    writeFileSync(jsonl, [{ id: 'r1', text: 'A said B.', url: 'https://example.org/r1' }, { id: 'r1', text: 'A said C.' }]
      .map((r) => JSON.stringify(r)).join('\n'));
    assert.deepEqual(await ids([jsonl]), ['r1', 'r1'], 'one id twice: two versions of one document, not renamed');
    writeFileSync(jsonl, [{ text: 'A said B.', url: 'https://example.org/r2/' }, { text: 'A said C.' }, { id: '', text: 'A said D.' }]
      .map((r) => JSON.stringify(r)).join('\n'));
    assert.deepEqual(await ids([jsonl]), ['https://example.org/r2', contentIdentity('A said C.'),
      'error: record "id" must be a non-empty string or a number'], 'records without an id: URL, else text hash');

    const feed = join(dir, 'feed.rss');
    writeFileSync(feed, `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
      <item><guid isPermaLink="false">desk-1</guid><link>https://example.org/one</link><description>One said so.</description></item>
      <item><link>http://example.org/two?utm_campaign=z</link><description>Two said so.</description></item>
      <item><description>Three said so.</description></item></channel></rss>`);
    assert.deepEqual(await ids([feed]), ['desk-1', 'https://example.org/two', contentIdentity('Three said so.')]);

    assert.deepEqual(await ids([join(dir, 'news', 'a')], { id: 'given' }), ['given']);
    assert.deepEqual(await ids([join(dir, 'news', 'b')], { id: 'given' }),
      ['given', 'error: --id names one document, but the inputs hold more', 'error: --id names one document, but the inputs hold more']);
  });
});
