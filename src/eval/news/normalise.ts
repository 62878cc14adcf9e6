/**
 * The comparison primitives of the news-gold scoring rules (shared/data/news-gold/SCORING.md): name-string
 * normalisation, pronouns, words, and character overlap of spans.
 */

export interface Range {
  start: number;
  end: number;
}

// Trimmed at both ends of a name string: whitespace, quotation marks and . , ; : ! ? … — – ( ) [ ]
const EDGE = `\\s"'“”„«»‘’.,;:!?…—–()\\[\\]`;
const EDGES = new RegExp(`^[${EDGE}]+|[${EDGE}]+$`, 'g');

/**
 * SCORING.md's name string: curly apostrophes → `'`, case-folded, whitespace runs → one space, edges trimmed,
 * a final `'s` removed, a leading `the `, `a ` or `an ` removed.
 */
export function normaliseName(s: string): string {
  let n = s.replace(/[‘’ʼ]/g, "'").toLowerCase().replace(/\s+/g, ' ').replace(EDGES, '');
  n = n.replace(/'s$/, '');
  n = n.replace(/^(the|a|an) /, '');
  return n.trim();
}

const PRONOUNS = new Set([
  'i', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours', 'ourselves', 'you', 'your', 'yours', 'yourself',
  'yourselves', 'he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself', 'it', 'its', 'itself', 'they',
  'them', 'their', 'theirs', 'themselves', 'who', 'whom', 'whose', 'which', 'that', 'this', 'these', 'those', 'one',
]);

/** True for a string that is one personal, relative or demonstrative pronoun (after normalisation). */
export function isPronoun(s: string): boolean {
  return PRONOUNS.has(normaliseName(s));
}

/** Whitespace-separated words of a span text (for the cue's "at most 3 more words"). */
export function wordCount(s: string): number {
  const t = s.trim();
  return t ? t.split(/\s+/).length : 0;
}

/** The normalised words of a phrase (letters and digits), for role comparison. */
export function tokens(s: string): string[] {
  return normaliseName(s).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Characters two spans share. */
export function overlap(a: Range, b: Range): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Spans merged into sorted, disjoint ranges: a statement's content pieces as one set of characters. */
export function charSet(spans: readonly Range[]): Range[] {
  const sorted = spans.filter((s) => s.end > s.start).map((s) => ({ start: s.start, end: s.end }))
    .sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push(s);
  }
  return out;
}

export function setSize(set: readonly Range[]): number {
  let n = 0;
  for (const r of set) n += r.end - r.start;
  return n;
}

/** Characters shared by two character sets from `charSet`. */
export function setOverlap(a: readonly Range[], b: readonly Range[]): number {
  let n = 0;
  let i = 0, j = 0;
  while (i < a.length && j < b.length) {
    n += overlap(a[i]!, b[j]!);
    if (a[i]!.end < b[j]!.end) i++;
    else j++;
  }
  return n;
}

/** The text around a span with the span in brackets, on one line, for `-v` listings. */
export function context(text: string, span: Range, width = 40): string {
  const a = Math.max(0, span.start - width), b = Math.min(text.length, span.end + width);
  return `…${text.slice(a, span.start)}[${text.slice(span.start, span.end)}]${text.slice(span.end, b)}…`.replace(/\s+/g, ' ');
}

/** A span's text on one line, shortened for listings. */
export function clip(s: string, max = 70): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
