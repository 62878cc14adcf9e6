/**
 * `pollFeed`: one poll of an RSS or Atom feed with a conditional GET, telling which items are new since the
 * last poll. The caller keeps the returned `state` (ETag, Last-Modified, the keys already seen) and passes it to
 * the next poll; an unchanged feed then costs one 304 with no body.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { createHash } from 'node:crypto';
import { canonicalUrl } from '../input/identity.js';
import { FetchFailed, httpStatusError } from './errors.js';
import { safeFetch, type FetchOptions } from './fetch.js';

export interface FeedState {
  etag?: string;
  lastModified?: string;
  /** Keys (guids and canonical links) of items already seen, newest first, bounded by `maxSeen`. */
  seen?: string[];
}

export interface FeedEntry {
  /** The item's guid (RSS) or id (Atom), else its canonical link, else a hash of its title and date. */
  id: string;
  /** The item's link, resolved against the feed's URL; null when the item has none (or not http(s)). */
  url: string | null;
  title: string | null;
  /** ISO 8601 timestamp of publication (or last update), or null. */
  published: string | null;
}

export interface PollResult {
  status: 'not-modified' | 'updated';
  /** Every item in the feed, in feed order (empty when not modified). */
  items: FeedEntry[];
  /** The items whose guid and link are both absent from the seen set, in feed order. */
  newItems: FeedEntry[];
  /** What to pass to the next poll. */
  state: FeedState;
  /** The feed's final URL after redirects. */
  url: string;
}

export interface PollOptions extends FetchOptions {
  /** Most keys kept in `state.seen` (default 5000); the current feed's own keys are always kept. */
  maxSeen?: number;
}

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1';
export const DEFAULT_MAX_SEEN = 5000;

/** Polls `feedUrl` once; throws FetchRefused or FetchFailed (HTTP errors, a body that is not a feed). */
export async function pollFeed(feedUrl: string, state: FeedState = {}, opts: PollOptions = {}): Promise<PollResult> {
  const headers: Record<string, string> = { accept: FEED_ACCEPT, ...opts.headers };
  if (state.etag) headers['if-none-match'] = state.etag;
  if (state.lastModified) headers['if-modified-since'] = state.lastModified;
  const res = await safeFetch(feedUrl, { ...opts, headers });
  if (res.status === 304) {
    return { status: 'not-modified', items: [], newItems: [], state: { ...state, seen: [...(state.seen ?? [])] }, url: res.url };
  }
  if (res.status < 200 || res.status > 299) throw httpStatusError(feedUrl, res.status, res.url);
  const items = feedEntries(feedUrl, res.url, String(res.body));
  const seen = new Set(state.seen ?? []);
  const newItems = items.filter((item) => !entryKeys(item).some((key) => seen.has(key)));
  return {
    status: 'updated',
    items,
    newItems,
    state: {
      // A validator the server stopped sending must not be sent back: it would describe an older version.
      ...(res.headers.etag ? { etag: res.headers.etag } : {}),
      ...(res.headers['last-modified'] ? { lastModified: res.headers['last-modified'] } : {}),
      seen: nextSeen(items, state.seen ?? [], opts.maxSeen ?? DEFAULT_MAX_SEEN),
    },
    url: res.url,
  };
}

/** The items of a feed document; `requested` is the URL errors name, `base` the URL links are resolved against. */
export function feedEntries(requested: string, base: string, xml: string): FeedEntry[] {
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(xml);
  } catch (e) {
    throw new FetchFailed(requested, `not an RSS or Atom feed: ${(e as Error).message}`, false);
  }
  return feed.items.map((item) => {
    const url = resolveLink(item.url, base);
    const date = item.published ?? item.updated;
    const published = date && !Number.isNaN(date.getTime()) ? date : null;
    const title = item.title?.trim() || null;
    return {
      id: item.id?.trim() || url || `sha256:${createHash('sha256').update(`${title}\n${published?.toISOString()}`).digest('hex').slice(0, 32)}`,
      url,
      title,
      published: published ? published.toISOString() : null,
    };
  });
}

function resolveLink(link: string | null, base: string): string | null {
  if (!link?.trim()) return null;
  try {
    const u = new URL(link.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

/**
 * What marks an item as seen: its id and its canonical link. An item counts as new only when neither is
 * known, so a publisher that changes one of the two (guids regenerated, links gaining tracking parameters)
 * does not make old items look new.
 */
function entryKeys(item: FeedEntry): string[] {
  const keys = [item.id];
  const link = item.url ? canonicalUrl(item.url) : null;
  if (link && link !== item.id) keys.push(link);
  return keys;
}

/**
 * The seen set after this poll: the feed's current keys first (all of them, whatever the bound: forgetting one
 * would make it new again next time), then older keys, newest first, up to `maxSeen`.
 */
function nextSeen(items: FeedEntry[], previous: string[], maxSeen: number): string[] {
  const out = new Set<string>();
  for (const item of items) for (const key of entryKeys(item)) out.add(key);
  const limit = Math.max(maxSeen, out.size);
  for (const key of previous) {
    if (out.size >= limit) break;
    out.add(key);
  }
  return [...out];
}
