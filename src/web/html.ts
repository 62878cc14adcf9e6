/**
 * The page shell and the small HTML helpers every view shares. Every interpolated value goes through `esc`;
 * the helpers take raw strings and escape them, so a view never builds markup from unescaped data.
 */
import { esc, pathSegment } from './security.js';
import { jsonPath, type RequestContext } from './router.js';

const NAV: [string, string][] = [
  ['/', 'Home'], ['/analyse', 'Analyse'], ['/articles', 'Articles'], ['/speakers', 'Speakers'], ['/claims', 'Claims'],
  ['/search', 'Search'], ['/stories', 'Stories'],
];

/** The URL of the JSON twin of the current request (same query). */
export function twinHref(ctx: RequestContext): string {
  return jsonPath(ctx.url.pathname) + ctx.url.search;
}

export interface ShellOptions {
  /** Extra links (exports) shown beside the JSON twin link. */
  exports?: { format: string; href: string }[];
}

export function shell(ctx: RequestContext, title: string, body: string, opts: ShellOptions = {}): string {
  const here = ctx.url.pathname;
  const nav = NAV.map(([href, label]) => {
    const current = href === '/' ? here === '/' : here === href || here.startsWith(`${href}/`) || here.startsWith(href.replace(/s$/, '') + '/');
    return `<li><a href="${href}"${current ? ' aria-current="page"' : ''}>${esc(label)}</a></li>`;
  }).join('');
  const twin = twinHref(ctx);
  const exports = (opts.exports ?? []).map((e) => ` <a class="export" data-format="${esc(e.format)}" href="${esc(e.href)}">${esc(e.format)}</a>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · claimline</title>
<link rel="stylesheet" href="/static/app.css">
<link rel="alternate" type="application/json" href="${esc(twin)}">
<script src="/static/app.js" defer></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site"><nav aria-label="Main"><ul>${nav}</ul></nav></header>
<main id="main" tabindex="-1">
<h1>${esc(title)}</h1>
${body}
</main>
<footer class="site"><p class="data-links">Data: <a id="json-link" class="json-twin" href="${esc(twin)}">JSON</a>${exports}</p></footer>
</body>
</html>`;
}

export function link(href: string, text: string, attrs = ''): string {
  return `<a href="${esc(href)}"${attrs ? ` ${attrs}` : ''}>${esc(text)}</a>`;
}

export const articleHref = (docId: string, version?: number) => `/article/${pathSegment(docId)}${version ? `?version=${version}` : ''}`;
export const speakerHref = (entityId: string) => `/speaker/${pathSegment(entityId)}`;
export const claimHref = (clusterId: string) => `/claim/${pathSegment(clusterId)}`;
export const storyHref = (storyId: string) => `/story/${pathSegment(storyId)}`;

/** A stable colour class for a speaker (12 hues in app.css); the name is always written beside it. */
export function speakerClass(key: string | null): string {
  if (!key) return 'spk-none';
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return `spk-${h % 12}`;
}

/** A definition list of the rows that have a value (values are HTML already; labels are escaped). */
export function fields(rows: [string, string | null | undefined][], cls = 'fields'): string {
  const kept = rows.filter(([, v]) => v !== null && v !== undefined && v !== '');
  return `<dl class="${esc(cls)}">${kept.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

export interface Paged {
  total: number;
  offset: number;
  returned: number;
  more: number;
}

/** "1-20 of 57" with previous/next links that keep the rest of the query. */
export function pager(ctx: RequestContext, p: Paged, limit: number): string {
  const at = (offset: number) => {
    const q = new URLSearchParams(ctx.url.search);
    if (offset > 0) q.set('offset', String(offset)); else q.delete('offset');
    const s = q.toString();
    return `${ctx.url.pathname}${s ? `?${s}` : ''}`;
  };
  const parts = [`<span class="count">${p.total === 0 ? 'nothing' : `${p.offset + 1}–${p.offset + p.returned} of ${p.total}`}</span>`];
  if (p.offset > 0) parts.unshift(`<a rel="prev" href="${esc(at(Math.max(0, p.offset - limit)))}">Previous</a>`);
  if (p.more > 0) parts.push(`<a rel="next" href="${esc(at(p.offset + p.returned))}">Next</a>`);
  return `<nav class="pager" aria-label="Pages">${parts.join(' ')}</nav>`;
}

/** A paging window from `?limit=&offset=`: bad values are a 400, not a silent default. */
export function windowOf(ctx: RequestContext, defaultLimit: number, maxLimit = 1000): { limit: number; offset: number } {
  const num = (name: string, fallback: number, min: number) => {
    const raw = ctx.query.get(name);
    if (raw === null || raw === '') return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min) throw new BadQuery(`${name} must be a whole number >= ${min} (got '${raw}')`);
    return Number(raw);
  };
  return { limit: Math.min(maxLimit, num('limit', defaultLimit, 1)), offset: num('offset', 0, 0) };
}

export class BadQuery extends Error {}

/** A search form with the given fields (values kept from the query). */
export function filterForm(ctx: RequestContext, action: string, inputs: { name: string; label: string; type?: string; options?: string[] }[], id: string): string {
  const fieldsHtml = inputs.map((f) => {
    const value = ctx.query.get(f.name) ?? '';
    const inputId = `${id}-${f.name}`;
    if (f.options) {
      const opts = ['', ...f.options].map((o) => `<option value="${esc(o)}"${o === value ? ' selected' : ''}>${esc(o || 'any')}</option>`).join('');
      return `<label for="${esc(inputId)}">${esc(f.label)}</label><select id="${esc(inputId)}" name="${esc(f.name)}">${opts}</select>`;
    }
    return `<label for="${esc(inputId)}">${esc(f.label)}</label><input id="${esc(inputId)}" name="${esc(f.name)}" type="${esc(f.type ?? 'text')}" value="${esc(value)}">`;
  }).join('');
  return `<form class="filters" id="${esc(id)}" method="get" action="${esc(action)}">${fieldsHtml}<button type="submit">Apply</button></form>`;
}

export const orDash = (s: string | null | undefined) => (s ? esc(s) : '<span class="none">—</span>');
