/**
 * Reader for CoNLL-U files (Universal Dependencies). Multiword-token lines (`3-4`) and empty nodes (`5.1`) are
 * skipped, as the CoNLL 2018 shared task's scorer does when it compares syntactic words: heads and relations are
 * defined over the plain word lines only.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface UdSentence {
  /** `# sent_id`, when the file has one. */
  id: string;
  words: string[];
  upos: string[];
  xpos: string[];
  /** 1-based head of each word; 0 is the root. */
  heads: number[];
  /** Full relation as written, subtypes included (`nsubj:pass`). */
  deprels: string[];
}

export function parseConllu(text: string): UdSentence[] {
  const out: UdSentence[] = [];
  let cur: UdSentence | null = null;
  let id = '';
  const flush = () => {
    if (cur && cur.words.length) out.push(cur);
    cur = null;
  };
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!line.trim()) { flush(); id = ''; continue; }
    if (line.startsWith('#')) {
      const m = /^#\s*sent_id\s*=\s*(.*)$/.exec(line);
      if (m) id = m[1]!.trim();
      continue;
    }
    const cols = line.split('\t');
    if (cols.length < 8) continue;
    // Multiword tokens ("3-4") and empty nodes ("5.1") are not syntactic words of the basic tree.
    if (!/^\d+$/.test(cols[0]!)) continue;
    cur ??= { id, words: [], upos: [], xpos: [], heads: [], deprels: [] };
    cur.words.push(cols[1]!);
    cur.upos.push(cols[3]!);
    cur.xpos.push(cols[4]!);
    cur.heads.push(Number(cols[6]));
    cur.deprels.push(cols[7]!);
  }
  flush();
  return out;
}

/** A `.conllu` file, or every `.conllu` file of a directory in name order. */
export function conlluFiles(fileOrDir: string): string[] {
  if (!statSync(fileOrDir).isDirectory()) return [fileOrDir];
  return readdirSync(fileOrDir).filter((f) => f.endsWith('.conllu')).sort().map((f) => path.join(fileOrDir, f));
}

export const readConllu = (file: string): UdSentence[] => parseConllu(readFileSync(file, 'utf8'));

/** The universal part of a relation (`nsubj:pass` → `nsubj`), what CoNLL 2018 LAS compares. */
export const mainRelation = (deprel: string): string => {
  const i = deprel.indexOf(':');
  return i < 0 ? deprel : deprel.slice(0, i);
};
