/**
 * Stories and a story's timeline. The timeline is an SVG: one row per item, a filled circle at its event time
 * and a hollow square at its report time, joined by a line when the two differ; items whose event time the text
 * does not resolve show the report time only (and say so). A table beside it gives the same items as text.
 */
import type { TimelineItem } from '../../corpus/index.js';
import { HttpError } from '../body.js';
import { articleHref, link, orDash, pager, shell, speakerClass, storyHref, windowOf } from '../html.js';
import type { PageReply, RequestContext } from '../router.js';
import { esc } from '../security.js';
import { clip } from './article.js';

export async function storiesPage(ctx: RequestContext): Promise<PageReply> {
  const view = await ctx.app.corpus.current();
  const w = windowOf(ctx, 100);
  const p = view.corpus.stories({ limit: w.limit, offset: w.offset });
  const data = { total: p.total, offset: w.offset, returned: p.items.length, more: p.more, results: p.items };
  const html = () => shell(ctx, 'Stories', (p.items.length ? `<ul class="stories">${p.items.map((s) => `<li data-story="${esc(s.id)}">`
    + `${link(storyHref(s.id), s.title ?? s.id, 'class="story-link"')} <span class="dates">${orDash(s.first)} – ${orDash(s.last)}</span>, `
    + `${s.documents.length} article${s.documents.length === 1 ? '' : 's'}</li>`).join('')}</ul>` : '<p class="none">No stories yet.</p>') + pager(ctx, data, w.limit));
  return { kind: 'page', title: 'Stories', data, html };
}

/** A day number for a TIMEX3-ish value (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www …); null when it has none. */
export function dayOf(value: string | null): number | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
  return Number.isFinite(t) ? Math.round(t / 86_400_000) : null;
}

export function timelineSvg(items: TimelineItem[]): string {
  const days = items.flatMap((i) => [i.resolved ? dayOf(i.eventTime) : null, dayOf(i.reportTime)]).filter((d): d is number => d !== null);
  if (days.length === 0) return '<p class="none">No item has a date to place on a time axis.</p>';
  const lo = Math.min(...days);
  const hi = Math.max(...days);
  const width = 900;
  const left = 110;
  const right = 20;
  const rowH = 22;
  const top = 30;
  const height = top + items.length * rowH + 20;
  const x = (d: number) => left + (hi === lo ? (width - left - right) / 2 : ((d - lo) / (hi - lo)) * (width - left - right));
  const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
  const ticks = hi === lo ? [lo] : [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(lo + f * (hi - lo)));
  const parts: string[] = [
    `<svg class="timeline-svg" id="timeline-svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="timeline-title timeline-desc" xmlns="http://www.w3.org/2000/svg">`,
    '<title id="timeline-title">Story timeline</title>',
    '<desc id="timeline-desc">Each row is an event or statement: a filled circle marks when it happened (event time), a hollow square when it was reported (report time).</desc>',
    ...[...new Set(ticks)].map((d) => `<line x1="${x(d).toFixed(1)}" y1="${top - 8}" x2="${x(d).toFixed(1)}" y2="${height - 15}" stroke="#ddd"/><text x="${x(d).toFixed(1)}" y="${top - 12}" text-anchor="middle">${esc(iso(d))}</text>`),
  ];
  items.forEach((it, n) => {
    const y = top + n * rowH + rowH / 2;
    const ev = it.resolved ? dayOf(it.eventTime) : null;
    const rep = dayOf(it.reportTime);
    const label = it.kind === 'event' ? `event: ${it.trigger ?? ''}` : `${it.speaker?.name ?? 'unknown'} said`;
    parts.push(`<g class="item item-${it.kind} ${esc(speakerClass(it.speaker?.id ?? it.speaker?.name ?? null))}" data-kind="${it.kind}">`
      + `<title>${esc(`${label}: ${clip(it.text, 160)} — event time ${it.eventTime ?? 'unresolved'}, reported ${it.reportTime ?? 'unknown'}`)}</title>`
      + `<text x="4" y="${y + 4}">${esc(clip(label, 16))}</text>`);
    if (ev !== null && rep !== null && ev !== rep) parts.push(`<line x1="${x(ev).toFixed(1)}" y1="${y}" x2="${x(rep).toFixed(1)}" y2="${y}" stroke="#888" stroke-dasharray="3 2"/>`);
    if (ev !== null) parts.push(`<circle class="event-time" cx="${x(ev).toFixed(1)}" cy="${y}" r="5" fill="#1f4e9c"/>`);
    if (rep !== null) parts.push(`<rect class="report-time" x="${(x(rep) - 5).toFixed(1)}" y="${y - 5}" width="10" height="10" fill="#fff" stroke="#b35900" stroke-width="2"/>`);
    parts.push('</g>');
  });
  parts.push('</svg>');
  return parts.join('');
}

export async function storyPage(ctx: RequestContext): Promise<PageReply> {
  const view = await ctx.app.corpus.current();
  const t = view.corpus.timeline(ctx.params.id!);
  if (!t) throw new HttpError(404, `no story or stored document has the id '${ctx.params.id}'`);
  const w = windowOf(ctx, 200, 2000);
  const items = t.items.slice(w.offset, w.offset + w.limit);
  const data = { story: t.story, total: t.items.length, offset: w.offset, returned: items.length, more: Math.max(0, t.items.length - w.offset - items.length), results: items };
  const html = () => shell(ctx, t.story.title ?? t.story.id, `<p class="legend"><span>● event time (when it happened)</span><span>□ report time (when it was said or published)</span></p>`
    + timelineSvg(items)
    + `<h2>Items</h2><table class="timeline"><thead><tr><th scope="col">Event time</th><th scope="col">Reported</th><th scope="col">What</th><th scope="col">Articles</th></tr></thead><tbody>`
    + items.map((i) => `<tr data-kind="${esc(i.kind)}"><td>${i.eventTime ? `<code>${esc(i.eventTime)}</code>${i.resolved ? '' : ' (unresolved)'}` : '<span class="none">unresolved</span>'}</td>`
      + `<td>${orDash(i.reportTime)}</td><td>${i.kind === 'event' ? `<strong>${esc(i.trigger)}</strong>: ${esc(i.text)}` : `<span class="speaker-name">${esc(i.speaker?.name ?? 'unknown')}</span> said: <q>${esc(i.text)}</q>`}</td>`
      + `<td>${i.documents.map((d) => link(articleHref(d), d)).join(', ')}</td></tr>`).join('') + '</tbody></table>'
    + pager(ctx, data, w.limit) + `<h2>Articles</h2><ul>${t.story.documents.map((d) => `<li>${link(articleHref(d), view.documentById.get(d)?.title ?? d)}</li>`).join('')}</ul>`);
  return { kind: 'page', title: t.story.title ?? t.story.id, data, html };
}
