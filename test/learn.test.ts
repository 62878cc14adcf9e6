/**
 * src/learn: the feature hashes the committed models are keyed by, the averaging of the perceptrons' weights,
 * and the weight table's lookups and on-disk form.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashString, hashString30, mix, mix30 } from '../src/learn/hash.js';
import { AveragedWeights } from '../src/learn/averaged-weights.js';
import { AveragedLinearModel } from '../src/learn/linear.js';
import { MulticlassPerceptron } from '../src/learn/multiclass.js';
import { WeightTable } from '../src/learn/weight-table.js';

test('hashes: FNV-1a reference values, 30-bit keys, NER keys never 0', () => {
  // Reference FNV-1a 32-bit values; a change here would silently invalidate every committed model.
  assert.equal(hashString(''), 0x811c9dc5);
  assert.equal(hashString('a'), 0xe40c292c);
  assert.equal(hashString('foobar'), 0xbf9cf968);
  assert.equal(hashString30('foobar'), 0xbf9cf968 & 0x3fffffff);
  for (let t = 0; t < 50; t++) {
    const k = mix30(t, hashString30(`w${t}`), t, 7, 9);
    assert.ok(k >= 0 && k < 2 ** 30);
    const n = mix(t, hashString(`w${t}`), t);
    assert.ok(n > 0 && n < 2 ** 32);
  }
  assert.notEqual(mix(1, 2, 3), mix(1, 3, 2));
});

test('averaged weights: the average over all clock steps is w − acc / clock', () => {
  const w = new AveragedWeights<string>(2, 1);
  assert.equal(w.find('x'), -1);
  const r = w.row('x');
  assert.equal(r, 1, 'keyed rows come after the dense rows');
  w.add(r, 0, 1); // at clock 1
  w.tick();
  w.tick();
  w.add(r, 0, -1); // at clock 3
  w.tick();
  // Clock 4: the weight was 1 from the first update until the second, two of the four counts.
  assert.equal(w.weight(r, 0), 0);
  assert.equal(w.average(r, 0), 0.5);
  w.add(r, 1, 2);
  w.add(0, 1, 3);
  assert.deepEqual([...w.dense()], [0, 3]);
  const out = new Float64Array(4);
  w.addRows(['x', 'unknown', 'x'], 0, 3, out, 2);
  assert.deepEqual([...out], [0, 0, 0, 4]);
});

test('averaged linear model learns a separable toy problem and exports sorted rounded weights', () => {
  const m = new AveragedLinearModel();
  const data: [string[], 1 | -1][] = [[['good', 'x'], 1], [['bad', 'x'], -1], [['good'], 1], [['bad', 'y'], -1]];
  for (let epoch = 0; epoch < 5; epoch++) for (const [f, y] of data) m.learn(f, y);
  for (const [f, y] of data) assert.ok(y * m.score(f) > 0, `${f} scored ${m.score(f)}`);
  const { weights } = m.averaged(3);
  const keys = Object.keys(weights);
  assert.deepEqual(keys, [...keys].sort());
  assert.ok(weights.good! > 0 && weights.bad! < 0);
});

test('multiclass perceptron: the mean of models, quantised to Int16 with one scale', () => {
  const a = new MulticlassPerceptron(3);
  const b = new MulticlassPerceptron(3);
  const feats = Uint32Array.of(11, 22);
  // a: both features move from tag 0 to tag 1; b: feature 22 from tag 0 to tag 2. Both then see one more step, so
  // each averaged weight is half the final one: ±0.5.
  a.update([[feats, 0, 2]], 1, 0);
  a.tick();
  b.update([[feats, 1, 2]], 2, 0);
  b.tick();
  const { keys, weights, scale } = MulticlassPerceptron.exportMean([a, b], 0);
  assert.deepEqual([...keys], [11, 22]);
  // Means: feature 11 [-0.25, 0.25, 0], feature 22 [-0.5, 0.25, 0.25]; the largest maps to 32767.
  assert.equal(scale, 32767 / 0.5);
  assert.deepEqual([...weights], [-16383, 16384, 0, -32767, 16384, 16384]); // Math.round(-16383.5) is -16383
  const scores = new Float64Array(3);
  a.addScores(feats, 0, 2, scores);
  assert.deepEqual([...scores], [-2, 2, 0]);
});

test('weight table: lookups, empty-key layouts, buffer round trip and concat', () => {
  const keys = Uint32Array.of(5, 0xffffffff, 17);
  const weights = Int16Array.of(1, 2, -3, 4, 5, 6);
  const t = new WeightTable(2, keys, weights, { emptyKey: 0, maxLoad: 0.7 });
  assert.deepEqual([...t.row(0xffffffff)!], [-3, 4]);
  assert.equal(t.row(6), null);
  const out = new Int32Array(1);
  t.addScores(Uint32Array.of(5, 17, 6), 0, 3, out, 1);
  assert.equal(out[0], 8);
  assert.deepEqual([...t.rowSums(Uint32Array.of(5, 17), Uint32Array.of(0, 1, 2), 2)], [1, 2, 5, 6]);
  const back = WeightTable.fromBuffer(t.toBuffer(), 2, t.layout);
  assert.deepEqual([...back.row(17)!], [5, 6]);
  const both = WeightTable.concat([t, new WeightTable(2, Uint32Array.of(17), Int16Array.of(9, 9), t.layout)]);
  assert.equal(both.width, 4);
  assert.deepEqual([...both.row(17)!], [5, 6, 9, 9]);
  assert.deepEqual([...both.row(5)!], [1, 2, 0, 0]);
  // A Float32 table whose keys include 0 needs another empty marker.
  const f = new WeightTable(2, Int32Array.of(0, 3), Float32Array.of(0.5, 1, 2, 4), { emptyKey: -1, maxLoad: 0.5 });
  const e = new Float64Array(4);
  f.addRows([0, 3, 8], 0, 3, e, 2);
  assert.deepEqual([...e], [0, 0, 2.5, 5]);
});
