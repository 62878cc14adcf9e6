/**
 * TIMEX3 tagger: a hand-written grammar over the time tokenizer's tokens. At each token it tries the expression
 * families (numeric dates, month dates, weekdays, clock times, durations, relative and anaphoric expressions,
 * sets, decades, quarters, holidays) and keeps the match found there; values are resolved on the spot against the
 * document creation time (DCT) and the narrative reference time (the last date mentioned), so the reference
 * moves through the text in reading order.
 *
 * Extents follow TempEval-3: leading prepositions ("in", "since", "on") are left out; determiners and
 * modifiers that change the value ("the past two years", "about a decade", "early next year") are kept.
 */
import type { Timex } from '../../model/document.js';
import type { Diagnostic, TimexType } from '../../model/format.js';
import { easter, isValidDate, nthWeekday, parseYmd, weekday, type Ymd } from './calendar.js';
import {
  AMBIGUOUS_MONTHS, FIXED_HOLIDAYS, HOLIDAY_FIRST_WORDS, MONTHS, MOVABLE_HOLIDAYS, NUMBER_WORDS, ORDINALS,
  PARTS_OF_DAY, POSITION_MODS, POSITION_NOUNS, PRE_MODS, REF_WORDS, SEASONS, SEASON_START, SET_WORDS, TIME_ZONES,
  UNITS, VAGUE_COUNTS, WEEKDAYS, type Unit,
} from './lexicon.js';
import { durationValue } from './duration.js';
import { dayPoint, formatPoint, ordinal, point, reGrain, shift, type Grain, type Point } from './point.js';
import { FUTURE, PAST, PRESENT, tenseAround } from './tense.js';
import { NUMBER, WORD, tokenizeForTime, type TimeTokens } from './tokenize.js';

export interface TagOptions {
  /** Document creation time, `YYYY-MM-DD...`; null leaves relative expressions unresolved. */
  dct: string | null;
  /** Tense of the clause around a character offset (PAST, PRESENT, FUTURE); defaults to word forms nearby. */
  tenseAt?: (offset: number) => number;
  /** Sentence index of a character offset; defaults to a punctuation-based split. */
  sentenceOf?: (offset: number) => number;
}

export interface TagResult {
  timexes: Timex[];
  warnings: Diagnostic[];
}

