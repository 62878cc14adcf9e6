/** The route table: every page, its JSON twin, the downloads, the static files and the OpenAPI document. */
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../util/paths.js';
import { APP_CSS, APP_JS } from './assets.js';
import { HttpError } from './body.js';
import { analysisExport, ARTICLE_FORMATS, CLAIM_FORMATS, claimReviewExport, contentTypeOf, documentExport, EXPORT_FORMATS, type ExportFormat } from './exports.js';
import { openApiDocument } from './openapi.js';
import { ANALYSE_FIELDS, analyseForm, analysePost } from './pages/analyse.js';
import { articlePage } from './pages/article.js';
import { articlesPage, homePage } from './pages/home.js';
import { claimPage, claimsPage } from './pages/claims.js';
import { searchPage, FACETS } from './pages/search.js';
import { speakerPage, speakersPage } from './pages/speakers.js';
import { storiesPage, storyPage } from './pages/stories.js';
import { rowsExport } from './exports.js';
import type { ParamDoc, RequestContext, Route } from './router.js';

const ID: ParamDoc[] = [{ name: 'id', description: 'the id (percent-encoded as one path segment)' }];
const WINDOW: ParamDoc[] = [
  { name: 'limit', description: 'at most this many results', schema: { type: 'integer', minimum: 1 } },
  { name: 'offset', description: 'skip this many results', schema: { type: 'integer', minimum: 0 } },
];
const PAGE_OF = (item: Record<string, unknown> = { type: 'object' }) => ({
  type: 'object', required: ['total', 'offset', 'returned', 'more', 'results'],
  properties: { total: { type: 'integer' }, offset: { type: 'integer' }, returned: { type: 'integer' }, more: { type: 'integer' }, results: { type: 'array', items: item } },
});

export function exportFormat(ctx: RequestContext, allowed: readonly string[] = EXPORT_FORMATS): ExportFormat {
  const f = ctx.query.get('format') ?? 'json';
  if (!allowed.includes(f)) throw new HttpError(400, `format must be one of ${allowed.join(', ')} (got '${f}')`);
  return f as ExportFormat;
}

/** A download in a format from the export layer, with that format's own content type and file extension. */
function downloadFile(file: { body: string; contentType: string; extension: string }, name: string) {
  const base = name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'export';
  const ext = file.extension.replace(/^\./, '');
  return {
    kind: 'raw' as const, contentType: file.contentType, body: file.body,
    headers: { 'Content-Disposition': `attachment; filename="${base}.${ext}"` },
  };
}

/** A download: the browser saves it under a file name made of safe characters only. */
export function download(body: string, format: ExportFormat, name: string) {
  const file = `${name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'export'}.${format}`;
  return {
    kind: 'raw' as const, contentType: contentTypeOf(format), body,
    headers: { 'Content-Disposition': `attachment; filename="${file}"` },
  };
}

