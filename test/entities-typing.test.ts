/**
 * Entity stage: how clustering types entities and which names it lets join, on sentences written for these tests
 * with the NER's mentions given (see entities-helpers.ts), so each rule is tested apart from the tagger.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveEntities } from '../src/stages/entities/resolve.js';
import { docWithNames, mentionsOfEntityWith } from './entities-helpers.js';
import type { Doc } from '../src/model/document.js';

const typeOf = (doc: Doc, surface: string) => {
  const m = doc.mentions.find((x) => doc.text.slice(x.start, x.end) === surface);
  return m && m.entity >= 0 ? doc.entities[m.entity]!.type : undefined;
};

test('an entity takes the type most of its names were given, not the first one', () => {
  // The tagger's first reading of the company's name is a place; three later ones say organisation.
  const doc = docWithNames('Valtora shares fell. Later Valtora said profits dropped, and Valtora cut jobs. Valtora denied it.', [['Valtora', 'ORG']]);
  doc.mentions[0]!.type = 'GPE';
  resolveEntities(doc);
  assert.equal(doc.entities.length, 1);
  assert.equal(doc.entities[0]!.type, 'ORG');
});

test('a dateline and a place after "in" stay apart from a club of the same name', () => {
  const text = 'KESTON, England 2024-05-04\nKeston beat Harrow 2-1 on Saturday. Keston have won three games in a row, '
    + 'and the mayor, who lives in Keston, was at the match.';
  const doc = docWithNames(text, [['KESTON', 'GPE'], ['England', 'GPE'], ['Harrow', 'ORG'], ['Keston', 'ORG']]);
  // The tagger read the club as an organisation and "in Keston" as the town.
  const keston = doc.mentions.filter((m) => doc.text.slice(m.start, m.end) === 'Keston');
  keston[keston.length - 1]!.type = 'GPE';
  resolveEntities(doc);
  assert.equal(typeOf(doc, 'KESTON'), 'GPE');
  assert.equal(typeOf(doc, 'Keston'), 'ORG');
  const town = doc.mentions.filter((m) => m.kind === 'name' && doc.entities[m.entity]!.type === 'GPE'
    && doc.text.slice(m.start, m.end).toLowerCase() === 'keston');
  assert.equal(town.length, 2, 'the dateline and "in Keston" are the town');
  assert.equal(new Set(town.map((m) => m.entity)).size, 1);
});

test('a team re-mentioned by its last word is not a person', () => {
  const doc = docWithNames('The Westbury Hawks won again. The Hawks coach praised the defence, and the Hawks now lead the table.', [
    ['Westbury Hawks', 'ORG'], ['Hawks', 'ORG'],
  ]);
  resolveEntities(doc);
  assert.equal(typeOf(doc, 'Westbury Hawks'), 'ORG');
  assert.deepEqual(mentionsOfEntityWith(doc, 'Westbury Hawks'), ['Westbury Hawks', 'Hawks', 'Hawks']);
});

test('a lone surname joins a mistyped full name only where it acts as a person', () => {
  const doc = docWithNames('Ilvana Drosk joined the crew in 2005. Drosk also claims her passport was taken.', [
    ['Ilvana Drosk', 'ORG'], ['Drosk', 'GPE'],
  ]);
  resolveEntities(doc);
  assert.equal(typeOf(doc, 'Ilvana Drosk'), 'PERSON');
  assert.deepEqual(mentionsOfEntityWith(doc, 'Ilvana Drosk'), ['Ilvana Drosk', 'Drosk', 'her']);
});

test('a country never joins a headline the tagger read as a person', () => {
  const doc = docWithNames('Pell visits Chile\n\nThe minister arrived in Chile on Monday.', [['Pell visits Chile', 'PERSON'], ['Chile', 'GPE']]);
  resolveEntities(doc);
  const chile = doc.mentions.filter((m) => doc.text.slice(m.start, m.end) === 'Chile');
  assert.equal(chile.length, 1);
  assert.equal(doc.entities[chile[0]!.entity]!.type, 'GPE');
});

test('a bracketed name joins the name before it only as its acronym', () => {
  const doc = docWithNames('Tomas Lind (Sweden) won. Mara Holt (SDP) lost. The Kenya Farmers Union (KFU) protested, and the KFU said more.', [
    ['Tomas Lind', 'PERSON'], ['Sweden', 'GPE'], ['Mara Holt', 'PERSON'], ['SDP', 'ORG'], ['Kenya Farmers Union', 'ORG'], ['KFU', 'ORG'],
  ]);
  resolveEntities(doc);
  assert.deepEqual(mentionsOfEntityWith(doc, 'Tomas Lind'), ['Tomas Lind']);
  assert.deepEqual(mentionsOfEntityWith(doc, 'Mara Holt'), ['Mara Holt']);
  assert.deepEqual(mentionsOfEntityWith(doc, 'Kenya Farmers Union'), ['Kenya Farmers Union', 'KFU', 'KFU']);
});

test('common words that are also first names do not make an organisation a person', () => {
  const doc = docWithNames('Major League rules apply. The Roman Catholic diocese, Dynamo Kyiv, LA GAZETTE and Crystal Palace agreed.', [
    ['Major League', 'ORG'], ['Roman Catholic', 'OTHER'], ['Dynamo Kyiv', 'ORG'], ['LA GAZETTE', 'ORG'], ['Crystal Palace', 'ORG'],
  ]);
  resolveEntities(doc);
  for (const name of ['Major League', 'Dynamo Kyiv', 'LA GAZETTE', 'Crystal Palace']) assert.equal(typeOf(doc, name), 'ORG', name);
  assert.equal(typeOf(doc, 'Roman Catholic'), 'OTHER');
});

test('an organisation named with a nationality keeps its type and joins its acronym', () => {
  const doc = docWithNames("The French Bishops' Conference (CEF) met. The CEF said the French government was wrong.", [
    ["French Bishops' Conference", 'ORG'], ['CEF', 'ORG'], ['French', 'NORP'],
  ]);
  resolveEntities(doc);
  assert.equal(typeOf(doc, "French Bishops' Conference"), 'ORG');
  assert.deepEqual(mentionsOfEntityWith(doc, "French Bishops' Conference"), ["French Bishops' Conference", 'CEF', 'CEF']);
});

test('many lone surnames resolve in time linear in the mentions', () => {
  const people = Array.from({ length: 300 }, (_, i) => `Person${String.fromCharCode(65 + (i % 26))}${i} Surname${i}`);
  const text = people.map((p, i) => `${p} spoke. Surname${i} said yes.`).join(' ');
  const names: [string, 'PERSON'][] = people.flatMap((p, i) => [[p, 'PERSON'], [`Surname${i}`, 'PERSON']] as [string, 'PERSON'][]);
  const doc = docWithNames(text, names);
  const t0 = performance.now();
  resolveEntities(doc);
  const ms = performance.now() - t0;
  assert.equal(doc.entities.filter((e) => e.type === 'PERSON').length, 300);
  assert.ok(ms < 2000, `${ms.toFixed(0)} ms`);
});
