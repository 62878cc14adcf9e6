/**
 * `safeFetch`: an HTTP(S) GET for URLs that come from feeds and users, safe to run on a server.
 *
 * - Only http: and https: URLs.
 * - The host is resolved once, every address it resolves to is checked (see address.ts), and the connection
 *   is made to those checked addresses through a pinned `lookup`, so a DNS answer that changes between the check
 *   and the connect (DNS rebinding) cannot steer the request somewhere else.
 * - Redirects are followed by hand, each hop checked the same way, at most `maxRedirects`.
 * - One deadline covers resolution, every hop and the body; the body is limited in size while it streams and
 *   again after decompression.
 */
import dns from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { blockedReason, literalAddress } from './address.js';
import { decodeBody, mediaType, readLimitedBody } from './body.js';
import { FetchError, FetchFailed, FetchRefused } from './errors.js';

export interface ResolvedAddress {
  address: string;
  /** 4 or 6. */
  family: number;
}

/** Resolves a host name to all its addresses (the default is the system resolver, `dns.lookup` with all). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface FetchOptions {
  /** Largest body accepted, received and decoded (default 20 MiB). */
  maxBytes?: number;
  /** Deadline for the whole fetch: resolution, every redirect and the body (default 30 s). */
  timeoutMs?: number;
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
  userAgent?: string;
  /**
   * Connect to loopback, private and link-local addresses too. UNSAFE on any machine that can reach services
   * which trust their network (cloud metadata, admin panels, databases): only for tests and an explicit user
   * opt-in (`--allow-private-addresses`).
   */
  allowPrivate?: boolean;
  /**
   * Exact addresses that may be connected to although they are private (a known internal mirror, a test
   * server); every other private address is still refused, on every hop.
   */
  allowAddresses?: string[];
  /** Extra request headers (If-None-Match, Accept…). Authorization and Cookie are dropped on a cross-origin redirect. */
  headers?: Record<string, string>;
  /** Replaces the system resolver: tests use it to make a public-looking name resolve to a private address. */
  lookup?: Resolver;
  /** Cancels the fetch (a worker shutting down); the fetch then fails with reason "aborted". */
  signal?: AbortSignal;
}

export interface FetchResult {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  /** Response headers, names in lower case, repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** A string for textual media types (decoded from its charset), a Buffer for anything else. */
  body: string | Buffer;
  /** The media type without parameters (`text/html`), or null when the server sent none. */
  contentType: string | null;
  /** Every URL redirected through, in order (empty without redirects). */
  redirects: string[];
}

export const FETCH_DEFAULTS = {
  maxBytes: 20 * 1024 * 1024,
  timeoutMs: 30_000,
  maxRedirects: 5,
  userAgent: 'claimline/0.1 (+https://github.com/claimline/claimline)',
} as const;

const REDIRECT = new Set([301, 302, 303, 307, 308]);
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

const systemResolver: Resolver = async (hostname) =>
  (await dns.promises.lookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family }));

/**
 * Fetches `url` with GET. Resolves for any final status that is not a redirect (a 304 or a 404 too: callers
 * decide what an HTTP status means to them); throws FetchRefused when policy forbids the URL or any hop, and
 * FetchFailed for network errors, timeouts, oversize bodies and redirect loops.
 */
export async function safeFetch(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const maxBytes = opts.maxBytes ?? FETCH_DEFAULTS.maxBytes;
  const timeoutMs = opts.timeoutMs ?? FETCH_DEFAULTS.timeoutMs;
  const maxRedirects = opts.maxRedirects ?? FETCH_DEFAULTS.maxRedirects;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new FetchFailed(url, `timed out after ${timeoutMs} ms`, true)), timeoutMs);
  const signal = opts.signal ? AbortSignal.any([deadline.signal, opts.signal]) : deadline.signal;
  let headers = requestHeaders(opts);
  const redirects: string[] = [];
  try {
    let current = checkScheme(url, url, redirects);
    for (;;) {
      const addresses = await untilAborted(resolveChecked(url, current, redirects, opts), signal);
      const res = await request(current, addresses, headers, signal);
      const location = res.headers.location;
      if (REDIRECT.has(res.statusCode ?? 0) && location) {
        res.resume();
        res.destroy();
        if (redirects.length >= maxRedirects) {
          throw new FetchFailed(url, `too many redirects (more than ${maxRedirects}; last to ${location})`, false);
        }
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          throw new FetchFailed(url, `redirect to an unreadable location "${location}"`, false);
        }
        redirects.push(next.toString());
        next = checkScheme(url, next.toString(), redirects);
        if (next.origin !== current.origin) headers = withoutCredentials(headers);
        current = next;
        continue;
      }
      const body = await readLimitedBody(res, maxBytes, url, signal);
      return {
        url: withoutFragment(current),
        status: res.statusCode ?? 0,
        headers: flatHeaders(res),
        body: decodeBody(body, res.headers['content-type']),
        contentType: mediaType(res.headers['content-type']),
        redirects,
      };
    }
  } catch (e) {
    throw asFetchError(e, url, signal, opts.signal);
  } finally {
    clearTimeout(timer);
  }
}

