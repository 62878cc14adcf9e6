/**
 * Reference times: what an underspecified or relative expression is counted from. The DCT anchors deictic
 * expressions ("yesterday", "two years ago"); the narrative reference (the last date resolved, moved on by
 * noteReference in reading order) anchors anaphoric ones ("the following week", "a year earlier"); the last
 * quarter named anchors an earnings report's comparisons ("the year-earlier quarter") for PERIOD_REACH sentences.
 * News tells about a day that is often not the publication day: the last day named anchors "the previous day" and a
 * bare clock time in the next sentence, and the story's day (the first day named in the lead) anchors clock times
 * further on and a "today" spoken inside a quotation.
 */
import { dayNumber, weekday } from './calendar.js';
import { SEASON_START, type Unit } from './lexicon.js';
import { dayPoint, ordinal, point, reGrain, shift, type Grain, type Point } from './point.js';
import { match, type Match, type TimeScan } from './scanner.js';
import { FUTURE, PAST, PRESENT } from './tense.js';

/** The calendar grain a duration unit moves a reference by: seconds to hours stay within a day, a weekend is a week. */
export const UNIT_GRAIN: Record<Unit['code'], Grain> = {
  S: 'D', MIN: 'D', H: 'D', D: 'D', W: 'W', WE: 'W', M: 'M', Q: 'Q', Y: 'Y', E: 'E', C: 'C', L: 'C',
};
/** Grains from coarse (century) to fine (day): a reference at least as fine as a grain can be re-expressed at it. */
export const GRAIN_RANK: Record<Grain, number> = { C: 0, E: 1, Y: 2, H: 3, Q: 4, S: 4, M: 5, W: 6, D: 7 };
/** How many sentences a quarter named in an earnings report stays the period that "a year ago" compares with. */
export const PERIOD_REACH = 6;
/** The lead: the sentences (headline and date line included) in which the first day named is the story's day. */
export const LEAD_SENTENCES = 5;
/** How many days from the DCT the story's day may be: news is about the days around publication. */
const STORY_DAY_REACH = 7;

/** Moves the reference times on past match `m`, found at token i. */
export function noteReference(scan: TimeScan, i: number, m: Match): void {
  if (m.point && m.resolved && !m.derived && (m.type === 'DATE' || m.type === 'TIME')) {
    scan.ref = m.point;
    scan.refSentence = scan.sentenceOf(i);
    // Only a period already over can be the one a report compares with "a year ago": a forecast for the
    // current or a later quarter ("losses through the third quarter of 1990") is not the reported period,
    // unless it is a fiscal period or said to have ended ("the fourth quarter ended Aug. 26").
    if ((m.point.g === 'Q' || m.point.g === 'H') && !(afterDct(scan, m.point, -1) && !spanHas(scan, i, m.e, 'fiscal') && scan.lw(m.e) !== 'ended')) {
      scan.periodRef = m.point; scan.periodSentence = scan.refSentence;
    }
    if (m.point.g === 'D') {
      scan.dayRef = m.point; scan.daySentence = scan.refSentence;
      // The date line under the headline is the publication day, not the day the story tells about.
      if (!scan.storyDay && scan.refSentence < LEAD_SENTENCES && !scan.aloneOnLine(i, m.e) && nearDct(scan, m.point)) {
        scan.storyDay = m.point;
      }
    }
  }
  // "For the nine months, ... compared with year-earlier income": the period talked about is now a span of
  // months, no longer the quarter.
  if (m.type === 'DURATION' && /^P\d+M$/.test(m.value)) {
    scan.periodRef = null;
    scan.spanSentence = scan.sentenceOf(i);
  }
}

/** True when a point lies after the DCT's own period of the same grain, plus `slack` periods. */
function afterDct(scan: TimeScan, p: Point, slack: number): boolean {
  const d = dctPoint(scan, p.g);
  return d !== null && !Number.isNaN(p.y) && ordinal(p) > ordinal(d) + slack;
}

