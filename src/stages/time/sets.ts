/** Sets (recurring times): "every Monday", "each year", "every two weeks", "daily". */
import { durationValue } from './duration.js';
import { MONTHS, PARTS_OF_DAY, SEASONS, UNITS, WEEKDAYS } from './lexicon.js';
import { count } from './numerals.js';
import { fixed, type Match, type TimeScan } from './scanner.js';

/** "every Monday", "each year", "every two weeks", "every other week", "each July". */
export function setAt(scan: TimeScan, i: number): Match | null {
  let j = i + 1;
  if (scan.lw(j) === 'other') j++;
  const c = count(scan, j);
  let n = 1;
  if (c && !Number.isNaN(c.n) && scan.lw(j) !== 'a' && scan.lw(j) !== 'an') { n = c.n; j = c.e; }
  if (scan.lw(j - 1) === 'other') n = 2;
  const w = scan.lw(j);
  const u = UNITS.get(w);
  if (u && (!u.plural || n > 1)) {
    if (u.code === 'WE') return fixed(j + 1, 'SET', 'XXXX-WXX-WE');
    return fixed(j + 1, 'SET', durationValue(n, u.code));
  }
  const wd = WEEKDAYS.get(w);
  if (wd) {
    const part = PARTS_OF_DAY.get(scan.lw(j + 1));
    return part ? fixed(j + 2, 'SET', `XXXX-WXX-${wd}T${part}`) : fixed(j + 1, 'SET', `XXXX-WXX-${wd}`);
  }
  const m = MONTHS.get(w);
  if (m && scan.isCap(j)) return fixed(j + 1, 'SET', `XXXX-${String(m).padStart(2, '0')}`);
  const s = SEASONS.get(w);
  if (s) return fixed(j + 1, 'SET', `XXXX-${s}`);
  const part = PARTS_OF_DAY.get(w);
  if (part) return fixed(j + 1, 'SET', `XXXX-XX-XXT${part}`);
  return null;
}

/** "daily", "weekly", "annually": a set when used as an adverb ("paid annually."), not as a modifier ("daily tally"). */
export function setWord(scan: TimeScan, i: number, value: string): Match | null {
  return scan.adverbial(i + 1) ? fixed(i + 1, 'SET', value) : null;
}
