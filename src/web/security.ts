/**
 * Everything the web app does to stay safe with untrusted text: article text, titles, URLs and names come from
 * whatever was analysed, so every value is escaped where it is written into HTML, only http(s) addresses become
 * links, and the response headers forbid inline script and style (the app's CSS and JS are static files). The
 * access token (required when the server listens beyond loopback) is compared in constant time.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseHttpUrl } from '../input/identity.js';

/** The Content-Security-Policy of every response: no inline script or style, nothing from elsewhere. */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * Bidirectional-override and isolate controls (U+202A..E, U+2066..9): left raw they make "txt.exe" read as
 * "exe.txt". They are written as visible escapes, so nothing can reorder the page around them.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Text for an element body or a quoted attribute value. */
export function esc(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c]!)
    .replace(BIDI_CONTROLS, (c) => `&lt;U+${c.charCodeAt(0).toString(16).toUpperCase()}&gt;`)
    // C0 controls other than tab and newline have no business in a page.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '\uFFFD');
}

/** The address when it is an absolute http(s) URL (so never `javascript:`, `data:` or a relative path), else null. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  return url ? parseHttpUrl(url)?.toString() ?? null : null;
}

/** An outside link when the URL is http(s); otherwise the URL as plain escaped text. */
export function externalLink(url: string | null | undefined, label?: string): string {
  const safe = safeHttpUrl(url);
  if (!safe) return url ? `<span class="url">${esc(url)}</span>` : '';
  return `<a class="external" href="${esc(safe)}" rel="noopener noreferrer nofollow">${esc(label ?? url)}</a>`;
}

/** One path segment for an id (ids hold '/', ':', '#', '.'); dots too, so an id ending in ".json" stays an id. */
export function pathSegment(id: string): string {
  return encodeURIComponent(id).replace(/\./g, '%2E');
}

/** Headers every response carries, HTML or not. */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

export const TOKEN_COOKIE = 'claimline_token';

function digestOf(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/** Constant-time comparison (hashes first, so the lengths are equal and not leaked either). */
export function tokenMatches(given: string | null, expected: string): boolean {
  if (given === null) return false;
  return timingSafeEqual(digestOf(given), digestOf(expected));
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const k = part.slice(0, eq).trim();
    let v = part.slice(eq + 1).trim();
    try { v = decodeURIComponent(v); } catch { /* keep it raw */ }
    if (k && !out.has(k)) out.set(k, v);
  }
  return out;
}

/** The token a request presents: `Authorization: Bearer …`, else the cookie set from `?token=`. */
export function presentedToken(req: IncomingMessage): string | null {
  const auth = req.headers.authorization;
  if (auth) {
    const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
    if (m) return m[1]!.trim();
  }
  return parseCookies(req.headers.cookie).get(TOKEN_COOKIE) ?? null;
}

export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]', '0:0:0:0:0:0:0:1']);

export function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The host name of a Host header, without its port. */
export function hostName(hostHeader: string | undefined): string {
  if (!hostHeader) return '';
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.lastIndexOf(':');
  return colon >= 0 ? h.slice(0, colon) : h;
}

/**
 * A server on loopback without a token must not answer pages of another site that rebinds its own name to
 * 127.0.0.1 (DNS rebinding), nor accept a form another site posts to it (CSRF): the Host must be a loopback
 * name, and a write's Origin, when the browser sends one, must be this server.
 */
export function loopbackRequestProblem(req: IncomingMessage): string | null {
  const host = hostName(req.headers.host);
  if (host && !isLoopback(host)) return `Host '${host}' is not this server's loopback address`;
  return null;
}

/** Whether a state-changing request comes from a page of this same server (or from a non-browser client). */
export function sameOrigin(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.headers.origin;
  if (!origin || origin === 'null') return origin !== 'null';
  try {
    return new URL(origin).host.toLowerCase() === (req.headers.host ?? '').toLowerCase();
  } catch {
    return false;
  }
}
