/** Search text to an FTS5 MATCH expression: the user's FTS5 syntax when it is meant, plain words otherwise. */

/** A search query that uses FTS5 syntax on purpose but cannot be parsed; the message names the query. */
export class SearchSyntaxError extends Error {
  constructor(readonly query: string, detail: string) {
    super(`cannot parse the search query '${query}': ${detail} (FTS5 syntax: words, "a phrase", a OR b, NOT, prefix*, NEAR(a b))`);
  }
}

/** Operators and punctuation that only mean something in FTS5 syntax; uppercase operators only, as FTS5 does. */
const SYNTAX = /["*()^:+]|\b(?:AND|OR|NOT|NEAR)\b/;

export function usesSyntax(text: string): boolean {
  return SYNTAX.test(text);
}

/**
 * Each whitespace-separated term becomes a quoted string (embedded quotes doubled), so punctuation such as
 * `U.S.-led` is searched for as text; terms are ANDed. Null when nothing searchable is left.
 */
export function plainWordsQuery(text: string): string | null {
  const terms = text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t));
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ');
}

/** Whether an SQLite error is FTS5 refusing the query text (rather than, say, a locked or broken file). */
export function isQuerySyntaxError(e: unknown): boolean {
  const msg = (e as Error)?.message ?? '';
  return /fts5: syntax error|unterminated string|no such column|unknown special query|fts5:/i.test(msg)
    && (e as { code?: string }).code === 'SQLITE_ERROR';
}
