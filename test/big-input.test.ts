/**
 * Long inputs: one line of 200 KB analyses with every offset valid, and texts analysed in sections (as every
 * text over SECTION_THRESHOLD is) join into one valid record whose spans, ids and links all hold.
 * Not timed: the speed and memory bars are measured by `npm run bench:big`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, analyzeAsync } from '../src/pipeline/analyze.js';
import { sectionBounds } from '../src/pipeline/sections.js';
import { validateAnalysis } from '../src/output/validate.js';
import type { AnalysisOut, Span } from '../src/model/format.js';
import { longNewsText } from './big-text.js';

/** Every `{start, end, text}` in the record, with where it is. */
function spans(a: AnalysisOut): [string, Span][] {
  const out: [string, Span][] = [];
  const walk = (x: unknown, where: string) => {
    if (Array.isArray(x)) { x.forEach((y, i) => walk(y, `${where}[${i}]`)); return; }
    if (x === null || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number' && typeof o.text === 'string') out.push([where, o as unknown as Span]);
    for (const [k, v] of Object.entries(o)) if (k !== 'document') walk(v, `${where}.${k}`);
  };
  walk(a, '');
  return out;
}

function assertValid(a: AnalysisOut): void {
  assert.deepEqual(validateAnalysis(a), []);
  const { text } = a.document;
  const all = spans(a);
  assert.ok(all.length > 1000, `only ${all.length} spans`);
  for (const [where, s] of all) {
    assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `${where}: [${s.start}, ${s.end}) outside the text`);
    assert.equal(text.slice(s.start, s.end), s.text, `${where}: text does not match its offsets`);
  }
  const ids = (xs: { id: string }[]) => new Set(xs.map((x) => x.id));
  const entities = ids(a.entities), statements = ids(a.statements), timexes = ids(a.timexes);
  assert.equal(entities.size, a.entities.length, 'entity ids are unique');
  assert.equal(statements.size, a.statements.length, 'statement ids are unique');
  for (const s of a.statements) {
    for (const e of [...s.speaker.entities, ...s.via]) assert.ok(entities.has(e), `${s.id} names unknown entity ${e}`);
    if (s.time !== null) assert.ok(timexes.has(s.time), `${s.id} names unknown timex ${s.time}`);
  }
  for (const c of a.claims) if (c.statement !== null) assert.ok(statements.has(c.statement), `${c.id}: unknown ${c.statement}`);
  for (const v of a.events) {
    for (const p of v.participants) assert.ok(entities.has(p.entity), `${v.id}: unknown ${p.entity}`);
    if (v.time !== null) assert.ok(timexes.has(v.time), `${v.id}: unknown ${v.time}`);
  }
  for (const e of a.entities) {
    for (let i = 1; i < e.mentions.length; i++) assert.ok(e.mentions[i - 1]!.start <= e.mentions[i]!.start, `${e.id}: mentions in text order`);
  }
}

describe('long inputs', () => {
  const line = longNewsText(200_000, true);

  it('a 200 KB single-line text analyses whole, every offset valid', () => {
    assert.ok(line.length > 190_000 && !line.includes('\n'));
    const a = analyze({ text: line, published: '2026-05-04' });
    assertValid(a);
    assert.ok(a.statements.length > 500, `${a.statements.length} statements`);
    assert.ok(!a.diagnostics!.some((d) => d.ruleId === 'pipeline/sections'), 'below the threshold: not cut');
  });

  it('analysed in sections, the same text joins into one valid record with nearly every statement', async () => {
    const whole = analyze({ text: line, published: '2026-05-04' });
    const stages: string[] = [];
    const a = await analyzeAsync({ text: line, published: '2026-05-04' }, {
      sectionChars: 40_000, sectionThreshold: 100_000, onProgress: (p) => stages.push(`${p.fraction.toFixed(3)} ${p.stage}`),
    });
    assertValid(a);
    assert.ok(a.diagnostics!.some((d) => d.ruleId === 'pipeline/sections'), 'the cut is said');
    // Only what crosses a section boundary may be lost.
    assert.ok(a.statements.length >= whole.statements.length * 0.97, `${a.statements.length} of ${whole.statements.length}`);
    assert.ok(a.timexes.length >= whole.timexes.length * 0.97, `${a.timexes.length} of ${whole.timexes.length}`);
    // One entity per name and type across sections, as in the whole analysis.
    const names = (x: AnalysisOut) => new Set(x.entities.map((e) => `${e.type} ${e.name}`));
    assert.equal(names(a).size, a.entities.length);
    // Progress runs through every section in order, from 0 towards 1.
    const fractions = stages.map((s) => Number(s.split(' ')[0]));
    assert.ok(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]!), 'progress never goes back');
    assert.ok(fractions.at(-1)! > 0.9 && fractions[0] === 0);
    assert.match(stages.at(-1)!, /section 5\/5\)$/);
  });

  it('an analysis stops between stages when its signal is aborted', async () => {
    const stop = new AbortController();
    const reason = new Error('stop');
    let seen = 0;
    await assert.rejects(analyzeAsync({ text: longNewsText(5_000, false) }, {
      signal: stop.signal, onProgress: () => { if (++seen === 3) stop.abort(reason); },
    }), (e) => e === reason);
    assert.equal(seen, 3);
  });
});

describe('sectionBounds', () => {
  const cover = (text: string, size: number) => {
    const s = sectionBounds(text, size);
    assert.equal(s[0]!.start, 0);
    assert.equal(s.at(-1)!.end, text.length);
    for (let i = 1; i < s.length; i++) assert.equal(s[i]!.start, s[i - 1]!.end);
    return s;
  };

  it('cuts at blank lines when the text has them', () => {
    const text = longNewsText(50_000, false);
    const s = cover(text, 5_000);
    assert.ok(s.length >= 8);
    for (const sec of s.slice(1)) assert.equal(text.slice(sec.start - 2, sec.start), '\n\n');
  });

  it('cuts one long line at sentence ends', () => {
    const text = longNewsText(50_000, true);
    const s = cover(text, 5_000);
    for (const sec of s.slice(1)) assert.match(text.slice(sec.start - 2, sec.start + 1), /[.!?"] [A-Z"]/);
  });

  it('cuts text with no space only where it must, never inside a surrogate pair', () => {
    const text = '😀'.repeat(20_000);
    const s = cover(text, 5_001);
    for (const sec of s) assert.equal(sec.start % 2, 0);
    assert.equal(cover('short text', 5_000).length, 1);
  });
});