/** One match of the grammar: token end (exclusive) and the TIMEX3 attributes. */
interface Match {
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

const UNIT_GRAIN: Record<Unit['code'], Grain> = {
  S: 'D', MIN: 'D', H: 'D', D: 'D', W: 'W', WE: 'W', M: 'M', Q: 'Q', Y: 'Y', E: 'E', C: 'C', L: 'C',
};
const GRAIN_RANK: Record<Grain, number> = { C: 0, E: 1, Y: 2, H: 3, Q: 4, S: 4, M: 5, W: 6, D: 7 };

const RE_CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const RE_SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/;
const RE_DASH_DATE = /^(\d{1,4})-(\d{1,2})-(\d{1,4})$/;
const RE_DECADE = /^(?:(\d{3})0s|'(\d)0s)$/;
const RE_ORDINAL_NUM = /^(\d{1,2})(?:st|nd|rd|th)$/;
const RE_INT = /^\d+$/;
const RE_DECIMAL = /^\d+(?:\.\d+)?$/;
const RE_BLANK = /^\s*$/;

const ADVERB_FOLLOWERS = new Set(['and', 'or', 'in', 'at', 'by', 'to', 'for', 'on', 'since', 'from', 'than', 'but', 'as', 'until', 'with']);
const RATE_WORDS = new Set(['million', 'billion', 'thousand', 'hundred', 'percent', 'once', 'twice', 'cents', 'dollars', 'times', 'interest', 'costs']);
const NOT_RATE = new Set(['this', 'was', 'has', 'less', 'as', 'its', 'his', 'is', 'does', 'perhaps', 'thus', 'plus', 'unless', 'across', 'always']);
/** "the nineties": decades named in words, read as the 20th century's. */
const DECADE_WORDS = new Map([['twenties', 1920], ['thirties', 1930], ['forties', 1940], ['fifties', 1950], ['sixties', 1960], ['seventies', 1970], ['eighties', 1980], ['nineties', 1990]]);
const COUNT_FILLERS = new Set(['more', 'additional', 'extra', 'full', 'trading', 'business', 'working', 'calendar', 'straight', 'consecutive']);
/** How many sentences a quarter named in an earnings report stays the period that "a year ago" compares with. */
const PERIOD_REACH = 6;
/** Plural nouns that a year modifies ("1990 levels", "2020 elections"), unlike a count ("2000 people"). */
const YEAR_NOUNS = new Set(['levels', 'figures', 'elections', 'results', 'prices', 'sales', 'earnings', 'models', 'games', 'olympics']);
/** Words that may follow "in the morning" used as a time adverbial (not "the morning meetings"). */
const PART_FOLLOWERS = new Set(['it', 'he', 'she', 'they', 'we', 'i', 'you', 'the', 'a', 'an', 'there', 'his', 'her', 'their', 'its', 'when', 'before', 'after', 'while']);
/** Words ending a clock time, after which "in the morning" belongs to the clock. */
const CLOCK_WORDS = new Set(["o'clock", 'clock', 'a.m.', 'p.m.', 'am', 'pm']);
/** Words after which "current" is not "now": a noun use or a fixed phrase. */
const CURRENT_NOT_BEFORE = new Set(['account', 'accounts', 'affairs', 'is', 'was', 'are', 'were', 'of', 'and', 'or', 'in', 'to', 'that',
  'which', 'flows', 'flow', 'flowing', 'carrying', 'events', 'issue', 'issues', 'assets', 'liabilities', 'ratio', 'yield', 'yields', 'dollars',
  'prices', 'price', 'account-deficit']);
const ANCHOR_AFTER = new Set(['later', 'after', 'hence']);
const ANCHOR_BEFORE = new Set(['earlier', 'before', 'previously', 'prior']);
const RELATIVE_WORDS = new Set(['this', 'last', 'next', 'past', 'coming', 'previous', 'following', 'that', 'current', 'same', 'latest', 'preceding', 'upcoming']);
const YEAR_CONTEXT = new Set(['in', 'since', 'of', 'by', 'until', 'till', 'from', 'to', 'through', 'during', 'before', 'after', 'and', 'between', 'fiscal', 'the', "'s", 'early', 'late', 'mid', '-', ',', 'year', 'around', 'circa', 'about', 'or', 'than']);
const MONTH_CONTEXT = new Set(['in', 'of', 'since', 'until', 'till', 'by', 'early', 'late', 'mid', 'last', 'next', 'this', '-', 'through', 'from', 'to', 'before', 'after', 'during', 'and', 'or', 'between', 'that', 'each', 'every', 'on']);

export function tagTimexes(text: string, opts: TagOptions): TagResult {
  return new Tagger(text, opts).run();
}

class Tagger {
  private readonly tok: TimeTokens;
  private readonly dct: Ymd | null;
  private readonly out: Timex[] = [];
  private readonly warnings: Diagnostic[] = [];
  /** Narrative reference time: the last resolved date point, and the sentence it was in. */
  private ref: Point | null = null;
  private refSentence = -1;
  /** The last quarter or half named: earnings reports compare "a year ago" and "the quarter" against it. */
  private periodRef: Point | null = null;
  private periodSentence = -1;
  /** Sentence of the last span of months named ("the first nine months"), compared year on year. */
  private spanSentence = -1;
  private fallbackSentence: Int32Array | null = null;

  constructor(private readonly text: string, private readonly opts: TagOptions) {
    this.tok = tokenizeForTime(text);
    this.dct = parseYmd(opts.dct);
  }

  run(): TagResult {
    const n = this.tok.length;
    for (let i = 0; i < n;) {
      const m = this.matchAt(i);
      if (!m) { i++; continue; }
      const start = this.tok.start[i]!, end = this.tok.end[m.e - 1]!;
      const t: Timex = { start, end, type: m.type, value: m.value, resolved: m.resolved, anchor: m.anchor };
      if (m.mod) t.mod = m.mod;
      this.out.push(t);
      if (m.point && m.resolved && !m.derived && (m.type === 'DATE' || m.type === 'TIME')) {
        this.ref = m.point;
        this.refSentence = this.sentenceOf(i);
        // Only a period already over can be the one a report compares with "a year ago": a forecast for the
        // current or a later quarter ("losses through the third quarter of 1990") is not the reported period,
        // unless it is a fiscal period or said to have ended ("the fourth quarter ended Aug. 26").
        if ((m.point.g === 'Q' || m.point.g === 'H') && !(this.afterDct(m.point, -1) && !this.spanHas(i, m.e, 'fiscal') && this.lw(m.e) !== 'ended')) {
          this.periodRef = m.point; this.periodSentence = this.refSentence;
        }
      }
      // "For the nine months, ... compared with year-earlier income": the period talked about is now a span of
      // months, no longer the quarter.
      if (m.type === 'DURATION' && /^P\d+M$/.test(m.value)) {
        this.periodRef = null;
        this.spanSentence = this.sentenceOf(i);
      }
      i = m.e;
    }
    return { timexes: this.out, warnings: this.warnings };
  }

  // ---- token helpers ----------------------------------------------------------------------------------------

  private lw(i: number): string {
    return i >= 0 && i < this.tok.length ? this.tok.lower[i]! : '';
  }

  private isCap(i: number): boolean {
    const c = this.text.charCodeAt(this.tok.start[i]!);
    return c >= 65 && c <= 90;
  }

  /** True when tokens i and i+1 touch (no space), as in "third-quarter" or "Q3". */
  private touches(i: number): boolean {
    return i + 1 < this.tok.length && this.tok.end[i] === this.tok.start[i + 1];
  }

  /** True when token i ends a phrase, so the word before it is used as an adverb ("paid annually.", not "daily tally"). */
  private adverbial(i: number): boolean {
    return i >= this.tok.length || this.tok.kind[i] !== WORD || ADVERB_FOLLOWERS.has(this.tok.lower[i]!);
  }

  /** The word before "a year" in a rate: a number or an amount ("$2 million a year", "four flights a week"). */
  private isRateContext(i: number): boolean {
    if (i < 0) return false;
    const w = this.tok.lower[i]!;
    if (this.tok.kind[i] === NUMBER || RATE_WORDS.has(w)) return true;
    return this.tok.kind[i] === WORD && w.length > 3 && w.endsWith('s') && !NOT_RATE.has(w);
  }

  private isNum(i: number): boolean {
    return i >= 0 && i < this.tok.length && this.tok.kind[i] === NUMBER;
  }

  private sentenceOf(i: number): number {
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

  /** "Week" but not "WEEK" or "week". */
  private isTitleCase(i: number): boolean {
    const s = this.tok.start[i]!;
    const c = this.text.charCodeAt(s + 1);
    return this.isCap(i) && c >= 97 && c <= 122;
  }

  private tense(i: number): number {
    if (this.opts.tenseAt) return this.opts.tenseAt(this.tok.start[i]!);
    // Without the segment stage: word forms of this scanner's own tokens, within the sentence.
    const s = this.sentenceOf(i);
    let lo = i, hi = i;
    while (lo > 0 && this.sentenceOf(lo - 1) === s) lo--;
    while (hi < this.tok.length && this.sentenceOf(hi) === s) hi++;
    return tenseAround({ lower: (k) => this.tok.lower[k]!, isVerb: null }, i, lo, hi);
  }

  private warn(i: number, e: number, why: string): void {
    const span = { start: this.tok.start[i]!, end: this.tok.end[e - 1]! };
    const message = `time: ${why}: "${this.text.slice(span.start, span.end)}"`;
    this.warnings.push({ message, span, source: 'time', ruleId: `time/${why.replace(/ /g, '-')}`, severity: 'warning' });
  }

  // ---- anchors ----------------------------------------------------------------------------------------------

  /** True when a point lies after the DCT's own period of the same grain, plus `slack` periods. */
  private afterDct(p: Point, slack: number): boolean {
    const d = this.dctPoint(p.g);
    return d !== null && !Number.isNaN(p.y) && ordinal(p) > ordinal(d) + slack;
  }

  private spanHas(i: number, e: number, w: string): boolean {
    for (let k = i; k < e; k++) if (this.tok.lower[k] === w) return true;
    return false;
  }

  private dctPoint(g: Grain): Point | null {
    return this.dct ? reGrain(dayPoint(this.dct), g) : null;
  }

  /**
   * Base for underspecified dates ("August", "Friday"): a date mentioned earlier in the same sentence ("In October
   * last year ... since August"), else the DCT.
   */
  private base(i: number, narrativeOk = false): { p: Point; anchor: 'dct' | 'narrative' } | null {
    if (narrativeOk && this.ref && this.refSentence === this.sentenceOf(i) && GRAIN_RANK[this.ref.g] >= GRAIN_RANK.M
      && this.ref.g !== 'S' && !Number.isNaN(this.ref.y)) {
      return { p: this.ref, anchor: 'narrative' };
    }
    return this.dct ? { p: dayPoint(this.dct), anchor: 'dct' } : null;
  }

  /** "the year", "earlier in the month": a date named in the same sentence, else the DCT. */
  private sentenceRefOrDct(i: number): { p: Point; anchor: 'dct' | 'narrative' } | null {
    if (this.ref && this.refSentence === this.sentenceOf(i)) return { p: this.ref, anchor: 'narrative' };
    return this.dct ? { p: dayPoint(this.dct), anchor: 'dct' } : null;
  }

  /** Reference for anaphoric expressions ("the following week", "a year earlier", "that day"). */
  private narrative(): { p: Point; anchor: 'dct' | 'narrative' } | null {
    if (this.ref) return { p: this.ref, anchor: 'narrative' };
    return this.dct ? { p: dayPoint(this.dct), anchor: 'dct' } : null;
  }

  private match(e: number, type: TimexType, p: Point, anchor: Match['anchor'], mod?: string): Match {
    const resolved = !Number.isNaN(p.y);
    return { e, type, value: formatPoint(p), anchor: resolved ? anchor : 'none', resolved, point: p, mod };
  }

  private fixed(e: number, type: TimexType, value: string, mod?: string): Match {
    return { e, type, value, anchor: 'none', resolved: true, mod };
  }

  /**
   * Picks the year of a month/day/season/quarter named without one, from the clause tense: past -> the latest one
   * not after the base, future -> the first one not before it, otherwise the nearest.
   */
  private pickYear(i: number, make: (y: number) => Point, strict = 0, narrativeOk = false): { p: Point; anchor: Match['anchor'] } {
    const b = this.base(i, narrativeOk);
    if (!b) return { p: make(NaN), anchor: 'none' };
    const baseG = make(b.p.y).g;
    const cur = ordinal(baseG === 'S' ? point('M', b.p.y, b.p.m) : reGrain(b.p, baseG));
    const cands = [make(b.p.y - 1), make(b.p.y), make(b.p.y + 1)];
    const ord = (p: Point) => (p.g === 'S' ? ordinal(point('M', p.y, SEASON_START[p.s]!)) : ordinal(p));
    let tense = strict || this.tense(i);
    if (!strict && (baseG === 'D' || baseG === 'M')) {
      // A date close to the base is meant whatever the tense ("was extended to Nov. 16" two weeks ahead).
      const near = baseG === 'D' ? 60 : 2;
      for (const c of cands) if (Math.abs(ord(c) - cur) <= near) tense = PRESENT;
    }
    let best = cands[1]!;
    if (tense === PAST) {
      for (const c of cands) if (strict ? ord(c) < cur : ord(c) <= cur) best = c;
    } else if (tense === FUTURE) {
      for (let k = cands.length - 1; k >= 0; k--) if (strict ? ord(cands[k]!) > cur : ord(cands[k]!) >= cur) best = cands[k]!;
    } else {
      let bestD = Infinity;
      for (const c of cands) {
        const d = Math.abs(ord(c) - cur) + (ord(c) > cur ? 0.5 : 0); // ties go to the past: news reports what happened
        if (d < bestD) { bestD = d; best = c; }
      }
    }
    return { p: best, anchor: b.anchor };
  }

  /** A weekday relative to the base day; `rel` -1 = last, 1 = next, 2 = this (same week), 0 = by tense. */
  private pickWeekday(i: number, wd: number, rel: number): { p: Point; anchor: Match['anchor'] } {
    const b = this.base(i);
    if (!b || b.p.g !== 'D') {
      if (this.dct) return this.pickWeekdayFrom(dayPoint(this.dct), 'dct', wd, rel, i);
      return { p: point('W', NaN), anchor: 'none' };
    }
    return this.pickWeekdayFrom(b.p, b.anchor, wd, rel, i);
  }

  private pickWeekdayFrom(base: Point, anchor: Match['anchor'], wd: number, rel: number, i: number) {
    const bw = weekday(base);
    let off: number;
    if (rel === 2) off = wd - bw;
    else {
      const tense = rel || this.tense(i);
      const back = (bw - wd + 7) % 7, fwd = (wd - bw + 7) % 7;
      if (rel === -1) off = -(back || 7);
      else if (rel === 1) off = fwd || 7;
      // News mostly reports what happened: without a future marker a bare weekday is the latest one (or today).
      else off = tense === FUTURE ? fwd : -back;
    }
    return { p: shift(base, off, 'D'), anchor };
  }

  // ---- grammar ----------------------------------------------------------------------------------------------

  private matchAt(i: number): Match | null {
    const w = this.tok.lower[i]!;
    // Value-changing modifiers in front ("about two years", "more than four hours", "around Nov. 1").
    for (const [words, mod] of PRE_MODS) {
      if (words[0] !== w) continue;
      let ok = true;
      for (let k = 1; k < words.length; k++) if (this.lw(i + k) !== words[k]) { ok = false; break; }
      if (!ok) continue;
      const j = i + words.length;
      // "over the past year", "within the next month": a preposition, not a modifier.
      if (this.lw(j) === 'the') continue;
      const core = this.core(j);
      // "over", "under" and "some" modify only a length of time ("over a week"); before a date they are prepositions.
      const durationOnly = w === 'over' || w === 'under' || w === 'some';
      // "over several years": with a vague count the word is a preposition again.
      if (core && core.type === 'DURATION' && core.value.includes('X')) continue;
      if (core && core.type !== 'SET' && (core.type === 'DURATION' || !durationOnly)) {
        return { ...core, mod: core.mod ?? mod };
      }
    }
    return this.core(i);
  }

  private core(i: number): Match | null {
    const w = this.tok.lower[i]!;
    const kind = this.tok.kind[i]!;
    if (kind === NUMBER) {
      if (this.lw(i + 1) === 'century') return this.century(i);
      return this.numericDate(i) ?? this.clock(i) ?? this.dayFirstDate(i) ?? this.duration(i)
        ?? this.decade(i) ?? this.year(i);
    }
    if (w === 'the') return this.theAt(i);
    if (MONTHS.has(w)) return this.monthDate(i);
    if (WEEKDAYS.has(w)) return this.weekdayAt(i);
    if (RELATIVE_WORDS.has(w)) {
      const r = this.relative(i, i, false);
      if (r) return r;
      if (w === 'current') return this.currentAdj(i);
      return w === 'coming' || w === 'past' ? this.vaguePlural(i) : null;
    }
    if (POSITION_MODS.has(w)) return this.positioned(i);
    const deictic = this.deictic(i);
    if (deictic) return deictic;
    if (w === 'every' || w === 'each') return this.setAt(i);
    const sw = SET_WORDS.get(w);
    if (sw) return this.adverbial(i + 1) ? this.fixed(i + 1, 'SET', sw) : null;
    const ref = REF_WORDS.get(w);
    if (ref) return this.refWord(i, ref);
    if (w === 'these' && this.lw(i + 1) === 'days') return this.fixed(i + 2, 'DATE', 'PRESENT_REF');
    // "at a later date", "to an earlier date": an unspecified future or past day.
    if ((w === 'a' || w === 'an') && (this.lw(i + 1) === 'later' || this.lw(i + 1) === 'earlier') && this.lw(i + 2) === 'date') {
      return this.fixed(i + 3, 'DATE', this.lw(i + 1) === 'later' ? 'FUTURE_REF' : 'PAST_REF');
    }
    if (w === 'a' && this.lw(i + 1) === 'while' && (this.lw(i - 1) === 'for' || this.lw(i - 1) === 'in' || this.lw(i - 1) === 'after')) {
      return this.fixed(i + 2, 'DURATION', 'PXX');
    }
    if (w === 'recent' || w === 'coming' || w === 'future') return this.vaguePlural(i);
    if (w === 'noon' || w === 'midnight') return this.clock(i);
    if (w === 'fiscal' || w === 'fy') return this.fiscal(i);
    if ((w === 'q' || w === 'h') && this.touches(i)) return this.quarterAt(i);
    if (w === 'year' && (this.lw(i + 1) === '-' || this.lw(i + 1) === 'end' || (this.lw(i + 1) === "'s" && this.lw(i + 2) === 'end'))) return this.yearEnd(i, i);
    if (w.startsWith("'") && RE_DECADE.test(w)) return this.decade(i);
    if (SEASONS.has(w)) return this.season(i, i, 0);
    if (ORDINALS.has(w)) return this.lw(i + 1) === 'century' ? this.century(i) : this.quarterAt(i);
    if (w === 'nineteen' || (w === 'two' && this.lw(i + 1) === 'thousand' && YEAR_CONTEXT.has(this.lw(i - 1)))) {
      const sy = this.spelledYear(i);
      // "two thousand years" is a count.
      if (sy && !UNITS.has(this.lw(sy.e))) return this.match(sy.e, 'DATE', point('Y', sy.y), 'none');
    }
    if (HOLIDAY_FIRST_WORDS.has(w) && this.isCap(i)) return this.holiday(i);
    if (UNITS.has(w) && UNITS.get(w)!.plural) return this.barePlural(i);
    if (NUMBER_WORDS.has(w) || VAGUE_COUNTS.has(w)) return this.duration(i);
    return null;
  }

  // Single words and fixed phrases --------------------------------------------------------------------------

  private refWord(i: number, value: string): Match | null {
    const w = this.tok.lower[i]!;
    // "as soon as", "soon after": a conjunction, not a time.
    if (w === 'soon' && (this.lw(i - 1) === 'as' || this.lw(i + 1) === 'as' || this.lw(i + 1) === 'after')) return null;
    return this.fixed(i + 1, 'DATE', value);
  }

  private deictic(i: number): Match | null {
    const w = this.tok.lower[i]!;
    let off: number;
    // "USA Today", "VOA Today": a capitalised word after a name is a title.
    if (this.isCap(i) && i > 0 && this.tok.kind[i - 1] === WORD && this.isCap(i - 1)
      && !this.text.slice(this.tok.end[i - 1]!, this.tok.start[i]!).includes('\n')) return null;
    if (w === 'today') off = 0;
    else if (w === 'yesterday') off = -1;
    else if (w === 'tomorrow') off = 1;
    else if (w === 'tonight') {
      const p = this.dctPoint('D');
      return p ? { ...this.match(i + 1, 'TIME', p, 'dct'), value: `${formatPoint(p)}TNI` } : this.fixed(i + 1, 'TIME', 'XXXX-XX-XXTNI');
    } else return null;
    const p = this.dct ? shift(dayPoint(this.dct), off, 'D') : point('D', NaN, NaN, NaN);
    const part = PARTS_OF_DAY.get(this.lw(i + 1));
    if (part) return { ...this.match(i + 2, 'TIME', p, 'dct'), value: `${formatPoint(p)}T${part}` };
    return this.match(i + 1, 'DATE', p, 'dct');
  }

  // Numbers -----------------------------------------------------------------------------------------------

  /** A count: digits, number words ("twenty four"), "a", "2 1/2", "a couple of", "several" (NaN = vague). */
  private count(i: number): { n: number; e: number; approx?: boolean } | null {
    const w = this.lw(i);
    if (this.isNum(i)) {
      if (!RE_DECIMAL.test(w)) return w.includes(',') && !w.includes('.') ? { n: +w.replace(/,/g, ''), e: i + 1 } : null;
      let n = +w;
      let e = i + 1;
      if (this.lw(e) === '1/2') { n += 0.5; e++; }
      return { n, e };
    }
    if (w === 'a' || w === 'an') {
      const nx = this.lw(i + 1);
      if (nx === 'couple' && this.lw(i + 2) === 'of') return { n: 2, e: i + 3, approx: true };
      if (nx === 'few' || nx === 'number') return { n: NaN, e: nx === 'number' && this.lw(i + 2) === 'of' ? i + 3 : i + 2 };
      if (nx === 'half') return { n: 0.5, e: i + 2 };
      if (nx === 'dozen' || nx === 'hundred') return { n: nx === 'dozen' ? 12 : 100, e: i + 2 };
      return { n: 1, e: i + 1 };
    }
    if (w === 'couple' && this.lw(i + 1) === 'of') return { n: 2, e: i + 2, approx: true };
    if (VAGUE_COUNTS.has(w)) return { n: NaN, e: i + 1 };
    if (w === 'half' && (this.lw(i + 1) === 'a' || this.lw(i + 1) === 'an')) return { n: 0.5, e: i + 2 };
    let n = NUMBER_WORDS.get(w);
    if (n === undefined || n === 0.5) return null;
    let e = i + 1;
    if (n >= 20 && n < 100) {
      const j = this.lw(e) === '-' ? e + 1 : e;
      const u = NUMBER_WORDS.get(this.lw(j));
      if (u !== undefined && u >= 1 && u < 10 && this.lw(j) !== 'a' && this.lw(j) !== 'an') { n += u; e = j + 1; }
    }
    if (this.lw(e) === 'hundred') { n *= 100; e++; }
    if (this.lw(e) === 'thousand') { n *= 1000; e++; }
    if (this.lw(e) === 'and' && this.lw(e + 1) === 'a' && this.lw(e + 2) === 'half') { n += 0.5; e += 3; }
    return { n, e };
  }

  /** Durations and their anchored forms: "two years", "30-day", "six months ago", "a year earlier". */
  private duration(i: number, startTok = i): Match | null {
    const c = this.count(i);
    if (!c) return null;
    const wNum = this.lw(i);
    let j = c.e;
    // "two to three weeks", "12 or 18 months": a range of counts; the value keeps the lower one.
    const rw = this.lw(j);
    if ((rw === 'to' || rw === 'or' || rw === '-') && !Number.isNaN(c.n) && c.n !== 1) {
      const hi = this.count(j + 1);
      if (hi && !Number.isNaN(hi.n) && hi.n > c.n && UNITS.has(this.lw(hi.e))) j = hi.e;
    }
    // "20 more years", "an additional year", "eight trading days"
    if (COUNT_FILLERS.has(this.lw(j))) j++;
    const hyphen = this.lw(j) === '-';
    if (hyphen) j++;
    const unit = UNITS.get(this.lw(j));
    if (!unit) return null;
    if (c.n === 1 && unit.plural) return null;
    // "three-quarters of its food" is a fraction; "a second group" an ordinal.
    if (unit.code === 'Q' && hyphen && unit.plural) return null;
    // "more than a quarter of the market", "three quarters of its food": a fraction, unless of a unit of time
    // ("a quarter of an hour", "a quarter of a century").
    if (unit.code === 'Q' && !hyphen && startTok === i && c.n <= 3 && this.lw(j + 1) === 'of') {
      const k = ['a', 'an', 'the'].includes(this.lw(j + 2)) ? j + 3 : j + 2;
      if (!UNITS.has(this.lw(k)) && this.yearValue(k) === null) return null;
    }
    if (unit.code === 'S' && !this.isNum(i) && !unit.plural) return null;
    // "700 seats a week", "$500 million a year": a rate, not a length of time.
    if ((wNum === 'a' || wNum === 'an') && c.e === i + 1 && this.isRateContext(i - 1)) {
      const nx = this.lw(j + 1);
      if (!(nx === 'ago' || nx === 'earlier' || nx === 'later' || nx === 'before' || nx === '-')) return null;
    }
    let n = c.n;
    // "a year-earlier loss": the adjective "year-earlier" is the timex, tagged from "year".
    if (this.lw(j + 1) === '-' && (this.lw(j + 2) === 'earlier' || this.lw(j + 2) === 'ago' || this.lw(j + 2) === 'end')) return null;
    j++;
    if (this.lw(j) === 'and' && this.lw(j + 1) === 'a' && this.lw(j + 2) === 'half') { n += 0.5; j += 3; }
    // Ages ("52 years old", "a 136-year-old firm") are not timexes in TimeBank.
    if (this.lw(j) === 'old' || (this.lw(j) === '-' && this.lw(j + 1) === 'old')) return null;
    if (hyphen && this.lw(j) === '-' && this.lw(j + 1) === 'long') j += 2;
    if (this.lw(j) === 'or' && this.lw(j + 1) === 'so') j += 2;
    const value = durationValue(n, unit.code);
    const mod = c.approx ? 'APPROX' : undefined;
    const after = this.lw(j);
    if (!hyphen) {
      if (after === 'ago' || (after === 'from' && this.lw(j + 1) === 'now') || ANCHOR_AFTER.has(after) || ANCHOR_BEFORE.has(after)) {
        // "after"/"before" followed by a noun phrase is a preposition: "two years after the war" is a duration.
        const prep = (after === 'after' || after === 'before' || after === 'prior') && /^[a-z0-9]/.test(this.lw(j + 1));
        // TimeBank tags "three days later" as the duration "three days"; "a year earlier" (the earnings-report
        // comparison) and "two years ago" as dates.
        const datePoint = after === 'ago' || after === 'from' || (n === 1 && unit.code === 'Y' && !Number.isNaN(n));
        if (!prep && datePoint) return { ...this.anchoredDuration(startTok, j, n, unit, after, mod), derived: true };
      }
    }
    // "the first two quarters of 1990": the year belongs to the expression.
    if (this.lw(j) === 'of' && this.yearValue(j + 1) !== null && (ORDINALS.has(this.lw(startTok + 1)) || ORDINALS.has(this.lw(startTok)))) j += 2;
    return { e: j, type: 'DURATION', value, anchor: 'none', resolved: true, mod };
  }

  private anchoredDuration(i: number, j: number, n: number, unit: Unit, word: string, mod?: string): Match {
    const e = word === 'from' ? j + 2 : j + 1;
    const back = word === 'ago' || ANCHOR_BEFORE.has(word);
    if (Number.isNaN(n)) return this.fixed(e, 'DATE', back ? 'PAST_REF' : 'FUTURE_REF', mod);
    const g = UNIT_GRAIN[unit.code];
    const sign = back ? -1 : 1;
    // "A year ago/earlier" in a passage about a quarter means that quarter a year back (earnings reports).
    const r = this.periodRef;
    if (back && g === 'Y' && n === 1 && r && this.sentenceOf(i) - this.periodSentence <= PERIOD_REACH) {
      return { ...this.match(e, 'DATE', shift(r, -1, 'Y'), 'narrative'), mod };
    }
    // "For the nine months, net rose from $5 a year earlier": the same months of the previous year, read as a year.
    if (back && g === 'Y' && n === 1 && this.spanSentence >= 0 && this.sentenceOf(i) - this.spanSentence <= 1 && this.dct) {
      return { ...this.match(e, 'DATE', shift(this.dctPoint('Y')!, -1, 'Y'), 'dct'), mod };
    }
    if (word === 'ago' || word === 'from') {
      // Deictic: counted from the DCT. "A decade ago" is a year (2014 from 2024), not the decade 201X.
      const p = this.dctPoint(g === 'E' || g === 'C' ? 'Y' : g);
      if (!p) return { ...this.match(e, 'DATE', point(g, NaN), 'none'), mod };
      return { ...this.match(e, 'DATE', shift(p, sign * n, g), 'dct'), mod };
    }
    const nar = this.narrative();
    if (!nar) return { ...this.match(e, 'DATE', point(g, NaN), 'none'), mod };
    const base = GRAIN_RANK[nar.p.g] >= GRAIN_RANK[g] ? nar.p : reGrain(nar.p, GRAIN_RANK[nar.p.g] < GRAIN_RANK.M ? nar.p.g : g);
    return { ...this.match(e, 'DATE', shift(base, sign * n, g), nar.anchor), mod };
  }

  /** Bare plural units after a preposition: "for years", "in months" = PXY, PXM. */
  private barePlural(i: number): Match | null {
    const prev = this.lw(i - 1);
    if (!(prev === 'for' || prev === 'in' || prev === 'over' || prev === 'within' || prev === 'took' || prev === 'after' || prev === 'lasted')) return null;
    const nx = this.lw(i + 1);
    if (nx === 'of' || nx === 'old' || nx === 'ago') return nx === 'ago' ? this.fixed(i + 2, 'DATE', 'PAST_REF') : null;
    const u = UNITS.get(this.tok.lower[i]!)!;
    return this.fixed(i + 1, 'DURATION', durationValue(NaN, u.code));
  }

  private prevIsThe(i: number): boolean {
    return this.lw(i - 1) === 'the';
  }

  /**
   * "current" before a noun ("the current weakness", "current market conditions", "his current position"):
   * the present, PRESENT_REF, as TimeML's "currently". Not the noun ("the current is strong") nor set phrases in
   * which it does not mean "now" ("current account", "current affairs").
   */
  private currentAdj(i: number): Match | null {
    const nx = this.lw(i + 1);
    if (this.tok.kind[i + 1] !== WORD || !/^[a-z]/.test(nx) || CURRENT_NOT_BEFORE.has(nx)) return null;
    if (this.lw(i - 1) === 'electric' || this.lw(i - 1) === 'ocean' || this.lw(i - 1) === 'then') return null;
    return this.fixed(i + 1, 'DATE', 'PRESENT_REF');
  }

  /** "recent years" (PAST_REF), "recent weeks" (PXW), "coming months", "future quarters" (FUTURE_REF), "past years" (PAST_REF). */
  private vaguePlural(i: number): Match | null {
    const w = this.tok.lower[i]!;
    const u = UNITS.get(this.lw(i + 1));
    if (!u || !u.plural) return null;
    if (w === 'coming' || w === 'future') return this.fixed(i + 2, 'DATE', 'FUTURE_REF');
    // "in past years", "sell programs in past years": an unbounded stretch of the past, like "recent years".
    if (w === 'past') return this.prevIsThe(i) ? null : this.fixed(i + 2, 'DATE', 'PAST_REF');
    if (u.code === 'Y' || u.code === 'D' || u.code === 'E') return this.fixed(i + 2, 'DATE', 'PAST_REF');
    return this.fixed(i + 2, 'DURATION', durationValue(NaN, u.code));
  }

  // Dates ------------------------------------------------------------------------------------------------

  /** The value of a 4-digit year token in a believable range (1000-2199), else null. */
  private yearValue(i: number): number | null {
    const w = this.lw(i);
    if (w.length !== 4 || !this.isNum(i) || !RE_INT.test(w)) return null;
    const y = +w;
    return y >= 1000 && y <= 2199 ? y : null;
  }

  private year(i: number): Match | null {
    const y = this.yearValue(i);
    const prev = this.lw(i - 1), next = this.lw(i + 1);
    if (y === null) {
      // "until 2999": reads as a year but is none we can believe; say so rather than tag it.
      const w = this.lw(i);
      if (w.length === 4 && RE_INT.test(w) && +w > 2199 && (prev === 'in' || prev === 'until' || prev === 'since' || prev === 'by')) {
        this.warn(i, i + 1, 'implausible year');
      }
      return null;
    }
    if (prev === '$' || prev === '#' || prev === 'no' || prev === '.' && this.lw(i - 2) === 'no') return null;
    if (next === '%' || next === 'percent' || next === 'per' || (next === '.' && this.isNum(i + 2))) return null;
    if (y < 1800 && !YEAR_CONTEXT.has(prev)) return null;
    // "2000 people": a count followed by a plural noun, unless the context says year.
    if (!YEAR_CONTEXT.has(prev) && /^[a-z]+s$/.test(next) && this.tok.kind[i + 1] !== NUMBER && !UNITS.has(next) && !NOT_RATE.has(next)) {
      if (!YEAR_NOUNS.has(next)) return null;
    }
    if (next === ',' && this.isNum(i + 2) && this.lw(i + 2).length === 3) return null; // "1,000" split oddly
    if (this.dct && y > this.dct.y + 100) this.warn(i, i + 1, 'implausible year');
    if (this.lw(i + 1) === "'s" && this.lw(i + 2) !== 's') {
      // "1988's third quarter"
      const q = this.quarterAt(i + 2, y);
      if (q) return q;
    }
    const q = this.quarterAt(i + 1, y);
    if (q) return q;
    return this.match(i + 1, 'DATE', point('Y', y), 'none');
  }

  private fiscal(i: number): Match | null {
    let j = i + 1;
    if (this.lw(j) === 'year' || this.lw(j) === 'years') j++;
    const y = this.yearValue(j);
    if (y !== null) {
      const q = this.quarterAt(j + 1, y);
      return q ?? this.match(j + 1, 'DATE', point('Y', y), 'none');
    }
    // "fiscal first quarter", "fiscal '90"
    if (ORDINALS.has(this.lw(i + 1))) return this.quarterAt(i + 1);
    if (this.lw(i + 1) === "'" && this.isNum(i + 2) && this.lw(i + 2).length === 2) {
      const yy = +this.lw(i + 2);
      return this.match(i + 3, 'DATE', point('Y', this.fullYear(yy)), 'none');
    }
    return null;
  }

  /** "the 20th century" = 19, "the eleventh century" = 10. */
  private century(i: number): Match | null {
    const w = this.lw(i);
    const om = RE_ORDINAL_NUM.exec(w);
    const n = om ? +om[1]! : ORDINALS.get(w) ?? 0;
    if (n < 1 || n > 30) return null;
    return this.match(i + 2, 'DATE', point('C', (n - 1) * 100), 'none');
  }

  /** Spelled-out years as read on air: "nineteen ninety-six", "nineteen oh five", "two thousand (and) three". */
  private spelledYear(i: number): { y: number; e: number } | null {
    const w = this.lw(i);
    if (w === 'nineteen' || w === 'eighteen') {
      const c = w === 'nineteen' ? 1900 : 1800;
      const nx = this.lw(i + 1);
      if (nx === 'oh' || nx === 'o') {
        const u = NUMBER_WORDS.get(this.lw(i + 2));
        return u && u >= 1 && u <= 9 ? { y: c + u, e: i + 3 } : null;
      }
      const tail = this.count(i + 1);
      if (!tail || Number.isNaN(tail.n) || tail.n < 10 || tail.n > 99 || this.isNum(i + 1) || nx === 'a' || nx === 'an') return null;
      return { y: c + tail.n, e: tail.e };
    }
    if (w === 'two' && this.lw(i + 1) === 'thousand') {
      let e = i + 2;
      if (this.lw(e) === 'and') e++;
      const tail = this.count(e);
      if (tail && !Number.isNaN(tail.n) && tail.n >= 1 && tail.n < 100 && !this.isNum(e) && this.lw(e) !== 'a' && this.lw(e) !== 'an') return { y: 2000 + tail.n, e: tail.e };
      return { y: 2000, e: i + 2 };
    }
    return null;
  }

  /** Expands a two-digit year to the century closest to the DCT (or 19xx/20xx around 1950/2050 without one). */
  private fullYear(yy: number): number {
    const ref = this.dct ? this.dct.y : 2000;
    let best = 1900 + yy, bestD = Infinity;
    for (const c of [1800, 1900, 2000, 2100]) {
      const d = Math.abs(c + yy - ref) + (c + yy > ref + 10 ? 50 : 0);
      if (d < bestD) { bestD = d; best = c + yy; }
    }
    return best;
  }

  private decade(i: number): Match | null {
    let w = this.lw(i);
    let e = i + 1;
    let m = RE_DECADE.exec(w);
    if (!m && /^\d{3}0$/.test(w) && this.lw(i + 1) === "'s") { m = RE_DECADE.exec(`${w}s`); e = i + 2; }
    if (!m && w === "'" && /^\d0s$/.test(this.lw(i + 1))) { w = `'${this.lw(i + 1)}`; m = RE_DECADE.exec(w); e = i + 2; }
    if (!m) return null;
    const y = m[1] ? +m[1] * 10 : 1900 + +m[2]! * 10;
    return this.match(e, 'DATE', point('E', y), 'none');
  }

  /** Month-first dates: "June 3", "Sept. 30, 1989", "February 1947", "June last year", "May 26, 1980". */
  private monthDate(i: number, rel = 0): Match | null {
    const w = this.tok.lower[i]!;
    const m = MONTHS.get(w)!;
    let j = i + 1;
    const abbrev = w.length <= 4 && w !== 'june' && w !== 'july' && w !== 'may';
    if (abbrev && this.lw(j) === '.') j++;
    const nextNum = this.isNum(j) || RE_ORDINAL_NUM.test(this.lw(j));
    if (AMBIGUOUS_MONTHS.has(w)) {
      if (!this.isCap(i)) return null;
      const prev = this.lw(i - 1);
      if (!(nextNum || j > i + 1 || MONTH_CONTEXT.has(prev) || rel !== 0) && !(this.lw(j) === 'last' || this.lw(j) === 'this' || this.lw(j) === 'next')) return null;
      if (w === 'may' && !nextNum && !MONTH_CONTEXT.has(prev) && rel === 0) return null;
    }
    let day: number | null = null;
    const dw = this.lw(j);
    const om = RE_ORDINAL_NUM.exec(dw);
    if (this.isNum(j) && RE_INT.test(dw) && dw.length <= 2 && +dw >= 1) { day = +dw; j++; }
    else if (om) { day = +om[1]!; j++; }
    else if (ORDINALS.has(dw) && ORDINALS.get(dw)! > 0 && this.isCap(i)) { day = ORDINALS.get(dw)!; j++; }
    let year: number | null = null;
    let yearEnd = j;
    if (day !== null) {
      const k = this.lw(j) === ',' ? j + 1 : j;
      const y = this.yearValue(k);
      if (y !== null) { year = y; yearEnd = k + 1; }
      else if (this.isNum(k) && RE_INT.test(this.lw(k)) && this.lw(k).length >= 4) this.warn(i, k + 1, 'implausible year');
    } else {
      const k = this.lw(j) === ',' || this.lw(j) === 'of' ? j + 1 : j;
      const y = this.yearValue(k);
      if (y !== null) { year = y; yearEnd = k + 1; }
      else if (this.lw(j) === "'" && this.isNum(j + 1) && this.lw(j + 1).length === 2) { year = this.fullYear(+this.lw(j + 1)); yearEnd = j + 2; }
      else {
        const sy = this.spelledYear(j);
        if (sy) { year = sy.y; yearEnd = sy.e; }
      }
    }
    if (day !== null && day > 31) return null;
    // "June last year", "January this year"
    let relYear = 0, hasRelYear = false;
    if (year === null) {
      const a = this.lw(j), b = this.lw(j + 1);
      if ((a === 'last' || a === 'this' || a === 'next') && b === 'year') {
        relYear = a === 'last' ? -1 : a === 'next' ? 1 : 0; hasRelYear = true; yearEnd = j + 2;
      }
    }
    if (year === null && !hasRelYear) year = this.rangeYear(j);
    const e = yearEnd > j ? yearEnd : j;
    // Without a year, check against a leap year: "February 29" is possible, "February 30" never.
    if (day !== null && !isValidDate(year ?? 2000, m, day)) {
      this.warn(i, e, 'impossible date');
      const p = year !== null ? point('M', year, m) : this.pickYear(i, (y) => point('M', y, m)).p;
      return this.match(e, 'DATE', p, year !== null ? 'none' : 'dct');
    }
    const make = (y: number) => (day !== null ? point('D', y, m, day) : point('M', y, m));
    if (year !== null) return this.match(e, 'DATE', make(year), 'none');
    if (hasRelYear) {
      const b = this.dctPoint('Y');
      return this.match(e, 'DATE', make(b ? b.y + relYear : NaN), b ? 'dct' : 'none');
    }
    const r = this.pickYear(i, make, rel, day === null);
    return this.match(e, 'DATE', r.p, r.anchor);
  }

  /** "from March to May 2023", "March 3 - 5, 2023": the year of the range's far end, if it has one. */
  private rangeYear(j: number): number | null {
    const w = this.lw(j);
    if (!(w === '-' || w === 'to' || w === 'through' || w === 'and' || w === 'until' || w === 'till')) return null;
    let k = j + 1;
    if (MONTHS.has(this.lw(k))) {
      k++;
      if (this.lw(k) === '.') k++;
    }
    if (this.isNum(k) && this.lw(k).length <= 2) k++;
    if (this.lw(k) === ',') k++;
    return this.yearValue(k);
  }

  /** Day-first dates: "3 June 2024", "24th of February". Tried on numbers. */
  private dayFirstDate(i: number): Match | null {
    const dw = this.lw(i);
    const om = RE_ORDINAL_NUM.exec(dw);
    const day = om ? +om[1]! : RE_INT.test(dw) && dw.length <= 2 ? +dw : 0;
    if (day < 1 || day > 31) return null;
    let j = i + 1;
    if (this.lw(j) === 'of') j++;
    const mw = this.lw(j);
    if (!MONTHS.has(mw) || !this.isCap(j)) return null;
    const m = MONTHS.get(mw)!;
    j++;
    if (this.lw(j) === '.') j++;
    const y = this.yearValue(j);
    if (y === null && mw === 'may' && this.lw(i + 1) !== 'of') return null;
    const e = y !== null ? j + 1 : j;
    if (!isValidDate(y ?? 2000, m, day)) {
      this.warn(i, e, 'impossible date');
      return null;
    }
    if (y !== null) return this.match(e, 'DATE', point('D', y, m, day), 'none');
    const r = this.pickYear(i, (yy) => point('D', yy, m, day));
    return this.match(e, 'DATE', r.p, r.anchor);
  }

  /** Numeric dates: 11/02/89, 1998-05-01, 19980108, 08-15-90 1337EDT, 02/06/1998 22:19:00. */
  private numericDate(i: number): Match | null {
    const w = this.tok.lower[i]!;
    let y: number, m: number, d: number;
    let mm: RegExpExecArray | null;
    if ((mm = RE_SLASH_DATE.exec(w))) {
      m = +mm[1]!; d = +mm[2]!; y = mm[3]!.length === 2 ? this.fullYear(+mm[3]!) : +mm[3]!;
      if (m > 12 && d <= 12) [m, d] = [d, m];
    } else if ((mm = RE_DASH_DATE.exec(w))) {
      if (mm[1]!.length === 4) { y = +mm[1]!; m = +mm[2]!; d = +mm[3]!; }
      else if (mm[3]!.length === 4 || mm[3]!.length === 2) {
        m = +mm[1]!; d = +mm[2]!; y = mm[3]!.length === 2 ? this.fullYear(+mm[3]!) : +mm[3]!;
        if (m > 12 && d <= 12) [m, d] = [d, m];
      } else return null;
    } else if (w.length === 8 && RE_INT.test(w) && (w.startsWith('19') || w.startsWith('20'))) {
      y = +w.slice(0, 4); m = +w.slice(4, 6); d = +w.slice(6, 8);
      if (!isValidDate(y, m, d)) return null;
    } else if (w.length === 6 && RE_INT.test(w) && this.aloneOnLine(i)) {
      y = this.fullYear(+w.slice(0, 2)); m = +w.slice(2, 4); d = +w.slice(4, 6);
      if (!isValidDate(y, m, d)) return null;
    } else return null;
    if (!isValidDate(y, m, d)) {
      this.warn(i, i + 1, 'impossible date');
      return null;
    }
    const p = point('D', y, m, d);
    // A clock time right after: "02/06/1998 22:19:00", "08-15-90 1337EDT".
    const t = this.clockParts(i + 1);
    if (t) {
      return { e: t.e, type: 'TIME', value: `${formatPoint(p)}T${t.value}`, anchor: 'none', resolved: true, point: p };
    }
    return this.match(i + 1, 'DATE', p, 'none');
  }

  /** True when token i is the only thing on its line (a broadcast transcript's "980120" date line). */
  private aloneOnLine(i: number): boolean {
    const s = this.tok.start[i]!, e = this.tok.end[i]!;
    const nl = this.text.indexOf('\n', e);
    return RE_BLANK.test(this.text.slice(this.text.lastIndexOf('\n', s - 1) + 1, s))
      && RE_BLANK.test(this.text.slice(e, nl < 0 ? this.text.length : nl));
  }

  // Clock times --------------------------------------------------------------------------------------------

  /** "5 p.m.", "5:30 pm", "14:30", "1337EDT", "noon", "midnight" (+ zone); value without the date part. */
  private clockParts(i: number): { e: number; value: string } | null {
    const w = this.lw(i);
    let h: number, min = 0, sec: number | null = null, e = i + 1, explicit = false;
    if (w === 'noon') { h = 12; explicit = true; }
    else if (w === 'midnight') return { e: this.zone(e), value: '24' };
    else {
      const c = RE_CLOCK.exec(w);
      if (c) {
        h = +c[1]!; min = +c[2]!; sec = c[3] ? +c[3] : null; explicit = true;
        if (h > 24 || min > 59 || (sec !== null && sec > 59)) return null;
      } else if (RE_INT.test(w) && w.length <= 2) {
        h = +w;
        if (h < 1 || h > 12) return null;
      } else if (RE_INT.test(w) && w.length === 4 && TIME_ZONES.has(this.lw(i + 1)) && (this.touches(i) || this.isCap(i + 1))) {
        h = +w.slice(0, 2); min = +w.slice(2);
        if (h > 24 || min > 59) return null;
        return { e: i + 2, value: `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}` };
      } else return null;
    }
    const ap = this.lw(e);
    if (ap === 'a.m.' || ap === 'p.m.' || ap === 'am' || ap === 'pm') {
      if (h! > 12) return null;
      if (ap[0] === 'p' && h! < 12) h! += 12;
      if (ap[0] === 'a' && h! === 12) h = 0;
      e++;
      explicit = true;
    } else if (this.lw(e) === "o'clock" || (this.lw(e) === 'o' && this.lw(e + 1) === "'" && this.lw(e + 2) === 'clock')) {
      e += this.lw(e) === 'o' ? 3 : 1; explicit = true;
    }
    if (!explicit) return null;
    if (w === 'noon') return { e: this.zone(e), value: '12:00' };
    const hh = String(h!).padStart(2, '0'), mi = String(min).padStart(2, '0');
    const value = sec !== null ? `${hh}:${mi}:${String(sec).padStart(2, '0')}` : `${hh}:${mi}`;
    return { e: this.zone(e), value };
  }

  private zone(e: number): number {
    if (TIME_ZONES.has(this.lw(e)) && this.isCap(e)) return e + 1;
    return e;
  }

  private clock(i: number): Match | null {
    const t = this.clockParts(i);
    if (!t) return null;
    let e = t.e;
    // A day after the time: "5 p.m. EST, Nov. 6", "10 p.m. Wednesday", "noon Saturday", "8 a.m. today".
    const k = this.lw(e) === ',' || this.lw(e) === 'on' ? e + 1 : e;
    let dayMatch: Match | null = null;
    const kw = this.lw(k);
    if (WEEKDAYS.has(kw)) dayMatch = this.weekdayAt(k);
    else if (MONTHS.has(kw)) dayMatch = this.monthDate(k);
    else if (kw === 'today' || kw === 'yesterday' || kw === 'tomorrow') dayMatch = this.deictic(k);
    if (dayMatch && dayMatch.point && dayMatch.point.g === 'D' && dayMatch.type === 'DATE') {
      e = dayMatch.e;
      return { e, type: 'TIME', value: `${dayMatch.value}T${t.value}`, anchor: dayMatch.anchor, resolved: dayMatch.resolved, point: dayMatch.point };
    }
    const b = this.ref && this.ref.g === 'D' && this.refSentence === this.sentenceOf(i)
      ? { p: this.ref, anchor: 'narrative' as const } : this.dct ? { p: dayPoint(this.dct), anchor: 'dct' as const } : null;
    if (!b) return { e, type: 'TIME', value: `XXXX-XX-XXT${t.value}`, anchor: 'none', resolved: false };
    return { e, type: 'TIME', value: `${formatPoint(b.p)}T${t.value}`, anchor: b.anchor, resolved: true, point: b.p };
  }

  // Weekdays ---------------------------------------------------------------------------------------------

  private weekdayAt(i: number, rel = 0): Match | null {
    const w = this.tok.lower[i]!;
    const wd = WEEKDAYS.get(w)!;
    if (w.endsWith('s')) return this.fixed(i + 1, 'SET', `XXXX-WXX-${wd}`); // "on Mondays"

    if (!this.isCap(i)) return null;
    // "Monday and Tuesday nights": the plural on the last day makes both a recurring set.
    const conj = this.lw(i + 1);
    if ((conj === 'and' || conj === 'or') && WEEKDAYS.has(this.lw(i + 2)) && this.lw(i + 3) === 'nights') {
      return this.fixed(i + 1, 'SET', `XXXX-WXX-${wd}TNI`);
    }
    let j = i + 1;
    if (this.lw(j) === ',') j++;
    if (MONTHS.has(this.lw(j))) {
      const md = this.monthDate(j);
      if (md && md.point?.g === 'D') {
        // "Saturday, April 25" without a year: the nearby year in which April 25 is a Saturday.
        if (md.anchor !== 'none' && weekday(md.point) !== wd) {
          for (const dy of [1, -1]) {
            const alt = shift(md.point, dy, 'Y');
            if (weekday(alt) === wd) return this.match(md.e, 'DATE', alt, md.anchor);
          }
        }
        return md;
      }
    }
    const pw = this.lw(i + 1);
    const part = PARTS_OF_DAY.get(pw);
    if (part && pw.endsWith('s')) return this.fixed(i + 2, 'SET', `XXXX-WXX-${wd}T${part}`);
    if (part) {
      const r = this.pickWeekday(i, wd, rel);
      return { ...this.match(i + 2, 'TIME', r.p, r.anchor), value: `${formatPoint(r.p)}T${part}` };
    }
    const r = this.pickWeekday(i, wd, rel);
    if (Number.isNaN(r.p.y)) return { ...this.match(i + 1, 'DATE', r.p, 'none'), value: `XXXX-WXX-${wd}` };
    return this.match(i + 1, 'DATE', r.p, r.anchor);
  }

  // Relative and anaphoric expressions -------------------------------------------------------------------

  /** "last year", "next Monday", "this morning", "the following week", "the past two years", "that day". */
  private relative(i: number, start: number, withThe: boolean): Match | null {
    const w = this.tok.lower[i]!;
    let j = i + 1;
    const nx = this.lw(j);
    // "the past two years", "last three months" -> durations
    if (w === 'past' || w === 'last' || w === 'next' || w === 'coming' || w === 'previous' || w === 'following' || w === 'latest' || w === 'first' || w === 'final') {
      const d = this.duration(j, start);
      if (d && d.type === 'DURATION' && (this.lw(j) !== 'a' && this.lw(j) !== 'an')) return d;
    }
    if (nx === 'fiscal') j++;
    if (w === 'latest' && nx === 'period') return this.currentPeriod(j + 1, this.periodRef?.g === 'H' ? 'H' : 'Q', false);
    const unitW = this.lw(j);
    const unit = UNITS.get(unitW);
    if (unit && !unit.plural) {
      // "ABC's This Week": a capitalised unit word is a title (all-caps headlines excepted).
      if (this.isTitleCase(j)) return null;
      const g = UNIT_GRAIN[unit.code];
      if (unit.code === 'S' || unit.code === 'MIN' || unit.code === 'H') return null;
      if (unit.code === 'D' && (w === 'this' || w === 'current')) return null;
      const e = j + 1;
      // TimeBank reads "the past year", "the last decade" as the period just gone (a date), "past week" as a length.
      if ((w === 'past' || w === 'last') && withThe && unit.code !== 'WE') {
        const p = this.dctPoint(g);
        return p ? this.match(e, 'DATE', shift(p, -1, g), 'dct') : this.match(e, 'DATE', point(g, NaN), 'none');
      }
      if (w === 'past') return this.fixed(e, 'DURATION', durationValue(1, unit.code));
      if (w === 'first' || w === 'final') return null;
      if (unit.code === 'WE') return this.weekend(e, w === 'last' ? -1 : w === 'next' || w === 'coming' ? 1 : w === 'this' ? 2 : 0, i);
      let anchor: 'dct' | 'narrative';
      let base: Point | null;
      let off: number;
      if (w === 'following' || w === 'previous' || w === 'preceding' || w === 'same' || w === 'that' || (withThe && w === 'next')) {
        const nar = (g === 'Q' || g === 'H') && this.periodRef?.g === g ? { p: this.periodRef, anchor: 'narrative' as const } : this.narrative();
        base = nar ? (GRAIN_RANK[nar.p.g] >= GRAIN_RANK[g] ? reGrain(nar.p, g) : null) : null;
        anchor = nar?.anchor ?? 'dct';
        off = w === 'following' || w === 'next' ? 1 : w === 'previous' || w === 'preceding' ? -1 : 0;
        if (!base) return this.match(e, 'DATE', point(g, NaN), 'none');
      } else {
        base = this.dctPoint(g);
        anchor = 'dct';
        off = w === 'last' ? -1 : w === 'next' || w === 'coming' || w === 'upcoming' ? 1 : 0;
        if (w === 'latest' && (g === 'Q' || g === 'H' || g === 'Y')) return this.currentPeriod(e, g, false);
        if (!base) return this.match(e, 'DATE', point(g, NaN), 'none');
      }
      const p = shift(base, off, g === 'W' ? 'W' : g);
      // "a loss of $3 million last year" in a passage about a quarter: that quarter a year back, as "a year ago".
      if (w === 'last' && g === 'Y' && !withThe && this.lw(e) !== "'s" && this.periodRef && this.sentenceOf(i) - this.periodSentence <= PERIOD_REACH
        && (this.isNum(i - 1) || this.lw(i - 1) === 'million' || this.lw(i - 1) === 'billion' || this.lw(i - 1) === 'share')) {
        return { ...this.match(e, 'DATE', shift(this.periodRef, -1, 'Y'), 'narrative'), derived: true };
      }
      if (g === 'Y' && this.lw(e) === "'s" && !Number.isNaN(p.y)) {
        // "this year's third quarter", "last year's quarter"
        const q = this.quarterAt(e + 1, p.y);
        if (q) return q;
        const nw = this.lw(e + 1);
        if (nw === 'quarter' || nw === 'period') {
          const cp = this.currentPeriod(e + 2, this.periodRef?.g === 'H' ? 'H' : 'Q');
          return cp.point ? this.match(e + 2, 'DATE', { ...cp.point, y: p.y }, cp.anchor) : cp;
        }
      }
      return this.match(e, 'DATE', p, anchor);
    }
    const wd = WEEKDAYS.get(unitW);
    if (wd && !unitW.endsWith('s') && this.isCap(j)) {
      const rel = w === 'last' || w === 'previous' ? -1 : w === 'next' || w === 'coming' || w === 'following' ? 1 : w === 'this' ? 2 : 0;
      if ((w === 'previous' || w === 'following' || w === 'preceding') && this.ref && this.ref.g === 'D') {
        const r = this.pickWeekdayFrom(this.ref, 'narrative', wd, rel, j);
        return this.match(j + 1, 'DATE', r.p, r.anchor);
      }
      return this.weekdayAt(j, rel);
    }
    if (MONTHS.has(unitW) && this.isCap(j)) {
      const rel = w === 'last' || w === 'previous' ? -1 : w === 'next' || w === 'coming' || w === 'following' ? 1 : 0;
      if (w === 'this') {
        const m = MONTHS.get(unitW)!;
        const b = this.dctPoint('M');
        return this.match(j + 1 + (this.lw(j + 1) === '.' && unitW.length <= 4 ? 1 : 0), 'DATE', point('M', b ? b.y : NaN, m), b ? 'dct' : 'none');
      }
      return this.monthDate(j, rel);
    }
    if (SEASONS.has(unitW)) {
      const rel = w === 'last' || w === 'previous' ? -1 : w === 'next' || w === 'coming' ? 1 : w === 'this' ? 2 : 0;
      return this.season(j, start, rel);
    }
    // "at this moment", "this crucial moment": the present.
    if (w === 'this' && (unitW === 'moment' || (this.lw(j + 1) === 'moment' && this.tok.kind[j] === WORD && /^[a-z]+$/.test(unitW)))) {
      return this.fixed(unitW === 'moment' ? j + 1 : j + 2, 'DATE', 'PRESENT_REF');
    }
    const part = PARTS_OF_DAY.get(unitW);
    if (part && (w === 'this' || w === 'last')) {
      const p = this.dct ? shift(dayPoint(this.dct), w === 'last' ? -1 : 0, 'D') : point('D', NaN, NaN, NaN);
      if (w === 'last' && part !== 'NI') return null;
      return { ...this.match(j + 1, 'TIME', p, 'dct'), value: `${formatPoint(p)}T${part}` };
    }
    return null;
  }

  /** A weekend: `rel` -1 last, 1 next, 2 this; 0 by tense (past: the one just gone, else the coming one). */
  private weekend(e: number, rel: number, i: number): Match {
    if (!this.dct) return this.fixed(e, 'DATE', 'XXXX-WXX-WE');
    const base = dayPoint(this.dct);
    const wd = weekday(base);
    const tense = rel === 2 ? 0 : rel || this.tense(i);
    let sat: Point;
    if (rel === 2 || wd >= 6) sat = shift(base, 6 - wd, 'D');
    else if (tense === PAST) sat = shift(base, -(wd + 1), 'D');
    else sat = shift(base, 6 - wd, 'D');
    if (rel === -1 && wd >= 6) sat = shift(sat, -7, 'D');
    if (rel === 1 && wd >= 6) sat = shift(sat, 7, 'D');
    const p = reGrain(sat, 'W');
    return { ...this.match(e, 'DATE', p, 'dct'), value: `${formatPoint(p)}-WE` };
  }

  /** "the ..." — durations, quarters, decades, centuries, anaphoric periods, "the past", "the future". */
  private theAt(i: number): Match | null {
    const j = i + 1;
    const w = this.lw(j);
    if (RELATIVE_WORDS.has(w) || w === 'first' || w === 'final') {
      if (w === 'past' && !this.startsTimeNoun(j + 1)) return this.fixed(j + 1, 'DATE', 'PAST_REF');
      const r = this.relative(j, i, true);
      if (r) return r;
      if (w === 'first' || w === 'last' || w === 'final') {
        const q = this.quarterAt(j);
        if (q) return q;
      }
      return null;
    }
    if (w === 'future') return this.fixed(j + 1, 'DATE', 'FUTURE_REF');
    if ((w === 'near' || w === 'foreseeable' || w === 'distant') && this.lw(j + 1) === 'future') return this.fixed(j + 2, 'DATE', 'FUTURE_REF');
    if ((w === 'near' || w === 'short') && this.lw(j + 1) === 'term') return this.fixed(j + 2, 'DATE', 'FUTURE_REF');
    if (w === 'coming' || w === 'recent') return this.vaguePlural(j);
    // "the third-quarter loss", "the 23-year rule": an adjective; "the" belongs to the noun phrase.
    if (this.lw(j + 1) === '-' && this.lw(j + 2) !== 'earlier' && this.lw(j + 2) !== 'ago' && !POSITION_MODS.has(w)) return null;
    if (this.isNum(j)) {
      const dec = this.decade(j);
      if (dec) return dec;
      if (this.lw(j + 1) === 'century') return this.century(j);
      const y = this.yearValue(j);
      if (y !== null) {
        const q = this.quarterAt(j + 1, y);
        if (q) return q;
        const nw = this.lw(j + 1);
        if (nw === 'period' || nw === 'quarter') {
          // "the 1988 period": the period under discussion (a quarter in earnings reports), in 1988.
          const pr = this.periodRef;
          const g: Grain = nw === 'quarter' || !pr ? 'Q' : pr.g;
          const src = pr && pr.g === g ? pr : this.dct ? shift(this.dctPoint(g)!, -1, g) : null;
          if (src) return { ...this.match(j + 2, 'DATE', { ...src, y }, 'narrative'), derived: true };
        }
        return null;
      }
      const d = this.duration(j, i);
      return d && d.type === 'DURATION' ? d : null;
    }
    if (w === "'" || w.startsWith("'")) return this.decade(j);
    const dw = DECADE_WORDS.get(w);
    if (dw !== undefined) return this.match(j + 1, 'DATE', point('E', dw), 'none');
    const ord = ORDINALS.get(w);
    if (ord && ord > 0 && this.lw(j + 1) === 'century') return this.century(j);
    if (ord && ord > 0 && this.lw(j + 1) === 'day' && this.lw(j + 2) === 'of') {
      // "today is the eighth day of the strike", "it's the second day of an offensive": the day spoken from.
      const verb = this.lw(i - 1), subj = this.lw(i - 2);
      if ((verb === 'is' || verb === "'s") && (subj === 'today' || subj === 'it' || subj === 'this')) {
        const p = this.dctPoint('D');
        return p ? this.match(j + 2, 'DATE', p, 'dct') : null;
      }
    }
    if (ord && ord > 0) return this.quarterAt(j);
    if (POSITION_MODS.has(w)) {
      const p = this.positioned(j);
      if (p) return p;
    }
    const pos = POSITION_NOUNS.get(w);
    if (pos && this.lw(j + 1) === 'of') return this.positionOf(j + 2, pos);
    if (w === 'year' && (this.lw(j + 1) === '-' && (this.lw(j + 2) === 'earlier' || this.lw(j + 2) === 'ago'))) return this.yearEarlier(j, i);
    if (w === 'comparable' || w === 'corresponding') {
      if (this.lw(j + 1) === 'year' && this.lw(j + 2) === '-') return this.yearEarlier(j + 1, i);
    }
    if (w === 'fiscal') {
      const f = this.fiscal(j);
      if (f) return f;
    }
    if (w === 'weekend') return this.weekend(j + 1, 0, i);
    const dayPart = PARTS_OF_DAY.get(w);
    if (dayPart && w !== 'night' && !w.endsWith('s') && (this.lw(i - 1) === 'in' || this.lw(i - 1) === 'during')
      && (this.tok.kind[j + 1] !== WORD || PART_FOLLOWERS.has(this.lw(j + 1)) || ADVERB_FOLLOWERS.has(this.lw(j + 1)))
      && this.lw(j + 1) !== 'of' && !CLOCK_WORDS.has(this.lw(i - 2)) && !this.isNum(i - 2)) {
      // "placed orders in the morning": that part of the day being told about (a day named in this sentence or
      // the one before), else of the DCT. Not "the morning meetings" (a noun modifier) nor "three o'clock in the
      // morning" (a clock time).
      const r = this.ref;
      const p = r && r.g === 'D' && !Number.isNaN(r.y) && this.sentenceOf(i) - this.refSentence <= 1 ? r : this.dctPoint('D');
      if (!p) return this.fixed(j + 1, 'TIME', `XXXX-XX-XXT${dayPart}`);
      return { ...this.match(j + 1, 'TIME', p, p === r ? 'narrative' : 'dct'), value: `${formatPoint(p)}T${dayPart}` };
    }
    if (SEASONS.has(w)) return this.season(j, i, 0);
    if (NUMBER_WORDS.has(w) && w !== 'a' && w !== 'an' || VAGUE_COUNTS.has(w)) {
      const d = this.duration(j, i);
      return d && d.type === 'DURATION' ? d : null;
    }
    if (w === 'quarter' || (w === 'period' && this.periodRef?.g === 'Q')) {
      const cp = this.currentPeriod(j + 1, 'Q');
      // "the quarter a year ago"
      if (cp.point && this.lw(j + 1) === 'a' && this.lw(j + 2) === 'year' && (this.lw(j + 3) === 'ago' || this.lw(j + 3) === 'earlier')) {
        return { ...this.match(j + 4, 'DATE', shift(cp.point, -1, 'Y'), cp.anchor), derived: true };
      }
      return cp;
    }
    if ((w === 'fiscal' || w === 'full') && this.lw(j + 1) === 'year') return this.theYear(j + 1, i);
    if (w === 'year' && this.lw(j + 1) === 'two' && this.lw(j + 2) === 'thousand') {
      const sy = this.spelledYear(j + 1);
      if (sy) return this.match(sy.e, 'DATE', point('Y', sy.y), 'none');
    }
    if (w === 'year') return this.theYear(j, i);
    if (w === 'week' && this.lw(j + 1) !== '-') {
      const b = this.narrative();
      return b ? this.match(j + 1, 'DATE', reGrain(b.p, 'W'), b.anchor) : this.fixed(j + 1, 'DATE', 'XXXX-WXX');
    }
    const pu = UNITS.get(w);
    if (pu && pu.plural && ['over', 'for', 'in', 'during', 'through', 'throughout'].includes(this.lw(i - 1)) && this.lw(j + 1) !== 'of') {
      // "over the years", "in the weeks ahead"
      return this.fixed(this.lw(j + 1) === 'ahead' ? j + 2 : j + 1, 'DURATION', durationValue(NaN, pu.code));
    }
    return null;
  }

  /** "the year", "the fiscal year": the year under discussion; "the year ended June 30" is a length of a year. */
  private theYear(j: number, i: number): Match | null {
    const nx = this.lw(j + 1);
    if (this.isNum(j + 1) || nx === "'s" || nx === 'before' || nx === 'after' || nx === '-') return null;
    if (nx === 'ended' || nx === 'ending' || nx === 'to') return this.fixed(j + 1, 'DURATION', 'P1Y');
    if (this.lw(i - 1) === 'throughout') return this.fixed(j + 1, 'DURATION', 'P1Y');
    const b = this.sentenceRefOrDct(j);
    return b ? this.match(j + 1, 'DATE', reGrain(b.p, 'Y'), b.anchor) : this.fixed(j + 1, 'DATE', 'XXXX');
  }

  /**
   * "the quarter", "the latest quarter": the quarter being talked about, else the one that last ended before the
   * DCT (the one earnings reports are about).
   */
  private currentPeriod(e: number, g: Grain, useRef = true): Match {
    if (useRef && this.periodRef && this.periodRef.g === g) return this.match(e, 'DATE', this.periodRef, 'narrative');
    const p = this.dctPoint(g);
    return p ? this.match(e, 'DATE', shift(p, -1, g), 'dct') : this.match(e, 'DATE', point(g, NaN, NaN), 'none');
  }

  /** True when token i starts a time noun phrase ("two years", "year", "decade"), so "the past" is a modifier. */
  private startsTimeNoun(i: number): boolean {
    const w = this.lw(i);
    if (UNITS.has(w) || NUMBER_WORDS.has(w) || VAGUE_COUNTS.has(w) || this.isNum(i) || w === 'fiscal') return true;
    return WEEKDAYS.has(w) || MONTHS.has(w) || SEASONS.has(w) || w === 'quarter';
  }

  /** "year-earlier", "year-ago" (+ "quarter", "period", "nine months"): the reference period a year back. */
  private yearEarlier(i: number, start: number): Match | null {
    if (this.lw(i) !== 'year' || this.lw(i + 1) !== '-' || !(this.lw(i + 2) === 'earlier' || this.lw(i + 2) === 'ago')) return null;
    let e = i + 3;
    let g: Grain | null = null;
    const nw = this.lw(e);
    if (nw === 'quarter' || nw === 'period') { g = nw === 'quarter' ? 'Q' : null; e++; }
    else if (ORDINALS.has(nw) && (this.lw(e + 1) === 'quarter' || this.lw(e + 1) === '-')) {
      const q = this.quarterAt(e);
      if (q && q.point) return { ...this.match(q.e, 'DATE', shift(q.point, -1, 'Y'), q.anchor), derived: true };
    } else if (start !== i) return null; // "the year-earlier" must name a period
    const nar = this.periodRef && (g === 'Q' || nw === 'period' || start === i) ? { p: this.periodRef, anchor: 'narrative' as const } : this.narrative();
    if (!nar) return this.fixed(e, 'DATE', 'XXXX');
    const p = g ? reGrain(nar.p, g) : nar.p;
    return { ...this.match(e, 'DATE', shift(p, -1, 'Y'), nar.anchor), derived: true };
  }

  private yearEnd(i: number, start: number): Match | null {
    // "year-end", "year end": the end of the current year.
    let e: number;
    if (this.lw(i + 1) === '-' && this.lw(i + 2) === 'end') e = i + 3;
    else if (this.lw(i + 1) === 'end') e = i + 2;
    else if (this.lw(i + 1) === "'s" && this.lw(i + 2) === 'end') e = i + 3;
    else if (this.lw(i + 1) === '-' && (this.lw(i + 2) === 'earlier' || this.lw(i + 2) === 'ago')) return this.yearEarlier(i, start);
    else return null;
    // The end of the DCT's year; "since year-end" looks back to the last one.
    const b = this.dctPoint('Y');
    if (!b) return this.fixed(e, 'DATE', 'XXXX', 'END');
    const prev = this.lw(i - 1);
    return this.match(e, 'DATE', prev === 'since' ? shift(b, -1, 'Y') : b, 'dct', 'END');
  }

  /** "early 2020", "mid-June", "late last year", "earlier this month", "late yesterday". */
  private positioned(i: number): Match | null {
    const w = this.tok.lower[i]!;
    const mod = POSITION_MODS.get(w)!;
    let j = i + 1;
    if (this.lw(j) === '-') j++;
    const nx = this.lw(j);
    let core: Match | null = null;
    if (w === 'earlier' || w === 'later') {
      if (nx === 'this' || nx === 'last' || nx === 'next' || nx === 'today' || nx === 'yesterday' || nx === 'tomorrow' || WEEKDAYS.has(nx)) core = this.core(j);
      else if (nx === 'in' && this.lw(j + 1) === 'the' && UNITS.has(this.lw(j + 2))) {
        const g = UNIT_GRAIN[UNITS.get(this.lw(j + 2))!.code];
        const b = this.sentenceRefOrDct(i);
        return b ? this.match(j + 3, 'DATE', reGrain(b.p, g), b.anchor, mod) : null;
      }
    } else if (this.isNum(j)) core = this.decade(j) ?? this.year(j);
    else if (nx === 'the' || nx === "'") core = nx === 'the' ? this.theAt(j) : this.decade(j);
    else if (MONTHS.has(nx) || WEEKDAYS.has(nx) || RELATIVE_WORDS.has(nx) || SEASONS.has(nx) || nx === 'today' || nx === 'yesterday' || nx === 'tomorrow') core = this.core(j);
    else if (PARTS_OF_DAY.has(nx) && w === 'mid') {
      const part = PARTS_OF_DAY.get(nx)!;
      const day = this.deictic(j + 1);
      const b = day?.point ?? this.dctPoint('D');
      const e = day && day.type === 'DATE' ? day.e : j + 1;
      return b ? { ...this.match(e, 'TIME', b, 'dct'), value: `${formatPoint(b)}T${part}`, mod } : null;
    }
    if (!core || core.type === 'DURATION' || core.type === 'SET') return null;
    if (core.value.endsWith('_REF')) return null;
    return { ...core, mod };
  }

  /** "the end of 1990", "the beginning of October", "the middle of the year". */
  private positionOf(j: number, mod: string): Match | null {
    let core: Match | null = null;
    const w = this.lw(j);
    if (w === 'the' && UNITS.has(this.lw(j + 1)) && !UNITS.get(this.lw(j + 1))!.plural) {
      const g = UNIT_GRAIN[UNITS.get(this.lw(j + 1))!.code];
      const b = this.narrative();
      core = b ? this.match(j + 2, 'DATE', reGrain(b.p, g), b.anchor) : this.fixed(j + 2, 'DATE', formatPoint(point(g, NaN)));
    } else core = this.core(j);
    if (!core || core.type === 'DURATION' || core.type === 'SET' || core.value.endsWith('_REF')) return null;
    return { ...core, mod };
  }

  // Quarters, halves, seasons, holidays -----------------------------------------------------------------

  /** "third quarter", "third-quarter", "Q3", "the first half of 2024", "fourth quarter of 1984". */
  private quarterAt(i: number, year: number | null = null): Match | null {
    let q: number, e: number;
    let g: Grain = 'Q';
    const w = this.lw(i);
    if (w === 'q' && this.isNum(i + 1) && this.touches(i) && /^[1-4]$/.test(this.lw(i + 1))) {
      q = +this.lw(i + 1); e = i + 2;
    } else if (w === 'h' && this.isNum(i + 1) && this.touches(i) && /^[12]$/.test(this.lw(i + 1)) && this.isCap(i)) {
      q = +this.lw(i + 1); e = i + 2; g = 'H';
    } else {
      let j = i;
      if (this.lw(j) === 'fiscal') j++;
      const ow = this.lw(j);
      const ord = ORDINALS.get(ow) ?? (RE_ORDINAL_NUM.test(ow) ? +RE_ORDINAL_NUM.exec(ow)![1]! : undefined);
      if (ord === undefined) return null;
      j++;
      if (this.lw(j) === '-') j++;
      if (this.lw(j) === 'fiscal') j++;
      const u = this.lw(j);
      if (u === 'quarter') { if (ord > 4 || ord === 0) return null; }
      else if (u === 'half') { if (ord > 2) return null; g = 'H'; }
      else return null;
      q = ord === -1 ? (g === 'Q' ? 4 : 2) : ord;
      e = j + 1;
    }
    if (year === null && g === 'H' && this.lw(e) === 'of') {
      // "the last half of the '80s": a part of a decade.
      const k = this.lw(e + 1) === 'the' ? e + 2 : e + 1;
      const dec = this.decade(k);
      if (dec) return { ...dec, mod: q === 1 ? 'START' : 'END' };
    }
    if (year === null) {
      const k = this.lw(e) === 'of' ? e + 1 : e;
      const y = this.yearValue(k);
      if (y !== null) { year = y; e = k + 1; }
      else if (this.lw(e) === 'of' && this.lw(e + 1) === 'the' && this.lw(e + 2) === 'year') e += 3;
    }
    if (year !== null) return this.match(e, 'DATE', point(g, year, q), 'none');
    if (!this.dct) return this.match(e, 'DATE', point(g, NaN, q), 'none');
    // The quarter that just ended is what financial news reports on, whatever the tense ("expects to report a
    // third-quarter loss" in October).
    const cur = this.dctPoint(g)!;
    const justEnded = shift(cur, -1, g);
    if (justEnded.m === q) return this.match(e, 'DATE', justEnded, 'dct');
    const r = this.pickYear(i, (y) => point(g, y, q));
    return this.match(e, 'DATE', r.p, r.anchor);
  }

  /** "spring 2022", "the spring of 2022", "last summer", "this fall", "winter". */
  private season(i: number, start: number, rel: number): Match | null {
    const w = this.lw(i);
    const s = SEASONS.get(w)!;
    let j = i + 1;
    if (this.lw(j) === 'of') j++;
    const y = this.yearValue(j);
    if (y !== null) return this.match(j + 1, 'DATE', point('S', y, 1, 1, s), 'none');
    const sy = j > i + 1 ? this.spelledYear(j) : null;
    if (sy) return this.match(sy.e, 'DATE', point('S', sy.y, 1, 1, s), 'none');
    // "fall" is mostly a verb or noun; only take it with a determiner or a year.
    if (w === 'fall' && rel === 0 && this.lw(start) !== 'the' && !['this', 'last', 'next', 'early', 'late', 'mid'].includes(this.lw(i - 1))) return null;
    if (this.lw(i + 1) === '-' || this.lw(i + 1) === 'time' || this.lw(i + 1) === 'season') return null;
    const b = this.base(i);
    if (!b) return this.match(i + 1, 'DATE', point('S', NaN, 1, 1, s), 'none');
    if (rel === 2) return this.match(i + 1, 'DATE', point('S', b.p.y, 1, 1, s), b.anchor);
    const r = this.pickYear(i, (yy) => point('S', yy, 1, 1, s), rel === 0 ? 0 : rel === -1 ? PAST : FUTURE, true);
    return this.match(i + 1, 'DATE', r.p, r.anchor);
  }

  private holiday(i: number): Match | null {
    let name = '';
    let best: { e: number; key: string } | null = null;
    for (let k = i; k < Math.min(i + 5, this.tok.length); k++) {
      const w = this.tok.lower[k]!;
      name = k === i ? w : w === "'s" || w === '.' ? name + w : `${name} ${w}`;
      if (FIXED_HOLIDAYS.has(name) || MOVABLE_HOLIDAYS.has(name)) best = { e: k + 1, key: name };
    }
    if (!best) return null;
    let e = best.e;
    const y = this.yearValue(e);
    const dateFor = (yy: number): Point => {
      const fixed = FIXED_HOLIDAYS.get(best!.key);
      if (fixed) return point('D', yy, fixed[0], fixed[1]);
      const mv = MOVABLE_HOLIDAYS.get(best!.key)!;
      if (mv[0] === 'easter') return shift(dayPoint(easter(yy)), mv[1], 'D');
      const [m, wd, n] = mv as [number, number, number];
      return dayPoint(nthWeekday(yy, m, wd, n));
    };
    if (y !== null) { e++; return this.match(e, 'DATE', dateFor(y), 'none'); }
    if (!this.base(i)) return this.fixed(e, 'DATE', formatPoint(point('D', NaN, NaN, NaN)));
    const r = this.pickYear(i, (yy) => (Number.isNaN(yy) ? point('D', NaN, NaN, NaN) : dateFor(yy)));
    return this.match(e, 'DATE', r.p, r.anchor);
  }

  // Sets ------------------------------------------------------------------------------------------------

  /** "every Monday", "each year", "every two weeks", "every other week", "each July". */
  private setAt(i: number): Match | null {
    let j = i + 1;
    if (this.lw(j) === 'other') j++;
    const c = this.count(j);
    let n = 1;
    if (c && !Number.isNaN(c.n) && this.lw(j) !== 'a' && this.lw(j) !== 'an') { n = c.n; j = c.e; }
    if (this.lw(j - 1) === 'other') n = 2;
    const w = this.lw(j);
    const u = UNITS.get(w);
    if (u && (!u.plural || n > 1)) {
      if (u.code === 'WE') return this.fixed(j + 1, 'SET', 'XXXX-WXX-WE');
      return this.fixed(j + 1, 'SET', durationValue(n, u.code));
    }
    const wd = WEEKDAYS.get(w);
    if (wd) {
      const part = PARTS_OF_DAY.get(this.lw(j + 1));
      return part ? this.fixed(j + 2, 'SET', `XXXX-WXX-${wd}T${part}`) : this.fixed(j + 1, 'SET', `XXXX-WXX-${wd}`);
    }
    const m = MONTHS.get(w);
    if (m && this.isCap(j)) return this.fixed(j + 1, 'SET', `XXXX-${String(m).padStart(2, '0')}`);
    const s = SEASONS.get(w);
    if (s) return this.fixed(j + 1, 'SET', `XXXX-${s}`);
    const part = PARTS_OF_DAY.get(w);
    if (part) return this.fixed(j + 1, 'SET', `XXXX-XX-XXT${part}`);
    return null;
  }
}
