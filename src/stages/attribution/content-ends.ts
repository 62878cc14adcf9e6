/**
 * Where the content of a reading lies: what follows a preposed cue (addressee, adjuncts, "that", a quote or a
 * clause), where an unquoted clause stops (the hand rule, and the boundary model of boundary.ts that may move a
 * kept reading's start and end), the content resumed after a postposed cue, and content cut where a later
 * attribution clause of the same sentence begins.
 */
import { endCandidates, startCandidates } from './boundary.js';
import { channelAt, channelPhrase } from './channels.js';
import { ruleClauseEnd } from './clause-ends.js';
import type { ReadingContext } from './context.js';
import { CHANNEL_HEADS, cueInfo, verbCueAt, type CueInfo } from './cues.js';
import type { Draft, Range } from './draft.js';
import { ADJUNCT_ADP, OBJECT_FIRST, TIME_MODIFIERS, TIME_WORDS } from './lexicon.js';
import { npStartingAt } from './phrases.js';

/** Minimum inner tokens for a quote with no cue to count as a floating quote rather than a scare quote. */
export const FLOATING_QUOTE_MIN = 6;

/** Skips time and manner adjuncts after a cue, recording a channel when one is there. */
export function skipAdjuncts(cx: ReadingContext, k: number, max: number, d: Draft): number {
  const { toks } = cx;
  for (let guard = 0; guard < 6 && k < max; guard++) {
    const ch = channelAt(cx, k, max);
    if (ch) {
      d.channel ??= ch.np;
      k = ch.next;
      continue;
    }
    const tok = toks[k]!;
    // "..., she said while addressing the press" / "said, while speaking to reporters,": the phrase is the channel.
    const w = tok.lower === ',' && k + 1 < max ? k + 1 : k;
    if ((toks[w]!.lower === 'while' || toks[w]!.lower === 'when') && w + 1 < max) {
      const f = channelPhrase(cx, w + 1, max);
      if (f && f.addressee) {
        d.channel ??= f.channel;
        d.addressee ??= f.addressee;
        k = f.end;
        continue;
      }
    }
    if (TIME_MODIFIERS.has(tok.lower) && k + 1 < max && TIME_WORDS.has(toks[k + 1]!.lower)) {
      k += 2;
      continue;
    }
    // Manner adverbs ("said flatly") are adjuncts; other adverbs may open the content ("said too much is made").
    if (TIME_WORDS.has(tok.lower) || (tok.pos === 'ADV' && tok.lower.endsWith('ly'))) {
      k++;
      continue;
    }
    if (ADJUNCT_ADP.has(tok.lower)) {
      if (k + 1 < max && TIME_WORDS.has(toks[k + 1]!.lower)) {
        k += 2; // "on Monday"
        continue;
      }
      const e = npStartingAt(toks, k + 1, max);
      if (e > k + 1 && toks.slice(k + 1, e).some((x) => TIME_WORDS.has(x.lower) || x.pos === 'NUM')) {
        k = e;
        continue;
      }
    }
    break;
  }
  return k;
}

/**
 * "said at a rally in Toledo, Ohio, that ...": a prepositional adjunct of any kind before a "that" clause, a colon
 * or a quote. Returns the index of "that" (the colon, the comma before the quote) when only such material (no
 * verb outside quotation marks) lies between, else k.
 */
function thatAhead(cx: ReadingContext, k: number, max: number): number {
  const { toks } = cx;
  if (k >= max || toks[k]!.pos !== 'ADP' || toks[k]!.lower === 'that') return k;
  for (let i = k + 1; i < Math.min(max, k + 16); i++) {
    // "told the BBC after the verdict “...”": a full quote after the adjunct, with or without a comma.
    const q = cx.quoteOpenedBy.get(i);
    if (q !== undefined && cx.quotes[q]!.tokEnd - cx.quotes[q]!.tokStart >= FLOATING_QUOTE_MIN) {
      return toks[i - 1]!.lower === ',' ? i - 1 : i;
    }
    if (cx.quoteOfToken[i]! >= 0 || cx.isMark(i)) continue;
    const w = toks[i]!;
    if (w.lower === 'that' || w.lower === ':') return i;
    if (cx.quoteOpenedBy.has(i) && toks[i - 1]!.lower === ',') return i - 1;
    if (w.pos === 'VERB' || w.pos === 'AUX' || w.pos === 'PRON' || w.lower === '.') return k;
  }
  return k;
}

/** From k to the next comma or the end there are only prepositional phrases ("in Honolulu at a dinner"). */
export function onlyPlaces(cx: ReadingContext, k: number, max: number): boolean {
  const { toks } = cx;
  if (toks[k]!.pos !== 'ADP' || toks[k]!.lower === 'that') return false;
  for (let i = k; i < max && toks[i]!.lower !== ','; i++) {
    const p = toks[i]!.pos;
    if (p === 'VERB' || p === 'AUX' || p === 'PRON' || cx.isMark(i) || toks[i]!.lower === 'that') return false;
  }
  return true;
}

