/**
 * Calendar arithmetic on proleptic Gregorian dates, all in UTC so the machine's time zone never leaks into a value.
 * Weeks are ISO weeks (TIMEX3 `2024-W23` is ISO 8601).
 */

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function addDays(p: Ymd, n: number): Ymd {
  const t = new Date(Date.UTC(p.y, p.m - 1, p.d) + n * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Days since 1970-01-01: the difference of two is the number of days between them. */
export function dayNumber(p: Ymd): number {
  return Math.round(Date.UTC(p.y, p.m - 1, p.d) / DAY_MS);
}

/** Adds months, clamping the day ("January 31 + 1 month" is February 28/29, not March 3). */
export function addMonths(p: Ymd, n: number): Ymd {
  const idx = p.y * 12 + (p.m - 1) + n;
  const y = Math.floor(idx / 12);
  const m = idx - y * 12 + 1;
  return { y, m, d: Math.min(p.d, daysInMonth(y, m)) };
}

/** ISO weekday, Monday = 1 ... Sunday = 7. */
export function weekday(p: Ymd): number {
  const w = new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO week-numbering year and week of a date. */
export function isoWeek(p: Ymd): { y: number; w: number } {
  const thursday = addDays(p, 4 - weekday(p));
  const jan1 = Date.UTC(thursday.y, 0, 1);
  const w = Math.floor((Date.UTC(thursday.y, thursday.m - 1, thursday.d) - jan1) / DAY_MS / 7) + 1;
  return { y: thursday.y, w };
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function pad4(n: number): string {
  return n < 0 ? String(n) : String(n).padStart(4, '0');
}

export function fmtDay(p: Ymd): string {
  return `${pad4(p.y)}-${pad2(p.m)}-${pad2(p.d)}`;
}

export function fmtWeek(p: Ymd): string {
  const { y, w } = isoWeek(p);
  return `${pad4(y)}-W${pad2(w)}`;
}

/** Parses `YYYY-MM-DD` (optionally followed by a time part, ignored); null when not a valid date. */
export function parseYmd(s: string | null | undefined): Ymd | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return null;
  const y = +m[1]!, mo = +m[2]!, d = +m[3]!;
  return isValidDate(y, mo, d) ? { y, m: mo, d } : null;
}

/** Western Easter Sunday (anonymous Gregorian computus). */
export function easter(y: number): Ymd {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { y, m: month, d: ((h + l - 7 * m + 114) % 31) + 1 };
}

/** The n-th (1-based; -1 = last) given ISO weekday of a month: Thanksgiving, Labor Day, Memorial Day. */
export function nthWeekday(y: number, m: number, wd: number, n: number): Ymd {
  if (n > 0) {
    const first = weekday({ y, m, d: 1 });
    return { y, m, d: 1 + ((wd - first + 7) % 7) + (n - 1) * 7 };
  }
  const lastDay = daysInMonth(y, m);
  const last = weekday({ y, m, d: lastDay });
  return { y, m, d: lastDay - ((last - wd + 7) % 7) };
}
