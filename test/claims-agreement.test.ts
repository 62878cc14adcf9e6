/**
 * Claims set by agreement or by a competing figure: "A — even X said as much" (A confirmed by X; negated only
 * unconfirmed) and "X estimates that number is closer to N" (the figure answered is disputed by X). Sentences
 * are written for these tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type AnalysisOut } from '../src/index.js';

const run = (text: string) => analyze({ text, id: 't', published: '2025-03-01' });
const names = (a: AnalysisOut, ids: string[]) => ids.map((id) => a.entities.find((e) => e.id === id)?.name ?? id).sort();
const claimsOn = (a: AnalysisOut, part: string) => a.claims.filter((c) => c.text.text.includes(part));

test('"A — even X stated as much": A is confirmed by X, as a claim of its own inside the quote', () => {
  const a = run('Senator Rita Vance said: "The bridge in Orlov should have been repaired years ago — even Governor Tom Baird said as much."');
  const c = claimsOn(a, 'The bridge in Orlov should have been repaired').find((x) => x.status !== 'asserted');
  assert.ok(c, JSON.stringify(a.claims));
  assert.equal(c.status, 'confirmed');
  assert.deepEqual(names(a, c.by), ['Tom Baird']);
  assert.equal(c.evidence?.text, 'even Governor Tom Baird said as much');
  assert.ok(!/Senator|said:/.test(c.text.text), c.text.text);
});

test('"X has never said as much": the claim is unconfirmed by X, never denied', () => {
  const a = run('Critics say the Lund Group plans to close the plant. Chief executive Mara Lind has never said as much.');
  const c = claimsOn(a, 'plans to close the plant').find((x) => x.status !== 'asserted');
  assert.ok(c, JSON.stringify(a.claims));
  assert.equal(c.status, 'unconfirmed');
  assert.deepEqual(names(a, c.by), ['Mara Lind']);
});

test('a competing figure disputes the report\'s own figure; a figure that only repeats it does not', () => {
  const a = run('About 20,000 people joined the march in Dorvik on Saturday. The Dorvik Police Department estimates that number is closer to 6,000.');
  const c = claimsOn(a, '20,000 people joined the march');
  assert.equal(c[0]?.status, 'disputed', JSON.stringify(a.claims));
  assert.equal(c[0]?.statement, null);
  assert.deepEqual(names(a, c[0]!.by), ['Dorvik Police Department']);
  const b = run('About 20,000 people joined the march in Dorvik on Saturday. The Dorvik Police Department said the crowd was peaceful.');
  assert.ok(b.claims.every((x) => x.status === 'asserted'), JSON.stringify(b.claims));
});

test('a competing figure disputes another speaker\'s figure', () => {
  const a = run('Organisers said 20,000 people joined the march. Police estimated the real figure was far lower, at about 6,000.');
  const c = claimsOn(a, '20,000 people joined the march');
  assert.equal(c[0]?.status, 'disputed', JSON.stringify(a.claims));
});

test('"X initially denied A, but later admitted it": both acts are kept, the denial and the confirmation', () => {
  const a = run('The Harlow Water Board initially denied that the reservoir had leaked, but later admitted it.');
  const c = claimsOn(a, 'the reservoir had leaked').filter((x) => x.status !== 'asserted');
  const statuses = c.map((x) => `${x.status}:${names(a, x.by).join('+')}`).sort();
  assert.deepEqual(statuses, ['confirmed:Harlow Water Board', 'denied:Harlow Water Board'], JSON.stringify(a.claims));
  assert.ok(c.every((x) => !/but|admitted/.test(x.text.text)), JSON.stringify(c.map((x) => x.text.text)));
  // overtaken by another party's finding: the finder confirms
  const b = run('Vorland initially denied all claims that the ferry was sunk by a mine, however, a naval inquiry led by Admiral Jon Brek eventually concluded it was.');
  const d = claimsOn(b, 'the ferry was sunk').filter((x) => x.status === 'confirmed');
  assert.equal(d.length > 0, true, JSON.stringify(b.claims));
  assert.ok(d[0]!.by.length > 0 && !names(b, d[0]!.by).includes('Vorland'), JSON.stringify(names(b, d[0]!.by)));
  // a negated later act overtakes nothing: the claim stays asserted, never denied nor confirmed
  const e = run('The Harlow Water Board initially denied that the reservoir had leaked, but never admitted any fault.');
  assert.ok(claimsOn(e, 'the reservoir had leaked').every((x) => x.status === 'asserted'), JSON.stringify(e.claims));
});

test('a speaker hedging their own claim in the next sentence leaves it unconfirmed by them', () => {
  const a = run('The Merton Institute said: "Sales of electric bikes in Tarvo doubled last quarter. It might be a statistical blip. We will know more in June."');
  const c = claimsOn(a, 'Sales of electric bikes in Tarvo doubled').find((x) => x.status !== 'asserted');
  assert.ok(c, JSON.stringify(a.claims));
  assert.equal(c.status, 'unconfirmed');
  assert.deepEqual(names(a, c.by), ['Merton Institute']);
  assert.equal(c.evidence?.text, 'It might be a statistical blip');
  assert.ok(!/blip/.test(c.text.text), c.text.text);
  // a possibility about something else is no hedge of the claim
  const b = run('The Merton Institute said: "Sales of electric bikes in Tarvo doubled last quarter. It might be a good year for shops."');
  assert.ok(b.claims.every((x) => x.status === 'asserted'), JSON.stringify(b.claims));
});
