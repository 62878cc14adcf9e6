/**
 * Dates: years ("1990", "fiscal 1990", "nineteen ninety-six"), month-first and day-first dates ("Sept. 30, 1989",
 * "3 June 2024") and numeric ones ("11/02/89", "1998-05-01"). Decades and centuries are in periods.ts; reading a
 * year or a count off the tokens is in numerals.ts.
 */
import { dctPoint, pickYear } from './anchor.js';
import { isValidDate } from './calendar.js';
import { clockParts } from './clock.js';
import {
  AMBIGUOUS_MONTHS, HOLIDAY_FIRST_WORDS, MONTHS, MONTH_CONTEXT, NOT_RATE, ORDINALS, TIME_PHRASE_STARTS, UNITS, WEEKDAYS,
  YEAR_CONTEXT, YEAR_NOUNS,
} from './lexicon.js';
import { fullYear, spelledYear, yearValue } from './numerals.js';
import { quarterAt } from './periods.js';
import { formatPoint, point } from './point.js';
import { RE_INT, RE_ORDINAL_NUM, match, type Match, type TimeScan } from './scanner.js';
import { NUMBER, WORD } from './tokenize.js';

const RE_SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/;
const RE_DASH_DATE = /^(\d{1,4})-(\d{1,2})-(\d{1,4})$/;

/** A 4-digit year ("in 1990", "1990 levels"), with a quarter after it ("1990 third quarter"); not counts or amounts. */
export function year(scan: TimeScan, i: number): Match | null {
  const y = yearValue(scan, i);
  const prev = scan.lw(i - 1), next = scan.lw(i + 1);
  if (y === null) {
    // "until 2999": reads as a year but is none we can believe; say so rather than tag it.
    const w = scan.lw(i);
    if (w.length === 4 && RE_INT.test(w) && +w > 2199 && (prev === 'in' || prev === 'until' || prev === 'since' || prev === 'by')) {
      scan.warn(i, i + 1, 'implausible year');
    }
    return null;
  }
  if (prev === '$' || prev === '#' || prev === 'no' || prev === '.' && scan.lw(i - 2) === 'no') return null;
  if (next === '%' || next === 'percent' || next === 'per' || (next === '.' && scan.isNum(i + 2))) return null;
  if (y < 1800 && !YEAR_CONTEXT.has(prev)) return null;
  // "2000 people": a count followed by a plural noun, unless the context says year.
  if (!YEAR_CONTEXT.has(prev) && /^[a-z]+s$/.test(next) && scan.tok.kind[i + 1] !== NUMBER && !UNITS.has(next) && !NOT_RATE.has(next)) {
    if (!YEAR_NOUNS.has(next)) return null;
  }
  if (next === ',' && scan.isNum(i + 2) && scan.lw(i + 2).length === 3) return null; // "1,000" split oddly
  if (scan.dct && y > scan.dct.y + 100) scan.warn(i, i + 1, 'implausible year');
  if (scan.lw(i + 1) === "'s" && scan.lw(i + 2) !== 's') {
    // "1988's third quarter"
    const q = quarterAt(scan, i + 2, y);
    if (q) return q;
  }
  const q = quarterAt(scan, i + 1, y);
  if (q) return q;
  return match(i + 1, 'DATE', point('Y', y), 'none');
}

/** "fiscal 1990", "fiscal year 1991 first quarter", "fiscal first quarter", "fiscal '90". */
export function fiscal(scan: TimeScan, i: number): Match | null {
  let j = i + 1;
  if (scan.lw(j) === 'year' || scan.lw(j) === 'years') j++;
  const y = yearValue(scan, j);
  if (y !== null) {
    const q = quarterAt(scan, j + 1, y);
    return q ?? match(j + 1, 'DATE', point('Y', y), 'none');
  }
  // "fiscal first quarter", "fiscal '90"
  if (ORDINALS.has(scan.lw(i + 1))) return quarterAt(scan, i + 1);
  if (scan.lw(i + 1) === "'" && scan.isNum(i + 2) && scan.lw(i + 2).length === 2) {
    const yy = +scan.lw(i + 2);
    return match(i + 3, 'DATE', point('Y', fullYear(scan, yy)), 'none');
  }
  return null;
}

/** A year spelled out where a year is expected: "nineteen ninety-six", "in two thousand three". */
export function spelledYearAt(scan: TimeScan, i: number): Match | null {
  const w = scan.tok.lower[i]!;
  if (w === 'nineteen' || (w === 'two' && scan.lw(i + 1) === 'thousand' && YEAR_CONTEXT.has(scan.lw(i - 1)))) {
    const sy = spelledYear(scan, i);
    // "two thousand years" is a count.
    if (sy && !UNITS.has(scan.lw(sy.e))) return match(sy.e, 'DATE', point('Y', sy.y), 'none');
  }
  return null;
}

