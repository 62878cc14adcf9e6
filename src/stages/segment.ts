/**
 * Segmentation stage: paragraphs, then sentences, tokens and POS tags from wink-nlp inside each paragraph.
 *
 * Paragraphs are found first because wink's sentence splitter runs straight across line breaks, and a headline
 * or a quoted paragraph must never share a sentence with the next one. Wink's tokenisation is lossless
 * (preceding spaces + token values rebuild the input), which is what lets us recover exact offsets.
 */
import winkNLP, { type ItemSentence } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Doc, Paragraph, Stage } from '../model/document.js';

const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;

/**
 * Paragraph boundaries. With blank lines present, a paragraph is a block between blank lines (so hard-wrapped
 * text keeps its sentences whole); without any, every non-empty line is a paragraph (one-line-per-paragraph wire
 * copy and feeds).
 */
export function findParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const blankLine = /\n[ \t\r\f\v]*\n/;
  const splitter = blankLine.test(text) ? /\n[ \t\r\f\v]*\n\s*/g : /\n\s*/g;
  let pos = 0;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let m = splitter.exec(text); m; m = splitter.exec(text)) {
    push(pos, m.index);
    pos = m.index + m[0].length;
  }
  push(pos, text.length);
  return out;
}

/**
 * wink-nlp learns words as it reads: once it has met "Trump's" before a full stop (which it leaves whole), the
 * word is in its lexicon and every later "Trump's" in the process stays one token, so output would depend on the
 * documents read before (winkjs/wink-nlp#143). Splitting the clitic ourselves makes a word + "'s" always two
 * tokens, as wink splits it the first time. Returns the clitic's length, or 0.
 */
function possessiveClitic(v: string): number {
  if (v.length < 3) return 0;
  const last = v.charCodeAt(v.length - 1);
  if (last !== 115 && last !== 83) return 0; // s, S
  const mark = v[v.length - 2];
  if (mark !== "'" && mark !== '’') return 0;
  return /[\p{L}\p{N}]/u.test(v[v.length - 3]!) ? 2 : 0;
}

/** Words whose "'s" is "is" or "has" (wink tags it AUX), not a possessive. */
const CLITIC_IS = new Set(['it', 'he', 'she', 'that', 'there', 'what', 'who', 'here', 'where', 'how', 'this']);

export function segment(doc: Doc): void {
  const { text } = doc;
  doc.paragraphs = findParagraphs(text);
  for (let p = 0; p < doc.paragraphs.length; p++) {
    const para = doc.paragraphs[p]!;
    const chunk = text.slice(para.start, para.end);
    const wd = nlp.readDoc(chunk);
    const values = wd.tokens().out(its.value) as string[];
    const spaces = wd.tokens().out(its.precedingSpaces) as string[];
    const tags = wd.tokens().out(its.pos) as string[];
    // Absolute offsets of every wink token, rebuilt from its lossless value + preceding-space stream.
    const starts = new Array<number>(values.length);
    let off = para.start;
    for (let i = 0; i < values.length; i++) {
      off += spaces[i]!.length;
      starts[i] = off;
      off += values[i]!.length;
    }
    const tokenBase = doc.tokens.length;
    const sentenceBase = doc.sentences.length;
    const winkToOurs = new Array<number>(values.length);
    for (let i = 0; i < values.length; i++) {
      winkToOurs[i] = doc.tokens.length;
      if (tags[i] === 'SPACE') continue; // whitespace-only tokens (line breaks inside a paragraph) carry nothing
      const v = values[i]!;
      const clitic = possessiveClitic(v);
      const baseEnd = starts[i]! + v.length - clitic;
      doc.tokens.push({
        start: starts[i]!, end: baseEnd, text: v.slice(0, v.length - clitic), lower: v.slice(0, v.length - clitic).toLowerCase(),
        pos: tags[i]!, sentence: -1,
      });
      if (clitic) {
        const c = v.slice(v.length - clitic);
        const base = v.slice(0, v.length - clitic).toLowerCase();
        doc.tokens.push({
          start: baseEnd, end: baseEnd + clitic, text: c, lower: c.toLowerCase(),
          pos: CLITIC_IS.has(base) ? 'AUX' : 'PART', sentence: -1,
        });
      }
    }
    wd.sentences().each((s: ItemSentence) => {
      const [a, b] = s.out(its.span) as unknown as [number, number];
      const tokenStart = winkToOurs[a]!;
      const tokenEnd = b + 1 < values.length ? winkToOurs[b + 1]! : doc.tokens.length;
      if (tokenEnd <= tokenStart) return;
      const idx = doc.sentences.length;
      for (let t = tokenStart; t < tokenEnd; t++) doc.tokens[t]!.sentence = idx;
      doc.sentences.push({
        start: doc.tokens[tokenStart]!.start, end: doc.tokens[tokenEnd - 1]!.end,
        tokenStart, tokenEnd, paragraph: p,
      });
    });
    mergeFalseBreaks(doc, sentenceBase);
    // Tokens wink left outside any sentence (rare) join the previous sentence so no token is orphaned.
    for (let t = tokenBase; t < doc.tokens.length; t++) {
      if (doc.tokens[t]!.sentence === -1 && doc.sentences.length > 0) {
        const last = doc.sentences[doc.sentences.length - 1]!;
        doc.tokens[t]!.sentence = doc.sentences.length - 1;
        last.tokenEnd = Math.max(last.tokenEnd, t + 1);
        last.end = Math.max(last.end, doc.tokens[t]!.end);
      }
    }
  }
}

