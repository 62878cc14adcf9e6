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
