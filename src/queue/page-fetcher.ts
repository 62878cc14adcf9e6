/**
 * The PageFetcher URL jobs use (url-jobs.ts), built on the safe fetcher (src/net: http(s) only, private,
 * loopback and link-local addresses refused after DNS resolution and on every redirect, size and time limits).
 *
 * A failure that trying again cannot fix (a refused address, a 404, a page over the size limit) becomes a
 * PermanentJobError, so the worker sends the job to the dead letters at once instead of retrying it; a timeout,
 * a network error, a 5xx or a 429 stays an ordinary error and is retried with backoff.
 */
import { describeFetchError, FetchError, httpStatusError } from '../net/errors.js';
import { safeFetch, type FetchOptions } from '../net/fetch.js';
import { PermanentJobError } from './jobs.js';
import type { FetchedPage, PageFetcher } from './url-jobs.js';

export function safePageFetcher(opts: FetchOptions = {}): PageFetcher {
  return {
    async fetchPage(url: string): Promise<FetchedPage> {
      try {
        const res = await safeFetch(url, {
          ...opts,
          headers: { accept: 'text/html,application/xhtml+xml;q=0.9,application/rss+xml;q=0.8,application/atom+xml;q=0.8,*/*;q=0.1', ...opts.headers },
        });
        if (res.status < 200 || res.status > 299) throw httpStatusError(url, res.status, res.url);
        if (typeof res.body !== 'string') {
          throw new PermanentJobError(`${url}: not a text document (Content-Type ${res.contentType ?? 'missing'})`);
        }
        return { url: res.url, body: res.body, contentType: res.contentType };
      } catch (e) {
        if (!(e instanceof FetchError)) throw e;
        const message = `${url}: ${describeFetchError(e)}`;
        if (!(e as FetchError & { retryable: boolean }).retryable) throw new PermanentJobError(message);
        throw new Error(message);
      }
    },
  };
}
