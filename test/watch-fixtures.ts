/**
 * A small news site for the `claimline watch` tests, served on 127.0.0.1 (no internet here): an RSS feed whose
 * items the test changes, honouring conditional GET, and one article page per item. Texts written for the tests.
 */
import type { IncomingMessage } from 'node:http';
import { startServer, type TestServer } from './net-server.js';

export interface SiteItem {
  slug: string;
  /** A guid, or none (the item is then named by its link). */
  guid?: string;
  title: string;
  date: string;
  paragraphs: string[];
}

export const ITEMS: SiteItem[] = [
  {
    slug: 'harbour-dredging', guid: 'coast-101', title: 'Harbour dredging to start in spring', date: 'Mon, 04 Mar 2024 09:00:00 GMT',
    paragraphs: [
      'Dredging of the old harbour will begin in April, the port authority said on Monday.',
      '"The channel has silted up faster than we expected," said Mara Lindqvist, the authority\'s director, adding that fishing boats would be moved to the north quay.',
      'The work is expected to last eleven weeks and will be paid for by the regional government, according to a statement.',
    ],
  },
  {
    slug: 'ferry-fares', title: 'Ferry fares frozen for another year', date: 'Tue, 05 Mar 2024 10:30:00 GMT',
    paragraphs: [
      'Island ferry fares will not rise this year, the transport committee announced on Tuesday.',
      'Committee chair Tomas Berg told reporters that the freeze would cost the council about two million crowns.',
      'Residents had collected more than four thousand signatures against the planned increase, organisers said.',
    ],
  },
  {
    slug: 'lighthouse-museum', guid: 'coast-103', title: 'Lighthouse to become a museum', date: 'Wed, 06 Mar 2024 08:15:00 GMT',
    paragraphs: [
      'The disused lighthouse on Skarv Point will open as a maritime museum next summer, the heritage trust said on Wednesday.',
      '"Visitors have asked to climb the tower for decades," trust spokesperson Elin Dahl said.',
      'The trust denied reports that the keeper\'s cottage would be demolished to make room for a car park.',
    ],
  },
];

export function rss(origin: string, items: SiteItem[]): string {
  const entries = items.map((i) => `<item>${i.guid ? `<guid isPermaLink="false">${i.guid}</guid>` : ''}`
    + `<link>${origin}/articles/${i.slug}</link><title>${i.title}</title><pubDate>${i.date}</pubDate>`
    + `<description>${i.title}.</description></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Coast Herald</title><link>${origin}/</link>${entries.join('')}</channel></rss>`;
}

export function articlePage(item: SiteItem): string {
  return `<!doctype html><html><head><title>${item.title} | Coast Herald</title></head><body><nav><a href="/">Home</a></nav>`
    + `<article><h1>${item.title}</h1>${item.paragraphs.map((p) => `<p>${p}</p>`).join('')}</article><footer>Coast Herald</footer></body></html>`;
}

export interface NewsSite {
  server: TestServer;
  origin: string;
  /** The items /news.xml lists now, newest first; change it and bump `version` to publish. */
  feed: { items: SiteItem[]; version: number };
  /** Requests to /news.xml: their conditional headers and the status answered. */
  feedRequests: { ifNoneMatch?: string; ifModifiedSince?: string; status: number }[];
  /** Article pages requested, by slug. */
  articleRequests: string[];
  /** Slugs whose page answers 503 for now (a site having a bad minute). */
  unavailable: Set<string>;
  close(): Promise<void>;
}

export async function startNewsSite(): Promise<NewsSite> {
  const site = { feed: { items: [] as SiteItem[], version: 1 }, feedRequests: [] as NewsSite['feedRequests'], articleRequests: [] as string[], unavailable: new Set<string>() };
  const modified = () => new Date(Date.UTC(2024, 2, 1) + site.feed.version * 3600_000).toUTCString();
  let origin = '';
  const routes: Record<string, (req: IncomingMessage, res: import('node:http').ServerResponse) => void> = {
    '/news.xml': (req, res) => {
      const etag = `"news-v${site.feed.version}"`;
      const ifNoneMatch = req.headers['if-none-match'];
      const ifModifiedSince = req.headers['if-modified-since'];
      const fresh = ifNoneMatch === etag || (ifNoneMatch === undefined && ifModifiedSince === modified());
      site.feedRequests.push({ ifNoneMatch, ifModifiedSince, status: fresh ? 304 : 200 });
      if (fresh) {
        res.writeHead(304, { etag }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag, 'last-modified': modified() }).end(rss(origin, site.feed.items));
    },
    '/broken.xml': (_req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('database error'),
    '/not-a-feed.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><p>Welcome</p></body></html>'),
  };
  for (const item of ITEMS) {
    routes[`/articles/${item.slug}`] = (_req, res) => {
      site.articleRequests.push(item.slug);
      if (site.unavailable.has(item.slug)) {
        res.writeHead(503, { 'content-type': 'text/plain' }).end('try later');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage(item));
    };
  }
  const server = await startServer(routes);
  origin = server.origin;
  return { ...site, server, origin, close: () => server.close() };
}
