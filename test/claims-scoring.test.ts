/**
 * Pairing a gold claim with a system claim (SCORING.md, "Claims") when one statement carries several claims on
 * the same text, one per reported reaction: the one whose evidence covers the gold evidence is the pair.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { systemClaimFor } from '../src/eval/news/claims.js';
import type { GoldClaim } from '../src/eval/news/gold.js';
import type { ClaimOut, Span } from '../src/model/format.js';

const TEXT = 'Rebels said the dam had burst. The army denied it. Engineers later confirmed the report.';
const at = (part: string): Span => {
  const start = TEXT.indexOf(part);
  assert.ok(start >= 0, part);
  return { start, end: start + part.length, text: part };
};
const gold = (status: string, evidence: string): GoldClaim => ({ statement: 's1', text: at('the dam had burst'), status, by: [], evidence: at(evidence) });
const sys = (id: string, status: ClaimOut['status'], evidence: string | null, statement: string | null = 's1'): ClaimOut =>
  ({ id, statement, text: at('the dam had burst'), status, by: [], evidence: evidence ? at(evidence) : null });

test('among claims linked to the same statement, the one whose evidence covers the gold evidence is chosen', () => {
  const claims = [sys('c1', 'denied', 'The army denied it'), sys('c2', 'confirmed', 'Engineers later confirmed the report')];
  assert.equal(systemClaimFor(gold('denied', 'denied it'), 's1', claims)?.id, 'c1');
  assert.equal(systemClaimFor(gold('confirmed', 'Engineers later confirmed'), 's1', claims)?.id, 'c2');
});

test('without any evidence to tell them apart, the first linked claim stays the pair', () => {
  const claims = [sys('c1', 'denied', null), sys('c2', 'confirmed', null)];
  assert.equal(systemClaimFor(gold('confirmed', 'Engineers later confirmed'), 's1', claims)?.id, 'c1');
});

test('a claim of another statement is not preferred over a linked one for its evidence', () => {
  const claims = [sys('c1', 'denied', 'The army denied it'), sys('c2', 'confirmed', 'Engineers later confirmed the report', 's2')];
  assert.equal(systemClaimFor(gold('confirmed', 'Engineers later confirmed'), 's1', claims)?.id, 'c1');
});
