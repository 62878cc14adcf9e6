/**
 * Span repairs after tagging, for patterns the training text rarely shows but news about geography often does.
 */
import type { NameSpan } from './decode.js';
import { FEATURE_HEADS } from './types.js';

/**
 * "Gulf of Aden", "Sea of Azov": when a name follows a capitalised natural-feature word and "of", the three parts
 * are one LOC name (the tagger sometimes returns "Gulf" and "Aden" apart, or "Aden" alone).
 */
export function joinFeatureOf(words: readonly string[], spans: NameSpan[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (const s of spans) {
    const head = s.start - 2;
    const joins = head >= 0 && words[s.start - 1] === 'of' && /^[A-Z]/.test(words[head]!)
      && FEATURE_HEADS.has(words[head]!.toLowerCase());
    if (!joins) { out.push(s); continue; }
    const last = out[out.length - 1];
    if (last && last.end > head) {
      if (last.start !== head || last.end !== head + 1) { out.push(s); continue; } // overlaps something else: keep as is
      out.pop();
    }
    out.push({ start: head, end: s.end, type: 'LOC' });
  }
  return out;
}
