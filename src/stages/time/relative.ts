/**
 * Relative and anaphoric expressions: "last year", "next Monday", "today", "a year earlier", "year-end",
 * "recent years", "early 2020", "the end of the month". A position word takes any expression after it ("early" +
 * "next year", "the end of" + "the 1990s"): that recursion goes back through scan.grammar, not an import.
 */
import {
  GRAIN_RANK, PERIOD_REACH, UNIT_GRAIN, currentPeriod, dctPoint, narrative, pickWeekdayFrom, sentenceRefOrDct, speechDay,
} from './anchor.js';
import { monthDate, year } from './dates.js';
import { durationValue } from './duration.js';
import {
  CURRENT_NOT_BEFORE, MONTHS, ORDINALS, PARTS_OF_DAY, POSITION_MODS, RELATIVE_WORDS, SEASONS, UNITS, WEEKDAYS,
} from './lexicon.js';
import { duration } from './numbers.js';
import { decade, quarterAt, season } from './periods.js';
import { dayPoint, formatPoint, point, reGrain, shift, type Grain, type Point } from './point.js';
import { fixed, match, type Match, type TimeScan } from './scanner.js';
import { WORD } from './tokenize.js';
import { weekdayAt, weekend } from './weekdays.js';

/** A word that is a timex on its own ("now", "recently", "soon"), with its REF_WORDS value. */
export function refWord(scan: TimeScan, i: number, value: string): Match | null {
  const w = scan.tok.lower[i]!;
  // "as soon as", "soon after": a conjunction, not a time.
  if (w === 'soon' && (scan.lw(i - 1) === 'as' || scan.lw(i + 1) === 'as' || scan.lw(i + 1) === 'after')) return null;
  // "every now and again", "now and then": a vague frequency, not the present.
  if (w === 'now' && scan.lw(i + 1) === 'and' && (scan.lw(i + 2) === 'again' || scan.lw(i + 2) === 'then')) return null;
  return fixed(i + 1, 'DATE', value);
}

/**
 * "today", "yesterday", "tomorrow", "tonight" (+ a part of the day): counted from the DCT, or inside a quotation
 * from the story's day, when the words were spoken ("He said, 'we raised it today'" in Thursday's story about Monday).
 */
export function deictic(scan: TimeScan, i: number): Match | null {
  const w = scan.tok.lower[i]!;
  let off: number;
  // "USA Today", "VOA Today": a capitalised word after a name is a title.
  if (scan.isCap(i) && i > 0 && scan.tok.kind[i - 1] === WORD && scan.isCap(i - 1)
    && !scan.text.slice(scan.tok.end[i - 1]!, scan.tok.start[i]!).includes('\n')) return null;
  if (w === 'today') off = 0;
  else if (w === 'yesterday') off = -1;
  else if (w === 'tomorrow') off = 1;
  else if (w === 'tonight') off = 0;
  else return null;
  const day = speechDay(scan, i);
  if (!day && w === 'tonight') return fixed(i + 1, 'TIME', 'XXXX-XX-XXTNI');
  // Without a DCT the day is unknown: match() leaves it unresolved and unanchored.
  const p = day ? shift(day.p, off, 'D') : point('D', NaN, NaN, NaN);
  const anchor = day?.anchor ?? 'dct';
  if (w === 'tonight') return { ...match(i + 1, 'TIME', p, anchor), value: `${formatPoint(p)}TNI` };
  const part = PARTS_OF_DAY.get(scan.lw(i + 1));
  if (part) return { ...match(i + 2, 'TIME', p, anchor), value: `${formatPoint(p)}T${part}` };
  return match(i + 1, 'DATE', p, anchor);
}

function prevIsThe(scan: TimeScan, i: number): boolean {
  return scan.lw(i - 1) === 'the';
}

/**
 * "current" before a noun ("the current weakness", "current market conditions", "his current position"):
 * the present, PRESENT_REF, as TimeML's "currently". Not the noun ("the current is strong") nor set phrases in
 * which it does not mean "now" ("current account", "current affairs").
 */
