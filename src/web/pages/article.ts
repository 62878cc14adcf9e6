/**
 * The article page: the text with every statement highlighted, and per statement who said it (the document's
 * speaker entity and the mention as written, linked to the speaker's corpus page), the cue, content, channel,
 * addressee, via chain, when it was said, and its claims with their status and parties. Then time expressions
 * with their values, entity mentions, warnings, versions, copies and the story. The JSON twin is `ArticleData`.
 */
import type { AnalysisOut, ClaimStatus, Diagnostic, StatementKind } from '../../model/format.js';
import type { CopyGroup, VersionRow } from '../../store/index.js';
import { HttpError } from '../body.js';
import type { CorpusView } from '../corpus-view.js';
import { articleHref, claimHref, fields, link, orDash, shell, speakerClass, speakerHref, storyHref } from '../html.js';
import type { PageReply, RequestContext } from '../router.js';
import { esc, externalLink } from '../security.js';
import { annotatedText } from './article-text.js';
import { exportLinks } from '../exports.js';

export interface StatementView {
  id: string;
  kind: StatementKind;
  speaker: {
    /** The name shown: the document entity's name, else the stated name, else the mention as written. */
    name: string;
    mention: string | null;
    /** The document's own entity id. */
    entity: string | null;
    /** The cross-document speaker (corpus entity), when linked. */
    corpusId: string | null;
    corpusName: string | null;
  };
  cue: string | null;
  content: string;
  contentSpans: { start: number; end: number }[];
  mentionSpan: { start: number; end: number } | null;
  cueSpan: { start: number; end: number } | null;
  channel: string | null;
  addressee: string | null;
  via: string[];
  /** When it was said: the statement's own time expression, with its value. */
  when: { text: string; value: string } | null;
  claims: { id: string; text: string; status: ClaimStatus; by: string[]; evidence: string | null; cluster: string | null }[];
}

export interface ArticleData {
  document: AnalysisOut['document'];
  version: number | null;
  currentVersion: number | null;
  statements: StatementView[];
  timexes: { id: string; text: string; type: string; value: string; resolved: boolean; start: number; end: number }[];
  entities: { id: string; name: string; type: string; roles: string[]; corpusId: string | null;
    mentions: { text: string; kind: string; start: number; end: number }[] }[];
  warnings: string[];
  diagnostics: Diagnostic[] | null;
  versions: VersionRow[];
  copies: CopyGroup | null;
  story: { id: string; title: string | null } | null;
  exports: { format: string; href: string }[];
}

export function articleData(a: AnalysisOut, view: CorpusView, versions: VersionRow[], version: number | null): ArticleData {
  const docId = a.document.id;
  const entity = new Map(a.entities.map((e) => [e.id, e]));
  const timex = new Map(a.timexes.map((t) => [t.id, t]));
  const corpusOf = (local: string | null) => (local ? view.corpus.entityOf(docId, local) : null);
  const nameOf = (local: string) => entity.get(local)?.name ?? local;
  const current = versions.find((v) => v.current)?.version ?? null;
  // The corpus holds the current version only: older versions are shown without corpus links.
  const isCurrent = version === null || version === current;
  const statements: StatementView[] = a.statements.map((s) => {
    const local = s.speaker.entity;
    const corpusId = isCurrent ? corpusOf(local) : null;
    return {
      id: s.id, kind: s.kind,
      speaker: {
        name: (local ? entity.get(local)?.name : null) ?? s.speaker.name ?? s.speaker.mention?.text ?? 'unknown speaker',
        mention: s.speaker.mention?.text ?? null, entity: local, corpusId,
        corpusName: corpusId ? view.entityName(corpusId) : null,
      },
      cue: s.cue?.text ?? null,
      content: s.content.map((c) => c.text).join(' … '),
      contentSpans: s.content.map((c) => ({ start: c.start, end: c.end })),
      mentionSpan: s.speaker.mention ? { start: s.speaker.mention.start, end: s.speaker.mention.end } : null,
      cueSpan: s.cue ? { start: s.cue.start, end: s.cue.end } : null,
      channel: s.channel?.text ?? null,
      addressee: s.addressee?.text ?? null,
      via: s.via.map(nameOf),
      when: s.time && timex.get(s.time) ? { text: timex.get(s.time)!.text, value: timex.get(s.time)!.value } : null,
      claims: a.claims.filter((c) => c.statement === s.id).map((c) => ({
        id: c.id, text: c.text.text, status: c.status, by: c.by.map(nameOf), evidence: c.evidence?.text ?? null,
        cluster: isCurrent ? view.clusterOf.get(`${docId}#${c.id}`) ?? null : null,
      })),
    };
  });
  const story = isCurrent ? view.corpus.storyOf(docId) : null;
  return {
    document: a.document, version: version ?? current, currentVersion: current, statements,
    timexes: a.timexes.map((t) => ({ id: t.id, text: t.text, type: t.type, value: t.value, resolved: t.resolved, start: t.start, end: t.end })),
    entities: a.entities.map((e) => ({
      id: e.id, name: e.name, type: e.type, roles: e.roles, corpusId: isCurrent ? corpusOf(e.id) : null,
      mentions: e.mentions.map((m) => ({ text: m.text, kind: m.kind, start: m.start, end: m.end })),
    })),
    warnings: a.warnings, diagnostics: a.diagnostics ?? null, versions,
    copies: isCurrent ? view.corpus.copiesOf(docId) : null,
    story: story ? { id: story.id, title: story.title } : null,
    exports: exportLinks('article', { id: docId }),
  };
}

