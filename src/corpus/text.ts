/**
 * Text normalisation shared by the corpus layers: words, paragraphs, a crude stemmer and the English function
 * words that carry no proposition. General linguistic knowledge only.
 */

const WORD = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu;

/** Lower-cased words with diacritics removed ("Zürich" → "zurich"). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) out.push(fold(m[0]).replace(/[’']/g, "'"));
  return out;
}

/** Removes combining diacritics; cheap for the ASCII common case. */
export function fold(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(s) ? s : s.normalize('NFKD').replace(/\p{M}+/gu, '');
}

export interface ParagraphRange { start: number; end: number }

/**
 * Paragraphs as blank-line separated blocks; a text with no blank line falls back to single line breaks, so a
 * wire copy that lost its blank lines still splits the same way.
 */
export function paragraphs(text: string): ParagraphRange[] {
  const sep = /\n[ \t]*\n/.test(text) ? /\n[ \t]*\n\s*/g : /\n\s*/g;
  const out: ParagraphRange[] = [];
  let last = 0;
  for (const m of text.matchAll(sep)) {
    push(out, text, last, m.index);
    last = m.index + m[0].length;
  }
  push(out, text, last, text.length);
  return out;
}

function push(out: ParagraphRange[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end });
}

/** Function words: articles, pronouns, auxiliaries, prepositions, conjunctions, common adverbs. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set((
  'a an the this that these those there here and or but nor so yet if then than as of in on at by for with about '
  + 'against between into through during before after above below to from up down out off over under again '
  + 'further once all any both each few more most other some such no not only own same too very can will just '
  + 'should would could may might must shall do does did doing done have has had having be is am are was were '
  + 'been being i me my we our us you your he him his she her it its they them their what which who whom whose '
  + 'when where why how also still even already now later today yesterday said says say saying told tell '
  + 'according per while because since until although though whether ever never s t mr mrs ms dr one'
).split(' '));

/** Negation words that flip a proposition's polarity. */
export const NEGATIONS: ReadonlySet<string> = new Set(['not', "n't", 'no', 'never', 'none', 'nothing', 'neither', 'nor']);

/**
 * A crude suffix stripper (plural, past, progressive, adverb), enough to let "killed"/"kills"/"killing" and
 * "attack"/"attacks" meet; it never needs to produce real words.
 */
export function stem(w: string): string {
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('ing') && w.length > 5) return undouble(w.slice(0, -3));
  if (w.endsWith('ed') && w.length > 4) return undouble(w.slice(0, -2));
  if (w.endsWith('ly') && w.length > 5) return w.slice(0, -2);
  if (w.endsWith('es') && /(?:ss|sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) return w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  if (w.length > 3 && w[w.length - 1] === w[w.length - 2] && !/[aeiouls]/.test(w[w.length - 1]!)) return w.slice(0, -1);
  return w.endsWith('e') && w.length > 4 ? w.slice(0, -1) : w;
}

/** Content stems of a text: words minus function words, stemmed. */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) if (!FUNCTION_WORDS.has(w) && !NEGATIONS.has(w)) out.push(stem(w));
  return out;
}

/** Days between two ISO dates (YYYY-MM-DD prefixes); null when either lacks a day. */
export function dayNumber(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? Math.round(t / 86400000) : null;
}
