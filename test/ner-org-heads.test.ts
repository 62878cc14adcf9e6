/**
 * Organisation and facility heads in names: spans completed by a head the tagger left out, and types set by the
 * head whatever the tagger read. Sentences written for these tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newDoc } from '../src/model/document.js';
import { segmentStage } from '../src/stages/segment.js';
import { nerStage } from '../src/stages/entities/ner.js';
import { addPersonAfterName, extendToOrgHead, splitPersonFromNeighbour } from '../src/stages/entities/ner/repair.js';
import type { NameSpan } from '../src/stages/entities/ner/decode.js';
import { claimlineType } from '../src/stages/entities/ner/types.js';

function names(text: string): string[] {
  const doc = newDoc(text, { id: 't', title: null, url: null, published: null, publishedSource: null, source: null });
  segmentStage.run(doc);
  nerStage.run(doc);
  return doc.mentions.map((m) => `${doc.text.slice(m.start, m.end)}/${m.type}`);
}

const isNationality = (w: string) => w === 'Danish' || w === 'Kenyan';

test('a capitalised organisation head right after a name completes it as an organisation', () => {
  const words = ['the', 'Mary', 'Lowe', 'Wildlife', 'Foundation', 'said', 'so', '.'];
  const none = words.map(() => false);
  const spans: NameSpan[] = [{ start: 1, end: 4, type: 'PER' }];
  assert.deepEqual(extendToOrgHead(words, none, none, spans, isNationality), [{ start: 1, end: 5, type: 'ORG' }]);
  // In a title-case line the capitals say nothing.
  const all = words.map(() => true);
  assert.deepEqual(extendToOrgHead(words, none, all, spans, isNationality), spans);
  // A lower-case word after the name is no head.
  const lowerWords = ['the', 'Mary', 'Lowe', 'Wildlife', 'foundation', 'said', 'so', '.'];
  assert.deepEqual(extendToOrgHead(lowerWords, none, none, spans, isNationality), spans);
});

test('a nationality before an organisation name of capitalised common words is part of it', () => {
  const words = ['the', 'Danish', 'Fisheries', 'Agency', 'and', 'the', 'Danish', 'Maersk', 'said'];
  const none = words.map(() => false);
  const spans: NameSpan[] = [
    { start: 1, end: 2, type: 'MISC' }, { start: 2, end: 4, type: 'ORG' },
    { start: 6, end: 7, type: 'MISC' }, { start: 7, end: 8, type: 'ORG' },
  ];
  assert.deepEqual(extendToOrgHead(words, none, none, spans, isNationality), [
    { start: 1, end: 4, type: 'ORG' }, { start: 6, end: 7, type: 'MISC' }, { start: 7, end: 8, type: 'ORG' },
  ]);
});

test('organisation and facility heads type the name', () => {
  const out = names('Tourists stayed at the Kallio Hotel near the Varna Convention Centre. '
    + 'The Oslo Marine Society and the Corvo Press Board met on Monday.');
  assert.ok(out.includes('Kallio Hotel/FAC'), out.join(' | '));
  assert.ok(out.includes('Varna Convention Centre/FAC'), out.join(' | '));
  assert.ok(out.some((n) => /Marine Society\/ORG$/.test(n)), out.join(' | '));
  assert.ok(out.some((n) => /Press Board\/ORG$/.test(n)), out.join(' | '));
  // A newspaper named after its country, read as a place.
  assert.equal(claimlineType('LOC', { words: ['the', 'Malawi', 'Gazette', 'said'], start: 1, end: 3 }), 'ORG');
});

test('a person run together with the body after "of" or the place before is split off', () => {
  const words = ['Helen', 'Marsh', 'of', 'the', 'Farmers', 'League', 'met', 'Ohio', 'Sarah', 'Quill', 'and', 'the', 'Bank', 'of', 'England'];
  const spans: NameSpan[] = [{ start: 0, end: 6, type: 'ORG' }, { start: 7, end: 10, type: 'LOC' }, { start: 12, end: 15, type: 'ORG' }];
  assert.deepEqual(splitPersonFromNeighbour(words, spans), [
    { start: 0, end: 2, type: 'PER' }, { start: 4, end: 6, type: 'ORG' },
    { start: 7, end: 8, type: 'LOC' }, { start: 8, end: 10, type: 'PER' },
    { start: 12, end: 15, type: 'ORG' },
  ]);
});

test('a known first name and surname right after another name are a person', () => {
  const words = ['the', 'leader', 'of', 'Norway', 'Helen', 'Marsh', 'spoke', 'in', 'Oslo', 'Harbour', 'Works', '.'];
  const none = words.map(() => false);
  const spans: NameSpan[] = [{ start: 3, end: 4, type: 'LOC' }, { start: 8, end: 9, type: 'LOC' }];
  assert.deepEqual(addPersonAfterName(words, none, spans), [
    { start: 3, end: 4, type: 'LOC' }, { start: 4, end: 6, type: 'PER' }, { start: 8, end: 9, type: 'LOC' },
  ]);
});
