/**
 * Readings of a verb cue, in the configuration around it: preposed (`SUBJ CUE [addressee] [adjuncts] [that|:]
 * CONTENT`), postposed (`CONTENT , SUBJ CUE [adjuncts] [, CONTENT2]`) or inverted (`CONTENT , CUE SUBJ`),
 * participial (`..., CUE-ing that CONTENT`), coordinated (`SUBJ VERB ... and CUE CONTENT`) and passive
 * (`CONTENT was CUE by SOURCE`, read in passive-cues.ts); the subject is found by subjects.ts.
 */
import type { ReadingContext } from './context.js';
import { channelAt, channelPhrase, frontedChannel, recordChannel } from './channels.js';
import { addresseeEnd, contentAfter, continuation, objectOnly, onlyPlaces, skipAdjuncts } from './content-ends.js';
import { CHANNEL_HEADS, cueInfo, particleRate, type CueInfo } from './cues.js';
import { draft, type Draft, type Range } from './draft.js';
import {
  ADJUNCT_ADP, BE, CLAUSE_END, PARTICIPLE, PARTICLE_TAGS, PARTICLES, TIME_MODIFIERS, TIME_WORDS, TRAILING_PUNCT,
} from './lexicon.js';
import { agentlessPassive, passiveByAgent, raisingPassive } from './passive-cues.js';
import { skipTimeLeft, subjectBefore, verbGroupStart } from './subjects.js';
import { extendCoordination, npEndingAt, npStartingAt, relativeAntecedent } from './phrases.js';

/** Share of gold cues with the word included above which the cue takes it (learned, see particleRate). */
const PARTICLE_RATE = 0.5;

/** Prepositions whose object is the subject of the gerund after it ("with Lopez describing ..."). */
const ABSOLUTE_ADP = new Set(['with', 'despite', 'without', 'amid']);
/** Punctuation that ends a sentence inside a quote. */
const SENTENCE_FINAL = new Set(['.', '?', '!']);
/** Words opening a relative clause on an addressee. */
const RELATIVE_OPENERS = new Set(['which', 'who', 'that', 'where']);
/** Parts of speech an addressee's noun phrase is made of. */
const NP_WORD = new Set(['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN']);

/**
 * "..., said Bolden to the gathered crowd [which ...]": a name takes no "to" complement, so "to" after an inverted
 * subject's name opens the addressee. Returns the "to" token, the addressee's end, and where the attribution
 * clause goes on (after a relative clause on the addressee), or null.
 */

function invertedAddressee(cx: ReadingContext, s: number, e: number, max: number): { s: number; e: number; next: number } | null {
  const { toks } = cx;
  let at = -1;
  for (let i = s + 1; i < e; i++) if (toks[i]!.lower === 'to' && toks[i - 1]!.pos === 'PROPN') at = i;
  if (at < 0 && e < max && toks[e]!.lower === 'to' && toks[e - 1]!.pos === 'PROPN') at = e;
  if (at < 0) return null;
  // The chunker stops at a participle used as an adjective ("the gathered crowd"); read over it here.
  let end = at + 1;
  while (end < max && (NP_WORD.has(toks[end]!.pos) || (toks[end]!.pos === 'VERB' && toks[end]!.lower.endsWith('ed')
    && end + 1 < max && NP_WORD.has(toks[end + 1]!.pos)))) end++;
  if (end === at + 1 || (toks[end - 1]!.pos !== 'NOUN' && toks[end - 1]!.pos !== 'PROPN')) return null;
  let next = end;
  if (next < max && RELATIVE_OPENERS.has(toks[next]!.lower)) {
    while (next < max && toks[next]!.lower !== '.' && toks[next]!.lower !== ',' && !cx.isMark(next)) next++;
  }
  if (next < max && toks[next]!.lower !== '.' && toks[next]!.lower !== ',') return null;
  return { s: at, e: end, next };
}

/** "citing anonymous sources" or "quoting two officials" as the whole of a subject's aside: the cited phrase. */
function citedSource(cx: ReadingContext, aside: Range): Range | null {
  const { toks } = cx;
  const w = toks[aside.s]!.lower;
  if (w !== 'citing' && w !== 'quoting') return null;
  const e = npStartingAt(toks, aside.s + 1, aside.e);
  return e > aside.s + 1 && e === aside.e ? { s: aside.s + 1, e } : null;
}

