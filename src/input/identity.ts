/**
 * A document's identity in the store, so that re-reading it finds the same document (and a changed text becomes
 * its next version) while two different documents never share one: an id the user or the record gave (`--id`,
 * a JSONL `id`, a sidecar `id`, a feed item's guid), else its canonical URL, else its path relative to the input
 * root (never a bare file name: the root folder's own name leads), else a hash of its text.
 */
import { createHash } from 'node:crypto';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import type { RawDoc } from './types.js';

export type { IdentityOptions } from './types.js';

/** Documents whose id was given on purpose by their record (JSONL id, sidecar id, feed guid). */
const explicit = new WeakSet<RawDoc>();

export function markExplicitId(doc: RawDoc): void {
  explicit.add(doc);
}

/** Query parameters that only say how a reader arrived, never which article it is. */
const TRACKING_PARAM = /^(utm_[a-z]+|fbclid|gclid|dclid|mc_cid|mc_eid|ocid|cmpid|smid|ref_src)$/i;

/** The text as an absolute http(s) URL (never `javascript:`, `data:`, `file:` or a relative path), else null. */
export function parseHttpUrl(text: string): URL | null {
  let u: URL;
  try {
    u = new URL(text.trim());
  } catch {
    return null;
  }
  return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
}

/**
 * The form of a web address that identifies an article: http and https alike, host in lower case, no default
 * port, no fragment, no tracking parameters, no trailing slash. Null for anything that is not an http(s) URL.
 */
export function canonicalUrl(url: string): string | null {
  const u = parseHttpUrl(url);
  if (!u) return null;
  u.protocol = 'https:';
  u.hash = '';
  u.username = '';
  u.password = '';
  for (const key of [...u.searchParams.keys()]) if (TRACKING_PARAM.test(key)) u.searchParams.delete(key);
  if (u.pathname.length > 1 && u.pathname.endsWith('/')) u.pathname = u.pathname.replace(/\/+$/, '');
  const out = u.toString();
  return out.endsWith('?') ? out.slice(0, -1) : out;
}

/** `news/world/story.txt` for news/world/story.txt under root `news`; the absolute path when outside the root. */
export function pathIdentity(file: string, root: string): string {
  const absRoot = resolve(root);
  const absFile = resolve(file);
  const rel = relative(absRoot, absFile);
  const posix = (p: string) => p.split(sep).join('/');
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || basename(absRoot) === '') return posix(absFile);
  return `${basename(absRoot)}/${posix(rel)}`;
}

export function contentIdentity(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
}

/** `root` is null for documents that have no file of their own (stdin, feed items, JSONL records). */
export function documentIdentity(doc: RawDoc, root: string | null): string {
  if (explicit.has(doc)) return doc.id;
  const url = doc.url ? canonicalUrl(doc.url) : null;
  if (url) return url;
  if (root !== null && (doc.format === 'text' || doc.format === 'html') && doc.source !== 'stdin') {
    return pathIdentity(doc.source, root);
  }
  return contentIdentity(doc.text);
}