export function currentAdj(scan: TimeScan, i: number): Match | null {
  const nx = scan.lw(i + 1);
  if (scan.tok.kind[i + 1] !== WORD || !/^[a-z]/.test(nx) || CURRENT_NOT_BEFORE.has(nx)) return null;
  if (scan.lw(i - 1) === 'electric' || scan.lw(i - 1) === 'ocean' || scan.lw(i - 1) === 'then') return null;
  return fixed(i + 1, 'DATE', 'PRESENT_REF');
}

/** "recent years" (PAST_REF), "recent weeks" (PXW), "coming months", "future quarters" (FUTURE_REF), "past years" (PAST_REF). */
export function vaguePlural(scan: TimeScan, i: number): Match | null {
  const w = scan.tok.lower[i]!;
  const u = UNITS.get(scan.lw(i + 1));
  if (!u || !u.plural) return null;
  if (w === 'coming' || w === 'future') return fixed(i + 2, 'DATE', 'FUTURE_REF');
  // "in past years", "sell programs in past years": an unbounded stretch of the past, like "recent years".
  if (w === 'past') return prevIsThe(scan, i) ? null : fixed(i + 2, 'DATE', 'PAST_REF');
  if (u.code === 'Y' || u.code === 'D' || u.code === 'E') return fixed(i + 2, 'DATE', 'PAST_REF');
  return fixed(i + 2, 'DURATION', durationValue(NaN, u.code));
}

/** A relative word with no "the" before it: "last year", "this morning", "coming months", "current" (= now). */
export function relativeAt(scan: TimeScan, i: number): Match | null {
  const w = scan.tok.lower[i]!;
  const r = relative(scan, i, i, false);
  if (r) return r;
  if (w === 'current') return currentAdj(scan, i);
  return w === 'coming' || w === 'past' ? vaguePlural(scan, i) : null;
}

