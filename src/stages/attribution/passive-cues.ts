/**
 * Readings of a passive verb cue: `CONTENT was CUE by SOURCE` (with "was told by X that ..." read the other way
 * round), `X is said to V` (raising), and speech acts with no agent ("were advised to", "are accused of",
 * "has been described as").
 */
import type { ReadingContext } from './context.js';
import { clause, contentAfter } from './content-ends.js';
import type { CueInfo } from './cues.js';
import { draft, type Range } from './draft.js';
import { relativeAntecedent, npStartingAt } from './phrases.js';
import { skipTimeLeft, subjectBefore } from './subjects.js';

/** `CONTENT was CUE by SOURCE`: the passive subject is the content, the "by" agent the source. */
export function passiveByAgent(cx: ReadingContext, si: number, t: number, v: number, cueEnd: number, info: CueInfo): boolean {
  const { toks } = cx;
  const min = cx.windowStart[si]!;
  const max = cx.windowEnd[si]!;
  if (cueEnd >= max || toks[cueEnd]!.lower !== 'by') return false;
  const e = npStartingAt(toks, cueEnd + 1, max);
  const subject = subjectBefore(cx, skipTimeLeft(cx, v, min), min);
  if (e < 0 || !subject) return false;
  // "he was told by the minister of “36 to 40 people under the rubble”" / "that ...": the subject is the addressee,
  // what follows the agent the content.
  if (TOLD_TO.test(toks[t]!.lower) && e + 1 < max) {
    let k = e;
    if (toks[k]!.lower === 'of' || toks[k]!.lower === 'about') k++;
    if (toks[k]!.lower === 'that' || cx.quoteOpenedBy.has(k)) {
      const d = draft({
        cls: info.cls, cue: { s: t, e: cueEnd }, source: { s: cueEnd + 1, e }, cuePhrase: { s: v, e: cueEnd + 1 },
        addressee: subject.np, sentence: si, clause: v, config: 'pass',
      });
      if (contentAfter(cx, d, k, max, { ...info, addressee: false })) {
        d.addressee = subject.np;
        cx.push(d);
        return true;
      }
    }
  }
  cx.push(draft({
    cls: info.cls, cue: { s: t, e: cueEnd }, source: { s: cueEnd + 1, e }, cuePhrase: { s: v, e: cueEnd + 1 },
    content: [subject.np], sentence: si, clause: v, config: 'pass',
  }));
  return true;
}

/** Participles of a passive that reports what unnamed others say or believe ("X is said to have ..."). */
const RAISING = new Set(['said', 'reported', 'alleged', 'claimed', 'rumored', 'rumoured', 'believed']);
/** What may open the infinitive after "to" ("to have", "to not be", "to be"). */
const INFINITIVE_START = new Set(['VERB', 'AUX', 'PART', 'ADV']);

/**
 * `SUBJ was reported to V ...` with no agent: someone unnamed reports that the subject Vs. The statement has no
 * speaker; its content is the subject and the infinitive clause ("Ivan's condition" … "not be serious").
 */
export function raisingPassive(cx: ReadingContext, si: number, t: number, v: number, info: CueInfo): boolean {
  const { toks } = cx;
  const min = cx.windowStart[si]!;
  const max = cx.windowEnd[si]!;
  if (!RAISING.has(toks[t]!.lower) || t + 2 >= max || toks[t + 1]!.lower !== 'to'
    || !INFINITIVE_START.has(toks[t + 2]!.pos)) return false;
  const subject = subjectBefore(cx, v, min);
  if (!subject) return false;
  const rest = clause(cx, t + 2, max);
  cx.push(draft({
    cls: info.cls, cue: { s: t, e: t + 1 }, cuePhrase: { s: v, e: t + 1 }, content: [subject.np, rest],
    sentence: si, clause: subject.np.s, config: 'pass',
  }));
  return true;
}

/** Passive participles whose subject is the addressee and whose complement is what was said to it. */
const TOLD_TO = /^(told|advised|urged|warned|reminded|encouraged|requested|informed|assured)$/;
/** Passive participles that report how someone unnamed described the subject ("has been described as X"). */
const DESCRIBED_AS = /^(described|characteri[sz]ed|labell?ed|branded|dismissed|denounced|hailed|critici[sz]ed|condemned|portrayed|decried)$/;

/**
 * A passive speech act with no agent: someone unnamed said it. "were advised to send the child to a specialist"
 * and "was told that her mother had left" (the subject was addressed; the content is the complement), "are
 * accused of neglect" (the complement), "has been described as pseudoscience" (the subject and the "as" phrase).
 * The statement has no speaker.
 */
export function agentlessPassive(cx: ReadingContext, si: number, t: number, v: number, info: CueInfo): void {
  const { toks } = cx;
  const min = cx.windowStart[si]!;
  const max = cx.windowEnd[si]!;
  const w = toks[t]!.lower;
  let k = t + 1;
  // "was basically told", "were also advised": adverbs after the participle are adjuncts.
  while (k < max && toks[k]!.pos === 'ADV' && toks[k]!.lower.endsWith('ly')) k++;
  if (k + 1 >= max) return;
  const next = toks[k]!.lower;
  const d = draft({ cls: info.cls, cue: { s: t, e: t + 1 }, cuePhrase: { s: v, e: t + 1 }, sentence: si, clause: v, config: 'pass' });
  // The clause's own end, kept from the boundary model (trained on active cues, it cuts these short).
  const rest = (from: number): Range => ({ s: from, e: clause(cx, from, max).e });
  if (TOLD_TO.test(w) && next === 'to' && toks[k + 1]!.pos === 'VERB') d.content.push(rest(k + 1));
  else if (TOLD_TO.test(w) && (next === 'that' || cx.quoteOpenedBy.has(k) || (next === ',' && cx.quoteOpenedBy.has(k + 1)))) {
    if (!contentAfter(cx, d, k, max, { ...info, addressee: false })) return;
  } else if (w === 'accused' && next === 'of' && toks[k + 1]!.lower.endsWith('ing')) {
    // PolNeAR reads "was accused of" as the cue, and the accused with the act as the content.
    const subject = subjectBefore(cx, v, min);
    if (!subject) return;
    d.cue = { s: t, e: k + 1 };
    d.cuePhrase = { s: v, e: k + 1 };
    d.content.push(subject.np, rest(k + 1));
  }
  else if (DESCRIBED_AS.test(w) && next === 'as') {
    // The subject is what was described: a relative pronoun stands for the noun phrase before it.
    const subject = subjectBefore(cx, v, min);
    if (!subject) return;
    const antecedent = relativeAntecedent(toks, subject.np, min);
    const described = antecedent ?? subject.np;
    if (described.e - described.s === 1 && toks[described.s]!.pos === 'PRON' && !antecedent) return;
    const e = npStartingAt(toks, k + 1, max);
    d.content.push(described, e > 0 ? { s: k, e } : rest(k));
  } else return;
  cx.push(d);
}
