/** Reader for CoNLL-2003 files (`token POS chunk IOB-tag`, documents separated by `-DOCSTART-`). */
import { readFileSync } from 'node:fs';

export interface ConllDoc {
  words: string[];
  /** The file's tag column as written (IOB1 in the original release). */
  tags: string[];
  sentStart: boolean[];
}

export function parseConll(text: string): ConllDoc[] {
  const docs: ConllDoc[] = [];
  let doc: ConllDoc | null = null;
  let newSentence = true;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) { newSentence = true; continue; }
    const cols = line.split(/\s+/);
    if (cols[0] === '-DOCSTART-') { doc = null; newSentence = true; continue; }
    if (!doc) docs.push((doc = { words: [], tags: [], sentStart: [] }));
    doc.words.push(cols[0]!);
    doc.tags.push(cols[cols.length - 1]!);
    doc.sentStart.push(newSentence);
    newSentence = false;
  }
  return docs;
}

export const readConll = (file: string): ConllDoc[] => parseConll(readFileSync(file, 'utf8'));

/** `[start, end)` chunks of an IOB1/IOB2 tag sequence, with conlleval's rules for where a chunk starts and ends. */
export function chunksOf(tags: readonly string[]): { start: number; end: number; type: string }[] {
  const out: { start: number; end: number; type: string }[] = [];
  let start = -1;
  let type = '';
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? tags[i]! : 'O';
    const prefix = tag === 'O' ? 'O' : tag.slice(0, 1);
    const t = tag === 'O' ? '' : tag.slice(2);
    const begins = prefix === 'B' || (prefix === 'I' && (start < 0 || t !== type));
    if (start >= 0 && (prefix === 'O' || begins)) { out.push({ start, end: i, type }); start = -1; }
    if (begins) { start = i; type = t; }
  }
  return out;
}