/** "last year", "next Monday", "this morning", "the following week", "the past two years", "that day". */
export function relative(scan: TimeScan, i: number, start: number, withThe: boolean): Match | null {
  const w = scan.tok.lower[i]!;
  let j = i + 1;
  const nx = scan.lw(j);
  // "the past two years", "last three months" -> durations
  if (w === 'past' || w === 'last' || w === 'next' || w === 'coming' || w === 'previous' || w === 'following' || w === 'latest' || w === 'first' || w === 'final') {
    const d = duration(scan, j, start);
    if (d && d.type === 'DURATION' && (scan.lw(j) !== 'a' && scan.lw(j) !== 'an')) return d;
  }
  if (nx === 'fiscal') j++;
  if (w === 'latest' && nx === 'period') return currentPeriod(scan, j + 1, scan.periodRef?.g === 'H' ? 'H' : 'Q', false);
  const unitW = scan.lw(j);
  const unit = UNITS.get(unitW);
  if (unit && !unit.plural) {
    // "ABC's This Week": a capitalised unit word is a title (all-caps headlines excepted).
    if (scan.isTitleCase(j)) return null;
    const g = UNIT_GRAIN[unit.code];
    if (unit.code === 'S' || unit.code === 'MIN' || unit.code === 'H') return null;
    if (unit.code === 'D' && (w === 'this' || w === 'current')) return null;
    const e = j + 1;
    // TimeBank reads "the past year", "the last decade" as the period just gone (a date), "past week" as a length.
    if ((w === 'past' || w === 'last') && withThe && unit.code !== 'WE') {
      const p = dctPoint(scan, g);
      return p ? match(e, 'DATE', shift(p, -1, g), 'dct') : match(e, 'DATE', point(g, NaN), 'none');
    }
    if (w === 'past') return fixed(e, 'DURATION', durationValue(1, unit.code));
    if (w === 'first' || w === 'final') return null;
    if (unit.code === 'WE') return weekend(scan, e, w === 'last' ? -1 : w === 'next' || w === 'coming' ? 1 : w === 'this' ? 2 : 0, i);
    let anchor: 'dct' | 'narrative';
    let base: Point | null;
    let off: number;
    if (w === 'following' || w === 'previous' || w === 'preceding' || w === 'same' || w === 'that' || (withThe && w === 'next')) {
      // "the previous day" after "last October": the day counted from is the last day named, not the month.
      const nar = (g === 'Q' || g === 'H') && scan.periodRef?.g === g ? { p: scan.periodRef, anchor: 'narrative' as const }
        : g === 'D' && scan.dayRef && scan.ref && GRAIN_RANK[scan.ref.g] < GRAIN_RANK.D ? { p: scan.dayRef, anchor: 'narrative' as const }
        : narrative(scan);
      base = nar ? (GRAIN_RANK[nar.p.g] >= GRAIN_RANK[g] ? reGrain(nar.p, g) : null) : null;
      anchor = nar?.anchor ?? 'dct';
      off = w === 'following' || w === 'next' ? 1 : w === 'previous' || w === 'preceding' ? -1 : 0;
      if (!base) return match(e, 'DATE', point(g, NaN), 'none');
    } else {
      base = dctPoint(scan, g);
      anchor = 'dct';
      off = w === 'last' ? -1 : w === 'next' || w === 'coming' || w === 'upcoming' ? 1 : 0;
      if (w === 'latest' && (g === 'Q' || g === 'H' || g === 'Y')) return currentPeriod(scan, e, g, false);
      if (!base) return match(e, 'DATE', point(g, NaN), 'none');
    }
    const p = shift(base, off, g === 'W' ? 'W' : g);
    // "a loss of $3 million last year" in a passage about a quarter: that quarter a year back, as "a year ago".
    if (w === 'last' && g === 'Y' && !withThe && scan.lw(e) !== "'s" && scan.periodRef && scan.sentenceOf(i) - scan.periodSentence <= PERIOD_REACH
      && (scan.isNum(i - 1) || scan.lw(i - 1) === 'million' || scan.lw(i - 1) === 'billion' || scan.lw(i - 1) === 'share')) {
      return { ...match(e, 'DATE', shift(scan.periodRef, -1, 'Y'), 'narrative'), derived: true };
    }
    if (g === 'Y' && scan.lw(e) === "'s" && !Number.isNaN(p.y)) {
      // "this year's third quarter", "last year's quarter"
      const q = quarterAt(scan, e + 1, p.y);
      if (q) return q;
      const nw = scan.lw(e + 1);
      if (nw === 'quarter' || nw === 'period') {
        const cp = currentPeriod(scan, e + 2, scan.periodRef?.g === 'H' ? 'H' : 'Q');
        return cp.point ? match(e + 2, 'DATE', { ...cp.point, y: p.y }, cp.anchor) : cp;
      }
    }
    return match(e, 'DATE', p, anchor);
  }
  const wd = WEEKDAYS.get(unitW);
  if (wd && !unitW.endsWith('s') && scan.isCap(j)) {
    const rel = w === 'last' || w === 'previous' ? -1 : w === 'next' || w === 'coming' || w === 'following' ? 1 : w === 'this' ? 2 : 0;
    if ((w === 'previous' || w === 'following' || w === 'preceding') && scan.ref && scan.ref.g === 'D') {
      const r = pickWeekdayFrom(scan, scan.ref, 'narrative', wd, rel, j);
      return match(j + 1, 'DATE', r.p, r.anchor);
    }
    return weekdayAt(scan, j, rel);
  }
  if (MONTHS.has(unitW) && scan.isCap(j)) {
    const rel = w === 'last' || w === 'previous' ? -1 : w === 'next' || w === 'coming' || w === 'following' ? 1 : 0;
    if (w === 'this') {
      const m = MONTHS.get(unitW)!;
      const b = dctPoint(scan, 'M');
      return match(j + 1 + (scan.lw(j + 1) === '.' && unitW.length <= 4 ? 1 : 0), 'DATE', point('M', b ? b.y : NaN, m), b ? 'dct' : 'none');
    }
    return monthDate(scan, j, rel);
  }
  if (SEASONS.has(unitW)) {
    const rel = w === 'last' || w === 'previous' ? -1 : w === 'next' || w === 'coming' ? 1 : w === 'this' ? 2 : 0;
    return season(scan, j, start, rel);
  }
  // "at this moment", "this crucial moment": the present.
  if (w === 'this' && (unitW === 'moment' || (scan.lw(j + 1) === 'moment' && scan.tok.kind[j] === WORD && /^[a-z]+$/.test(unitW)))) {
    return fixed(unitW === 'moment' ? j + 1 : j + 2, 'DATE', 'PRESENT_REF');
  }
  const part = PARTS_OF_DAY.get(unitW);
  if (part && (w === 'this' || w === 'last')) {
    const p = scan.dct ? shift(dayPoint(scan.dct), w === 'last' ? -1 : 0, 'D') : point('D', NaN, NaN, NaN);
    if (w === 'last' && part !== 'NI') return null;
    return { ...match(j + 1, 'TIME', p, 'dct'), value: `${formatPoint(p)}T${part}` };
  }
  return null;
}

