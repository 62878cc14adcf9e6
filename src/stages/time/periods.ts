/**
 * Named calendar periods and days: quarters and halves ("Q3", "the first half"), seasons, holidays, decades
 * ("the 1990s", "'80s") and centuries ("the 20th century").
 */
import { PERIOD_REACH, base, dctPoint, pickYear } from './anchor.js';
import { easter, nthWeekday } from './calendar.js';
import {
  FALL_DETERMINERS, FIXED_HOLIDAYS, GAME_WORDS, MONTHS, MOVABLE_HOLIDAYS, NAME_TITLES, ORDINALS, PERIOD_RESULT_WORDS, SEASONS, SPEAKER_VERBS,
  TIME_PHRASE_STARTS, UNITS,
} from './lexicon.js';
import { spelledYear, yearValue } from './numerals.js';
import { dayPoint, formatPoint, point, shift, type Grain, type Point } from './point.js';
import { RE_DECADE, RE_ORDINAL_NUM, fixed, match, type Match, type TimeScan } from './scanner.js';
import { FUTURE, PAST } from './tense.js';
import { WORD } from './tokenize.js';

/** How many tokens either side of "the first half" a results word makes it a half of a year. */
const PERIOD_WORD_REACH = 10;

/** "third quarter", "third-quarter", "Q3", "the first half of 2024", "fourth quarter of 1984". */
export function quarterAt(scan: TimeScan, i: number, year: number | null = null): Match | null {
  let q: number, e: number;
  let g: Grain = 'Q';
  // "first half" is a half of a year only when something says so; "H1", "fiscal" or "of the year" do.
  let saysYear = false;
  const w = scan.lw(i);
  if (w === 'q' && scan.isNum(i + 1) && scan.touches(i) && /^[1-4]$/.test(scan.lw(i + 1))) {
    q = +scan.lw(i + 1); e = i + 2;
  } else if (w === 'h' && scan.isNum(i + 1) && scan.touches(i) && /^[12]$/.test(scan.lw(i + 1)) && scan.isCap(i)) {
    q = +scan.lw(i + 1); e = i + 2; g = 'H'; saysYear = true;
  } else {
    let j = i;
    if (scan.lw(j) === 'fiscal') { j++; saysYear = true; }
    const ow = scan.lw(j);
    const ord = ORDINALS.get(ow) ?? (RE_ORDINAL_NUM.test(ow) ? +RE_ORDINAL_NUM.exec(ow)![1]! : undefined);
    if (ord === undefined) return null;
    j++;
    if (scan.lw(j) === '-') j++;
    if (scan.lw(j) === 'fiscal') { j++; saysYear = true; }
    const u = scan.lw(j);
    if (u === 'quarter') { if (ord > 4 || ord === 0) return null; }
    else if (u === 'half') { if (ord > 2) return null; g = 'H'; }
    else return null;
    q = ord === -1 ? (g === 'Q' ? 4 : 2) : ord;
    e = j + 1;
  }
  if (year === null && g === 'H' && scan.lw(e) === 'of') {
    // "the last half of the '80s": a part of a decade.
    const k = scan.lw(e + 1) === 'the' ? e + 2 : e + 1;
    const dec = decade(scan, k);
    if (dec) return { ...dec, mod: q === 1 ? 'START' : 'END' };
  }
  if (year === null) {
    const k = scan.lw(e) === 'of' ? e + 1 : e;
    const y = yearValue(scan, k);
    if (y !== null) { year = y; e = k + 1; }
    else if (scan.lw(e) === 'of' && scan.lw(e + 1) === 'the' && scan.lw(e + 2) === 'year') { e += 3; saysYear = true; }
    else if (scan.lw(e) === 'of' && RELATIVE_YEARS.has(scan.lw(e + 1)) && scan.lw(e + 2) === 'year') {
      // "the first quarter of next year": the year counted from the DCT.
      const b = dctPoint(scan, 'Y');
      const p = point(g, b ? b.y + RELATIVE_YEARS.get(scan.lw(e + 1))! : NaN, q);
      return match(e + 3, 'DATE', p, 'dct');
    } else if (scan.lw(e) === 'of' && ofSomethingElse(scan, e + 1)) return null;
  }
  if (year !== null) return match(e, 'DATE', point(g, year, q), 'none');
  // "scored in the fourth quarter": a period of a game, not of the calendar, unless something says year.
  if (!saysYear && gameContext(scan, i, e)) return null;
  // "in the second half" of a match, a film, a speech: not a calendar half without a period context.
  if (g === 'H' && !saysYear && !periodContext(scan, i, e)) return null;
  if (!scan.dct) return match(e, 'DATE', point(g, NaN, q), 'none');
  // The quarter that just ended is what financial news reports on, whatever the tense ("expects to report a
  // third-quarter loss" in October).
  const cur = dctPoint(scan, g)!;
  const justEnded = shift(cur, -1, g);
  if (justEnded.m === q) return match(e, 'DATE', justEnded, 'dct');
  const r = pickYear(scan, i, (y) => point(g, y, q));
  return match(e, 'DATE', r.p, r.anchor);
}

