/** Lengths of time: "two years", "30-day", "a couple of weeks", "for years", and the dates they reach ("two years ago"). */
import { GRAIN_RANK, PERIOD_REACH, UNIT_GRAIN, dctPoint, narrative } from './anchor.js';
import { durationValue } from './duration.js';
import { ANCHOR_AFTER, ANCHOR_BEFORE, ARTICLES, COUNT_FILLERS, ORDINALS, UNITS, type Unit } from './lexicon.js';
import { count, yearValue } from './numerals.js';
import { point, reGrain, shift } from './point.js';
import { fixed, match, type Match, type TimeScan } from './scanner.js';

/** Durations and their anchored forms: "two years", "30-day", "six months ago", "a year earlier". */
export function duration(scan: TimeScan, i: number, startTok = i): Match | null {
  const c = count(scan, i);
  if (!c) return null;
  const wNum = scan.lw(i);
  let j = c.e;
  // "two to three weeks", "12 or 18 months": a range of counts; the value keeps the lower one.
  const rw = scan.lw(j);
  if ((rw === 'to' || rw === 'or' || rw === '-') && !Number.isNaN(c.n) && c.n !== 1) {
    const hi = count(scan, j + 1);
    if (hi && !Number.isNaN(hi.n) && hi.n > c.n && UNITS.has(scan.lw(hi.e))) j = hi.e;
  }
  // "20 more years", "an additional year", "eight trading days"
  if (COUNT_FILLERS.has(scan.lw(j))) j++;
  const hyphen = scan.lw(j) === '-';
  if (hyphen) j++;
  const unit = UNITS.get(scan.lw(j));
  if (!unit) return null;
  if (c.n === 1 && unit.plural) return null;
  // "World Cup 2018 day five": a year before a singular unit, not a count of 2018 days.
  if (!unit.plural && !hyphen && yearValue(scan, i) !== null) return null;
  // "three-quarters of its food" is a fraction; "a second group" an ordinal.
  if (unit.code === 'Q' && hyphen && unit.plural) return null;
  // "more than a quarter of the market", "three quarters of its food": a fraction, unless of a unit of time
  // ("a quarter of an hour", "a quarter of a century").
  if (unit.code === 'Q' && !hyphen && startTok === i && c.n <= 3 && scan.lw(j + 1) === 'of') {
    const k = ARTICLES.has(scan.lw(j + 2)) ? j + 3 : j + 2;
    if (!UNITS.has(scan.lw(k)) && yearValue(scan, k) === null) return null;
  }
  if (unit.code === 'S' && !scan.isNum(i) && !unit.plural) return null;
  // "700 seats a week", "$500 million a year": a rate, not a length of time.
  if ((wNum === 'a' || wNum === 'an') && c.e === i + 1 && scan.isRateContext(i - 1)) {
    const nx = scan.lw(j + 1);
    if (!(nx === 'ago' || nx === 'earlier' || nx === 'later' || nx === 'before' || nx === '-')) return null;
  }
  let n = c.n;
  // "a year-earlier loss": the adjective "year-earlier" is the timex, tagged from "year".
  if (scan.lw(j + 1) === '-' && (scan.lw(j + 2) === 'earlier' || scan.lw(j + 2) === 'ago' || scan.lw(j + 2) === 'end')) return null;
  j++;
  if (scan.lw(j) === 'and' && scan.lw(j + 1) === 'a' && scan.lw(j + 2) === 'half') { n += 0.5; j += 3; }
  // An age written as one adjective ("a 19-year-old motorcyclist", "their nine-month-old child") is a length of
  // time, as news annotation has it; "52 years old" after a name is left out, as TimeBank has it.
  if (hyphen && scan.lw(j) === '-' && scan.lw(j + 1) === 'old') {
    return { e: j + 2, type: 'DURATION', value: durationValue(n, unit.code), anchor: 'none', resolved: true };
  }
  if (scan.lw(j) === 'old' || (scan.lw(j) === '-' && scan.lw(j + 1) === 'old')) return null;
  if (hyphen && scan.lw(j) === '-' && scan.lw(j + 1) === 'long') j += 2;
  if (scan.lw(j) === 'or' && scan.lw(j + 1) === 'so') j += 2;
  const value = durationValue(n, unit.code);
  const mod = c.approx ? 'APPROX' : undefined;
  const after = scan.lw(j);
  if (!hyphen) {
    if (after === 'ago' || (after === 'from' && scan.lw(j + 1) === 'now') || ANCHOR_AFTER.has(after) || ANCHOR_BEFORE.has(after)) {
      // "after"/"before" followed by a noun phrase is a preposition: "two years after the war" is a duration.
      const prep = (after === 'after' || after === 'before' || after === 'prior') && /^[a-z0-9]/.test(scan.lw(j + 1));
      // TimeBank tags "three days later" as the duration "three days"; "a year earlier" (the earnings-report
      // comparison) and "two years ago" as dates.
      const datePoint = after === 'ago' || after === 'from' || (n === 1 && unit.code === 'Y' && !Number.isNaN(n));
      if (!prep && datePoint) return { ...anchoredDuration(scan, startTok, j, n, unit, after, mod), derived: true };
    }
  }
  // "the first two quarters of 1990": the year belongs to the expression.
  if (scan.lw(j) === 'of' && yearValue(scan, j + 1) !== null && (ORDINALS.has(scan.lw(startTok + 1)) || ORDINALS.has(scan.lw(startTok)))) j += 2;
  return { e: j, type: 'DURATION', value, anchor: 'none', resolved: true, mod };
}