export async function articlePage(ctx: RequestContext): Promise<PageReply> {
  const id = ctx.params.id!;
  const rawVersion = ctx.query.get('version');
  let version: number | null = null;
  if (rawVersion !== null && rawVersion !== '') {
    if (!/^\d+$/.test(rawVersion) || Number(rawVersion) < 1) throw new HttpError(400, `version must be a whole number >= 1 (got '${rawVersion}')`);
    version = Number(rawVersion);
  }
  const [a, versions, view] = await Promise.all([
    ctx.app.store.analysis(id, version ?? undefined), ctx.app.store.versions(id), ctx.app.corpus.current(),
  ]);
  if (!a) throw new HttpError(404, version === null ? `no stored document has the id '${id}'` : `document '${id}' has no version ${version}`);
  const data = articleData(a, view, versions, version);
  return { kind: 'page', title: a.document.title ?? id, data, html: () => renderArticle(ctx, data) };
}

const STATUS_WORD: Record<ClaimStatus, string> = {
  asserted: 'asserted', confirmed: 'confirmed', denied: 'denied', unconfirmed: 'unconfirmed', disputed: 'disputed', retracted: 'retracted',
};

function statementDetail(s: StatementView, colour: string): string {
  const speaker = s.speaker.corpusId
    ? link(speakerHref(s.speaker.corpusId), s.speaker.corpusName ?? s.speaker.name, 'class="speaker-link"')
    : esc(s.speaker.name);
  const claims = s.claims.length === 0 ? null : `<ul class="claims">${s.claims.map((c) => `<li class="claim" data-claim="${esc(c.id)}" data-status="${esc(c.status)}">`
    + `<span class="status status-${esc(c.status)}">${esc(STATUS_WORD[c.status])}</span>`
    + ` by <span class="parties">${c.by.length ? c.by.map(esc).join(', ') : 'the report'}</span>: “${esc(c.text)}”`
    + (c.evidence ? ` <span class="evidence">(${esc(c.evidence)})</span>` : '')
    + (c.cluster ? ` ${link(claimHref(c.cluster), 'claim card', 'class="claim-link"')}` : '') + '</li>').join('')}</ul>`;
  return `<section class="statement-detail ${esc(colour)}" id="st-${esc(s.id)}" data-statement="${esc(s.id)}" tabindex="-1" aria-labelledby="st-${esc(s.id)}-h">
<h3 id="st-${esc(s.id)}-h"><span class="speaker-name">${esc(s.speaker.name)}</span> <span class="kind">(${esc(s.kind)})</span></h3>
${fields([
    ['Speaker', speaker], ['Mention', s.speaker.mention ? `“${esc(s.speaker.mention)}”` : null], ['Cue', orDash(s.cue)],
    ['Content', `<q class="content">${esc(s.content)}</q>`], ['Channel', s.channel ? esc(s.channel) : null],
    ['Addressee', s.addressee ? esc(s.addressee) : null], ['Via', s.via.length ? s.via.map(esc).join(' → ') : null],
    ['When said', s.when ? `${esc(s.when.text)} <span class="value">${esc(s.when.value)}</span>` : null],
    ['Claims', claims],
  ])}
<p class="back"><a href="#q-${esc(s.id)}-1" data-back="${esc(s.id)}">Back to the text</a></p>
</section>`;
}

