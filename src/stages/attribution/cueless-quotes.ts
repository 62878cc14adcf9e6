/**
 * Quotes no cue claims: one opening the next sentence after a postposed cue continues that statement
 * (`“A,” said Caddell. “B.”`); a long one opening a paragraph is a floating quote whose speaker is the previous
 * statement's. A short quoted term with no cue (a scare quote, a title) is left alone.
 */
import { FLOATING_QUOTE_MIN } from './content-ends.js';
import type { ReadingContext } from './context.js';
import { draft, type Draft } from './draft.js';

/** `“A,” said Caddell. “B.”`: a quote opening the next sentence continues the statement if nothing claims it. */
export function continueQuotes(cx: ReadingContext): void {
  const claimed = new Set<number>();
  const cueSentences = new Set<number>();
  for (const d of cx.drafts) {
    for (const r of d.content) if (cx.quoteOfToken[r.s]! >= 0) claimed.add(cx.quoteOfToken[r.s]!);
    if (d.cue) cueSentences.add(d.sentence);
  }
  for (const d of cx.drafts) {
    if (!d.quoteContinues) continue;
    const cur = cx.doc.sentences[d.sentence]!;
    const next = cx.doc.sentences[d.sentence + 1];
    if (!next || next.paragraph !== cur.paragraph || cueSentences.has(d.sentence + 1)) continue;
    const q = cx.quoteOpenedBy.get(next.tokenStart);
    if (q === undefined || claimed.has(q)) continue;
    for (let c = q; c >= 0; c = cx.quotes[c]!.next) claimed.add(c);
    d.content.push(...cx.quoteChain(q).map((r) => cx.trim(r)));
  }
}

/** Long quotes no cue claimed: the previous statement's speaker goes on talking. Leaves the readings in text order. */
export function floatingQuotes(cx: ReadingContext): void {
  const claimed = new Uint8Array(cx.quotes.length);
  for (const d of cx.drafts) {
    for (const r of d.content) {
      const q = cx.quoteOfToken[r.s]!;
      if (q >= 0) claimed[q] = 1;
    }
  }
  for (let qi = 0; qi < cx.quotes.length; qi++) {
    const q = cx.quotes[qi]!;
    if (claimed[qi] || q.prev >= 0 || q.tokEnd - q.tokStart < FLOATING_QUOTE_MIN) continue;
    const si = cx.toks[q.tokStart]?.sentence ?? -1;
    if (si < 0) continue;
    // A cue-less quote embedded in a longer sentence of the reporter's is a term or a title, not speech.
    const para = cx.doc.paragraphs[cx.doc.sentences[si]!.paragraph]!;
    if (q.open !== para.start) continue;
    let prev: Draft | null = null;
    for (let i = cx.drafts.length - 1; i >= 0 && !prev; i--) {
      const r = cx.drafts[i]!;
      if (cx.firstOffset(r) < q.open) prev = r;
    }
    if (!prev) continue;
    for (let c = qi; c >= 0; c = cx.quotes[c]!.next) claimed[c] = 1;
    cx.drafts.push(draft({ inheritFrom: prev, content: cx.quoteChain(qi), sentence: si, clause: q.tokStart }));
  }
  cx.drafts.sort((a, b) => cx.firstOffset(a) - cx.firstOffset(b));
}
