/**
 * Finding a publication date in the text itself when the input carries none: a dateline ("KYIV, June 3, 2024
 * (Reuters) -"), a date line under the headline ("Friday, August 21, 2015", "Published 2024-06-03 14:00").
 * Only full dates with a year count, and only in dateline position: a date inside the story ("invaded on
 * February 24, 2022") is an event date, not the publication date.
 */
import { isValidDate, pad2 } from './calendar.js';
import { MONTHS } from './lexicon.js';

const MONTH_NAMES = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const WEEKDAY = '(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?';
const DATE_FORMS = [
  `${WEEKDAY}${MONTH_NAMES}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`,
  `${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_NAMES},?\\s+(\\d{4})`,
  '(\\d{4})-(\\d{2})-(\\d{2})',
];
/** A date alone on its line, possibly with a label, a weekday and a clock time. */
const LINE_RE = new RegExp(`^\\s*(?:(?:Published|Updated|Posted|Date|Dateline)\\s*:?\\s*(?:on\\s+)?)?(?:${DATE_FORMS.join('|')})(?:[,\\s]+(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?\\s*[A-Z]{0,4})?\\s*[.|]?\\s*$`, 'i');
/** A dateline: upper-case place name, then the date, then an agency or a dash. */
const DATELINE_RE = new RegExp(`^\\s*[A-Z][A-Z .'-]{1,40}(?:,\\s*[A-Za-z .]{2,30})?,?\\s+(?:${DATE_FORMS.join('|')})\\s*(?:\\([A-Za-z .]+\\))?\\s*[-\u2013\u2014_:]`);

/** How far into the text a dateline may appear (headline, byline, date line). */
const HEAD_CHARS = 1200;

export function detectDct(text: string): { date: string; start: number; end: number } | null {
  let lineStart = 0;
  const limit = Math.min(text.length, HEAD_CHARS);
  while (lineStart < limit) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const m = line.length <= 120 ? LINE_RE.exec(line) : null;
    const hit = m ?? DATELINE_RE.exec(line.slice(0, 200));
    if (hit) {
      const found = fromMatch(hit);
      if (found) {
        const idx = line.indexOf(found.text);
        return { date: found.date, start: lineStart + idx, end: lineStart + idx + found.text.length };
      }
    }
    lineStart = lineEnd + 1;
  }
  return null;
}

function fromMatch(m: RegExpExecArray): { date: string; text: string } | null {
  const g = m.slice(1);
  let y: number, mo: number, d: number;
  if (g[0]) { mo = MONTHS.get(g[0].toLowerCase())!; d = +g[1]!; y = +g[2]!; }
  else if (g[3]) { d = +g[3]; mo = MONTHS.get(g[4]!.toLowerCase())!; y = +g[5]!; }
  else if (g[6]) { y = +g[6]; mo = +g[7]!; d = +g[8]!; }
  else return null;
  if (!isValidDate(y, mo, d) || y < 1900 || y > 2199) return null;
  // The matched date text, for the span: re-find it inside the match.
  const dateRe = new RegExp(DATE_FORMS.map((f) => f.replace(WEEKDAY, '')).join('|'), 'i');
  const dm = dateRe.exec(m[0]);
  return { date: `${y}-${pad2(mo)}-${pad2(d)}`, text: dm ? dm[0] : m[0].trim() };
}