/** "of next year", "of this year", "of last year" after a quarter or half: the year's offset from the DCT's. */
const RELATIVE_YEARS = new Map([['last', -1], ['this', 0], ['next', 1]]);
/** Words that may stand between "of" and the thing a quarter or half is part of ("the second half of their match"). */
const OF_DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their', 'his', 'her', 'our', 'my', 'your']);

/**
 * True when "of" + the words at token k name something other than a stretch of the calendar ("of the match", "of
 * the film", "of his speech"): the quarter or half is a part of that thing. A unit of time, a month, a season, a
 * year or "fiscal" after it keep it a calendar period.
 */
function ofSomethingElse(scan: TimeScan, k: number): boolean {
  if (OF_DETERMINERS.has(scan.lw(k))) k++;
  const w = scan.lw(k);
  if (scan.tok.kind[k] !== WORD || scan.isCap(k) || !/^[a-z]/.test(w)) return false;
  return !UNITS.has(w) && !MONTHS.has(w) && !SEASONS.has(w) && w !== 'fiscal' && w !== 'financial' && w !== 'calendar';
}

/** True when a word of games and their scoring stands near tokens i..e-1 in their sentence ("scored", "goals", "match"). */
function gameContext(scan: TimeScan, i: number, e: number): boolean {
  const s = scan.sentenceOf(i);
  for (let k = Math.max(0, i - PERIOD_WORD_REACH); k < Math.min(scan.tok.length, e + PERIOD_WORD_REACH); k++) {
    if (GAME_WORDS.has(scan.tok.lower[k]!) && scan.sentenceOf(k) === s) return true;
  }
  return false;
}

/**
 * True when the words around tokens i..e-1 talk about reporting periods: a quarter or half named a few sentences
 * back, or a results word in the same sentence ("first-half profit", "sales in the second half").
 */
function periodContext(scan: TimeScan, i: number, e: number): boolean {
  const s = scan.sentenceOf(i);
  if (scan.periodRef && s - scan.periodSentence <= PERIOD_REACH) return true;
  for (let k = Math.max(0, i - PERIOD_WORD_REACH); k < Math.min(scan.tok.length, e + PERIOD_WORD_REACH); k++) {
    if (PERIOD_RESULT_WORDS.has(scan.tok.lower[k]!) && scan.sentenceOf(k) === s) return true;
  }
  return false;
}

/** "spring 2022", "the spring of 2022", "last summer", "this fall", "winter". */
export function season(scan: TimeScan, i: number, start: number, rel: number): Match | null {
  const w = scan.lw(i);
  const s = SEASONS.get(w)!;
  let j = i + 1;
  if (scan.lw(j) === 'of') j++;
  const y = yearValue(scan, j);
  if (y !== null) return match(j + 1, 'DATE', point('S', y, 1, 1, s), 'none');
  const sy = j > i + 1 ? spelledYear(scan, j) : null;
  if (sy) return match(sy.e, 'DATE', point('S', sy.y, 1, 1, s), 'none');
  // "the Arab Spring", "Operation Peace Spring": a name.
  if (scan.continuesName(i)) return null;
  // "fall" is mostly a verb or noun; only take it with a determiner or a year.
  if (w === 'fall' && rel === 0 && scan.lw(start) !== 'the' && !FALL_DETERMINERS.has(scan.lw(i - 1))) return null;
  if (scan.lw(i + 1) === '-' || scan.lw(i + 1) === 'time' || scan.lw(i + 1) === 'season') return null;
  const b = base(scan, i);
  if (!b) return match(i + 1, 'DATE', point('S', NaN, 1, 1, s), 'none');
  if (rel === 2) return match(i + 1, 'DATE', point('S', b.p.y, 1, 1, s), b.anchor);
  const r = pickYear(scan, i, (yy) => point('S', yy, 1, 1, s), rel === 0 ? 0 : rel === -1 ? PAST : FUTURE, true);
  return match(i + 1, 'DATE', r.p, r.anchor);
}

