/**
 * The time stage: tags TIMEX3 expressions in `doc.text` and resolves them against the publication date (or,
 * without one, a dateline found in the text) and the narrative reference time. Relative expressions in a document
 * without any date stay unresolved (`resolved: false`, X placeholders): the machine clock is never a reference.
 */
import type { Doc, Stage } from '../../model/document.js';
import { detectDct } from './dct.js';
import { tagTimexes } from './recognize.js';
import { tenseAround, type TenseView } from './tense.js';

export { detectDct } from './dct.js';
export { tagTimexes, type TagOptions, type TagResult } from './recognize.js';

/** Index of the last element of `starts` that is <= x (binary search), or -1. */
function floorIndex(n: number, startOf: (i: number) => number, x: number): number {
  let lo = 0, hi = n - 1, ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(mid) <= x) { ans = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return ans;
}

export function runTime(doc: Doc): void {
  if (!doc.meta.published) {
    const found = detectDct(doc.text);
    if (found) {
      doc.meta.published = found.date;
      doc.meta.publishedSource = 'text';
    }
  }
  const { tokens, sentences } = doc;
  const view: TenseView = {
    lower: (i) => tokens[i]!.lower,
    isVerb: (i) => tokens[i]!.pos === 'VERB' || tokens[i]!.pos === 'AUX',
  };
  const haveTokens = tokens.length > 0;
  const result = tagTimexes(doc.text, {
    dct: doc.meta.published,
    sentenceOf: haveTokens ? (off) => {
      const t = floorIndex(tokens.length, (i) => tokens[i]!.start, off);
      return t < 0 ? 0 : tokens[t]!.sentence;
    } : undefined,
    tenseAt: haveTokens ? (off) => {
      const t = Math.max(0, floorIndex(tokens.length, (i) => tokens[i]!.start, off));
      const s = sentences[tokens[t]!.sentence];
      return s ? tenseAround(view, t, s.tokenStart, s.tokenEnd) : 0;
    } : undefined,
  });
  doc.timexes = result.timexes;
  for (const w of result.warnings) doc.warnings.push(w);
}

export const timeStage: Stage = {
  name: 'time', requires: ['tokens', 'sentences'], assigns: ['timexes'], writesMeta: ['published', 'publishedSource'],
  run: runTime,
};
