/**
 * NER stage: finds names of people, organisations, places and other things with the trained two-stage tagger
 * (models/ner, see ner/model.ts) and adds them to `doc.mentions` as unresolved name mentions with claimline
 * types (see ner/types.ts). The span is the name alone: titles, roles and determiners stay outside, as in the
 * CoNLL-2003 training data.
 */
import type { Doc, Stage, Token } from '../../model/document.js';
import { tagTokens } from './ner/model.js';
import { claimlineType } from './ner/types.js';
import { joinFeatureOf } from './ner/repair.js';

/** Typographic quotes and apostrophes as the ASCII ones of the (Reuters) training text. */
const ASCII: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"', '\u2013': '-', '\u2014': '--' };
const asTrained = (w: string): string => w.replace(/[\u2018\u2019\u201c\u201d\u2013\u2014]/g, (c) => ASCII[c]!);

/** Parts of speech of a capitalised word that is not a name: what a headline has and a row of names lacks. */
const COMMON_POS = new Set(['VERB', 'AUX', 'NOUN', 'ADJ', 'ADV']);

/**
 * Title-case headlines ("Ambassador Says Wounded Soldiers Treated in ...") capitalise every content word, which
 * running-text features read as a string of names. The training text writes headlines in capitals instead, and
 * the model has learned to read those with document-level evidence, so such lines are given to it upper-cased.
 * A line of names ("Billy Andrade, Duffy Waldorf, Jesper Parnevik (Sweden)", a results table) is capitalised
 * throughout too, but reads best as it is: a headline is told from it by its capitalised common words ("Says",
 * "Wounded"; a quarter or more of its capitalised words, as the POS tagger reads them), which a row of names has
 * none or one of.
 */
function isTitleCase(tokens: readonly Token[], words: readonly string[], from: number, to: number): boolean {
  let capitalised = 0;
  let common = 0;
  for (let i = from; i < to; i++) {
    const w = words[i]!;
    if (w.length < 4 || !/^\p{L}+$/u.test(w)) continue;
    if (w[0] === w[0]!.toLowerCase()) return false;
    capitalised++;
    if (COMMON_POS.has(tokens[i]!.pos)) common++;
  }
  return capitalised >= 3 && common * 4 >= capitalised;
}

/**
 * The tagger's words: the document's tokens, glued back where the training text keeps one token and wink splits
 * it. Hyphenated compounds ("Nagorno-Karabakh", "VNO-NCW", "Inzamam-ul-Haq", "one-day") are one word in
 * CoNLL-2003, and a name split at its hyphens is read as several names or loses a part; so are list numbers and
 * decimals ("3.", ".596"). Only tokens that touch (no space between) are glued. A capitalised word with a
 * lower-case tail is glued only when the tail is a participle ("London-based", "Moscow-backed": one MISC word in the
 * training text); other such compounds ("Chi-wai" in "Wu Chi-wai") are too rare there for the tagger to read them
 * whole, and it does better with the capitalised part alone. `first[k]` is the first token of word k (`first[n]`:
 * the end).
 */
const PARTICIPLE_TAIL = /(?:ed|born|run|bound|made|built|owned|held|led)$/;

export function taggerWords(tokens: readonly Token[], text: readonly string[]): { words: string[]; first: number[] } {
  const words: string[] = [];
  const first: number[] = [];
  const touches = (i: number) => i + 1 < tokens.length && tokens[i]!.end === tokens[i + 1]!.start
    && tokens[i]!.sentence === tokens[i + 1]!.sentence;
  const wordLike = (i: number) => i < tokens.length && /^[\p{L}\d]/u.test(text[i]!) && /[\p{L}\d]$/u.test(text[i]!);
  for (let i = 0; i < tokens.length;) {
    let j = i + 1;
    // A hyphen chain: word - word (- word ...), every piece touching the next.
    while (wordLike(j - 1) && text[j] === '-' && touches(j - 1) && touches(j) && wordLike(j + 1)) j += 2;
    if (j > i + 1 && /^\p{Lu}/u.test(text[i]!) && /^\p{Ll}/u.test(text[j - 1]!) && !PARTICIPLE_TAIL.test(text[j - 1]!)) j = i + 1;
    if (j === i + 1 && touches(i) && j < tokens.length) {
      if (/^\d+$/.test(text[i]!) && text[j] === '.' && !touches(j)) j++; // "3." opening a results line
      else if (text[i] === '.' && /^\d+$/.test(text[j]!)) j++; // ".596"
    }
    words.push(text.slice(i, j).join(''));
    first.push(i);
    i = j;
  }
  first.push(tokens.length);
  return { words, first };
}

export function findNames(doc: Doc): void {
  const { tokens } = doc;
  const tokenWords = tokens.map((t) => asTrained(t.text));
  const titleCase = new Uint8Array(tokens.length);
  for (const s of doc.sentences) {
    if (isTitleCase(tokens, tokenWords, s.tokenStart, s.tokenEnd)) titleCase.fill(1, s.tokenStart, s.tokenEnd);
  }
  const { words, first } = taggerWords(tokens, tokenWords);
  const sentStart = first.slice(0, -1).map((t) => t === 0 || tokens[t]!.sentence !== tokens[t - 1]!.sentence);
  const modelWords = words.map((w, k) => (titleCase[first[k]!] ? w.toUpperCase() : w));
  for (const span of joinFeatureOf(words, tagTokens(modelWords, sentStart))) {
    const tokenStart = first[span.start]!;
    const tokenEnd = first[span.end]!;
    doc.mentions.push({
      start: tokens[tokenStart]!.start,
      end: tokens[tokenEnd - 1]!.end,
      tokenStart,
      tokenEnd,
      type: claimlineType(span.type, { words, start: span.start, end: span.end }),
      kind: 'name',
      entity: -1,
    });
  }
}

export const nerStage: Stage = { name: 'ner', run: findNames };
