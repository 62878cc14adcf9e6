/**
 * Storms, crafts and events: names opened by a storm or craft word, or ended by an event head, take the event or
 * product type whatever the tagger read, and a later bare name ("Endurance") joins the craft. Sentences written
 * for these tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinStormAndCraftPrefixes } from '../src/stages/entities/ner/repair.js';
import type { NameSpan } from '../src/stages/entities/ner/decode.js';
import { claimlineType } from '../src/stages/entities/ner/types.js';
import { resolveEntities } from '../src/stages/entities/resolve.js';
import { docWithNames, mentionsOfEntityWith } from './entities-helpers.js';

const typeOf = (words: string[], type: 'PER' | 'ORG' | 'LOC' | 'MISC') =>
  claimlineType(type, { words, start: 0, end: words.length });

test('a storm or craft word before a name joins it', () => {
  const words = ['after', 'Hurricane', 'Mirna', 'hit', ',', 'Space', 'Shuttle', 'Orion', 'and', 'USS', 'Kestrel', 'left'];
  const none = words.map(() => false);
  const spans: NameSpan[] = [
    { start: 2, end: 3, type: 'PER' }, { start: 6, end: 8, type: 'PER' }, { start: 10, end: 11, type: 'ORG' },
  ];
  assert.deepEqual(joinStormAndCraftPrefixes(words, none, spans), [
    { start: 1, end: 3, type: 'PER' }, { start: 5, end: 8, type: 'PER' }, { start: 9, end: 11, type: 'ORG' },
  ]);
  // A lower-case word is no prefix ("the storm Mirna"), nor is a word across a sentence start.
  const lowerWords = ['the', 'hurricane', 'Mirna'];
  assert.deepEqual(joinStormAndCraftPrefixes(lowerWords, [false, false, false], [{ start: 2, end: 3, type: 'PER' }]),
    [{ start: 2, end: 3, type: 'PER' }]);
  assert.deepEqual(joinStormAndCraftPrefixes(['Storm', 'Mirna'], [true, true], [{ start: 1, end: 2, type: 'PER' }]),
    [{ start: 1, end: 2, type: 'PER' }]);
});

test('storms are events and crafts products, but a craft programme is not', () => {
  assert.equal(typeOf(['Hurricane', 'Mirna'], 'PER'), 'EVENT');
  assert.equal(typeOf(['Space', 'Shuttle', 'Orion'], 'ORG'), 'PRODUCT');
  assert.equal(typeOf(['USS', 'Kestrel'], 'ORG'), 'PRODUCT');
  assert.equal(typeOf(['Space', 'Shuttle', 'Program'], 'ORG'), 'ORG');
  assert.equal(typeOf(['Mirna'], 'PER'), 'PERSON');
});

test('a multi-word name ending in a strong event head is an event', () => {
  assert.equal(typeOf(['Riverside', 'Kite', 'Festival'], 'ORG'), 'EVENT');
  assert.equal(typeOf(['Northern', 'Chess', 'Championship'], 'ORG'), 'EVENT');
  assert.equal(typeOf(['Lakeside', 'Open'], 'ORG'), 'ORG');
  assert.equal(typeOf(['Festival'], 'ORG'), 'ORG');
});

test('a bare name after a craft or storm joins it, by the end of its name only', () => {
  const doc = docWithNames(
    'Space Shuttle Endurance landed on Monday. Endurance will go on show next year, and Shuttle Endurance fans cheered.',
    [['Space Shuttle Endurance', 'PRODUCT'], ['Shuttle Endurance', 'PRODUCT'], ['Endurance', 'PERSON']],
  );
  resolveEntities(doc);
  assert.deepEqual(mentionsOfEntityWith(doc, 'Space Shuttle Endurance'),
    ['Space Shuttle Endurance', 'Endurance', 'Shuttle Endurance']);
  const e = doc.mentions.find((m) => doc.text.slice(m.start, m.end) === 'Endurance')!.entity;
  assert.equal(doc.entities[e]!.type, 'PRODUCT');
  // A name's start is not enough: "Space Shuttle" alone is no craft of its own.
  const other = docWithNames('Space Shuttle Endurance landed. The Space Shuttle era ended.',
    [['Space Shuttle Endurance', 'PRODUCT'], ['Space Shuttle', 'ORG']]);
  resolveEntities(other);
  assert.deepEqual(mentionsOfEntityWith(other, 'Space Shuttle Endurance'), ['Space Shuttle Endurance']);
});

test('religions are groups of believers and religious observances events, whatever the tagger read', () => {
  assert.equal(typeOf(['Buddhism'], 'LOC'), 'NORP');
  assert.equal(typeOf(['Wicca'], 'ORG'), 'NORP');
  assert.equal(typeOf(['Hajj'], 'LOC'), 'EVENT');
  assert.equal(typeOf(['Diwali'], 'MISC'), 'EVENT');
  // A person's name that is also a feast stays the person's.
  assert.equal(typeOf(['Easter'], 'PER'), 'PERSON');
});