function renderArticle(ctx: RequestContext, d: ArticleData): string {
  const doc = d.document;
  const colourOf = (s: StatementView) => speakerClass(s.speaker.corpusId ?? s.speaker.entity ?? s.speaker.name);
  const text = annotatedText(doc.text, d.statements.map((s) => ({
    id: s.id, speakerName: s.speaker.name, colour: colourOf(s), content: s.contentSpans, mention: s.mentionSpan, cue: s.cueSpan,
  })), d.timexes);
  const meta = fields([
    ['Id', `<code>${esc(doc.id)}</code>`], ['Published', orDash(doc.published)], ['URL', doc.url ? externalLink(doc.url) : null],
    ['Source', doc.source ? esc(doc.source) : null], ['Language', esc(doc.language)],
    ['Version', d.version === null ? null : `${d.version}${d.version !== d.currentVersion ? ` (current: ${link(articleHref(doc.id), String(d.currentVersion))})` : ''}`],
    ['Story', d.story ? link(storyHref(d.story.id), d.story.title ?? d.story.id) : null],
  ], 'fields doc-meta');
  const legend = d.statements.length === 0 ? '<p class="none">No statements found.</p>'
    : `<ol class="statement-index">${d.statements.map((s) => `<li><a class="stmt-index ${esc(colourOf(s))}" href="#st-${esc(s.id)}" data-statement="${esc(s.id)}">`
      + `<span class="speaker-name">${esc(s.speaker.name)}</span></a>: ${esc(clip(s.content, 90))}</li>`).join('')}</ol>`;
  const timexes = d.timexes.length === 0 ? '<p class="none">None.</p>'
    : `<table class="timexes"><thead><tr><th scope="col">Expression</th><th scope="col">Type</th><th scope="col">Value</th></tr></thead><tbody>`
      + d.timexes.map((t) => `<tr data-timex="${esc(t.id)}"><td>${esc(t.text)}</td><td>${esc(t.type)}</td><td><code>${esc(t.value)}</code>${t.resolved ? '' : ' <span class="unresolved">(unresolved)</span>'}</td></tr>`).join('')
      + '</tbody></table>';
  const entities = d.entities.length === 0 ? '<p class="none">None.</p>'
    : `<table class="entities"><thead><tr><th scope="col">Entity</th><th scope="col">Type</th><th scope="col">Roles</th><th scope="col">Mentions</th></tr></thead><tbody>`
      + d.entities.map((e) => `<tr data-entity="${esc(e.id)}"><td>${e.corpusId ? link(speakerHref(e.corpusId), e.name) : esc(e.name)}</td><td>${esc(e.type)}</td>`
        + `<td>${e.roles.map(esc).join(', ')}</td><td>${e.mentions.map((m) => `<span class="mention mention-${esc(m.kind)}">${esc(m.text)}</span>`).join(', ')}</td></tr>`).join('')
      + '</tbody></table>';
  const warnings = d.warnings.length === 0 ? '<p class="none">None.</p>' : `<ul class="warnings">${d.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>`;
  const versions = d.versions.length <= 1 ? '<p class="none">One version.</p>'
    : `<ol class="versions">${d.versions.map((v) => `<li>${link(articleHref(v.docId, v.version), `version ${v.version}`)}${v.current ? ' (current)' : ''}, stored ${esc(v.ingestedAt)}`
      + (v.changes ? ` — ${esc(changeSummary(v))}` : '') + '</li>').join('')}</ol>`;
  const copies = !d.copies || d.copies.documents.length <= 1 ? '<p class="none">No copies found.</p>'
    : `<ul class="copies">${d.copies.documents.map((c) => `<li>${link(articleHref(c.docId), c.docId)}${c.docId === d.copies!.origin ? ' (origin)' : ''}${c.published ? `, ${esc(c.published)}` : ''}</li>`).join('')}</ul>`;
  const body = `${meta}
<div class="article-layout">
<section class="article" aria-labelledby="text-h"><h2 id="text-h">Text</h2>
<p class="hint">Each highlighted passage is a statement, preceded by its speaker's name. Select one to see who said it, how and when.</p>
<div class="article-text" id="article-text">${text}</div></section>
<section class="statements" id="statements" aria-labelledby="statements-h"><h2 id="statements-h">Statements (${d.statements.length})</h2>
${legend}
<div class="statement-details" id="statement-details">${d.statements.map((s) => statementDetail(s, colourOf(s))).join('\n')}</div>
</section>
</div>
<section aria-labelledby="timex-h"><h2 id="timex-h">Time expressions</h2>${timexes}</section>
<section aria-labelledby="ent-h"><h2 id="ent-h">Entities and mentions</h2>${entities}</section>
<section aria-labelledby="warn-h"><h2 id="warn-h">Warnings</h2>${warnings}</section>
<section aria-labelledby="ver-h"><h2 id="ver-h">Versions</h2>${versions}</section>
<section aria-labelledby="copy-h"><h2 id="copy-h">Copies</h2>${copies}</section>`;
  return shell(ctx, doc.title ?? doc.id, body, { exports: d.exports });
}

function changeSummary(v: VersionRow): string {
  const c = v.changes!;
  const parts: string[] = [];
  if (c.textChanged) parts.push('text changed');
  if (c.titleChanged) parts.push('title changed');
  if (c.statementsAdded.length) parts.push(`${c.statementsAdded.length} statement(s) added`);
  if (c.statementsRemoved.length) parts.push(`${c.statementsRemoved.length} removed`);
  if (c.statementsReworded.length) parts.push(`${c.statementsReworded.length} reworded`);
  if (c.claimStatusChanged.length) parts.push(`${c.claimStatusChanged.length} claim status change(s)`);
  return parts.join(', ') || 'no visible change';
}

export function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