/** Relative pronouns that may stand before the subject of an attribution inside a relative clause. */
const RELATIVE_OBJECTS = new Set(['which', 'that', 'who', 'whom']);

/**
 * The antecedent of a relative pronoun right before an attribution's subject ("fires, which officials said were
 * under control") when the content opens on a verb with no subject of its own; null otherwise. The antecedent
 * runs left over prepositional attachments and coordination ("fires at a plant and an oil field").
 */
function relativeSubject(cx: ReadingContext, subjectStart: number, min: number, content: Range[]): Range | null {
  const { toks } = cx;
  const rel = subjectStart - 1;
  if (rel - 1 < min || content.length !== 1 || !RELATIVE_OBJECTS.has(toks[rel]!.lower)) return null;
  const first = toks[content[0]!.s]!;
  if (first.pos !== 'AUX' && !(first.pos === 'VERB' && !first.lower.endsWith('ing'))) return null;
  // Only a clause set off by a comma (", which officials said"); a restrictive one ("a deal that the minister
  // said would ...") is left as read, since nothing measured says which way it should go.
  if (toks[rel - 1]!.lower !== ',') return null;
  const e = rel - 1;
  if (e - 1 < min || cx.quoteOfToken[e - 1]! >= 0) return null;
  let s = npEndingAt(toks, e - 1, min);
  if (s < 0) return null;
  for (let guard = 0; guard < 3 && s - 2 >= min; guard++) {
    const w = toks[s - 1]!;
    if (w.lower === 'and' || w.lower === 'or') s = extendCoordination(toks, s, min);
    else if (w.pos === 'ADP' && w.lower !== 'that') {
      const before = npEndingAt(toks, s - 2, min);
      if (before < 0) break;
      s = before;
    } else break;
    if (toks[s - 1]?.lower === w.lower) break;
  }
  return { s, e };
}

/** End of an inverted subject's appositive: "said Kenneth Baer, a former official who runs a firm". */
function appositiveEnd(cx: ReadingContext, e: number, max: number): number {
  const { toks } = cx;
  if (e + 1 >= max || toks[e]!.lower !== ',') return e;
  const next = toks[e + 1]!;
  if (next.pos !== 'DET' && next.pos !== 'PROPN' && next.pos !== 'NOUN' && next.pos !== 'ADJ'
    && next.lower !== 'who') return e;
  let k = e + 1;
  while (k < max && !cx.isMark(k) && toks[k]!.lower !== '.' && !(toks[k]!.lower === ',' && k + 1 < max
    && (toks[k + 1]!.pos === 'VERB' || cx.isMark(k + 1) || toks[k + 1]!.lower === 'which'))) k++;
  while (k > e + 1 && TRAILING_PUNCT.has(toks[k - 1]!.lower)) k--;
  return k;
}

/** The subject of the sentence's main clause, for participial cues ("..., arguing that ..."). */
function mainSubject(cx: ReadingContext, si: number, before: number): Range | null {
  const min = cx.windowStart[si]!;
  // The subject is the noun phrase right before the first verb of the sentence.
  for (let t = min; t < before; t++) {
    const p = cx.toks[t]!.pos;
    if (p === 'VERB' || p === 'AUX') {
      const v = verbGroupStart(cx, t, min);
      return subjectBefore(cx, v, min)?.np ?? null;
    }
  }
  return null;
}

/**
 * A written channel standing as the subject: "a statement which said" (the speaker is the subject of the clause
 * the statement is the object of: "They released a statement which said") and "Stone's statement added" (the
 * possessor). Returns the speaker and the channel, or null.
 */
function writtenChannel(cx: ReadingContext, source: Range, min: number): { source: Range; channel: Range } | null {
  const { toks } = cx;
  const antecedent = relativeAntecedent(toks, source, min);
  if (antecedent) {
    if (!CHANNEL_HEADS.has(toks[antecedent.e - 1]!.lower)) return null;
    const verb = antecedent.s - 1;
    if (verb < min || toks[verb]!.pos !== 'VERB') return null;
    const subject = subjectBefore(cx, skipTimeLeft(cx, verbGroupStart(cx, verb, min), min), min);
    return subject ? { source: subject.np, channel: antecedent } : null;
  }
  // "A report from the ministry said", "The letter signed by 40 doctors said": the channel's author spoke.
  for (let i = source.s + 1; i + 1 < source.e; i++) {
    const w = toks[i]!.lower;
    if (w !== 'from' && w !== 'by') continue;
    const head = toks[i - 1]!.pos === 'VERB' && i - 2 >= source.s ? i - 2 : i - 1;
    if (CHANNEL_HEADS.has(toks[head]!.lower) && (toks[i + 1]!.pos !== 'NUM' || i + 2 < source.e)) {
      return { source: { s: i + 1, e: source.e }, channel: { s: source.s, e: head + 1 } };
    }
    break;
  }
  if (!CHANNEL_HEADS.has(toks[source.e - 1]!.lower)) return null;
  for (let i = source.s + 1; i < source.e - 1; i++) {
    if (toks[i]!.lower === "'s" || toks[i]!.lower === '’s' || toks[i]!.lower === "'") {
      return { source: { s: source.s, e: i }, channel: source };
    }
  }
  return null;
}

