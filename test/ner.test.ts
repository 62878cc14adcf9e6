/**
 * NER: names found with the right claimline type and the name-only span, on sentences written for these tests;
 * the tagging API; the model's load time; the conlleval-style scorer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newDoc, type Doc } from '../src/model/document.js';
import { segmentStage } from '../src/stages/segment.js';
import { nerStage } from '../src/stages/entities/ner.js';
import { defaultModelDir, getNerModel, loadNerModel, tagTokens } from '../src/stages/entities/ner/model.js';
import { chunksOf } from '../src/stages/entities/ner/conll.js';
import { greedyDecode, spansFromTags } from '../src/stages/entities/ner/decode.js';
import { TAGS, docFeatures } from '../src/stages/entities/ner/features.js';
import { buildGazIndex, gazetteerTags } from '../src/stages/entities/ner/gazetteer.js';
import { scoreTags } from '../src/eval/ner.js';

function names(text: string): Doc {
  const doc = newDoc(text, { id: 't', title: null, url: null, published: null, publishedSource: null, source: null });
  segmentStage.run(doc);
  nerStage.run(doc);
  return doc;
}

const found = (doc: Doc) => doc.mentions.map((m) => `${doc.text.slice(m.start, m.end)}/${m.type}`);

test('people, countries, cities and nationalities get name-only spans and claimline types', () => {
  const doc = names(
    'French President Emmanuel Macron said on Tuesday that France would send more doctors to Kenya. '
    + 'He spoke to reporters in Paris after talks with German officials.',
  );
  const got = found(doc);
  for (const want of ['Emmanuel Macron/PERSON', 'France/GPE', 'Kenya/GPE', 'Paris/GPE', 'French/NORP', 'German/NORP']) {
    assert.ok(got.includes(want), `missing ${want} in ${got.join(', ')}`);
  }
  // Titles stay outside the name.
  assert.ok(!got.some((g) => g.startsWith('President')), got.join(', '));
  for (const m of doc.mentions) {
    assert.equal(m.kind, 'name');
    assert.equal(m.entity, -1);
    assert.equal(doc.tokens[m.tokenStart]!.start, m.start);
    assert.equal(doc.tokens[m.tokenEnd - 1]!.end, m.end);
  }
});

test('a title before a name is not part of the span', () => {
  const got = found(names('Russian Foreign Minister Sergei Lavrov told the United Nations in New York that talks had failed.'));
  assert.ok(got.includes('Sergei Lavrov/PERSON'), got.join(', '));
  assert.ok(got.includes('United Nations/ORG'), got.join(', '));
  assert.ok(got.includes('New York/GPE'), got.join(', '));
});

test('seas, continents and regions are LOC, companies ORG', () => {
  const got = found(names(
    'Shares of Siemens fell after the company said demand in Asia had slowed. '
    + 'Two tankers collided in the Black Sea, near the Gulf of Odessa, officials in the Kherson region said.',
  ));
  for (const want of ['Siemens/ORG', 'Asia/LOC', 'Black Sea/LOC', 'Gulf of Odessa/LOC', 'Kherson/LOC']) {
    assert.ok(got.includes(want), `missing ${want} in ${got.join(', ')}`);
  }
});

test('a title-case headline is not read as a row of names', () => {
  const got = found(names('Minister Says Flooded Villages Evacuated in Bangladesh\n\nThe minister said on Monday that the water was rising.'));
  assert.ok(got.includes('Bangladesh/GPE'), got.join(', '));
  assert.ok(!got.some((g) => /^(Says|Flooded|Villages|Evacuated)/.test(g)), got.join(', '));
});

test('tagTokens takes pre-tokenised words and returns CoNLL types', () => {
  const words = 'Officials at Toyota Motor Corp said Maria Gonzalez would move to Madrid .'.split(' ');
  const spans = tagTokens(words);
  const text = spans.map((s) => `${words.slice(s.start, s.end).join(' ')}/${s.type}`);
  assert.ok(text.includes('Toyota Motor Corp/ORG'), text.join(', '));
  assert.ok(text.includes('Maria Gonzalez/PER'), text.join(', '));
  assert.ok(text.includes('Madrid/LOC'), text.join(', '));
});

test('the committed model loads with its feature table', () => {
  const model = loadNerModel(defaultModelDir());
  assert.ok(model.table.keys.length > 10000);
});

test('BILOU tags decode to spans', () => {
  const t = (s: string) => TAGS.indexOf(s);
  const spans = spansFromTags([t('B-PER'), t('L-PER'), t('O'), t('U-LOC'), t('B-ORG'), t('I-ORG'), t('L-ORG')]);
  assert.deepEqual(spans, [
    { start: 0, end: 2, type: 'PER' }, { start: 3, end: 4, type: 'LOC' }, { start: 4, end: 7, type: 'ORG' },
  ]);
});

test('chunks follow conlleval: IOB1 I- after another type starts a chunk, B- splits same-type runs', () => {
  assert.deepEqual(chunksOf(['I-PER', 'I-PER', 'B-PER', 'I-LOC', 'O', 'I-ORG']), [
    { start: 0, end: 2, type: 'PER' }, { start: 2, end: 3, type: 'PER' }, { start: 3, end: 4, type: 'LOC' },
    { start: 5, end: 6, type: 'ORG' },
  ]);
});

test('scores are span-exact precision, recall and F1 per type', () => {
  const s = scoreTags([{
    gold: ['B-PER', 'I-PER', 'O', 'B-LOC', 'O', 'B-ORG'],
    pred: ['B-PER', 'I-PER', 'O', 'B-LOC', 'I-LOC', 'B-PER'],
  }]);
  assert.equal(s.overall.gold, 3);
  assert.equal(s.overall.found, 3);
  assert.equal(s.overall.correct, 1);
  assert.equal(s.byType.PER!.precision, 50);
  assert.equal(s.byType.LOC!.recall, 0);
  assert.ok(Math.abs(s.overall.f1 - 100 / 3) < 1e-9);
});

test('per-word memoised scores give the same tags as scoring every feature of every token', () => {
  const model = getNerModel();
  const words = ('SIEMENS PROFITS UP . The New York Stock Exchange said on Monday that shares of Siemens AG rose . '
    + 'Siemens said profits at its Munich plant grew , Peter Loescher told Reuters .').split(' ');
  const starts = words.map((_, i) => i === 0 || words[i - 1] === '.');
  const once = tagTokens(words, starts, model);
  assert.deepEqual(tagTokens(words, starts, model), once); // second call: from the memo
  if (model.passes === 1) {
    const f = docFeatures(words, starts, model.res);
    assert.deepEqual(once, spansFromTags(greedyDecode(f, starts, model.table)));
  }
});

test('gazetteer phrases match through word prefixes that are not phrases themselves', () => {
  const idx = buildGazIndex({ org: ['New York Stock Exchange'], city: ['York'] });
  const words = ['The', 'New', 'York', 'Stock', 'Exchange', 'in', 'York'];
  const tags = gazetteerTags(words.map((w) => w.toLowerCase()), words, idx);
  assert.deepEqual(Array.from(tags, (t) => t?.length ?? 0), [0, 1, 2, 1, 1, 0, 1]);
});
