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
import type { TimexType } from '../../model/format.js';
import { daysInMonth, easter, isValidDate, nthWeekday, parseYmd, weekday, type Ymd } from './calendar.js';
import {
  AMBIGUOUS_MONTHS, FIXED_HOLIDAYS, HOLIDAY_FIRST_WORDS, MONTHS, MOVABLE_HOLIDAYS, NUMBER_WORDS, ORDINALS,
  PARTS_OF_DAY, POSITION_MODS, POSITION_NOUNS, PRE_MODS, REF_WORDS, SEASONS, SEASON_START, SET_WORDS, TIME_ZONES,
  UNITS, VAGUE_COUNTS, WEEKDAYS, type Unit,
} from './lexicon.js';
import { dayPoint, formatPoint, ordinal, point, reGrain, shift, type Grain, type Point } from './point.js';
import { FUTURE, PAST, PRESENT } from './tense.js';
import { NUMBER, tokenizeForTime, type TimeTokens } from './tokenize.js';

export interface TagOptions {
  /** Document creation time, `YYYY-MM-DD...`; null leaves relative expressions unresolved. */
  dct: string | null;
  /** Tense of the clause around a character offset (PAST, PRESENT, FUTURE). Defaults to PRESENT. */
  tenseAt?: (offset: number) => number;
  /** Sentence index of a character offset; defaults to a punctuation-based split. */
  sentenceOf?: (offset: number) => number;
}

