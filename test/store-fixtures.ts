/** Analyses written by hand for the store tests: two small documents whose every span is checked. */
import { SCHEMA_ID, type AnalysisOut, type Span, type StatementOut } from '../src/model/format.js';

export const TEXT = 'Mayor Anna Berg said on Monday that the bridge was safe. "Traffic will flow again," she told Radio Westport.'
  + '\n\nThe council denied that the repairs cost 2 million euros. Berg said the Ministry of Transport approved the plan'
  + ' on 1 March 2024.';

/** The `nth` occurrence of `s` in `text` as a span; fails loudly so fixture typos do not pass silently. */
export function span(text: string, s: string, nth = 0): Span {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(s, at + 1);
  if (at < 0) throw new Error(`fixture text lacks ${JSON.stringify(s)}`);
  return { start: at, end: at + s.length, text: s };
}

function statement(id: string, kind: StatementOut['kind'], entity: string, mention: Span, cue: Span,
  content: string, extra: Partial<StatementOut> = {}): StatementOut {
  return {
    id, kind, speaker: { mention, entity, name: null, entities: [] }, cue, content: [span(TEXT, content)],
    channel: null, via: [], addressee: null, time: null, ...extra,
  };
}

export function bergAnalysis(): AnalysisOut {
  const t = (s: string, nth = 0) => ({ ...span(TEXT, s, nth), kind: 'name' as const });
  return {
    schema: SCHEMA_ID,
    document: {
      id: 'bridge', title: 'Bridge reopens', url: 'https://example.org/bridge', published: '2024-03-05',
      publishedSource: 'metadata', language: 'en', text: TEXT, source: 'bridge.txt',
    },
    warnings: [],
    entities: [
      { id: 'e1', name: 'Anna Berg', type: 'PERSON', roles: ['Mayor'], roleSpans: [span(TEXT, 'Mayor')],
        mentions: [t('Anna Berg'), { ...span(TEXT, 'she'), kind: 'pronoun' }, t('Berg', 1)] },
      { id: 'e2', name: 'Radio Westport', type: 'ORG', roles: [], roleSpans: [], mentions: [t('Radio Westport')] },
      { id: 'e3', name: 'the council', type: 'ORG', roles: [], roleSpans: [], mentions: [t('The council')] },
      { id: 'e4', name: 'Ministry of Transport', type: 'ORG', roles: [], roleSpans: [], mentions: [t('Ministry of Transport')] },
    ],
    statements: [
      statement('s1', 'indirect', 'e1', span(TEXT, 'Anna Berg'), span(TEXT, 'said'), 'the bridge was safe', { time: 't1' }),
      statement('s2', 'direct', 'e1', span(TEXT, 'she'), span(TEXT, 'told'), '"Traffic will flow again,"',
        { channel: span(TEXT, 'Radio Westport') }),
      statement('s3', 'indirect', 'e3', span(TEXT, 'The council'), span(TEXT, 'denied'), 'the repairs cost 2 million euros'),
      statement('s4', 'indirect', 'e1', span(TEXT, 'Berg', 1), span(TEXT, 'said', 1),
        'the Ministry of Transport approved the plan on 1 March 2024'),
    ],
    timexes: [
      { id: 't1', ...span(TEXT, 'Monday'), type: 'DATE', value: '2024-03-04', resolved: true, anchor: 'dct' },
      { id: 't2', ...span(TEXT, '1 March 2024'), type: 'DATE', value: '2024-03-01', resolved: true },
      { id: 't3', ...span(TEXT, 'again'), type: 'SET', value: 'P1X', resolved: false },
    ],
    claims: [
      { id: 'c1', statement: 's3', text: span(TEXT, 'the repairs cost 2 million euros'), status: 'denied', by: ['e3'],
        evidence: span(TEXT, 'denied') },
    ],
    events: [],
    quantities: [],
  };
}

/** A second, tiny document whose speaker has a non-ASCII name and no linked entity for one statement. */
export function zolaAnalysis(): AnalysisOut {
  const text = 'Émile Zola said the verdict was unjust. Officials said nothing.';
  const s = (x: string): Span => span(text, x);
  return {
    schema: SCHEMA_ID,
    document: { id: 'zola', title: null, url: null, published: '1898-01-13', publishedSource: 'text', language: 'en',
      text, source: null },
    warnings: [],
    entities: [{ id: 'e1', name: 'Émile Zola', type: 'PERSON', roles: [], roleSpans: [], mentions: [{ ...s('Émile Zola'), kind: 'name' }] }],
    statements: [
      { id: 's1', kind: 'indirect', speaker: { mention: s('Émile Zola'), entity: 'e1', name: null, entities: [] },
        cue: span(text, 'said'), content: [s('the verdict was unjust')], channel: null, via: [], addressee: null, time: null },
      { id: 's2', kind: 'other', speaker: { mention: s('Officials'), entity: null, name: 'officials', entities: [] },
        cue: span(text, 'said', 1), content: [s('nothing')], channel: null, via: [], addressee: null, time: null },
    ],
    timexes: [], claims: [], events: [], quantities: [],
  };
}

/** Berg's article edited: s1 reworded, s4 dropped, a new statement, and the council now confirms the cost. */
export function bergEdited(): AnalysisOut {
  const a = bergAnalysis();
  const text = 'Mayor Anna Berg said on Monday that the bridge was entirely safe now. "Traffic will flow again," she told '
    + 'Radio Westport.\n\nThe council confirmed that the repairs cost 2 million euros. The police said the road was open.';
  const s = (x: string, nth = 0) => span(text, x, nth);
  a.document.text = text;
  a.document.title = 'Bridge reopens (updated)';
  a.entities = [
    { id: 'e1', name: 'Anna Berg', type: 'PERSON', roles: ['Mayor'], roleSpans: [s('Mayor')], mentions: [{ ...s('Anna Berg'), kind: 'name' }] },
    { id: 'e3', name: 'the council', type: 'ORG', roles: [], roleSpans: [], mentions: [{ ...s('The council'), kind: 'name' }] },
    { id: 'e5', name: 'the police', type: 'ORG', roles: [], roleSpans: [], mentions: [{ ...s('The police'), kind: 'name' }] },
  ];
  const st = (id: string, entity: string, mention: string, cue: string, content: string, cueNth = 0) => ({
    id, kind: 'indirect' as const, speaker: { mention: s(mention), entity, name: null, entities: [] }, cue: s(cue, cueNth),
    content: [s(content)], channel: null, via: [], addressee: null, time: null,
  });
  a.statements = [
    st('s1', 'e1', 'Anna Berg', 'said', 'the bridge was entirely safe now'),
    { ...st('s2', 'e1', 'she', 'told', '"Traffic will flow again,"'), kind: 'direct', channel: s('Radio Westport') },
    st('s3', 'e3', 'The council', 'confirmed', 'the repairs cost 2 million euros'),
    st('s4', 'e5', 'The police', 'said', 'the road was open', 1),
  ];
  a.timexes = [{ id: 't1', ...s('Monday'), type: 'DATE', value: '2024-03-04', resolved: true, anchor: 'dct' }];
  a.claims = [{ id: 'c1', statement: 's3', text: s('the repairs cost 2 million euros'), status: 'confirmed', by: ['e3'],
    evidence: s('confirmed') }];
  return a;
}