/** The object before a participial cue when it is a written channel ("a message on Twitter"), else null. */
function channelObjectBefore(cx: ReadingContext, v: number, min: number): Range | null {
  const { toks } = cx;
  let e = v;
  let s = npEndingAt(toks, e - 1, min);
  // "a message on Twitter": the medium's phrase after the message.
  if (s - 1 >= min && toks[s - 1]!.pos === 'ADP') {
    const inner = npEndingAt(toks, s - 2, min);
    if (inner >= min) s = inner;
  }
  if (s < min) return null;
  for (let i = s; i < e; i++) if (CHANNEL_HEADS.has(toks[i]!.lower)) return { s, e };
  return null;
}

/** Modal auxiliaries: "may declare a state of emergency", "could not agree on a budget" report no speech. */
const MODALS = new Set(['may', 'might', 'could', 'would', 'should', 'can', 'must']);
/** Verbs of saying whose negation reports that nothing was said ("did not say", "has not commented on"). */
const SAYING = new Set(['say', 'said', 'says', 'comment', 'commented', 'mention', 'mentioned', 'specify', 'specified',
  'elaborate', 'elaborated', 'disclose', 'disclosed', 'reveal', 'revealed', 'explain', 'explained', 'respond',
  'responded', 'detail', 'detailed', 'discuss', 'discussed', 'name', 'named', 'identify', 'identified', 'speak',
  'spoken']);
const NEGATION = new Set(['not', "n't", 'never']);

/**
 * A preposed reading whose verb group (v to the cue at t) reports no statement: a negated verb of saying or a
 * modal, with a bare object ("has not commented on the images", "may declare a national emergency"). A clause
 * stays ("did not say whether ...", "could say that ..."), as PolNeAR reads them.
 */
function unrealised(cx: ReadingContext, v: number, t: number, content: Range[]): boolean {
  const { toks } = cx;
  const r = content[0];
  if (!r || content.length !== 1 || cx.hasQuoteIn(r.s, r.e)) return false;
  let unreal = false;
  for (let i = v; i < t; i++) {
    const w = toks[i]!.lower;
    if (MODALS.has(w) || (NEGATION.has(w) && SAYING.has(toks[t]!.lower))) unreal = true;
  }
  if (!unreal) return false;
  for (let i = r.s; i < r.e; i++) {
    const p = toks[i]!.pos;
    if (p === 'AUX' || p === 'SCONJ' || (p === 'VERB' && !toks[i]!.lower.endsWith('ing'))) return false;
  }
  return true;
}

const DASHES = new Set(['—', '–', '--', '―']);

/**
 * The quote that follows a short aside after a cue: a prepositional phrase and a comma ("said of Hudson, “...”") or
 * a phrase between dashes ("said — as reported by X — “...”"). Its index, or undefined.
 */
function quoteAfterAside(cx: ReadingContext, k: number, max: number): number | undefined {
  const { toks } = cx;
  if (k >= max) return undefined;
  let end = -1;
  if (DASHES.has(toks[k]!.lower)) {
    for (let i = k + 2; i < Math.min(max, k + 16) && !cx.isMark(i); i++) {
      if (DASHES.has(toks[i]!.lower)) {
        end = i + 1;
        break;
      }
    }
  } else if (toks[k]!.lower !== 'that' && onlyPlaces(cx, k, max)) {
    end = k;
    while (end < max && toks[end]!.lower !== ',') end++;
    end++;
  }
  if (end < 0 || end >= max) return undefined;
  const q = cx.quoteOpenedBy.get(end);
  return q !== undefined && cx.quotes[q]!.tokEnd - cx.quotes[q]!.tokStart >= 3 ? q : undefined;
}

