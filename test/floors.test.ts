/**
 * test/floors.json keeps the one margin policy `npm run floors` writes into it: needs no evaluation data, so a hand
 * edit that breaks the policy fails even where ../shared is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { FLOORS_FILE, floor, readFloors } from './floors.js';

const hundredths = (x: number) => Math.round(x * 100);

test('every floor is its measured figure less the one stated margin', () => {
  const { header, floors } = readFloors();
  assert.equal(header.unit, 'percent');
  assert.ok(header.margin > 0, 'a positive margin');
  assert.match(header.marginPolicy, new RegExp(`floor = measured - ${header.margin.toFixed(2)} points`));
  const names = Object.keys(floors);
  assert.ok(names.length > 0, 'no floors');
  for (const [name, e] of Object.entries(floors)) {
    assert.equal(e.margin, header.margin, `${name}: margin`);
    assert.equal(hundredths(e.floor), hundredths(e.measured) - hundredths(e.margin), `${name}: floor`);
    assert.ok(e.measured >= 0 && e.measured <= 100, `${name}: ${e.measured} is not a percentage`);
    assert.ok(e.figure.length > 0 && e.command.length > 0, `${name}: figure and command`);
  }
});

test('floors.json is in the generator\'s form: names sorted, two decimals everywhere', () => {
  const names = Object.keys(readFloors().floors);
  assert.deepEqual(names, [...names].sort());
  const numbers = fs.readFileSync(FLOORS_FILE, 'utf8').match(/:\s*-?\d[\d.]*/g) ?? [];
  for (const n of numbers) assert.match(n, /:\s*\d+\.\d{2}$/, `number ${n.trim()} without two decimals`);
});

test('an unknown floor name is an error, not a pass', () => {
  assert.throws(() => floor('no-such.figure'), /no floor "no-such.figure"/);
});
