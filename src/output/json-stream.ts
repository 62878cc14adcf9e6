/**
 * JSON written in pieces. The record of a 20 MB document is a string of some 180 MB; `JSON.stringify` builds it
 * whole, `+ '\n'` copies it, and the stream copies it again into a buffer: three copies at the peak of memory.
 * `jsonPieces` yields the same characters as `JSON.stringify(value, null, space)` (the same order, spacing and
 * escapes; checked against it in test/json-stream.test.ts) split element by element down to `maxDepth`, and
 * `writeJson` writes them in bounded chunks.
 */
import { collectGarbage } from '../util/gc.js';

function pad(space: number, depth: number): string {
  return space > 0 ? '\n' + ' '.repeat(space * depth) : '';
}

/** What `JSON.stringify` leaves out of an object (and writes as null in an array). */
function skipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** Pieces of `JSON.stringify(value, null, space)` for a value nested `depth` levels deep. */
export function* jsonPieces(value: unknown, space = 0, depth = 0, maxDepth = 3): Generator<string> {
  const plain = value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
  if (!plain || depth >= maxDepth) {
    const s = JSON.stringify(value, null, space) ?? 'null';
    // Nested lines of a pretty-printed value are indented by its depth.
    yield space > 0 && depth > 0 ? s.replace(/\n/g, pad(space, depth)) : s;
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) { yield '[]'; return; }
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield (i > 0 ? ',' : '') + pad(space, depth + 1);
      const v = value[i];
      if (skipped(v)) yield 'null';
      else yield* jsonPieces(v, space, depth + 1, maxDepth);
    }
    yield pad(space, depth) + ']';
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => !skipped(v));
  if (entries.length === 0) { yield '{}'; return; }
  yield '{';
  for (let i = 0; i < entries.length; i++) {
    const [k, v] = entries[i]!;
    yield (i > 0 ? ',' : '') + pad(space, depth + 1) + JSON.stringify(k) + (space > 0 ? ': ' : ':');
    yield* jsonPieces(v, space, depth + 1, maxDepth);
  }
  yield pad(space, depth) + '}';
}

/** Chunks this long are written at once: few writes, and no copy of the whole text. */
const CHUNK = 1 << 20;
/** Writing a record this large makes garbage of its size several times over: collected every so often. */
const COLLECT_AFTER = 32 << 20;

/** Writes `pieces` to `out` in chunks of about a megabyte, waiting for the stream to drain when it asks. */
export async function writePieces(out: NodeJS.WritableStream, pieces: Iterable<string>): Promise<void> {
  let buf: string[] = [];
  let size = 0;
  let sinceCollect = 0;
  const flush = async () => {
    if (buf.length === 0) return;
    const ok = out.write(buf.join(''));
    buf = [];
    sinceCollect += size;
    size = 0;
    if (sinceCollect >= COLLECT_AFTER) {
      sinceCollect = 0;
      collectGarbage();
    }
    if (!ok) await new Promise<void>((resolve) => out.once('drain', resolve));
  };
  for (const p of pieces) {
    buf.push(p);
    size += p.length;
    if (size >= CHUNK) await flush();
  }
  await flush();
}

/** `out.write(JSON.stringify(value, null, space) + end)`, without ever holding the whole string. */
export function writeJson(out: NodeJS.WritableStream, value: unknown, space = 0, end = '\n'): Promise<void> {
  return writePieces(out, (function* () {
    yield* jsonPieces(value, space);
    yield end;
  })());
}
