/**
 * Content and cue classes of the news gold (issue 11), on sentences of our own, through the public `analyze()` output.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/pipeline/analyze.js';

function statements(text: string) {
  return analyze(text).statements.map((s) => ({
    speaker: s.speaker?.mention?.text ?? null, cue: s.cue?.text ?? null, content: s.content.map((c) => c.text),
  }));
}

test('content: a quoted phrase opening a clause that runs on is part of the clause', () => {
  const st = statements('The agency said "two gunmen" were arrested near the station on Sunday.');
  assert.equal(st.length, 1, JSON.stringify(st));
  assert.match(st[0]!.content.join(' '), /two gunmen" were arrested near the station on Sunday/);
  // A quote that is the whole content stays the content.
  const whole = statements('The coach said "the season is over" and walked out.');
  assert.equal(whole[0]!.content[0], 'the season is over');
});

test('according to: after "that" the content follows; inside a clause it is the subject and the predicate', () => {
  let st = statements('The paper has reported that according to a court filing, the firm lost two million dollars.');
  const acc = st.find((s) => s.cue === 'according to');
  assert.ok(acc, JSON.stringify(st));
  assert.deepEqual(acc.content, ['the firm lost two million dollars']);
  st = statements('The blaze, according to firefighters, started in the kitchen.');
  assert.equal(st.length, 1, JSON.stringify(st));
  assert.deepEqual(st[0]!.content, ['The blaze', 'started in the kitchen']);
  st = statements('Divers, working in cold water, according to the coast guard found the wreck on Monday.');
  assert.deepEqual(st.find((s) => s.cue === 'according to')?.content, ['Divers, working in cold water', 'found the wreck on Monday']);
  // Closing a sentence, it still attributes what comes before.
  st = statements('Sales fell by a third, according to the survey.');
  assert.deepEqual(st[0]!.content, ['Sales fell by a third']);
});

test('cue: an action infinitive or "continued" before a gerund reports no words; a speech infinitive does', () => {
  assert.equal(statements('Despite the warnings, the owners continued to ignore the safety rules.').length, 0);
  assert.equal(statements('The farmer, a trained vet, instead decided to treat the herd himself.').length, 0);
  const promised = statements('The mayor promised to reopen the library next year.');
  assert.equal(promised.length, 1, JSON.stringify(promised));
  const explained = statements('The minister went on to explain that the budget was final.');
  assert.equal(explained.length, 1, JSON.stringify(explained));
});
