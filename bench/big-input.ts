/**
 * Builds large test inputs at run time from the unlabelled Wikipedia extract in `../shared/data/unlabelled`
 * (never committed: the text is CC BY-SA and the files run to tens of megabytes).
 *
 * Two shapes, because they stress different stages: `paragraphs` is ordinary prose, one paragraph per block
 * between blank lines; `single-line` is the same prose with every line break replaced by a space, the shape
 * that defeats paragraph splitting and leaves one paragraph of millions of characters.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export type BigShape = 'single-line' | 'paragraphs';
export const BIG_SHAPES: readonly BigShape[] = ['single-line', 'paragraphs'];

/** Prose lines only: WikiExtractor leaves section titles ("Early life.") and list stubs as short lines. */
const MIN_PROSE_LINE = 80;

/** The extract's prose paragraphs, in file order, until their total length reaches `chars`. */
function proseParagraphs(extractGz: string, chars: number): string[] {
  // The whole extract is 66 MB unpacked: decompress it at once (seconds), then keep only what is needed.
  const text = zlib.gunzipSync(fs.readFileSync(extractGz)).toString('utf8');
  const out: string[] = [];
  let total = 0;
  let pos = 0;
  while (total < chars && pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end).trim();
    pos = end + 1;
    if (line.length < MIN_PROSE_LINE || line.startsWith('<')) continue;
    out.push(line);
    total += line.length + 2;
  }
  if (total < chars) throw new Error(`${extractGz} holds only ${total} characters of prose, ${chars} asked`);
  return out;
}

/**
 * A text of about `bytes` UTF-8 bytes (cut at a paragraph or word boundary, never inside a word) in `shape`.
 * Successive sizes share their beginning, so a 20 MB text is the 2 MB one and more of the same kind of prose.
 */
export function bigText(shared: string, bytes: number, shape: BigShape): string {
  const paragraphs = proseParagraphs(path.join(shared, 'data/unlabelled/enwiki-extract.txt.gz'), bytes);
  const text = paragraphs.join(shape === 'single-line' ? ' ' : '\n\n');
  // Wikipedia is mostly ASCII, so characters are close to bytes; cut by bytes to hit the size asked.
  const buf = Buffer.from(text, 'utf8').subarray(0, bytes);
  let cut = buf.toString('utf8');
  const lastSpace = cut.lastIndexOf(' ');
  if (lastSpace > 0) cut = cut.slice(0, lastSpace);
  return cut;
}

/** Writes `<dir>/<shape>-<N>mb.txt` for each size and shape; returns the paths. */
export function writeBigInputs(shared: string, dir: string, megabytes: readonly number[], shapes: readonly BigShape[] = BIG_SHAPES): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const largest = Math.max(...megabytes);
  for (const shape of shapes) {
    // Build the largest once and cut the smaller ones from it (same prefix, one decompression per shape).
    const full = bigText(shared, largest * 1024 * 1024, shape);
    for (const mb of megabytes) {
      const file = path.join(dir, `${shape}-${mb}mb.txt`);
      const part = Buffer.from(full, 'utf8').subarray(0, mb * 1024 * 1024).toString('utf8');
      const lastSpace = part.lastIndexOf(' ');
      fs.writeFileSync(file, (lastSpace > 0 ? part.slice(0, lastSpace) : part) + (shape === 'single-line' ? '' : '\n'));
      written.push(file);
    }
  }
  return written;
}
