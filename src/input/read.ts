/**
 * Every input the CLI accepts (files, directories, `-` for stdin) becomes a stream of documents and rejections.
 * Nothing here throws for bad input: each problem is one `{ok: false}` item and the run goes on.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { documentIdentity, markExplicitId } from './identity.js';
import type { Readable } from 'node:stream';
import { formatFromExtension, sniffFormat } from './detect.js';
import { feedItems } from './feed.js';
import { extractArticle } from './html.js';
import { jsonlItems } from './jsonl.js';
import { publishedOrWarn } from './published.js';
import { decodeText, InputError, plainTextTitle } from './text.js';
import type { Diagnostic } from '../model/format.js';
import {
  inputWarning, type InputFormat, type InputItem, type RawDoc, type ReadOptions, type UrlInputOptions,
} from './types.js';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const SIDECAR = '.meta.json';

export async function* readInputs(inputs: string[], opts: ReadOptions = {}): AsyncGenerator<InputItem> {
  if (opts.identity) {
    yield* readWithIdentity(inputs, opts);
    return;
  }
  const seen = new Map<string, number>();
  for await (const item of readAll(inputs, opts.maxBytes ?? DEFAULT_MAX_BYTES, opts.stdin ?? process.stdin, opts.url)) {
    if (item.ok) uniqueId(item.doc, seen);
    yield item;
  }
}

/**
 * Documents named by their store identity (see identity.ts). Two records with one identity are not renamed:
 * the store keeps each text as a version of that document.
 */
async function* readWithIdentity(inputs: string[], opts: ReadOptions): AsyncGenerator<InputItem> {
  const { id, root } = opts.identity!;
  let documents = 0;
  for (const input of inputs) {
    const inputRoot = input === '-' || isUrlInput(input) ? null
      : root ?? ((await stat(input).catch(() => null))?.isDirectory() ? input : dirname(input));
    for await (const item of readAll([input], opts.maxBytes ?? DEFAULT_MAX_BYTES, opts.stdin ?? process.stdin, opts.url)) {
      if (item.ok && id !== undefined) {
        if (++documents > 1) {
          yield { ok: false, source: item.doc.source, reason: '--id names one document, but the inputs hold more' };
          continue;
        }
        item.doc.id = id;
      } else if (item.ok) {
        item.doc.id = documentIdentity(item.doc, inputRoot);
      }
      yield item;
    }
  }
}

/**
 * Without identities (library callers reading files as before): two `notes.txt` in different folders, or a JSONL file that repeats an id, would silently overwrite each other
 * in a store keyed by id; later ones get a suffix and a warning instead.
 */
function uniqueId(doc: RawDoc, seen: Map<string, number>): void {
  const count = (seen.get(doc.id) ?? 0) + 1;
  seen.set(doc.id, count);
  if (count === 1) return;
  let id = `${doc.id}-${count}`;
  while (seen.has(id)) id += '-';
  seen.set(id, 1);
  doc.warnings.push(inputWarning('duplicate-id', `duplicate document id "${doc.id}" in this run; renamed to "${id}"`));
  doc.id = id;
}

async function* readAll(
  inputs: string[], maxBytes: number, stdin: NodeJS.ReadableStream, urlOptions?: UrlInputOptions,
): AsyncGenerator<InputItem> {
  for (const input of inputs) {
    if (input === '-') {
      yield* readStdin(stdin, maxBytes);
      continue;
    }
    if (isUrlInput(input)) {
      yield* readUrl(input, maxBytes, urlOptions);
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch (e) {
      yield { ok: false, source: input, reason: fsReason(e) };
      continue;
    }
    if (info.isDirectory()) yield* readDirectory(input, maxBytes);
    else yield* readPath(input, maxBytes, true);
  }
}

/** `https://…` arguments. Loaded on first use so that runs over files never load the HTTP stack. */
async function* readUrl(url: string, maxBytes: number, urlOptions?: UrlInputOptions): AsyncGenerator<InputItem> {
  const { readUrlInput } = await import('../net/read-url.js');
  yield* readUrlInput(url, maxBytes, urlOptions);
}

/** Input arguments with a scheme (`https://…`; `file://…` too, which the fetcher then refuses by name). */
function isUrlInput(input: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(input);
}

/** Recursive, sorted by name so runs are reproducible; hidden entries and sidecars are not documents. */
async function* readDirectory(dir: string, maxBytes: number): AsyncGenerator<InputItem> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    yield { ok: false, source: dir, reason: fsReason(e) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name.endsWith(SIDECAR)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* readDirectory(path, maxBytes);
    else if (entry.isSymbolicLink()) {
      // Following linked directories could loop forever; linked files are read like any other.
      const target = await stat(path).catch(() => null);
      if (target?.isDirectory()) yield skip(path, 'symbolic link to a directory');
      else yield* readPath(path, maxBytes, false);
    } else if (entry.isFile()) yield* readPath(path, maxBytes, false);
    else yield skip(path, 'not a regular file');
  }
}

/**
 * One file. `explicit` files were named by the user, so an unknown extension is read and sniffed; inside a
 * directory an unknown extension (images, PDFs, READMEs) is skipped with a note.
 */
