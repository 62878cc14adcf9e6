/**
 * Passive speech acts: with no agent (someone unnamed said it) and with an agent that told the subject something.
 * Error classes of the news gold, on sentences of our own, through the public `analyze()` output.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/pipeline/analyze.js';

function statements(text: string) {
  return analyze(text).statements.map((s) => ({
    speaker: s.speaker?.mention?.text ?? null, cue: s.cue?.text ?? null, content: s.content.map((c) => c.text),
    addressee: s.addressee?.text ?? null,
  }));
}

test('passive: "were advised to V" and "was told to V" report unnamed advice, with no speaker', () => {
  let st = statements('After the fall the farmers were advised to move their cattle to higher ground.');
  assert.equal(st.length, 1, JSON.stringify(st));
  assert.equal(st[0]!.speaker, null);
  assert.deepEqual(st[0]!.content, ['move their cattle to higher ground']);
  st = statements('At the age of twelve, he was told to stay away from his brother.');
  assert.equal(st.length, 1, JSON.stringify(st));
  assert.deepEqual(st[0]!.content, ['stay away from his brother']);
});

test('passive: "was hauled in and told that ..." is passive too; the subject is not the speaker', () => {
  const st = statements('I was quietly taken aside and told that the club had dropped me.');
  const told = st.find((s) => s.cue?.endsWith('told'));
  assert.ok(told, JSON.stringify(st));
  assert.equal(told.speaker, null);
  assert.deepEqual(told.content, ['the club had dropped me']);
});

test('passive: "are accused of V-ing" takes the accused and the act; "described as X" the thing and the phrase', () => {
  let st = statements('The two managers are also accused of hiding losses from the auditors.');
  assert.equal(st.length, 1, JSON.stringify(st));
  assert.ok(st[0]!.cue?.endsWith('accused of'));
  assert.deepEqual(st[0]!.content, ['The two managers', 'hiding losses from the auditors']);
  st = statements('Critics focus on astrology, a practice that has often been described as superstition.');
  const described = st.find((s) => s.cue?.includes('described'));
  assert.ok(described, JSON.stringify(st));
  assert.equal(described.speaker, null);
  assert.equal(described.content.at(-1), 'as superstition');
});

test('passive: "was told by X that ..." — X spoke, the subject was told, the content follows', () => {
  const st = statements('The mayor was told by the fire inspector that the bridge was unsafe.');
  assert.equal(st.length, 1, JSON.stringify(st));
  assert.equal(st[0]!.speaker, 'the fire inspector');
  assert.equal(st[0]!.addressee, 'The mayor');
  assert.deepEqual(st[0]!.content, ['the bridge was unsafe']);
});

test('passive: a raising or plain passive with no speech stays as it was', () => {
  assert.equal(statements('The vote is expected to pass on Friday.').length, 0);
  assert.equal(statements('She was asked to give a presentation to the board.').length, 0);
});
