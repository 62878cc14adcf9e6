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

test('channel: the phrase a reader needs, with its preposition or verb ("in a statement", "told Interfax")', () => {
  const told = statements('The factory will close in May, director Olga Ivanova told Interfax on Tuesday.');
  assert.equal(told.length, 1);
  assert.equal(told[0]!.channel, 'told Interfax');
  assert.equal(told[0]!.addressee, 'Interfax');
  const said = statements('The mayor said in a statement that the bridge would reopen.');
  assert.equal(said[0]!.channel, 'in a statement');
  const thursday = statements('The mayor said on Thursday that the bridge would reopen.');
  assert.equal(thursday[0]!.channel, null);
  const press = statements('"We will not give up," she said, while addressing the press on Monday.');
  assert.equal(press[0]!.channel, 'addressing the press');
});

test('channel: a written channel as subject or object gives its author as speaker', () => {
  const which = statements('The league released a statement which said, "The final will go ahead as planned."');
  assert.equal(which.length, 1);
  assert.equal(which[0]!.speaker, 'The league');
  assert.equal(which[0]!.channel, 'a statement');
  assert.deepEqual(which[0]!.content, ['The final will go ahead as planned']);
  const own = statements('"This is a sad day for the town," the mayor\'s statement added.');
  assert.equal(own.length, 1);
  assert.equal(own[0]!.speaker, 'the mayor');
  assert.equal(own[0]!.channel, 'the mayor\'s statement');
  const posted = statements('The governor posted a message on Twitter blaming the utility for the outage.');
  assert.equal(posted.length, 1);
  assert.equal(posted[0]!.cue, 'blaming');
  assert.equal(posted[0]!.channel, 'a message on Twitter');
});

test('no statement: a negated verb of saying or a modal with a bare object', () => {
  assert.deepEqual(statements('The ministry has not commented on the images.'), []);
  assert.deepEqual(statements('The president may declare a national emergency.'), []);
  assert.deepEqual(statements('The council could not agree on a budget.'), []);
  // A reported clause stays a statement.
  assert.equal(statements('The mayor could say that the bridge is safe.').length, 1);
});

test('speaker: a capitalised verb inside a name is no cue ("of the Holy See said")', () => {
  const st = statements('Cardinal Luis Ramos of the Holy See said, "We will publish the report in full."');
  assert.equal(st.length, 1);
  assert.equal(st[0]!.cue, 'said');
  assert.match(st[0]!.speaker ?? '', /Luis Ramos of the Holy See$/);
});

test('speaker: no neighbour swallowed ("told the press the officers claimed", "Residents there said")', () => {
  const st = statements('Residents there told the press the officers claimed to be looking for a weapon.');
  const claimed = st.find((s) => s.cue === 'claimed');
  assert.ok(claimed);
  assert.equal(claimed.speaker, 'the officers');
  const told = st.find((s) => s.cue === 'told');
  assert.ok(told);
  assert.equal(told.speaker, 'Residents');
});
