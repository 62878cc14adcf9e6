/**
 * Claim statuses given by another statement or by the report itself, through the public `analyze()` output:
 * a back-referring reaction ("... denied these allegations"), a status verb governing the claim noun ("denied
 * all claims that X"), an inquiry ("police were investigating whether X") and "There is no evidence that X".
 * Sentences are written for these tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/index.js';

function claimIn(text: string, part: string) {
  const a = analyze({ text, id: 't', published: '2025-03-01' });
  const c = a.claims.find((x) => x.text.text.includes(part));
  assert.ok(c, `no claim containing "${part}" in: ${text} (claims: ${a.claims.map((x) => x.text.text).join(' | ')})`);
  return { ...c, byNames: c.by.map((id) => a.entities.find((e) => e.id === id)?.name ?? id).sort() };
}

test('a plural back-reference gives its status to the earlier claims of the other claimant', () => {
  const text = 'John Smith claims the company poisoned the river for ten years. Smith also claims that his records were destroyed.\n\n'
    + 'In a statement, Acme Corporation denied these allegations.';
  for (const part of ['the company poisoned the river', 'his records were destroyed']) {
    const c = claimIn(text, part);
    assert.equal(c.status, 'denied', part);
    assert.deepEqual(c.byNames, ['Acme Corporation'], part);
  }
});

test('a singular back-reference reaches only the nearest claim of another speaker', () => {
  const text = 'John Smith said the mine had flooded. Mary Jones said the road was closed. Acme Corporation disputed the report.';
  assert.equal(claimIn(text, 'the road was closed').status, 'disputed');
  assert.equal(claimIn(text, 'the mine had flooded').status, 'asserted');
});

test('a singular back-reference does not reach back past the previous paragraph', () => {
  const text = 'John Smith said the mine had flooded.\n\nThe town has 3,000 people.\n\nIt lies on a river.\n\n'
    + 'Acme Corporation denied the report.';
  assert.equal(claimIn(text, 'the mine had flooded').status, 'asserted');
});

test('"denied all claims that X": X denied by the subject, not by the unnamed claimant', () => {
  const c = claimIn('Germany denied all claims that the envoy was expelled.', 'the envoy was expelled');
  assert.equal(c.status, 'denied');
  assert.deepEqual(c.byNames, ['Germany']);
  assert.equal(claimIn('France rejected reports that the minister had resigned.', 'the minister had resigned').status, 'denied');
});

test('an act marked as overtaken ("initially denied") leaves the claim asserted', () => {
  assert.equal(claimIn('Germany initially denied all claims that the envoy was expelled.', 'the envoy was expelled').status, 'asserted');
});

test('"investigating whether X" inside a statement: X unconfirmed, the claim starts after "whether"', () => {
  const c = claimIn('According to the mayor, police were investigating whether the fire was set deliberately.', 'the fire was set');
  assert.equal(c.status, 'unconfirmed');
  assert.match(c.text.text, /^the fire was set deliberately/);
  assert.match(c.evidence?.text ?? '', /investigating whether$/);
});

test('"There is no evidence that X" in the report: X unconfirmed with no party', () => {
  const c = claimIn('The pills are sold widely. There is no evidence that the pills cure colds.', 'the pills cure colds');
  assert.equal(c.status, 'unconfirmed');
  assert.equal(c.statement, null);
  assert.deepEqual(c.byNames, []);
  assert.equal(c.evidence?.text, 'There is no evidence');
});

test('a later restatement by another speaker confirms the earlier claim; a negated one does not', () => {
  const confirmed = 'Reuters reported that both the refinery and the port had been shut. '
    + 'Acme Corporation subsequently said the refinery had been shut for two days.';
  const c = claimIn(confirmed, 'both the refinery and the port');
  assert.equal(c.status, 'confirmed');
  assert.deepEqual(c.byNames, ['Acme Corporation']);
  const contradicted = 'Reuters reported that both the refinery and the port had been shut. '
    + 'Acme Corporation subsequently said the refinery had not been shut.';
  assert.equal(claimIn(contradicted, 'both the refinery and the port').status, 'asserted');
  const unmarked = 'Reuters reported that both the refinery and the port had been shut. '
    + 'Acme Corporation said the refinery had been shut for two days.';
  assert.equal(claimIn(unmarked, 'both the refinery and the port').status, 'asserted');
});
