/**
 * TIMEX3 recognition: a hand-written grammar over the time tokenizer's tokens. At each token the dispatcher below
 * asks the expression families in turn (numeric dates, month dates, weekdays, clock times, durations, relative and
 * anaphoric expressions, sets, decades, quarters, holidays) and keeps the match found there; values are resolved on
 * the spot against the document creation time (DCT) and the narrative reference time (the last date mentioned), so
 * the reference moves through the text in reading order.
 *
 * Extents follow TempEval-3: leading prepositions ("in", "since", "on") are left out; determiners and
 * modifiers that change the value ("the past two years", "about a decade", "early next year") are kept.
 *
 * Where things are: scanner.ts (the scan state, token helpers, match builders, the Grammar entry points),
 * anchor.ts (DCT and narrative reference), lexicon.ts (word lists), numerals.ts (counts and years read off the
 * tokens), and one module per family: numbers.ts (durations, "two weeks ago"), dates.ts (years, month and numeric
 * dates), periods.ts (quarters, halves, seasons, holidays, decades, centuries), clock.ts, weekdays.ts, relative.ts
 * ("last year", "early 2020", "the end of the month"), the-phrases.ts ("the year", "the 1990s", "the past"),
 * sets.ts ("every week", "daily").
 *
 * Modules import only downwards (numerals, clock < periods < dates < weekdays, numbers < relative <
 * the-phrases < recognize); where the grammar recurses upwards ("early" + any expression, a clock time + the day after it), a
 * family calls scan.grammar, which this module fills.
 */
import type { Timex } from '../../model/document.js';
import type { Diagnostic } from '../../model/format.js';
import { noteReference } from './anchor.js';
import { clock } from './clock.js';
import { dayFirstDate, fiscal, monthDate, numericDate, spelledYearAt, year } from './dates.js';
import {
  HOLIDAY_FIRST_WORDS, MONTHS, NUMBER_WORDS, ORDINALS, POSITION_MODS, PRE_MODS, REF_WORDS, RELATIVE_WORDS, SEASONS,
  SET_WORDS, UNITS, VAGUE_COUNTS, WEEKDAYS,
} from './lexicon.js';
import { barePlural, duration } from './numbers.js';
import { century, decade, holiday, quarterAt, season } from './periods.js';
import { deictic, positioned, refWord, relativeAt, vaguePhrase, vaguePlural, yearEnd } from './relative.js';
import { RE_DECADE, TimeScan, type Grammar, type Match, type TagOptions } from './scanner.js';
import { setAt, setWord } from './sets.js';
import { theAt } from './the-phrases.js';
import { count } from './numerals.js';
import { NUMBER } from './tokenize.js';
import { weekdayAt } from './weekdays.js';

export type { TagOptions } from './scanner.js';

export interface TagResult {
  timexes: Timex[];
  warnings: Diagnostic[];
}

/** Tags and resolves the TIMEX3 expressions of `text`, in reading order; warnings name implausible years and impossible dates. */
export function tagTimexes(text: string, opts: TagOptions): TagResult {
  const scan = new TimeScan(text, opts, GRAMMAR);
  const n = scan.tok.length;
  for (let i = 0; i < n;) {
    const m = matchAt(scan, i);
    if (!m) { i++; continue; }
    const start = scan.tok.start[i]!, end = scan.tok.end[m.e - 1]!;
    const t: Timex = { start, end, type: m.type, value: m.value, resolved: m.resolved, anchor: m.anchor };
    if (m.mod) t.mod = m.mod;
    scan.out.push(t);
    noteReference(scan, i, m);
    i = m.e;
  }
  return { timexes: scan.out, warnings: scan.warnings };
}

