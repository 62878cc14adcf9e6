/**
 * Records written by hand for the export tests: a document whose spans follow astral characters (an emoji, a
 * mathematical letter), so UTF-16 and code-point offsets differ, with one claim of every status; and a small
 * RFC 4180 CSV reader to read exports back.
 */
import { SCHEMA_ID, type AnalysisOut, type ClaimStatus, type Span } from '../src/model/format.js';
import { span } from './store-fixtures.js';

export const ASTRAL_TEXT = 'Harbour report 🚢 from 𝔗ilbury\n\n'
  + 'Port director Ines Kahl said on Friday that the "new crane" arrived, costing 4 million euros. '
  + 'The union denied that the crane was unsafe. Officials have not confirmed that night shifts will end. '
  + 'The mayor disputed that the dock floods. A councillor confirmed the budget doubled. '
  + 'The paper retracted its story that the port will close.\n';

const STATUSES: ClaimStatus[] = ['asserted', 'denied', 'unconfirmed', 'disputed', 'confirmed', 'retracted'];

export function astralAnalysis(): AnalysisOut {
  const t = ASTRAL_TEXT;
  const s = (x: string, nth = 0): Span => span(t, x, nth);
  const claimTexts = [
    'the "new crane" arrived, costing 4 million euros', 'the crane was unsafe', 'night shifts will end',
    'the dock floods', 'the budget doubled', 'the port will close',
  ];
  const evidence = [null, 'denied', 'have not confirmed', 'disputed', 'confirmed', 'retracted'];
  const by = [['e1'], ['e2'], [], ['e3'], [], []];
  return {
    schema: SCHEMA_ID,
    document: {
      id: 'port/2024 kahl?', title: 'Harbour report, = "quoted"', url: 'https://news.example/port?id=7', published: '2024-05-10',
      publishedSource: 'metadata', language: 'en', text: t, source: 'port.txt',
    },
    warnings: [],
    entities: [
      { id: 'e1', name: 'Ines Kahl', type: 'PERSON', roles: ['Port director'], roleSpans: [s('Port director')],
        mentions: [{ ...s('Ines Kahl'), kind: 'name' }] },
      { id: 'e2', name: 'the union', type: 'ORG', roles: [], roleSpans: [], mentions: [{ ...s('The union'), kind: 'nominal' }] },
      { id: 'e3', name: 'the mayor', type: 'PERSON', roles: [], roleSpans: [], mentions: [{ ...s('The mayor'), kind: 'nominal' }] },
      { id: 'e4', name: '𝔗ilbury', type: 'GPE', roles: [], roleSpans: [], mentions: [{ ...s('𝔗ilbury'), kind: 'name' }] },
    ],
    statements: [
      { id: 's1', kind: 'indirect', speaker: { mention: s('Port director Ines Kahl'), head: s('Ines Kahl'), entity: 'e1', name: null, entities: [] },
        cue: s('said'), content: [s(claimTexts[0]!)], channel: null, via: [], addressee: null, time: 't1' },
      { id: 's2', kind: 'indirect', speaker: { mention: s('The union'), head: s('union'), entity: 'e2', name: null, entities: [] },
        cue: s('denied'), content: [s(claimTexts[1]!)], channel: null, via: [], addressee: null, time: null },
    ],
    timexes: [{ id: 't1', ...s('Friday'), type: 'DATE', value: '2024-05-10', resolved: true, anchor: 'dct', granularity: 'day' }],
    claims: STATUSES.map((status, i) => ({
      id: `c${i + 1}`, statement: i === 0 ? 's1' : i === 1 ? 's2' : null, text: s(claimTexts[i]!), status, by: by[i]!,
      evidence: evidence[i] ? s(evidence[i]!) : null,
    })),
    events: [],
    quantities: [],
  };
}

/** RFC 4180: fields separated by commas, quoted fields may hold commas, CR, LF and doubled quotes. */
export function parseCsv(csv: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  let quoted = false;
  while (i < csv.length) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"' && field === '') { quoted = true; i++; continue; }
    if (c === '"') throw new Error(`bare quote inside an unquoted field at ${i}`);
    if (c === ',') { record.push(field); field = ''; i++; continue; }
    if (c === '\r' && csv[i + 1] === '\n') { record.push(field); records.push(record); record = []; field = ''; i += 2; continue; }
    if (c === '\n' || c === '\r') throw new Error(`line break outside quotes that is not CRLF at ${i}`);
    field += c; i++;
  }
  if (field !== '' || record.length) throw new Error('the last record does not end with CRLF');
  return records;
}
