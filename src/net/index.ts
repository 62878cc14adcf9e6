/**
 * Fetching articles and feeds from the web, safely (see docs/fetch.md). The stable API the queue workers and
 * `claimline watch` build on: safeFetch, pollFeed, fetchArticle and the two error classes.
 */
export { safeFetch, FETCH_DEFAULTS, type FetchOptions, type FetchResult, type Resolver, type ResolvedAddress } from './fetch.js';
export { describeFetchError, FetchError, FetchFailed, FetchRefused } from './errors.js';
export { blockedReason } from './address.js';
export { pollFeed, feedEntries, DEFAULT_MAX_SEEN, type FeedEntry, type FeedState, type PollOptions, type PollResult } from './feed.js';
export { fetchArticle, type FetchedArticle } from './article.js';
