/** Readings of "according to X": the source is X, the content the rest of the sentence on the other side. */
import type { ReadingContext } from './context.js';
import { draft } from './draft.js';
import { CHANNEL_HEADS, EVIDENCE_NOUNS } from './cues.js';
import { CLAUSE_END } from './lexicon.js';
import { npStartingAt } from './phrases.js';

/** Words after which "according to X" opens the clause it attributes. */
const CLAUSE_OPENERS = new Set(['that', 'and', 'but', 'while', 'because', 'although', 'though']);

/** A finite verb or auxiliary: the predicate a subject interrupted by "according to X" goes on with. */
function isFinite(t: { pos: string; lower: string }): boolean {
  return t.pos === 'AUX' || (t.pos === 'VERB' && !t.lower.endsWith('ing'));
}

/** "according to X[, quoting Y]" with "according" at token t of sentence si. */
export function accordingTo(cx: ReadingContext, si: number, t: number): void {
  const { toks } = cx;
  const min = cx.windowStart[si]!;
  const max = cx.windowEnd[si]!;
  let e = npStartingAt(toks, t + 2, max);
  if (e < 0) {
    // A source wink mis-tags ("according to exit/VERB polls"): the words up to the comma.
    e = t + 2;
    while (e < max && e < t + 8 && toks[e]!.lower !== ',' && toks[e]!.lower !== '.') e++;
    const bareWord = e === t + 3 && /^[a-z]+$/.test(toks[t + 2]!.text); // "according to police/VERB,"
    if (e === t + 2 || (!bareWord && !toks.slice(t + 2, e).some((x) => x.pos === 'NOUN' || x.pos === 'PROPN'))) return;
  }
  const d = draft({ cue: { s: t, e: t + 2 }, source: { s: t + 2, e }, sentence: si, clause: t });
  let after = e;
  // "according to a recent report by The Atlantic", "according to data from the Archive": the report is the
  // channel, its author the source.
  const by = e < max && toks[e]!.lower === 'by' ? e : toks.slice(t + 3, e).findIndex((x) => x.lower === 'from');
  const cut = by === e ? e : by >= 0 ? t + 3 + by : -1;
  if (cut > t + 2 && (CHANNEL_HEADS.has(toks[cut - 1]!.lower) || EVIDENCE_NOUNS.has(toks[cut - 1]!.lower))) {
    const author = npStartingAt(toks, cut + 1, max);
    if (author > cut + 1) {
      d.channel = { s: t + 2, e: cut };
      d.source = { s: cut + 1, e: author };
      after = author;
    }
  }
  // "according to Yonhap, quoting KCNA": the quoted agency spoke, the first one relayed it.
  if (after + 2 < max && toks[after]!.lower === ',' && (toks[after + 1]!.lower === 'quoting'
    || toks[after + 1]!.lower === 'citing')) {
    const e2 = npStartingAt(toks, after + 2, max);
    if (e2 > 0) {
      d.via = d.source;
      d.source = { s: after + 2, e: e2 };
      after = e2;
    }
  }
  // "The fire, according to police, started at midnight", "Rescuers, working ..., according to the ministry
  // recovered ten survivors": the phrase interrupts its clause; the content is the subject and the predicate.
  const resume = after < max && toks[after]!.lower === ',' ? after + 1 : after;
  const interrupts = t - 1 > min && toks[t - 1]!.lower === ',' && resume < max && isFinite(toks[resume]!);
  // "Wikinews has learned that according to a posting, ...": the content follows the phrase.
  const forward = t === min || (t - 1 >= min && CLAUSE_OPENERS.has(toks[t - 1]!.lower))
    || (t - 1 >= min && !CLAUSE_END.has(toks[t - 1]!.lower) && t - 1 === min);
  if (interrupts) {
    d.content.push({ s: min, e: t - 1 }, { s: resume, e: max });
  } else if (forward) {
    let k = after;
    if (k < max && toks[k]!.lower === ',') k++;
    if (k < max) d.content.push({ s: k, e: max });
  } else {
    const before = t - 1 >= min && CLAUSE_END.has(toks[t - 1]!.lower) ? t - 1 : t;
    const q = cx.quoteClosedBy.get(before) ?? cx.quoteClosedBy.get(before - 1);
    if (q !== undefined) d.content.push(...cx.quoteChain(q));
    else if (before > min) d.content.push({ s: min, e: before });
  }
  if (d.content.length > 0) cx.push(d);
}
