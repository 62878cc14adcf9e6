/**
 * NER stage: finds names of people, organisations, places and other things with the trained two-stage tagger
 * (models/ner, see ner/model.ts) and adds them to `doc.mentions` as unresolved name mentions with claimline
 * types (see ner/types.ts). The span is the name alone: titles, roles and determiners stay outside, as in the
 * CoNLL-2003 training data.
 */
import type { Doc, Stage, Token } from '../../model/document.js';
import { tagTokens } from './ner/model.js';
import { claimlineType } from './ner/types.js';
import {
  addDefinedAcronyms, completeHyphenTails, dropPartyLabels, extendNationalityToOrg, extendToOrgHead, joinOrgHeadOf, splitPersonFromNeighbour, addPersonAfterName, joinFeatureOf, joinPluralPossessive,
  joinStormAndCraftPrefixes,
} from './ner/repair.js';
import { lookupGeo } from '../../lexicon/geo.js';
import { taggerSentenceStarts, taggerWords } from './ner/words.js';

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
 * "Wounded"; a sixth or more of its capitalised words, as the POS tagger reads them), which a row of names has
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
  return capitalised >= 3 && common * 6 >= capitalised;
}

const isNationality = (name: string): boolean => lookupGeo(name)?.kind === 'demonym';

export function findNames(doc: Doc): void {
  const { tokens } = doc;
  const tokenWords = tokens.map((t) => asTrained(t.text));
  const titleCase = new Uint8Array(tokens.length);
  for (const s of doc.sentences) {
    if (isTitleCase(tokens, tokenWords, s.tokenStart, s.tokenEnd)) titleCase.fill(1, s.tokenStart, s.tokenEnd);
  }
  const tw = taggerWords(tokens, tokenWords);
  const { words, first, touchesNext } = tw;
  const sentStart = taggerSentenceStarts(tokens, tw);
  const modelWords = words.map((w, k) => (titleCase[first[k]!] ? w.toUpperCase() : w));
  const tagged = joinStormAndCraftPrefixes(words, sentStart,
    joinOrgHeadOf(words, sentStart, joinFeatureOf(words, tagTokens(modelWords, sentStart))));
  const inTitleCase = words.map((_, k) => titleCase[first[k]!] === 1);
  const joined = extendToOrgHead(words, sentStart, inTitleCase,
    extendNationalityToOrg(words, sentStart, joinPluralPossessive(words, sentStart, tagged), isNationality), isNationality);
  const spans = addPersonAfterName(words, sentStart, splitPersonFromNeighbour(words,
    dropPartyLabels(words, addDefinedAcronyms(words, sentStart, completeHyphenTails(words, touchesNext, joined)))));
  for (const span of spans) {
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

export const nerStage: Stage = {
  name: 'ner', requires: ['tokens', 'sentences'], assigns: ['mentions'], writesMeta: [], run: findNames,
};