export interface TagResult {
  timexes: Timex[];
  warnings: string[];
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

const ANCHOR_AFTER = new Set(['later', 'after', 'hence']);
const ANCHOR_BEFORE = new Set(['earlier', 'before', 'previously', 'prior']);
const RELATIVE_WORDS = new Set(['this', 'last', 'next', 'past', 'coming', 'previous', 'following', 'that', 'current', 'same', 'latest', 'preceding', 'upcoming']);
const YEAR_CONTEXT = new Set(['in', 'since', 'of', 'by', 'until', 'till', 'from', 'to', 'through', 'during', 'before', 'after', 'and', 'between', 'fiscal', 'the', "'s", 'early', 'late', 'mid', '-', ',', 'year', 'around', 'circa', 'about', 'or', 'than']);
const MONTH_CONTEXT = new Set(['in', 'of', 'since', 'until', 'till', 'by', 'early', 'late', 'mid', 'last', 'next', 'this', '-', 'through', 'from', 'to', 'before', 'after', 'during', 'and', 'or', 'between', 'that', 'each', 'every', 'on']);

function durationValue(n: number, code: Unit['code']): string {
  const time = code === 'S' || code === 'MIN' || code === 'H';
  const letter = code === 'MIN' ? 'M' : code === 'WE' ? 'WE' : code;
  const pre = time ? 'PT' : 'P';
  if (Number.isNaN(n)) return `${pre}X${letter}`;
  if (code === 'E' && n !== 1 && Number.isInteger(n)) return `P${n * 10}Y`;
  if (!Number.isInteger(n)) {
    // Fractions go down one unit: 2 1/2 years = P2Y6M, 1.5 hours = PT1H30M.
    const lower: Partial<Record<Unit['code'], [number, string]>> = {
      Y: [12, 'M'], M: [30, 'D'], W: [7, 'D'], D: [24, 'H'], H: [60, 'M'], MIN: [60, 'S'],
    };
    const l = lower[code];
    const whole = Math.floor(n);
    if (l) {
      const rest = Math.round((n - whole) * l[0]);
      const restPre = code === 'D' && whole === 0 ? 'PT' : '';
      if (code === 'D') return whole ? `P${whole}DT${rest}H` : `PT${rest}H`;
      return `${pre}${restPre}${whole ? `${whole}${letter}` : ''}${rest}${l[1]}`;
    }
  }
  return `${pre}${n}${letter}`;
}

export function tagTimexes(text: string, opts: TagOptions): TagResult {
  return new Tagger(text, opts).run();
}

class Tagger {
  private readonly tok: TimeTokens;
  private readonly dct: Ymd | null;
  private readonly out: Timex[] = [];
  private readonly warnings: string[] = [];
  /** Narrative reference time: the last resolved date point, and the sentence it was in. */
  private ref: Point | null = null;
  private refSentence = -1;
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
      if (m.point && m.resolved && (m.type === 'DATE' || m.type === 'TIME')) {
        this.ref = m.point;
        this.refSentence = this.sentenceOf(i);
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

  private tense(i: number): number {
    return this.opts.tenseAt ? this.opts.tenseAt(this.tok.start[i]!) : PRESENT;
  }

  private warn(i: number, e: number, why: string): void {
    this.warnings.push(`time: ${why}: "${this.text.slice(this.tok.start[i]!, this.tok.end[e - 1]!)}" at ${this.tok.start[i]}`);
  }

  // ---- anchors ----------------------------------------------------------------------------------------------

  private dctPoint(g: Grain): Point | null {
    return this.dct ? reGrain(dayPoint(this.dct), g) : null;
  }

  /**
   * Base for underspecified dates ("August", "Friday"): a date mentioned earlier in the same sentence ("In October
   * last year ... since August"), else the DCT.
   */
  private base(i: number): { p: Point; anchor: 'dct' | 'narrative' } | null {
    if (this.ref && this.refSentence === this.sentenceOf(i) && GRAIN_RANK[this.ref.g] >= GRAIN_RANK.M
      && this.ref.g !== 'S' && !Number.isNaN(this.ref.y)) {
      return { p: this.ref, anchor: 'narrative' };
    }
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
  private pickYear(i: number, make: (y: number) => Point, strict = 0): { p: Point; anchor: Match['anchor'] } {
    const b = this.base(i);
    if (!b) return { p: make(NaN), anchor: 'none' };
    const baseG = make(b.p.y).g;
    const cur = ordinal(baseG === 'S' ? point('M', b.p.y, b.p.m) : reGrain(b.p, baseG));
    const cands = [make(b.p.y - 1), make(b.p.y), make(b.p.y + 1)];
    const ord = (p: Point) => (p.g === 'S' ? ordinal(point('M', p.y, SEASON_START[p.s]!)) : ordinal(p));
    const tense = strict || this.tense(i);
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
      else if (tense === PAST) off = -back;
      else if (tense === FUTURE) off = fwd;
      else off = back <= fwd ? -back : fwd;
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
      if (core && (core.type === 'DURATION' || (mod === 'APPROX' && core.type !== 'SET'))) {
        return { ...core, mod: core.mod ?? mod };
      }
    }
    return this.core(i);
  }

  private core(i: number): Match | null {
    const w = this.tok.lower[i]!;
    const kind = this.tok.kind[i]!;
    if (kind === NUMBER) {
      return this.numericDate(i) ?? this.clock(i) ?? this.monthFirstDayAfter(i) ?? this.duration(i)
        ?? this.decade(i, i) ?? this.year(i, i);
    }
    if (w === 'the') return this.theAt(i);
    if (MONTHS.has(w)) return this.monthDate(i);
    if (WEEKDAYS.has(w)) return this.weekdayAt(i);
    if (RELATIVE_WORDS.has(w)) return this.relative(i, i, false);
    if (POSITION_MODS.has(w)) return this.positioned(i);
    const deictic = this.deictic(i);
    if (deictic) return deictic;
    if (w === 'every' || w === 'each' || w === 'per') return this.setAt(i);
    const sw = SET_WORDS.get(w);
    if (sw) return this.fixed(i + 1, 'SET', sw);
    const ref = REF_WORDS.get(w);
    if (ref) return this.refWord(i, ref);
    if (w === 'right' || w === 'just') return this.lw(i + 1) === 'now' ? this.fixed(i + 2, 'DATE', 'PRESENT_REF') : null;
    if (w === 'these' && this.lw(i + 1) === 'days') return this.fixed(i + 2, 'DATE', 'PRESENT_REF');
    if (w === 'recent' || w === 'coming') return this.vaguePlural(i, i);
    if (w === 'noon' || w === 'midnight') return this.clock(i);
    if (w === 'fiscal' || w === 'fy') return this.fiscal(i);
    if (w === 'q' && this.touches(i)) return this.quarterAt(i, i);
    if (w === 'year' && (this.lw(i + 1) === '-' || this.lw(i + 1) === 'end') ) return this.yearEnd(i, i);
    if (w.startsWith("'") && RE_DECADE.test(w)) return this.decade(i, i);
    if (SEASONS.has(w)) return this.season(i, i, 0);
    if (ORDINALS.has(w)) return this.quarterAt(i, i);
    if (HOLIDAY_FIRST_WORDS.has(w) && this.isCap(i)) return this.holiday(i, i);
    if (UNITS.has(w) && UNITS.get(w)!.plural) return this.barePlural(i);
    if (NUMBER_WORDS.has(w) || VAGUE_COUNTS.has(w)) return this.duration(i);
    return null;
  }

  // Single words and fixed phrases --------------------------------------------------------------------------

  private refWord(i: number, value: string): Match | null {
    const w = this.tok.lower[i]!;
    // "now" as a discourse marker before a comma still counts in TimeBank; "soon after" stays.
    if (w === 'soon' && (this.lw(i - 1) === 'as' || this.lw(i + 1) === 'as')) return null;
    return this.fixed(i + 1, 'DATE', value);
  }

  private deictic(i: number): Match | null {
    const w = this.tok.lower[i]!;
    let off: number;
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
  private duration(i: number, startTok = i, detMod?: string): Match | null {
    const c = this.count(i);
    if (!c) return null;
    let j = c.e;
    const hyphen = this.lw(j) === '-';
    if (hyphen) j++;
    const unit = UNITS.get(this.lw(j));
    if (!unit) return null;
    const wNum = this.lw(i);
    if ((wNum === 'a' || wNum === 'an' || c.n === 1) && unit.plural) return null;
    if (c.n > 1 && !Number.isNaN(c.n) && !unit.plural && !hyphen && this.isNum(i) === false && wNum !== 'a') {
      // "two year" without a hyphen is still an adjectival duration ("a five year low"): accept.
    }
    let n = c.n;
    j++;
    if (this.lw(j) === 'and' && this.lw(j + 1) === 'a' && this.lw(j + 2) === 'half') { n += 0.5; j += 3; }
    if (hyphen && this.lw(j) === '-' && (this.lw(j + 1) === 'old' || this.lw(j + 1) === 'long')) j += 2;
    const value = durationValue(n, unit.code);
    const mod = c.approx ? 'APPROX' : detMod;
    const after = this.lw(j);
    if (!hyphen) {
      if (after === 'ago' || (after === 'from' && this.lw(j + 1) === 'now') || ANCHOR_AFTER.has(after) || ANCHOR_BEFORE.has(after)) {
        // "after"/"before" followed by a noun phrase is a preposition: "two years after the war" is a duration.
        const prep = (after === 'after' || after === 'before' || after === 'prior') && /^[a-z0-9]/.test(this.lw(j + 1));
        if (!prep) return this.anchoredDuration(startTok, j, n, unit, after, mod);
      }
      if (after === 'old') j++;
    }
    return { e: j, type: 'DURATION', value, anchor: 'none', resolved: true, mod };
  }

  private anchoredDuration(i: number, j: number, n: number, unit: Unit, word: string, mod?: string): Match {
    const e = word === 'from' ? j + 2 : j + 1;
    const back = word === 'ago' || ANCHOR_BEFORE.has(word);
    if (Number.isNaN(n)) return this.fixed(e, 'DATE', back ? 'PAST_REF' : 'FUTURE_REF', mod);
    const g = UNIT_GRAIN[unit.code];
    const sign = back ? -1 : 1;
    if (word === 'ago' || word === 'from') {
      // Deictic: counted from the DCT. "A year ago" in a passage about a quarter means that quarter a year back.
      const r = this.ref;
      if (g === 'Y' && n === 1 && r && (r.g === 'Q' || r.g === 'H') && this.sentenceOf(i) - this.refSentence <= 1) {
        return { ...this.match(e, 'DATE', shift(r, -1, 'Y'), 'narrative'), mod };
      }
      const p = this.dctPoint(g === 'E' || g === 'C' ? 'Y' : g);
      if (!p) return { ...this.match(e, 'DATE', point(g, NaN), 'none'), mod };
      const moved = shift(p, sign * n, g);
      return { ...this.match(e, 'DATE', g === 'E' || g === 'C' ? reGrain(moved, g) : moved, 'dct'), mod };
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

  /** "recent years" (PAST_REF), "recent weeks" (PXW), "coming months" (FUTURE_REF). */
  private vaguePlural(i: number, start: number): Match | null {
    const w = this.tok.lower[i]!;
    const u = UNITS.get(this.lw(i + 1));
    if (!u || !u.plural) return null;
    if (w === 'coming') return this.fixed(i + 2, 'DATE', 'FUTURE_REF');
    if (u.code === 'Y' || u.code === 'D' || u.code === 'E') return this.fixed(i + 2, 'DATE', 'PAST_REF');
    void start;
    return this.fixed(i + 2, 'DURATION', durationValue(NaN, u.code));
  }

  // Dates ------------------------------------------------------------------------------------------------

  /** A 4-digit year in a sensible range; `strictContext` demands a date-like neighbour for bare numbers. */
  private yearValue(i: number): number | null {
    const w = this.lw(i);
    if (w.length !== 4 || !this.isNum(i) || !RE_INT.test(w)) return null;
    const y = +w;
    return y >= 1000 && y <= 2199 ? y : null;
  }

  private year(i: number, start: number): Match | null {
    const y = this.yearValue(i);
    if (y === null) return null;
    const prev = this.lw(i - 1), next = this.lw(i + 1);
    if (prev === '$' || prev === '#' || prev === 'no' || prev === '.' && this.lw(i - 2) === 'no') return null;
    if (next === '%' || next === 'percent' || next === 'per' || (next === '.' && this.isNum(i + 2))) return null;
    if (y < 1800 && !YEAR_CONTEXT.has(prev)) return null;
    // "2000 people": a count followed by a plural noun, unless the context says year.
    if (!YEAR_CONTEXT.has(prev) && /^[a-z]+s$/.test(next) && this.tok.kind[i + 1] !== NUMBER && !UNITS.has(next)) {
      if (!['levels', 'figures', 'elections', 'results', 'prices', 'sales', 'earnings', 'models', 'games', 'olympics'].includes(next)) return null;
    }
    if (next === ',' && this.isNum(i + 2) && this.lw(i + 2).length === 3) return null; // "1,000" split oddly
    if (this.dct && y > this.dct.y + 100) this.warn(i, i + 1, 'implausible year');
    if (this.lw(i + 1) === "'s" && this.lw(i + 2) !== 's') {
      // "1988's third quarter"
      const q = this.quarterAt(i + 2, start, y);
      if (q) return q;
    }
    const q = this.quarterAt(i + 1, start, y);
    if (q) return q;
    return this.match(i + 1, 'DATE', point('Y', y), 'none');
  }

  private fiscal(i: number): Match | null {
    let j = i + 1;
    if (this.lw(j) === 'year' || this.lw(j) === 'years') j++;
    const y = this.yearValue(j);
    if (y !== null) {
      const q = this.quarterAt(j + 1, i, y);
      return q ?? this.match(j + 1, 'DATE', point('Y', y), 'none');
    }
    // "fiscal 1990s"? no; "fiscal first quarter"
    if (ORDINALS.has(this.lw(i + 1))) return this.quarterAt(i + 1, i);
    if (this.lw(i + 1) === "'" && this.isNum(i + 2) && this.lw(i + 2).length === 2) {
      const yy = +this.lw(i + 2);
      return this.match(i + 3, 'DATE', point('Y', this.century(yy)), 'none');
    }
    return null;
  }

  /** Expands a two-digit year to the century closest to the DCT (or 19xx/20xx around 1950/2050 without one). */
  private century(yy: number): number {
    const ref = this.dct ? this.dct.y : 2000;
    let best = 1900 + yy, bestD = Infinity;
    for (const c of [1800, 1900, 2000, 2100]) {
      const d = Math.abs(c + yy - ref) + (c + yy > ref + 10 ? 50 : 0);
      if (d < bestD) { bestD = d; best = c + yy; }
    }
    return best;
  }

  private decade(i: number, start: number, mod?: string): Match | null {
    let w = this.lw(i);
    let e = i + 1;
    let m = RE_DECADE.exec(w);
    if (!m && /^\d{3}0$/.test(w) && this.lw(i + 1) === "'s") { m = RE_DECADE.exec(`${w}s`); e = i + 2; }
    if (!m && w === "'" && /^\d0s$/.test(this.lw(i + 1))) { w = `'${this.lw(i + 1)}`; m = RE_DECADE.exec(w); e = i + 2; }
    if (!m) return null;
    const y = m[1] ? +m[1] * 10 : 1900 + +m[2]! * 10;
    void start;
    return this.match(e, 'DATE', point('E', y), 'none', mod);
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
      else if (this.isNum(k) && RE_INT.test(this.lw(k)) && this.lw(k).length >= 5) this.warn(i, k + 1, 'implausible year');
    } else {
      const k = this.lw(j) === ',' || this.lw(j) === 'of' ? j + 1 : j;
      const y = this.yearValue(k);
      if (y !== null) { year = y; yearEnd = k + 1; }
      else if (this.lw(j) === "'" && this.isNum(j + 1) && this.lw(j + 1).length === 2) { year = this.century(+this.lw(j + 1)); yearEnd = j + 2; }
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
    if (year === null && !hasRelYear) year = this.rangeYear(day === null ? j : j);
    const e = yearEnd > j ? yearEnd : j;
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
    const r = this.pickYear(i, make, rel);
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
  private monthFirstDayAfter(i: number): Match | null {
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
      m = +mm[1]!; d = +mm[2]!; y = mm[3]!.length === 2 ? this.century(+mm[3]!) : +mm[3]!;
      if (m > 12 && d <= 12) [m, d] = [d, m];
    } else if ((mm = RE_DASH_DATE.exec(w))) {
      if (mm[1]!.length === 4) { y = +mm[1]!; m = +mm[2]!; d = +mm[3]!; }
      else if (mm[3]!.length === 4 || mm[3]!.length === 2) {
        m = +mm[1]!; d = +mm[2]!; y = mm[3]!.length === 2 ? this.century(+mm[3]!) : +mm[3]!;
        if (m > 12 && d <= 12) [m, d] = [d, m];
      } else return null;
    } else if (w.length === 8 && RE_INT.test(w) && (w.startsWith('19') || w.startsWith('20'))) {
      y = +w.slice(0, 4); m = +w.slice(4, 6); d = +w.slice(6, 8);
      if (!isValidDate(y, m, d)) return null;
    } else if (w.length === 6 && RE_INT.test(w) && this.aloneOnLine(i)) {
      y = this.century(+w.slice(0, 2)); m = +w.slice(2, 4); d = +w.slice(4, 6);
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

  private aloneOnLine(i: number): boolean {
    const s = this.tok.start[i]!, e = this.tok.end[i]!;
    const before = s === 0 || this.text.charCodeAt(this.text.lastIndexOf('\n', s - 1) + 1) === this.text.charCodeAt(s)
      && /^\s*$/.test(this.text.slice(this.text.lastIndexOf('\n', s - 1) + 1, s));
    const nl = this.text.indexOf('\n', e);
    const after = /^\s*$/.test(this.text.slice(e, nl < 0 ? this.text.length : nl));
    return before && after;
  }

  // Clock times --------------------------------------------------------------------------------------------

  /** "5 p.m.", "5:30 pm", "14:30", "1337EDT", "noon", "midnight" (+ zone); value without the date part. */
  private clockParts(i: number): { e: number; value: string; hour: number } | null {
    const w = this.lw(i);
    let h: number, min = 0, sec: number | null = null, e = i + 1, explicit = false;
    if (w === 'noon') { h = 12; explicit = true; }
    else if (w === 'midnight') return { e: this.zone(e), value: '24', hour: 24 };
    else {
      const c = RE_CLOCK.exec(w);
      if (c) {
        h = +c[1]!; min = +c[2]!; sec = c[3] ? +c[3] : null; explicit = true;
        if (h > 24 || min > 59 || (sec !== null && sec > 59)) return null;
      } else if (RE_INT.test(w) && w.length <= 2) {
        h = +w;
        if (h < 1 || h > 12) return null;
      } else if (RE_INT.test(w) && w.length === 4 && TIME_ZONES.has(this.lw(i + 1)) && this.touches(i)) {
        h = +w.slice(0, 2); min = +w.slice(2);
        if (h > 24 || min > 59) return null;
        return { e: i + 2, value: `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`, hour: h };
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
    if (w === 'noon') return { e: this.zone(e), value: '12:00', hour: 12 };
    const hh = String(h!).padStart(2, '0'), mi = String(min).padStart(2, '0');
    const value = sec !== null ? `${hh}:${mi}:${String(sec).padStart(2, '0')}` : `${hh}:${mi}`;
    return { e: this.zone(e), value, hour: h! };
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
    let k = this.lw(e) === ',' || this.lw(e) === 'on' ? e + 1 : e;
    let dayMatch: Match | null = null;
    const kw = this.lw(k);
    if (WEEKDAYS.has(kw)) dayMatch = this.weekdayAt(k, true);
    else if (MONTHS.has(kw)) dayMatch = this.monthDate(k);
    else if (kw === 'today' || kw === 'yesterday' || kw === 'tomorrow') dayMatch = this.deictic(k);
    if (dayMatch && dayMatch.point && dayMatch.point.g === 'D' && dayMatch.type === 'DATE') {
      e = dayMatch.e;
      return { e, type: 'TIME', value: `${dayMatch.value}T${t.value}`, anchor: dayMatch.anchor, resolved: dayMatch.resolved, point: dayMatch.point };
    }
    k = e;
    const b = this.ref && this.ref.g === 'D' && this.refSentence === this.sentenceOf(i)
      ? { p: this.ref, anchor: 'narrative' as const } : this.dct ? { p: dayPoint(this.dct), anchor: 'dct' as const } : null;
    if (!b) return { e, type: 'TIME', value: `XXXX-XX-XXT${t.value}`, anchor: 'none', resolved: false };
    return { e, type: 'TIME', value: `${formatPoint(b.p)}T${t.value}`, anchor: b.anchor, resolved: true, point: b.p };
  }

  // Weekdays ---------------------------------------------------------------------------------------------

  private weekdayAt(i: number, noTime = false, rel = 0): Match | null {
    const w = this.tok.lower[i]!;
    const wd = WEEKDAYS.get(w)!;
    if (w.endsWith('s')) {
      // "Mondays", "Tuesday nights" read as sets.
      return this.fixed(i + 1, 'SET', `XXXX-WXX-${wd}`);
    }
    if (!this.isCap(i)) return null;
    let j = i + 1;
    if (this.lw(j) === ',') j++;
    if (MONTHS.has(this.lw(j))) {
      const md = this.monthDate(j);
      if (md && md.point?.g === 'D') return md;
    }
    const part = PARTS_OF_DAY.get(this.lw(i + 1));
    if (part && part !== 'NI' || this.lw(i + 1) === 'night') {
      const r = this.pickWeekday(i, wd, rel);
      if (this.lw(i + 1) === 'nights') return this.fixed(i + 2, 'SET', `XXXX-WXX-${wd}TNI`);
      return { ...this.match(i + 2, 'TIME', r.p, r.anchor), value: `${formatPoint(r.p)}T${PARTS_OF_DAY.get(this.lw(i + 1))}` };
    }
    if (!noTime && (this.lw(i + 1) === 'at' || this.lw(i + 1) === ',')) {
      // "Friday at 5 p.m." stays two timexes (TempEval tags them separately).
    }
    const r = this.pickWeekday(i, wd, rel);
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
      if (w === 'past' && nx === 'few' || nx === 'several' || nx === 'couple') {
        const d2 = this.duration(j, start);
        if (d2) return d2;
      }
    }
    if (nx === 'fiscal') j++;
    const unitW = this.lw(j);
    const unit = UNITS.get(unitW);
    if (unit && !unit.plural) {
      const g = UNIT_GRAIN[unit.code];
      if (unit.code === 'S' || unit.code === 'MIN' || unit.code === 'H') return null;
      const e = j + 1;
      if (w === 'past' || (withThe && w === 'last')) return this.fixed(e, 'DURATION', durationValue(1, unit.code));
      if (w === 'first' || w === 'final') return null;
      let anchor: 'dct' | 'narrative';
      let base: Point | null;
      let off: number;
      if (w === 'following' || w === 'previous' || w === 'preceding' || w === 'same' || w === 'that' || (withThe && w === 'next')) {
        const nar = this.narrative();
        base = nar ? (GRAIN_RANK[nar.p.g] >= GRAIN_RANK[g] ? reGrain(nar.p, g) : null) : null;
        if (nar && !base && this.dct) base = null;
        anchor = nar?.anchor ?? 'dct';
        off = w === 'following' || w === 'next' ? 1 : w === 'previous' || w === 'preceding' ? -1 : 0;
        if (!base) return this.match(e, 'DATE', point(g, NaN), 'none');
      } else {
        base = this.dctPoint(g);
        anchor = 'dct';
        off = w === 'last' ? -1 : w === 'next' || w === 'coming' || w === 'upcoming' ? 1 : 0;
        if (w === 'latest' || w === 'current') {
          // "the latest quarter": the last one talked about, else the current one.
          if (this.ref && this.ref.g === g) { base = this.ref; anchor = 'narrative'; }
        }
        if (!base) {
          const pp = point(g, NaN);
          return { ...this.match(e, 'DATE', pp, 'none'), value: unit.code === 'WE' ? 'XXXX-WXX-WE' : formatPoint(pp) };
        }
      }
      const p = shift(base, off, g === 'W' ? 'W' : g);
      const m = this.match(e, 'DATE', p, anchor);
      if (unit.code === 'WE') m.value += '-WE';
      if (unit.code === 'D' && (w === 'this' || w === 'current')) return null;
      return m;
    }
    const wd = WEEKDAYS.get(unitW);
    if (wd && !unitW.endsWith('s') && this.isCap(j)) {
      const rel = w === 'last' || w === 'previous' ? -1 : w === 'next' || w === 'coming' || w === 'following' ? 1 : w === 'this' ? 2 : 0;
      const m = this.weekdayAt(j, false, rel);
      return m && { ...m };
    }
    if (MONTHS.has(unitW) && this.isCap(j)) {
      const rel = w === 'last' || w === 'previous' ? -1 : w === 'next' || w === 'coming' || w === 'following' ? 1 : 0;
      if (w === 'this') {
        const m = MONTHS.get(unitW)!;
        const b = this.dctPoint('M');
        return this.match(j + 1 + (this.lw(j + 1) === '.' ? 1 : 0), 'DATE', point('M', b ? b.y : NaN, m), b ? 'dct' : 'none');
      }
      return this.monthDate(j, rel);
    }
    if (SEASONS.has(unitW)) {
      const rel = w === 'last' || w === 'previous' ? -1 : w === 'next' || w === 'coming' ? 1 : w === 'this' ? 2 : 0;
      return this.season(j, start, rel);
    }
    const part = PARTS_OF_DAY.get(unitW);
    if (part && (w === 'this' || w === 'last')) {
      const p = this.dct ? shift(dayPoint(this.dct), w === 'last' ? -1 : 0, 'D') : point('D', NaN, NaN, NaN);
      if (w === 'last' && part !== 'NI') return null;
      return { ...this.match(j + 1, 'TIME', p, 'dct'), value: `${formatPoint(p)}T${part}` };
    }
    if (ORDINALS.has(unitW) && (w === 'this' || w === 'last' || w === 'next') && this.lw(j + 1) === 'year' && this.lw(j + 2) === "'s") return null;
    return null;
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
        const q = this.quarterAt(j, i);
        if (q) return q;
      }
      return null;
    }
    if (w === 'future') return this.fixed(j + 1, 'DATE', 'FUTURE_REF');
    if ((w === 'near' || w === 'foreseeable' || w === 'distant') && this.lw(j + 1) === 'future') return this.fixed(j + 2, 'DATE', 'FUTURE_REF');
    if ((w === 'near' || w === 'short') && this.lw(j + 1) === 'term') return this.fixed(j + 2, 'DATE', 'FUTURE_REF');
    if (w === 'coming' || w === 'recent') return this.vaguePlural(j, i);
    if (this.isNum(j)) {
      const dec = this.decade(j, i);
      if (dec) return dec;
      const c = RE_ORDINAL_NUM.exec(w);
      if (c && this.lw(j + 1) === 'century') return this.match(j + 2, 'DATE', point('C', (+c[1]! - 1) * 100), 'none');
      const y = this.yearValue(j);
      if (y !== null) {
        const q = this.quarterAt(j + 1, i, y);
        if (q) return q;
        return null;
      }
      const d = this.duration(j, i);
      return d && d.type === 'DURATION' ? d : null;
    }
    if (w === "'" || w.startsWith("'")) return this.decade(j, i);
    const ord = ORDINALS.get(w);
    if (ord && ord > 0 && this.lw(j + 1) === 'century') return this.match(j + 2, 'DATE', point('C', (ord - 1) * 100), 'none');
    if (ord && ord > 0) return this.quarterAt(j, i);
    if (POSITION_MODS.has(w)) {
      const p = this.positioned(j, i);
      if (p) return p;
    }
    const pos = POSITION_NOUNS.get(w);
    if (pos && this.lw(j + 1) === 'of') return this.positionOf(j + 2, i, pos);
    if (w === 'year' && (this.lw(j + 1) === '-' && (this.lw(j + 2) === 'earlier' || this.lw(j + 2) === 'ago'))) return this.yearEarlier(j, i);
    if (w === 'comparable' || w === 'corresponding') {
      if (this.lw(j + 1) === 'year' && this.lw(j + 2) === '-') return this.yearEarlier(j + 1, i);
    }
    if (w === 'fiscal') {
      const f = this.fiscal(j);
      if (f) return f;
    }
    if (w === 'weekend') {
      const b = this.dctPoint('W');
      return b ? { ...this.match(j + 1, 'DATE', b, 'dct'), value: `${formatPoint(b)}-WE` } : this.fixed(j + 1, 'DATE', 'XXXX-WXX-WE');
    }
    if (SEASONS.has(w)) return this.season(j, i, 0);
    if (NUMBER_WORDS.has(w) && w !== 'a' && w !== 'an' || VAGUE_COUNTS.has(w)) {
      const d = this.duration(j, i);
      return d && d.type === 'DURATION' ? d : null;
    }
    if (w === 'quarter' && this.ref && this.ref.g === 'Q') return this.match(j + 1, 'DATE', this.ref, 'narrative');
    return null;
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
      const q = this.quarterAt(e, start);
      if (q && q.point) return { ...this.match(q.e, 'DATE', shift(q.point, -1, 'Y'), q.anchor) };
    } else if (start !== i) return null; // "the year-earlier" must name a period
    const nar = this.narrative();
    if (!nar) return this.fixed(e, 'DATE', 'XXXX');
    const p = g ? reGrain(nar.p, g) : nar.p;
    return this.match(e, 'DATE', shift(p, -1, 'Y'), nar.anchor);
  }

  private yearEnd(i: number, start: number): Match | null {
    // "year-end", "year end": the end of the current year.
    let e: number;
    if (this.lw(i + 1) === '-' && this.lw(i + 2) === 'end') e = i + 3;
    else if (this.lw(i + 1) === 'end') e = i + 2;
    else if (this.lw(i + 1) === '-' && (this.lw(i + 2) === 'earlier' || this.lw(i + 2) === 'ago')) return this.yearEarlier(i, start);
    else return null;
    const b = this.narrative();
    return b ? this.match(e, 'DATE', reGrain(b.p, 'Y'), b.anchor, 'END') : this.fixed(e, 'DATE', 'XXXX', 'END');
  }

  /** "early 2020", "mid-June", "late last year", "earlier this month", "late yesterday". */
  private positioned(i: number, start = i): Match | null {
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
        const b = this.narrative();
        return b ? this.match(j + 3, 'DATE', reGrain(b.p, g), b.anchor, mod) : null;
      }
    } else if (this.isNum(j)) core = this.decade(j, start) ?? this.year(j, start);
    else if (nx === 'the' || nx === "'") core = nx === 'the' ? this.theAt(j) : this.decade(j, start);
    else if (MONTHS.has(nx) || WEEKDAYS.has(nx) || RELATIVE_WORDS.has(nx) || SEASONS.has(nx) || nx === 'today' || nx === 'yesterday' || nx === 'tomorrow') core = this.core(j);
    else if (PARTS_OF_DAY.has(nx) && w === 'mid') {
      const part = PARTS_OF_DAY.get(nx)!;
      const b = this.dctPoint('D');
      return b ? { ...this.match(j + 1, 'TIME', b, 'dct'), value: `${formatPoint(b)}T${part}`, mod } : null;
    }
    if (!core || core.type === 'DURATION' || core.type === 'SET') return null;
    if (core.value.endsWith('_REF')) return null;
    return { ...core, mod };
  }

  /** "the end of 1990", "the beginning of October", "the middle of the year". */
  private positionOf(j: number, start: number, mod: string): Match | null {
    let core: Match | null = null;
    const w = this.lw(j);
    if (w === 'the' && UNITS.has(this.lw(j + 1)) && !UNITS.get(this.lw(j + 1))!.plural) {
      const g = UNIT_GRAIN[UNITS.get(this.lw(j + 1))!.code];
      const b = this.narrative();
      core = b ? this.match(j + 2, 'DATE', reGrain(b.p, g), b.anchor) : this.fixed(j + 2, 'DATE', formatPoint(point(g, NaN)));
    } else core = this.core(j);
    if (!core || core.type === 'DURATION' || core.type === 'SET' || core.value.endsWith('_REF')) return null;
    void start;
    return { ...core, mod };
  }

  // Quarters, halves, seasons, holidays -----------------------------------------------------------------

  /** "third quarter", "third-quarter", "Q3", "the first half of 2024", "fourth quarter of 1984". */
  private quarterAt(i: number, start: number, year: number | null = null): Match | null {
    let q: number, e: number;
    let g: Grain = 'Q';
    const w = this.lw(i);
    if (w === 'q' && this.isNum(i + 1) && this.touches(i) && /^[1-4]$/.test(this.lw(i + 1))) {
      q = +this.lw(i + 1); e = i + 2;
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
    if (year === null) {
      const k = this.lw(e) === 'of' ? e + 1 : e;
      const y = this.yearValue(k);
      if (y !== null) { year = y; e = k + 1; }
      else if (this.lw(e) === 'of' && this.lw(e + 1) === 'the' && this.lw(e + 2) === 'year') e += 3;
    }
    if (year !== null) return this.match(e, 'DATE', point(g, year, q), 'none');
    const r = this.pickYear(i, (y) => point(g, y, q));
    if (!this.dct && !this.ref) return this.match(e, 'DATE', point(g, NaN, q), 'none');
    void start;
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
    // "fall" is mostly a verb or noun; only take it with a determiner or a year.
    if (w === 'fall' && rel === 0 && this.lw(start) !== 'the' && !['this', 'last', 'next', 'early', 'late', 'mid'].includes(this.lw(i - 1))) return null;
    if (this.lw(i + 1) === '-' || this.lw(i + 1) === 'time' || this.lw(i + 1) === 'season') return null;
    const b = this.base(i);
    if (!b) return this.match(i + 1, 'DATE', point('S', NaN, 1, 1, s), 'none');
    if (rel === 2) return this.match(i + 1, 'DATE', point('S', b.p.y, 1, 1, s), b.anchor);
    const r = this.pickYear(i, (yy) => point('S', yy, 1, 1, s), rel === 0 ? 0 : rel === -1 ? PAST : FUTURE);
    return this.match(i + 1, 'DATE', r.p, r.anchor);
  }

  private holiday(i: number, start: number): Match | null {
    let name = '';
    let best: { e: number; key: string } | null = null;
    for (let k = i; k < Math.min(i + 5, this.tok.length); k++) {
      const w = this.tok.lower[k]!;
      name = k === i ? w : w === "'s" || w === '.' ? name + w : `${name} ${w}`;
      if (FIXED_HOLIDAYS.has(name) || MOVABLE_HOLIDAYS.has(name)) best = { e: k + 1, key: name };
    }
    if (!best) return null;
    // "New Year" is also "the new year"; only Christmas-like names are safe alone.
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
    void start;
    if (!this.base(i)) return this.fixed(e, 'DATE', formatPoint(point('D', NaN, NaN, NaN)));
    const r = this.pickYear(i, (yy) => (Number.isNaN(yy) ? point('D', NaN, NaN, NaN) : dateFor(yy)));
    return this.match(e, 'DATE', r.p, r.anchor);
  }

  // Sets ------------------------------------------------------------------------------------------------

  /** "every Monday", "each year", "every two weeks", "each July", "per year". */
  private setAt(i: number): Match | null {
    let j = i + 1;
    if (this.lw(j) === 'other') j++;
    const c = this.tok.lower[i] !== 'per' ? this.count(j) : null;
    let n = 1;
    if (c && !Number.isNaN(c.n) && this.lw(j) !== 'a' && this.lw(j) !== 'an') { n = c.n; j = c.e; }
    if (this.lw(j - 1) === 'other') n = 2;
    const w = this.lw(j);
    const u = UNITS.get(w);
    if (u && (!u.plural || n > 1)) {
      if (u.code === 'WE') return this.fixed(j + 1, 'SET', 'XXXX-WXX-WE');
      return this.fixed(j + 1, 'SET', durationValue(n, u.code));
    }
    if (this.tok.lower[i] === 'per') return null;
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

// Unused-import guards would hide real mistakes; daysInMonth is used by callers of the calendar module.
export { daysInMonth };
