/**
 * The analyse page: paste a text or upload a file (plain text, HTML, an RSS/Atom feed or JSONL records) with an
 * optional publication date; the server analyses it, stores it and shows the article. The flow is the CLI's
 * `ingest` on standard input: the same reader (format sniffing, identity: an id given, a record's id, the
 * canonical URL, else a hash of the text), the same pipeline, the same store calls and the same messages for
 * bad input (400 here). Nothing the client names is fetched: a URL field is metadata only.
 */
import { Readable } from 'node:stream';
import { canonicalUrl, parsePublished, readInputs, type RawDoc } from '../../input/index.js';
import { analyze } from '../../pipeline/analyze.js';
import { updateStoreCorpus } from '../../store/corpus-state.js';
import type { IngestStatus } from '../../store/store.js';
import { HttpError, parseForm, readBody, textField, type Form } from '../body.js';
import { articleHref, link, shell } from '../html.js';
import type { PageReply, RedirectReply, RequestContext } from '../router.js';
import { esc } from '../security.js';

export interface AnalyseResult {
  documents: { id: string; status: IngestStatus; version: number; source: string; href: string }[];
  failed: { source: string; reason: string }[];
}

export async function analyseForm(ctx: RequestContext): Promise<PageReply> {
  const data = { fields: ANALYSE_FIELDS, maxBytes: ctx.app.options.maxBytes };
  return { kind: 'page', title: 'Analyse an article', data, html: () => shell(ctx, 'Analyse an article', formHtml(ctx.app.options.maxBytes)) };
}

/** The form's fields, as the JSON twin and the OpenAPI document describe them. */
export const ANALYSE_FIELDS = {
  text: 'the article: plain text, HTML, an RSS/Atom feed or JSONL records ({id, text|html, title?, url?, published?} per line)',
  file: 'an uploaded file with the same kinds of content (multipart/form-data); used instead of text when given',
  published: 'publication date YYYY-MM-DD for documents that do not carry one (anchors "yesterday", "last year")',
  title: 'the title, when the content does not give one',
  url: 'the article\'s address (metadata only: it is never fetched); a document without an id is identified by it',
  id: 'the document id (one document only); a new text under a stored id becomes its next version',
} as const;

function formHtml(maxBytes: number): string {
  return `<form id="analyse-form" class="analyse" method="post" action="/analyse" enctype="multipart/form-data">
<p><label for="analyse-text">Article text</label>
<textarea id="analyse-text" name="text" rows="14" placeholder="Paste an article: plain text, HTML, a feed or JSONL"></textarea></p>
<p><label for="analyse-file">…or upload a file</label> <input id="analyse-file" name="file" type="file" accept=".txt,.text,.html,.htm,.xhtml,.xml,.rss,.atom,.jsonl,.ndjson,.json,text/plain,text/html,application/xml"></p>
<p><label for="analyse-published">Publication date</label> <input id="analyse-published" name="published" type="date"></p>
<p><label for="analyse-title">Title</label> <input id="analyse-title" name="title" type="text"></p>
<p><label for="analyse-url">URL (not fetched)</label> <input id="analyse-url" name="url" type="url"></p>
<p><label for="analyse-id">Document id</label> <input id="analyse-id" name="id" type="text"></p>
<p class="hint">Up to ${esc(maxBytes)} bytes. The same text again changes nothing; a new text with the same id or URL becomes a new version.</p>
<p><button type="submit" id="analyse-submit">Analyse and store</button></p>
</form>`;
}

/** `published` as `ingest --published` checks it: a real date written YYYY-MM-DD. */
function publishedField(form: Form): string | null {
  const value = textField(form, 'published');
  if (value === undefined) return null;
  const p = parsePublished(value);
  if (p === null || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new HttpError(400, `published must be a real date written YYYY-MM-DD (got '${value}')`);
  }
  return p;
}

export async function analysePost(ctx: RequestContext): Promise<PageReply | RedirectReply> {
  const { app } = ctx;
  const body = await readBody(ctx.req, app.options.maxBytes);
  const form = parseForm(ctx.req.headers['content-type'], body);
  const published = publishedField(form);
  const file = form.get('file');
  const upload = file && file.value.length > 0 ? file : null;
  const content = upload ? upload.value : form.get('text')?.value;
  if (!content || content.toString('utf8').trim() === '') throw new HttpError(400, 'nothing to analyse: paste a text (field "text") or upload a file (field "file")');
  const id = textField(form, 'id');
  const title = textField(form, 'title');
  const url = textField(form, 'url');
  const sourceName = upload?.filename ? upload.filename.replace(/[\\/]/g, '_').slice(0, 200) : 'pasted text';

  const result: AnalyseResult = { documents: [], failed: [] };
  await app.writeLock(async () => {
    for await (const item of readInputs(['-'], {
      stdin: Readable.from([content]), maxBytes: app.options.maxBytes, identity: { id },
    })) {
      if (!item.ok) {
        result.failed.push({ source: renameSource(item.source, sourceName), reason: item.reason });
        continue;
      }
      const raw: RawDoc = item.doc;
      raw.source = renameSource(raw.source, sourceName);
      if (title && !raw.title) raw.title = title;
      if (url && !raw.url) {
        raw.url = url;
        // A text without a record id was named by its hash; its URL identifies it better (as ingest would).
        if (id === undefined && raw.id.startsWith('sha256:')) raw.id = canonicalUrl(url) ?? raw.id;
      }
      try {
        const a = analyze({
          text: raw.text, id: raw.id, title: raw.title, url: raw.url, source: raw.source,
          published: raw.published ?? published, warnings: raw.warnings, attribution: app.options.attribution,
        });
        const r = await app.store.ingest(a);
        result.documents.push({ id: r.docId, status: r.status, version: r.version, source: raw.source, href: articleHref(r.docId) });
      } catch (e) {
        result.failed.push({ source: raw.source, reason: (e as Error).message });
      }
    }
    if (result.documents.length > 0) {
      await updateStoreCorpus(app.store);
      app.corpus.invalidate();
    }
  });
  if (result.documents.length === 0) {
    throw new HttpError(400, result.failed.map((f) => `${f.source}: ${f.reason}`).join('\n') || 'the input holds no document');
  }
  if (result.documents.length === 1 && !ctx.json) {
    return { kind: 'redirect', location: result.documents[0]!.href, status: 303 };
  }
  const html = () => shell(ctx, 'Analysed', `<ul class="analysed">${result.documents.map((d) => `<li data-status="${esc(d.status)}">`
    + `${link(d.href, d.id)}: ${esc(d.status)}, version ${esc(d.version)}</li>`).join('')}</ul>`
    + (result.failed.length ? `<h2>Failed</h2><ul class="failed">${result.failed.map((f) => `<li>${esc(f.source)}: ${esc(f.reason)}</li>`).join('')}</ul>` : ''));
  return { kind: 'page', status: 201, title: 'Analysed', data: result, html };
}

function renameSource(source: string, name: string): string {
  return source === 'stdin' ? name : source.startsWith('stdin:') || source.startsWith('stdin#') ? name + source.slice(5) : source;
}
