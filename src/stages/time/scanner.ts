/**
 * The TIMEX3 recognizer's scanning state and token helpers. One TimeScan is made per text: it holds the time
 * tokens, the options, the DCT, what has been found so far and the narrative reference time, which moves through
 * the text in reading order (see anchor.ts). Each expression family is a set of free functions that take the scan
 * as their first argument, so the families share one state without a class of a thousand lines.
 *
 * The grammar is recursive ("early" + any expression, "the end of" + any expression, a clock time + the day after
 * it), but its modules import only downwards: the few entry points a lower family needs from a higher one are
 * late-bound through `scan.grammar`, which recognize.ts fills with one shared object.
 */
import type { Timex } from '../../model/document.js';
import type { Diagnostic, TimexType } from '../../model/format.js';
import { parseYmd, type Ymd } from './calendar.js';
import { ADVERB_FOLLOWERS, NOT_RATE, RATE_WORDS, TIME_PHRASE_STARTS } from './lexicon.js';
import { formatPoint, type Point } from './point.js';
import { tenseAround } from './tense.js';
import { NUMBER, WORD, tokenizeForTime, type TimeTokens } from './tokenize.js';

export interface TagOptions {
  /** Document creation time, `YYYY-MM-DD...`; null leaves relative expressions unresolved. */
  dct: string | null;
  /** Tense of the clause around a character offset (PAST, PRESENT, FUTURE); defaults to word forms nearby. */
  tenseAt?: (offset: number) => number;
  /** Sentence index of a character offset; defaults to a punctuation-based split. */
  sentenceOf?: (offset: number) => number;
}

/** One match of the grammar: token end (exclusive) and the TIMEX3 attributes. */
export interface Match {
  e: number;
  type: TimexType;
  value: string;
  mod?: string;
  anchor: 'dct' | 'narrative' | 'none';
  resolved: boolean;
  /** The calendar point a DATE/TIME denotes, for the narrative reference time. */
  point?: Point;
  /** Derived from the reference itself ("a year earlier"): must not become the new reference. */
  derived?: boolean;
}

/**
 * The grammar's entry points that a family calls without importing them (the callee sits above it in the module
 * order): filled once by recognize.ts.
 */
export interface Grammar {
  /** Any expression at token i (what "early", "later" and "the end of" take after them). */
  expressionAt(scan: TimeScan, i: number): Match | null;
  /** A phrase starting with "the" at token i ("early the next year" reads "the next year"). */
  theAt(scan: TimeScan, i: number): Match | null;
  /** A month-first date at token i ("5 p.m. Nov. 6"); `rel` -1 last, 1 next, 0 by tense. */
  monthDate(scan: TimeScan, i: number, rel?: number): Match | null;
  /** A weekday at token i ("10 p.m. Wednesday"); `rel` -1 last, 1 next, 2 this week, 0 by tense. */
  weekdayAt(scan: TimeScan, i: number, rel?: number): Match | null;
  /** "today", "yesterday", "tomorrow", "tonight" at token i. */
  deictic(scan: TimeScan, i: number): Match | null;
}

