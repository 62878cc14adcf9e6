/**
 * The time recognizer's own word scanner. It runs over raw text (so recognition also works without the segment stage)
 * and splits exactly where date grammar needs it: "Sept." -> "Sept" "."; "third-quarter" -> "third" "-" "quarter";
 * "11/02/89", "1998-05-01", "14:30", "1990s", "'80s", "a.m." and "1,000" stay whole.
 */

/** Token kinds. */
export const WORD = 0, NUMBER = 1, PUNCT = 2;

export interface TimeTokens {
  start: number[];
  end: number[];
  /** Lower-cased text. */
  lower: string[];
  kind: number[];
  length: number;
}

// Alternatives are ordered: the first that matches at a position wins.
const TOKEN_RE = new RegExp([
  "[aApP]\\.[mM]\\.",                 // a.m. / p.m.
  "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?", // 1,000  12,000.5
  "\\d+(?:-\\d+){2}(?![\\d-])",        // 1998-05-01, 08-15-90
  "\\d+(?:[:/.]\\d+)+",                // 14:30, 11/02/89, 1.5
  "\\d+(?:st|nd|rd|th|s)\\b",          // 3rd, 1990s
  "\\d+",
  "'\\d\\ds?",                         // '80s, '98
  "'[sS]\\b",                          // possessive
  "[A-Za-z]+",
  "\\S",
].join('|'), 'g');

export function tokenizeForTime(text: string): TimeTokens {
  const start: number[] = [], end: number[] = [], lower: string[] = [], kind: number[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const s = m[0];
    const c = s.charCodeAt(0);
    start.push(m.index);
    end.push(m.index + s.length);
    lower.push(s.toLowerCase());
    kind.push(c >= 48 && c <= 57 ? NUMBER : (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39 ? WORD : PUNCT);
  }
  return { start, end, lower, kind, length: start.length };
}
