/**
 * Calendar points at TIMEX3 granularities and their arithmetic: what "a year earlier" means depends on whether the
 * reference is a day, a quarter or a year, so relative expressions shift a Point and keep its granularity.
 */
import {
  addDays, addMonths, fmtDay, fmtWeek, isoWeek, pad2, pad4, type Ymd,
} from './calendar.js';

/** C century, E decade, Y year, H half, Q quarter, S season, M month, W ISO week, D day. */
export type Grain = 'C' | 'E' | 'Y' | 'H' | 'Q' | 'S' | 'M' | 'W' | 'D';

export interface Point {
  g: Grain;
  /** Year; NaN when unknown (formatted as XXXX). */
  y: number;
  /** Month 1-12 (M, D), quarter 1-4 (Q), half 1-2 (H), season code index via `s`. */
  m: number;
  d: number;
  /** Season code (SP, SU, FA, WI) when g === 'S'. */
  s: string;
}

export function dayPoint(p: Ymd): Point {
  return { g: 'D', y: p.y, m: p.m, d: p.d, s: '' };
}

/** An unknown year (NaN) leaves unspecified fields unknown too, so they print as X placeholders. */
export function point(g: Grain, y: number, m = Number.isNaN(y) ? NaN : 1, d = Number.isNaN(y) ? NaN : 1, s = ''): Point {
  return { g, y, m, d, s };
}

const yearStr = (y: number) => (Number.isNaN(y) ? 'XXXX' : pad4(y));

export function formatPoint(p: Point): string {
  switch (p.g) {
    case 'C': return Number.isNaN(p.y) ? 'XX' : pad2(Math.floor(p.y / 100));
    case 'E': return Number.isNaN(p.y) ? 'XXX' : String(Math.floor(p.y / 10)).padStart(3, '0');
    case 'Y': return yearStr(p.y);
    case 'H': return `${yearStr(p.y)}-H${Number.isNaN(p.m) ? 'X' : p.m}`;
    case 'Q': return `${yearStr(p.y)}-Q${Number.isNaN(p.m) ? 'X' : p.m}`;
    case 'S': return `${yearStr(p.y)}-${p.s}`;
    case 'M': return `${yearStr(p.y)}-${Number.isNaN(p.m) ? 'XX' : pad2(p.m)}`;
    case 'W': return Number.isNaN(p.y) ? 'XXXX-WXX' : fmtWeek(p);
    case 'D':
      if (Number.isNaN(p.y)) return `XXXX-${Number.isNaN(p.m) ? 'XX' : pad2(p.m)}-${Number.isNaN(p.d) ? 'XX' : pad2(p.d)}`;
      return fmtDay(p);
  }
}

/** Shifts a point by n units of its own grain (or of `unit` when given, re-expressed at the point's grain). */
export function shift(p: Point, n: number, unit: Grain = p.g): Point {
  if (Number.isNaN(p.y)) return p;
  switch (unit) {
    case 'C': return { ...p, y: p.y + 100 * n };
    case 'E': return { ...p, y: p.y + 10 * n };
    case 'Y': return { ...p, y: p.y + n };
    case 'H': {
      if (p.g !== 'H') return reGrain(shift(p, 6 * n, 'M'), p.g);
      const idx = p.y * 2 + p.m - 1 + n;
      return { ...p, y: Math.floor(idx / 2), m: (idx % 2 + 2) % 2 + 1 };
    }
    case 'Q': {
      if (p.g !== 'Q') return reGrain(shift(p, 3 * n, 'M'), p.g);
      const idx = p.y * 4 + p.m - 1 + n;
      const y = Math.floor(idx / 4);
      return { ...p, y, m: idx - y * 4 + 1 };
    }
    case 'S': return { ...p, y: p.y + Math.floor(n / 4) };
    case 'M': {
      if (p.g === 'Q') return shift(p, Math.trunc(n / 3), 'Q');
      if (p.g === 'Y' || p.g === 'E' || p.g === 'C') return shift(p, Math.trunc(n / 12), 'Y');
      const r = addMonths({ y: p.y, m: p.m, d: p.d }, n);
      return { ...p, ...r };
    }
    case 'W':
    case 'D': {
      if (p.g === 'M' || p.g === 'Y' || p.g === 'Q') return p;
      const r = addDays({ y: p.y, m: p.m, d: p.d }, unit === 'W' ? 7 * n : n);
      return { ...p, ...r };
    }
  }
}

/** The same instant seen at another granularity (a day's month, a month's quarter, ...). */
export function reGrain(p: Point, g: Grain): Point {
  if (g === 'Q' && (p.g === 'M' || p.g === 'D' || p.g === 'W')) return { ...p, g, m: Math.floor((p.m - 1) / 3) + 1 };
  if (g === 'H' && (p.g === 'M' || p.g === 'D' || p.g === 'W')) return { ...p, g, m: p.m <= 6 ? 1 : 2 };
  return { ...p, g };
}

/** Index of a point on a monotone axis of its own grain, to compare two points of the same grain. */
export function ordinal(p: Point): number {
  switch (p.g) {
    case 'M': return p.y * 12 + p.m;
    case 'Q': return p.y * 4 + p.m;
    case 'H': return p.y * 2 + p.m;
    case 'W': { const w = isoWeek(p); return w.y * 53 + w.w; }
    case 'D': return (p.y * 12 + p.m) * 31 + p.d;
    default: return p.y;
  }
}