/** Verbs whose "to" infinitive is what was said or committed to ("promised to resign", "urged them to leave"). */
const SPEECH_INFINITIVE = /^(admit|promis|pledg|vow|threat|agree|refus|declin|claim|urg|ask|tell|told|order|demand|warn|advis|call|propos|offer|swear|swore|sworn|insist|recommend|appeal|plead|pleaded|beg|invit|encourag|instruct|remind|expect|hope|want|plan|intend|wish|aim|seem|appear|pretend|profess|undert)/;

/**
 * A reading whose content is an infinitive of an action verb: "continued to shun treatment", "decided to treat his
 * daughter himself", "prefers to agree a solution" report no words; also "continued" before a gerund.
 */
function actionInfinitive(cx: ReadingContext, d: Draft, t: number, cueEnd: number): boolean {
  const { toks } = cx;
  const w = toks[t]!.lower;
  if (/^continu/.test(w) && t + 1 < toks.length && (toks[t + 1]!.lower.endsWith('ing') || toks[t + 1]!.lower === 'to')
    && !cueInfo(toks[t + 2]?.lower ?? '')) return true;
  const r = d.content[0];
  if (!r || d.content.length !== 1 || cx.hasQuoteIn(r.s, r.e)) return false;
  const to = toks[cueEnd - 1]!.lower === 'to' ? cueEnd - 1 : r.s;
  // "admitted to organising": a gerund after "to" is the object of a preposition, not an infinitive.
  if (toks[to]!.lower !== 'to' || to + 1 >= toks.length || toks[to + 1]!.pos !== 'VERB'
    || toks[to + 1]!.lower.endsWith('ing')) return false;
  // "went on to explain", "tried to talk to": the infinitive is itself the act of speech.
  if (cueInfo(toks[to + 1]!.lower) || /^talk/.test(toks[to + 1]!.lower)) return false;
  return !SPEECH_INFINITIVE.test(w);
}