/** True when a day lies within STORY_DAY_REACH days of the DCT (or there is no DCT to be near). */
function nearDct(scan: TimeScan, p: Point): boolean {
  return scan.dct === null || Math.abs(dayNumber(p) - dayNumber(scan.dct)) <= STORY_DAY_REACH;
}

/** True when word `w` is among tokens i..e-1. */
function spanHas(scan: TimeScan, i: number, e: number, w: string): boolean {
  for (let k = i; k < e; k++) if (scan.tok.lower[k] === w) return true;
  return false;
}

/** The DCT seen at grain g (its month, quarter, year, ...); null without a DCT. */
export function dctPoint(scan: TimeScan, g: Grain): Point | null {
  return scan.dct ? reGrain(dayPoint(scan.dct), g) : null;
}

/**
 * Base for underspecified dates ("August", "Friday"): a date mentioned earlier in the same sentence ("In October
 * last year ... since August"), else the DCT.
 */
export function base(scan: TimeScan, i: number, narrativeOk = false): { p: Point; anchor: 'dct' | 'narrative' } | null {
  if (narrativeOk && scan.ref && scan.refSentence === scan.sentenceOf(i) && GRAIN_RANK[scan.ref.g] >= GRAIN_RANK.M
    && scan.ref.g !== 'S' && !Number.isNaN(scan.ref.y)) {
    return { p: scan.ref, anchor: 'narrative' };
  }
  return scan.dct ? { p: dayPoint(scan.dct), anchor: 'dct' } : null;
}

/**
 * "the year", "earlier in the month" (at grain g): a date named in the same sentence, else the DCT. The sentence's
 * date counts only if it is as fine as g ("in 1981" names no month) and, when the clause is not in the past, only
 * if it is not over before the DCT's period: "The shuttle, launched on April 12, 1981, will retire at the end of the
 * month" means the DCT's month, "born in March 1950, he died at the end of the month" the date's.
 */
export function sentenceRefOrDct(scan: TimeScan, i: number, g: Grain): { p: Point; anchor: 'dct' | 'narrative' } | null {
  const r = scan.ref;
  if (r && scan.refSentence === scan.sentenceOf(i) && GRAIN_RANK[r.g] >= GRAIN_RANK[g] && r.g !== 'S'
    && !(scan.dct && scan.tense(i) !== PAST && ordinal(reGrain(r, g)) < ordinal(dctPoint(scan, g)!))) {
    return { p: r, anchor: 'narrative' };
  }
  return scan.dct ? { p: dayPoint(scan.dct), anchor: 'dct' } : null;
}

/**
 * The day of a clock time that names none: a day named in this sentence or the one before ("On Saturday morning
 * ... The shooting began at 10:39"), else the story's day, else the DCT.
 */
export function clockDay(scan: TimeScan, i: number): { p: Point; anchor: 'dct' | 'narrative' } | null {
  if (scan.dayRef && scan.sentenceOf(i) - scan.daySentence <= 1) return { p: scan.dayRef, anchor: 'narrative' };
  if (scan.storyDay) return { p: scan.storyDay, anchor: 'narrative' };
  return scan.dct ? { p: dayPoint(scan.dct), anchor: 'dct' } : null;
}

/** The day a "today" (or "yesterday", "tomorrow") inside a quotation is counted from: the story's day, else the DCT. */
export function speechDay(scan: TimeScan, i: number): { p: Point; anchor: 'dct' | 'narrative' } | null {
  if (scan.storyDay && scan.insideQuote(i)) return { p: scan.storyDay, anchor: 'narrative' };
  return scan.dct ? { p: dayPoint(scan.dct), anchor: 'dct' } : null;
}

/** Reference for anaphoric expressions ("the following week", "a year earlier", "that day"). */
export function narrative(scan: TimeScan): { p: Point; anchor: 'dct' | 'narrative' } | null {
  if (scan.ref) return { p: scan.ref, anchor: 'narrative' };
  return scan.dct ? { p: dayPoint(scan.dct), anchor: 'dct' } : null;
}

