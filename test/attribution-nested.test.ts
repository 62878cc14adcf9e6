/**
 * Speech reported inside a quote, and quotes introduced after an aside: error classes of the news gold, on
 * sentences of our own, through the public `analyze()` output.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/pipeline/analyze.js';

function statements(text: string) {
  return analyze(text).statements.map((s) => ({
    kind: s.kind, speaker: s.speaker?.mention?.text ?? null, name: s.speaker?.name ?? null, cue: s.cue?.text ?? null,
    content: s.content.map((c) => c.text),
  }));
}

test('nested: "I said, \'...\'" inside a quote is the quoted speaker\'s own earlier statement, direct', () => {
  const st = statements('Speaking to the radio station, Mira Holt said, "Reporters kept asking about the merger, and I said, \'There is nothing to announce.\'"');
  const inner = st.find((s) => s.content[0] === 'There is nothing to announce.');
  assert.ok(inner, JSON.stringify(st));
  assert.equal(inner.kind, 'direct');
  assert.equal(inner.name, 'Mira Holt');
  assert.equal(st.length, 2);
});

test('nested: "we told X that ..." inside a quote is indirect, with the outer speaker', () => {
  const st = statements('Union leader Tom Varga said: "We told the board we needed a new contract. They refused."');
  const inner = st.find((s) => s.cue?.endsWith('told'));
  assert.ok(inner, JSON.stringify(st));
  assert.equal(inner.kind, 'indirect');
  assert.deepEqual(inner.content, ['we needed a new contract']);
  assert.equal(inner.name, 'Tom Varga');
});

test('nested: "people ask me, \'...?\'" inside a quote reports a question put to the speaker', () => {
  const st = statements('The actor Lena Dorn said, "People always ask me, \'Will you retire?\' I never answer."');
  const inner = st.find((s) => s.content[0] === 'Will you retire?');
  assert.ok(inner, JSON.stringify(st));
  assert.equal(inner.speaker, 'People');
});

test('nested: a performative or hypothetical first person and a third party inside a quote are no statements', () => {
  for (const text of [
    'The spokesman Ali Reza said, "We warn the council that the plan will fail."',
    'The senator Joan Pike said, "I would say that the bill is dead."',
    'The senator Joan Pike said, "He said the bill was dead, but nobody believed him."',
    'The senator Joan Pike said, "I\'ll tell you, there is a problem here."',
  ]) {
    assert.equal(statements(text).length, 1, text);
  }
});

test('aside: "said of X, \\"...\\"" and "said — as reported by Y — \\"...\\"" take the quote, not the lead-in', () => {
  let st = statements('When interviewed by the newspaper, Carla Ames said of her rival, "She never understood the voters."');
  assert.equal(st.length, 1);
  assert.deepEqual(st[0]!.content, ['She never understood the voters']);
  st = statements('On Monday, President Oduya said — as reported by the Daily Mirror — "The border will stay closed."');
  assert.equal(st.length, 1);
  assert.deepEqual(st[0]!.content, ['The border will stay closed']);
});

test('claims: a reported yes-no question is an unconfirmed claim, never an asserted one', () => {
  const out = analyze('The coach Ana Ruiz said, "Fans often ask me, \'Is the striker leaving?\' I cannot say."');
  const claim = out.claims.find((c) => c.text.text.startsWith('Is the striker'));
  assert.ok(claim, JSON.stringify(out.claims));
  assert.equal(claim.status, 'unconfirmed');
  const rhetorical = analyze('The bishop said, "We follow strict rules, so why should the others be exempt?"');
  assert.ok(rhetorical.claims.every((c) => c.status === 'asserted'), JSON.stringify(rhetorical.claims));
});
