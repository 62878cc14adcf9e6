/**
 * Speakers, channels and addressees of statements, through the whole pipeline (`analyzeText`), on sentences
 * written for these tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc, Statement } from '../src/model/document.js';
import { analyzeText } from '../src/pipeline/analyze.js';

const at = (doc: Doc, r: { start: number; end: number } | null) => (r ? doc.text.slice(r.start, r.end) : null);
/** The statement whose content starts with `prefix`. */
function statementOf(doc: Doc, prefix: string): Statement {
  const s = doc.statements.find((x) => x.content.some((c) => at(doc, c)!.startsWith(prefix)));
  assert.ok(s, `no statement with content "${prefix}…": ${doc.statements.map((x) => x.content.map((c) => at(doc, c)).join(' | '))}`);
  return s;
}
/** Entity names of the statement's speakers, else its speaker string. */
function speakerOf(doc: Doc, s: Statement): string[] {
  return s.speakers.length > 0 ? s.speakers.map((i) => doc.entities[i]!.name) : [s.speakerName ?? '(none)'];
}

test('tokens: a word with a letter outside ASCII and a site name with its domain stay whole', () => {
  const doc = analyzeText('Premier Tomáš Dvořák spoke on Monday. Dvořák said the plan would work. '
    + 'The news site Tilda.com reported that two bridges had closed.');
  assert.ok(doc.tokens.some((t) => t.text === 'Dvořák'));
  assert.ok(doc.tokens.some((t) => t.text === 'Tilda.com'));
  assert.equal(doc.sentences.length, 3);
  assert.deepEqual(speakerOf(doc, statementOf(doc, 'the plan')), ['Tomáš Dvořák']);
  assert.match(at(doc, statementOf(doc, 'two bridges').speakerSpan) ?? '', /Tilda\.com$/);
});
