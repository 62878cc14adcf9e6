/** Phrases that start with "the": "the year", "the third quarter", "the 1990s", "the past", "the near future". */
import { currentPeriod, dctPoint, narrative, sentenceRefOrDct } from './anchor.js';
import { fiscal } from './dates.js';
import { durationValue } from './duration.js';
import {
  ADVERB_FOLLOWERS, CLOCK_WORDS, DECADE_WORDS, MONTHS, NUMBER_WORDS, ORDINALS, PARTS_OF_DAY, PART_FOLLOWERS,
  POSITION_MODS, POSITION_NOUNS, RELATIVE_WORDS, SEASONS, SPAN_PREPOSITIONS, UNITS, VAGUE_COUNTS, WEEKDAYS,
} from './lexicon.js';
import { duration } from './numbers.js';
import { spelledYear, yearValue } from './numerals.js';
import { century, decade, quarterAt, season } from './periods.js';
import { formatPoint, point, reGrain, shift, type Grain } from './point.js';
import { positionOf, positioned, relative, vaguePlural, yearEarlier } from './relative.js';
import { fixed, match, type Match, type TimeScan } from './scanner.js';
import { WORD } from './tokenize.js';
import { weekend } from './weekdays.js';

/** "the ..." — durations, quarters, decades, centuries, anaphoric periods, "the past", "the future". */
export function theAt(scan: TimeScan, i: number): Match | null {
  const j = i + 1;
  const w = scan.lw(j);
  if (RELATIVE_WORDS.has(w) || w === 'first' || w === 'final') {
    if (w === 'past' && !startsTimeNoun(scan, j + 1)) return fixed(j + 1, 'DATE', 'PAST_REF');
    const r = relative(scan, j, i, true);
    if (r) return r;
    if (w === 'first' || w === 'last' || w === 'final') {
      const q = quarterAt(scan, j);
      if (q) return q;
    }
    return null;
  }
  if (w === 'future') return fixed(j + 1, 'DATE', 'FUTURE_REF');
  if ((w === 'near' || w === 'foreseeable' || w === 'distant') && scan.lw(j + 1) === 'future') return fixed(j + 2, 'DATE', 'FUTURE_REF');
  if ((w === 'near' || w === 'short') && scan.lw(j + 1) === 'term') return fixed(j + 2, 'DATE', 'FUTURE_REF');
  if (w === 'coming' || w === 'recent') return vaguePlural(scan, j);
  // "the third-quarter loss", "the 23-year rule": an adjective; "the" belongs to the noun phrase.
  if (scan.lw(j + 1) === '-' && scan.lw(j + 2) !== 'earlier' && scan.lw(j + 2) !== 'ago' && !POSITION_MODS.has(w)) return null;
  if (scan.isNum(j)) {
    const dec = decade(scan, j);
    if (dec) return dec;
    if (scan.lw(j + 1) === 'century') return century(scan, j);
    const y = yearValue(scan, j);
    if (y !== null) {
      const q = quarterAt(scan, j + 1, y);
      if (q) return q;
      const nw = scan.lw(j + 1);
      if (nw === 'period' || nw === 'quarter') {
        // "the 1988 period": the period under discussion (a quarter in earnings reports), in 1988.
        const pr = scan.periodRef;
        const g: Grain = nw === 'quarter' || !pr ? 'Q' : pr.g;
        const src = pr && pr.g === g ? pr : scan.dct ? shift(dctPoint(scan, g)!, -1, g) : null;
        if (src) return { ...match(j + 2, 'DATE', { ...src, y }, 'narrative'), derived: true };
      }
      return null;
    }
    const d = duration(scan, j, i);
    return d && d.type === 'DURATION' ? d : null;
  }
  if (w === "'" || w.startsWith("'")) return decade(scan, j);
  const dw = DECADE_WORDS.get(w);
  if (dw !== undefined) return match(j + 1, 'DATE', point('E', dw), 'none');
  const ord = ORDINALS.get(w);
  if (ord && ord > 0 && scan.lw(j + 1) === 'century') return century(scan, j);
  if (ord && ord > 0 && scan.lw(j + 1) === 'day' && scan.lw(j + 2) === 'of') {
    // "today is the eighth day of the strike", "it's the second day of an offensive": the day spoken from.
    const verb = scan.lw(i - 1), subj = scan.lw(i - 2);
    if ((verb === 'is' || verb === "'s") && (subj === 'today' || subj === 'it' || subj === 'this')) {
      const p = dctPoint(scan, 'D');
      return p ? match(j + 2, 'DATE', p, 'dct') : null;
    }
  }
  if (ord && ord > 0) return quarterAt(scan, j);
  if (POSITION_MODS.has(w)) {
    const p = positioned(scan, j);
    if (p) return p;
  }
  const pos = POSITION_NOUNS.get(w);
  if (pos && scan.lw(j + 1) === 'of') return endOfTheDayIdiom(scan, i) ? null : positionOf(scan, j + 2, pos);
  if (w === 'year' && (scan.lw(j + 1) === '-' && (scan.lw(j + 2) === 'earlier' || scan.lw(j + 2) === 'ago'))) return yearEarlier(scan, j, i);
  if (w === 'comparable' || w === 'corresponding') {
    if (scan.lw(j + 1) === 'year' && scan.lw(j + 2) === '-') return yearEarlier(scan, j + 1, i);
  }
  if (w === 'fiscal') {
    const f = fiscal(scan, j);
    if (f) return f;
  }
  if (w === 'weekend') return weekend(scan, j + 1, 0, i);
  const dayPart = PARTS_OF_DAY.get(w);
  if (dayPart && w !== 'night' && !w.endsWith('s') && (scan.lw(i - 1) === 'in' || scan.lw(i - 1) === 'during')
    && (scan.tok.kind[j + 1] !== WORD || PART_FOLLOWERS.has(scan.lw(j + 1)) || ADVERB_FOLLOWERS.has(scan.lw(j + 1)))
    && scan.lw(j + 1) !== 'of' && !CLOCK_WORDS.has(scan.lw(i - 2)) && !scan.isNum(i - 2)) {
    // "placed orders in the morning": that part of the day being told about (a day named in this sentence or
    // the one before), else of the DCT. Not "the morning meetings" (a noun modifier) nor "three o'clock in the
    // morning" (a clock time).
    const r = scan.ref;
    const p = r && r.g === 'D' && !Number.isNaN(r.y) && scan.sentenceOf(i) - scan.refSentence <= 1 ? r : dctPoint(scan, 'D');
    if (!p) return fixed(j + 1, 'TIME', `XXXX-XX-XXT${dayPart}`);
    return { ...match(j + 1, 'TIME', p, p === r ? 'narrative' : 'dct'), value: `${formatPoint(p)}T${dayPart}` };
  }
  if (SEASONS.has(w)) return season(scan, j, i, 0);
  if (NUMBER_WORDS.has(w) && w !== 'a' && w !== 'an' || VAGUE_COUNTS.has(w)) {
    const d = duration(scan, j, i);
    return d && d.type === 'DURATION' ? d : null;
  }
  if (w === 'quarter' || (w === 'period' && scan.periodRef?.g === 'Q')) {
    const cp = currentPeriod(scan, j + 1, 'Q');
    // "the quarter a year ago"
    if (cp.point && scan.lw(j + 1) === 'a' && scan.lw(j + 2) === 'year' && (scan.lw(j + 3) === 'ago' || scan.lw(j + 3) === 'earlier')) {
      return { ...match(j + 4, 'DATE', shift(cp.point, -1, 'Y'), cp.anchor), derived: true };
    }
    return cp;
  }
  if ((w === 'fiscal' || w === 'full') && scan.lw(j + 1) === 'year') return theYear(scan, j + 1, i);
  if (w === 'year' && scan.lw(j + 1) === 'two' && scan.lw(j + 2) === 'thousand') {
    const sy = spelledYear(scan, j + 1);
    if (sy) return match(sy.e, 'DATE', point('Y', sy.y), 'none');
  }
  if (w === 'year') return theYear(scan, j, i);
  if (w === 'week' && scan.lw(j + 1) !== '-') {
    const b = narrative(scan);
    return b ? match(j + 1, 'DATE', reGrain(b.p, 'W'), b.anchor) : fixed(j + 1, 'DATE', 'XXXX-WXX');
  }
  const pu = UNITS.get(w);
  if (pu && pu.plural && SPAN_PREPOSITIONS.has(scan.lw(i - 1)) && scan.lw(j + 1) !== 'of') {
    // "over the years", "in the weeks ahead"
    return fixed(scan.lw(j + 1) === 'ahead' ? j + 2 : j + 1, 'DURATION', durationValue(NaN, pu.code));
  }
  return null;
}

