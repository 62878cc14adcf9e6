/**
 * JSONL records `{id?, text|html, title?, url?, published?}`, one document per line. A record without an id is
 * named by its URL, else by a hash of its text, when the reader gives store identities (see identity.ts), and
 * `file.jsonl:LINE` otherwise.
 */
import { extractArticle, fragmentText } from './html.js';
import { publishedOrWarn } from './published.js';
import { InputError, normaliseText } from './text.js';
import type { Diagnostic } from '../model/format.js';
import { markExplicitId } from './identity.js';
import type { InputItem, RawDoc } from './types.js';

/** Yields one item per non-blank line, in order; a malformed line becomes an error item naming `file:line`. */
export function* jsonlItems(content: string, source: string): Generator<InputItem> {
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const lineSource = `${source}:${i + 1}`;
    try {
      const record = recordDoc(line);
      const doc: RawDoc = { ...record, id: record.id ?? lineSource, source: lineSource };
      if (record.id !== null) markExplicitId(doc);
      yield { ok: true, doc };
    } catch (e) {
      // Any failure, expected or not, costs only this line: the rest of the file still goes through.
      yield { ok: false, source: lineSource, reason: (e as Error).message };
    }
  }
}

function recordDoc(line: string): Omit<RawDoc, 'source' | 'id'> & { id: string | null } {
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (e) {
    throw new InputError(`malformed JSON: ${(e as Error).message}`);
  }
  if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) throw new InputError('record is not a JSON object');
  const r = rec as Record<string, unknown>;
  const raw = typeof r.id === 'number' ? String(r.id) : r.id;
  if (raw !== undefined && raw !== null && (typeof raw !== 'string' || raw.trim() === '')) {
    throw new InputError('record "id" must be a non-empty string or a number');
  }
  const id = typeof raw === 'string' ? raw : null;
  const warnings: Diagnostic[] = [];
  let text: string;
  let title = optionalString(r, 'title');
  let url = optionalString(r, 'url');
  let published = r.published;
  if (typeof r.text === 'string') {
    text = normaliseText(r.text);
  } else if (typeof r.html === 'string') {
    const page = htmlRecordText(r.html);
    text = page.text;
    title ??= page.title;
    url ??= page.url;
    published ??= page.publishedTime;
  } else {
    throw new InputError('record has neither a "text" nor an "html" string');
  }
  if (text.trim() === '') throw new InputError('record text is empty');
  return {
    id, text, title, url, published: publishedOrWarn(published, warnings, 'record'), format: 'jsonl', warnings,
  };
}

/** A record's HTML may be a whole page (run Readability) or just the article body (keep all of it). */
function htmlRecordText(html: string): { text: string; title: string | null; url: string | null; publishedTime: string | null } {
  if (/<(html|body)[\s>]/i.test(html)) return extractArticle(html);
  return { text: fragmentText(html), title: null, url: null, publishedTime: null };
}

function optionalString(r: Record<string, unknown>, key: string): string | null {
  const v = r[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new InputError(`"${key}" must be a string`);
  return v.trim() || null;
}
