/**
 * The first acceptance case: the seed wire report against its hand-made gold (../shared/examples). The gold is
 * read at run time; nothing about it is written into the code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisOut, StatementOut } from '../src/index.js';
import { assertFloor } from './floors.js';
import { loadSeed, overlap, seedTimexValues } from './seed-article.js';
import { HAS_SHARED, NO_SHARED, SHARED } from './shared.js';

/** The system statement whose content covers at least half of the gold quote text. */
function matchStatement(a: AnalysisOut, text: string, goldText: string): StatementOut | undefined {
  const g0 = text.indexOf(goldText);
  assert.ok(g0 >= 0, `gold text not found verbatim: ${goldText.slice(0, 40)}`);
  const g1 = g0 + goldText.length;
  return a.statements.find((s) => s.content.reduce((n, c) => n + overlap(c.start, c.end, g0, g1), 0) >= goldText.length / 2);
}

for (const mode of ['rules', 'tagger'] as const) test(`seed article (--attribution ${mode}): statements, speakers, claim status, time expressions, scare quotes`, { skip: HAS_SHARED ? false : NO_SHARED }, () => {
  const seed = loadSeed(SHARED, mode);
  const { a, gold, text } = seed;
  const entity = (id: string | null) => a.entities.find((e) => e.id === id);

  const matched = gold.quotes.map((q) => ({ q, s: matchStatement(a, text, q.text) }));
  const found = matched.filter((m) => m.s);
  assert.equal(found.length, gold.quotes.length, `found ${found.length}/${gold.quotes.length} gold statements; missing: ${matched.filter((m) => !m.s).map((m) => m.q.id)}`);
  for (const { q, s } of matched) {
    const names = s!.speaker.entities.map((id) => entity(id)?.name).sort();
    assert.deepEqual(names, q.speaker.split('; ').sort(), `${q.id}: speaker`);
  }

  for (const { q, s } of matched.filter((m) => m.q.channel)) {
    // The output's channel is the whole phrase ("in an interview with ..."); the seed gold has the noun phrase.
    assert.match(s!.channel?.text ?? '', new RegExp(`^(\\w+ )?${q.channel}$`), `${q.id}: channel`);
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

  const timex = seedTimexValues(seed);
  assertFloor(`seed.${mode}.timexValues`, (100 * timex.correct) / timex.gold,
    `${timex.correct}/${timex.gold} with the gold value; ${timex.misses.join('; ')}`);

  const scare = text.indexOf('"denazify"');
  assert.ok(!a.statements.some((s) => s.content.every((c) => c.start >= scare && c.end <= scare + 10)),
    'the scare-quoted "denazify" must not be a statement');
});