function requestHeaders(opts: FetchOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': opts.userAgent ?? FETCH_DEFAULTS.userAgent,
    'accept-encoding': 'gzip, deflate, br',
    accept: '*/*',
  };
  for (const [name, value] of Object.entries(opts.headers ?? {})) headers[name.toLowerCase()] = value;
  return headers;
}

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADERS.has(name)));
}

/** How a hop is named in an error: the URL itself, or "(redirected to …)" after the first. */
function hopNote(redirects: string[]): string {
  const last = redirects[redirects.length - 1];
  return last ? ` (redirected to ${last})` : '';
}

function checkScheme(original: string, target: string, redirects: string[]): URL {
  let u: URL;
  try {
    u = new URL(target);
  } catch {
    throw new FetchRefused(original, `not a valid URL${hopNote(redirects)}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new FetchRefused(original, `only http and https URLs are fetched, not ${u.protocol}${hopNote(redirects)}`);
  }
  if (!u.hostname) throw new FetchRefused(original, `URL has no host${hopNote(redirects)}`);
  return u;
}

/**
 * The addresses `target`'s host resolves to, every one of them checked: one private address among public ones
 * is enough to refuse, since the connection could land on any of them.
 */
async function resolveChecked(original: string, target: URL, redirects: string[], opts: FetchOptions): Promise<ResolvedAddress[]> {
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const literal = literalAddress(host);
  let addresses: ResolvedAddress[];
  if (literal !== null) {
    addresses = [{ address: literal, family: isIP(literal) || 4 }];
  } else {
    try {
      addresses = await (opts.lookup ?? systemResolver)(host);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new FetchFailed(original, `cannot resolve ${host}${hopNote(redirects)}: ${code ?? (e as Error).message}`, code !== 'ENOTFOUND');
    }
    if (addresses.length === 0) throw new FetchFailed(original, `${host} has no addresses${hopNote(redirects)}`, true);
  }
  if (!opts.allowPrivate) {
    for (const { address } of addresses) {
      const why = opts.allowAddresses?.includes(address) ? null : blockedReason(address);
      if (why !== null) {
        const shown = address === host ? address : `${host} resolves to ${address}`;
        throw new FetchRefused(original, `${shown}, which is ${why}${hopNote(redirects)} (private, loopback and link-local addresses are not fetched)`);
      }
    }
  }
  return addresses;
}

/**
 * A `lookup` for the socket that answers only with the addresses already checked, whatever the name now
 * resolves to. Handles both call shapes net.connect uses (one address, or all of them for Happy Eyeballs).
 */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    const usable = family === 4 || family === 6 ? addresses.filter((a) => a.family === family) : addresses;
    const first = usable[0];
    if (!first) {
      callback(Object.assign(new Error(`no checked IPv${family} address`), { code: 'ENOTFOUND' }), '', 0);
      return;
    }
    if (options.all) callback(null, usable.map((a) => ({ address: a.address, family: a.family })));
    else callback(null, first.address, first.family);
  };
}

function request(target: URL, addresses: ResolvedAddress[], headers: Record<string, string>, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const client = target.protocol === 'https:' ? https : http;
    const req = client.request({
      protocol: target.protocol,
      hostname: target.hostname.replace(/^\[|\]$/g, ''),
      port: target.port || undefined,
      path: `${target.pathname}${target.search}`,
      method: 'GET',
      headers,
      lookup: pinnedLookup(addresses),
      // A fresh connection per request: a pooled socket was opened for an earlier, separately checked lookup.
      agent: false,
      signal,
    }, resolve);
    req.on('error', reject);
    req.end();
  });
}

/** Rejects with the signal's reason as soon as it aborts (dns.lookup itself cannot be cancelled). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** A fragment never reaches the server, so it is no part of the fetched resource's address. */
function withoutFragment(u: URL): string {
  const copy = new URL(u);
  copy.hash = '';
  return copy.toString();
}

function flatHeaders(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Every error leaves as a FetchError naming the URL: the deadline's, the caller's abort, or a network error. */
function asFetchError(e: unknown, url: string, signal: AbortSignal, callerSignal: AbortSignal | undefined): FetchError {
  if (e instanceof FetchError) return e;
  if (signal.aborted) {
    if (signal.reason instanceof FetchError) return signal.reason;
    if (callerSignal?.aborted) return new FetchFailed(url, 'aborted', true);
  }
  const code = (e as NodeJS.ErrnoException).code;
  const what = code === 'ECONNREFUSED' ? 'connection refused'
    : code === 'ECONNRESET' ? 'connection reset'
      : code?.startsWith('ERR_TLS') || code?.includes('CERT') ? `TLS error (${code})`
        : (e as Error).message;
  return new FetchFailed(url, what, true);
}
