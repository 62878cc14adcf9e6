/**
 * The NER stage around the tagger: the words it is given (tokens glued back as in the training text), the sentence
 * starts it sees, and the span repairs after it. Sentences written for these tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newDoc, type Doc } from '../src/model/document.js';
import { segmentStage } from '../src/stages/segment.js';
import { nerStage } from '../src/stages/entities/ner.js';
import { taggerSentenceStarts, taggerWords } from '../src/stages/entities/ner/words.js';
import {
  abbreviates, addDefinedAcronyms, completeHyphenTails, dropPartyLabels, extendNationalityToOrg, joinPluralPossessive,
} from '../src/stages/entities/ner/repair.js';
import type { NameSpan } from '../src/stages/entities/ner/decode.js';

function segmented(text: string): Doc {
  const doc = newDoc(text, { id: 't', title: null, url: null, published: null, publishedSource: null, source: null });
  segmentStage.run(doc);
  return doc;
}

function names(text: string): string[] {
  const doc = segmented(text);
  nerStage.run(doc);
  return doc.mentions.map((m) => `${doc.text.slice(m.start, m.end)}/${m.type}`);
}

function wordsOf(text: string) {
  const doc = segmented(text);
  const tw = taggerWords(doc.tokens, doc.tokens.map((t) => t.text));
  return { doc, tw };
}

test('tagger words: hyphen compounds, participle compounds, list numbers and split letters are one word', () => {
  const { tw } = wordsOf('3. Anna Okello-Waweru of VNO-NCW joined the one-day talks in a Nairobi-based team with Ayşe Yılmaz.');
  for (const w of ['3.', 'Okello-Waweru', 'VNO-NCW', 'one-day', 'Nairobi-based', 'Ayşe', 'Yılmaz']) {
    assert.ok(tw.words.includes(w), `${w} not in ${tw.words.join(' | ')}`);
  }
  // A capitalised word with a lower-case, non-participle tail stays apart for the tagger.
  const { tw: hk } = wordsOf('Councillor Lau Mei-wah spoke.');
  assert.ok(hk.words.includes('Mei') && hk.words.includes('wah'), hk.words.join(' | '));
  // Spaced dashes are not hyphens.
  const { tw: dash } = wordsOf('RUGBY - LEEDS WIN');
  assert.deepEqual(dash.words, ['RUGBY', '-', 'LEEDS', 'WIN']);
});

test('tagger words map back to whole tokens', () => {
  const { doc, tw } = wordsOf('Talks in Nagorno-Karabakh resumed.');
  const k = tw.words.indexOf('Nagorno-Karabakh');
  assert.equal(doc.text.slice(doc.tokens[tw.first[k]!]!.start, doc.tokens[tw.first[k + 1]! - 1]!.end), 'Nagorno-Karabakh');
  assert.equal(tw.first[tw.words.length], doc.tokens.length);
});

test('a sentence opener after an initial starts a sentence for the tagger', () => {
  const { doc, tw } = wordsOf('The motion was tabled by Sen. Amos K. The Coast Herald backed it.');
  const starts = taggerSentenceStarts(doc.tokens, tw);
  assert.equal(starts[tw.words.indexOf('The', 1)], true);
  assert.equal(starts[tw.words.indexOf('Amos')], false);
  assert.ok(!names(doc.text).some((n) => /K\. The/.test(n)), names(doc.text).join(', '));
});

const span = (start: number, end: number, type: NameSpan['type']): NameSpan => ({ start, end, type });

test('a plural, an apostrophe and a capitalised head are one organisation', () => {
  const words = "the Dutch Nurses ' Guild of Utrecht met".split(' ');
  const starts = words.map((_, i) => i === 0);
  const got = joinPluralPossessive(words, starts, [span(1, 3, 'LOC'), span(6, 7, 'LOC')]);
  assert.deepEqual(got, [span(1, 7, 'ORG')]);
  // A singular possessive is not this pattern.
  const single = "the Mayor ' Office".split(' ');
  assert.deepEqual(joinPluralPossessive(single, single.map((_, i) => i === 0), []), []);
});

test('a nationality followed by an organisation name the tagger missed is one organisation', () => {
  const words = 'the Norwegian Chamber of Shipping and the Danish team'.split(' ');
  const starts = words.map((_, i) => i === 0);
  const isNationality = (w: string) => w === 'Norwegian' || w === 'Danish';
  const got = extendNationalityToOrg(words, starts, [span(1, 2, 'MISC'), span(7, 8, 'MISC')], isNationality);
  assert.deepEqual(got, [span(1, 5, 'ORG'), span(7, 8, 'MISC')]);
  // Headline capitals are not a name.
  const head = 'NORWEGIAN LEAGUE RESULTS'.split(' ');
  assert.deepEqual(extendNationalityToOrg(head, [true, false, false], [span(0, 1, 'MISC')], () => true), [span(0, 1, 'MISC')]);
});

test('an acronym defined in brackets is a name wherever it recurs', () => {
  assert.ok(abbreviates('WHO', ['World', 'Health', 'Organization']));
  assert.ok(abbreviates('ILO', ['International', 'Labour', 'Organization']));
  assert.ok(!abbreviates('SWE', ['Tomas', 'Lind']));
  const words = 'the World Health Organization ( WHO ) said WHO staff left'.split(' ');
  const got = addDefinedAcronyms(words, words.map((_, i) => i === 0), [span(1, 4, 'ORG')]);
  assert.deepEqual(got, [span(1, 4, 'ORG'), span(5, 6, 'ORG'), span(8, 9, 'ORG')]);
  // The acronym spells more than the tagger's name: the name is what it spells.
  const long = 'the Pacific Fisheries , Marine and Coastal Authority ( PFMCA ) said'.split(' ');
  const spelled = addDefinedAcronyms(long, long.map((_, i) => i === 0), [span(1, 3, 'ORG'), span(7, 8, 'ORG')]);
  assert.deepEqual(spelled, [span(1, 8, 'ORG'), span(9, 10, 'ORG')]);
});

test('a hyphenated given name is completed after the tagger', () => {
  const words = 'Lau Mei - wah spoke'.split(' ');
  assert.deepEqual(completeHyphenTails(words, [true, true, true, false, false], [span(0, 2, 'PER')]), [span(0, 4, 'PER')]);
  assert.deepEqual(completeHyphenTails(words, [true, false, false, false, false], [span(0, 2, 'PER')]), [span(0, 2, 'PER')]);
});

test('end to end: organisations with a nationality or an acronym inside keep their whole name', () => {
  const got = names("The Swedish Farmers' Federation said on Monday that prices had fallen. "
    + 'VNO-NCW chairman Ingrid Thijssen agreed, and the World Health Organization (WHO) said a WHO team would visit.');
  for (const want of ["Swedish Farmers' Federation/ORG", 'VNO-NCW/ORG', 'WHO']) {
    assert.ok(got.some((g) => g.startsWith(want)), `missing ${want} in ${got.join(', ')}`);
  }
  assert.equal(got.filter((g) => g.startsWith('WHO/')).length, 2, got.join(', '));
  assert.ok(!got.includes('Swedish/NORP') && !got.some((g) => g.startsWith('NCW/')), got.join(', '));
});

test('end to end: a name never runs on over the plain words after it', () => {
  const got = names('The Regional Health Organization said infections had doubled in a week.');
  assert.ok(got.some((g) => g.startsWith('Regional Health Organization/')), got.join(', '));
  assert.ok(!got.some((g) => / said| had/.test(g)), got.join(', '));
});

test('end to end: names in a list are whole, including hyphenated and non-Latin-1 ones', () => {
  const got = names('The finalists were Chan Siu-ming, Ho Ka-yan, Çağla Öztürk and Piotr Wójcik, the organisers said.');
  for (const want of ['Chan Siu-ming/PERSON', 'Ho Ka-yan/PERSON', 'Çağla Öztürk/PERSON', 'Piotr Wójcik/PERSON']) {
    assert.ok(got.includes(want), `missing ${want} in ${got.join(', ')}`);
  }
});

test('a line of names is not read as a title-case headline', () => {
  const got = names('Leading finishers: Amos Kiprono, Hilda Chebet, Tomas Lindqvist (Sweden), Marta Ruiz (Spain)');
  for (const want of ['Amos Kiprono/PERSON', 'Hilda Chebet/PERSON', 'Marta Ruiz/PERSON', 'Sweden/GPE']) {
    assert.ok(got.includes(want), `missing ${want} in ${got.join(', ')}`);
  }
});

test('a party label after a person names nothing', () => {
  const words = 'Sen. Dana Hale ( R-Iowa ) and Rep. Al Ruiz ( D ) met Ada Lim ( RSA ) .'.split(' ');
  const spans = [span(1, 3, 'PER'), span(4, 5, 'LOC'), span(8, 10, 'PER'), span(11, 12, 'ORG'), span(13, 15, 'PER'), span(16, 17, 'ORG')];
  // A bracketed name that is no party label stays.
  assert.deepEqual(dropPartyLabels(words, spans), [span(1, 3, 'PER'), span(8, 10, 'PER'), span(13, 15, 'PER'), span(16, 17, 'ORG')]);
  const doc = names('Gov. Pat Lorrey (R) said the video would be released. Sen. Jeff Collins (D-Ore.) disagreed.');
  assert.ok(!doc.some((n) => /^(R|D|Ore|D-Ore\.?)\//.test(n)), doc.join(', '));
});
