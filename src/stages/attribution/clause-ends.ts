/**
 * Where an unquoted content clause ends: the hand rule, and the boundary model's start and end for a kept reading.
 * Kept apart from content-ends.ts so that the reading context (context.ts), which applies the learned ends when
 * it keeps a reading, and the content readers (content-ends.ts), which use the reading context, both sit above it.
 */
import type { Token } from '../../model/document.js';
import { bestBoundary, endCandidates, startCandidates } from './boundary.js';
import { cueInfo } from './cues.js';
import { CLAUSE_OPENERS, PAST_OR_THIRD_PERSON } from './lexicon.js';
import { isPronounHead } from './phrases.js';
import type { ScorerModel } from './scorer.js';

/** What the clause-end rules read of a document: its tokens and where its quotations lie (the reading context). */
export interface QuotedTokens {
  readonly toks: Token[];
  /** Token i's quote index, or -1. */
  readonly quoteOfToken: Int32Array;
  /** The same as a function, the form the boundary model's candidates take. */
  readonly quoteOf: (i: number) => number;
  /** Token i is a quotation mark (paired, or a stray one). */
  isMark(i: number): boolean;
}

/** The boundary model's start for content the hand rule reads from k to `end`. */
export function learnedStart(cx: QuotedTokens, model: ScorerModel, k: number, end: number): number {
  const c = startCandidates(cx.toks, k, end, cx.quoteOf);
  return bestBoundary(model, c.starts, c.features, k);
}

/** The boundary model's end for content from k whose hand-rule end is `rule`. */
export function learnedEnd(cx: QuotedTokens, model: ScorerModel, k: number, max: number, rule: number): number {
  const c = endCandidates(cx.toks, k, max, rule, cx.quoteOf);
  return bestBoundary(model, c.ends, c.features, rule);
}

const hasVerb = (toks: Token[], s: number, e: number) => {
  for (let i = s; i < e; i++) if (toks[i]!.pos === 'VERB' || toks[i]!.pos === 'AUX') return true;
  return false;
};

/**
 * Whether the boundary model's end `e`, before the hand rule's `rule`, may cut content starting at s. It may not
 * cut where the content would be no clause: before "and"/"or" joining a second verb or clause of the content ("she
 * was forced to drink and perform ...", "her passport was taken and she was forced ..."; "and said" is a second
 * attribution and may be cut), or at the comma closing a fronted adjunct whose clause follows ("that in 1997,
 * she was tasked ...").
 */
export function learnedCutStands(cx: QuotedTokens, s: number, e: number, rule: number): boolean {
  const { toks } = cx;
  while (e - 1 > s && (toks[e - 1]!.lower === ',' || toks[e - 1]!.pos === 'CCONJ')) e--; // the cut after a comma
  const at = toks[e]!;
  // A cut at either comma of an interrupting relative clause the hand rule read through leaves no clause.
  if (at.lower === ',' && rule > e + 1) {
    if (interruptionEnd(cx, e, rule) > 0) return false;
    for (let c = e - 1; c > s; c--) {
      if (toks[c]!.lower !== ',') continue;
      if (interruptionEnd(cx, c, rule) === e + 1) return false;
      break;
    }
  }
  if (at.pos === 'CCONJ' && !(e + 1 < rule && cueInfo(toks[e + 1]!.lower))) return false;
  if (toks[s]!.pos === 'ADP' && at.lower === ',' && !hasVerb(toks, s, e) && hasVerb(toks, e, rule)) return false;
  return true;
}

/** Relative pronouns that may open a clause set off inside the subject of the content. */
const RELATIVES = new Set(['which', 'who', 'whose', 'whom']);

/**
 * "said gas, which leaks often in Russia, was the trigger": a relative clause between commas right after a noun,
 * followed by a finite verb, interrupts its clause rather than ending it. Returns the index of the verb where the
 * clause resumes, or -1 when the comma at `comma` ends the clause.
 */
export function interruptionEnd(cx: QuotedTokens, comma: number, max: number): number {
  const { toks } = cx;
  if (comma + 1 >= max || !RELATIVES.has(toks[comma + 1]!.lower)) return -1;
  const head = toks[comma - 1]!.pos;
  if (head !== 'NOUN' && head !== 'PROPN') return -1;
  for (let j = comma + 2; j < max - 1; j++) {
    const w = toks[j]!.lower;
    if (w === ';' || w === '.' || w === '—' || w === '--' || w === '―' || cx.isMark(j)) return -1;
    if (w !== ',') continue;
    const v = toks[j + 1]!;
    const finite = v.pos === 'AUX' || (v.pos === 'VERB' && !v.lower.endsWith('ing'));
    return finite && j > comma + 2 ? j + 1 : -1;
  }
  return -1;
}

/** The hand rule for clauseEnd, and a feature of the learned model. */
export function ruleClauseEnd(cx: QuotedTokens, k: number, max: number): number {
  const { toks } = cx;
  for (let i = k + 2; i < max; i++) {
    if (cx.quoteOfToken[i]! >= 0 || cx.isMark(i)) continue;
    const w = toks[i]!.lower;
    if (w === ';' || w === '--' || w === '—' || w === '―') return i;
    // "... and says he will ...": a second verb of the attribution's subject, not of the content.
    if (w === 'and' && i + 1 < max && toks[i - 1]!.lower !== ',' && toks[i + 1]!.pos === 'VERB'
      && PAST_OR_THIRD_PERSON.test(toks[i + 1]!.lower) && cueInfo(toks[i + 1]!.lower)) return i;
    if (w !== ',' || i + 1 >= max) continue;
    const next = toks[i + 1]!;
    if (CLAUSE_OPENERS.has(next.lower)) {
      const resumes = interruptionEnd(cx, i, max);
      if (resumes < 0) return i;
      i = resumes - 1;
      continue;
    }
    if (next.lower === 'and' && i + 2 < max && (isPronounHead(toks[i + 2]!) || toks[i + 2]!.pos === 'DET'
      || toks[i + 2]!.pos === 'PROPN' || toks[i + 2]!.pos === 'AUX' || toks[i + 2]!.pos === 'VERB')) return i;
    if (next.pos === 'VERB' && next.lower.endsWith('ing')) return i;
  }
  return max;
}
