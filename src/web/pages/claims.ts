/**
 * Claims across articles (the corpus layer's clusters): a list filtered by status, party, entity and date, and a
 * claim card with each party's status over time and the independent sources behind each current status.
 */
import type { ClaimCluster } from '../../corpus/index.js';
import { CLAIM_STATUSES } from '../../corpus/claims.js';
import type { ClaimStatus } from '../../model/format.js';
import { HttpError } from '../body.js';
import { articleHref, BadQuery, claimHref, fields, filterForm, link, orDash, pager, shell, speakerHref, windowOf } from '../html.js';
import type { PageReply, RequestContext } from '../router.js';
import { esc } from '../security.js';
import { exportLinks } from '../exports.js';

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export function claimFilters(ctx: RequestContext) {
  const get = (k: string) => { const v = ctx.query.get(k)?.trim(); return v ? v : undefined; };
  const status = get('status')?.split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of status ?? []) if (!(CLAIM_STATUSES as readonly string[]).includes(s)) throw new BadQuery(`status must be one of ${CLAIM_STATUSES.join(', ')} (got '${s}')`);
  for (const k of ['since', 'until']) { const v = get(k); if (v && !DATE.test(v)) throw new BadQuery(`${k} must be a date written YYYY, YYYY-MM or YYYY-MM-DD (got '${v}')`); }
  return { status: status as ClaimStatus[] | undefined, party: get('party'), entity: get('entity'), about: get('about'), since: get('since'), until: get('until') };
}

export async function claimsPage(ctx: RequestContext): Promise<PageReply> {
  const view = await ctx.app.corpus.current();
  const w = windowOf(ctx, 100);
  const f = claimFilters(ctx);
  let all = view.corpus.claims({ status: f.status, by: f.party, about: f.about, since: f.since }).items;
  if (f.entity) {
    const key = f.entity.toLowerCase();
    all = all.filter((c) => c.entities.some((e) => e === f.entity || (view.entityName(e) ?? '').toLowerCase().includes(key)));
  }
  if (f.until) all = all.filter((c) => c.first !== null && c.first.slice(0, f.until!.length) <= f.until!);
  const results = all.slice(w.offset, w.offset + w.limit);
  const data = { total: all.length, offset: w.offset, returned: results.length, more: Math.max(0, all.length - w.offset - results.length), results,
    exports: exportLinks('claims', { status: ctx.query.get('status') ?? undefined, party: f.party, entity: f.entity, about: f.about, since: f.since, until: f.until }) };
  const html = () => shell(ctx, 'Claims', filterForm(ctx, '/claims', [
    { name: 'status', label: 'Status', options: [...CLAIM_STATUSES] }, { name: 'party', label: 'Party' }, { name: 'entity', label: 'Entity named' },
    { name: 'about', label: 'About (words)' }, { name: 'since', label: 'Since (YYYY-MM-DD)' }, { name: 'until', label: 'Until' },
  ], 'claims-filter') + (results.length ? `<ul class="claim-list">${results.map((c) => claimItem(c)).join('')}</ul>` : '<p class="none">No claim matches.</p>')
    + pager(ctx, data, w.limit), { exports: data.exports });
  return { kind: 'page', title: 'Claims', data, html };
}

function statusLine(c: ClaimCluster): string {
  return Object.entries(c.statuses).map(([status, s]) => `<span class="status status-${esc(status)}">${esc(status)}</span> by `
    + `<span class="parties">${s!.parties.map((p) => esc(p.name)).join(', ') || 'the report'}</span> `
    + `<span class="sources">(${esc(s!.independentSources)} independent source${s!.independentSources === 1 ? '' : 's'})</span>`).join('; ');
}

function claimItem(c: ClaimCluster): string {
  return `<li class="claim-item" data-claim="${esc(c.id)}">${link(claimHref(c.id), c.proposition, 'class="claim-link"')}`
    + `<br><span class="dates">${orDash(c.first)} – ${orDash(c.last)}</span> ${statusLine(c)}</li>`;
}

export async function claimPage(ctx: RequestContext): Promise<PageReply> {
  const view = await ctx.app.corpus.current();
  const c = view.clusterById.get(ctx.params.id!);
  if (!c) throw new HttpError(404, `no claim has the id '${ctx.params.id}'`);
  // The party's statuses in as-of order, and per current status the distinct origins (copies count once).
  const parties = new Map<string, { party: ClaimCluster['current'][number]['party']; history: { status: ClaimStatus; asOf: string | null; docId: string; superseded: boolean }[] }>();
  for (const a of c.assertions) {
    const p = parties.get(a.party.id) ?? { party: a.party, history: [] };
    p.history.push({ status: a.status, asOf: a.asOf, docId: a.docId, superseded: a.superseded });
    parties.set(a.party.id, p);
  }
  const sources = Object.fromEntries(Object.keys(c.statuses).map((status) => [status,
    [...new Set(c.assertions.filter((a) => a.status === status && !a.superseded).map((a) => a.origin))]]));
  const data = { claim: { ...c, assertions: c.assertions.map(({ doc: _doc, ...a }) => a) }, byParty: [...parties.values()], sources,
    entities: c.entities.map((id) => ({ id, name: view.entityName(id) ?? id })) };
  const partyLink = (p: { id: string; name: string }) => (view.speakerById.has(p.id) ? link(speakerHref(p.id), p.name) : esc(p.name));
  const html = () => shell(ctx, 'Claim', `<blockquote class="proposition">${esc(c.proposition)}</blockquote>`
    + fields([['Id', `<code>${esc(c.id)}</code>`], ['Dates', `${orDash(c.first)} – ${orDash(c.last)}`], ['Now', statusLine(c)],
      ['Entities', data.entities.map((e) => (view.speakerById.has(e.id) ? link(speakerHref(e.id), e.name) : esc(e.name))).join(', ') || null]])
    + `<h2>Status by party over time</h2><table class="claim-history"><thead><tr><th scope="col">Party</th><th scope="col">Statuses, oldest first</th></tr></thead><tbody>`
    + data.byParty.map((p) => `<tr data-party="${esc(p.party.id)}"><td>${partyLink(p.party)}</td><td><ol class="history">${p.history.map((h) => `<li${h.superseded ? ' class="superseded"' : ''}>`
      + `<time>${orDash(h.asOf)}</time> <span class="status status-${esc(h.status)}">${esc(h.status)}</span> in ${link(articleHref(h.docId), h.docId)}${h.superseded ? ' (superseded)' : ''}</li>`).join('')}</ol></td></tr>`).join('')
    + `</tbody></table><h2>Independent sources</h2><dl class="fields sources">${Object.entries(sources).map(([status, origins]) => `<dt><span class="status status-${esc(status)}">${esc(status)}</span></dt>`
      + `<dd><ul>${origins.map((o) => `<li>${link(articleHref(o), o)}</li>`).join('')}</ul></dd>`).join('')}</dl>`);
  return { kind: 'page', title: 'Claim', data, html };
}
