/**
 * Channels and addressees of statements, through the public `analyze()` output: how a statement was made ("in a
 * statement", "told local radio", "speaking to reporters") holds for every statement of the same speech event.
 * Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/pipeline/analyze.js';

function statements(text: string) {
  return analyze(text).statements.map((s) => ({
    cue: s.cue?.text ?? null, content: s.content.map((c) => c.text), speaker: s.speaker?.mention?.text ?? null,
    channel: s.channel?.text ?? null, addressee: s.addressee?.text ?? null,
  }));
}

function byCue(text: string, cue: string) {
  const st = statements(text).find((s) => s.cue !== null && s.cue.includes(cue));
  assert.ok(st, `a statement with cue "${cue}" in: ${JSON.stringify(statements(text))}`);
  return st;
}

test('channel: a participle continuing a cue takes its channel ("told local radio, adding that ...")', () => {
  const text = 'Three workers were hurt, the company told local radio, adding that the plant would stay shut.';
  const adding = byCue(text, 'adding');
  assert.equal(adding.addressee, 'local radio');
  assert.equal(adding.channel, 'told local radio');
});

test('channel: in one sentence the participle\'s channel holds for the verb it hangs on', () => {
  const text = 'The activist admitted to organising the march, writing in a blog post: "I have no regrets."';
  assert.equal(byCue(text, 'writing').channel, 'in a blog post');
  assert.equal(byCue(text, 'admitted').channel, 'in a blog post');
});

test('channel: a cueless quote continuing a speaker keeps the channel of the statement it continues', () => {
  const text = 'In a statement, Mayor Lena Ortiz said, "The bridge will reopen in May. We have found the money."\n\n'
    + '"The contractor has promised that the work will be done on time and that every lane will be open."';
  const st = statements(text);
  assert.equal(st.length, 2);
  assert.deepEqual(st.map((s) => s.channel), ['In a statement', 'In a statement']);
});

test('channel: a scene-setting sentence gives its channel to the same speaker\'s next statements', () => {
  const text = 'Health Minister Anna Berg was asked about the strike while speaking to reporters in Leeds. '
    + 'She said, "The talks will resume on Monday." Berg continued, "Nobody wants a long strike."';
  const said = byCue(text, 'said');
  assert.equal(said.channel, 'speaking to reporters');
  assert.equal(said.addressee, 'reporters');
  assert.equal(byCue(text, 'continued').channel, 'speaking to reporters');
});

test('channel: another speaker after a scene-setting sentence does not take its channel', () => {
  const text = 'Health Minister Anna Berg was asked about the strike while speaking to reporters in Leeds. '
    + 'Union leader Omar Haddad said the talks had failed.';
  assert.equal(byCue(text, 'said').channel, null);
});
