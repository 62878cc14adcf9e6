/** Turning bytes into document text, and the few facts plain text carries about itself. */

/** A decoding failure with a reason fit to show the user. */
export class InputError extends Error {}

// Control characters other than tab, LF, FF and CR; a text file has almost none.
const CONTROL = /[\x01-\x08\x0B\x0E-\x1F\x7F]/g;
const MAX_CONTROL_RATIO = 0.05;
const SNIFF_BYTES = 8192;

/** Decodes UTF-8 bytes into normalised text, or throws `InputError` for empty, binary or non-UTF-8 input. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new InputError('empty file');
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) throw new InputError('binary file (contains NUL bytes)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError('invalid UTF-8 (the file must be UTF-8 encoded)');
  }
  const sample = text.slice(0, SNIFF_BYTES);
  const controls = sample.match(CONTROL)?.length ?? 0;
  if (controls / sample.length > MAX_CONTROL_RATIO) {
    throw new InputError(`binary file (${controls} control characters in the first ${sample.length})`);
  }
  text = normaliseText(text);
  if (text.trim() === '') throw new InputError('empty file (only whitespace)');
  return text;
}

/** The only rewriting done to input text: drop a BOM and unify line ends, so offsets stay predictable. */
export function normaliseText(s: string): string {
  return s.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

const MAX_TITLE_CHARS = 200;

/**
 * A headline is a short first line without closing punctuation, set off by a blank line. It stays in the text
 * (offsets must not move); this only reports it as the title.
 */
export function plainTextTitle(text: string): string | null {
  const m = /^[ \t]*([^\n]+?)[ \t]*\n[ \t]*\n/.exec(text);
  if (!m) return null;
  const line = m[1]!;
  if (line.length >= MAX_TITLE_CHARS) return null;
  if (/[.!?;:…]["'”’)\]]*$/.test(line)) return null;
  return line;
}
