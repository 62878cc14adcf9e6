/** Weekdays ("Friday", "Saturday, April 25", "Monday night", "on Mondays") and weekends. */
import { pickWeekday } from './anchor.js';
import { weekday } from './calendar.js';
import { monthDate } from './dates.js';
import { MONTHS, PARTS_OF_DAY, WEEKDAYS } from './lexicon.js';
import { dayPoint, formatPoint, reGrain, shift, type Point } from './point.js';
import { fixed, match, type Match, type TimeScan } from './scanner.js';
import { PAST } from './tense.js';

/** A weekday name at token i; `rel` -1 = last, 1 = next, 2 = this week, 0 = by tense. */
export function weekdayAt(scan: TimeScan, i: number, rel = 0): Match | null {
  const w = scan.tok.lower[i]!;
  const wd = WEEKDAYS.get(w)!;
  if (w.endsWith('s')) return fixed(i + 1, 'SET', `XXXX-WXX-${wd}`); // "on Mondays"

  if (!scan.isCap(i)) return null;
  // "Monday and Tuesday nights": the plural on the last day makes both a recurring set.
  const conj = scan.lw(i + 1);
  if ((conj === 'and' || conj === 'or') && WEEKDAYS.has(scan.lw(i + 2)) && scan.lw(i + 3) === 'nights') {
    return fixed(i + 1, 'SET', `XXXX-WXX-${wd}TNI`);
  }
  let j = i + 1;
  if (scan.lw(j) === ',') j++;
  if (MONTHS.has(scan.lw(j))) {
    const md = monthDate(scan, j);
    if (md && md.point?.g === 'D') {
      // "Saturday, April 25" without a year: the nearby year in which April 25 is a Saturday.
      if (md.anchor !== 'none' && weekday(md.point) !== wd) {
        for (const dy of [1, -1]) {
          const alt = shift(md.point, dy, 'Y');
          if (weekday(alt) === wd) return match(md.e, 'DATE', alt, md.anchor);
        }
      }
      return md;
    }
  }
  const pw = scan.lw(i + 1);
  const part = PARTS_OF_DAY.get(pw);
  if (part && pw.endsWith('s')) return fixed(i + 2, 'SET', `XXXX-WXX-${wd}T${part}`);
  if (part) {
    const r = pickWeekday(scan, i, wd, rel);
    return { ...match(i + 2, 'TIME', r.p, r.anchor), value: `${formatPoint(r.p)}T${part}` };
  }
  const r = pickWeekday(scan, i, wd, rel);
  if (Number.isNaN(r.p.y)) return { ...match(i + 1, 'DATE', r.p, 'none'), value: `XXXX-WXX-${wd}` };
  return match(i + 1, 'DATE', r.p, r.anchor);
}

/**
 * A weekend: `rel` -1 last, 1 next, 2 this; 0 by tense (past: the one just gone, else the coming one). "This
 * weekend" in the past tense on a weekday is the one just gone ("the fair took place this weekend", on Wednesday).
 */
export function weekend(scan: TimeScan, e: number, rel: number, i: number): Match {
  if (!scan.dct) return fixed(e, 'DATE', 'XXXX-WXX-WE');
  const base = dayPoint(scan.dct);
  const wd = weekday(base);
  const tense = rel === 2 ? (wd < 6 && scan.tense(i) === PAST ? PAST : 0) : rel || scan.tense(i);
  let sat: Point;
  if ((rel === 2 && tense !== PAST) || wd >= 6) sat = shift(base, 6 - wd, 'D');
  else if (tense === PAST) sat = shift(base, -(wd + 1), 'D');
  else sat = shift(base, 6 - wd, 'D');
  if (rel === -1 && wd >= 6) sat = shift(sat, -7, 'D');
  if (rel === 1 && wd >= 6) sat = shift(sat, 7, 'D');
  const p = reGrain(sat, 'W');
  return { ...match(e, 'DATE', p, 'dct'), value: `${formatPoint(p)}-WE` };
}
