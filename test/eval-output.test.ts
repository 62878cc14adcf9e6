/**
 * Every evaluator scores the claimline/1 output: attribution from its statements, coreference from its entities'
 * mentions, time expressions from its timexes. Records and texts written for these tests.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { outputAttributions } from '../src/eval/attribution.js';
import { alignToSystem, type GoldMention } from '../src/eval/coref.js';
import { outputTimexes, parseTml } from '../src/eval/timex.js';
import { analyze } from '../src/pipeline/analyze.js';
import type { AnalysisOut, Span, StatementOut } from '../src/model/format.js';

const TEXT = '"The dam will hold," said Ines Moreau, the site engineer. "We checked it twice."';
const at = (s: string, from = 0): Span => {
  const start = TEXT.indexOf(s, from);
  return { start, end: start + s.length, text: s };
};

function record(statements: StatementOut[], entities: AnalysisOut['entities'] = []): AnalysisOut {
  return {
    schema: 'claimline/1',
    document: { id: 'd', title: null, url: null, published: null, publishedSource: null, language: 'en', text: TEXT, source: null },
    warnings: [], entities, statements, timexes: [], claims: [], events: [], quantities: [],
  };
}

function statement(id: string, cue: Span | null, content: Span[]): StatementOut {
  const mention = at('Ines Moreau, the site engineer');
  return {
    id, kind: 'direct', speaker: { mention, head: at('Ines Moreau'), entity: null, name: 'Ines Moreau', entities: [] },
    cue, content, channel: null, via: [], addressee: null, time: null,
  };
}

test('eval attribution reads the output: speaker.mention, cue, content; no source for a quote with no cue', () => {
  const said = statement('s1', at('said'), [at('The dam will hold')]);
  const floating = statement('s2', null, [at('We checked it twice')]);
  const [a, b] = outputAttributions(record([said, floating]));
  assert.deepEqual(a!.source, [{ start: TEXT.indexOf('Ines'), end: TEXT.indexOf('engineer') + 'engineer'.length }]);
  assert.deepEqual(a!.cue, [{ start: TEXT.indexOf('said'), end: TEXT.indexOf('said') + 4 }]);
  assert.equal(b!.source.length, 0, 'the inherited mention is not this quote\'s source');
  assert.equal(b!.cue.length, 0);
  assert.equal(b!.content.length, 1);
});

test('eval coref aligns gold mentions to the output entities\' mentions', () => {
  const name = at('Ines Moreau');
  const role = at('the site engineer');
  const rec = record([], [
    { id: 'e1', name: 'Ines Moreau', type: 'PERSON', roles: [], roleSpans: [], mentions: [{ ...name, kind: 'name' }] },
    { id: 'e2', name: 'site engineer', type: 'PERSON', roles: [], roleSpans: [], mentions: [{ ...role, kind: 'nominal' }] },
  ]);
  const gold = (span: Span, head: Span): GoldMention => ({
    chain: '1', type: 'person', start: span.start, end: span.end, headStart: head.start, headEnd: head.end, form: 'name',
    wordStart: 0, wordEnd: 0, headWords: [],
  });
  assert.deepEqual(alignToSystem(rec, [gold(name, at('Moreau')), gold(role, at('engineer')), gold(at('dam'), at('dam'))]), [0, 1, -1]);
});

test('eval timex reads the output\'s timexes, the document creation time as the publication date', () => {
  const tml = '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2021-09-14">2021-09-14</TIMEX3></DCT>\n'
    + '<TEXT>The ferry sank <TIMEX3 tid="t1" type="DATE" value="2021-09-13">yesterday</TIMEX3>.</TEXT></TimeML>';
  const doc = parseTml('f.tml', tml);
  const sys = outputTimexes(doc);
  assert.deepEqual(sys.map((t) => [doc.text.slice(t.start, t.end), t.value]), [['yesterday', '2021-09-13']]);
  const direct = analyze({ text: doc.text, published: '2021-09-14' }).timexes;
  assert.deepEqual(sys, direct);
});