/** "year-earlier", "year-ago" (+ "quarter", "period", "nine months"): the reference period a year back. */
export function yearEarlier(scan: TimeScan, i: number, start: number): Match | null {
  if (scan.lw(i) !== 'year' || scan.lw(i + 1) !== '-' || !(scan.lw(i + 2) === 'earlier' || scan.lw(i + 2) === 'ago')) return null;
  let e = i + 3;
  let g: Grain | null = null;
  const nw = scan.lw(e);
  if (nw === 'quarter' || nw === 'period') { g = nw === 'quarter' ? 'Q' : null; e++; }
  else if (ORDINALS.has(nw) && (scan.lw(e + 1) === 'quarter' || scan.lw(e + 1) === '-')) {
    const q = quarterAt(scan, e);
    if (q && q.point) return { ...match(q.e, 'DATE', shift(q.point, -1, 'Y'), q.anchor), derived: true };
  } else if (start !== i) return null; // "the year-earlier" must name a period
  const nar = scan.periodRef && (g === 'Q' || nw === 'period' || start === i) ? { p: scan.periodRef, anchor: 'narrative' as const } : narrative(scan);
  if (!nar) return fixed(e, 'DATE', 'XXXX');
  const p = g ? reGrain(nar.p, g) : nar.p;
  return { ...match(e, 'DATE', shift(p, -1, 'Y'), nar.anchor), derived: true };
}

/** "year-end", "year end", "year's end"; "year-earlier" is handed to yearEarlier. */
export function yearEnd(scan: TimeScan, i: number, start: number): Match | null {
  // "year-end", "year end": the end of the current year.
  let e: number;
  if (scan.lw(i + 1) === '-' && scan.lw(i + 2) === 'end') e = i + 3;
  else if (scan.lw(i + 1) === 'end') e = i + 2;
  else if (scan.lw(i + 1) === "'s" && scan.lw(i + 2) === 'end') e = i + 3;
  else if (scan.lw(i + 1) === '-' && (scan.lw(i + 2) === 'earlier' || scan.lw(i + 2) === 'ago')) return yearEarlier(scan, i, start);
  else return null;
  // The end of the DCT's year; "since year-end" looks back to the last one.
  const b = dctPoint(scan, 'Y');
  if (!b) return fixed(e, 'DATE', 'XXXX', 'END');
  const prev = scan.lw(i - 1);
  return match(e, 'DATE', prev === 'since' ? shift(b, -1, 'Y') : b, 'dct', 'END');
}

