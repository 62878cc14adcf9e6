/**
 * Request bodies: read with a byte limit (a body over it is a 413 before more of it is read), then parsed as
 * a form (urlencoded or multipart, for the analyse page's paste box and file upload) or as JSON (for API clients).
 * Every malformed body is a `HttpError` with status 400 and a message that says what is wrong.
 */
import type { IncomingMessage } from 'node:http';

export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    total += buf.length;
    if (total > maxBytes) throw tooLarge(maxBytes);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, `request body too large (limit ${maxBytes} bytes; start the server with a larger --max-bytes to accept more)`);
}

/** One form field: text, or a file with its name and bytes. */
export interface FormField {
  value: Buffer;
  filename: string | null;
  contentType: string | null;
}

export type Form = Map<string, FormField>;

/** The fields of a urlencoded, multipart or JSON body (a JSON object's string fields become text fields). */
export function parseForm(contentType: string | undefined, body: Buffer): Form {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return urlencoded(body);
  if (type === 'multipart/form-data') return multipart(contentType!, body);
  if (type === 'application/json') return jsonFields(body);
  if (type === 'text/plain' || type === '') {
    // A raw text body is the article itself (curl --data-binary @story.txt).
    return new Map([['text', { value: body, filename: null, contentType: type || null }]]);
  }
  throw new HttpError(415, `unsupported Content-Type '${type}' (send a form, multipart/form-data, application/json or text/plain)`);
}

function urlencoded(body: Buffer): Form {
  const out: Form = new Map();
  for (const [k, v] of new URLSearchParams(body.toString('utf8'))) {
    if (!out.has(k)) out.set(k, { value: Buffer.from(v, 'utf8'), filename: null, contentType: null });
  }
  return out;
}

function jsonFields(body: Buffer): Form {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch (e) {
    throw new HttpError(400, `request body is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new HttpError(400, 'request body must be a JSON object');
  const out: Form = new Map();
  for (const [k, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    if (typeof v !== 'string') throw new HttpError(400, `field '${k}' must be a string`);
    out.set(k, { value: Buffer.from(v, 'utf8'), filename: null, contentType: null });
  }
  return out;
}

function multipart(contentType: string, body: Buffer): Form {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) throw new HttpError(400, 'multipart/form-data without a boundary');
  const delimiter = Buffer.from(`--${boundary}`);
  const out: Form = new Map();
  let at = body.indexOf(delimiter);
  if (at < 0) throw new HttpError(400, 'multipart body does not contain its boundary');
  for (;;) {
    at += delimiter.length;
    // "--" after a delimiter closes the body.
    if (body[at] === 0x2d && body[at + 1] === 0x2d) break;
    if (body[at] === 0x0d && body[at + 1] === 0x0a) at += 2;
    const headerEnd = body.indexOf('\r\n\r\n', at);
    if (headerEnd < 0) throw new HttpError(400, 'multipart part without a header end');
    const headers = body.subarray(at, headerEnd).toString('utf8');
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next < 0) throw new HttpError(400, 'multipart body ends without its closing boundary');
    const value = body.subarray(headerEnd + 4, next);
    const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1] ?? null;
    const partType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? null;
    if (name !== undefined && !out.has(name)) out.set(name, { value, filename, contentType: partType });
    at = next + 2;
  }
  return out;
}

/** A text field's value, trimmed; undefined when absent or blank. */
export function textField(form: Form, name: string): string | undefined {
  const f = form.get(name);
  if (!f) return undefined;
  const s = f.value.toString('utf8').trim();
  return s === '' ? undefined : s;
}
