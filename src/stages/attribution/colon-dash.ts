/**
 * Readings whose cue is punctuation: a colon after a speaker's name opening a headline or a transcript paragraph
 * (`Trump: ...`, `WALLACE: ...`), and a dash signing a quote (`"..." ― Jorge Falcon`).
 */
import { clause } from './content-ends.js';
import type { ReadingContext } from './context.js';
import { draft } from './draft.js';
import { CAPITALIZED, CAPITALS_WORD, DASHES } from './lexicon.js';
import { isNameLikeRun, npEndingAt, npStartingAt } from './phrases.js';

/** The longest signature after a dash that is read as a name ("Azucena Gonzàlez", "Rep. Jim Clyburn of S.C."). */
const SIGNATURE_TOKENS = 12;

/**
 * Attribution by colon: a headline "Trump: 'We will win'", or a transcript paragraph "WALLACE: Let's start".
 * The speaker must be a short name (a pronoun or proper noun), so "The Latest:" or "Correction:" do not count.
 */
export function headlineColon(cx: ReadingContext, si: number): void {
  const { toks, doc } = cx;
  const sent = doc.sentences[si]!;
  let min = sent.tokenStart;
  const max = sent.tokenEnd;
  // A transcript paragraph opens with a quotation mark that runs to its end.
  const transcript = cx.quoteOpenedBy.get(min);
  if (transcript !== undefined) min = cx.quotes[transcript]!.tokStart;
  if (doc.paragraphs[sent.paragraph]!.start !== doc.tokens[sent.tokenStart]!.start) return;
  for (let c = min + 1; c < Math.min(min + 5, max - 2); c++) {
    if (toks[c]!.lower !== ':') continue;
    if (npEndingAt(toks, c - 1, min) !== min) return;
    const words = toks.slice(min, c);
    // Transcripts write the speaker in capitals ("WALLACE:"); "Everything: the treatment" is a quote's own colon.
    if (transcript !== undefined && !words.every((x) => CAPITALS_WORD.test(x.text))) return;
    if (!words.every((x) => x.pos === 'PROPN' || CAPITALIZED.test(x.text)) || words.some((x) => x.pos === 'PRON')) return;
    if (toks[min]!.pos === 'DET') return;
    const d = draft({ cue: { s: c, e: c + 1 }, source: { s: min, e: c }, sentence: si, clause: min });
    const q = cx.quoteOpenedBy.get(c + 1);
    if (q !== undefined) d.content.push(...cx.quoteChain(q));
    else if (transcript !== undefined) d.content.push({ s: c + 1, e: cx.quotes[transcript]!.tokEnd });
    else d.content.push(clause(cx, c + 1, max));
    cx.push(d);
    return;
  }
}

/** `“We will vote.” ― Jorge Falcon`: a quote signed with a dash and a name at the end of its paragraph or line. */
export function dashAttributions(cx: ReadingContext): void {
  const { toks, doc } = cx;
  for (let qi = 0; qi < cx.quotes.length; qi++) {
    const q = cx.quotes[qi]!;
    let k = q.tokEnd;
    while (k < toks.length && cx.markOfToken[k] === 1) k++;
    if (k + 1 >= toks.length || !DASHES.has(toks[k]!.lower)) continue;
    const para = doc.paragraphs[doc.sentences[toks[k]!.sentence]!.paragraph]!;
    // A line break between token j - 1 and token j (or the text's or the paragraph's end at j).
    const endsLine = (j: number) => j >= toks.length || toks[j]!.start >= para.end
      || doc.text.slice(toks[j - 1]!.end, toks[j]!.start).includes('\n');
    // The name stops at the line's end ("― Tom Berg⏎More letters ..." is not "Tom Berg More").
    let lineEnd = k + 2;
    const reach = Math.min(toks.length, k + 1 + SIGNATURE_TOKENS);
    while (lineEnd < reach && !endsLine(lineEnd)) lineEnd++;
    const e = npStartingAt(toks, k + 1, lineEnd);
    if (e < 0 || !isNameLikeRun(toks, k + 1, e)) continue;
    // The signature ends its paragraph, or at least its line (lists of signed quotes are often one line each).
    const atEnd = endsLine(e) || (toks[e]!.lower === '.' && endsLine(e + 1));
    if (!atEnd) continue;
    const si = toks[k]!.sentence;
    cx.push(draft({
      cue: { s: k, e: k + 1 }, source: { s: k + 1, e }, content: cx.quoteChain(qi), sentence: si, clause: k,
    }));
  }
}