/** "early 2020", "mid-June", "late last year", "earlier this month", "late yesterday". */
export function positioned(scan: TimeScan, i: number): Match | null {
  const w = scan.tok.lower[i]!;
  const mod = POSITION_MODS.get(w)!;
  let j = i + 1;
  if (scan.lw(j) === '-') j++;
  const nx = scan.lw(j);
  let core: Match | null = null;
  if (w === 'earlier' || w === 'later') {
    if (nx === 'this' || nx === 'last' || nx === 'next' || nx === 'today' || nx === 'yesterday' || nx === 'tomorrow' || WEEKDAYS.has(nx)) core = scan.grammar.expressionAt(scan, j);
    else if (nx === 'in' && scan.lw(j + 1) === 'the' && UNITS.has(scan.lw(j + 2))) {
      const g = UNIT_GRAIN[UNITS.get(scan.lw(j + 2))!.code];
      const b = sentenceRefOrDct(scan, i, g);
      return b ? match(j + 3, 'DATE', reGrain(b.p, g), b.anchor, mod) : null;
    }
  } else if (scan.isNum(j)) core = decade(scan, j) ?? year(scan, j);
  else if (nx === 'the' || nx === "'") core = nx === 'the' ? scan.grammar.theAt(scan, j) : decade(scan, j);
  else if (MONTHS.has(nx) || WEEKDAYS.has(nx) || RELATIVE_WORDS.has(nx) || SEASONS.has(nx) || nx === 'today' || nx === 'yesterday' || nx === 'tomorrow') core = scan.grammar.expressionAt(scan, j);
  else if (PARTS_OF_DAY.has(nx) && w === 'mid') {
    const part = PARTS_OF_DAY.get(nx)!;
    const day = deictic(scan, j + 1);
    const b = day?.point ?? dctPoint(scan, 'D');
    const e = day && day.type === 'DATE' ? day.e : j + 1;
    return b ? { ...match(e, 'TIME', b, 'dct'), value: `${formatPoint(b)}T${part}`, mod } : null;
  }
  if (!core || core.type === 'DURATION' || core.type === 'SET') return null;
  if (core.value.endsWith('_REF')) return null;
  return { ...core, mod };
}

/**
 * "the end of 1990", "the beginning of October", "the middle of the year", "the end of the day Saturday". "The
 * month", "the year" are the ones of a date named in the same sentence, else of the DCT: a date from paragraphs
 * back ("launched on April 12, 1981") is not what "at the end of the month" means.
 */
export function positionOf(scan: TimeScan, j: number, mod: string): Match | null {
  let core: Match | null = null;
  const w = scan.lw(j);
  if (w === 'the' && UNITS.has(scan.lw(j + 1)) && !UNITS.get(scan.lw(j + 1))!.plural) {
    const g = UNIT_GRAIN[UNITS.get(scan.lw(j + 1))!.code];
    // "the end of the day Saturday": the day is named right after.
    const day = g === 'D' ? scan.grammar.expressionAt(scan, j + 2) : null;
    if (day && day.point?.g === 'D' && day.type === 'DATE') return { ...day, mod };
    const b = sentenceRefOrDct(scan, j, g);
    core = b ? match(j + 2, 'DATE', reGrain(b.p, g), b.anchor) : fixed(j + 2, 'DATE', formatPoint(point(g, NaN)));
  } else core = scan.grammar.expressionAt(scan, j);
  if (!core || core.type === 'DURATION' || core.type === 'SET' || core.value.endsWith('_REF')) return null;
  return { ...core, mod };
}

/** Fixed phrases for an unspecified time: "these days", "at a later date", "for a while". */
export function vaguePhrase(scan: TimeScan, i: number): Match | null {
  const w = scan.tok.lower[i]!;
  if (w === 'these' && scan.lw(i + 1) === 'days') return fixed(i + 2, 'DATE', 'PRESENT_REF');
  // "at a later date", "to an earlier date": an unspecified future or past day.
  if ((w === 'a' || w === 'an') && (scan.lw(i + 1) === 'later' || scan.lw(i + 1) === 'earlier') && scan.lw(i + 2) === 'date') {
    return fixed(i + 3, 'DATE', scan.lw(i + 1) === 'later' ? 'FUTURE_REF' : 'PAST_REF');
  }
  if (w === 'a' && scan.lw(i + 1) === 'while' && (scan.lw(i - 1) === 'for' || scan.lw(i - 1) === 'in' || scan.lw(i - 1) === 'after')) {
    return fixed(i + 2, 'DURATION', 'PXX');
  }
  return null;
}
