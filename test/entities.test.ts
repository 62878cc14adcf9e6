import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveEntities } from '../src/stages/entities/resolve.js';
import { countryOf, lookupGeo } from '../src/lexicon/geo.js';
import { roleFits } from '../src/lexicon/titles.js';
import { docWithNames, mentionsOfEntityWith } from './entities-helpers.js';

test('geo lexicon maps names, capitals and demonyms to countries', () => {
  assert.equal(countryOf('Kyiv'), 'Ukraine');
  assert.equal(countryOf('the United States'), 'United States');
  assert.equal(countryOf('North Korean'), 'North Korea');
  assert.equal(countryOf('Americans'), 'United States');
  assert.equal(lookupGeo('Texas')?.kind, 'us-state');
  assert.equal(lookupGeo('Asia')?.kind, 'continent');
  assert.equal(lookupGeo('Springfield'), null);
});

test('role families: a broad head finds a specific title, not the other way round', () => {
  assert.ok(roleFits('diplomat', ['french', 'envoy']));
  assert.ok(roleFits('ambassadors', ['ambassador']));
  assert.ok(!roleFits('ambassador', ['diplomat']));
  assert.ok(!roleFits('senator', ['minister']));
});

test('pre-name title, later surname, description and pronoun join one person', () => {
  const text = 'Brazilian Foreign Minister Carlos Mendes arrived on Monday. Mendes met the press. '
    + 'The minister said the talks went well. He left at noon.';
  const doc = docWithNames(text, [['Carlos Mendes', 'PERSON'], ['Mendes', 'PERSON'], ['Brazilian', 'NORP']]);
  resolveEntities(doc);
  const person = doc.entities.find((e) => e.name === 'Carlos Mendes');
  assert.ok(person);
  assert.deepEqual(person.roles.map((r) => r.text), ['Brazilian Foreign Minister']);
  assert.deepEqual(mentionsOfEntityWith(doc, 'Carlos Mendes'), ['Carlos Mendes', 'Mendes', 'The minister', 'He']);
});

test('appositive roles after and before a name', () => {
  const text = 'Laura Vance, a nurse at the clinic, said patients waited. '
    + 'The firm\'s founder, Omar Reyes, declined to comment.';
  const doc = docWithNames(text, [['Laura Vance', 'PERSON'], ['Omar Reyes', 'PERSON']]);
  resolveEntities(doc);
  const roles = (name: string) => doc.entities.find((e) => e.name === name)?.roles.map((r) => r.text);
  assert.deepEqual(roles('Laura Vance'), ['nurse at the clinic']);
  assert.deepEqual(roles('Omar Reyes'), ["firm's founder"]);
});

test('acronym in brackets and alone joins the organisation', () => {
  const text = 'The World Weather Office (WWO) issued a warning. Later the WWO said the storm had passed.';
  const doc = docWithNames(text, [['World Weather Office', 'ORG'], ['WWO', 'ORG']]);
  resolveEntities(doc);
  assert.equal(doc.entities.filter((e) => e.type === 'ORG').length, 1);
  assert.equal(doc.entities[0]!.name, 'World Weather Office');
  assert.deepEqual(mentionsOfEntityWith(doc, 'WWO').length, 3);
});

test('capitals are the state when they act and the city when they are a place', () => {
  const text = 'France and Germany met in Paris. The plan was rejected by Berlin, and Paris said it would wait.';
  const doc = docWithNames(text, [['France', 'GPE'], ['Germany', 'GPE'], ['Paris', 'GPE'], ['Berlin', 'GPE']]);
  resolveEntities(doc);
  const kinds = doc.mentions.filter((m) => m.kind !== 'pronoun').map((m) => `${doc.text.slice(m.start, m.end)}:${m.kind}:${doc.entities[m.entity]!.name}`);
  assert.deepEqual(kinds, [
    'France:name:France', 'Germany:name:Germany', 'Paris:name:Paris', 'Berlin:metonym:Germany', 'Paris:metonym:France',
  ]);
});

test('pronouns agree in gender and skip quotations', () => {
  const text = 'Maria Lopez met Peter Grant on Friday. She said "he will help us". He agreed.';
  const doc = docWithNames(text, [['Maria Lopez', 'PERSON'], ['Peter Grant', 'PERSON']]);
  resolveEntities(doc);
  assert.deepEqual(mentionsOfEntityWith(doc, 'Maria Lopez'), ['Maria Lopez', 'She']);
  assert.deepEqual(mentionsOfEntityWith(doc, 'Peter Grant'), ['Peter Grant', 'He']);
});

test('a description with a conflicting nationality does not link', () => {
  const text = 'Chilean Ambassador Pablo Ruiz spoke first. Then the Peruvian ambassador objected.';
  const doc = docWithNames(text, [['Pablo Ruiz', 'PERSON'], ['Chilean', 'NORP'], ['Peruvian', 'NORP']]);
  resolveEntities(doc);
  assert.deepEqual(mentionsOfEntityWith(doc, 'Pablo Ruiz'), ['Pablo Ruiz']);
});

test('the ministry and the company find organisations by kind', () => {
  const text = 'The Ministry of Health published figures. Northwind Corp. disputed them. '
    + 'The ministry later revised its estimate, and the company welcomed it.';
  const doc = docWithNames(text, [['Ministry of Health', 'ORG'], ['Northwind Corp.', 'ORG']]);
  resolveEntities(doc);
  assert.deepEqual(mentionsOfEntityWith(doc, 'Ministry of Health'), ['Ministry of Health', 'The ministry', 'its']);
  assert.deepEqual(mentionsOfEntityWith(doc, 'Northwind Corp.'), ['Northwind Corp.', 'the company']);
});

test('mentions stay sorted by start and entity indices are consistent', () => {
  const text = 'Anna Berg, the mayor, said she was pleased. Berg thanked the city council.';
  const doc = docWithNames(text, [['Anna Berg', 'PERSON'], ['Berg', 'PERSON']]);
  resolveEntities(doc);
  for (let i = 1; i < doc.mentions.length; i++) assert.ok(doc.mentions[i - 1]!.start <= doc.mentions[i]!.start);
  doc.entities.forEach((e, ei) => e.mentions.forEach((mi) => assert.equal(doc.mentions[mi]!.entity, ei)));
});