/** Tokens after a break within which a parenthesis left open before it must close for the break to be false. */
const PAREN_REACH = 4;

/**
 * Joins sentences wink split at an abbreviation's full stop. Party-and-state labels of US politics ("Rep. Jim
 * Clyburn (D-S.C.), the assistant leader, said ...", "Sen. David Perdue (R-Ga.) agreed") are the common case: wink
 * ends a sentence at "S." or "Ga.)". A break is false when the next sentence starts with a lower-case word, a
 * comma or a closing parenthesis, or when a parenthesis still open at the break closes within a few tokens.
 */
function mergeFalseBreaks(doc: Doc, from: number): void {
  const { tokens, sentences } = doc;
  /** Parentheses still open after the tokens [s, e), starting from `open` (so a merged sentence is not rescanned). */
  const openAfter = (s: number, e: number, open: number) => {
    for (let t = s; t < e; t++) {
      const w = tokens[t]!.text;
      if (w === '(') open++;
      else if (w === ')' && open > 0) open--;
    }
    return open;
  };
  if (sentences.length - from < 2) return;
  // Compaction in place (no splice), so a paragraph of many false breaks stays linear.
  let w = from;
  let open = openAfter(sentences[from]!.tokenStart, sentences[from]!.tokenEnd, 0);
  for (let i = from + 1; i < sentences.length; i++) {
    const prev = sentences[w]!;
    const cur = sentences[i]!;
    let closesSoon = false;
    for (let t = cur.tokenStart; open > 0 && t < Math.min(cur.tokenEnd, cur.tokenStart + PAREN_REACH); t++) {
      if (tokens[t]!.text === ')') closesSoon = true;
    }
    if (/^[a-z,)]/.test(tokens[cur.tokenStart]!.text) || closesSoon) {
      prev.end = cur.end;
      prev.tokenEnd = cur.tokenEnd;
      open = openAfter(cur.tokenStart, cur.tokenEnd, open);
    } else {
      sentences[++w] = cur;
      open = openAfter(cur.tokenStart, cur.tokenEnd, 0);
    }
  }
  if (w === sentences.length - 1) return;
  sentences.length = w + 1;
  for (let i = from; i < sentences.length; i++) {
    for (let t = sentences[i]!.tokenStart; t < sentences[i]!.tokenEnd; t++) tokens[t]!.sentence = i;
  }
}

export const segmentStage: Stage = {
  name: 'segment', requires: [], assigns: ['paragraphs', 'sentences', 'tokens'], writesMeta: [], run: segment,
};
