/**
 * `fetchArticle`: one article page fetched safely and extracted with the same Readability + linkedom path as an
 * HTML file (src/input/html.ts). Its identity is its canonical URL: the page's own `<link rel="canonical">`
 * (or og:url) when that names the same site, else the URL it was finally fetched from, normalised by
 * `canonicalUrl` (https, no tracking parameters, no fragment).
 */
import { extractArticle, type HtmlArticle } from '../input/html.js';
import { canonicalUrl } from '../input/identity.js';
import { parsePublished } from '../input/published.js';
import { FetchFailed, httpStatusError } from './errors.js';
import { safeFetch, type FetchOptions, type FetchResult } from './fetch.js';

export interface FetchedArticle {
  /** The URL the page was finally fetched from (after redirects). */
  url: string;
  /** The article's identity: see the module comment. */
  canonicalUrl: string;
  title: string | null;
  /** Paragraphs separated by blank lines, as for an HTML file. */
  text: string;
  /** YYYY-MM-DD from the page's metadata, or null. */
  published: string | null;
  /** Things worth telling the user that did not stop the fetch (an ignored canonical link, an unreadable date). */
  warnings: string[];
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const HTML_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1';

/** Fetches `url` and extracts its article; throws FetchRefused or FetchFailed (naming the URL) otherwise. */
export async function fetchArticle(url: string, opts: FetchOptions = {}): Promise<FetchedArticle> {
  const res = await safeFetch(url, { ...opts, headers: { accept: HTML_ACCEPT, ...opts.headers } });
  if (res.status < 200 || res.status > 299) throw httpStatusError(url, res.status, res.url);
  return articleFromResponse(url, res);
}

/** True when a response is (or, without a media type, looks like) an HTML page. */
export function isHtmlResponse(res: FetchResult): res is FetchResult & { body: string } {
  if (typeof res.body !== 'string') return false;
  if (res.contentType !== null) return HTML_TYPES.has(res.contentType);
  return /^\s*<(!doctype html|html|head|body)[\s>]/i.test(res.body.slice(0, 1024));
}

/** The article of an HTML response; `requested` is the URL errors name. */
export function articleFromResponse(requested: string, res: FetchResult): FetchedArticle {
  if (!isHtmlResponse(res)) {
    throw new FetchFailed(requested, `not an HTML page (Content-Type ${res.contentType ?? 'missing'})`, false);
  }
  let page: HtmlArticle;
  try {
    page = extractArticle(res.body);
  } catch (e) {
    throw new FetchFailed(requested, (e as Error).message, false);
  }
  const warnings: string[] = [];
  const published = page.publishedTime ? parsePublished(page.publishedTime) : null;
  if (page.publishedTime && published === null) {
    warnings.push(`unparsable page date ${JSON.stringify(page.publishedTime)}; published left empty`);
  }
  return {
    url: res.url,
    canonicalUrl: articleIdentity(page.url, res.url, warnings),
    title: page.title,
    text: page.text,
    published,
    warnings,
  };
}

/**
 * The page's declared canonical URL when it is an http(s) URL on the same site as the fetched one. A page on
 * another site may not name itself after someone else's article: its text would become a new version of that
 * article in the store. Syndicated copies keep their own address; the corpus layer links them as copies.
 */
export function articleIdentity(declared: string | null, fetchedUrl: string, warnings: string[]): string {
  const fetched = canonicalUrl(fetchedUrl) ?? fetchedUrl;
  if (!declared?.trim()) return fetched;
  let resolved: string;
  try {
    resolved = new URL(declared.trim(), fetchedUrl).toString();
  } catch {
    warnings.push(`ignored unreadable canonical link ${JSON.stringify(declared)}`);
    return fetched;
  }
  const canonical = canonicalUrl(resolved);
  if (canonical === null) {
    warnings.push(`ignored canonical link ${JSON.stringify(declared)}: not an http(s) URL`);
    return fetched;
  }
  if (!sameSite(new URL(canonical).hostname, new URL(fetched).hostname)) {
    warnings.push(`ignored canonical link ${canonical}: another site than ${new URL(fetched).hostname}`);
    return fetched;
  }
  return canonical;
}

/** Same host, once the usual mobile/AMP/www prefixes are set aside, or one host a subdomain of the other. */
function sameSite(a: string, b: string): boolean {
  const bare = (h: string) => h.toLowerCase().replace(/\.$/, '').replace(/^(www|m|amp|mobile)\./, '');
  const x = bare(a);
  const y = bare(b);
  return x === y || x.endsWith(`.${y}`) || y.endsWith(`.${x}`);
}
