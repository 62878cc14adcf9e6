import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newDoc } from '../src/model/document.js';
import { segment } from '../src/stages/segment.js';
import { findQuantities } from '../src/stages/quantities.js';

function quantities(text: string, timexes: { start: number; end: number }[] = []) {
  const doc = newDoc(text, { id: 't', title: null, url: null, published: null, publishedSource: null, source: null });
  segment(doc);
  doc.timexes = timexes.map((t) => ({ ...t, type: 'DATE' as const, value: 'X', resolved: false }));
  return findQuantities(doc).map((q) => ({ ...q, text: text.slice(q.start, q.end) }));
}

test('bounded counts keep the bound and the counted noun', () => {
  const [q] = quantities('Officials said up to 3,500 Chilean miners had joined the strike.');
  assert.equal(q!.text, 'up to 3,500 Chilean miners');
  assert.equal(q!.value, 3500);
  assert.equal(q!.bound, 'max');
  assert.equal(q!.unit, 'miners');
  const [m] = quantities('At least 40 people were hurt.');
  assert.equal(m!.bound, 'min');
  assert.equal(m!.value, 40);
});

test('vague magnitudes are approximate with no single value', () => {
  const [q] = quantities('Thousands of protesters gathered in the square.');
  assert.equal(q!.text, 'Thousands of protesters');
  assert.equal(q!.approx, true);
  assert.equal(q!.value, null);
});

test('money, percentages and scale words', () => {
  const qs = quantities('The fund lost $3.5 billion, about 12 percent of its value.');
  assert.equal(qs[0]!.value, 3.5e9);
  assert.equal(qs[0]!.unit, 'USD');
  assert.equal(qs[1]!.unit, '%');
  assert.equal(qs[1]!.approx, true);
});

test('numbers inside time expressions are not quantities', () => {
  const text = 'The treaty was signed in 1997 by 14 countries.';
  const y = text.indexOf('1997');
  const qs = quantities(text, [{ start: y, end: y + 4 }]);
  assert.deepEqual(qs.map((q) => q.text), ['14 countries']);
});

test('digits glued to letters are part of a name, not a quantity; glued scales and units still count', () => {
  const names = quantities('Posts on 4chan and 5G masts worried the G7 after two F-16 jets and COVID-19 wards filled.');
  assert.deepEqual(names.map((q) => q.text), ['two F-16 jets']);
  assert.equal(names[0]!.value, 2);
  const amounts = quantities('The charity raised $5m on a 10km run and 3bn euros.');
  assert.deepEqual(amounts.map((q) => [q.text, q.value, q.unit]), [['$5m', 5e6, 'USD'], ['10km', 10, 'km'], ['3bn euros', 3e9, 'EUR']]);
});

test('a number right after a proper name is part of the name unless a measure follows', () => {
  const qs = quantities('The Category 4 storm grounded Windows 10 laptops at a 7-Eleven shop, and forecasters placed Ida 80 miles offshore.');
  assert.deepEqual(qs.map((q) => q.text), ['80 miles']);
});
