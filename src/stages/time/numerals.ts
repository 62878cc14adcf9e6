/**
 * Numbers and years as written in text: counts ("two", "twenty four", "a couple of", "2 1/2"), 4-digit years,
 * spelled-out years ("nineteen ninety-six") and two-digit years. Plain readers that return numbers, not matches:
 * every expression family builds on them, so they sit below all of them.
 */
import { NUMBER_WORDS, VAGUE_COUNTS } from './lexicon.js';
import { RE_INT, type TimeScan } from './scanner.js';

const RE_DECIMAL = /^\d+(?:\.\d+)?$/;

/** A count: digits, number words ("twenty four"), "a", "2 1/2", "a couple of", "several" (NaN = vague). */
export function count(scan: TimeScan, i: number): { n: number; e: number; approx?: boolean } | null {
  const w = scan.lw(i);
  if (scan.isNum(i)) {
    if (!RE_DECIMAL.test(w)) return w.includes(',') && !w.includes('.') ? { n: +w.replace(/,/g, ''), e: i + 1 } : null;
    let n = +w;
    let e = i + 1;
    if (scan.lw(e) === '1/2') { n += 0.5; e++; }
    return { n, e };
  }
  if (w === 'a' || w === 'an') {
    const nx = scan.lw(i + 1);
    if (nx === 'couple' && scan.lw(i + 2) === 'of') return { n: 2, e: i + 3, approx: true };
    if (nx === 'few' || nx === 'number') return { n: NaN, e: nx === 'number' && scan.lw(i + 2) === 'of' ? i + 3 : i + 2 };
    if (nx === 'half') return { n: 0.5, e: i + 2 };
    if (nx === 'dozen' || nx === 'hundred') return { n: nx === 'dozen' ? 12 : 100, e: i + 2 };
    return { n: 1, e: i + 1 };
  }
  if (w === 'couple' && scan.lw(i + 1) === 'of') return { n: 2, e: i + 2, approx: true };
  if (VAGUE_COUNTS.has(w)) return { n: NaN, e: i + 1 };
  if (w === 'half' && (scan.lw(i + 1) === 'a' || scan.lw(i + 1) === 'an')) return { n: 0.5, e: i + 2 };
  let n = NUMBER_WORDS.get(w);
  if (n === undefined || n === 0.5) return null;
  let e = i + 1;
  if (n >= 20 && n < 100) {
    const j = scan.lw(e) === '-' ? e + 1 : e;
    const u = NUMBER_WORDS.get(scan.lw(j));
    if (u !== undefined && u >= 1 && u < 10 && scan.lw(j) !== 'a' && scan.lw(j) !== 'an') { n += u; e = j + 1; }
  }
  if (scan.lw(e) === 'hundred') { n *= 100; e++; }
  if (scan.lw(e) === 'thousand') { n *= 1000; e++; }
  if (scan.lw(e) === 'and' && scan.lw(e + 1) === 'a' && scan.lw(e + 2) === 'half') { n += 0.5; e += 3; }
  return { n, e };
}

/** The value of a 4-digit year token in a believable range (1000-2199), else null. */
export function yearValue(scan: TimeScan, i: number): number | null {
  const w = scan.lw(i);
  if (w.length !== 4 || !scan.isNum(i) || !RE_INT.test(w)) return null;
  const y = +w;
  return y >= 1000 && y <= 2199 ? y : null;
}

/** Spelled-out years as read on air: "nineteen ninety-six", "nineteen oh five", "two thousand (and) three". */
export function spelledYear(scan: TimeScan, i: number): { y: number; e: number } | null {
  const w = scan.lw(i);
  if (w === 'nineteen' || w === 'eighteen') {
    const c = w === 'nineteen' ? 1900 : 1800;
    const nx = scan.lw(i + 1);
    if (nx === 'oh' || nx === 'o') {
      const u = NUMBER_WORDS.get(scan.lw(i + 2));
      return u && u >= 1 && u <= 9 ? { y: c + u, e: i + 3 } : null;
    }
    const tail = count(scan, i + 1);
    if (!tail || Number.isNaN(tail.n) || tail.n < 10 || tail.n > 99 || scan.isNum(i + 1) || nx === 'a' || nx === 'an') return null;
    return { y: c + tail.n, e: tail.e };
  }
  if (w === 'two' && scan.lw(i + 1) === 'thousand') {
    let e = i + 2;
    if (scan.lw(e) === 'and') e++;
    const tail = count(scan, e);
    if (tail && !Number.isNaN(tail.n) && tail.n >= 1 && tail.n < 100 && !scan.isNum(e) && scan.lw(e) !== 'a' && scan.lw(e) !== 'an') return { y: 2000 + tail.n, e: tail.e };
    return { y: 2000, e: i + 2 };
  }
  return null;
}

/** Expands a two-digit year to the century closest to the DCT (or 19xx/20xx around 1950/2050 without one). */
export function fullYear(scan: TimeScan, yy: number): number {
  const ref = scan.dct ? scan.dct.y : 2000;
  let best = 1900 + yy, bestD = Infinity;
  for (const c of [1800, 1900, 2000, 2100]) {
    const d = Math.abs(c + yy - ref) + (c + yy > ref + 10 ? 50 : 0);
    if (d < bestD) { bestD = d; best = c + yy; }
  }
  return best;
}