async function* readPath(path: string, maxBytes: number, explicit: boolean): AsyncGenerator<InputItem> {
  if (path.endsWith(SIDECAR)) {
    yield skip(path, 'a metadata sidecar, not a document');
    return;
  }
  const ext = extname(path);
  const byExt = formatFromExtension(ext);
  if (byExt === null && !explicit) {
    yield skip(path, `unknown file kind (${ext ? `"${ext}"` : 'no extension'})`);
    return;
  }
  let content: string;
  try {
    const { size } = await stat(path);
    if (size > maxBytes) throw new InputError(`file too large (${size} bytes; limit ${maxBytes})`);
    // Read with the limit as well: pipes and devices report size 0, and a file may grow after stat.
    content = decodeText(await readLimited(createReadStream(path), maxBytes));
  } catch (e) {
    yield { ok: false, source: path, reason: e instanceof InputError ? e.message : fsReason(e) };
    return;
  }
  const sniffed = sniffFormat(content);
  let format: InputFormat;
  if (byExt === 'sniff') {
    if (ext.toLowerCase() === '.xml' && sniffed !== 'feed') {
      yield { ok: false, source: path, reason: 'XML file is not an RSS or Atom feed' };
      return;
    }
    if (ext.toLowerCase() === '.json' && sniffed !== 'jsonl') {
      yield { ok: false, source: path, reason: 'JSON file does not hold one JSON object per line' };
      return;
    }
    format = sniffed;
  } else {
    format = byExt ?? sniffed;
  }
  yield* parseContent(content, format, path, baseId(path), () => readSidecar(path));
}

async function* readStdin(stream: NodeJS.ReadableStream, maxBytes: number): AsyncGenerator<InputItem> {
  const source = 'stdin';
  let content: string;
  try {
    content = decodeText(await readLimited(stream, maxBytes));
  } catch (e) {
    yield { ok: false, source, reason: e instanceof InputError ? e.message : `cannot read stdin: ${(e as Error).message}` };
    return;
  }
  yield* parseContent(content, sniffFormat(content), source, source, async () => NO_SIDECAR);
}

async function readLimited(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buf.length;
    if (total > maxBytes) {
      (stream as Partial<Readable>).destroy?.();
      throw new InputError(`input too large (over ${maxBytes} bytes)`);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

function skip(source: string, why: string): InputItem {
  return { ok: false, source, reason: `skipped: ${why}`, skipped: true };
}

/** Metadata from `<name>.meta.json`; `meta` is null when there is no usable sidecar. */
interface Sidecar {
  meta: { id?: unknown; title?: unknown; url?: unknown; published?: unknown } | null;
  warning: Diagnostic | null;
}

const NO_SIDECAR: Sidecar = { meta: null, warning: null };

async function* parseContent(
  content: string, format: InputFormat, source: string, id: string, sidecar: () => Promise<Sidecar>,
): AsyncGenerator<InputItem> {
  try {
    if (format === 'feed') {
      yield* feedItems(content, source);
      return;
    }
    if (format === 'jsonl') {
      yield* jsonlItems(content, source);
      return;
    }
    const doc: RawDoc = { id, text: content, title: null, url: null, published: null, source, format, warnings: [] };
    let published: unknown = null;
    if (format === 'html') {
      const page = extractArticle(content);
      Object.assign(doc, { text: page.text, title: page.title, url: page.url });
      published = page.publishedTime;
    } else {
      doc.title = plainTextTitle(content);
    }
    // Sidecar metadata is what the user supplied on purpose, so it wins over anything found in the content.
    const { meta: m, warning } = await sidecar();
    if (warning) doc.warnings.push(warning);
    if (m) {
      if (typeof m.id === 'string' && m.id.trim()) {
        doc.id = m.id.trim();
        markExplicitId(doc);
      }
      if (typeof m.title === 'string' && m.title.trim()) doc.title = m.title.trim();
      if (typeof m.url === 'string' && m.url.trim()) doc.url = m.url.trim();
      if (m.published !== undefined && m.published !== null) published = m.published;
    }
    doc.published = publishedOrWarn(published, doc.warnings, m?.published != null ? 'metadata' : 'page');
    yield { ok: true, doc };
  } catch (e) {
    yield { ok: false, source, reason: (e as Error).message };
  }
}

/** `crane.txt` reads `crane.meta.json` (or `crane.txt.meta.json`); a broken sidecar is a warning, not a failure. */
async function readSidecar(path: string): Promise<Sidecar> {
  for (const candidate of [join(dirname(path), baseId(path) + SIDECAR), path + SIDECAR]) {
    let raw: string;
    try {
      raw = await readFile(candidate, 'utf8');
    } catch {
      continue;
    }
    try {
      const meta: unknown = JSON.parse(raw.replace(/^\uFEFF/, ''));
      if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) throw new Error('not a JSON object');
      return { meta, warning: null };
    } catch (e) {
      return { meta: null, warning: inputWarning('bad-sidecar', `ignored sidecar ${candidate}: ${(e as Error).message}`) };
    }
  }
  return NO_SIDECAR;
}

function baseId(path: string): string {
  const name = basename(path);
  const ext = extname(name);
  return ext ? name.slice(0, -ext.length) : name;
}

function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return `cannot read: ${(e as Error).message}`;
}
