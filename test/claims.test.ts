import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newDoc, type Doc } from '../src/model/document.js';
import { segment } from '../src/stages/segment.js';
import { findClaims } from '../src/stages/claims/index.js';

/** A document with one statement (speaker/cue/content given as substrings) and name mentions for `names`. */
function docWith(text: string, st: { speaker: string; cue: string; content: string }, names: string[]): Doc {
  const doc = newDoc(text, { id: 't', title: null, url: null, published: null, publishedSource: null, source: null });
  segment(doc);
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  names.forEach((n) => {
    const r = at(n);
    doc.entities.push({ name: n, type: 'GPE', roles: [], mentions: [doc.mentions.length] });
    doc.mentions.push({ ...r, tokenStart: 0, tokenEnd: 0, type: 'GPE', kind: 'name', entity: doc.entities.length - 1 });
  });
  doc.mentions.sort((a, b) => a.start - b.start);
  const sp = at(st.speaker);
  doc.statements.push({
    kind: 'indirect', speakerSpan: sp, speakers: doc.mentions.filter((m) => m.start >= sp.start && m.end <= sp.end).map((m) => m.entity),
    speakerName: null, cue: at(st.cue), content: [at(st.content)], channel: null, addressee: null, via: [], sentence: 0,
  });
  return doc;
}

const name = (doc: Doc, ids: number[]) => ids.map((i) => doc.entities[i]!.name).sort();

test('"never confirmed by X or Y" makes the claim unconfirmed by both', () => {
  const text = 'Chile said its miners were safe, a claim that was never confirmed by Peru or Bolivia.';
  const doc = docWith(text, { speaker: 'Chile', cue: 'said', content: 'its miners were safe' }, ['Chile', 'Peru', 'Bolivia']);
  const [c] = findClaims(doc);
  assert.equal(c!.status, 'unconfirmed');
  assert.deepEqual(name(doc, c!.by), ['Bolivia', 'Peru']);
  assert.match(text.slice(c!.evidence!.start, c!.evidence!.end), /^a claim that was never confirmed by Peru or Bolivia$/);
});

test('plain statements are asserted by their speakers', () => {
  const text = 'Chile said its miners were safe.';
  const doc = docWith(text, { speaker: 'Chile', cue: 'said', content: 'its miners were safe' }, ['Chile']);
  const [c] = findClaims(doc);
  assert.equal(c!.status, 'asserted');
  assert.deepEqual(name(doc, c!.by), ['Chile']);
});

test('a denial cue verb and a back-referring next sentence both set the status', () => {
  const t1 = 'Peru denied that its troops crossed the border.';
  const d1 = docWith(t1, { speaker: 'Peru', cue: 'denied', content: 'its troops crossed the border' }, ['Peru']);
  assert.equal(findClaims(d1)[0]!.status, 'denied');
  const t2 = 'Chile said the dam had burst. The report could not be independently verified.';
  const d2 = docWith(t2, { speaker: 'Chile', cue: 'said', content: 'the dam had burst' }, ['Chile']);
  const [c] = findClaims(d2);
  assert.equal(c!.status, 'unconfirmed');
  assert.deepEqual(c!.by, []);
});

test('confirmation by a named party', () => {
  const text = 'Chile said the ship sank, which was later confirmed by Peru.';
  const doc = docWith(text, { speaker: 'Chile', cue: 'said', content: 'the ship sank' }, ['Chile', 'Peru']);
  const [c] = findClaims(doc);
  assert.equal(c!.status, 'confirmed');
  assert.deepEqual(name(doc, c!.by), ['Peru']);
});

test('a status comment inside the content span is cut from the claim and sets its status', () => {
  const text = 'Chile said its miners were safe, information that was never confirmed by Peru.';
  const doc = docWith(text, { speaker: 'Chile', cue: 'said', content: 'its miners were safe, information that was never confirmed by Peru' }, ['Chile', 'Peru']);
  const [c] = findClaims(doc);
  assert.equal(c!.status, 'unconfirmed');
  assert.equal(text.slice(c!.text.start, c!.text.end), 'its miners were safe');
  assert.deepEqual(name(doc, c!.by), ['Peru']);
});
