/** Speakers: a searchable list (from the cached corpus view) and one speaker's statements in time order. */
import type { SpeakerStatement } from '../../corpus/index.js';
import { HttpError } from '../body.js';
import { articleHref, claimHref, fields, filterForm, link, orDash, pager, shell, speakerClass, speakerHref, windowOf } from '../html.js';
import type { PageReply, RequestContext } from '../router.js';
import { esc } from '../security.js';
import { exportLinks } from '../exports.js';

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

export async function speakersPage(ctx: RequestContext): Promise<PageReply> {
  const view = await ctx.app.corpus.current();
  const w = windowOf(ctx, 100);
  const q = fold((ctx.query.get('q') ?? '').trim());
  const matching = q ? view.speakers.filter((s) => [s.name, ...s.aliases, ...s.roles].some((n) => fold(n).includes(q))) : view.speakers;
  const results = matching.slice(w.offset, w.offset + w.limit);
  const data = { total: matching.length, offset: w.offset, returned: results.length, more: Math.max(0, matching.length - w.offset - results.length), results };
  const list = results.length === 0 ? '<p class="none">No speaker matches.</p>'
    : `<table class="speakers"><thead><tr><th scope="col">Speaker</th><th scope="col">Type</th><th scope="col">Roles</th><th scope="col">Statements</th><th scope="col">Articles</th><th scope="col">First – last</th></tr></thead><tbody>`
      + results.map((s) => `<tr data-speaker="${esc(s.id)}"><td><span class="swatch ${esc(speakerClass(s.id))}"></span>${link(speakerHref(s.id), s.name, 'class="speaker-link"')}`
        + `${s.aliases.length ? ` <span class="aliases">(${s.aliases.map(esc).join(', ')})</span>` : ''}</td><td>${esc(s.type)}</td><td>${s.roles.map(esc).join(', ')}</td>`
        + `<td>${esc(s.statements)}</td><td>${esc(s.documents)}</td><td>${orDash(s.first)} – ${orDash(s.last)}</td></tr>`).join('')
      + '</tbody></table>';
  const html = () => shell(ctx, 'Speakers', filterForm(ctx, '/speakers', [{ name: 'q', label: 'Name, alias or role contains', type: 'search' }], 'speakers-filter')
    + list + pager(ctx, data, w.limit));
  return { kind: 'page', title: 'Speakers', data, html };
}

export async function speakerPage(ctx: RequestContext): Promise<PageReply> {
  const view = await ctx.app.corpus.current();
  const id = ctx.params.id!;
  const w = windowOf(ctx, 200);
  const summary = view.speakerById.get(id) ?? null;
  const report = view.corpus.speaker(id, { limit: w.offset + w.limit });
  if (report.entities.length === 0) throw new HttpError(404, `no speaker in the store matches '${id}'`);
  const items = report.statements.items.slice(w.offset);
  const data = {
    speaker: summary ?? report.entities[0]!, entities: report.entities,
    statements: { total: report.statements.total, offset: w.offset, returned: items.length,
      more: Math.max(0, report.statements.total - w.offset - items.length), results: items },
    exports: exportLinks('speaker', { id }),
  };
  const name = report.entities.length === 1 ? report.entities[0]!.name : id;
  const row = (s: SpeakerStatement) => `<li class="speaker-statement" data-doc="${esc(s.docId)}" data-statement="${esc(s.statementId)}">`
    + `<time class="report-time">${orDash(s.reportTime)}</time> ${s.roles.length ? `<span class="roles">as ${s.roles.map(esc).join(', ')}</span> ` : ''}`
    + `<span class="kind">[${esc(s.kind)}${s.cue ? `, ${esc(s.cue)}` : ''}]</span> <q>${esc(s.content)}</q>`
    + (s.channel ? ` <span class="channel">(${esc(s.channel)})</span>` : '') + (s.via.length ? ` via ${s.via.map(esc).join(' → ')}` : '')
    + ` — ${link(`${articleHref(s.docId)}#st-${s.statementId}`, s.docTitle ?? s.docId)}`
    + (s.copy ? ` <span class="copy">(copy of ${link(articleHref(s.origin), s.origin)})</span>` : '') + (s.boilerplate ? ' <span class="boilerplate">(boilerplate)</span>' : '')
    + (s.claims.length ? `<ul class="claims">${s.claims.map((c) => `<li><span class="status status-${esc(c.status)}">${esc(c.status)}</span> ${link(claimHref(c.cluster), c.proposition)}</li>`).join('')}</ul>` : '')
    + '</li>';
  const html = () => shell(ctx, name, (summary ? fields([
    ['Id', `<code>${esc(summary.id)}</code>`], ['Type', esc(summary.type)], ['Also', summary.aliases.map(esc).join(', ') || null],
    ['Roles', summary.roles.map(esc).join(', ') || null], ['Statements', esc(summary.statements)], ['Articles', esc(summary.documents)],
  ]) : '') + (report.entities.length > 1 ? `<p>'${esc(id)}' matches several entities: ${report.entities.map((e) => link(speakerHref(e.id), `${e.name} (${e.type})`)).join(', ')}</p>` : '')
    + `<h2>Statements in time order</h2>${items.length ? `<ol class="speaker-statements">${items.map(row).join('')}</ol>` : '<p class="none">None.</p>'}`
    + pager(ctx, data.statements, w.limit), { exports: data.exports });
  return { kind: 'page', title: name, data, html };
}
