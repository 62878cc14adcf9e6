/**
 * The first acceptance case: the seed wire report against its hand-made gold (../shared/examples). The gold is
 * read at run time; nothing about it is written into the code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../src/index.js';
import type { AnalysisOut, StatementOut } from '../src/index.js';
import { HAS_SHARED, NO_SHARED, SHARED } from './shared.js';

interface Gold {
  quotes: { id: string; speaker: string; text: string; kind: string; channel?: string }[];
  claim_status: { quote: string; status: string; by: string[] }[];
  timexes: { text: string; value: string }[];
}

const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

function load(attribution: 'rules' | 'tagger'): { a: AnalysisOut; gold: Gold; text: string } {
  const text = fs.readFileSync(path.join(SHARED, 'examples/matsegora-wounded-soldiers.txt'), 'utf8');
  const gold = JSON.parse(fs.readFileSync(path.join(SHARED, 'examples/matsegora-wounded-soldiers.gold.json'), 'utf8')) as Gold;
  return { a: analyze({ text, id: 'matsegora', published: '2025-07-01', attribution }), gold, text };
}

/** The system statement whose content covers at least half of the gold quote text. */
function matchStatement(a: AnalysisOut, text: string, goldText: string): StatementOut | undefined {
  const g0 = text.indexOf(goldText);
  assert.ok(g0 >= 0, `gold text not found verbatim: ${goldText.slice(0, 40)}`);
  const g1 = g0 + goldText.length;
  return a.statements.find((s) => s.content.reduce((n, c) => n + overlap(c.start, c.end, g0, g1), 0) >= goldText.length / 2);
}

for (const mode of ['rules', 'tagger'] as const) test(`seed article (--attribution ${mode}): statements, speakers, claim status, time expressions, scare quotes`, { skip: HAS_SHARED ? false : NO_SHARED }, () => {
  const { a, gold, text } = load(mode);
  const entity = (id: string | null) => a.entities.find((e) => e.id === id);

  const matched = gold.quotes.map((q) => ({ q, s: matchStatement(a, text, q.text) }));
  const found = matched.filter((m) => m.s);
  assert.equal(found.length, gold.quotes.length, `found ${found.length}/${gold.quotes.length} gold statements; missing: ${matched.filter((m) => !m.s).map((m) => m.q.id)}`);
  for (const { q, s } of matched) {
    const names = s!.speaker.entities.map((id) => entity(id)?.name).sort();
    assert.deepEqual(names, q.speaker.split('; ').sort(), `${q.id}: speaker`);
  }

  for (const { q, s } of matched.filter((m) => m.q.channel)) {
    assert.equal(s!.channel?.text, q.channel, `${q.id}: channel`);
  }

  for (const { q, s } of matched.filter((m) => m.q.speaker === 'Alexandr Matsegora')) {
    assert.ok(s, `${q.id} not found`);
    const e = entity(s!.speaker.entity);
    assert.equal(e?.name, 'Alexandr Matsegora', `${q.id} speaker resolved to ${e?.name ?? s!.speaker.name}`);
    assert.ok(e!.roles.some((r) => r === 'Russian Ambassador to North Korea'), `roles: ${e!.roles}`);
  }

  for (const cs of gold.claim_status) {
    const q = gold.quotes.find((x) => x.id === cs.quote)!;
    const s = matchStatement(a, text, q.text);
    assert.ok(s, `${cs.quote} not found`);
    const speakers = s!.speaker.entities.map((id) => entity(id)?.name).sort();
    assert.deepEqual(speakers, q.speaker.split('; ').sort(), 'collective speaker');
    const claim = a.claims.find((c) => c.statement === s!.id);
    assert.equal(claim?.status, cs.status);
    assert.deepEqual(claim!.by.map((id) => entity(id)?.name).sort(), [...cs.by].sort());
  }

  let timexOk = 0;
  const misses: string[] = [];
  for (const g of gold.timexes) {
    const g0 = text.indexOf(g.text);
    const t = a.timexes.find((x) => overlap(x.start, x.end, g0, g0 + g.text.length) > 0);
    if (t && t.value === g.value) timexOk++;
    else misses.push(`${g.text}: ${t ? t.value : 'not found'} (gold ${g.value})`);
  }
  assert.ok(timexOk >= 8, `time expressions with the gold value: ${timexOk}/9; ${misses.join('; ')}`);

  const scare = text.indexOf('"denazify"');
  assert.ok(!a.statements.some((s) => s.content.every((c) => c.start >= scare && c.end <= scare + 10)),
    'the scare-quoted "denazify" must not be a statement');
});
