/**
 * URL inputs for `analyze` and `ingest` (`claimline analyze https://…`): the page is fetched with safeFetch and
 * read like a file of its kind: an HTML page is extracted like an HTML file (its identity is its canonical URL),
 * a feed gives one document per item, plain text is taken as it is. Like every input reader, nothing here
 * throws: a refused or failed URL is one `{ok: false}` item naming the reason.
 */
import { sniffFormat } from '../input/detect.js';
import { feedItems } from '../input/feed.js';
import { canonicalUrl } from '../input/identity.js';
import { plainTextTitle } from '../input/text.js';
import { inputWarning, type InputItem, type RawDoc, type UrlInputOptions } from '../input/types.js';
import { articleFromResponse, isHtmlResponse } from './article.js';
import { describeFetchError, httpStatusError } from './errors.js';
import { safeFetch, type FetchResult } from './fetch.js';

const FEED_TYPES = /^(application\/(rss|atom|rdf)\+xml|application\/xml|text\/xml)$/;

export async function* readUrlInput(url: string, maxBytes: number, opts: UrlInputOptions = {}): AsyncGenerator<InputItem> {
  let res: FetchResult;
  try {
    res = await safeFetch(url, { maxBytes, allowPrivate: opts.allowPrivate, timeoutMs: opts.timeoutMs });
    if (res.status < 200 || res.status > 299) throw httpStatusError(url, res.status, res.url);
  } catch (e) {
    yield { ok: false, source: url, reason: describeFetchError(e) };
    return;
  }
  if (typeof res.body !== 'string') {
    yield { ok: false, source: url, reason: `not a text document (Content-Type ${res.contentType})` };
    return;
  }
  if ((res.contentType !== null && FEED_TYPES.test(res.contentType)) || sniffFormat(res.body) === 'feed') {
    // Feed items carry their own links and guids; the URL only names where they came from.
    yield* feedItems(res.body, url);
    return;
  }
  if (isHtmlResponse(res) || (res.contentType === null && sniffFormat(res.body) === 'html')) {
    yield htmlDocument(url, res);
    return;
  }
  const id = canonicalUrl(res.url) ?? res.url;
  const text = res.body.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  yield {
    ok: true,
    doc: { id, text, title: plainTextTitle(text), url: id, published: null, source: url, format: 'text', warnings: [] },
  };
}

function htmlDocument(url: string, res: FetchResult): InputItem {
  try {
    const article = articleFromResponse(url, res);
    const doc: RawDoc = {
      id: article.canonicalUrl,
      text: article.text,
      title: article.title,
      url: article.canonicalUrl,
      published: article.published,
      source: url,
      format: 'html',
      warnings: article.warnings.map((w) => inputWarning('fetched-page', w)),
    };
    return { ok: true, doc };
  } catch (e) {
    return { ok: false, source: url, reason: describeFetchError(e) };
  }
}
