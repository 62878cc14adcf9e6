/**
 * Builds large test inputs at run time from the unlabelled text in `../shared/data/unlabelled` (never committed:
 * Reuters-21578 is for research use only, the Wikipedia extract is CC BY-SA, and the files run to tens of
 * megabytes). News first: the Reuters story bodies (about 16 MB of newswire with "said" on every other line),
 * then Wikipedia prose when more is asked than Reuters holds.
 *
 * Two shapes, because they stress different stages: `paragraphs` is ordinary prose, one paragraph per block
 * between blank lines; `single-line` is the same prose with every line break replaced by a space, the shape
 * that defeats paragraph splitting and leaves one paragraph of millions of characters.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { syntheticArticle } from './scale-docs.js';

export type BigShape = 'single-line' | 'paragraphs';
export const BIG_SHAPES: readonly BigShape[] = ['single-line', 'paragraphs'];

/** Prose lines only: WikiExtractor leaves section titles ("Early life.") and list stubs as short lines. */
const MIN_PROSE_LINE = 80;

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The paragraphs of every Reuters story body, in file order, until their total length reaches `chars`. */
function reutersParagraphs(dir: string, chars: number, out: string[]): number {
  let total = 0;
  if (!fs.existsSync(dir)) return 0;
  const files = fs.readdirSync(dir).filter((f) => /^reut2-\d+\.sgm$/.test(f)).sort();
  for (const f of files) {
    const sgml = fs.readFileSync(path.join(dir, f), 'latin1');
    for (const m of sgml.matchAll(/<BODY>([\s\S]*?)<\/BODY>/g)) {
      const body = m[1]!
        .replace(/&#(\d+);/g, (_, n: string) => (Number(n) < 32 ? ' ' : String.fromCharCode(Number(n))))
        .replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ENTITY[e]!)
        .replace(/\s*\bReuter\s*$/, '');
      // Paragraphs start with an indented line; lines inside one are wrapped at about 65 columns.
      for (const para of body.split(/\n(?= {2,})/)) {
        const line = para.replace(/\s+/g, ' ').trim();
        if (line.length < 20) continue;
        out.push(line);
        total += line.length + 2;
        if (total >= chars) return total;
      }
    }
  }
  return total;
}

/** News paragraphs (Reuters) then Wikipedia prose, until their total length reaches `chars`. */
function newsParagraphs(shared: string, chars: number): string[] {
  const out: string[] = [];
  let have = reutersParagraphs(path.join(shared, 'data/unlabelled/reuters21578'), chars, out);
  const wiki = path.join(shared, 'data/unlabelled/enwiki-extract.txt.gz');
  if (have < chars && fs.existsSync(wiki)) {
    const more = proseParagraphs(wiki, chars - have);
    out.push(...more);
    have += more.reduce((n, p) => n + p.length + 2, 0);
  }
  // Without the shared data: the synthetic articles of the scale benchmark, every one different.
  for (let n = 0; have < chars; n++) {
    for (const p of syntheticArticle(n).text.split('\n\n')) {
      out.push(p);
      have += p.length + 2;
    }
  }
  return out;
}

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
  return out;
}

/**
 * A text of about `bytes` UTF-8 bytes (cut at a paragraph or word boundary, never inside a word) in `shape`.
 * Successive sizes share their beginning, so a 20 MB text is the 2 MB one and more of the same kind of prose.
 */
export function bigText(shared: string, bytes: number, shape: BigShape): string {
  const paragraphs = newsParagraphs(shared, bytes);
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