/** Bare plural units after a preposition: "for years", "in months" = PXY, PXM. */
export function barePlural(scan: TimeScan, i: number): Match | null {
  const prev = scan.lw(i - 1);
  if (!(prev === 'for' || prev === 'in' || prev === 'over' || prev === 'within' || prev === 'took' || prev === 'after' || prev === 'lasted')) return null;
  const nx = scan.lw(i + 1);
  if (nx === 'of' || nx === 'old' || nx === 'ago') return nx === 'ago' ? fixed(i + 2, 'DATE', 'PAST_REF') : null;
  const u = UNITS.get(scan.tok.lower[i]!)!;
  return fixed(i + 1, 'DURATION', durationValue(NaN, u.code));
}

/** Seconds in the units finer than a day. */
const CLOCK_UNIT_SECONDS: Partial<Record<Unit['code'], number>> = { S: 1, MIN: 60, H: 3600 };

/** A duration counted from a reference: "two years ago" (DCT), "a year earlier" (the period or narrative reference). */
export function anchoredDuration(scan: TimeScan, i: number, j: number, n: number, unit: Unit, word: string, mod?: string): Match {
  const e = word === 'from' ? j + 2 : j + 1;
  const back = word === 'ago' || ANCHOR_BEFORE.has(word);
  if (Number.isNaN(n)) return fixed(e, 'DATE', back ? 'PAST_REF' : 'FUTURE_REF', mod);
  const g = UNIT_GRAIN[unit.code];
  const sign = back ? -1 : 1;
  // Hours, minutes and seconds move a day reference by whole days: "24 hours ago" is yesterday, "3 hours ago" today.
  const clockSeconds = CLOCK_UNIT_SECONDS[unit.code];
  if (clockSeconds !== undefined) n = Math.floor((n * clockSeconds) / 86_400);
  // "A year ago/earlier" in a passage about a quarter means that quarter a year back (earnings reports).
  const r = scan.periodRef;
  if (back && g === 'Y' && n === 1 && r && scan.sentenceOf(i) - scan.periodSentence <= PERIOD_REACH) {
    return { ...match(e, 'DATE', shift(r, -1, 'Y'), 'narrative'), mod };
  }
  // "For the nine months, net rose from $5 a year earlier": the same months of the previous year, read as a year.
  if (back && g === 'Y' && n === 1 && scan.spanSentence >= 0 && scan.sentenceOf(i) - scan.spanSentence <= 1 && scan.dct) {
    return { ...match(e, 'DATE', shift(dctPoint(scan, 'Y')!, -1, 'Y'), 'dct'), mod };
  }
  if (word === 'ago' || word === 'from') {
    // Deictic: counted from the DCT. "A decade ago" is a year (2014 from 2024), not the decade 201X.
    const p = dctPoint(scan, g === 'E' || g === 'C' ? 'Y' : g);
    if (!p) return { ...match(e, 'DATE', point(g, NaN), 'none'), mod };
    return { ...match(e, 'DATE', shift(p, sign * n, g), 'dct'), mod };
  }
  const nar = narrative(scan);
  if (!nar) return { ...match(e, 'DATE', point(g, NaN), 'none'), mod };
  const base = GRAIN_RANK[nar.p.g] >= GRAIN_RANK[g] ? nar.p : reGrain(nar.p, GRAIN_RANK[nar.p.g] < GRAIN_RANK.M ? nar.p.g : g);
  return { ...match(e, 'DATE', shift(base, sign * n, g), nar.anchor), mod };
}
