/**
 * Full-text search over statements and articles (the store's FTS index, one query) with facets: speaker,
 * entity, kind, claim status and month, counted over the matches (up to `FACET_WINDOW` of them) and applied as
 * filters. The facts behind each hit come from the cached corpus view, never from another store query.
 */
import { HttpError } from '../body.js';
import type { CorpusView } from '../corpus-view.js';
import { articleHref, pager, shell, windowOf } from '../html.js';
import type { PageReply, RequestContext } from '../router.js';
import { esc } from '../security.js';
import type { SearchHit } from '../../store/store.js';

/** Matches fetched for counting facets; beyond this the counts cover the best-ranked matches only. */
export const FACET_WINDOW = 1000;
export const FACETS = ['speaker', 'entity', 'kind', 'status', 'date'] as const;
type Facet = (typeof FACETS)[number];

export interface SearchResult extends SearchHit {
  speakers: string[];
  entities: string[];
  statementKind: string;
  statuses: string[];
  date: string | null;
}

function facts(h: SearchHit, view: CorpusView): SearchResult {
  const doc = view.documentById.get(h.docId);
  if (h.kind === 'statement' && h.statementId) {
    const f = view.statementFacts.get(`${h.docId}#${h.statementId}`);
    if (f) return { ...h, speakers: f.speakers.map((s) => s.name), entities: f.entities, statementKind: f.kind, statuses: f.statuses, date: f.date };
  }
  return { ...h, speakers: [], entities: view.documentEntities.get(h.docId) ?? [], statementKind: h.kind === 'document' ? 'document' : 'statement',
    statuses: [], date: doc?.published ?? h.published };
}

const valuesOf = (r: SearchResult, f: Facet): string[] => (f === 'speaker' ? r.speakers : f === 'entity' ? r.entities
  : f === 'kind' ? [r.statementKind] : f === 'status' ? r.statuses : r.date ? [r.date.slice(0, 7)] : []);

export async function searchPage(ctx: RequestContext): Promise<PageReply> {
  const q = (ctx.query.get('q') ?? '').trim();
  const w = windowOf(ctx, 20, 200);
  const chosen = Object.fromEntries(FACETS.map((f) => [f, ctx.query.get(f)?.trim() || null])) as Record<Facet, string | null>;
  let results: SearchResult[] = [];
  let matched = 0;
  if (q) {
    const [page, view] = await Promise.all([ctx.app.store.search({ text: q, limit: FACET_WINDOW }), ctx.app.corpus.current()]);
    matched = page.total;
    results = page.results.map((h) => facts(h, view));
  }
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as Record<Facet, Map<string, number>>;
  const kept = results.filter((r) => FACETS.every((f) => !chosen[f] || valuesOf(r, f).includes(chosen[f]!)));
  for (const r of kept) for (const f of FACETS) for (const v of new Set(valuesOf(r, f))) counts[f].set(v, (counts[f].get(v) ?? 0) + 1);
  const facets = Object.fromEntries(FACETS.map((f) => [f, [...counts[f]].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 30)
    .map(([value, count]) => ({ value, count }))]));
  const shown = kept.slice(w.offset, w.offset + w.limit);
  const data = { query: q, matched, filters: chosen, total: kept.length, offset: w.offset, returned: shown.length,
    more: Math.max(0, kept.length - w.offset - shown.length), results: shown, facets };
  if (q === '' && ctx.query.has('q')) throw new HttpError(400, 'q must not be empty');
  const facetHref = (f: Facet, v: string | null) => {
    const p = new URLSearchParams(ctx.url.search);
    p.delete('offset');
    if (v === null) p.delete(f); else p.set(f, v);
    return `/search?${p.toString()}`;
  };
  const html = () => shell(ctx, 'Search', `<form class="filters" id="search-form" method="get" action="/search" role="search">
<label for="search-q">Words, "phrases", OR, NOT, prefix*</label><input id="search-q" name="q" type="search" value="${esc(q)}">
${FACETS.filter((f) => chosen[f]).map((f) => `<input type="hidden" name="${f}" value="${esc(chosen[f])}">`).join('')}<button type="submit">Search</button></form>`
    + (q ? `<div class="facets" id="facets">${FACETS.map((f) => `<section class="facet" data-facet="${f}"><h2>${esc(f)}</h2><ul>`
      + (chosen[f] ? `<li><a href="${esc(facetHref(f, null))}">any ${esc(f)}</a></li>` : '')
      + facets[f]!.map((x) => `<li><a href="${esc(facetHref(f, x.value))}" data-value="${esc(x.value)}"${chosen[f] === x.value ? ' aria-current="true"' : ''}>${esc(x.value)}</a> (${x.count})</li>`).join('')
      + '</ul></section>').join('')}</div>`
      + `<ol class="search-results" id="search-results">${shown.map((r) => `<li class="hit hit-${esc(r.kind)}" data-doc="${esc(r.docId)}"${r.statementId ? ` data-statement="${esc(r.statementId)}"` : ''}>`
        + `<a href="${esc(articleHref(r.docId) + (r.statementId ? `#st-${r.statementId}` : ''))}">${esc(r.docTitle ?? r.docId)}</a> `
        + `<span class="kind">${esc(r.statementKind)}</span>${r.speakers.length ? ` <span class="speaker-name">${r.speakers.map(esc).join(', ')}</span>` : ''}`
        + `${r.date ? ` <time>${esc(r.date)}</time>` : ''}<p class="snippet">${snippet(r.snippet)}</p></li>`).join('')}</ol>` + pager(ctx, data, w.limit) : ''));
  return { kind: 'page', title: 'Search', data, html };
}

/** The store marks hits `[like this]`: escape the snippet, then turn the marks into <mark>. */
function snippet(s: string): string {
  return esc(s).replace(/\[([^\]\n]{1,200})\]/g, '<mark>$1</mark>');
}
