/** User text to an FTS5 MATCH expression that can never be a syntax error. */

/**
 * Each whitespace-separated term becomes a quoted string (embedded quotes doubled), so operators, `*`, `:`,
 * parentheses and unbalanced quotes in user text are searched for as text; terms are ANDed. Null when nothing
 * searchable is left.
 */
export function ftsQuery(text: string): string | null {
  const terms = text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t));
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ');
}
