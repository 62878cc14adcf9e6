/**
 * URL jobs: fetch a page, and either extract its article (a document to store) or, when the address is a feed,
 * turn each item into a URL job of its own. Fetching goes through a `PageFetcher` the caller supplies, so the
 * network policy (http(s) only, no private addresses, size and time limits) lives in one place (src/net).
 */
import { canonicalUrl } from '../input/identity.js';
import { extractArticle } from '../input/html.js';
import { feedItems } from '../input/feed.js';
import { sniffFormat } from '../input/detect.js';
import { publishedOrWarn } from '../input/published.js';
import type { Diagnostic } from '../model/format.js';
import type { RawDocFields } from './ingest-one.js';
import { JOB_FORMAT, PermanentJobError, type UrlJob } from './jobs.js';

export interface FetchedPage {
  /** The address the body came from, after redirects. */
  url: string;
  body: string;
  contentType: string | null;
}

export interface PageFetcher {
  /** Throws for a refused address, an HTTP error, or a body over the size limit, with a message naming the URL. */
  fetchPage(url: string): Promise<FetchedPage>;
}

/** What one URL job became: an article to store, or more URL jobs (a feed's items). */
export type UrlOutcome = { kind: 'document'; doc: RawDocFields } | { kind: 'feed'; jobs: UrlJob[] };

export async function resolveUrlJob(job: UrlJob, fetcher: PageFetcher | null): Promise<UrlOutcome> {
  if (!fetcher) throw new PermanentJobError('this worker cannot fetch URLs (no page fetcher configured)');
  const page = await fetcher.fetchPage(job.url);
  const format = sniffFormat(page.body);
  if (format === 'feed' || /\b(rss|atom)\+xml\b/i.test(page.contentType ?? '')) {
    const jobs: UrlJob[] = [];
    for (const item of feedItems(page.body, page.url)) {
      if (!item.ok || !item.doc.url) continue;
      // The guid (when the feed gives one) names the article; otherwise its canonical address does.
      const guid = item.doc.id !== item.doc.url ? item.doc.id : null;
      jobs.push({ v: JOB_FORMAT, kind: 'url', url: item.doc.url, id: guid, published: item.doc.published ?? job.published, attribution: job.attribution });
    }
    if (jobs.length === 0) throw new PermanentJobError(`${job.url}: the feed has no items with a link`);
    return { kind: 'feed', jobs };
  }
  if (format !== 'html') throw new PermanentJobError(`${job.url}: not an HTML page or a feed (${page.contentType ?? 'no content type'})`);
  let article;
  try {
    article = extractArticle(page.body);
  } catch (e) {
    throw new PermanentJobError(`${job.url}: ${(e as Error).message}`);
  }
  const warnings: Diagnostic[] = [];
  const published = publishedOrWarn(article.publishedTime, warnings, 'page');
  const id = job.id ?? canonicalUrl(article.url ?? page.url) ?? canonicalUrl(job.url) ?? job.url;
  return {
    kind: 'document',
    doc: { id, text: article.text, title: article.title, url: article.url ?? page.url, published, source: job.url, warnings },
  };
}
