/**
 * The export formats read back: JSON and JSONL parse to the records, CSV round-trips hostile cells through an
 * RFC 4180 reader with formulas defused, ClaimReview has Google's fields for every claim status and never claims
 * to be a verdict, Web Annotation selectors agree after the UTF-16 → code point conversion, brat lines are
 * well-formed with spans equal to the text, TimeML keeps its shape.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BRAT_CONF, EXPORT_FORMATS, NOT_A_VERDICT, claimReview, codePointIndex, exportBrat, exportDocuments, exportRows,
  sliceCodePoints, webAnnotations, type ClaimReview,
} from '../src/export/index.js';
import { validateAnalysis } from '../src/output/validate.js';
import { ASTRAL_TEXT, astralAnalysis, parseCsv } from './export-fixtures.js';
import { bergAnalysis, zolaAnalysis } from './store-fixtures.js';

describe('export: fixtures', () => {
  it('the astral fixture is a valid claimline/1 record whose offsets differ from code points', () => {
    assert.deepEqual(validateAnalysis(astralAnalysis()), []);
    const cps = codePointIndex(ASTRAL_TEXT);
    const at = ASTRAL_TEXT.indexOf('Ines');
    assert.equal(cps.toCodePoint(at), at - 2, 'two astral characters before the name: two code units fewer');
  });
});

describe('export: offsets', () => {
  it('converts UTF-16 offsets to code points around surrogate pairs', () => {
    const text = 'a😀b𝔗c';
    const cps = codePointIndex(text);
    assert.deepEqual([0, 1, 3, 4, 6, 7].map((u) => cps.toCodePoint(u)), [0, 1, 2, 3, 4, 5]);
    assert.equal(cps.length, 5);
    assert.equal(sliceCodePoints(text, cps.toCodePoint(3), cps.toCodePoint(6)), 'b𝔗');
    const plain = codePointIndex('no astral here');
    assert.equal(plain.toCodePoint(5), 5);
  });
});

describe('export: JSON and JSONL', () => {
  it('one document is the record itself, several an array; JSONL one record a line', () => {
    const a = bergAnalysis();
    const b = zolaAnalysis();
    assert.deepEqual(JSON.parse(exportDocuments('json', [a]).body), a);
    assert.deepEqual(JSON.parse(exportDocuments('json', [a, b]).body), [a, b]);
    assert.deepEqual(JSON.parse(exportDocuments('json', []).body), []);
    const lines = exportDocuments('jsonl', [a, b]).body.trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines, [a, b]);
  });

  it('every format gives a content type and an extension', () => {
    for (const f of EXPORT_FORMATS) {
      const file = exportDocuments(f, [bergAnalysis(), astralAnalysis()]);
      assert.ok(file.contentType && file.extension && file.body.length > 0, f);
    }
  });
});

describe('export: CSV', () => {
  const hostile = [
    { id: 1, text: 'plain', note: null },
    { id: 2, text: 'a, with "quotes", and\nnew lines\r\nof both kinds', note: ['x', 'y, z'] },
    { id: 3, text: '=HYPERLINK("http://evil.example","click")', note: '+1 555' },
    { id: 4, text: '-2+3', note: '@SUM(A1:A2)' },
    { id: 5, text: '\tTAB', note: '\rCR' },
    { id: 6, text: 'ünïcödé 😀', note: { nested: 'x' } },
  ];

  it('round-trips through an RFC 4180 reader, CRLF after every record, formulas prefixed with a quote', () => {
    const file = exportRows('csv', hostile);
    assert.match(file.contentType, /^text\/csv; charset=utf-8/);
    assert.ok(file.body.endsWith('\r\n'));
    const rows = parseCsv(file.body);
    assert.deepEqual(rows[0], ['id', 'text', 'note']);
    assert.equal(rows.length, hostile.length + 1);
    assert.deepEqual(rows[1], ['1', 'plain', '']);
    assert.deepEqual(rows[2], ['2', 'a, with "quotes", and\nnew lines\r\nof both kinds', 'x; y, z']);
    assert.deepEqual(rows[3], ['3', `'=HYPERLINK("http://evil.example","click")`, "'+1 555"]);
    assert.deepEqual(rows[4], ['4', "'-2+3", "'@SUM(A1:A2)"]);
    assert.deepEqual(rows[5], ['5', "'\tTAB", "'\rCR"]);
    assert.deepEqual(rows[6], ['6', 'ünïcödé 😀', '{"nested":"x"}']);
    for (const r of rows.slice(1)) for (const cell of r) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `cell ${JSON.stringify(cell)} could run as a formula`);
  });

  it('given columns fix the header and order; a byte-order mark only when asked', () => {
    const file = exportRows('csv', hostile, ['note', 'id']);
    assert.deepEqual(parseCsv(file.body)[0], ['note', 'id']);
    assert.equal(file.body.charCodeAt(0), 'n'.charCodeAt(0));
    assert.equal(exportRows('csv', hostile, undefined, { bom: true }).body.charCodeAt(0), 0xfeff);
    assert.equal(exportRows('csv', [], ['a', 'b']).body, 'a,b\r\n', 'no rows: the header alone');
  });

  it('JSON and JSONL rows parse back to the rows', () => {
    assert.deepEqual(JSON.parse(exportRows('json', hostile).body), hostile);
    assert.deepEqual(exportRows('jsonl', hostile).body.trimEnd().split('\n').map((l) => JSON.parse(l)), hostile);
    assert.throws(() => exportRows('brat' as 'csv', hostile), /rows export as json, jsonl, csv/);
  });

  it('documents as CSV: one row per document, the text quoted whole', () => {
    const a = astralAnalysis();
    const rows = parseCsv(exportDocuments('csv', [a, bergAnalysis()]).body);
    const header = rows[0]!;
    const row = (i: number) => Object.fromEntries(header.map((h, j) => [h, rows[i]![j]]));
    assert.equal(rows.length, 3);
    assert.equal(row(1).docId, a.document.id);
    assert.equal(row(1).text, a.document.text);
    assert.equal(row(1).claims, '6');
    assert.equal(row(1).title, 'Harbour report, = "quoted"');
  });
});

describe('export: ClaimReview', () => {
  const reviews = (): ClaimReview[] => JSON.parse(exportDocuments('claimreview', [astralAnalysis()], { datePublished: '2024-06-01' }).body);

  it('one ClaimReview per claim with the fields Google reads, for every status', () => {
    const list = reviews();
    const a = astralAnalysis();
    assert.equal(list.length, a.claims.length);
    const statuses = new Set<string>();
    list.forEach((r, i) => {
      const c = a.claims[i]!;
      assert.equal(r['@context'], 'https://schema.org');
      assert.equal(r['@type'], 'ClaimReview');
      assert.equal(r.claimReviewed, c.text.text);
      assert.equal(r.itemReviewed['@type'], 'Claim');
      assert.equal(r.itemReviewed.appearance[0]?.url, 'https://news.example/port?id=7');
      assert.equal(r.itemReviewed.appearance[0]?.headline, a.document.title);
      assert.equal(r.itemReviewed.appearance[0]?.['@type'], 'NewsArticle');
      assert.match(r.itemReviewed.datePublished ?? '', /^\d{4}-\d{2}-\d{2}$/);
      assert.deepEqual(r.author, { '@type': 'Organization', name: 'claimline (automated extraction)' });
      assert.equal(r.datePublished, '2024-06-01');
      assert.equal(r.reviewRating['@type'], 'Rating');
      assert.match(r.reviewRating.alternateName, new RegExp(`^${c.status}`, 'i'));
      assert.ok(r.reviewRating.ratingExplanation.startsWith(NOT_A_VERDICT));
      assert.ok(r.reviewRating.ratingExplanation.includes(c.status));
      statuses.add(c.status);
    });
    assert.equal(statuses.size, 6);
  });

  it('names who the status is by; the claimant only for an asserted claim', () => {
    const [asserted, denied, unconfirmed] = reviews();
    assert.equal(asserted!.reviewRating.alternateName, 'Asserted by Ines Kahl');
    assert.deepEqual(asserted!.itemReviewed.author, { '@type': 'Person', name: 'Ines Kahl' });
    assert.equal(denied!.reviewRating.alternateName, 'Denied by the union');
    assert.equal(denied!.itemReviewed.author, undefined, 'the denier is not the claimant');
    assert.equal(unconfirmed!.reviewRating.alternateName, 'Unconfirmed');
    assert.match(denied!.reviewRating.ratingExplanation, /the words: “denied”/);
  });

  it('takes the publisher and a review URL from the caller', () => {
    const [r] = claimReview(astralAnalysis(), {
      reviewAuthor: { name: 'Desk', url: 'https://desk.example' }, reviewUrl: ({ docId, claimId }) => `https://desk.example/${encodeURIComponent(docId!)}/${claimId}`,
    });
    assert.deepEqual(r!.author, { '@type': 'Organization', name: 'Desk', url: 'https://desk.example' });
    assert.equal(r!.url, 'https://desk.example/port%2F2024%20kahl%3F/c1');
    assert.equal(Object.keys(r!)[2], 'url');
  });

  it('a document without URL appears as a CreativeWork named by its id', () => {
    const z = bergAnalysis();
    z.document.url = null;
    const [r] = claimReview(z);
    assert.deepEqual(r!.itemReviewed.appearance, [{ '@type': 'CreativeWork', identifier: 'bridge', headline: 'Bridge reopens', datePublished: '2024-03-05' }]);
  });
});

describe('export: Web Annotation', () => {
  it('TextQuoteSelector.exact is the text at TextPositionSelector, counted in code points', () => {
    const a = astralAnalysis();
    const annotations = webAnnotations(a);
    const kinds = new Set(annotations.map((x) => x.id.split(':')[4]));
    assert.deepEqual([...kinds].sort(), ['claim', 'mention', 'statement', 'timex']);
    let checked = 0;
    for (const anno of annotations) {
      const targets = Array.isArray(anno.target) ? anno.target : [anno.target];
      const withSelectors = [...targets, ...anno.body.filter((b) => b.type === 'SpecificResource')];
      for (const t of withSelectors) {
        if (t.type !== 'SpecificResource') continue;
        const [quote, position] = t.selector;
        assert.equal(t.source, 'https://news.example/port?id=7');
        assert.equal(sliceCodePoints(ASTRAL_TEXT, position.start, position.end), quote.exact);
        assert.ok(ASTRAL_TEXT.includes(quote.prefix + quote.exact + quote.suffix), 'prefix + exact + suffix is a passage of the text');
        checked++;
      }
    }
    const name = annotations.find((x) => x.id.endsWith(':mention:e1-1'))!;
    const target = Array.isArray(name.target) ? name.target[0]! : name.target;
    const utf16 = ASTRAL_TEXT.indexOf('Ines Kahl');
    assert.deepEqual(target.selector[1], { type: 'TextPositionSelector', start: utf16 - 2, end: utf16 - 2 + 9 });
    assert.ok(checked > 15, `${checked} selectors checked`);
  });

  it('the export is an AnnotationCollection with a page of every annotation', () => {
    const file = exportDocuments('webannotation', [astralAnalysis(), bergAnalysis()]);
    assert.match(file.contentType, /^application\/ld\+json; profile="http:\/\/www\.w3\.org\/ns\/anno\.jsonld"/);
    const c = JSON.parse(file.body);
    assert.equal(c['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(c.type, 'AnnotationCollection');
    assert.equal(c.first.type, 'AnnotationPage');
    assert.equal(c.total, c.first.items.length);
    assert.equal(c.total, webAnnotations(astralAnalysis()).length + webAnnotations(bergAnalysis()).length);
    assert.equal(new Set(c.first.items.map((x: { id: string }) => x.id)).size, c.total, 'ids are unique');
    const statement = c.first.items.find((x: { id: string }) => x.id.endsWith('bridge:statement:s2'));
    assert.equal(statement.motivation, 'describing');
    assert.match(statement.body[1].value, /speaker: Anna Berg; cue: told; kind: direct; channel: Radio Westport/);
    assert.equal(statement.target.source, 'https://example.org/bridge');
    const claim = c.first.items.find((x: { id: string }) => x.id.endsWith('bridge:claim:c1'));
    assert.deepEqual(claim.body[0], { type: 'TextualBody', purpose: 'classifying', value: 'denied' });
  });

  it('a document without URL is targeted by a claimline URN', () => {
    const [first] = webAnnotations(zolaAnalysis(), { kinds: ['statement'], contextOnEach: true });
    assert.equal(first!['@context'], 'http://www.w3.org/ns/anno.jsonld');
    const t = Array.isArray(first!.target) ? first!.target[0]! : first!.target;
    assert.equal(t.source, 'urn:claimline:doc:zola');
  });
});

describe('export: brat standoff', () => {
  const T_LINE = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t([^\t\n]*)$/;
  const R_LINE = /^R\d+\t\S+ Arg1:(T\d+) Arg2:(T\d+)$/;
  const A_LINE = /^A\d+\t\S+ (T\d+) \S+$/;
  const NOTE_LINE = /^#\d+\tAnnotatorNotes (T\d+)\t[^\t\n]+$/;

  it('every line is well-formed, every span is the text at its code-point offsets, every reference exists', () => {
    for (const a of [astralAnalysis(), bergAnalysis(), zolaAnalysis()]) {
      const { txt, ann } = exportBrat(a);
      assert.equal(txt, a.document.text);
      assert.ok(ann.endsWith('\n'));
      const ids = new Set<string>();
      const refs: string[] = [];
      const types = new Set<string>();
      for (const line of ann.trimEnd().split('\n')) {
        const t = T_LINE.exec(line);
        if (t) {
          ids.add(t[1]!);
          types.add(t[2]!);
          const frags = t[3]!.split(';').map((f) => f.split(' ').map(Number) as [number, number]);
          for (const [s, e] of frags) {
            assert.ok(e > s, line);
            assert.doesNotMatch(sliceCodePoints(txt, s, e), /\n/, 'fragments never cross a line break');
          }
          assert.equal(frags.map(([s, e]) => sliceCodePoints(txt, s, e)).join(' '), t[4], line);
          continue;
        }
        const m = R_LINE.exec(line) ?? A_LINE.exec(line) ?? NOTE_LINE.exec(line);
        assert.ok(m, `malformed line: ${JSON.stringify(line)}`);
        refs.push(...m.slice(1).filter((x): x is string => !!x));
      }
      for (const r of refs) assert.ok(ids.has(r), `${r} referenced but not defined`);
      for (const type of types) assert.match(BRAT_CONF, new RegExp(`^${type}$`, 'm'), `${type} is declared in annotation.conf`);
    }
  });

  it('statements relate content to speaker and cue; claims carry their status', () => {
    const { ann } = exportBrat(bergAnalysis());
    const lines = ann.trimEnd().split('\n');
    const tOf = (type: string, text: string) => lines.find((l) => l.includes(`\t${type} `) && l.endsWith(`\t${text}`))?.split('\t')[0];
    const content = tOf('Content', 'the repairs cost 2 million euros')!;
    const speaker = tOf('Speaker', 'The council')!;
    const claim = tOf('Claim', 'the repairs cost 2 million euros')!;
    assert.ok(lines.some((l) => l.endsWith(`\tSpeaker Arg1:${content} Arg2:${speaker}`)));
    assert.ok(lines.some((l) => new RegExp(`^A\\d+\\tStatus ${claim} denied$`).test(l)));
    assert.ok(lines.some((l) => l.endsWith(`\tClaimIn Arg1:${claim} Arg2:${content}`)));
  });

  it('a span across a line break becomes two fragments', () => {
    const a = zolaAnalysis();
    a.document.text = 'Émile Zola said\nthe verdict was unjust. Officials said nothing.';
    a.statements[0]!.content = [{ start: 11, end: 38, text: a.document.text.slice(11, 38) }];
    const line = exportBrat(a).ann.split('\n').find((l) => l.includes('\tContent '))!;
    assert.match(line, /^T\d+\tContent 11 15;16 38\tsaid the verdict was unjust$/);
  });

  it('several documents: JSONL of {id, txt, ann}; one: the .ann file', () => {
    const many = exportDocuments('brat', [bergAnalysis(), zolaAnalysis()]);
    const rows = many.body.trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(rows.map((r) => r.id), ['bridge', 'zola']);
    assert.equal(rows[0].ann, exportBrat(bergAnalysis()).ann);
    const one = exportDocuments('brat', [bergAnalysis()]);
    assert.equal(one.extension, 'ann');
    assert.equal(one.body, exportBrat(bergAnalysis()).ann);
  });
});

describe('export: TimeML', () => {
  it('one document is the TimeML file with its TIMEX3 values; several are JSONL', () => {
    const one = exportDocuments('timeml', [bergAnalysis()]);
    assert.equal(one.extension, 'tml');
    assert.match(one.body, /<TIMEX3 tid="t1" type="DATE" value="2024-03-04">Monday<\/TIMEX3>/);
    const many = exportDocuments('timeml', [bergAnalysis(), astralAnalysis()]).body.trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.equal(many[1].id, 'port/2024 kahl?');
    assert.match(many[1].timeml, /<DCT><TIMEX3 tid="t0"[^>]*value="2024-05-10"/);
  });
});