/** Reads the verb cue at token t of sentence si (see verbCueAt in cues.ts) in whichever configuration fits. */
export function verbCue(cx: ReadingContext, si: number, t: number, info: CueInfo): void {
  const { toks } = cx;
  const min = cx.windowStart[si]!;
  const max = cx.windowEnd[si]!;
  let cueEnd = t + 1;
  const particles = PARTICLES[toks[t]!.lower];
  // "writing in a blog post": a preposition that opens a channel phrase is no particle of the cue.
  if (cueEnd < max && toks[t]!.lower.endsWith("ing") && channelAt(cx, cueEnd, max)) { /* no particle */ }
  else if (particles && cueEnd < max && particles.has(toks[cueEnd]!.lower)) cueEnd++;
  else if (cueEnd + 1 < max && PARTICLE_TAGS.has(toks[cueEnd]!.pos) && toks[cueEnd]!.lower !== 'that'
    && particleRate(toks[t]!.lower, toks[cueEnd]!.lower) >= PARTICLE_RATE) cueEnd++;
  const v = verbGroupStart(cx, t, min);
  // Passive ("was told", "is expected"): the grammatical subject did not speak; with a "by" agent the agent did
  // and the subject is what it said or did ("The issue was first reported by The Washington Post").
  let passive = false;
  // "was on Wednesday reported": a time adjunct may stand between the auxiliary and the participle.
  const group = skipTimeLeft(cx, v, min);
  for (let i = group; i < t; i++) if (BE.has(toks[i]!.lower) && PARTICIPLE.test(toks[t]!.lower)) passive = true;
  // "I was hauled in and told that ...": a participle coordinated with a passive one is passive too.
  if (!passive && v - 1 > min && toks[v - 1]!.lower === 'and' && PARTICIPLE.test(toks[t]!.lower)) {
    for (let j = v - 2; j >= Math.max(min + 1, v - 4) && !passive; j--) {
      if (toks[j]!.pos === 'VERB' && (PARTICIPLE.test(toks[j]!.lower) || /en$/.test(toks[j]!.lower))) {
        for (let b = j - 1; b >= Math.max(min, j - 3); b--) if (BE.has(toks[b]!.lower)) passive = true;
      }
    }
  }
  if (passive) {
    if (!passiveByAgent(cx, si, t, group, cueEnd, info) && !raisingPassive(cx, si, t, group, info)) {
      agentlessPassive(cx, si, t, group, info);
    }
    return;
  }
  // PolNeAR's cue is the whole verb group: "has also said", "is saying".
  const d = draft({ cls: info.cls, cue: { s: t, e: cueEnd }, cuePhrase: { s: v, e: cueEnd }, sentence: si, clause: v });
  const gerund = toks[t]!.lower.endsWith('ing') && v === t;
  // "posted a message on Twitter blaming Iran": a gerund after an object is participial with its comma missing.
  const afterObject = gerund && v - 2 >= min && (() => {
    const np = npEndingAt(toks, v - 1, min);
    return np - 1 >= min && (toks[np - 1]!.pos === 'ADP' || toks[np - 1]!.pos === 'VERB');
  })();
  const participial = gerund && v - 1 >= min && (toks[v - 1]!.lower === ',' || afterObject);
  if (participial) {
    // "with Lopez describing ...", "despite the paper claiming ...": the gerund has a subject of its own.
    const own = afterObject ? npEndingAt(toks, v - 1, min) : -1;
    const absolute = own - 1 >= min && ABSOLUTE_ADP.has(toks[own - 1]!.lower);
    const prev = cx.drafts[cx.drafts.length - 1];
    if (absolute) d.source = d.sourcePhrase = { s: own, e: v };
    else if (prev && prev.sentence === si) d.inheritFrom = prev;
    else d.source = d.sourcePhrase = mainSubject(cx, si, v);
    if (!contentAfter(cx, d, cueEnd, max, info) || objectOnly(cx, d, t) || actionInfinitive(cx, d, t, cueEnd)) return;
    // "posted a message on Twitter blaming Iran": the message is how it was said.
    if (afterObject && !absolute) d.channel ??= channelObjectBefore(cx, v, min);
    d.config = 'part';
    cx.push(d);
    return;
  }
  const subject = subjectBefore(cx, skipTimeLeft(cx, v, min), min);
  let source = subject?.np ?? null;
  d.sourcePhrase = subject?.phrase ?? null;
  // "In a statement, the council said" / "Berg, in remarks to Channel 5, said": channel phrases off the cue.
  const aside = subject?.aside ? channelPhrase(cx, subject.aside.s, subject.aside.e) : null;
  const fronted = source && source.s > min ? frontedChannel(cx, min, source, max) : null;
  if (source && fronted && fronted.subjectStart > source.s && fronted.subjectStart < source.e) {
    source = { s: fronted.subjectStart, e: source.e };
    d.sourcePhrase = { s: fronted.subjectStart, e: d.sourcePhrase!.e };
  }
  const written = source ? writtenChannel(cx, source, min) : null;
  if (written) {
    source = written.source;
    d.sourcePhrase = written.source;
  }
  // "Reuters, citing anonymous sources, reported ...": the cited sources spoke, the subject relayed them.
  const cited = subject?.aside && source ? citedSource(cx, subject.aside) : null;
  if (cited && source) {
    d.via = source;
    source = cited;
  }
  const offCue = aside ?? fronted ?? (written ? { channel: written.channel, addressee: null, end: written.channel.e } : null);
  if (!source && v - 1 > min && (toks[v - 1]!.lower === 'and' || toks[v - 1]!.lower === 'but')) {
    // "Schultz supported Democrats and said ...": the coordinated verb shares the clause's subject, or the
    // speaker of the statement just read in the same sentence ("said ... and warned ...").
    const prev = cx.drafts[cx.drafts.length - 1];
    if (prev && prev.sentence === si && prev.source) d.inheritFrom = prev;
    else {
      source = d.sourcePhrase = mainSubject(cx, si, v - 1);
      if (!source) return;
      d.source = source;
    }
    if (!contentAfter(cx, d, cueEnd, max, info) || objectOnly(cx, d, t) || actionInfinitive(cx, d, t, cueEnd)) return;
    d.config = 'and';
    cx.push(d);
    return;
  }
  let leftEdge = source ? source.s : v; // first token of the attribution clause
  let k = cueEnd;
  if (!source) {
    // Inverted: "..., said the spokesman" / "..., says Smith."
    let e = npStartingAt(toks, cueEnd, max);
    const to = e > 0 ? invertedAddressee(cx, cueEnd, e, max) : null;
    if (to) e = to.s;
    if (e > 0 && (to || e === max || CLAUSE_END.has(toks[e]!.lower) || toks[e]!.lower === '.' || toks[e]!.lower === '('
      || toks[e]!.lower === ':' || channelAt(cx, e, max))) {
      source = { s: cueEnd, e };
      d.sourcePhrase = { s: cueEnd, e: appositiveEnd(cx, e, max) };
      k = e;
      if (to) {
        d.addressee = { s: to.s + 1, e: to.e };
        k = to.next;
      }
    } else if (v > min) {
      return; // a verb with no speaker anywhere: not an attribution we can read
    }
  }
  d.source = source;
  if (source && source.s < leftEdge) leftEdge = source.s;
  d.clause = leftEdge;
  // Postposed: the clause is preceded by a comma or a closing quote, and nothing but adjuncts follows the cue.
  const before = leftEdge - 1;
  const closesQuote = cx.quoteClosedBy.get(before)
    ?? (before - 1 >= 0 && CLAUSE_END.has(toks[before]!.lower) ? cx.quoteClosedBy.get(before - 1) : undefined);
  // "..., Graham told The New York Times then." / "... told TASS on Wednesday.": the addressee sits between the
  // cue and the adjuncts.
  let afterAddressee = k;
  if (info.addressee && k === cueEnd) {
    const e = addresseeEnd(cx, k, max);
    if (e > k && (e >= max || toks[e]!.lower === '.' || toks[e]!.lower === ',' || TIME_WORDS.has(toks[e]!.lower)
      || TIME_MODIFIERS.has(toks[e]!.lower) || ADJUNCT_ADP.has(toks[e]!.lower))) {
      afterAddressee = e;
    }
  }
  const afterAdjuncts = skipAdjuncts(cx, afterAddressee, max, d);
  const restIsEmpty = afterAdjuncts >= max || toks[afterAdjuncts]!.lower === '.'
    || toks[afterAdjuncts]!.lower === ',' || cx.isMark(afterAdjuncts) || onlyPlaces(cx, afterAdjuncts, max);
  // `"... ended." Pelosi said on Friday "We ..."`: a quote that closed its own sentence is not the content of the
  // next sentence's attribution when a quote opens right after the cue.
  // "Day said of Hudson, “...”", "Erdogan said — as reported by the Daily News — “...”": the quote after the aside
  // is what was said, not the clause before the subject.
  const asideQuote = closesQuote === undefined && source ? quoteAfterAside(cx, afterAdjuncts, max) : undefined;
  if (asideQuote !== undefined) {
    d.content.push(...cx.quoteChain(asideQuote));
    d.config = 'pre';
    recordChannel(d, offCue);
    cx.push(d);
    return;
  }
  const ownQuote = closesQuote !== undefined && cx.quoteOpenedBy.has(afterAdjuncts)
    && SENTENCE_FINAL.has(toks[cx.quotes[closesQuote]!.tokEnd - 1]!.lower);
  if (restIsEmpty && !ownQuote && (closesQuote !== undefined || (before >= min && CLAUSE_END.has(toks[before]!.lower)))) {
    if (afterAddressee > k) d.addressee = { s: k, e: afterAddressee };
    const quoteAfter = afterAdjuncts + 1 < max && toks[afterAdjuncts]!.lower === ','
      && cx.quoteOpenedBy.has(afterAdjuncts + 1);
    if (closesQuote !== undefined) d.content.push(...cx.quoteChain(closesQuote));
    // "Asked about the bomb, Clinton said, “...”": the lead-in clause is the reporter's, the quote is hers.
    else if (!quoteAfter || cx.hasQuoteIn(min, before)) d.content.push({ s: min, e: before });
    const parts = d.content.length;
    continuation(cx, d, afterAdjuncts, max, closesQuote !== undefined);
    d.quoteContinues = closesQuote !== undefined && d.content.length === parts;
    d.config = closesQuote !== undefined ? 'postq' : 'post';
    recordChannel(d, offCue);
    cx.push(d);
    return;
  }
  d.channel = null;
  if (!source) return;
  // "Said Ellis: ..." reads on after the inverted subject.
  if (!contentAfter(cx, d, source.s === cueEnd ? source.e : cueEnd, max, info) || objectOnly(cx, d, t) || actionInfinitive(cx, d, t, cueEnd)) return;
  if (unrealised(cx, v, t, d.content)) return;
  d.config = source.s === cueEnd ? 'inv' : 'pre';
  // "fires at a plant, which officials said were under control": what the relative pronoun stands for is the
  // subject of the content.
  const antecedent = d.config === 'pre' ? relativeSubject(cx, source.s, min, d.content) : null;
  if (antecedent) d.content.unshift(antecedent);
  recordChannel(d, offCue);
  cx.push(d);
}
