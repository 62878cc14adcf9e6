/**
 * The learned span tagger (src/stages/attribution/span-tagger/): the structured perceptron on toy data, the feature
 * layout both training and the fast scorer rely on, and the `tagger` attribution mode on sentences written here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bioLegal, SequenceModel, SequenceTrainer, viterbi } from '../src/learn/structured.js';
import { hashString30 } from '../src/learn/hash.js';
import { docView } from '../src/stages/attribution/span-tagger/features.js';
import {
  ArgumentScorer, argRows, argWindow, argumentModel, cueTaggerModel, runs, tagArguments,
} from '../src/stages/attribution/span-tagger/index.js';
import { analyzeText } from '../src/pipeline/analyze.js';
import type { Doc, Statement } from '../src/model/document.js';
import path from 'node:path';
import { evaluateAttribution } from '../src/eval/attribution.js';
import { assertFloor } from './floors.js';
import { HAS_SHARED, NO_SHARED, SHARED } from './shared.js';

const TAGS = ['O', 'B-X', 'I-X'];

test('viterbi respects BIO legality: I-X never follows O', () => {
  const legal = bioLegal(TAGS);
  assert.equal(legal(-1, 2), false);
  assert.equal(legal(0, 2), false);
  assert.equal(legal(1, 2), true);
  assert.equal(legal(2, 2), true);
  // Emissions favour I-X on the first token, which is illegal there: the best legal path starts B-X.
  const e = Float64Array.from([0, 1, 5, /**/ 0, 0, 3]);
  const path = viterbi(e, 2, 3, new Float64Array(12), { legal });
  assert.deepEqual([...path], [1, 2]);
});

test('viterbi honours a per-token mask', () => {
  const legal = bioLegal(TAGS);
  const e = Float64Array.from([0, 9, 0, 0, 9, 0]);
  const path = viterbi(e, 2, 3, new Float64Array(12), { legal, allowed: (i, t) => i !== 0 || t === 0 });
  assert.deepEqual([...path], [0, 1]);
});

test('the structured perceptron learns a span pattern and its averaged weights decode it', () => {
  // Tokens are words; a span is "the word after 'said' up to the end". Features: word and previous word.
  const sentences = [
    ['he', 'said', 'taxes', 'rise'], ['she', 'said', 'rates', 'fall', 'soon'], ['they', 'said', 'no'],
    ['we', 'ate', 'lunch'], ['said', 'nothing', 'else'], ['you', 'said', 'so'],
  ];
  const gold = (ws: string[]) => ws.map((_, i) => {
    const k = ws.indexOf('said');
    return k < 0 || i <= k ? 0 : i === k + 1 ? 1 : 2;
  });
  const rows = (ws: string[]) => {
    const keys: number[] = [];
    const start = [0];
    ws.forEach((w, i) => {
      keys.push(hashString30(`w=${w}`), hashString30(`p=${ws[i - 1] ?? '<s>'}`));
      start.push(keys.length);
    });
    return { n: ws.length, keys, start };
  };
  const trainer = new SequenceTrainer(TAGS);
  const legal = bioLegal(TAGS);
  for (let epoch = 0; epoch < 10; epoch++) for (const s of sentences) trainer.learn(rows(s), gold(s), { legal });
  const model = new SequenceModel(trainer.averaged(3));
  // Seen words in a combination not seen in training.
  const test1 = ['they', 'said', 'taxes', 'fall'];
  assert.deepEqual([...model.decode(rows(test1), { legal })], gold(test1));
  const test2 = ['we', 'ate', 'lunch'];
  assert.deepEqual([...model.decode(rows(test2), { legal })], [0, 0, 0]);
});

test('runs() reads B/I paths into token ranges', () => {
  const tags = ['O', 'B-SRC', 'I-SRC', 'B-CON', 'I-CON'];
  assert.deepEqual(runs([1, 2, 0, 3, 4, 4, 3], tags, 'CON', 10), [{ s: 13, e: 16 }, { s: 16, e: 17 }]);
  assert.deepEqual(runs([1, 2, 0, 3], tags, 'SRC', 0), [{ s: 0, e: 2 }]);
});

const models = cueTaggerModel() && argumentModel();
const skip = models ? false : 'models/attribution/cue-tagger.json or arguments.json is missing';

function tagged(text: string): Doc {
  return analyzeText(text, { id: 't' }, 'tagger');
}

