/**
 * Publication dates arrive as plain dates (metadata, `--published`), ISO timestamps (HTML meta, JSONL) or
 * RFC-822 dates (RSS). All become YYYY-MM-DD; the date is kept as the publisher wrote it (no time-zone shift),
 * because that is the calendar date the report's relative expressions ("yesterday") were written against.
 */

import type { Diagnostic } from '../model/format.js';
import { inputWarning } from './types.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
// [Mon, ]12 Sep 2015[ 10:00[:00][ +0000|GMT|EST...]]
const RFC822 = /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*(?:[+-]\d{4}|[a-z]{1,5}))?)?$/i;

/** Returns YYYY-MM-DD, or null when `s` is not a date we accept or names an impossible day (2015-02-30). */
export function parsePublished(s: string): string | null {
  const t = s.trim();
  const iso = ISO.exec(t);
  if (iso) {
    if (iso[4] !== undefined && !validTime(iso[4], iso[5]!, iso[6])) return null;
    return formatDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  }
  const rfc = RFC822.exec(t);
  if (rfc) {
    const month = MONTHS.indexOf(rfc[2]!.toLowerCase()) + 1;
    if (month === 0) return null;
    if (rfc[4] !== undefined && !validTime(rfc[4], rfc[5]!, rfc[6])) return null;
    let year = Number(rfc[3]);
    // RFC 822 allowed two-digit years; read them the way RFC 2822 says to.
    if (rfc[3]!.length === 2) year += year < 50 ? 2000 : 1900;
    return formatDate(year, month, Number(rfc[1]));
  }
  return null;
}

function validTime(h: string, m: string, s: string | undefined): boolean {
  return Number(h) <= 23 && Number(m) <= 59 && (s === undefined || Number(s) <= 60);
}

function formatDate(year: number, month: number, day: number): string | null {
  if (year < 1 || month < 1 || month > 12 || day < 1) return null;
  // Date.UTC rolls over impossible days (Feb 30 → Mar 2); a round trip catches that.
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Normalises an optional date field, recording a warning instead of failing the document when it is bad. */
export function publishedOrWarn(value: unknown, warnings: Diagnostic[], what: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  const parsed = typeof value === 'string' ? parsePublished(value) : null;
  if (parsed === null) {
    warnings.push(inputWarning('unparsable-date', `unparsable ${what} date ${JSON.stringify(value)}; published left empty`));
  }
  return parsed;
}
