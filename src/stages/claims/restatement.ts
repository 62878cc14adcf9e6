/**
 * A later statement by another speaker that restates an earlier claim confirms it: "Reuters reported oil output
 * had been disrupted. Saudi officials subsequently said 5.7 million barrels of production had been disrupted."
 * Precision first: the later statement must be a plain, un-negated report marked as coming afterwards
 * ("subsequently", "later", "since"), within two sentences, and share at least half of the earlier claim's
 * content words (two at least). Only a claim still `asserted` changes.
 */
import type { Claim, Doc, Statement } from '../../model/document.js';

const AFTERWARDS = /\b(?:subsequently|later|since|afterwards|then)\s+(?:\w+\s+)?$/i;
const NEGATION = /\b(?:not|no|never|n't|nor|neither|denied|denies|deny)\b/i;
const FUNCTION_WORDS = new Set(('a an the and or but of in on at to for from by with as is are was were be been being has have had '
  + 'it its this that these those both all some any their his her they he she we our there which who will would could '
  + 'should may might can said says per').split(' '));
const REACH = 2;

function contentWords(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^\p{L}\p{N}.-]+/u).map((w) => w.replace(/^[.-]+|[.-]+$/g, ''))
    .filter((w) => w.length > 2 && !FUNCTION_WORDS.has(w)));
}

const textOf = (doc: Doc, st: Statement) => st.content.map((c) => doc.text.slice(c.start, c.end)).join(' ');

/** Marks earlier claims confirmed by a later restatement. `claims[i]` is statement i's claim. */
export function applyRestatements(doc: Doc, claims: (Claim | null)[]): void {
  doc.statements.forEach((later, i) => {
    const own = claims[i];
    if (!own || own.status !== 'asserted' || !later.cue || later.speakers.length + (later.speakerSpan ? 1 : 0) === 0) return;
    const sentence = doc.sentences[later.sentence];
    if (!sentence || !AFTERWARDS.test(doc.text.slice(sentence.start, later.cue.start))) return;
    const laterText = textOf(doc, later);
    if (NEGATION.test(laterText)) return;
    const laterWords = contentWords(laterText);
    for (let j = i - 1; j >= 0 && later.sentence - doc.statements[j]!.sentence <= REACH; j--) {
      const earlier = doc.statements[j]!;
      const claim = claims[j];
      if (!claim || claim.status !== 'asserted' || earlier.sentence === later.sentence) continue;
      if (earlier.speakers.some((e) => later.speakers.includes(e))) continue;
      const words = contentWords(textOf(doc, earlier));
      const shared = [...words].filter((w) => laterWords.has(w)).length;
      if (shared < 2 || shared * 2 < words.size || NEGATION.test(textOf(doc, earlier))) continue;
      claim.status = 'confirmed';
      claim.by = [...later.speakers];
      claim.evidence = { start: later.speakerSpan?.start ?? later.cue.start, end: later.content[later.content.length - 1]!.end };
      return;
    }
  });
}
