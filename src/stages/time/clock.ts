/**
 * Clock times: "5 p.m.", "14:30", "1337EDT", "noon", with a day after them ("10 p.m. Wednesday") when there is one.
 * Numeric dates read a clock time after them ("02/06/1998 22:19"), so this module sits below the date families and
 * reaches them through scan.grammar.
 */
import { MONTHS, TIME_ZONES, WEEKDAYS } from './lexicon.js';
import { dayPoint, formatPoint } from './point.js';
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

/** A clock time, dated by a day after it, else by a day named in the sentence, else by the DCT. */
export function clock(scan: TimeScan, i: number): Match | null {
  const t = clockParts(scan, i);
  if (!t) return null;
  let e = t.e;
  // A day after the time: "5 p.m. EST, Nov. 6", "10 p.m. Wednesday", "noon Saturday", "8 a.m. today".
  const k = scan.lw(e) === ',' || scan.lw(e) === 'on' ? e + 1 : e;
  let dayMatch: Match | null = null;
  const kw = scan.lw(k);
  if (WEEKDAYS.has(kw)) dayMatch = scan.grammar.weekdayAt(scan, k);
  else if (MONTHS.has(kw)) dayMatch = scan.grammar.monthDate(scan, k);
  else if (kw === 'today' || kw === 'yesterday' || kw === 'tomorrow') dayMatch = scan.grammar.deictic(scan, k);
  if (dayMatch && dayMatch.point && dayMatch.point.g === 'D' && dayMatch.type === 'DATE') {
    e = dayMatch.e;
    return { e, type: 'TIME', value: `${dayMatch.value}T${t.value}`, anchor: dayMatch.anchor, resolved: dayMatch.resolved, point: dayMatch.point };
  }
  const b = scan.ref && scan.ref.g === 'D' && scan.refSentence === scan.sentenceOf(i)
    ? { p: scan.ref, anchor: 'narrative' as const } : scan.dct ? { p: dayPoint(scan.dct), anchor: 'dct' as const } : null;
  if (!b) return { e, type: 'TIME', value: `XXXX-XX-XXT${t.value}`, anchor: 'none', resolved: false };
  return { e, type: 'TIME', value: `${formatPoint(b.p)}T${t.value}`, anchor: b.anchor, resolved: true, point: b.p };
}