/** The expression at token i, with a value-changing modifier in front if it has one. */
function matchAt(scan: TimeScan, i: number): Match | null {
  const w = scan.tok.lower[i]!;
  // Value-changing modifiers in front ("about two years", "more than four hours", "around Nov. 1").
  for (const [words, mod] of PRE_MODS) {
    if (words[0] !== w) continue;
    let ok = true;
    for (let k = 1; k < words.length; k++) if (scan.lw(i + k) !== words[k]) { ok = false; break; }
    if (!ok) continue;
    const j = i + words.length;
    // "over the past year", "within the next month": a preposition, not a modifier.
    if (scan.lw(j) === 'the') continue;
    const core = expressionAt(scan, j);
    // "over", "under" and "some" modify only a length of time ("over a week"); before a date they are prepositions.
    const durationOnly = w === 'over' || w === 'under' || w === 'some';
    // "over several years": with a vague count the word is a preposition again.
    if (core && core.type === 'DURATION' && core.value.includes('X')) continue;
    // "over 24 hours ago", "some 30 years ago": a hedged length counted back is still the length's modifier.
    const countedBack = core !== null && core.derived === true && count(scan, j) !== null;
    if (core && core.type !== 'SET' && (core.type === 'DURATION' || countedBack || !durationOnly)) {
      return { ...core, mod: core.mod ?? mod };
    }
  }
  return expressionAt(scan, i);
}

/** The expression at token i: asks each family in turn, by the token's shape and word. */
function expressionAt(scan: TimeScan, i: number): Match | null {
  const w = scan.tok.lower[i]!;
  const kind = scan.tok.kind[i]!;
  if (kind === NUMBER) {
    if (scan.lw(i + 1) === 'century') return century(scan, i);
    return numericDate(scan, i) ?? clock(scan, i) ?? dayFirstDate(scan, i) ?? duration(scan, i)
      ?? decade(scan, i) ?? year(scan, i);
  }
  if (w === 'the') return theAt(scan, i);
  if (MONTHS.has(w)) return monthDate(scan, i);
  if (WEEKDAYS.has(w)) return weekdayAt(scan, i);
  if (RELATIVE_WORDS.has(w)) return relativeAt(scan, i);
  if (POSITION_MODS.has(w)) return positioned(scan, i);
  const dayWord = deictic(scan, i);
  if (dayWord) return dayWord;
  if (w === 'every' || w === 'each') return setAt(scan, i);
  const sw = SET_WORDS.get(w);
  if (sw) return setWord(scan, i, sw);
  const ref = REF_WORDS.get(w);
  if (ref) return refWord(scan, i, ref);
  const phrase = vaguePhrase(scan, i);
  if (phrase) return phrase;
  if (w === 'recent' || w === 'coming' || w === 'future') return vaguePlural(scan, i);
  if (w === 'noon' || w === 'midnight') return clock(scan, i);
  if (w === 'fiscal' || w === 'fy') return fiscal(scan, i);
  if ((w === 'q' || w === 'h') && scan.touches(i)) return quarterAt(scan, i);
  if (w === 'year' && (scan.lw(i + 1) === '-' || scan.lw(i + 1) === 'end' || (scan.lw(i + 1) === "'s" && scan.lw(i + 2) === 'end'))) return yearEnd(scan, i, i);
  if (w.startsWith("'") && RE_DECADE.test(w)) return decade(scan, i);
  if (SEASONS.has(w)) return season(scan, i, i, 0);
  if (ORDINALS.has(w)) return scan.lw(i + 1) === 'century' ? century(scan, i) : quarterAt(scan, i);
  const spelled = spelledYearAt(scan, i);
  if (spelled) return spelled;
  if (HOLIDAY_FIRST_WORDS.has(w) && scan.isCap(i)) return holiday(scan, i);
  if (UNITS.has(w) && UNITS.get(w)!.plural) return barePlural(scan, i);
  if (NUMBER_WORDS.has(w) || VAGUE_COUNTS.has(w)) return duration(scan, i);
  return null;
}

/** The entry points that families reach back into (see Grammar in scanner.ts): one object, shared by every scan. */
const GRAMMAR: Grammar = { expressionAt, theAt, monthDate, weekdayAt, deictic };
