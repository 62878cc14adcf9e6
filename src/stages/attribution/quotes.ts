/**
 * Quotation spans. Marks are paired inside each paragraph (curly marks by direction, straight marks by
 * alternation); a quote still open at the end of a paragraph runs to that paragraph's end and, following the
 * newspaper convention, continues in the next paragraph when that one opens with a quote mark (or, in copy that
 * lost that opener, when the next paragraph's first mark closes a quote).
 */
import type { Doc } from '../../model/document.js';

export interface Quote {
  /** Offset of the opening mark, and just after it (marks may be two characters: '' and ``). */
  open: number;
  openEnd: number;
  /** Offset of the closing mark, or the paragraph end when the quote is left open. */
  close: number;
  closeEnd: number;
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

/** A one-character quotation mark token. */
export function isQuoteMark(s: string): boolean {
  return s === STRAIGHT || OPENERS.has(s) || CLOSERS.has(s);
}

/** The quotation mark starting at text[i]: its direction and length, or null. Two apostrophes (the New York
 * Times' '' convention) count as one straight mark, two backticks as an opener. */
function markAt(text: string, i: number): { dir: 'open' | 'close' | 'straight'; len: number } | null {
  const c = text[i]!;
  if (c === STRAIGHT) return { dir: 'straight', len: 1 };
  if (OPENERS.has(c)) return { dir: 'open', len: 1 };
  if (CLOSERS.has(c)) return { dir: 'close', len: 1 };
  if (c === "'" && text[i + 1] === "'") return { dir: 'straight', len: 2 };
  if (c === '`' && text[i + 1] === '`') return { dir: 'open', len: 2 };
  return null;
}

/** Letters and digits: what follows an opening mark and precedes a closing one. */
const WORDISH = /[\p{L}\p{N}]/u;

/**
 * A curly mark typed the wrong way round (word processors and hurried editors do it: `”Mr. Trump ...”`) is read by
 * where it stands: after a space or the paragraph start and before a word it opens; after a word or punctuation and
 * before a space or the paragraph end it closes. Only used where its own direction has nothing to pair with.
 */
function opensAt(text: string, i: number, len: number, paraStart: number): boolean {
  return (i === paraStart || /\s|\(/.test(text[i - 1]!)) && WORDISH.test(text[i + len] ?? '');
}
function closesAt(text: string, i: number, len: number, paraEnd: number): boolean {
  return i > 0 && !/\s/.test(text[i - 1]!) && (i + len >= paraEnd || /[\s.,;:!?)\u2014\u2015-]/.test(text[i + len]!));
}

/**
 * Finds the quotes of a segmented document. `quoteOfToken[t]` is the quote whose inside holds token t, or -1;
 * `markOfToken[t]` is 1 when token t is (part of) a quotation mark that opens or closes a quote.
 */
export function findQuotes(doc: Doc): { quotes: Quote[]; quoteOfToken: Int32Array; markOfToken: Uint8Array } {
  const { text, tokens } = doc;
  const quotes: Quote[] = [];
  const quoteOfToken = new Int32Array(tokens.length).fill(-1);
  let t = 0; // token cursor, advances monotonically with the paragraphs
  let openAtParaEnd = -1; // quote left open at the end of the previous paragraph
  for (const para of doc.paragraphs) {
    let openAt = -1;
    let openLen = 0;
    let firstMark = true;
    let continuedFrom = -1;
    const push = (open: number, close: number, closeLen: number) => {
      quotes.push({
        open, openEnd: open + openLen, close, closeEnd: close + closeLen, tokStart: 0, tokEnd: 0, next: -1, prev: -1,
      });
      const qi = quotes.length - 1;
      if (continuedFrom >= 0) {
        quotes[continuedFrom]!.next = qi;
        quotes[qi]!.prev = continuedFrom;
        continuedFrom = -1;
      }
    };
    for (let i = para.start; i < para.end; i++) {
      const mark = markAt(text, i);
      if (!mark) continue;
      const leadsParagraph = firstMark && i === para.start;
      const firstOfPara = firstMark;
      firstMark = false;
      if (leadsParagraph && openAtParaEnd >= 0) continuedFrom = openAtParaEnd;
      if (openAt < 0 && mark.dir === 'close' && opensAt(text, i, mark.len, para.start)) mark.dir = 'open';
      else if (firstOfPara && !leadsParagraph && openAtParaEnd >= 0 && (mark.dir === 'close'
        || (mark.dir === 'straight' && closesAt(text, i, mark.len, para.end) && !opensAt(text, i, mark.len, para.start)))) {
        // A quote left open at the end of the last paragraph resumes with no opening mark and closes here:
        // the words before the mark are still quoted (copy that lost the continuing paragraph's opener).
        openAt = para.start;
        openLen = 0;
        continuedFrom = openAtParaEnd;
      } else if (openAt >= 0 && mark.dir === 'open' && closesAt(text, i, mark.len, para.end)) mark.dir = 'close';
      if (openAt < 0) {
        if (mark.dir !== 'close') {
          openAt = i; // (a stray closing mark has nothing to pair with)
          openLen = mark.len;
        }
      } else if (mark.dir === 'open') {
        openAt = i; // a second opener: the first one was never closed, restart from here
        openLen = mark.len;
      } else {
        push(openAt, i, mark.len);
        openAt = -1;
      }
      i += mark.len - 1;
    }
    openAtParaEnd = -1;
    if (openAt >= 0) {
      push(openAt, para.end, 0);
      openAtParaEnd = quotes.length - 1;
    }
  }
  // Inner token ranges: tokens between the marks; the mark tokens themselves are flagged.
  const markOfToken = new Uint8Array(tokens.length);
  for (let qi = 0; qi < quotes.length; qi++) {
    const q = quotes[qi]!;
    // A token that straddles a mark (wink reads ''A as ' + 'A) belongs inside; spans are cut at the mark later.
    while (t < tokens.length && tokens[t]!.end <= q.openEnd) {
      if (tokens[t]!.end > q.open) markOfToken[t] = 1;
      t++;
    }
    q.tokStart = t;
    let e = t;
    while (e < tokens.length && tokens[e]!.start < q.close) e++;
    q.tokEnd = e;
    for (let k = q.tokStart; k < q.tokEnd; k++) quoteOfToken[k] = qi;
    for (t = e; t < tokens.length && tokens[t]!.start < q.closeEnd; t++) markOfToken[t] = 1;
  }
  return { quotes, quoteOfToken, markOfToken };
}

/** The first quote of a chain of paragraph-continued quotes. */
export function chainHead(quotes: Quote[], qi: number): number {
  while (quotes[qi]!.prev >= 0) qi = quotes[qi]!.prev;
  return qi;
}
