/**
 * Statement finding on news-style copy, through the public `analyze()` output: each test is one error class seen
 * on real news (see docs/output-format.md for what a statement's cue and content hold). Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/pipeline/analyze.js';

function statements(text: string) {
  return analyze(text).statements.map((s) => ({
    kind: s.kind, cue: s.cue?.text ?? null, content: s.content.map((c) => c.text), addressee: s.addressee?.text ?? null,
  }));
}

test('news: an action verb with a bare object is no statement ("offered refunds")', () => {
  assert.deepEqual(statements('The company offered refunds to all customers.'), []);
});

test('news: "citing anonymous sources" names a source, not content', () => {
  const st = statements('The newspaper, citing anonymous sources, said the deal was off.');
  assert.equal(st.length, 1);
  assert.equal(st[0]!.cue, 'said');
  assert.deepEqual(st[0]!.content, ['the deal was off']);
});

test('news: a speech verb keeps a noun-phrase content ("denied the report")', () => {
  const st = statements('The defence ministry denied the report on Friday.');
  assert.equal(st.length, 1);
  assert.match(st[0]!.content[0]!, /the report/);
});

test('news: "X told AGENCY on DAY" after a quote: the agency is the addressee, the quote the content', () => {
  const st = statements('"The dam is safe," deputy minister Ivan Petrov told Interfax on Tuesday.');
  assert.equal(st.length, 1);
  assert.equal(st[0]!.kind, 'direct');
  assert.deepEqual(st[0]!.content, ['The dam is safe']);
  assert.equal(st[0]!.addressee, 'Interfax');
});

test('news: a quote left open at a paragraph end and closed in the next paragraph is one statement', () => {
  const st = statements('After the game, coach Maria Lopez said, "We learned a great deal today.\n\n'
    + 'It was an emotional evening for all of us and the fans were wonderful."\n\nThe next match is on Sunday.');
  assert.equal(st.length, 1);
  assert.deepEqual(st[0]!.content, ['We learned a great deal today',
    'It was an emotional evening for all of us and the fans were wonderful']);
});

test('news: an interrupted quote gives one statement with both pieces', () => {
  const st = statements('"We will appeal," lawyer Anna Berg said in a statement, "and we expect to win."');
  assert.equal(st.length, 1);
  assert.deepEqual(st[0]!.content, ['We will appeal', 'and we expect to win']);
});

test('news: the output cue is the whole predicate, auxiliaries included', () => {
  const st = statements('The mayor has said that the bridge will reopen in May.');
  assert.equal(st.length, 1);
  assert.equal(st[0]!.cue, 'has said');
});

test('news: a reporting verb outside the hand lexicon gives a reported statement, belief and evidence stay other', () => {
  const reported = statements('The agency characterized the attack as an act of terrorism.');
  assert.equal(reported.length, 1);
  assert.equal(reported[0]!.kind, 'indirect');
  assert.equal(statements('Officials fear the dam could fail.')[0]?.kind, 'other');
  assert.equal(statements('A new study found that the lake is shrinking.')[0]?.kind, 'other');
});
