/**
 * Quantities: counts, amounts and percentages with what they count ("up to 12,000 North Korean soldiers",
 * "hundreds of fighters", "$3.5 billion", "40 percent"). Numbers inside time expressions are dates, not
 * quantities, so this stage runs after the time stage and skips them.
 */
import type { Doc, Quantity, Stage, Token } from '../model/document.js';

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  a: 1, an: 1,
};
const SCALES: Record<string, number> = {
  hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, mn: 1e6, m: 1e6, k: 1e3,
};
/** "hundreds of", "dozens of": a vague magnitude, approximate and without a single value. */
const VAGUE_PLURALS = new Set(['dozens', 'hundreds', 'thousands', 'millions', 'billions', 'scores', 'tens']);
const CURRENCY_SYMBOLS: Record<string, string> = { '$': 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₩': 'KRW', '₽': 'RUB' };
const UNIT_WORDS: Record<string, string> = {
  percent: '%', 'per cent': '%', '%': '%', dollars: 'USD', dollar: 'USD', euros: 'EUR', euro: 'EUR', pounds: 'GBP',
  yen: 'JPY', won: 'KRW', rubles: 'RUB', roubles: 'RUB', yuan: 'CNY',
};

type BoundPhrase = { words: string[]; bound: 'min' | 'max' | null; approx: boolean };
/** Modifiers that precede a number; longest first so "more than" wins over "more". */
const MODIFIERS: BoundPhrase[] = [
  { words: ['up', 'to'], bound: 'max', approx: false },
  { words: ['no', 'more', 'than'], bound: 'max', approx: false },
  { words: ['at', 'most'], bound: 'max', approx: false },
  { words: ['fewer', 'than'], bound: 'max', approx: false },
  { words: ['less', 'than'], bound: 'max', approx: false },
  { words: ['at', 'least'], bound: 'min', approx: false },
  { words: ['more', 'than'], bound: 'min', approx: false },
  { words: ['over'], bound: 'min', approx: false },
  { words: ['almost'], bound: 'max', approx: true },
  { words: ['nearly'], bound: 'max', approx: true },
  { words: ['about'], bound: null, approx: true },
  { words: ['around'], bound: null, approx: true },
  { words: ['approximately'], bound: null, approx: true },
  { words: ['roughly'], bound: null, approx: true },
  { words: ['some'], bound: null, approx: true },
  { words: ['an', 'estimated'], bound: null, approx: true },
  { words: ['estimated'], bound: null, approx: true },
];

const NUMERIC = /^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$/;
/** Measurement units written glued to their number ("10km", "5kg", "60mph"): a quantity, unlike "4chan". */
const GLUED_UNITS = new Set(['km', 'kg', 'mm', 'cm', 'ft', 'lb', 'lbs', 'mph', 'kph', 'mw', 'gw', 'kw', 'kwh', 'ha', 'sq']);
const RE_LETTER = /\p{L}/u;
/** Measures after a number: the number is a quantity even right after a name ("placed Humberto 785 miles east"). */
const MEASURES = new Set([
  'miles', 'mile', 'kilometers', 'kilometres', 'km', 'meters', 'metres', 'feet', 'foot', 'yards', 'inches', 'tonnes',
  'tons', 'kilograms', 'kg', 'degrees', 'mph', 'knots', 'hectares', 'acres', 'per', '%',
]);

/**
 * True when the number at token `tok` is part of a name or an identifier: glued to letters before it ("G7", "MP3")
 * or through a hyphen ("F-16", "COVID-19"), or to letters after it that are no scale or unit ("4chan", "5G").
 */
function inName(text: string, tok: Token, next: Token | undefined, prev: Token | undefined): boolean {
  // "Windows 10 users", "Channel 4", "the FTSE 100": a number right after a proper name is part of it, unless a
  // measure follows ("placed the storm 785 miles east").
  if (prev && prev.pos === 'PROPN' && /^\p{L}/u.test(prev.text) && !/\n/.test(text.slice(prev.end, tok.start))
    && !(next && (MEASURES.has(next.lower) || UNIT_WORDS[next.lower] !== undefined || SCALES[next.lower] !== undefined))) return true;
  const before = text[tok.start - 1] ?? ' ';
  if (RE_LETTER.test(before)) return true;
  if (before === '-' && RE_LETTER.test(text[tok.start - 2] ?? ' ')) return true;
  if (!next || next.start !== tok.end || !RE_LETTER.test(text[tok.end]!)) return false;
  return SCALES[next.lower] === undefined && !GLUED_UNITS.has(next.lower);
}

function numericValue(tok: Token): number | null {
  if (NUMERIC.test(tok.text)) return Number(tok.text.replace(/,/g, ''));
  return null;
}

/**
 * Answers "is this offset inside a time expression?" for offsets asked in increasing order, walking the timexes
 * once instead of scanning them all per number.
 */
function timexCover(timexes: { start: number; end: number }[]): (offset: number) => boolean {
  const ranges = [...timexes].sort((a, b) => a.start - b.start);
  let k = 0;
  let reach = -1; // the furthest end among ranges starting at or before the last offset asked
  return (offset) => {
    while (k < ranges.length && ranges[k]!.start <= offset) reach = Math.max(reach, ranges[k++]!.end);
    return offset < reach;
  };
}

export function findQuantities(doc: Doc): Quantity[] {
  const out: Quantity[] = [];
  const toks = doc.tokens;
  const inTimex = timexCover(doc.timexes);
  for (const sent of doc.sentences) {
    let i = sent.tokenStart;
    while (i < sent.tokenEnd) {
      const t = toks[i]!;
      let value: number | null = null;
      let approx = false;
      let numStart = i;
      let j = i;
      let unit: string | null = null;
      const currency = CURRENCY_SYMBOLS[t.text];
      if (currency && i + 1 < sent.tokenEnd && numericValue(toks[i + 1]!) !== null) {
        unit = currency;
        j = i + 1;
      }
      const first = toks[j]!;
      const numeric = numericValue(first);
      if (numeric !== null && inName(doc.text, first, toks[j + 1], j > sent.tokenStart ? toks[j - 1] : undefined)) {
        i = j + 1;
        continue;
      } else if (numeric !== null && !inTimex(first.start)) {
        value = numeric;
        j++;
      } else if (VAGUE_PLURALS.has(first.lower) && j + 1 < sent.tokenEnd && toks[j + 1]!.lower === 'of') {
        approx = true;
        j += 2;
      } else if (UNITS[first.lower] !== undefined && first.lower !== 'a' && first.lower !== 'an' && first.pos === 'NUM'
        && !(doc.text[first.start - 1] === '-' && /\d/.test(doc.text[first.start - 2] ?? ''))) {
        // ("7-Eleven" is a name: a number word glued to digits by a hyphen.)
        value = UNITS[first.lower]!;
        j++;
        // "twenty five", "forty-two" come as one or two tokens
        if (j < sent.tokenEnd && UNITS[toks[j]!.lower] !== undefined && UNITS[toks[j]!.lower]! < 10 && value >= 20) {
          value += UNITS[toks[j]!.lower]!;
          j++;
        }
      } else {
        i++;
        continue;
      }
      // scale words: "3.5 billion", "two million"
      while (value !== null && j < sent.tokenEnd && SCALES[toks[j]!.lower] !== undefined) {
        value *= SCALES[toks[j]!.lower]!;
        j++;
      }
      // modifiers before the number
      let bound: 'min' | 'max' | null = null;
      for (const m of MODIFIERS) {
        const n = m.words.length;
        if (numStart - n < sent.tokenStart) continue;
        let ok = true;
        for (let k = 0; k < n; k++) if (toks[numStart - n + k]!.lower !== m.words[k]) { ok = false; break; }
        if (ok) {
          bound = m.bound;
          approx = approx || m.approx;
          numStart -= n;
          break;
        }
      }
      // unit word right after ("40 percent", "5 million dollars") or the counted noun phrase
      let end = j;
      if (j < sent.tokenEnd) {
        const next = toks[j]!;
        const two = j + 1 < sent.tokenEnd ? `${next.lower} ${toks[j + 1]!.lower}` : '';
        if (UNIT_WORDS[two]) { unit = UNIT_WORDS[two]!; end = j + 2; }
        else if (UNIT_WORDS[next.lower]) { unit = UNIT_WORDS[next.lower]!; end = j + 1; }
        else if (next.text === '%') { unit = '%'; end = j + 1; }
        else if (GLUED_UNITS.has(next.lower) && next.start === toks[j - 1]!.end) { unit = next.lower; end = j + 1; }
        else {
          // counted noun phrase: modifiers (ADJ/PROPN/hyphenated) then nouns; unit = head noun
          let k = j;
          while (k < sent.tokenEnd && (toks[k]!.pos === 'ADJ' || toks[k]!.pos === 'PROPN' || toks[k]!.pos === 'VERB' && /(ed|ing)$/.test(toks[k]!.lower) && toks[k + 1]?.pos === 'NOUN')) k++;
          let h = k;
          while (h < sent.tokenEnd && toks[h]!.pos === 'NOUN') h++;
          if (h > k) { unit ??= toks[h - 1]!.lower; end = h; }
        }
      }
      // a bare number with nothing counted and no unit is usually an identifier or score, not a quantity
      if (unit === null && value !== null && end === j && !approx && bound === null) { i = j; continue; }
      out.push({
        start: toks[numStart]!.start, end: toks[end - 1]!.end, value: approx && value === null ? null : value,
        unit, approx, bound,
      });
      i = end;
    }
  }
  return out;
}

/** Numbers inside a time expression ("in 2015") are dates, not quantities: hence the timexes. */
export const quantityStage: Stage = {
  name: 'quantities',
  requires: ['tokens', 'sentences', 'timexes'],
  assigns: ['quantities'],
  writesMeta: [],
  run(doc: Doc) { doc.quantities = findQuantities(doc); },
};