/** A named holiday ("Christmas", "Labor Day", "Easter Monday"), with its year if one follows. */
export function holiday(scan: TimeScan, i: number): Match | null {
  // "illustrator Johnnie Christmas", "the Chinese New Year": a surname, or another calendar's holiday.
  if (scan.continuesName(i)) { scan.holidayNames.add(scan.tok.lower[i]!); return null; }
  if (usedAsName(scan, i)) return null;
  let name = '';
  let best: { e: number; key: string } | null = null;
  for (let k = i; k < Math.min(i + 5, scan.tok.length); k++) {
    const w = scan.tok.lower[k]!;
    name = k === i ? w : w === "'s" || w === '.' ? name + w : `${name} ${w}`;
    if (FIXED_HOLIDAYS.has(name) || MOVABLE_HOLIDAYS.has(name)) best = { e: k + 1, key: name };
  }
  if (!best) return null;
  let e = best.e;
  const y = yearValue(scan, e);
  const dateFor = (yy: number): Point => {
    const fixedDay = FIXED_HOLIDAYS.get(best!.key);
    if (fixedDay) return point('D', yy, fixedDay[0], fixedDay[1]);
    const mv = MOVABLE_HOLIDAYS.get(best!.key)!;
    if (mv[0] === 'easter') return shift(dayPoint(easter(yy)), mv[1], 'D');
    const [m, wd, n] = mv as [number, number, number];
    return dayPoint(nthWeekday(yy, m, wd, n));
  };
  if (y !== null) { e++; return match(e, 'DATE', dateFor(y), 'none'); }
  if (!base(scan, i)) return fixed(e, 'DATE', formatPoint(point('D', NaN, NaN, NaN)));
  const r = pickYear(scan, i, (yy) => (Number.isNaN(yy) ? point('D', NaN, NaN, NaN) : dateFor(yy)));
  return match(e, 'DATE', r.p, r.anchor);
}

/**
 * True when the holiday word at token i names a person: after a title ("Dr. Christmas"), as the one who speaks
 * ("Christmas said", "said Christmas."), or once the text has used it as a surname, anywhere it is not governed by
 * a time word ("Christmas ruled", but "after Christmas"). Remembers the word for the rest of the text.
 */
function usedAsName(scan: TimeScan, i: number): boolean {
  const w = scan.tok.lower[i]!;
  const prev = scan.lw(i - 1);
  const next = scan.lw(i + 1);
  const titled = prev === '.' && NAME_TITLES.has(scan.lw(i - 2)) && scan.isCap(i - 2);
  const speaks = SPEAKER_VERBS.has(next) || (SPEAKER_VERBS.has(prev) && (next === '' || next === ',' || next === '.'))
    || (next === ',' && SPEAKER_VERBS.has(scan.lw(appositionEnd(scan, i + 1))));
  if (titled || speaks) { scan.holidayNames.add(w); return true; }
  return scan.holidayNames.has(w) && !TIME_PHRASE_STARTS.has(prev);
}

/** Longest appositive a name may carry before its verb ("Christmas, a former judge at the court, said"). */
const APPOSITION_REACH = 10;

/** After "X," at token c: the token after an appositive's closing comma ("a former judge,"), or -1. */
function appositionEnd(scan: TimeScan, c: number): number {
  const det = scan.lw(c + 1);
  if (det !== 'a' && det !== 'an' && det !== 'the') return -1;
  for (let k = c + 2; k < Math.min(scan.tok.length, c + APPOSITION_REACH); k++) if (scan.lw(k) === ',') return k + 1;
  return -1;
}

/** "the 20th century" = 19, "the eleventh century" = 10. */
export function century(scan: TimeScan, i: number): Match | null {
  const w = scan.lw(i);
  const om = RE_ORDINAL_NUM.exec(w);
  const n = om ? +om[1]! : ORDINALS.get(w) ?? 0;
  if (n < 1 || n > 30) return null;
  return match(i + 2, 'DATE', point('C', (n - 1) * 100), 'none');
}

/** "the 1990s", "1990's", "'80s". */
export function decade(scan: TimeScan, i: number): Match | null {
  let w = scan.lw(i);
  let e = i + 1;
  let m = RE_DECADE.exec(w);
  if (!m && /^\d{3}0$/.test(w) && scan.lw(i + 1) === "'s") { m = RE_DECADE.exec(`${w}s`); e = i + 2; }
  if (!m && w === "'" && /^\d0s$/.test(scan.lw(i + 1))) { w = `'${scan.lw(i + 1)}`; m = RE_DECADE.exec(w); e = i + 2; }
  if (!m) return null;
  const y = m[1] ? +m[1] * 10 : 1900 + +m[2]! * 10;
  return match(e, 'DATE', point('E', y), 'none');
}
