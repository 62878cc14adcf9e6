/**
 * claimline's offsets count UTF-16 code units (JavaScript string indices); the W3C Web Annotation
 * TextPositionSelector and brat standoff (Python `str` indices) count Unicode code points. The two differ after
 * every character outside the Basic Multilingual Plane (emoji, some CJK, mathematical letters): each is two code
 * units but one code point. This converts, in O(1) per offset after one pass over the text.
 */

export interface CodePointIndex {
  /** The code-point offset of UTF-16 offset `utf16` (an offset inside a surrogate pair maps to that pair's start). */
  toCodePoint(utf16: number): number;
  /** The number of code points in the text. */
  readonly length: number;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

export function codePointIndex(text: string): CodePointIndex {
  // Most news text has no astral character: the identity needs no table.
  let astral = false;
  for (let i = 0; i < text.length; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) { astral = true; break; }
  }
  if (!astral) return { toCodePoint: (u) => clamp(u, text.length), length: text.length };
  const table = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    table[i] = cp;
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
      table[i + 1] = cp; // the low half belongs to the same code point
      i++;
    }
    cp++;
  }
  table[text.length] = cp;
  return { toCodePoint: (u) => table[clamp(u, text.length)]!, length: cp };
}

function clamp(u: number, max: number): number {
  return u < 0 ? 0 : u > max ? max : u;
}

/**
 * `text.slice(start, end)` counted in code points, for checking converted offsets (and for readers of the
 * exports that have only the text and code-point offsets, as a Python program would).
 */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}
