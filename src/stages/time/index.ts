/**
 * The time stage: tags TIMEX3 expressions in `doc.text` and resolves them against the publication date (or,
 * without one, a dateline found in the text) and the narrative reference time. Relative expressions in a document
 * without any date stay unresolved (`resolved: false`, X placeholders): the machine clock is never a reference.
 */
import type { Doc, Stage } from '../../model/document.js';
import { dayNumber, parseYmd } from './calendar.js';
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

/** How many days the date printed under the headline may be off the metadata date and still be the one counted from. */
const DATE_LINE_SLACK_DAYS = 3;

/**
 * The day relative expressions count from: the publication date, unless the text prints its own date a day or
 * two off it (a feed's UTC timestamp, a page created the evening before): "yesterday" was written against the
 * printed date. A date line far off the metadata is a different story's or a mistake; an "Updated" line is not
 * when the text was written.
 */
function countingDate(doc: Doc): string | null {
  const published = doc.meta.published;
  const found = published ? detectDct(doc.text) : null;
  if (!published || !found || found.date === published.slice(0, 10)) return published;
  const lineStart = doc.text.lastIndexOf('\n', found.start - 1) + 1;
  if (/\bupdated\b/i.test(doc.text.slice(lineStart, found.start))) return published;
  const day = parseYmd(published), printed = parseYmd(found.date);
  if (!day || !printed || Math.abs(dayNumber(day) - dayNumber(printed)) > DATE_LINE_SLACK_DAYS) return published;
  doc.warnings.push({
    message: `time: relative dates counted from the date printed in the text (${found.date}), not the publication date (${published})`,
    span: { start: found.start, end: found.end }, source: 'time', ruleId: 'time/date-line-differs', severity: 'info',
  });
  return found.date;
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
    dct: countingDate(doc),
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
