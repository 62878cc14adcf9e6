/**
 * Channels and addressees written away from the cue: a fronted phrase ("In a statement, the council said",
 * "Speaking to CBS News, she said", "On live television Cole attacked"), and an aside between the subject and
 * its verb ("Berg, in remarks to Channel 5, said", "Kerry, speaking to reporters, said"). The channel is the
 * whole phrase with its preposition or participle ("in remarks to Channel 5", "speaking to reporters"), as for a
 * channel after the cue (channelAt); the addressee is whom it names ("reporters").
 */
import type { ReadingContext } from './context.js';
import { CHANNEL_HEADS } from './cues.js';
import type { Draft, Range } from './draft.js';
import { CAPITALIZED, TIME_WORDS } from './lexicon.js';
import { npStartingAt } from './phrases.js';

/**
 * A channel phrase at token k ("in an interview with ...", "on Twitter", "by live television"): the phrase with its
 * preposition, as a reader needs it ("in a statement", not "a statement"), and where it ends.
 */
export function channelAt(cx: ReadingContext, k: number, max: number): { np: Range; next: number } | null {
  const { toks } = cx;
  if (k >= max) return null;
  const p = toks[k]!.lower;
  if (p !== 'in' && p !== 'on' && p !== 'at' && p !== 'during' && p !== 'via' && p !== 'through' && p !== 'by') {
    return null;
  }
  const e = npStartingAt(toks, k + 1, max);
  if (e < 0) return null;
  let channel = false;
  for (let i = k + 1; i < e; i++) if (CHANNEL_HEADS.has(toks[i]!.lower)) channel = true;
  // "on CNN", "on Telegram"; "on Thursday" is a time.
  if (!channel && p === 'on' && toks[e - 1]!.pos === 'PROPN' && !TIME_WORDS.has(toks[e - 1]!.lower)) channel = true;
  // "by" names a medium only ("by live television"); "by a spokesman" is an agent.
  if (p === 'by' && !CHANNEL_HEADS.has(toks[e - 1]!.lower)) channel = false;
  return channel ? { np: { s: k, e }, next: e } : null;
}

/** Participles that open a phrase naming how or to whom the speaker spoke ("Speaking on Radio Nord, ..."). */
const SPEAKING = new Set(['speaking', 'talking', 'writing', 'appearing', 'testifying', 'addressing']);
/** Prepositions after such a participle whose object is the person or outlet addressed. */
const TO_WHOM = new Set(['to', 'with']);

interface Found { channel: Range | null; addressee: Range | null; end: number }

/**
 * A channel or addressee phrase from token k: "in a statement", "speaking on Radio Nord in Oslo", "speaking to
 * reporters", "addressing the press". `end` is where the phrase (with any place adjuncts) stops; null when
 * nothing of the kind starts at k.
 */
export function channelPhrase(cx: ReadingContext, k: number, max: number): Found | null {
  const { toks } = cx;
  if (k >= max) return null;
  let channel: Range | null = null;
  let addressee: Range | null = null;
  let e = k;
  if (SPEAKING.has(toks[k]!.lower)) {
    e = k + 1;
    if (toks[k]!.lower === 'addressing' || (e < max && TO_WHOM.has(toks[e]!.lower))) {
      const from = toks[k]!.lower === 'addressing' ? e : e + 1;
      const np = npStartingAt(toks, from, max);
      if (np < 0) return null;
      addressee = { s: from, e: np };
      e = np;
    }
  }
  const ch = channelAt(cx, e, max);
  if (ch) {
    channel = ch.np;
    e = ch.next;
  }
  if (!channel && !addressee) return null;
  // The channel is the whole phrase a reader needs: "speaking to reporters", "addressing the press".
  if (addressee) channel = { s: k, e };
  // Place and time adjuncts after the phrase ("in Oslo", "on Tuesday") belong to it.
  while (e < max && (toks[e]!.lower === 'in' || toks[e]!.lower === 'on' || toks[e]!.lower === 'at')) {
    const np = npStartingAt(toks, e + 1, max);
    if (np < 0) break;
    e = np;
  }
  return { channel, addressee, end: e };
}

/** Prepositions that open a fronted channel phrase. */
const CHANNEL_ADP = new Set(['in', 'on', 'at', 'during', 'via', 'through', 'by']);

/**
 * A phrase fronted before the subject `subject` in the sentence starting at `min`. With no comma the phrase may
 * have swallowed the subject's name ("On live television Cole"): the channel then stops at its head word and
 * `subjectStart` says where the subject really starts.
 */
export function frontedChannel(cx: ReadingContext, min: number, subject: Range, max: number):
  (Found & { subjectStart: number }) | null {
  const { toks } = cx;
  const f = channelPhrase(cx, min, max);
  if (f && f.end < subject.s && toks[f.end]!.lower === ',' && f.end + 1 === subject.s) {
    return { ...f, subjectStart: subject.s };
  }
  if (f && f.end === subject.s) return { ...f, subjectStart: subject.s };
  if (!CHANNEL_ADP.has(toks[min]!.lower) || subject.s <= min) return null;
  // The subject phrase took in the channel's head: cut after the last channel word that a name follows.
  for (let h = subject.e - 2; h >= subject.s; h--) {
    if (!CHANNEL_HEADS.has(toks[h]!.lower)) continue;
    if (!CAPITALIZED.test(toks[h + 1]!.text)) return null;
    for (let i = min + 1; i < subject.s; i++) if (toks[i]!.lower === ',' || cx.isMark(i)) return null;
    return { channel: { s: min, e: h + 1 }, addressee: null, end: h + 1, subjectStart: h + 1 };
  }
  return null;
}

/** Records a phrase's channel and addressee on a draft that has none yet. */
export function recordChannel(d: Draft, f: Found | null): void {
  if (!f) return;
  d.channel ??= f.channel;
  d.addressee ??= f.addressee;
}
