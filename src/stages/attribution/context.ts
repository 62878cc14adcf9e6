/**
 * The reading context: what every rule reading of one document shares — the tokens, the quotations found first,
 * the token window each sentence is read in, the readings made so far — and the helpers that read them.
 */
import type { Doc, Token } from '../../model/document.js';
import { boundaryModel } from './boundary.js';
import { learnedCutStands, learnedEnd, learnedStart, ruleClauseEnd } from './clause-ends.js';
import type { Draft, Range } from './draft.js';
import { LOWER_CASE_START, TRAILING_PUNCT } from './lexicon.js';
import { chainHead, findQuotes, isQuoteMark, type Quote } from './quotes.js';
import { keepReading } from './scorer-features.js';

/** A content-end decision: content from token k, its candidate ends and their features (boundary.ts). */
export interface ContentEndDecision { k: number; ends: number[]; features: string[][] }
/** A content-start decision: the candidate starts of content the hand rule ends at `end`, and their features. */
export interface ContentStartDecision { starts: number[]; features: string[][]; end: number }

/**
 * Where a training run collects the candidate decisions of a document's readings. A context given one reads for
 * training: every verb-cue reading stands and no learned part (scorer, boundary model, cue-token classifier) is
 * consulted, so that the examples are the hand rules' own readings; the stage passes none.
 */
export interface DecisionLog {
  readonly ends: ContentEndDecision[];
  readonly starts: ContentStartDecision[];
}

export function newDecisionLog(): DecisionLog {
  return { ends: [], starts: [] };
}

export class ReadingContext {
  readonly toks: Token[];
  readonly quotes: Quote[];
  readonly quoteOfToken: Int32Array;
  readonly markOfToken: Uint8Array;
  /** Token index of each quote's closing mark → quote index. */
  readonly quoteClosedBy = new Map<number, number>();
  readonly quoteOpenedBy = new Map<number, number>();
  readonly drafts: Draft[] = [];
  readonly windowStart: Int32Array;
  readonly windowEnd: Int32Array;
  /** Token i's quote index, or -1: the form the boundary model's candidates take (made once per document). */
  readonly quoteOf = (i: number): number => this.quoteOfToken[i]!;

  /** `log`: record the candidate decisions for training (and keep every reading); null at run time. */
  constructor(readonly doc: Doc, readonly log: DecisionLog | null = null) {
    this.toks = doc.tokens;
    const found = findQuotes(doc);
    this.quotes = found.quotes;
    this.quoteOfToken = found.quoteOfToken;
    this.markOfToken = found.markOfToken;
    this.windowStart = new Int32Array(doc.sentences.length);
    this.windowEnd = new Int32Array(doc.sentences.length);
    this.windows();
    for (let qi = 0; qi < this.quotes.length; qi++) {
      const q = this.quotes[qi]!;
      for (let i = q.tokStart - 1; i >= 0 && this.toks[i]!.start >= q.open; i--) this.quoteOpenedBy.set(i, qi);
      for (let i = q.tokEnd; i < this.toks.length && this.toks[i]!.start < q.closeEnd; i++) {
        this.quoteClosedBy.set(i, qi);
      }
    }
  }

  /**
   * The token window each sentence is read in: wink ends sentences inside abbreviations in parentheses
   * ("Sen. Lindsey Graham (R-S.C.) told ..."), so a sentence that starts with ")" or "," or a lower-case word is
   * read together with its neighbour in the same paragraph.
   */
  private windows(): void {
    const { doc, toks } = this;
    const n = doc.sentences.length;
    for (let si = 0; si < n; si++) {
      const sent = doc.sentences[si]!;
      const first = toks[sent.tokenStart]!;
      const glued = si > 0 && doc.sentences[si - 1]!.paragraph === sent.paragraph
        && (first.lower === ')' || first.lower === ',' || LOWER_CASE_START.test(first.text));
      this.windowStart[si] = glued ? this.windowStart[si - 1]! : sent.tokenStart;
    }
    for (let si = n - 1; si >= 0; si--) {
      const glued = si + 1 < n && this.windowStart[si + 1] === this.windowStart[si];
      this.windowEnd[si] = glued ? this.windowEnd[si + 1]! : doc.sentences[si]!.tokenEnd;
    }
  }

  /** Token i is a quotation mark (paired, or a stray one). */
  isMark(i: number): boolean {
    return this.markOfToken[i] === 1 || isQuoteMark(this.toks[i]!.text);
  }

  /** Content ranges for a whole chain of paragraph-continued quotes, starting from any member. */
  quoteChain(qi: number): Range[] {
    const out: Range[] = [];
    for (let q = chainHead(this.quotes, qi); q >= 0; q = this.quotes[q]!.next) {
      out.push({ s: this.quotes[q]!.tokStart, e: this.quotes[q]!.tokEnd });
    }
    return out;
  }

  /** Some token in [s, e) lies inside a quotation. */
  hasQuoteIn(s: number, e: number): boolean {
    for (let i = s; i < e; i++) if (this.quoteOfToken[i]! >= 0) return true;
    return false;
  }

  /** Where reading d starts in the text (its cue, else its content), to order readings by. */
  firstOffset(d: Draft): number {
    const r = d.cue ?? d.content[0]!;
    return this.toks[r.s]!.start;
  }

  /** Adds a reading that has content and stands (see keepReading), its content trimmed. */
  push(d: Draft): void {
    const raw = d.content;
    d.content = raw.map((r) => this.trim(r)).filter((r) => r.e > r.s);
    if (d.content.length === 0 || !keepReading(this, d)) return;
    // The scorer saw the hand rule's content (as in training); a kept reading gets the learned content end.
    const model = this.log ? null : boundaryModel();
    if (model && raw.some((r) => r.max !== undefined)) {
      d.content = raw.map((r) => {
        if (r.max === undefined) return r;
        const s = learnedStart(this, model, r.s, r.e);
        const rule = s === r.s ? r.e : ruleClauseEnd(this, s, r.max);
        const e = learnedEnd(this, model, s, r.max, rule);
        return { s, e: e < rule && !learnedCutStands(this, s, e, rule) ? rule : e };
      })
        .map((r) => this.trim(r)).filter((r) => r.e > r.s);
      if (d.content.length === 0) return;
    }
    this.drafts.push(d);
  }

  /** Content without quote marks, a leading "that" outside quotes, or trailing punctuation. */
  trim(r: Range): Range {
    const { toks } = this;
    let { s, e } = r;
    while (s < e && (this.isMark(s) || toks[s]!.lower === ':' || (this.quoteOfToken[s]! < 0
      && toks[s]!.lower === 'that'))) s++;
    while (e > s && (TRAILING_PUNCT.has(toks[e - 1]!.lower) || this.isMark(e - 1))) e--;
    return { s, e };
  }
}
