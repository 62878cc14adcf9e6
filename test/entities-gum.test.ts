import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalCoref } from '../src/eval/coref.js';

/** Repository root, from this file in test/ (run by tsx) or dist/test/ (compiled). */
function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}

const gumDir = path.resolve(repoRoot(), '../shared/data/gum-news');

test('coreference of people and organisations on GUM news, with gold names in place of the NER', async (t) => {
  if (!existsSync(gumDir)) { t.skip(`../shared not found: ${gumDir}`); return; }
  const scores = await evalCoref(gumDir, { oracleNames: true });
  assert.equal(scores.documents, 12);
  const person = scores.byType.person!;
  // Measured 82% of person names and 44% of person pronouns in the right entity; fail well below that.
  assert.ok(person.name!.correct / person.name!.gold > 0.75, `person names ${JSON.stringify(person.name)}`);
  assert.ok(person.pronoun!.correct / person.pronoun!.gold > 0.35, `person pronouns ${JSON.stringify(person.pronoun)}`);
  assert.ok(scores.b3.precision > 0.85, `B³ precision ${scores.b3.precision}`);
});