/** `"A," he said, "B."`: the quote (or clause) after the attribution belongs to the same statement. */
export function continuation(cx: ReadingContext, d: Draft, k: number, max: number, leftWasQuote: boolean): void {
  const { toks } = cx;
  if (k >= max || toks[k]!.lower !== ',') return;
  // The quote resumes after the attribution, possibly after a participial aside ("Tester said, referring to
  // the excuse, “you give ammunition ...”").
  for (let i = k + 1; i < max; i++) {
    if (!cx.isMark(i)) continue;
    const q = cx.quoteOpenedBy.get(i);
    if (q !== undefined && toks[i - 1]!.lower === ',') {
      d.content.push(...cx.quoteChain(q));
      return;
    }
    // A quoted term further on ("CNN, he said, has done an “awful” job") is part of the resumed clause.
    if (leftWasQuote) return;
    break;
  }
  if (leftWasQuote) return;
  // "..., he said, adding that ...": a new statement.
  if (k + 1 < max && verbCueAt(toks, k + 1) && toks[k + 1]!.lower.endsWith('ing')) return;
  if (k + 1 < max) d.content.push(clause(cx, k + 1, max));
}

/**
 * End of the addressee starting at k, or -1. In double-object speech ("told Channel 4 every case would be
 * reviewed") the noun phrase chunker runs on into the content; a determiner after a noun starts the content.
 */
export function addresseeEnd(cx: ReadingContext, k: number, max: number): number {
  const { toks } = cx;
  const e = npStartingAt(toks, k, max);
  for (let i = k + 1; i < e; i++) {
    const prev = toks[i - 1]!.pos;
    if (toks[i]!.pos === 'DET' && (prev === 'NOUN' || prev === 'PROPN' || prev === 'NUM')) return i;
  }
  return e;
}

/** Longest unquoted verbless phrase after a preposed cue that is still read as the cue's object. */
const OBJECT_MAX = 6;
/** Cue forms whose bare object is where the words came from or went ("citing anonymous sources", "posted a message"). */
const SOURCE_PARTICIPLES = new Set(['citing', 'quoting', 'posted', 'posting']);

/**
 * The content read after a preposed cue is only the verb's object, so nothing was reported: a short unquoted
 * phrase with no finite verb, after a verb whose object is a person ("told TASS"), after a verb outside the hand
 * lexicon (an action such as "offered refunds", "passed the budget"), or after "citing", "quoting" or "posted" (the
 * source or the medium). Other hand-lexicon speech verbs keep a noun-phrase content ("denied the report"). The
 * phrase is read up to its first comma, where the hand rule may run on into the next clause.
 */
export function objectOnly(cx: ReadingContext, d: Draft, head: number): boolean {
  if (d.content.length !== 1 || head < 0) return false;
  const cue = cueInfo(cx.toks[head]!.lower);
  if (cue && !cue.addressee && !SOURCE_PARTICIPLES.has(cx.toks[head]!.lower)) return false;
  const r = cx.trim(d.content[0]!);
  // "released a statement which said ...", "posted a message on Twitter blaming ...": the written channel of the
  // attribution that follows.
  if (writtenChannelObject(cx, r, SOURCE_PARTICIPLES.has(cx.toks[head]!.lower))) return true;
  if (cx.hasQuoteIn(r.s, r.e)) return false;
  for (let i = r.s; i < r.e && cx.toks[i]!.lower !== ','; i++) {
    const t = cx.toks[i]!;
    // A finite verb, a subordinate clause, a question or "X as Y" ("characterized it as a hoax") is reported.
    const finite = t.pos === 'VERB' && !t.lower.endsWith('ing');
    if (finite || t.pos === 'AUX' || t.pos === 'SCONJ' || t.lower === '?' || t.lower === 'as') return false;
    if (i - r.s >= OBJECT_MAX) return false;
  }
  return true;
}

/**
 * Content that opens on a written channel ("a statement", "a message on Twitter") then its own cue: a relative
 * clause ("which said"), or after "posted" a participle ("blaming"). ("issued a statement saying" stays: PolNeAR
 * reads the issuing as the cue.)
 */
function writtenChannelObject(cx: ReadingContext, r: Range, posted: boolean): boolean {
  const { toks } = cx;
  let e = npStartingAt(toks, r.s, r.e);
  if (e < 0) return false;
  const ch = channelAt(cx, e, r.e);
  if (ch) e = ch.next;
  if (!toks.slice(r.s, e).some((x) => CHANNEL_HEADS.has(x.lower))) return false;
  const relative = e < r.e && (toks[e]!.lower === 'which' || toks[e]!.lower === 'that');
  if (relative) e++;
  return e < r.e && (relative || posted) && verbCueAt(toks, e) !== undefined;
}

