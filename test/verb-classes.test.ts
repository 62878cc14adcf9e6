/**
 * WordNet verb classes (src/stages/attribution/verb-classes.ts): the table builder on a dictionary written here,
 * the lemma guesser, and lookups in the committed table.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildVerbClasses, verbClass, verbLemmas } from '../src/stages/attribution/verb-classes.js';

test('buildVerbClasses reads lexicographer files of the first senses, most frequent first', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'claimline-wn-'));
  // data.verb: offset, lexicographer file number (31 cognition, 32 communication, 38 motion), type, words...
  writeFileSync(path.join(dir, 'data.verb'), [
    '  1 This software and database is being provided ...',
    '00000001 32 v 01 ponder 0 000 | speak aloud',
    '00000002 31 v 01 ponder 0 000 | think over',
    '00000003 38 v 01 ponder 0 000 | walk slowly',
    '00000004 38 v 01 ponder 0 000 | a fourth, rare sense',
    '00000005 38 v 01 stroll 0 000 | walk',
  ].join('\n'));
  writeFileSync(path.join(dir, 'index.verb'), [
    '  1 This software and database is being provided ...',
    'ponder v 4 1 @ 4 1 00000002 00000001 00000003 00000004',
    'stroll v 1 1 @ 1 0 00000005',
    'take_off v 1 1 @ 1 0 00000005',
  ].join('\n'));
  const t = buildVerbClasses(dir);
  assert.equal(t.verbs.ponder, 'cognition+communication+motion');
  assert.equal(t.verbs.stroll, 'motion');
  assert.equal(t.verbs.take_off, undefined, 'multi-word lemmas are left out');
});

test('verbLemmas guesses the lemma of regular inflections', () => {
  for (const [form, lemma] of [['decided', 'decide'], ['planned', 'plan'], ['worries', 'worry'], ['pushes', 'push'],
    ['insisting', 'insist'], ['arguing', 'argue'], ['mulls', 'mull'], ['denied', 'deny'], ['stopping', 'stop']]) {
    assert.ok(verbLemmas(form!).includes(lemma!), `${form} -> ${lemma}: ${verbLemmas(form!).join(',')}`);
  }
  assert.equal(verbLemmas('discuss')[0], 'discuss');
  assert.ok(!verbLemmas('discuss').includes('discus'), 'a double s is no plural');
});

test('verbClass looks inflected forms up in the committed table', () => {
  assert.match(verbClass('mulled'), /cognition/);
  assert.match(verbClass('laments'), /emotion|communication/);
  assert.match(verbClass('announcing'), /communication/);
  assert.equal(verbClass('the'), '-');
  assert.equal(verbClass('xqzv'), '-');
});
