/**
 * Reading a response body within a size limit. The limit is enforced while the bytes stream in (the download
 * stops at the first byte over it, whatever Content-Length claimed) and again after decompression, because a
 * few kilobytes of gzip can expand to gigabytes.
 */
import type { IncomingMessage } from 'node:http';
import { Transform, Writable, type Duplex } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { FetchError, FetchFailed } from './errors.js';

/** Counts bytes through it and fails the pipeline past `maxBytes`. */
function byteLimit(maxBytes: number, fail: (seen: number) => Error): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, callback) {
      seen += chunk.length;
      if (seen > maxBytes) callback(fail(seen));
      else callback(null, chunk);
    },
  });
}

/** One decoder per coding, applied in reverse of the order the server listed them (RFC 9110 §8.4). */
function decoders(contentEncoding: string | undefined, url: string): Duplex[] {
  const codings = (contentEncoding ?? '').split(',').map((c) => c.trim().toLowerCase()).filter((c) => c && c !== 'identity');
  return codings.reverse().map((coding) => {
    if (coding === 'gzip' || coding === 'x-gzip') return zlib.createGunzip();
    // "deflate" should be zlib-wrapped but some servers send raw deflate; unzip-style detection handles both.
    if (coding === 'deflate') return deflateEitherWay();
    if (coding === 'br') return zlib.createBrotliDecompress();
    throw new FetchFailed(url, `unsupported Content-Encoding "${coding}"`, false);
  });
}

/** Inflates a zlib-wrapped or a raw deflate stream, deciding from the first two bytes. */
function deflateEitherWay(): Duplex {
  let inner: zlib.Inflate | zlib.InflateRaw | null = null;
  let head = Buffer.alloc(0);
  const out = new Transform({
    transform(chunk: Buffer, _enc, callback) {
      if (inner) { inner.write(chunk, callback); return; }
      head = Buffer.concat([head, chunk]);
      if (head.length < 2) { callback(); return; }
      const b0 = head[0]!;
      const wrapped = (b0 & 0x0f) === 8 && ((b0 << 8) | head[1]!) % 31 === 0;
      inner = wrapped ? zlib.createInflate() : zlib.createInflateRaw();
      inner.on('data', (d: Buffer) => out.push(d));
      inner.on('error', (e) => out.destroy(e));
      inner.write(head, callback);
    },
    flush(callback) {
      if (!inner) { callback(head.length ? new Error('deflate body too short') : null); return; }
      inner.once('end', () => callback());
      inner.end();
    },
  });
  return out;
}

/**
 * The whole decoded body of `res`, at most `maxBytes` both as received and as decoded. Throws FetchFailed
 * naming the limit; `signal` aborts the read (the caller turns its reason into the error).
 */
export async function readLimitedBody(
  res: IncomingMessage, maxBytes: number, url: string, signal: AbortSignal,
): Promise<Buffer> {
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    throw new FetchFailed(url, `response too large (Content-Length ${declared} bytes; limit ${maxBytes})`, false);
  }
  const tooLarge = (what: string) => (seen: number) =>
    new FetchFailed(url, `response too large (over ${maxBytes} bytes ${what}; stopped at ${seen})`, false);
  const chunks: Buffer[] = [];
  const collect = new Writable({
    write(chunk: Buffer, _enc, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const stages: (NodeJS.ReadableStream | NodeJS.WritableStream | Duplex)[] = [
    res, byteLimit(maxBytes, tooLarge('received')), ...decoders(res.headers['content-encoding'], url),
    byteLimit(maxBytes, tooLarge('after decompression')), collect,
  ];
  try {
    await (pipeline as (...args: unknown[]) => Promise<void>)(...stages, { signal });
  } catch (e) {
    if (e instanceof FetchError || signal.aborted) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_') || code.startsWith('ERR__')) {
      throw new FetchFailed(url, `body does not decode as ${res.headers['content-encoding']}: ${(e as Error).message}`, false);
    }
    throw new FetchFailed(url, `connection failed while reading the body: ${(e as Error).message}`, true);
  }
  return Buffer.concat(chunks);
}

/** The media type without parameters, lower case (`text/html`), or null when the server sent none. */
export function mediaType(contentType: string | undefined): string | null {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type ? type : null;
}

function isTextual(type: string | null): boolean {
  if (type === null) return true; // no type at all: most likely a misconfigured page or feed, read it as text
  return type.startsWith('text/') || /[/+](xml|json)$/.test(type) || type === 'application/javascript';
}

/**
 * The body as a string for textual media types (charset from the header, else from the document's own
 * `<meta charset>` or XML declaration, else UTF-8), as a Buffer otherwise.
 */
export function decodeBody(body: Buffer, contentType: string | undefined): string | Buffer {
  const type = mediaType(contentType);
  if (!isTextual(type)) return body;
  const head = body.subarray(0, 2048).toString('latin1');
  const label = /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1]
    ?? /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1]
    ?? /^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1]
    ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder('utf-8'); // an unknown charset label: UTF-8 is the web's default
  }
  return decoder.decode(body);
}
