/**
 * Roles and non-name mentions through the whole pipeline (`analyze`): descriptions before and after names,
 * relations and affiliations, descriptions that take up a named entity by its head noun or place class, and
 * first-person pronouns in quoted speech. Sentences are written for these tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/index.js';
import type { AnalysisOut, EntityOut } from '../src/model/format.js';

const run = (text: string): AnalysisOut => analyze({ text, id: 'roles-test', published: '2021-03-04' });
const entityNamed = (out: AnalysisOut, name: string): EntityOut => {
  const e = out.entities.find((x) => x.name === name);
  assert.ok(e, `no entity "${name}" in ${JSON.stringify(out.entities.map((x) => x.name))}`);
  return e;
};
const mentionTexts = (e: EntityOut): string[] => e.mentions.map((m) => m.text);

test('a bare description before a name is its role ("broadcaster BBC", "state-owned company X")', () => {
  const out = run('The interview was aired by British broadcaster BBC on Monday. '
    + 'The state-owned company Saudi Aramco said output would recover.');
  assert.ok(entityNamed(out, 'BBC').roles.some((r) => r.endsWith('broadcaster')));
  assert.equal(entityNamed(out, 'BBC').type, 'ORG', 'a kind word of its own type does not make it a person');
  assert.ok(entityNamed(out, 'Saudi Aramco').roles.includes('state-owned company'));
});

test('a relation to another person is a role ("Doris Day\'s son X")', () => {
  const out = run('Doris Day had one child. Doris Day\'s son Terry Melcher became a record producer.');
  assert.ok(entityNamed(out, 'Terry Melcher').roles.includes("Doris Day's son"));
});

test('the organisation a person belongs to is a role ("X of the Labour Party")', () => {
  const out = run('John Smith of the Labour Party lost his seat. Mitch McConnell of Kentucky spoke later.');
  assert.ok(entityNamed(out, 'John Smith').roles.includes('Labour Party'));
  assert.deepEqual(entityNamed(out, 'Mitch McConnell').roles, [], 'a place after "of" is not an affiliation');
});

test('an appositive after a name is a role and a mention', () => {
  const out = run('Maria Lopez, a nurse at the city hospital, said the ward was full.');
  const maria = entityNamed(out, 'Maria Lopez');
  assert.ok(maria.roles.includes('nurse at the city hospital'));
  assert.ok(mentionTexts(maria).includes('a nurse at the city hospital'));
});

test('a definite description takes up an entity by the head of its name, or a country by its class', () => {
  const out = run('Thousands of pilgrims gathered at the Grand Mosque on Friday. The mosque was crowded. '
    + 'Saudi Arabia said on Sunday that the kingdom would pay for repairs.');
  const mosque = out.entities.find((e) => mentionTexts(e).includes('Grand Mosque'));
  assert.ok(mosque && mentionTexts(mosque).includes('The mosque'));
  assert.ok(mentionTexts(entityNamed(out, 'Saudi Arabia')).includes('the kingdom'));
});

test('a description with no named antecedent of that kind is left alone', () => {
  const out = run('The mosque was crowded on Friday. The country was calm, officials in Paris said.');
  for (const e of out.entities) {
    assert.ok(!mentionTexts(e).includes('The mosque'), `"The mosque" linked to ${e.name}`);
    assert.ok(!mentionTexts(e).includes('The country'), `"The country" linked to ${e.name}`);
  }
});

test('first-person pronouns in a quotation are its single speaker; a person\'s "we" is not', () => {
  const out = run('"I will not resign and my team knows it," Prime Minister Boris Johnson said on Tuesday. '
    + '"We are proud of our work," Johnson added.');
  const johnson = entityNamed(out, 'Boris Johnson');
  const texts = mentionTexts(johnson);
  assert.ok(texts.includes('I') && texts.includes('my'), JSON.stringify(texts));
  assert.ok(!texts.includes('We') && !texts.includes('our'));
});
