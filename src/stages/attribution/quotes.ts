/**
 * Quotation spans. Marks are paired inside each paragraph (curly marks by direction, straight marks by
 * alternation); a quote still open at the end of a paragraph runs to that paragraph's end and, following the
 * newspaper convention, continues in the next paragraph when that one opens with a quote mark.
 */
import type { Doc } from '../../model/document.js';

export interface Quote {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or the paragraph end when the quote is left open. */
  close: number;
  /** Inner token range `[tokStart, tokEnd)` (marks excluded). */
  tokStart: number;
  tokEnd: number;
  /** Index of the quote that continues this one in the next paragraph, or -1. */
  next: number;
  /** Index of the quote this one continues from the previous paragraph, or -1. */
  prev: number;
}

const OPENERS = new Set(['“', '„', '«']);
const CLOSERS = new Set(['”', '»']);
const STRAIGHT = '"';

export function isQuoteMark(s: string): boolean {
  return s === STRAIGHT || OPENERS.has(s) || CLOSERS.has(s);
}

/** Finds the quotes of a segmented document; `quoteOfToken[t]` is the quote whose inside holds token t, or -1. */
export function findQuotes(doc: Doc): { quotes: Quote[]; quoteOfToken: Int32Array } {
  const { text, tokens } = doc;
  const quotes: Quote[] = [];
  const quoteOfToken = new Int32Array(tokens.length).fill(-1);
  let t = 0; // token cursor, advances monotonically with the paragraphs
  let openAtParaEnd = -1; // quote left open at the end of the previous paragraph
  for (const para of doc.paragraphs) {
    let openAt = -1;
    let firstMark = true;
    let continuedFrom = -1;
    const push = (open: number, close: number) => {
      quotes.push({ open, close, tokStart: 0, tokEnd: 0, next: -1, prev: -1 });
      const qi = quotes.length - 1;
      if (continuedFrom >= 0) {
        quotes[continuedFrom]!.next = qi;
        quotes[qi]!.prev = continuedFrom;
        continuedFrom = -1;
      }
    };
    for (let i = para.start; i < para.end; i++) {
      const c = text[i]!;
      if (c !== STRAIGHT && !OPENERS.has(c) && !CLOSERS.has(c)) continue;
      const leadsParagraph = firstMark && i === para.start;
      firstMark = false;
      if (leadsParagraph && openAtParaEnd >= 0) continuedFrom = openAtParaEnd;
      if (openAt < 0) {
        if (CLOSERS.has(c)) continue; // stray closing mark: nothing to pair with
        openAt = i;
      } else if (OPENERS.has(c)) {
        openAt = i; // a second opener: the first one was never closed, restart from here
      } else {
        push(openAt, i);
        openAt = -1;
      }
    }
    openAtParaEnd = -1;
    if (openAt >= 0) {
      push(openAt, para.end);
      openAtParaEnd = quotes.length - 1;
    }
  }
  // Inner token ranges: tokens whose start lies strictly between the marks.
  for (let qi = 0; qi < quotes.length; qi++) {
    const q = quotes[qi]!;
    while (t < tokens.length && tokens[t]!.start <= q.open) t++;
    q.tokStart = t;
    let e = t;
    while (e < tokens.length && tokens[e]!.end <= q.close) e++;
    q.tokEnd = e;
    for (let k = q.tokStart; k < q.tokEnd; k++) quoteOfToken[k] = qi;
    t = e;
  }
  return { quotes, quoteOfToken };
}

/** The first quote of a chain of paragraph-continued quotes. */
export function chainHead(quotes: Quote[], qi: number): number {
  while (quotes[qi]!.prev >= 0) qi = quotes[qi]!.prev;
  return qi;
}