/** Month-first dates: "June 3", "Sept. 30, 1989", "February 1947", "June last year", "May 26, 1980". */
export function monthDate(scan: TimeScan, i: number, rel = 0): Match | null {
  const w = scan.tok.lower[i]!;
  const m = MONTHS.get(w)!;
  let j = i + 1;
  const abbrev = w.length <= 4 && w !== 'june' && w !== 'july' && w !== 'may';
  if (abbrev && scan.lw(j) === '.') j++;
  const nextNum = scan.isNum(j) || RE_ORDINAL_NUM.test(scan.lw(j));
  if (AMBIGUOUS_MONTHS.has(w)) {
    if (!scan.isCap(i)) return null;
    const prev = scan.lw(i - 1);
    if (!(nextNum || j > i + 1 || MONTH_CONTEXT.has(prev) || rel !== 0) && !(scan.lw(j) === 'last' || scan.lw(j) === 'this' || scan.lw(j) === 'next')) return null;
    if (w === 'may' && !nextNum && !MONTH_CONTEXT.has(prev) && rel === 0) return null;
  }
  let day: number | null = null;
  const dw = scan.lw(j);
  const om = RE_ORDINAL_NUM.exec(dw);
  if (scan.isNum(j) && RE_INT.test(dw) && dw.length <= 2 && +dw >= 1) { day = +dw; j++; }
  else if (om) { day = +om[1]!; j++; }
  else if (ORDINALS.has(dw) && ORDINALS.get(dw)! > 0 && scan.isCap(i)) { day = ORDINALS.get(dw)!; j++; }
  let year: number | null = null;
  let yearEnd = j;
  if (day !== null) {
    const k = scan.lw(j) === ',' ? j + 1 : j;
    const y = yearValue(scan, k);
    if (y !== null) { year = y; yearEnd = k + 1; }
    else if (scan.isNum(k) && RE_INT.test(scan.lw(k)) && scan.lw(k).length >= 4) scan.warn(i, k + 1, 'implausible year');
  } else {
    const k = scan.lw(j) === ',' || scan.lw(j) === 'of' ? j + 1 : j;
    const y = yearValue(scan, k);
    if (y !== null) { year = y; yearEnd = k + 1; }
    else if (scan.lw(j) === "'" && scan.isNum(j + 1) && scan.lw(j + 1).length === 2) { year = fullYear(scan, +scan.lw(j + 1)); yearEnd = j + 2; }
    else {
      const sy = spelledYear(scan, j);
      if (sy) { year = sy.y; yearEnd = sy.e; }
    }
  }
  if (day !== null && day > 31) return null;
  // "Reporter April Ryan", "June Smith, a teacher, said": a month with neither day nor year before a capitalised
  // word is a given name, unless a time word governs it ("in June Parliament sat").
  if (day === null && year === null && rel === 0 && j === i + 1 && givenName(scan, i)) return null;
  // "June last year", "January this year"
  let relYear = 0, hasRelYear = false;
  if (year === null) {
    // "December 22, last year", but not "June, last year's results".
    const k = scan.lw(j) === ',' && day !== null && scan.lw(j + 3) !== "'s" ? j + 1 : j;
    const a = scan.lw(k), b = scan.lw(k + 1);
    if ((a === 'last' || a === 'this' || a === 'next') && b === 'year') {
      relYear = a === 'last' ? -1 : a === 'next' ? 1 : 0; hasRelYear = true; yearEnd = k + 2;
    }
  }
  if (year === null && !hasRelYear) year = rangeYear(scan, j);
  const e = yearEnd > j ? yearEnd : j;
  // Without a year, check against a leap year: "February 29" is possible, "February 30" never.
  if (day !== null && !isValidDate(year ?? 2000, m, day)) {
    scan.warn(i, e, 'impossible date');
    const p = year !== null ? point('M', year, m) : pickYear(scan, i, (y) => point('M', y, m)).p;
    return match(e, 'DATE', p, year !== null ? 'none' : 'dct');
  }
  const make = (y: number) => (day !== null ? point('D', y, m, day) : point('M', y, m));
  if (year !== null) return match(e, 'DATE', make(year), 'none');
  if (hasRelYear) {
    const b = dctPoint(scan, 'Y');
    return match(e, 'DATE', make(b ? b.y + relYear : NaN), b ? 'dct' : 'none');
  }
  const r = pickYear(scan, i, make, rel, day === null);
  return match(e, 'DATE', r.p, r.anchor);
}

/**
 * True when the month at token i is followed on its line by a capitalised word that is no time word, and that word
 * by a word in lower case or punctuation: a given name and a surname ("April Ryan asked").
 */