/**
 * Picks the year of a month/day/season/quarter named without one, from the clause tense: past -> the latest one
 * not after the base, future -> the first one not before it, otherwise the nearest.
 */
export function pickYear(scan: TimeScan, i: number, make: (y: number) => Point, strict = 0, narrativeOk = false): { p: Point; anchor: Match['anchor'] } {
  const b = base(scan, i, narrativeOk);
  if (!b) return { p: make(NaN), anchor: 'none' };
  const baseG = make(b.p.y).g;
  const cur = ordinal(baseG === 'S' ? point('M', b.p.y, b.p.m) : reGrain(b.p, baseG));
  const cands = [make(b.p.y - 1), make(b.p.y), make(b.p.y + 1)];
  const ord = (p: Point) => (p.g === 'S' ? ordinal(point('M', p.y, SEASON_START[p.s]!)) : ordinal(p));
  let tense = strict || scan.tense(i);
  if (!strict && (baseG === 'D' || baseG === 'M')) {
    // A date close to the base is meant whatever the tense ("was extended to Nov. 16" two weeks ahead).
    const near = baseG === 'D' ? 60 : 2;
    for (const c of cands) if (Math.abs(ord(c) - cur) <= near) tense = PRESENT;
  }
  let best = cands[1]!;
  if (tense === PAST) {
    for (const c of cands) if (strict ? ord(c) < cur : ord(c) <= cur) best = c;
  } else if (tense === FUTURE) {
    for (let k = cands.length - 1; k >= 0; k--) if (strict ? ord(cands[k]!) > cur : ord(cands[k]!) >= cur) best = cands[k]!;
  } else {
    let bestD = Infinity;
    for (const c of cands) {
      const d = Math.abs(ord(c) - cur) + (ord(c) > cur ? 0.5 : 0); // ties go to the past: news reports what happened
      if (d < bestD) { bestD = d; best = c; }
    }
  }
  return { p: best, anchor: b.anchor };
}

/** A weekday relative to the base day; `rel` -1 = last, 1 = next, 2 = this (same week), 0 = by tense. */
export function pickWeekday(scan: TimeScan, i: number, wd: number, rel: number): { p: Point; anchor: Match['anchor'] } {
  const b = base(scan, i);
  if (!b || b.p.g !== 'D') {
    if (scan.dct) return pickWeekdayFrom(scan, dayPoint(scan.dct), 'dct', wd, rel, i);
    return { p: point('W', NaN), anchor: 'none' };
  }
  return pickWeekdayFrom(scan, b.p, b.anchor, wd, rel, i);
}

/** The weekday `wd` counted from the day `base` (see pickWeekday for `rel`). */
export function pickWeekdayFrom(scan: TimeScan, base: Point, anchor: Match['anchor'], wd: number, rel: number, i: number) {
  const bw = weekday(base);
  let off: number;
  if (rel === 2) off = wd - bw;
  else {
    const tense = rel || scan.tense(i);
    const back = (bw - wd + 7) % 7, fwd = (wd - bw + 7) % 7;
    if (rel === -1) off = -(back || 7);
    else if (rel === 1) off = fwd || 7;
    // News mostly reports what happened: without a future marker a bare weekday is the latest one (or today).
    else off = tense === FUTURE ? fwd : -back;
  }
  return { p: shift(base, off, 'D'), anchor };
}

/**
 * "the quarter", "the latest quarter": the quarter being talked about, else the one that last ended before the
 * DCT (the one earnings reports are about).
 */
export function currentPeriod(scan: TimeScan, e: number, g: Grain, useRef = true): Match {
  if (useRef && scan.periodRef && scan.periodRef.g === g) return match(e, 'DATE', scan.periodRef, 'narrative');
  const p = dctPoint(scan, g);
  return p ? match(e, 'DATE', shift(p, -1, g), 'dct') : match(e, 'DATE', point(g, NaN, NaN), 'none');
}
