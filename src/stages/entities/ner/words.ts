/**
 * The tagger's words: the document's tokens, glued back where the training text (CoNLL-2003, Reuters) keeps one
 * token and wink splits it, so the tagger reads the words it was trained on and a name is not cut at a split.
 */
import type { Token } from '../../../model/document.js';

/** A capitalised word's lower-case tail that makes a one-word MISC compound in the training text ("London-based"). */
const PARTICIPLE_TAIL = /(?:ed|born|run|bound|made|built|owned|held|led)$/;

/**
 * The words the tagger reads, with `first[k]` the first token of word k (`first[n]`: the number of tokens). Words
 * wink split at an unfamiliar letter ("Yılmaz", "Łódź") are already whole tokens (segmentation glues them); glued here
 * are: hyphenated compounds ("Nagorno-Karabakh", "VNO-NCW",
 * "Inzamam-ul-Haq", "one-day"), one word in CoNLL-2003, where a name split at its hyphens is read as several names
 * or loses a part; list numbers and decimals ("3.", ".596"). Only pieces that touch (no space between) are glued. A
 * capitalised word with a lower-case tail is glued only when the tail is a participle ("London-based", "Moscow-
 * backed": one MISC word in the training text); other such compounds ("Chi-wai" in "Wu Chi-wai") are too rare there
 * for the tagger to read them whole, and it does better with the capitalised part alone (the name is completed
 * after tagging, see completeHyphenTails).
 */
export interface TaggerWords {
  words: string[];
  first: number[];
  /** `touchesNext[k]`: word k is written against word k + 1, no space between, in the same sentence. */
  touchesNext: boolean[];
}

export function taggerWords(tokens: readonly Token[], text: readonly string[]): TaggerWords {
  // The pieces glued into words are the tokens themselves.
  const pieces = text;
  const n = pieces.length;
  const words: string[] = [];
  const first: number[] = [];
  const touches = (k: number) => k + 1 < n && tokens[k]!.end === tokens[k + 1]!.start
    && tokens[k]!.sentence === tokens[k + 1]!.sentence;
  const wordLike = (k: number) => k < n && /^[\p{L}\d]/u.test(pieces[k]!) && /[\p{L}\d]$/u.test(pieces[k]!);
  for (let k = 0; k < n;) {
    let j = k + 1;
    // A hyphen chain: word - word (- word ...), every piece touching the next.
    while (pieces[j] === '-' && touches(j - 1) && touches(j) && wordLike(j - 1) && wordLike(j + 1)) j += 2;
    if (j > k + 1 && /^\p{Lu}/u.test(pieces[k]!) && /^\p{Ll}/u.test(pieces[j - 1]!) && !PARTICIPLE_TAIL.test(pieces[j - 1]!)) j = k + 1;
    if (j === k + 1 && (pieces[k] === '.' || pieces[k + 1] === '.') && touches(k)) {
      if (/^\d+$/.test(pieces[k]!) && pieces[j] === '.' && !touches(j)) j++; // "3." opening a results line
      else if (pieces[k] === '.' && /^\d+$/.test(pieces[j]!)) j++; // ".596"
    }
    words.push(pieces.slice(k, j).join(''));
    first.push(k);
    k = j;
  }
  first.push(tokens.length);
  const touchesNext = words.map((_, k) => k + 1 < words.length && tokens[first[k + 1]! - 1]!.end === tokens[first[k + 1]!]!.start
    && tokens[first[k]!]!.sentence === tokens[first[k + 1]!]!.sentence);
  return { words, first, touchesNext };
}

/** Capitalised closed-class words that open sentences and never continue a name. */
const SENTENCE_OPENERS = new Set([
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'He', 'She', 'It', 'They', 'We', 'I', 'His', 'Her', 'Its',
  'Their', 'Our', 'But', 'And', 'Yet', 'However', 'Meanwhile', 'Earlier', 'Later', 'When', 'While', 'After',
  'Before', 'If', 'There', 'Some', 'Many', 'Most', 'Such',
]);

/**
 * Sentence starts as the tagger sees them: the segmenter's, plus one after an initial or abbreviation the segmenter
 * took for part of the sentence when a sentence opener follows ("sponsored by Sen. Moses W. The Daily Nation said"),
 * so the tagger does not run one name across the break ("Moses W. The").
 */
export function taggerSentenceStarts(tokens: readonly Token[], tw: TaggerWords): boolean[] {
  const { words, first } = tw;
  return words.map((w, k) => {
    const t = first[k]!;
    if (t === 0 || tokens[t]!.sentence !== tokens[t - 1]!.sentence) return true;
    return SENTENCE_OPENERS.has(w) && words[k - 1]!.endsWith('.') && words[k - 1]!.length > 1;
  });
}