function givenName(scan: TimeScan, i: number): boolean {
  const k = i + 1;
  if (k >= scan.tok.length || scan.tok.kind[k] !== WORD || !scan.isTitleCase(k) || !scan.touchesLine(i, k)) return false;
  const nx = scan.lw(k);
  if (MONTHS.has(nx) || WEEKDAYS.has(nx) || HOLIDAY_FIRST_WORDS.has(nx) || UNITS.has(nx)) return false;
  // A headline in title case ("September Jobs Report Shows Gains") capitalises every word.
  if (scan.tok.kind[k + 1] === WORD && scan.isTitleCase(k + 1) && scan.touchesLine(k, k + 1)) return false;
  return !MONTH_CONTEXT.has(scan.lw(i - 1)) && !TIME_PHRASE_STARTS.has(scan.lw(i - 1));
}

/** "from March to May 2023", "March 3 - 5, 2023": the year of the range's far end, if it has one. */
function rangeYear(scan: TimeScan, j: number): number | null {
  const w = scan.lw(j);
  if (!(w === '-' || w === 'to' || w === 'through' || w === 'and' || w === 'until' || w === 'till')) return null;
  let k = j + 1;
  if (MONTHS.has(scan.lw(k))) {
    k++;
    if (scan.lw(k) === '.') k++;
  }
  if (scan.isNum(k) && scan.lw(k).length <= 2) k++;
  if (scan.lw(k) === ',') k++;
  return yearValue(scan, k);
}

/** Day-first dates: "3 June 2024", "24th of February". Tried on numbers. */
export function dayFirstDate(scan: TimeScan, i: number): Match | null {
  const dw = scan.lw(i);
  const om = RE_ORDINAL_NUM.exec(dw);
  const day = om ? +om[1]! : RE_INT.test(dw) && dw.length <= 2 ? +dw : 0;
  if (day < 1 || day > 31) return null;
  let j = i + 1;
  if (scan.lw(j) === 'of') j++;
  const mw = scan.lw(j);
  if (!MONTHS.has(mw) || !scan.isCap(j)) return null;
  const m = MONTHS.get(mw)!;
  j++;
  if (scan.lw(j) === '.') j++;
  const y = yearValue(scan, j);
  if (y === null && mw === 'may' && scan.lw(i + 1) !== 'of') return null;
  const e = y !== null ? j + 1 : j;
  if (!isValidDate(y ?? 2000, m, day)) {
    scan.warn(i, e, 'impossible date');
    return null;
  }
  if (y !== null) return match(e, 'DATE', point('D', y, m, day), 'none');
  const r = pickYear(scan, i, (yy) => point('D', yy, m, day));
  return match(e, 'DATE', r.p, r.anchor);
}

/** Numeric dates: 11/02/89, 1998-05-01, 19980108, 08-15-90 1337EDT, 02/06/1998 22:19:00. */
export function numericDate(scan: TimeScan, i: number): Match | null {
  const w = scan.tok.lower[i]!;
  let y: number, m: number, d: number;
  let mm: RegExpExecArray | null;
  if ((mm = RE_SLASH_DATE.exec(w))) {
    m = +mm[1]!; d = +mm[2]!; y = mm[3]!.length === 2 ? fullYear(scan, +mm[3]!) : +mm[3]!;
    if (m > 12 && d <= 12) [m, d] = [d, m];
  } else if ((mm = RE_DASH_DATE.exec(w))) {
    if (mm[1]!.length === 4) { y = +mm[1]!; m = +mm[2]!; d = +mm[3]!; }
    else if (mm[3]!.length === 4 || mm[3]!.length === 2) {
      m = +mm[1]!; d = +mm[2]!; y = mm[3]!.length === 2 ? fullYear(scan, +mm[3]!) : +mm[3]!;
      if (m > 12 && d <= 12) [m, d] = [d, m];
    } else return null;
  } else if (w.length === 8 && RE_INT.test(w) && (w.startsWith('19') || w.startsWith('20'))) {
    y = +w.slice(0, 4); m = +w.slice(4, 6); d = +w.slice(6, 8);
    if (!isValidDate(y, m, d)) return null;
  } else if (w.length === 6 && RE_INT.test(w) && scan.aloneOnLine(i)) {
    y = fullYear(scan, +w.slice(0, 2)); m = +w.slice(2, 4); d = +w.slice(4, 6);
    if (!isValidDate(y, m, d)) return null;
  } else return null;
  if (!isValidDate(y, m, d)) {
    scan.warn(i, i + 1, 'impossible date');
    return null;
  }
  const p = point('D', y, m, d);
  // A clock time right after: "02/06/1998 22:19:00", "08-15-90 1337EDT".
  const t = clockParts(scan, i + 1);
  if (t) {
    return { e: t.e, type: 'TIME', value: `${formatPoint(p)}T${t.value}`, anchor: 'none', resolved: true, point: p };
  }
  return match(i + 1, 'DATE', p, 'none');
}
