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
    const sentenceStarts = new Set<number>();
    wd.sentences().each((s: ItemSentence) => { sentenceStarts.add((s.out(its.span) as unknown as [number, number])[0]); });
    const winkToOurs = new Array<number>(values.length);
    const gluedToPrevious = new Array<boolean>(values.length).fill(false);
    // A sentence wink starts inside a glued word starts after it (the word stays with the sentence it began in).
    const ours = (w: number) => (gluedToPrevious[w] ? winkToOurs[w]! + 1 : winkToOurs[w]!);
    for (let i = 0; i < values.length; i++) {
      winkToOurs[i] = doc.tokens.length;
      if (tags[i] === 'SPACE') continue; // whitespace-only tokens (line breaks inside a paragraph) carry nothing
      const last = gluedLength(values, spaces, sentenceStarts, i);
      // Most tokens are neither glued nor carry a clitic: no new strings for them.
      const v = last === i ? values[i]! : values.slice(i, last + 1).join('');
      const clitic = possessiveClitic(v);
      const word = clitic ? v.slice(0, v.length - clitic) : v;
      const lower = word.toLowerCase();
      const baseEnd = starts[i]! + word.length;
      doc.tokens.push({ start: starts[i]!, end: baseEnd, text: word, lower, pos: tags[i]!, sentence: -1 });
      if (clitic) {
        const c = v.slice(word.length);
        doc.tokens.push({
          start: baseEnd, end: baseEnd + clitic, text: c, lower: c.toLowerCase(),
          pos: CLITIC_IS.has(lower) ? 'AUX' : 'PART', sentence: -1,
        });
      }
      for (let j = i + 1; j <= last; j++) {
        winkToOurs[j] = winkToOurs[i]!;
        gluedToPrevious[j] = true;
      }
      i = last;
    }
    wd.sentences().each((s: ItemSentence) => {
      const [a, b] = s.out(its.span) as unknown as [number, number];
      const tokenStart = ours(a);
      const tokenEnd = b + 1 < values.length ? ours(b + 1) : doc.tokens.length;
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

/** Top-level domains that end a site's name written as one word ("Znak.com", "Secunia.com"). */
const DOMAIN_ENDINGS = new Set(['com', 'org', 'net', 'gov', 'edu', 'info', 'io', 'ru', 'uk', 'de', 'fr', 'tv']);
const LETTERS = /^\p{L}+$/u;
const NON_ASCII_LETTER = /[^\x00-\x7F]/;

/** Whether wink token k exists and is written against the token before it. */
const tight = (values: string[], spaces: string[], k: number) => k < values.length && spaces[k] === '';

/**
 * The last wink token of the word starting at token i. Wink splits a word at a letter outside its alphabet
 * ("Erdoğan" → Erdo + ğ + an) and a site's name at its dot ("Znak.com" → Znak + . + com); such pieces, written
 * with no space between them and inside one sentence, are glued back so that names stay whole.
 */
function gluedLength(values: string[], spaces: string[], sentenceStarts: Set<number>, i: number): number {
  let j = i;
  for (;;) {
    // Cheapest test first: almost every token is followed by a space, and then nothing is glued.
    if (j + 1 >= values.length || spaces[j + 1] !== '') return j;
    if (!sentenceStarts.has(j + 1) && LETTERS.test(values[j]!) && LETTERS.test(values[j + 1]!)
      && (NON_ASCII_LETTER.test(values[j]!) || NON_ASCII_LETTER.test(values[j + 1]!))) {
      j++;
      continue;
    }
    // wink may end a sentence at the dot; the word is glued anyway and the false break is undone later.
    if (tight(values, spaces, j + 2) && values[j + 1] === '.' && /^[\p{L}\d-]+$/u.test(values[j]!)
      && DOMAIN_ENDINGS.has(values[j + 2]!.toLowerCase()) && !(tight(values, spaces, j + 3) && LETTERS.test(values[j + 3]!))) {
      j += 2;
      continue;
    }
    return j;
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
