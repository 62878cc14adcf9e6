/**
 * Error classes of statements seen on real news, through the public `analyze()` output: where content ends, what
 * is no statement, speakers, channels. Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/pipeline/analyze.js';

function statements(text: string) {
  return analyze(text).statements.map((s) => ({
    kind: s.kind, cue: s.cue?.text ?? null, content: s.content.map((c) => c.text),
    speaker: s.speaker?.mention?.text ?? null, name: s.speaker?.name ?? null,
    channel: s.channel?.text ?? null, addressee: s.addressee?.text ?? null,
  }));
}

test('content: a fronted adjunct and its comma do not end the reported clause', () => {
  const st = statements('The broadcaster revealed that in March, the minister accepted blame for the delays.');
  assert.equal(st.length, 1);
  assert.deepEqual(st[0]!.content, ['in March, the minister accepted blame for the delays']);
});

test('content: "and" joining a second verb or clause of the content stays inside it', () => {
  const st = statements('The driver told investigators he was ordered to unload the trucks and drive back before dawn.');
  assert.equal(st.length, 1);
  assert.deepEqual(st[0]!.content, ['he was ordered to unload the trucks and drive back before dawn']);
  const two = statements('The nurse says her phone was taken away from her and she was made to work night shifts.');
  assert.equal(two.length, 1);
  assert.deepEqual(two[0]!.content, ['her phone was taken away from her and she was made to work night shifts']);
});
