/**
 * `claimline/1` output carries no sentence boundaries, but the store and the Markdown report need each item's
 * sentence (timeline text, "does this sentence mention X"). This recovers it from the text with the usual
 * end-of-sentence rule.
 */

// Words after which a full stop rarely ends a sentence in news text.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'sgt', 'capt', 'prof', 'jr', 'sr',
  'inc', 'co', 'corp', 'ltd', 'no', 'vs', 'etc', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e',
]);

/** Is there a sentence break between `text[i-1]` and `text[i]` (where `text[i]` is whitespace)? */
function breaksAt(text: string, i: number): boolean {
  if (text[i] === '\n' && text[i + 1] === '\n') return true;
  if (i > 0 && text[i - 1] === '\n' && text[i] === '\n') return true;
  let j = i - 1;
  while (j >= 0 && /["'”’)\]]/.test(text[j]!)) j--;
  if (j < 0 || !/[.!?]/.test(text[j]!)) return false;
  if (text[j] !== '.') return true;
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, j - 12), j))?.[1] ?? '';
  // "J. Smith", "U.S. officials": a single letter or a known abbreviation before the stop.
  return !(word.length === 1 || ABBREVIATIONS.has(word.toLowerCase()));
}

/** The `[start, end)` of the sentence(s) containing `[start, end)`, trimmed of surrounding whitespace. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0 && !(/\s/.test(text[s - 1]!) && breaksAt(text, s - 1))) s--;
  let e = Math.max(end, start);
  while (e < text.length && !(/\s/.test(text[e]!) && breaksAt(text, e))) e++;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}
