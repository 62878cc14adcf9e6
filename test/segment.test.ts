/** Segmentation (src/stages/segment.ts): paragraphs, and sentence breaks wink puts at abbreviations. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newDoc } from '../src/model/document.js';
import { segment } from '../src/stages/segment.js';

function sentences(text: string): string[] {
  const doc = newDoc(text, { id: 't', title: null, url: null, published: null, publishedSource: null, source: null });
  segment(doc);
  // Every token must point at the sentence that holds it.
  doc.sentences.forEach((s, i) => {
    for (let t = s.tokenStart; t < s.tokenEnd; t++) assert.equal(doc.tokens[t]!.sentence, i);
  });
  return doc.sentences.map((s) => text.slice(s.start, s.end));
}

test('party-and-state labels do not end a sentence', () => {
  assert.deepEqual(sentences('Rep. Ann Cole (D-N.Y.), who chairs the panel, said the bill would pass. It did not.'), [
    'Rep. Ann Cole (D-N.Y.), who chairs the panel, said the bill would pass.', 'It did not.']);
  assert.deepEqual(sentences('Sen. Bob Hart (R-Tex.) disagreed. Others stayed silent.'), [
    'Sen. Bob Hart (R-Tex.) disagreed.', 'Others stayed silent.']);
});

test('real sentence ends stay, parentheses closed before the break included', () => {
  assert.deepEqual(sentences('The vote was close (51 to 49). The bill passed. (A recount was refused.) Then we left.'), [
    'The vote was close (51 to 49).', 'The bill passed.', '(A recount was refused.)', 'Then we left.']);
});

test('paragraphs: blank lines when there are any, else every line', () => {
  const doc = newDoc('A title\n\nFirst line\nstill first.\n\nSecond.', {
    id: 't', title: null, url: null, published: null, publishedSource: null, source: null,
  });
  segment(doc);
  assert.equal(doc.paragraphs.length, 3);
  const lines = newDoc('One.\nTwo.\nThree.', { id: 't', title: null, url: null, published: null, publishedSource: null, source: null });
  segment(lines);
  assert.equal(lines.paragraphs.length, 3);
});
