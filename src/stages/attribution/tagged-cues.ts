/**
 * Readings of the cues the cue-token classifier (cue-token-classifier.ts) proposes and no rule reading covers
 * ("is a staunch opponent of", "raised questions about", "has been critical of").
 */
import { clause, objectOnly } from './content-ends.js';
import type { ReadingContext } from './context.js';
import { cueTokenModel, proposeCueSpans } from './cue-token-classifier.js';
import { cueInfo } from './cues.js';
import { draft } from './draft.js';
import { CLAUSE_END, POSSESSIVES } from './lexicon.js';
import { npEndingAt } from './phrases.js';
import { skipTimeLeft, subjectBefore } from './subjects.js';

/** Classifier score above which a token is part of a cue (see cue-token-classifier.ts). */
const CUE_TOKEN_THRESHOLD = 0;

/**
 * The subject before a proposed cue is the source, the clause (or quote) after is the content, or the clause before
 * when the cue closes its sentence. Nothing when reading for training (the classifier is trained apart).
 */
export function taggedCues(cx: ReadingContext): void {
  const model = cx.log ? null : cueTokenModel();
  if (!model) return;
  const { toks, doc } = cx;
  const inQuote = (j: number) => cx.quoteOfToken[j]! >= 0 || cx.markOfToken[j] === 1;
  const taken = new Uint8Array(toks.length);
  const claimed = new Set<number>();
  for (const d of cx.drafts) {
    for (const r of [d.cue, d.cuePhrase]) if (r) for (let i = r.s; i < r.e; i++) taken[i] = 1;
    for (const r of d.content) if (cx.quoteOfToken[r.s]! >= 0) claimed.add(cx.quoteOfToken[r.s]!);
  }
  for (let si = 0; si < doc.sentences.length; si++) {
    const sent = doc.sentences[si]!;
    const min = cx.windowStart[si]!;
    const max = cx.windowEnd[si]!;
    for (const span of proposeCueSpans(model, toks, sent.tokenStart, sent.tokenEnd, inQuote, CUE_TOKEN_THRESHOLD)) {
      let clash = false;
      for (let i = span.s; i < span.e; i++) if (taken[i]) clash = true;
      if (clash) {
        continue;
      }
      let head = -1;
      for (let i = span.s; i < span.e; i++) if (toks[i]!.pos === 'VERB') head = i;
      const cls = (head >= 0 ? cueInfo(toks[head]!.lower)?.cls : undefined) ?? 'belief';
      let subject = subjectBefore(cx, skipTimeLeft(cx, span.s, min), min);
      // A nominal cue's owner is its source ("his message of", "Kerry’s announcement of").
      const own = span.s - 1 >= min ? toks[span.s - 1]! : null;
      if (own && (toks[span.s]!.pos === 'NOUN' || toks[span.s]!.pos === 'ADJ')) {
        if (POSSESSIVES.has(own.lower)) subject = { np: { s: span.s - 1, e: span.s }, phrase: { s: span.s - 1, e: span.s } };
        else if ((own.lower === "'s" || own.lower === '’s') && span.s - 2 >= min) {
          const b = npEndingAt(toks, span.s - 2, min);
          if (b >= 0) subject = { np: { s: b, e: span.s - 1 }, phrase: { s: b, e: span.s - 1 } };
        }
      }
      const d = draft({
        cls, cue: span, source: subject?.np ?? null, cuePhrase: span, sourcePhrase: subject?.phrase ?? null,
        sentence: si, clause: subject?.np.s ?? span.s,
      });
      let k = span.e;
      if (k < max && (toks[k]!.lower === 'that' || toks[k]!.lower === ':' || toks[k]!.lower === ',')) k++;
      const q = k < toks.length ? cx.quoteOpenedBy.get(k) : undefined;
      // A quote a rule reading already gave its speaker is not said twice.
      if (q !== undefined && claimed.has(q)) continue;
      if (q !== undefined) d.content.push(...cx.quoteChain(q));
      else if (k < max && toks[k]!.lower !== '.') d.content.push(clause(cx, k, max));
      else {
        const before = d.clause - 1;
        const closes = cx.quoteClosedBy.get(before) ?? cx.quoteClosedBy.get(before - 1);
        if (closes !== undefined && claimed.has(closes)) continue;
        if (closes !== undefined) d.content.push(...cx.quoteChain(closes));
        else if (before > min && CLAUSE_END.has(toks[before]!.lower)) d.content.push({ s: min, e: before });
      }
      if (objectOnly(cx, d, head)) continue;
      cx.push(d);
    }
  }
}
