/**
 * Clustering names spelt or built differently: accents dropped, and "<head> of X" against a bare X. Sentences written
 * for these tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveEntities } from '../src/stages/entities/resolve.js';
import { docWithNames, mentionsOfEntityWith } from './entities-helpers.js';
import { newDoc } from '../src/model/document.js';
import { segmentStage } from '../src/stages/segment.js';
import { nerStage } from '../src/stages/entities/ner.js';
import { joinOrgHeadOf } from '../src/stages/entities/ner/repair.js';

test('a name with and without its accents is one person', () => {
  const doc = docWithNames('Minister Zoltán Kovács spoke on Monday. Kovacs later left the hall.',
    [['Zoltán Kovács', 'PERSON'], ['Kovacs', 'ORG']]);
  resolveEntities(doc);
  assert.deepEqual(mentionsOfEntityWith(doc, 'Zoltán Kovács').filter((t) => /^K/.test(t)), ['Kovacs']);
});

test('a bare name joins the organisation "<head> of" it, but a country stays apart', () => {
  const doc = docWithNames('Mormonry has critics. The Church of Mormonry replied. The Bank of England agreed, and England won.',
    [['Church of Mormonry', 'ORG'], ['Mormonry', 'LOC'], ['Bank of England', 'ORG'], ['England', 'GPE']]);
  resolveEntities(doc);
  const church = mentionsOfEntityWith(doc, 'Church of Mormonry');
  assert.ok(church.includes('Mormonry'), church.join(' | '));
  const bank = mentionsOfEntityWith(doc, 'Bank of England');
  assert.ok(!bank.includes('England'), bank.join(' | '));
  const e = doc.mentions.find((m) => doc.text.slice(m.start, m.end) === 'Church of Mormonry')!.entity;
  assert.equal(doc.entities[e]!.type, 'ORG');
});

test('an organisation head and "of" before a name make one organisation name', () => {
  const words = ['The', 'Church', 'of', 'Mormonry', 'and', 'the', 'Governor', 'of', 'Utah', '.'];
  const starts = words.map((_, i) => i === 0);
  const out = joinOrgHeadOf(words, starts, [{ start: 2, end: 4, type: 'MISC' }, { start: 8, end: 9, type: 'LOC' }]);
  assert.deepEqual(out, [{ start: 1, end: 4, type: 'ORG' }, { start: 8, end: 9, type: 'LOC' }]);
  const doc = newDoc('Leaders of the Synod of Varnholm met.', { id: 't', title: null, url: null, published: null, publishedSource: null, source: null });
  segmentStage.run(doc);
  nerStage.run(doc);
  const names = doc.mentions.map((m) => `${doc.text.slice(m.start, m.end)}/${m.type}`);
  assert.ok(names.includes('Synod of Varnholm/ORG'), names.join(' | '));
});

test('a description after a fronted phrase ending in a name is the clause subject, not an appositive', () => {
  const doc = docWithNames('The Velor Mining Company had promised jobs. In a letter to the Daily Courier, the company denied the report.',
    [['Velor Mining Company', 'ORG'], ['Daily Courier', 'ORG']]);
  resolveEntities(doc);
  const company = mentionsOfEntityWith(doc, 'Velor Mining Company');
  assert.ok(company.includes('the company'), company.join(' | '));
});

test('a capitalised title after "the" is a description of its holder, not a second person', () => {
  const doc = docWithNames('Bishop Anselm Roy opened the synod. Later the Bishop said he was tired. The Cardinals won.',
    [['Bishop Anselm Roy', 'PERSON'], ['Bishop', 'PERSON'], ['Cardinals', 'ORG']]);
  resolveEntities(doc);
  const people = doc.entities.filter((e) => e.type === 'PERSON').map((e) => e.name);
  assert.deepEqual(people, ['Anselm Roy']);
  assert.ok(mentionsOfEntityWith(doc, 'Anselm Roy').includes('the Bishop'), mentionsOfEntityWith(doc, 'Anselm Roy').join(' | '));
  assert.ok(doc.entities.some((e) => e.name === 'Cardinals'));
});

test('a description in a fronted prepositional phrase before a name is not that person', () => {
  const doc = docWithNames('For the rural camp, Helen Marsh won the seat.', [['Helen Marsh', 'PERSON']]);
  resolveEntities(doc);
  assert.deepEqual(mentionsOfEntityWith(doc, 'Helen Marsh'), ['Helen Marsh']);
});
