import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { evalCoref } from '../src/eval/coref.js';
import { HAS_SHARED, NO_SHARED, SHARED } from './shared.js';

test('coreference of people and organisations on GUM news, with gold names in place of the NER', async (t) => {
  if (!HAS_SHARED) { t.skip(NO_SHARED); return; }
  const scores = await evalCoref(path.join(SHARED, 'data/gum-news'), { oracleNames: true });
  assert.equal(scores.documents, 12);
  const person = scores.byType.person!;
  // Measured 82% of person names and 44% of person pronouns in the right entity; fail well below that.
  assert.ok(person.name!.correct / person.name!.gold > 0.75, `person names ${JSON.stringify(person.name)}`);
  assert.ok(person.pronoun!.correct / person.pronoun!.gold > 0.35, `person pronouns ${JSON.stringify(person.pronoun)}`);
  assert.ok(scores.b3.precision > 0.85, `B³ precision ${scores.b3.precision}`);
});