let version: string | null = null;
function packageVersion(): string {
  version ??= (JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}

export function buildRoutes(): Route[] {
  const routes: Route[] = [
    { method: 'GET', path: '/', summary: 'What the store holds and the latest articles', json: true, handle: homePage,
      response: { type: 'object', properties: { stats: { type: 'object' }, latest: { type: 'array', items: { type: 'object' } } } } },
    { method: 'GET', path: '/analyse', summary: 'The analyse form and its fields', json: true, handle: analyseForm },
    { method: 'POST', path: '/analyse', summary: 'Analyse and store a text, HTML page, feed or JSONL records', json: true, handle: analysePost,
      requestBody: {
        required: true,
        content: Object.fromEntries(['multipart/form-data', 'application/x-www-form-urlencoded', 'application/json'].map((t) => [t, {
          schema: { type: 'object', properties: Object.fromEntries(Object.entries(ANALYSE_FIELDS).map(([k, d]) => [k, { type: 'string', description: d, ...(k === 'file' ? { format: 'binary' } : {}) }])) },
        }])),
      },
      response: { type: 'object', properties: { documents: { type: 'array', items: { type: 'object' } }, failed: { type: 'array', items: { type: 'object' } } } } },
    { method: 'GET', path: '/articles', summary: 'Stored articles, latest first', json: true, handle: articlesPage,
      query: [{ name: 'q', description: 'title, id or outlet contains this' }, ...WINDOW], response: PAGE_OF() },
    { method: 'GET', path: '/article/{id}', summary: 'One article: statements with speaker, cue, content, channel, claims; timexes; entities; warnings; versions; copies',
      json: true, handle: articlePage, pathParams: ID,
      query: [{ name: 'version', description: 'a stored version (default: the current one)', schema: { type: 'integer', minimum: 1 } }],
      response: { type: 'object', required: ['document', 'statements', 'timexes', 'entities', 'warnings', 'versions'],
        properties: { document: { type: 'object' }, statements: { type: 'array', items: { type: 'object' } }, timexes: { type: 'array', items: { type: 'object' } },
          entities: { type: 'array', items: { type: 'object' } }, warnings: { type: 'array', items: { type: 'string' } }, versions: { type: 'array', items: { type: 'object' } } } } },
    { method: 'GET', path: '/article/{id}/export', summary: 'Download an article\'s analysis', json: false, pathParams: ID,
      handle: async (ctx) => {
        const format = exportFormat(ctx, ARTICLE_FORMATS) as string;
        const a = await ctx.app.store.analysis(ctx.params.id!);
        if (!a) throw new HttpError(404, `no stored document has the id '${ctx.params.id}'`);
        if ((EXPORT_FORMATS as readonly string[]).includes(format)) return download(analysisExport(a, format as ExportFormat), format as ExportFormat, a.document.id);
        return downloadFile(documentExport(a, format as (typeof ARTICLE_FORMATS)[number]), a.document.id);
      } },
    { method: 'GET', path: '/speakers', summary: 'Speakers across the store, most statements first', json: true, handle: speakersPage,
      query: [{ name: 'q', description: 'name, alias or role contains this (case and accents ignored)' }, ...WINDOW], response: PAGE_OF() },
    { method: 'GET', path: '/speaker/{id}', summary: 'Everything one speaker said, in time order, with the roles held as of each date',
      json: true, handle: speakerPage, pathParams: ID, query: WINDOW,
      response: { type: 'object', properties: { speaker: { type: 'object' }, entities: { type: 'array', items: { type: 'object' } }, statements: PAGE_OF() } } },
    { method: 'GET', path: '/speaker/{id}/export', summary: 'Download a speaker\'s statements', json: false, pathParams: ID,
      handle: async (ctx) => {
        const format = exportFormat(ctx);
        const view = await ctx.app.corpus.current();
        const r = view.corpus.speaker(ctx.params.id!);
        if (r.entities.length === 0) throw new HttpError(404, `no speaker in the store matches '${ctx.params.id}'`);
        const rows = r.statements.items.map((s) => ({ ...s, claims: s.claims.map((c) => `${c.status}: ${c.proposition}`) }));
        return download(rowsExport(rows, ['reportTime', 'docId', 'statementId', 'kind', 'cue', 'content', 'channel', 'via', 'roles', 'claims'], format), format, ctx.params.id!);
      } },
    { method: 'GET', path: '/claims', summary: 'Claims clustered across articles, with status by party and independent sources', json: true, handle: claimsPage,
      query: [{ name: 'status', description: 'a status, or several comma-separated: asserted, confirmed, denied, unconfirmed, disputed, retracted' },
        { name: 'party', description: 'a party by name, alias, surname or id' }, { name: 'entity', description: 'an entity named in the claim (id or name)' },
        { name: 'about', description: 'words of the proposition' }, { name: 'since', description: 'last asserted on or after (YYYY, YYYY-MM, YYYY-MM-DD)' },
        { name: 'until', description: 'first asserted on or before' }, ...WINDOW], response: PAGE_OF() },
    { method: 'GET', path: '/claims/export', summary: 'Download the filtered claims', json: false,
      handle: async (ctx) => {
        const format = exportFormat(ctx, CLAIM_FORMATS) as string;
        const reply = await claimsPage(Object.assign({}, ctx, { query: new URLSearchParams([...ctx.query].filter(([k]) => k !== 'format' && k !== 'limit')) }));
        const clusters = (reply.data as { results: import('../corpus/index.js').ClaimCluster[] }).results;
        if (format === 'claimreview') return downloadFile(claimReviewExport(clusters), 'claims');
        const rows = clusters.map((c) => ({
          id: c.id, proposition: c.proposition, first: c.first, last: c.last,
          current: c.current.map((x) => `${x.party.name}: ${x.status}`),
          independentSources: Object.entries(c.statuses).map(([s, v]) => `${s}: ${v!.independentSources}`),
        }));
        return download(rowsExport(rows, ['id', 'proposition', 'first', 'last', 'current', 'independentSources'], format as ExportFormat), format as ExportFormat, 'claims');
      } },
    { method: 'GET', path: '/claim/{id}', summary: 'A claim card: status by party over time and the independent sources behind each status',
      json: true, handle: claimPage, pathParams: ID,
      response: { type: 'object', properties: { claim: { type: 'object' }, byParty: { type: 'array', items: { type: 'object' } }, sources: { type: 'object' } } } },
    { method: 'GET', path: '/search', summary: 'Full-text search over statements and articles with facets', json: true, handle: searchPage,
      query: [{ name: 'q', description: 'FTS5 syntax: words, "phrases", OR, NOT, prefix*' },
        ...FACETS.map((f) => ({ name: f, description: `keep hits with this ${f}${f === 'date' ? ' (YYYY-MM)' : ''}` })), ...WINDOW],
      response: { type: 'object', properties: { query: { type: 'string' }, total: { type: 'integer' }, results: { type: 'array', items: { type: 'object' } }, facets: { type: 'object' } } } },
    { method: 'GET', path: '/stories', summary: 'Stories (articles grouped), latest first', json: true, handle: storiesPage, query: WINDOW, response: PAGE_OF() },
    { method: 'GET', path: '/story/{id}', summary: 'A story\'s events and statements by event time, report time beside (SVG timeline on the page)',
      json: true, handle: storyPage, pathParams: ID, query: WINDOW,
      response: { type: 'object', properties: { story: { type: 'object' }, results: { type: 'array', items: { type: 'object' } } } } },
    { method: 'GET', path: '/static/app.css', summary: 'stylesheet', json: false,
      handle: async () => ({ kind: 'raw', contentType: 'text/css; charset=utf-8', body: APP_CSS, headers: { 'Cache-Control': 'max-age=300' } }) },
    { method: 'GET', path: '/static/app.js', summary: 'script', json: false,
      handle: async () => ({ kind: 'raw', contentType: 'text/javascript; charset=utf-8', body: APP_JS, headers: { 'Cache-Control': 'max-age=300' } }) },
  ];
  routes.push({ method: 'GET', path: '/openapi.json', summary: 'this API described as OpenAPI 3', json: false,
    handle: async () => ({ kind: 'raw', contentType: 'application/json; charset=utf-8', body: JSON.stringify(openApiDocument(routes, packageVersion()), null, 2) }) });
  return routes;
}
