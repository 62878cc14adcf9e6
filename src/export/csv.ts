/**
 * CSV as RFC 4180 writes it: fields separated by commas, records ended by CRLF (every record, the last
 * included), a field quoted when it holds a comma, a double quote, CR or LF, quotes inside doubled. UTF-8.
 *
 * Cells that a spreadsheet would run as a formula are defused the way OWASP recommends ("CSV Injection"):
 * a text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading single quote, so
 * `=HYPERLINK(...)` in a quoted sentence is shown as text, never evaluated. Article text is untrusted, and CSV
 * exports are opened in spreadsheets. Numbers are written as numbers (they cannot carry a formula).
 */

export const CSV_RECORD_END = '\r\n';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One value as a CSV field: null/undefined empty, arrays joined with "; ", objects as JSON. */
export function csvField(value: unknown): string {
  let s: string;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') s = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean') s = value ? 'true' : 'false';
  else if (Array.isArray(value)) s = defuse(value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v ?? ''))).join('; '));
  else if (typeof value === 'object') s = defuse(JSON.stringify(value));
  else s = defuse(String(value));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function defuse(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

export function csvRecord(values: readonly unknown[]): string {
  return values.map(csvField).join(',') + CSV_RECORD_END;
}

/**
 * The columns of a list of rows: the keys of the rows in first-seen order, so that a row type with optional
 * fields still gets one header. Callers that stream give their columns up front instead.
 */
export function columnsOf(rows: readonly object[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}

/** A whole CSV text: a header record, then one record per row (missing keys are empty fields). */
export function toCsv(rows: readonly object[], columns: readonly string[] = columnsOf(rows)): string {
  let out = csvRecord(columns);
  for (const r of rows) out += csvRecord(columns.map((c) => (r as Record<string, unknown>)[c]));
  return out;
}
