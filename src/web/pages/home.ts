/** The home page (counts of what the store holds, latest articles) and the list of articles. */
import { articleHref, filterForm, link, orDash, pager, shell, windowOf } from '../html.js';
import type { PageReply, RequestContext } from '../router.js';
import { esc } from '../security.js';
import type { DocSummary } from '../corpus-view.js';

export async function homePage(ctx: RequestContext): Promise<PageReply> {
  const [stats, view] = await Promise.all([ctx.app.store.stats(), ctx.app.corpus.current()]);
  const data = { stats, latest: view.documents.slice(0, 10) };
  const html = () => shell(ctx, 'claimline', `<p>Who said what, about whom, when, via which channel — and what was confirmed or denied.</p>
<ul class="stats">${Object.entries(stats).map(([k, v]) => `<li><span class="stat-name">${esc(k)}</span>: <span class="stat-value" data-stat="${esc(k)}">${esc(v)}</span></li>`).join('')}</ul>
<p>${link('/analyse', 'Analyse an article')} · ${link('/speakers', 'Speakers')} · ${link('/claims', 'Claims')} · ${link('/search', 'Search')} · ${link('/stories', 'Stories')}</p>
<h2>Latest articles</h2>${docList(data.latest)}`);
  return { kind: 'page', title: 'claimline', data, html };
}

function docList(docs: DocSummary[]): string {
  if (docs.length === 0) return `<p class="none">No articles stored yet. ${link('/analyse', 'Analyse one')}.</p>`;
  return `<table class="articles"><thead><tr><th scope="col">Published</th><th scope="col">Title</th><th scope="col">Statements</th><th scope="col">Claims</th></tr></thead><tbody>`
    + docs.map((d) => `<tr data-doc="${esc(d.id)}"><td>${orDash(d.published)}</td><td>${link(articleHref(d.id), d.title ?? d.id, 'class="article-link"')}`
      + `${d.outlet ? ` <span class="outlet">${esc(d.outlet)}</span>` : ''}</td><td>${esc(d.statements)}</td><td>${esc(d.claims)}</td></tr>`).join('')
    + '</tbody></table>';
}

export async function articlesPage(ctx: RequestContext): Promise<PageReply> {
  const view = await ctx.app.corpus.current();
  const w = windowOf(ctx, 50);
  const q = (ctx.query.get('q') ?? '').trim().toLowerCase();
  const matching = q ? view.documents.filter((d) => `${d.title ?? ''} ${d.id} ${d.outlet ?? ''}`.toLowerCase().includes(q)) : view.documents;
  const results = matching.slice(w.offset, w.offset + w.limit);
  const data = { total: matching.length, offset: w.offset, returned: results.length, more: Math.max(0, matching.length - w.offset - results.length), results };
  const html = () => shell(ctx, 'Articles', filterForm(ctx, '/articles', [{ name: 'q', label: 'Title, id or outlet contains' }], 'articles-filter')
    + docList(results) + pager(ctx, data, w.limit));
  return { kind: 'page', title: 'Articles', data, html };
}
