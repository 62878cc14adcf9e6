/**
 * Clock times: "5 p.m.", "14:30", "1337EDT", "noon", with a day after them ("10 p.m. Wednesday") when there is one.
 * Numeric dates read a clock time after them ("02/06/1998 22:19"), so this module sits below the date families and
 * reaches them through scan.grammar.
 */
import { clockDay } from './anchor.js';
import { MONTHS, TIME_ZONES, WEEKDAYS } from './lexicon.js';
import { formatPoint } from './point.js';
import { RE_INT, type Match, type TimeScan } from './scanner.js';

const RE_CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** "5 p.m.", "5:30 pm", "14:30", "1337EDT", "noon", "midnight" (+ zone); value without the date part. */
export function clockParts(scan: TimeScan, i: number): { e: number; value: string } | null {
  const w = scan.lw(i);
  let h: number, min = 0, sec: number | null = null, e = i + 1, explicit = false;
  if (w === 'noon') { h = 12; explicit = true; }
  else if (w === 'midnight') return { e: zone(scan, e), value: '24' };
  else {
    const c = RE_CLOCK.exec(w);
    if (c) {
      h = +c[1]!; min = +c[2]!; sec = c[3] ? +c[3] : null; explicit = true;
      if (h > 24 || min > 59 || (sec !== null && sec > 59)) return null;
    } else if (RE_INT.test(w) && w.length <= 2) {
      h = +w;
      if (h < 1 || h > 12) return null;
    } else if (RE_INT.test(w) && w.length === 4 && TIME_ZONES.has(scan.lw(i + 1)) && (scan.touches(i) || scan.isCap(i + 1))) {
      h = +w.slice(0, 2); min = +w.slice(2);
      if (h > 24 || min > 59) return null;
      return { e: i + 2, value: `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}` };
    } else return null;
  }
  const ap = scan.lw(e);
  if (ap === 'a.m.' || ap === 'p.m.' || ap === 'am' || ap === 'pm') {
    if (h! > 12) return null;
    if (ap[0] === 'p' && h! < 12) h! += 12;
    if (ap[0] === 'a' && h! === 12) h = 0;
    e++;
    explicit = true;
  } else if (scan.lw(e) === "o'clock" || (scan.lw(e) === 'o' && scan.lw(e + 1) === "'" && scan.lw(e + 2) === 'clock')) {
    e += scan.lw(e) === 'o' ? 3 : 1; explicit = true;
  }
  if (!explicit) return null;
  if (w === 'noon') return { e: zone(scan, e), value: '12:00' };
  const hh = String(h!).padStart(2, '0'), mi = String(min).padStart(2, '0');
  const value = sec !== null ? `${hh}:${mi}:${String(sec).padStart(2, '0')}` : `${hh}:${mi}`;
  return { e: zone(scan, e), value };
}

/** Token index after a time zone written after a clock time ("5 p.m. EST"), else `e`. */
function zone(scan: TimeScan, e: number): number {
  if (TIME_ZONES.has(scan.lw(e)) && scan.isCap(e)) return e + 1;
  return e;
}

/**
 * A clock time, dated by a day right after it ("10 p.m. Wednesday", "2:30 the next day"), else by a day named
 * later in the sentence ("at 8:30 p.m. (1930 UTC) on August 27"), else as anchor.ts's clockDay says.
 */
export function clock(scan: TimeScan, i: number): Match | null {
  const t = clockParts(scan, i);
  if (!t) return null;
  const e = t.e;
  const k = scan.lw(e) === ',' || scan.lw(e) === 'on' ? e + 1 : e;
  const dayMatch = dayAt(scan, k, true);
  if (dayMatch) {
    return { e: dayMatch.e, type: 'TIME', value: `${dayMatch.value}T${t.value}`, anchor: dayMatch.anchor, resolved: dayMatch.resolved, point: dayMatch.point };
  }
  const later = dayLaterInSentence(scan, i, e);
  const b = later ? { p: later.point!, anchor: later.anchor } : clockDay(scan, i);
  if (!b) return { e, type: 'TIME', value: `XXXX-XX-XXT${t.value}`, anchor: 'none', resolved: false };
  return { e, type: 'TIME', value: `${formatPoint(b.p)}T${t.value}`, anchor: b.anchor, resolved: true, point: b.p };
}

/**
 * A single day at token k: a weekday, a month date, "today"; right after a clock time also "the next day", "the
 * following day".
 */
function dayAt(scan: TimeScan, k: number, adjacent: boolean): Match | null {
  const kw = scan.lw(k);
  let m: Match | null = null;
  if (WEEKDAYS.has(kw)) m = kw.endsWith('s') || !scan.isCap(k) ? null : scan.grammar.weekdayAt(scan, k);
  else if (MONTHS.has(kw)) m = adjacent || scan.isCap(k) ? scan.grammar.monthDate(scan, k) : null;
  else if (kw === 'today' || kw === 'yesterday' || kw === 'tomorrow') m = adjacent ? scan.grammar.deictic(scan, k) : null;
  else if (adjacent && kw === 'the' && scan.lw(k + 2) === 'day' && (scan.lw(k + 1) === 'next' || scan.lw(k + 1) === 'following')) {
    m = scan.grammar.theAt(scan, k);
  }
  return m && m.point && m.point.g === 'D' && m.type === 'DATE' ? m : null;
}

/** The first day named after token e in the same sentence, for a clock time at token i that names none. */
function dayLaterInSentence(scan: TimeScan, i: number, e: number): Match | null {
  const s = scan.sentenceOf(i);
  for (let k = e; k < scan.tok.length && scan.sentenceOf(k) === s; k++) {
    const m = dayAt(scan, k, false);
    if (m) return m;
  }
  return null;
}
