/**
 * Who spoke when the subject is written unusually, through the public `analyze()` output: a stray comma after the
 * subject, a reduced relative inside it, a written channel naming its author, an agentless "is said to" passive,
 * a time adjunct inside the verb group. Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/pipeline/analyze.js';

function statements(text: string) {
  return analyze(text).statements.map((s) => ({
    cue: s.cue?.text ?? null, content: s.content.map((c) => c.text), speaker: s.speaker?.mention?.text ?? null,
    channel: s.channel?.text ?? null,
  }));
}

test('subject: a stray comma between a sentence-opening subject and its verb', () => {
  const st = statements('The consulting firm Brightwell, has said that the market will shrink.');
  assert.equal(st.length, 1);
  assert.equal(st[0]!.speaker, 'The consulting firm Brightwell');
  const both = statements('Both she and the city\'s police chief Tom Hale, urged calm.');
  assert.equal(both[0]!.speaker, 'Both she and the city\'s police chief Tom Hale');
  // A clause before the comma is content, not a subject.
  const post = statements('Prices will rise, the minister said.');
  assert.equal(post[0]!.speaker, 'the minister');
  assert.deepEqual(post[0]!.content, ['Prices will rise']);
});

test('subject: the agent of a reduced relative stays inside the subject', () => {
  const st = statements('The man arrested by police said he was innocent.');
  assert.equal(st[0]!.speaker, 'The man arrested by police');
  const ruling = statements('The ruling signed by the judge read: "The claim is dismissed and the costs go to the city."');
  assert.equal(ruling[0]!.speaker, 'The ruling signed by the judge');
});

test('subject: a written channel "from" or "signed by" its author gives the author as speaker', () => {
  const st = statements('A report from the health ministry during the weekend said nine people died.');
  assert.equal(st.length, 1);
  assert.equal(st[0]!.speaker, 'the health ministry');
  assert.equal(st[0]!.channel, 'A report');
  const letter = statements('The letter signed by 40 doctors said the plan was unsafe.');
  assert.equal(letter[0]!.speaker, '40 doctors');
  assert.equal(letter[0]!.channel, 'The letter');
});

test('passive: "X was reported to V" with no agent is a statement with no speaker', () => {
  const st = statements('The boy\'s condition was on Tuesday reported to not be serious.');
  assert.equal(st.length, 1);
  assert.equal(st[0]!.speaker, null);
  assert.deepEqual(st[0]!.content, ['The boy\'s condition', 'not be serious']);
  const said = statements('The singer is said to have left the country.');
  assert.equal(said[0]!.speaker, null);
  // "is expected to" reports no one's words.
  assert.equal(statements('The team is expected to win the cup.').length, 0);
});
