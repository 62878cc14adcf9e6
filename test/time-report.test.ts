/**
 * A statement's report time (`statements[].time`, which the timeline dates it by) is the day the attribution
 * names, never a date inside what was said nor one in a clause about the speaker. Sentences written for these tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/index.js';

/** The report time's text and value of each statement of `text`, published on `published`. */
function reportTimes(text: string, published = '2024-03-14'): (string | null)[] {
  const a = analyze(text, { published });
  return a.statements.map((s) => {
    const t = a.timexes.find((x) => x.id === s.time);
    return t ? `${t.text}=${t.value}` : null;
  });
}

test('a date inside a quotation is not when the words were said', () => {
  assert.deepEqual(reportTimes('"The vote will take place on March 30, 2025," the minister said on Tuesday.'), ['Tuesday=2024-03-12']);
  assert.deepEqual(reportTimes('"We signed the deal on February 2," Lee told reporters.'), [null]);
});

test('a date inside reported speech is not when it was said', () => {
  assert.deepEqual(reportTimes('The minister said the vote would take place on March 30.'), [null]);
  assert.deepEqual(reportTimes('The minister said on Tuesday that the vote would take place on March 30.'), ['Tuesday=2024-03-12']);
  assert.deepEqual(reportTimes('On Monday, Lee said the deal was signed on February 2.'), ['Monday=2024-03-11']);
});

test('a date in a clause about the speaker is not the report time', () => {
  assert.deepEqual(reportTimes('Lee, who resigned on March 1, said the talks had stalled.'), [null]);
  assert.deepEqual(reportTimes('Lee on Monday said the talks had stalled.'), ['Monday=2024-03-11']);
});

test('a date in a phrase of its own before or after the attribution is not the report time', () => {
  assert.deepEqual(reportTimes('After the vote on March 3, Lee said the result was fair.'), [null]);
  assert.deepEqual(reportTimes('Lee said before the meeting on March 3 that the result was fair.'), [null]);
  assert.deepEqual(reportTimes('"It was fair," Lee said in a statement on Monday.'), ['Monday=2024-03-11']);
});
