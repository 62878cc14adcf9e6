/**
 * Bodies named through a country or an organisation ("the Mexican government", "U.S. officials", "FSB sources")
 * are entities of their own, and a bare "the government" takes up only a government whose words it shares.
 * Sentences written for these tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveEntities } from '../src/stages/entities/resolve.js';
import { docWithNames } from './entities-helpers.js';
import type { Doc } from '../src/model/document.js';

const entityOf = (doc: Doc, text: string) => {
  const m = doc.mentions.find((x) => doc.text.slice(x.start, x.end) === text);
  return m && m.entity >= 0 ? doc.entities[m.entity]! : null;
};
const mentionTexts = (doc: Doc, name: string) => {
  const e = doc.entities.find((x) => x.name === name);
  return e ? e.mentions.map((i) => doc.text.slice(doc.mentions[i]!.start, doc.mentions[i]!.end)) : [];
};

test('a government named by its country is an organisation apart from the country', () => {
  const doc = docWithNames('The Peruvian government protested. Peru has long disputed the border.',
    [['Peruvian', 'NORP'], ['Peru', 'GPE']]);
  resolveEntities(doc);
  const gov = entityOf(doc, 'The Peruvian government');
  assert.equal(gov?.name, 'Government of Peru');
  assert.equal(gov?.type, 'ORG');
  assert.deepEqual(gov?.roles.map((r) => r.text), ['Peruvian government']);
  // The country keeps its own name mention.
  assert.equal(entityOf(doc, 'Peru')?.type, 'GPE');
  assert.equal(entityOf(doc, 'Peruvian')?.name, 'Peruvian');
});

test('"the government of X" and "the X government" are one body, taken up by a later bare "the government"', () => {
  const doc = docWithNames(
    'Talks with the government of Chile stalled. The Chilean government then walked out. The government said it was ready.',
    [['Chile', 'GPE'], ['Chilean', 'NORP']],
  );
  resolveEntities(doc);
  assert.deepEqual(mentionTexts(doc, 'Government of Chile'),
    ['the government of Chile', 'The Chilean government', 'The government']);
});

test('a description with words of its own does not take up another government', () => {
  const doc = docWithNames('The Mexican government protested. The federal government said it would act.',
    [['Mexican', 'NORP']]);
  resolveEntities(doc);
  assert.deepEqual(mentionTexts(doc, 'Government of Mexico'), ['The Mexican government']);
});

test('unnamed officials and sources of a country or body are a group, which no description of one person takes up', () => {
  const doc = docWithNames('U.S. officials said the suspect fled. FSB sources denied it.',
    [['U.S.', 'GPE'], ['FSB', 'ORG']]);
  resolveEntities(doc);
  const officials = entityOf(doc, 'U.S. officials');
  assert.equal(officials?.type, 'PERSON');
  assert.deepEqual(officials?.roles.map((r) => r.text), ['officials']);
  assert.deepEqual(mentionTexts(doc, 'U.S. officials'), ['U.S. officials']);
  assert.equal(entityOf(doc, 'FSB sources')?.name, 'FSB sources');
  assert.equal(entityOf(doc, 'U.S.')?.name, 'United States');
  // A capitalised word after the name is part of another name, not a group.
  const named = docWithNames('Kenya Officials Club met.', [['Kenya', 'GPE']]);
  resolveEntities(named);
  assert.equal(named.entities.length, 1);
});

test('unnamed officials the text names no owner for are one group per phrase; some of them or someone\'s are not', () => {
  const doc = docWithNames(
    'Officials said the road was closed. Later, officials reopened it. State prosecutors filed charges, but some '
    + 'officials disagreed and the officials\' union objected.', [],
  );
  resolveEntities(doc);
  assert.deepEqual(mentionTexts(doc, 'officials'), ['Officials', 'officials']);
  assert.deepEqual(mentionTexts(doc, 'state prosecutors'), ['State prosecutors']);
  assert.equal(doc.entities.find((e) => e.name === 'officials')?.type, 'PERSON');
  assert.deepEqual(doc.entities.find((e) => e.name === 'officials')?.roles.map((r) => r.text), ['Officials']);
});