// Token shapes that several expression families test.
export const RE_DECADE = /^(?:(\d{3})0s|'(\d)0s)$/;
export const RE_ORDINAL_NUM = /^(\d{1,2})(?:st|nd|rd|th)$/;
export const RE_INT = /^\d+$/;
const RE_BLANK = /^\s*$/;

export class TimeScan {
  readonly tok: TimeTokens;
  readonly dct: Ymd | null;
  readonly out: Timex[] = [];
  readonly warnings: Diagnostic[] = [];
  // The reference state below is moved on only by anchor.ts's noteReference, in reading order.
  /** Narrative reference time: the last resolved date point, and the sentence it was in. */
  ref: Point | null = null;
  refSentence = -1;
  /** The last quarter or half named: earnings reports compare "a year ago" and "the quarter" against it. */
  periodRef: Point | null = null;
  periodSentence = -1;
  /** Sentence of the last span of months named ("the first nine months"), compared year on year. */
  spanSentence = -1;
  /** The last day named (a coarser date since does not replace it), for "the previous day" and clock times. */
  dayRef: Point | null = null;
  daySentence = -1;
  /**
   * The story's day: the first day named in the lead, the dateline aside ("A gunman opened fire on Saturday").
   * A clock time with no day nearby and a "today" inside a quotation are on that day, not the publication day.
   */
  storyDay: Point | null = null;
  /** Holiday words this text has used as a surname ("Johnnie Christmas ... Christmas ruled"): no dates further on. */
  readonly holidayNames = new Set<string>();
  private fallbackSentence: Int32Array | null = null;
  private quoted: Uint8Array | null = null;

  constructor(readonly text: string, readonly opts: TagOptions, readonly grammar: Grammar) {
    this.tok = tokenizeForTime(text);
    this.dct = parseYmd(opts.dct);
  }

  lw(i: number): string {
    return i >= 0 && i < this.tok.length ? this.tok.lower[i]! : '';
  }

  isCap(i: number): boolean {
    const c = this.text.charCodeAt(this.tok.start[i]!);
    return c >= 65 && c <= 90;
  }

  /** True when tokens i and i+1 touch (no space), as in "third-quarter" or "Q3". */
  touches(i: number): boolean {
    return i + 1 < this.tok.length && this.tok.end[i] === this.tok.start[i + 1];
  }

  /** True when token i ends a phrase, so the word before it is used as an adverb ("paid annually.", not "daily tally"). */
  adverbial(i: number): boolean {
    return i >= this.tok.length || this.tok.kind[i] !== WORD || ADVERB_FOLLOWERS.has(this.tok.lower[i]!);
  }

  /** The word before "a year" in a rate: a number or an amount ("$2 million a year", "four flights a week"). */
  isRateContext(i: number): boolean {
    if (i < 0) return false;
    const w = this.tok.lower[i]!;
    if (this.tok.kind[i] === NUMBER || RATE_WORDS.has(w)) return true;
    return this.tok.kind[i] === WORD && w.length > 3 && w.endsWith('s') && !NOT_RATE.has(w);
  }

  isNum(i: number): boolean {
    return i >= 0 && i < this.tok.length && this.tok.kind[i] === NUMBER;
  }

  sentenceOf(i: number): number {
    if (this.opts.sentenceOf) return this.opts.sentenceOf(this.tok.start[i]!);
    if (!this.fallbackSentence) {
      const s = new Int32Array(this.tok.length);
      let id = 0;
      for (let k = 0; k < this.tok.length; k++) {
        s[k] = id;
        const w = this.tok.lower[k]!;
        if ((w === '.' || w === '!' || w === '?') && k + 1 < this.tok.length && this.isCap(k + 1)) id++;
        else if (k + 1 < this.tok.length && this.text.slice(this.tok.end[k]!, this.tok.start[k + 1]!).includes('\n')) id++;
      }
      this.fallbackSentence = s;
    }
    return this.fallbackSentence[i]!;
  }

  /**
   * True when token i is inside a quotation: after an odd number of double quote marks since the start of its
   * line (a new paragraph starts outside; a quote left open across paragraphs reopens with its own mark).
   */
  insideQuote(i: number): boolean {
    if (!this.quoted) {
      const q = new Uint8Array(this.tok.length);
      let inside = 0, pos = 0;
      for (let k = 0; k < this.tok.length; k++) {
        for (const s = this.tok.start[k]!; pos < s; pos++) {
          const c = this.text.charCodeAt(pos);
          if (c === 10) inside = 0;
          else if (c === 34 || c === 0x201c || c === 0x201d || c === 0x201e) inside ^= 1;
        }
        q[k] = inside;
      }
      this.quoted = q;
    }
    return this.quoted[i] === 1;
  }

  /** True when tokens i..e-1 are the only thing on their line (a date line under a headline, "980120"). */
  aloneOnLine(i: number, e = i + 1): boolean {
    const s = this.tok.start[i]!, end = this.tok.end[e - 1]!;
    const nl = this.text.indexOf('\n', end);
    return RE_BLANK.test(this.text.slice(this.text.lastIndexOf('\n', s - 1) + 1, s))
      && RE_BLANK.test(this.text.slice(end, nl < 0 ? this.text.length : nl));
  }

  /**
   * True when capitalised token i continues a name: right after another capitalised word on the same line that
   * is not a word that starts a time phrase ("Johnnie Christmas", "Operation Peace Spring", but "On Christmas").
   */
  continuesName(i: number): boolean {
    if (!this.isCap(i) || i === 0 || this.tok.kind[i - 1] !== WORD || !this.isCap(i - 1)) return false;
    if (TIME_PHRASE_STARTS.has(this.tok.lower[i - 1]!)) return false;
    return !this.text.slice(this.tok.end[i - 1]!, this.tok.start[i]!).includes('\n');
  }

  /** True when tokens i and k (> i) are on the same line. */
  touchesLine(i: number, k: number): boolean {
    return !this.text.slice(this.tok.end[i]!, this.tok.start[k]!).includes('\n');
  }

  /** "Week" but not "WEEK" or "week". */
  isTitleCase(i: number): boolean {
    const s = this.tok.start[i]!;
    const c = this.text.charCodeAt(s + 1);
    return this.isCap(i) && c >= 97 && c <= 122;
  }

  tense(i: number): number {
    if (this.opts.tenseAt) return this.opts.tenseAt(this.tok.start[i]!);
    // Without the segment stage: word forms of this scanner's own tokens, within the sentence.
    const s = this.sentenceOf(i);
    let lo = i, hi = i;
    while (lo > 0 && this.sentenceOf(lo - 1) === s) lo--;
    while (hi < this.tok.length && this.sentenceOf(hi) === s) hi++;
    return tenseAround({ lower: (k) => this.tok.lower[k]!, isVerb: null }, i, lo, hi);
  }

  /**
   * Records a time warning about tokens i..e-1: the one place the warning text is built. A span read twice (a
   * clock time looks ahead for its day) is warned about once.
   */
  warn(i: number, e: number, why: string): void {
    const span = { start: this.tok.start[i]!, end: this.tok.end[e - 1]! };
    const ruleId = `time/${why.replace(/ /g, '-')}`;
    if (this.warnings.some((w) => w.ruleId === ruleId && w.span?.start === span.start && w.span.end === span.end)) return;
    const message = `time: ${why}: "${this.text.slice(span.start, span.end)}"`;
    this.warnings.push({ message, span, source: 'time', ruleId, severity: 'warning' });
  }
}

/** A match whose value is the calendar point `p`; a point with an unknown year is unresolved and unanchored. */
export function match(e: number, type: TimexType, p: Point, anchor: Match['anchor'], mod?: string): Match {
  const resolved = !Number.isNaN(p.y);
  return { e, type, value: formatPoint(p), anchor: resolved ? anchor : 'none', resolved, point: p, mod };
}

/** A match with a value of its own (a duration, a set, PAST_REF), anchored to nothing. */
export function fixed(e: number, type: TimexType, value: string, mod?: string): Match {
  return { e, type, value, anchor: 'none', resolved: true, mod };
}
