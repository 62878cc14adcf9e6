/**
 * One speech event, several statements: how it was said (channel) and to whom (addressee) is written once, but
 * holds for every statement the event gives.
 *   - a cue that continues another statement's reading (a participle: "told state media, adding that ...";
 *     a coordinated verb; a quote with no cue that continues the previous speaker) takes that statement's channel,
 *     and within one sentence the channel of a participle also holds for the verb it hangs on ("admitted ...,
 *     writing in a blog post ...");
 *   - "Smith continued, ..." / "She added ..." in the next sentence continue the same speaker's previous statement;
 *   - a sentence that reports no statement but sets the scene ("Smith was questioned about it while speaking to
 *     reporters.") gives its channel to the statement of the same speaker that opens the next sentence.
 */
import type { Doc, Mention, Statement } from '../../model/document.js';
import { channelPhrase } from './channels.js';
import type { ReadingContext } from './context.js';
import type { Range } from './draft.js';
import { linkSpeaker } from './speakers.js';

/** Statement `child` continues the reading of statement `base` (indices into the stage's output). */
export interface Continuation { child: number; base: number }

/** Cue verbs that say the speaker went on speaking ("Johnson continued, ..."). */
const CONTINUING = new Set(['continued', 'continues', 'continuing', 'added', 'adds', 'adding', 'went', 'goes']);

/** Conjunctions before a participle phrase that says how the subject spoke ("while speaking to reporters"). */
const WHILE = new Set(['while', 'when', 'after', 'before']);

/** Index of the sentence holding character offset `at` (sentences are sorted and do not overlap). */
function sentenceAt(doc: Doc, at: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.sentences[mid]!.start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function takeChannel(to: Statement, from: Statement): void {
  if (to.channel || to.addressee || (!from.channel && !from.addressee)) return;
  to.channel = from.channel;
  to.addressee = from.addressee;
}

function sameSpeakers(a: Statement, b: Statement): boolean {
  return a.speakers.length > 0 && a.speakers.length === b.speakers.length && a.speakers.every((e) => b.speakers.includes(e));
}

/**
 * A scene-setting channel in sentence si: a "while/when <speaking|addressing ...>" phrase, with the entities of
 * the words before it (the subject who spoke). Null when the sentence has none.
 */
function sceneChannel(cx: ReadingContext, doc: Doc, si: number, sorted: Mention[]):
  { channel: Range | null; addressee: Range | null; speakers: number[] } | null {
  const sentence = doc.sentences[si]!;
  const end = sentence.tokenEnd;
  for (let k = sentence.tokenStart + 1; k + 1 < end; k++) {
    if (!WHILE.has(cx.toks[k]!.lower)) continue;
    const f = channelPhrase(cx, k + 1, end);
    if (!f || !f.addressee) continue;
    const before = { start: cx.toks[sentence.tokenStart]!.start, end: cx.toks[k - 1]!.end };
    return { channel: f.channel, addressee: f.addressee, speakers: linkSpeaker(doc, before, sorted) };
  }
  return null;
}

/** Gives each statement of a speech event the channel and addressee written for another of its statements. */
export function shareChannels(cx: ReadingContext, doc: Doc, out: Statement[], links: Continuation[],
  sorted: Mention[]): void {
  for (const { child, base } of links) {
    const c = out[child]!;
    const b = out[base]!;
    takeChannel(c, b);
    if (c.sentence === b.sentence) takeChannel(b, c);
  }
  const span = (r: Range) => ({ start: cx.toks[r.s]!.start, end: cx.toks[r.e - 1]!.end });
  const hasStatement = new Set(out.map((s) => s.sentence));
  const byPosition = [...out].sort((a, b) => a.sentence - b.sentence || (a.cue?.start ?? 0) - (b.cue?.start ?? 0));
  for (let i = 0; i < byPosition.length; i++) {
    const st = byPosition[i]!;
    if (st.channel || st.addressee || st.speakers.length === 0) continue;
    const prev = byPosition[i - 1];
    const cueWord = st.cue ? doc.text.slice(st.cue.start, st.cue.end).toLowerCase().split(/\s+/).pop() ?? '' : '';
    // "He said, "...". Johnson continued, ...": the previous statement (its content may run over sentences) ends in
    // the sentence just before.
    const prevEnd = prev ? sentenceAt(doc, Math.max(...prev.content.map((c) => c.end), prev.cue?.end ?? 0) - 1) : -1;
    if (prev && prevEnd >= st.sentence - 1 && CONTINUING.has(cueWord) && sameSpeakers(st, prev)) {
      takeChannel(st, prev);
      continue;
    }
    // The scene is set in the sentence just before, which itself reports nothing.
    const si = st.sentence - 1;
    if (si < 0 || hasStatement.has(si) || (prev && prev.sentence === st.sentence)) continue;
    const scene = sceneChannel(cx, doc, si, sorted);
    if (!scene || !scene.speakers.some((e) => st.speakers.includes(e))) continue;
    st.channel = scene.channel ? span(scene.channel) : null;
    st.addressee = scene.addressee ? span(scene.addressee) : null;
  }
}
