/**
 * pollFeed against a local feed server that honours conditional GET: the second poll sends the validators and
 * gets a 304; a changed feed yields only the items not seen before; the seen set stays bounded.
 */
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { FetchFailed, FetchRefused, pollFeed } from '../src/net/index.js';
import { startServer, type TestServer } from './net-server.js';

interface Item { guid?: string; link: string; title: string; date: string }

function rss(items: Item[]): string {
  const entries = items.map((i) => `<item>${i.guid ? `<guid isPermaLink="false">${i.guid}</guid>` : ''}<link>${i.link}</link>`
    + `<title>${i.title}</title><pubDate>${i.date}</pubDate><description>About ${i.title}.</description></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Test desk</title><link>http://desk.test/</link>${entries.join('')}</channel></rss>`;
}

const BRIDGE: Item = { guid: 'desk-1', link: '/stories/bridge', title: 'Council votes on the bridge', date: 'Mon, 04 Mar 2024 09:00:00 GMT' };
const SCHOOL: Item = { guid: 'desk-2', link: '/stories/school', title: 'School term starts early', date: 'Tue, 05 Mar 2024 09:00:00 GMT' };
const FERRY: Item = { guid: 'desk-3', link: '/stories/ferry', title: 'Ferry timetable changes', date: 'Wed, 06 Mar 2024 09:00:00 GMT' };

describe('pollFeed', () => {
  let server: TestServer;
  const feed = { items: [SCHOOL, BRIDGE], version: 1, modified: 'Tue, 05 Mar 2024 10:00:00 GMT' };
  const seenHeaders: IncomingMessage['headers'][] = [];
  const local = { allowPrivate: true };
  before(async () => {
    server = await startServer({
      '/feed.xml': (req, res) => {
        seenHeaders.push(req.headers);
        const etag = `"v${feed.version}"`;
        if (req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === feed.modified) {
          res.writeHead(304, { etag }).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag, 'last-modified': feed.modified }).end(rss(feed.items));
      },
      // A server with neither validator: every poll downloads the feed, and only the seen set tells what is new.
      '/plain.xml': (_req, res) => res.writeHead(200, { 'content-type': 'text/xml' }).end(rss(feed.items)),
      '/atom.xml': (_req, res) => res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom desk</title>'
        + '<entry><id>tag:desk.test,2024:7</id><title>Tram line opens</title><link href="http://desk.test/tram?utm_source=feed"/>'
        + '<updated>2024-03-07T08:00:00Z</updated><summary>The tram line opened.</summary></entry></feed>'),
      '/gone.xml': (_req, res) => res.writeHead(410).end(),
      '/not-a-feed': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>hello</body></html>'),
      '/moved.xml': (_req, res) => res.writeHead(301, { location: 'http://10.0.0.9/feed.xml' }).end(),
    });
  });
  after(() => server.close());

  it('reads every item on the first poll, then sends If-None-Match and If-Modified-Since and gets not-modified', async () => {
    const first = await pollFeed(`${server.origin}/feed.xml`, {}, local);
    assert.equal(first.status, 'updated');
    assert.deepEqual(first.items.map((i) => i.id), ['desk-2', 'desk-1']);
    assert.deepEqual(first.newItems.map((i) => i.id), ['desk-2', 'desk-1']);
    assert.equal(first.items[1]?.url, 'http://desk.test/stories/bridge', 'relative links resolved against the channel link');
    assert.equal(first.items[1]?.title, 'Council votes on the bridge');
    assert.equal(first.items[1]?.published, '2024-03-04T09:00:00.000Z');
    assert.equal(first.state.etag, '"v1"');
    assert.equal(first.state.lastModified, feed.modified);
    assert.equal(seenHeaders.at(-1)?.['if-none-match'], undefined);

    const second = await pollFeed(`${server.origin}/feed.xml`, first.state, local);
    assert.equal(seenHeaders.at(-1)?.['if-none-match'], '"v1"');
    assert.equal(seenHeaders.at(-1)?.['if-modified-since'], feed.modified);
    assert.equal(second.status, 'not-modified');
    assert.deepEqual(second.newItems, []);
    assert.deepEqual(second.state, first.state);
  });

  it('gives only the new items when the feed changes', async () => {
    const first = await pollFeed(`${server.origin}/feed.xml`, {}, local);
    feed.items = [FERRY, SCHOOL, BRIDGE];
    feed.version = 2;
    feed.modified = 'Wed, 06 Mar 2024 10:00:00 GMT';
    const changed = await pollFeed(`${server.origin}/feed.xml`, first.state, local);
    assert.equal(changed.status, 'updated');
    assert.deepEqual(changed.items.map((i) => i.id), ['desk-3', 'desk-2', 'desk-1']);
    assert.deepEqual(changed.newItems.map((i) => i.title), ['Ferry timetable changes']);
    assert.equal(changed.state.etag, '"v2"');
    assert.ok(changed.state.seen?.includes('desk-3'));
  });

  it('decides new items by guid or link when the server sends no validators', async () => {
    feed.items = [SCHOOL, BRIDGE];
    const first = await pollFeed(`${server.origin}/plain.xml`, {}, local);
    assert.equal(first.state.etag, undefined);
    // The publisher regenerates its guids, but the links stay: nothing is new.
    feed.items = [{ ...SCHOOL, guid: 'new-2' }, { ...BRIDGE, guid: 'new-1' }];
    const regenerated = await pollFeed(`${server.origin}/plain.xml`, first.state, local);
    assert.equal(regenerated.status, 'updated');
    assert.deepEqual(regenerated.newItems, []);
    feed.items = [{ ...FERRY, guid: undefined }, ...feed.items];
    const withFerry = await pollFeed(`${server.origin}/plain.xml`, regenerated.state, local);
    assert.deepEqual(withFerry.newItems.map((i) => i.url), ['http://desk.test/stories/ferry']);
    assert.equal(withFerry.newItems[0]?.id, 'http://desk.test/stories/ferry', 'without a guid the link is the id');
  });

  it('keeps the seen set bounded, but never forgets an item still in the feed', async () => {
    feed.items = [FERRY, SCHOOL, BRIDGE];
    const old = Array.from({ length: 50 }, (_, i) => `old-${i}`);
    const res = await pollFeed(`${server.origin}/plain.xml`, { seen: old }, { ...local, maxSeen: 10 });
    assert.equal(res.state.seen?.length, 10);
    for (const item of res.items) assert.ok(res.state.seen?.includes(item.id), item.id);
    assert.ok(res.state.seen?.includes('old-0'), 'the newest old keys are kept');
    assert.ok(!res.state.seen?.includes('old-49'));
    const tight = await pollFeed(`${server.origin}/plain.xml`, { seen: old }, { ...local, maxSeen: 1 });
    for (const item of tight.items) assert.ok(tight.state.seen?.includes(item.id), item.id);
  });

  it('reads Atom entries with their id, link and update time', async () => {
    const res = await pollFeed(`${server.origin}/atom.xml`, {}, local);
    assert.deepEqual(res.items, [{
      id: 'tag:desk.test,2024:7', url: 'http://desk.test/tram?utm_source=feed', title: 'Tram line opens', published: '2024-03-07T08:00:00.000Z',
    }]);
    // The canonical link (tracking parameter dropped) is remembered too.
    assert.ok(res.state.seen?.includes('https://desk.test/tram'));
  });

  it('fails with the URL and the reason for HTTP errors, non-feeds and refused redirects', async () => {
    const gone = await pollFeed(`${server.origin}/gone.xml`, {}, local).catch((e: unknown) => e);
    assert.ok(gone instanceof FetchFailed);
    assert.equal(gone.status, 410);
    assert.match(gone.message, /gone\.xml: HTTP 410/);
    const page = await pollFeed(`${server.origin}/not-a-feed`, {}, local).catch((e: unknown) => e);
    assert.ok(page instanceof FetchFailed);
    assert.match(page.message, /not an RSS or Atom feed/);
    const moved = await pollFeed(`${server.origin}/moved.xml`, {}, { allowAddresses: ['127.0.0.1'] }).catch((e: unknown) => e);
    assert.ok(moved instanceof FetchRefused);
    assert.match(moved.message, /10\.0\.0\.9.*private/);
  });
});
