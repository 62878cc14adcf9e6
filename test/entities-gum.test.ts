import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { evalCoref } from '../src/eval/coref.js';
import { assertFloor } from './floors.js';
import { HAS_SHARED, NO_SHARED, SHARED } from './shared.js';

test('coreference of people and organisations on GUM news, with gold names in place of the NER', async (t) => {
  if (!HAS_SHARED) { t.skip(NO_SHARED); return; }
  const scores = await evalCoref(path.join(SHARED, 'data/gum-news'), { oracleNames: true });
  assert.equal(scores.documents, 12);
  const person = scores.byType.person!;
  assertFloor('gum-oracle.person.names', (100 * person.name!.correct) / person.name!.gold, JSON.stringify(person.name));
  assertFloor('gum-oracle.person.pronouns', (100 * person.pronoun!.correct) / person.pronoun!.gold,
    JSON.stringify(person.pronoun));
  assertFloor('gum-oracle.b3.precision', 100 * scores.b3.precision);
  assertFloor('gum-oracle.b3.f1', 100 * scores.b3.f1);
});
