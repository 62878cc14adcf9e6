import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newDoc, type Doc } from '../src/model/document.js';
import { segmentStage } from '../src/stages/segment.js';
import { draft } from '../src/stages/attribution/draft.js';
import { newDecisionLog } from '../src/stages/attribution/context.js';
import { readAttributions } from '../src/stages/attribution/readings.js';
import {
  contentEndExamples, contentStartExamples, cueCandidates,
} from '../src/stages/attribution/training-export.js';

function segmented(text: string): Doc {
  const doc = newDoc(text, { id: 't', title: null, url: null, published: null, publishedSource: null, source: null });
  segmentStage.run(doc);
  return doc;
}

const TEXT = 'Smith said on Monday that the plan would fail, but others disagreed.';

test('draft: fields left out take their defaults, and each draft has its own content list', () => {
  const a = draft({ sentence: 2, clause: 5 });
  assert.deepEqual(a, {
    cls: 'speech', cue: null, source: null, cuePhrase: null, sourcePhrase: null, inheritFrom: null, content: [],
    channel: null, addressee: null, via: null, sentence: 2, clause: 5, quoteContinues: false, config: undefined,
  });
  const b = draft({ cls: 'belief', cue: { s: 1, e: 2 }, sentence: 0, clause: 0, config: 'pre' });
  assert.equal(b.cls, 'belief');
  assert.deepEqual(b.cue, { s: 1, e: 2 });
  assert.equal(b.config, 'pre');
  b.content.push({ s: 3, e: 4 });
  assert.equal(a.content.length, 0);
});

test('a decision log records the content decisions; without one nothing is logged and the reading is the same', () => {
  const doc = segmented(TEXT);
  const log = newDecisionLog();
  const logged = readAttributions(doc, log);
  const said = doc.tokens.findIndex((t) => t.lower === 'said');
  const the = doc.tokens.findIndex((t) => t.lower === 'the');
  const comma = doc.tokens.findIndex((t) => t.lower === ',');
  assert.equal(log.ends.length, 1);
  assert.equal(log.ends[0]!.k, the);
  assert.ok(log.ends[0]!.ends.includes(comma), 'the hand rule end (", but") is a candidate');
  assert.equal(log.ends[0]!.ends.length, log.ends[0]!.features.length);
  assert.equal(log.starts.length, 1);
  assert.equal(log.starts[0]!.end, comma);
  const plain = readAttributions(doc);
  assert.equal(plain.log, null);
  for (const cx of [logged, plain]) {
    assert.equal(cx.drafts.length, 1);
    assert.equal(cx.drafts[0]!.cue!.s, said);
    assert.equal(cx.drafts[0]!.config, 'pre');
  }
});

test('training export: the verb reading with its scorer features, and trimmed candidate spans', () => {
  const doc = segmented(TEXT);
  const said = doc.tokens.findIndex((t) => t.lower === 'said');
  const cues = cueCandidates(doc);
  assert.equal(cues.length, 1);
  assert.equal(cues[0]!.cueToken, said);
  assert.ok(cues[0]!.features.includes('w=said'));
  assert.ok(cues[0]!.features.includes('cfg=pre'));
  const ends = contentEndExamples(doc);
  assert.equal(ends.length, 1);
  const texts = ends[0]!.spans.filter((sp) => sp.start >= 0).map((sp) => doc.text.slice(sp.start, sp.end));
  assert.ok(texts.includes('the plan would fail'), texts.join(' | '));
  const starts = contentStartExamples(doc);
  assert.equal(starts.length, 1);
  assert.ok(starts[0]!.spans.some((sp) => doc.text.slice(sp.start, sp.end) === 'the plan would fail'));
});