/** "the year", "the fiscal year": the year under discussion; "the year ended June 30" is a length of a year. */
function theYear(scan: TimeScan, j: number, i: number): Match | null {
  const nx = scan.lw(j + 1);
  if (scan.isNum(j + 1) || nx === "'s" || nx === 'before' || nx === 'after' || nx === '-') return null;
  if (nx === 'ended' || nx === 'ending' || nx === 'to') return fixed(j + 1, 'DURATION', 'P1Y');
  if (scan.lw(i - 1) === 'throughout') return fixed(j + 1, 'DURATION', 'P1Y');
  const b = sentenceRefOrDct(scan, j, 'Y');
  return b ? match(j + 1, 'DATE', reGrain(b.p, 'Y'), b.anchor) : fixed(j + 1, 'DATE', 'XXXX');
}

/** "at the end of the day," meaning "all things considered": a comma after it, no day of its own. */
function endOfTheDayIdiom(scan: TimeScan, i: number): boolean {
  return scan.lw(i - 1) === 'at' && scan.lw(i + 1) === 'end' && scan.lw(i + 2) === 'of' && scan.lw(i + 3) === 'the'
    && scan.lw(i + 4) === 'day' && scan.lw(i + 5) === ',';
}

/** True when token i starts a time noun phrase ("two years", "year", "decade"), so "the past" is a modifier. */
function startsTimeNoun(scan: TimeScan, i: number): boolean {
  const w = scan.lw(i);
  if (UNITS.has(w) || NUMBER_WORDS.has(w) || VAGUE_COUNTS.has(w) || scan.isNum(i) || w === 'fiscal') return true;
  return WEEKDAYS.has(w) || MONTHS.has(w) || SEASONS.has(w) || w === 'quarter';
}