/** The quote q is a phrase inside a clause that goes on after its closing mark with a verb ("were killed"). */
function clauseRunsOn(cx: ReadingContext, q: number, max: number): boolean {
  const quote = cx.quotes[q]!;
  if (quote.next >= 0) return false;
  let i = quote.tokEnd;
  while (i < max && cx.isMark(i)) i++;
  if (i >= max || i === quote.tokEnd) return false;
  const t = cx.toks[i]!;
  return t.pos === 'AUX' || (t.pos === 'VERB' && !t.lower.endsWith('ing') && !cueInfo(t.lower));
}

/** Content to the right of a preposed cue; false when there is none. */
export function contentAfter(cx: ReadingContext, d: Draft, k: number, max: number, info: CueInfo): boolean {
  const { toks } = cx;
  if (info.addressee) {
    const e = addresseeEnd(cx, k, max);
    if (e > k) {
      d.addressee = { s: k, e };
      k = e;
    }
  } else if (d.cue && OBJECT_FIRST.test(toks[d.cue.s]!.lower)) {
    // "warned voters that ...": the object is the addressee, not the content.
    const e = npStartingAt(toks, k, max);
    if (e > k && e < max && toks[e]!.lower === 'that') {
      d.addressee = { s: k, e };
      k = e;
    }
  }
  k = skipAdjuncts(cx, k, max, d);
  if (k < max && toks[k]!.lower === ',') k = skipAdjuncts(cx, k + 1, max, d);
  k = thatAhead(cx, k, max);
  if (k < max && toks[k]!.lower === ',' && cx.quoteOpenedBy.has(k + 1)) k++;
  if (k < max && (toks[k]!.lower === 'that' || toks[k]!.lower === ':')) k++;
  if (k < max && toks[k]!.lower === ',' && toks[k - 1]!.lower === 'that') k++; // "said that, if elected, ..."
  if (k >= max && toks[k - 1]!.lower === ':') {
    // "Caddell continued:" closing a paragraph introduces the quote that opens the next one.
    const q = k < toks.length ? cx.quoteOpenedBy.get(k) : undefined;
    if (q === undefined) return false;
    d.content.push(...cx.quoteChain(q));
    return true;
  }
  if (k >= max) return false;
  const q = cx.quoteOpenedBy.get(k);
  if (q !== undefined) {
    // `its source said "three terrorists" were killed`: a quoted phrase opening a clause that runs on after it.
    if (clauseRunsOn(cx, q, max)) d.content.push(clause(cx, k, max));
    else d.content.push(...cx.quoteChain(q));
    return true;
  }
  // `recalled that last year, "..."`: a short lead-in before a full quote; the quote is the statement.
  for (let i = k; i < Math.min(k + 5, max); i++) {
    const lead = cx.quoteOpenedBy.get(i);
    if (lead !== undefined && i > k && toks[i - 1]!.lower === ',') {
      const qq = cx.quotes[lead]!;
      if (qq.tokEnd - qq.tokStart >= FLOATING_QUOTE_MIN && qq.tokEnd >= max - 2) {
        d.content.push(...cx.quoteChain(lead));
        return true;
      }
    }
  }
  const first = toks[k]!;
  if (first.lower === '.' || first.lower === ',' || first.lower === ';' || first.lower === '?') return false;
  d.content.push(clause(cx, k, max));
  return true;
}

/**
 * Where reported content running to the end of the sentence actually stops: before a dash or semicolon, or
 * a comma that opens another clause (", but ...", ", and she ...", ", citing ..."). Logs the candidate ends and
 * starts around the hand rule's choice when the context reads for training.
 */
function clauseEnd(cx: ReadingContext, k: number, max: number): number {
  const rule = ruleClauseEnd(cx, k, max);
  if (cx.log) {
    const c = endCandidates(cx.toks, k, max, rule, cx.quoteOf);
    cx.log.ends.push({ k, ends: c.ends, features: c.features });
    const st = startCandidates(cx.toks, k, rule, cx.quoteOf);
    cx.log.starts.push({ starts: st.starts, features: st.features, end: rule });
  }
  return rule;
}

/** Content from k to where the hand rule ends it; `push` lets the boundary model move the end of a kept one. */
export function clause(cx: ReadingContext, k: number, max: number): Range {
  return { s: k, e: clauseEnd(cx, k, max), max };
}

/** `She said X, “Y,” she said.`: an earlier content stops where a later attribution clause begins. */
export function splitNestedContent(cx: ReadingContext): void {
  const bySentence = new Map<number, Draft[]>();
  for (const d of cx.drafts) {
    if (!bySentence.has(d.sentence)) bySentence.set(d.sentence, []);
    bySentence.get(d.sentence)!.push(d);
  }
  for (const group of bySentence.values()) {
    if (group.length < 2) continue;
    for (const a of group) {
      a.content = a.content.map((r) => {
        if (cx.quoteOfToken[r.s]! >= 0) return r;
        for (const b of group) {
          if (b !== a && b.clause > r.s + 1 && b.clause < r.e && b.content.some((c) => c.e <= b.clause)) {
            return cx.trim({ s: r.s, e: b.clause });
          }
        }
        return r;
      }).filter((r) => r.e > r.s);
    }
  }
}
