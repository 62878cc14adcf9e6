/**
 * Disputes that are not plain "disputed"/"denied": criticism aimed at a claim ("attacked the declaration"), a
 * claim that contradicts someone's position, and several reactions to one claim kept as several claims.
 * Sentences are written for these tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type AnalysisOut } from '../src/index.js';

const run = (text: string) => analyze({ text, id: 't', published: '2025-03-01' });
const names = (a: AnalysisOut, ids: string[]) => ids.map((id) => a.entities.find((e) => e.id === id)?.name ?? id).sort();
const claimsOn = (a: AnalysisOut, part: string) => a.claims.filter((c) => c.text.text.includes(part));

test('criticism aimed at a claim noun disputes the claim; aimed at anything else it does not', () => {
  const a = run('Senator Ola Berg attacked the declaration of Vesna Island as national territory by Prime Minister Ivo Dalen.');
  const c = claimsOn(a, 'the declaration of Vesna Island');
  assert.ok(c.length > 0, JSON.stringify(a.claims));
  assert.equal(c[0]!.status, 'disputed');
  assert.deepEqual(names(a, c[0]!.by), ['Ola Berg']);
  const b = run('Rebels attacked the town of Korvo on Sunday, police said.');
  assert.ok(b.claims.every((x) => x.status === 'asserted'), JSON.stringify(b.claims));
  const website = run('An online posting said the Tallin Bank website is being attacked by hackers.');
  assert.ok(website.claims.every((x) => x.status === 'asserted'), JSON.stringify(website.claims));
});

test('a claim that contradicts a body\'s position is disputed by that body, as a second reaction to the claim', () => {
  const a = run('Mayor Lina Sorvik criticised the announcement of a new port in Dunmere by Governor Paul Hesk. '
    + 'The announcement contradicted the Harbour Authority\'s published plans for the coast.');
  const c = claimsOn(a, 'a new port in Dunmere');
  const statuses = c.map((x) => `${x.status}:${names(a, x.by).join('+')}`).sort();
  assert.deepEqual(statuses, ['disputed:Harbour Authority', 'disputed:Lina Sorvik'], JSON.stringify(a.claims));
  assert.ok(c.some((x) => /contradicted the Harbour Authority/.test(x.evidence?.text ?? '')));
});

test('"Despite the assurances, ..., police said": the earlier claim by someone else is disputed by the speaker', () => {
  const a = run('Karl Osten told the board he would repay the loan by June. '
    + 'Despite the assurances, Osten sold his shares and left Norvania, the Tessel Bank said on Monday.');
  const c = claimsOn(a, 'he would repay the loan');
  assert.equal(c[0]?.status, 'disputed', JSON.stringify(a.claims));
  assert.deepEqual(names(a, c[0]!.by), ['Tessel Bank']);
  assert.match(c[0]!.evidence?.text ?? '', /^Despite the assurances/);
  // the concession is on a fact, not a claim: nothing disputed
  const b = run('Karl Osten told the board he would repay the loan by June. '
    + 'Despite the storm, Osten flew to Norvania, the Tessel Bank said on Monday.');
  assert.ok(b.claims.every((x) => x.status === 'asserted'), JSON.stringify(b.claims));
});

test('"X says A despite Y claiming B": B is disputed by X; X\'s own claim stays asserted', () => {
  const a = run('The fire service says it has found no sign of arson despite the Daily Courier claiming a witness saw two men pour petrol.');
  const c = claimsOn(a, 'pour petrol');
  assert.ok(c.length > 0, JSON.stringify(a.claims));
  assert.ok(c.every((x) => x.status === 'disputed'), JSON.stringify(a.claims));
  assert.match(c[0]!.evidence?.text ?? '', /despite$/);
  assert.equal(claimsOn(a, 'no sign of arson')[0]?.status, 'asserted');
  const b = run('The fire service says it has found no sign of arson despite the heavy rain on Sunday.');
  assert.ok(b.claims.every((x) => x.status === 'asserted'), JSON.stringify(b.claims));
});

test('blaming someone else for the deed disputes a claim of responsibility; blaming the claimant does not', () => {
  const a = run('The Kestrel Front claimed responsibility for the bombing in Ardel. '
    + 'Interior Minister Ana Roos later blamed the Tarsian army for the bombing, saying the Front lacked the explosives.');
  const c = claimsOn(a, 'responsibility for the bombing');
  assert.equal(c[0]?.status, 'disputed', JSON.stringify(a.claims));
  assert.deepEqual(names(a, c[0]!.by), ['Ana Roos']);
  assert.match(c[0]!.evidence?.text ?? '', /^blamed the Tarsian army for the bombing/);
  const b = run('The Kestrel Front claimed responsibility for the bombing in Ardel. '
    + 'Interior Minister Ana Roos blamed the Kestrel Front for the bombing.');
  assert.equal(claimsOn(b, 'responsibility for the bombing')[0]?.status, 'asserted', JSON.stringify(b.claims));
  const other = run('The Kestrel Front claimed responsibility for the bombing in Ardel. '
    + 'Interior Minister Ana Roos blamed the Tarsian army for the flooding of the valley.');
  assert.equal(claimsOn(other, 'responsibility for the bombing')[0]?.status, 'asserted', JSON.stringify(other.claims));
});