const at = (doc: Doc, r: { start: number; end: number } | null | undefined) => (r ? doc.text.slice(r.start, r.end) : null);
const byCue = (doc: Doc, cue: string) => doc.statements.find((s) => at(doc, s.cuePhrase ?? s.cue) === cue);
const source = (doc: Doc, s: Statement) => at(doc, s.sourcePhrase ?? s.speakerSpan);

test('the cached argument scorer gives the same paths as scoring every feature', { skip }, () => {
  const doc = analyzeText('The senator said on Tuesday that the bill would pass, but her aides were less sure. '
    + '"We will see," one of them told reporters.', { id: 't' });
  const v = docView(doc);
  const model = argumentModel()!;
  const scorer = new ArgumentScorer(v, model);
  const said = doc.tokens.findIndex((t) => t.lower === 'said');
  const told = doc.tokens.findIndex((t) => t.lower === 'told');
  for (const c of [{ s: said, e: said + 1 }, { s: told, e: told + 1 }]) {
    const fast = tagArguments(v, model, c, scorer);
    const slow = tagArguments(v, model, c);
    assert.deepEqual(fast, slow);
    // Every row of the full feature layout has the same length (training relies on it).
    const w = argWindow(v, c.s);
    const rows = argRows(v, w, c.s, c.e);
    assert.equal(rows.keys.length, rows.n * (rows.start[1]! - rows.start[0]!));
  }
});

test('tagger mode: indirect speech with "that" gives source, cue and content', { skip }, () => {
  const doc = tagged('The finance minister said on Monday that the budget deficit would shrink next year.');
  const s = byCue(doc, 'said');
  assert.ok(s, 'a statement on "said"');
  assert.equal(source(doc, s), 'The finance minister');
  assert.equal(s.content.map((c) => at(doc, c)).join(' | '), 'the budget deficit would shrink next year');
});

test('tagger mode: a postposed quote keeps its content inside the marks', { skip }, () => {
  const doc = tagged('"We are not going to raise taxes on working families," the governor said.');
  const s = byCue(doc, 'said');
  assert.ok(s);
  assert.equal(source(doc, s), 'the governor');
  assert.equal(at(doc, s.content[0]), 'We are not going to raise taxes on working families');
});

test('tagger mode: "according to", a belief and an evidence cue are statements', { skip }, () => {
  const doc = tagged('According to the report, unemployment fell to 4 percent. Republicans believe that the tax cut '
    + 'will pay for itself. A new poll shows that voters are split on the issue.');
  const acc = doc.statements.find((s) => /according to/i.test(at(doc, s.cuePhrase ?? s.cue) ?? ''));
  assert.ok(acc, 'according to');
  assert.equal(source(doc, acc), 'the report');
  const believe = byCue(doc, 'believe');
  assert.ok(believe, 'believe');
  assert.equal(source(doc, believe), 'Republicans');
  assert.equal(at(doc, believe.content[0]), 'the tax cut will pay for itself');
  const shows = byCue(doc, 'shows');
  assert.ok(shows, 'shows');
  assert.equal(source(doc, shows), 'A new poll');
});

test('tagger mode keeps the rules\' speaker entity and channel', { skip }, () => {
  const doc = tagged('Mayor Anna Berg said in a statement that the bridge would reopen in May. '
    + 'Berg added that repairs had cost more than expected.');
  // PolNeAR's cue may take the channel in ("said in a statement"); the product's channel field has it either way.
  const said = doc.statements.find((s) => at(doc, s.cue) === 'said');
  assert.ok(said);
  assert.equal(at(doc, said.channel), 'in a statement');
  const added = byCue(doc, 'added');
  assert.ok(added);
  assert.deepEqual(added.speakers, said.speakers);
  assert.equal(added.speakers.length, 1);
});

test('a scare-quoted word is not a statement in tagger mode either', { skip }, () => {
  const doc = tagged('Moscow has said its goal is to "denazify" the country, a claim Kyiv rejects.');
  assert.ok(!doc.statements.some((s) => s.content.some((c) => at(doc, c) === 'denazify')));
});

test('PolNeAR dev with --attribution tagger stays above its regression floor', { skip: skip || (HAS_SHARED ? false : NO_SHARED) }, () => {
  const s = evaluateAttribution(path.join(SHARED, 'data/polnear/dev'), (text, id) => analyzeText(text, { id }, 'tagger'));
  assertFloor('polnear-dev.tagger.source', s.exact.source.f1);
  assertFloor('polnear-dev.tagger.cue', s.exact.cue.f1);
  assertFloor('polnear-dev.tagger.content', s.exact.content.f1);
  assertFloor('polnear-dev.tagger.quotedContent', s.quotedContent.f1);
});
