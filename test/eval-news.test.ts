/**
 * `claimline eval news`: each scoring rule of shared/data/news-gold/SCORING.md on a small gold record and system
 * record written here, then the real command on ../shared (skipped with a message when it is absent).
 */
import { assertFloor } from './floors.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { AnalysisOut, ClaimOut, EntityOut, Span, StatementOut, TimexOut } from '../src/model/format.js';
import type { Gold, GoldClaim, GoldDoc, GoldEntity, GoldStatement } from '../src/eval/news/gold.js';
import { normaliseName } from '../src/eval/news/normalise.js';
import { cueRight } from '../src/eval/news/statements.js';
import { partiesRight } from '../src/eval/news/claims.js';
import { scoreDocument, summarise } from '../src/eval/news/score.js';
import { evalNewsCommand } from '../src/eval/news/command.js';
import { HAS_SHARED, NO_SHARED, SHARED } from './shared.js';

const TEXT = 'The Kremlin said on Monday that talks with Kyiv would resume in March. '
  + 'Officials from the United States, South Korea and Ukraine said the troops were moving. '
  + 'Reuters reported that a deal was close, but the Kremlin did not confirm it. '
  + 'Peskov told Reuters the report was "wishful thinking" and denied it.';

/** The span of the n-th occurrence (0-based) of `s` in the test text. */
function at(s: string, n = 0): Span {
  let start = -1;
  for (let k = 0; k <= n; k++) start = TEXT.indexOf(s, start + 1);
  assert.ok(start >= 0, `'${s}' (occurrence ${n}) is not in the test text`);
  return { start, end: start + s.length, text: s };
}

/** A span of the test text by offsets (for partial coverage). */
const slice = (start: number, end: number): Span => ({ start, end, text: TEXT.slice(start, end) });

function goldDoc(gold: Partial<Gold>): GoldDoc {
  return {
    name: 'test', goldFile: 'test.gold.json', text: TEXT, meta: { id: 'test', title: null, published: '2024-06-03' },
    gold: { entities: [], statements: [], scare_quotes: [], timexes: [], claims: [], ...gold },
  };
}

function record(parts: Partial<Pick<AnalysisOut, 'entities' | 'statements' | 'timexes' | 'claims'>>): AnalysisOut {
  return {
    schema: 'claimline/1',
    document: { id: 'test', title: null, url: null, published: '2024-06-03', publishedSource: 'metadata', language: 'en', text: TEXT, source: null },
    warnings: [], entities: [], statements: [], timexes: [], claims: [], events: [], quantities: [], ...parts,
  };
}

const gEntity = (id: string, name: string, mentions: Span[], type = 'ORG', roles: string[] = []): GoldEntity => ({ id, name, type, roles, mentions });
const sEntity = (id: string, name: string, mentions: Span[], type: EntityOut['type'] = 'ORG', roles: string[] = []): EntityOut =>
  ({ id, name, type, roles, roleSpans: [], mentions: mentions.map((m) => ({ ...m, kind: 'name' as const })) });

function gStatement(id: string, content: Span[], more: Partial<GoldStatement> = {}): GoldStatement {
  return { id, kind: 'indirect', speaker: { entity: null, mention: null }, cue: null, content, channel: null, via: [], ...more };
}

function sStatement(id: string, content: Span[], more: Partial<StatementOut> = {}): StatementOut {
  return {
    id, kind: 'indirect', speaker: { mention: null, entity: null, name: null, entities: [] }, cue: null, content,
    channel: null, via: [], addressee: null, time: null, ...more,
  };
}

const KREMLIN_SAID = at('talks with Kyiv would resume in March');

test('name strings: curly apostrophes, case, spaces, edge punctuation and quotes, final \'s, leading the/a/an', () => {
  assert.equal(normaliseName('  “The  Kremlin’s”. '), 'kremlin');
  assert.equal(normaliseName('A Spokesman,'), 'spokesman');
  assert.equal(normaliseName('(an official)'), 'official');
  assert.equal(normaliseName('Theresa May'), 'theresa may', 'only a whole leading word "the" goes');
  assert.equal(normaliseName("Reuters'"), 'reuters');
  // The same rule decides speakers: gold entity "Kremlin" is named by the system mention "the Kremlin's".
  const doc = goldDoc({
    entities: [gEntity('e1', 'Kremlin', [at('Kremlin')])],
    statements: [gStatement('s1', [KREMLIN_SAID], { speaker: { entity: 'e1', mention: at('The Kremlin') } })],
  });
  const sys = sStatement('s1', [KREMLIN_SAID], { speaker: { mention: null, entity: null, name: "the Kremlin's", entities: [] } });
  assert.equal(scoreDocument(doc, record({ statements: [sys] })).statements.speakerRight, 1);
});

test('found: the system statement must cover at least 50 % of the gold content characters', () => {
  const gold = slice(100, 120); // 20 characters
  const doc = goldDoc({ statements: [gStatement('s1', [gold])] });
  const half = scoreDocument(doc, record({ statements: [sStatement('s1', [slice(110, 140)])] })).statements;
  assert.equal(half.found, 1, '10 of 20 characters is enough');
  const less = scoreDocument(doc, record({ statements: [sStatement('s1', [slice(111, 140)])] })).statements;
  assert.equal(less.found, 0, '9 of 20 characters is not');
  // Content pieces count together as one set of characters: two pieces of 5 cover 10 of 20.
  const pieces = scoreDocument(doc, record({ statements: [sStatement('s1', [slice(100, 105), slice(115, 120)])] })).statements;
  assert.equal(pieces.found, 1);
});

test('matching is one to one, greedy by the largest overlap', () => {
  // One system statement overlapping two gold statements goes to the one it overlaps most.
  const doc = goldDoc({ statements: [gStatement('s1', [slice(0, 10)]), gStatement('s2', [slice(10, 40)])] });
  const one = scoreDocument(doc, record({ statements: [sStatement('s1', [slice(0, 40)])] }));
  assert.equal(one.statements.found, 1);
  assert.ok(one.issues.some((l) => l.startsWith('statement missed\ts1')), 'the smaller overlap (s1) is the miss');
  // Two system statements on one gold statement: one finds it, the other is spurious (precision 50 %).
  const two = summarise([scoreDocument(goldDoc({ statements: [gStatement('s1', [slice(0, 40)])] }),
    record({ statements: [sStatement('s1', [slice(0, 30)]), sStatement('s2', [slice(25, 40)])] }))]);
  assert.equal(two.counts.statements.found, 1);
  assert.equal(two.figures.statements.precision, 50);
  assert.equal(two.figures.statements.recall, 100);
  assert.ok(two.perDocument[0]!.issues.some((l) => l.startsWith('statement spurious\ts2')));
});

test('speaker with co_speakers: naming any gold speaker, or all together, is right', () => {
  const content = [at('the troops were moving')];
  const doc = goldDoc({
    entities: [gEntity('e1', 'United States', [at('the United States')], 'GPE'), gEntity('e2', 'South Korea', [at('South Korea')], 'GPE'),
      gEntity('e3', 'Ukraine', [at('Ukraine')], 'GPE')],
    statements: [gStatement('s1', content, {
      speaker: { entity: 'e1', mention: at('the United States') },
      co_speakers: [{ entity: 'e2', mention: at('South Korea') }, { entity: 'e3', mention: at('Ukraine') }],
    })],
  });
  const speaking = (name: string | null, mention: Span | null = null) => scoreDocument(doc, record({
    statements: [sStatement('s1', content, { speaker: { mention, entity: null, name, entities: [] } })],
  })).statements.speakerRight;
  assert.equal(speaking('South Korea'), 1, 'a co-speaker alone');
  assert.equal(speaking(null, at('the United States, South Korea and Ukraine')), 1, 'all of them in one phrase');
  assert.equal(speaking('Japan'), 0);
  assert.equal(speaking(null, at('Officials')), 0);
  assert.equal(speaking(null), 0, 'a gold speaker wants a system speaker');
});

test('speaker: pronouns never name anyone, and no gold speaker wants no system speaker', () => {
  const content = [at('the report was')];
  const doc = goldDoc({
    entities: [gEntity('e1', 'Dmitry Peskov', [at('Peskov')], 'PERSON')],
    statements: [gStatement('s1', content, { speaker: { entity: 'e1', mention: at('Peskov') } }), gStatement('s2', [KREMLIN_SAID])],
  });
  const he = sStatement('s1', content, { speaker: { mention: { start: 0, end: 2, text: 'he' }, entity: null, name: 'he', entities: [] } });
  const nobody = sStatement('s2', [KREMLIN_SAID]);
  assert.equal(scoreDocument(doc, record({ statements: [he, nobody] })).statements.speakerRight, 1, 'only s2 (none = none)');
});

test('cue: same text on overlapping spans, or a fuller predicate of at most 3 more words', () => {
  const said = at('said');
  assert.ok(cueRight(said, said));
  assert.ok(cueRight(at('confirm'), at('did not confirm')), 'fuller predicate, 2 more words');
  const sentence = TEXT.indexOf('but the Kremlin did not confirm');
  assert.ok(cueRight(at('confirm'), slice(sentence + 8, at('confirm').end)), '"Kremlin did not confirm": 3 more words');
  assert.ok(!cueRight(at('confirm'), slice(sentence + 4, at('confirm').end)), '"the Kremlin did not confirm": 4 more words');
  assert.ok(!cueRight(at('said'), at('said', 1)), 'same word elsewhere does not overlap');
  assert.ok(!cueRight(at('reported'), at('told')));
  assert.ok(cueRight(null, null), 'no gold cue wants none');
  assert.ok(!cueRight(null, said));
  assert.ok(!cueRight(said, null));
});

test('channel: found through the system channel or its addressee ("told [Reuters]")', () => {
  const content = [at('the report was')];
  const doc = goldDoc({ statements: [gStatement('s1', content, { channel: at('Reuters', 1) })] });
  const via = (more: Partial<StatementOut>) => scoreDocument(doc, record({ statements: [sStatement('s1', content, more)] })).statements;
  assert.deepEqual([via({ addressee: at('Reuters', 1) }).channelFound, via({ addressee: at('Reuters', 1) }).channelGold], [1, 1]);
  assert.equal(via({ channel: at('told Reuters') }).channelFound, 1);
  assert.equal(via({}).channelFound, 0);
  assert.equal(via({ addressee: slice(at('Reuters', 1).start, at('Reuters', 1).start + 3) }).channelFound, 0, '3 of 7 characters');
});

test('timex: value F1 = value accuracy × relaxed F1', () => {
  const monday = at('Monday'), march = at('March');
  const doc = goldDoc({
    timexes: [{ ...monday, type: 'DATE', value: '2024-06-03' }, { ...at('in March'), type: 'DATE', value: '2025-03' }],
  });
  const t = (s: Span, value: string): TimexOut => ({ id: 't', ...s, type: 'DATE', value, resolved: true });
  const scores = summarise([scoreDocument(doc, record({
    timexes: [t(monday, '2024-06-03'), t(march, '2024-03'), t(at('the report'), 'PAST_REF')],
  }))]);
  const tx = scores.figures.timex;
  assert.equal(tx.relaxed.precision.toFixed(2), '66.67');
  assert.equal(tx.relaxed.recall, 100);
  assert.equal(tx.relaxed.f1.toFixed(2), '80.00');
  assert.equal(tx.strict.f1.toFixed(2), '40.00', '"March" is not the gold extent "in March"');
  assert.equal(tx.valueAccuracy, 50);
  assert.equal(tx.valueF1.toFixed(2), '40.00');
});

test('claims: parties right needs each gold party met by a distinct system party and no extra one', () => {
  assert.ok(partiesRight([['kremlin'], ['reuters']], [['reuters'], ['kremlin']]));
  assert.ok(!partiesRight([['kremlin'], ['reuters']], [['kremlin']]), 'a gold party unmet');
  assert.ok(!partiesRight([['kremlin']], [['kremlin'], ['reuters']]), 'an extra system party');
  assert.ok(!partiesRight([['kremlin', 'moscow'], ['moscow']], [['moscow'], ['tass']]), 'one system party cannot meet two');
  assert.ok(partiesRight([['kremlin', 'moscow'], ['moscow']], [['moscow'], ['kremlin']]), 'found by reassignment');
  // End to end: the claim is reached through the statement that found its gold statement.
  const content = [at('a deal was close')];
  const doc = goldDoc({
    entities: [gEntity('e1', 'Kremlin', [at('Kremlin'), at('Kremlin', 1)]), gEntity('e2', 'Reuters', [at('Reuters')])],
    statements: [gStatement('s1', content, { speaker: { entity: 'e2', mention: at('Reuters') } })],
    claims: [{ statement: 's1', text: content[0]!, status: 'unconfirmed', by: ['e1'], evidence: at('did not confirm') }],
  });
  const claim = (by: string[], status: ClaimOut['status'] = 'unconfirmed'): ClaimOut =>
    ({ id: 'c1', statement: 's1', text: slice(0, 5), status, by, evidence: null });
  const rec = (c: ClaimOut) => record({
    entities: [sEntity('e1', 'the Kremlin', [at('Kremlin', 1)]), sEntity('e2', 'Reuters', [at('Reuters')])],
    statements: [sStatement('s1', content)], claims: [c],
  });
  const right = scoreDocument(doc, rec(claim(['e1']))).claims;
  assert.deepEqual([right.found, right.statusRight, right.partiesRight, right.bothRight], [1, 1, 1, 1]);
  const wrong = scoreDocument(doc, rec(claim(['e2'], 'asserted'))).claims;
  assert.deepEqual([wrong.found, wrong.statusRight, wrong.partiesRight, wrong.bothRight], [1, 0, 0, 0]);
});

test('claims: without a found statement, a system claim overlapping half the text or evidence; flipped polarity counted', () => {
  const gold: GoldClaim = { statement: null, text: at('the report'), status: 'denied', by: [], evidence: at('denied') };
  const doc = goldDoc({ claims: [gold] });
  const claim = (text: Span, status: ClaimOut['status']): ClaimOut => ({ id: 'c1', statement: null, text, status, by: [], evidence: null });
  const flipped = scoreDocument(doc, record({ claims: [claim(at('the report was'), 'confirmed')] })).claims;
  assert.deepEqual([flipped.found, flipped.flipped], [1, 1]);
  const asserted = scoreDocument(doc, record({ claims: [claim(at('the report was'), 'asserted')] })).claims;
  assert.deepEqual([asserted.found, asserted.flipped], [1, 0], 'asserted is wrong but not a flip');
  const far = scoreDocument(doc, record({ claims: [claim(slice(at('the report').start + 6, at('the report').end + 4), 'denied')] })).claims;
  assert.equal(far.found, 0, '4 of 10 characters of the text is too little');
});

test('entities: found by mention overlap, else by name; type, roles and mentions over the found entity', () => {
  const doc = goldDoc({
    entities: [
      gEntity('e1', 'Dmitry Peskov', [at('Peskov')], 'PERSON', ['Kremlin spokesman']),
      gEntity('e2', 'Kyiv', [at('Kyiv')], 'GPE'),
      gEntity('e3', 'Moscow', [at('the Kremlin')], 'GPE'),
    ],
  });
  const rec = record({
    entities: [
      sEntity('e1', 'Peskov', [slice(at('Peskov').start, at('Peskov').start + 3)], 'PERSON', ['spokesman']),
      sEntity('e2', 'Kyiv', [at('Monday')], 'ORG'),
    ],
  });
  const e = scoreDocument(doc, rec).entities;
  assert.equal(e.found, 2, 'Peskov by an overlapping mention (any overlap), Kyiv by its name, Moscow not at all');
  assert.equal(e.typeRight, 1, 'Kyiv is typed ORG');
  assert.deepEqual([e.rolesFound, e.rolesGold], [1, 1], '"spokesman" shares all its words with "Kremlin spokesman"');
  assert.deepEqual([e.mentionsFound, e.mentionsGold], [1, 3]);
});

test('scare quotes: an unmatched system statement inside a scare quote counts against the system', () => {
  const doc = goldDoc({ scare_quotes: [at('wishful thinking')] });
  const taken = scoreDocument(doc, record({ statements: [sStatement('s1', [at('wishful thinking')])] })).statements;
  assert.deepEqual([taken.scareTaken, taken.scareQuotes], [1, 1]);
  const elsewhere = scoreDocument(doc, record({ statements: [sStatement('s1', [KREMLIN_SAID])] })).statements;
  assert.equal(elsewhere.scareTaken, 0);
});

test('a document without system output counts as all misses (also from --system DIR)', async () => {
  const gold = { statements: [gStatement('s1', [KREMLIN_SAID])], timexes: [{ ...at('Monday'), type: 'DATE', value: '2024-06-03' }] };
  const missing = scoreDocument(goldDoc(gold), null);
  assert.equal(missing.missing, true);
  const s = summarise([missing, scoreDocument(goldDoc(gold), record({ statements: [sStatement('s1', [KREMLIN_SAID])] }))]);
  assert.deepEqual([s.counts.statements.gold, s.counts.statements.found, s.figures.statements.recall], [2, 1, 50]);
  assert.equal(s.figures.timex.relaxed.recall, 0);

  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'claimline-news-'));
  for (const d of ['gold', 'texts', 'system']) fs.mkdirSync(path.join(root, d));
  for (const name of ['a', 'b']) {
    fs.writeFileSync(path.join(root, 'texts', `${name}.txt`), TEXT);
    fs.writeFileSync(path.join(root, 'gold', `${name}.gold.json`), JSON.stringify({ statements: [{ ...gold.statements[0], speaker: null }] }));
  }
  fs.writeFileSync(path.join(root, 'system', 'a.json'), JSON.stringify(record({ statements: [sStatement('s1', [KREMLIN_SAID])] })));
  const { code, out } = await runCommand([path.join(root, 'gold'), '--system', path.join(root, 'system'), '--json']);
  assert.equal(code, 0);
  const json = JSON.parse(out);
  assert.deepEqual([json.documents, json.missing, json.counts.statements.found, json.counts.statements.gold], [2, 1, 1, 2]);
});

async function runCommand(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough(), stderr = new PassThrough();
  let out = '', err = '';
  stdout.on('data', (d) => { out += d; });
  stderr.on('data', (d) => { err += d; });
  const code = await evalNewsCommand(args, stdout, stderr);
  return { code, out, err };
}

test('bad input: a missing directory or malformed gold is exit 2 naming the file and the reason', async () => {
  const none = await runCommand(['/nonexistent/news-gold']);
  assert.equal(none.code, 2);
  assert.match(none.err, /\/nonexistent\/news-gold: no such directory/);

  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'claimline-news-'));
  fs.mkdirSync(path.join(root, 'gold'));
  fs.mkdirSync(path.join(root, 'texts'));
  fs.writeFileSync(path.join(root, 'texts', 'x.txt'), TEXT);
  const goldFile = path.join(root, 'gold', 'x.gold.json');
  fs.writeFileSync(goldFile, '{"statements": [');
  const broken = await runCommand([root, '--system', root]);
  assert.equal(broken.code, 2);
  assert.ok(broken.err.includes(`${goldFile}: malformed JSON`), broken.err);

  fs.writeFileSync(goldFile, JSON.stringify({ statements: [{ id: 's1', kind: 'indirect', content: [{ start: 4, end: 11, text: 'Kremlim' }] }] }));
  const badSpan = await runCommand([root, '--system', root]);
  assert.equal(badSpan.code, 2);
  assert.match(badSpan.err, /x\.gold\.json: statements\[0\]\.content\[0\]: text "Kremlim" differs from the text at \[4, 11\): "Kremlin"/);
});

test('the real command on ../shared/data/news-gold: 25 documents, every figure in [0, 100]', { timeout: 300_000 }, async (t) => {
  const dir = path.join(SHARED, 'data/news-gold');
  if (!HAS_SHARED || !fs.existsSync(dir)) { t.skip(NO_SHARED); return; }
  const { code, out } = await runCommand([dir, '--json']);
  assert.equal(code, 0);
  const s = JSON.parse(out);
  assert.equal(s.documents, 25);
  assert.equal(s.missing, 0);
  const f = s.figures;
  const percents: [string, number][] = [
    ['statements P', f.statements.precision], ['statements R', f.statements.recall], ['statements F1', f.statements.f1],
    ['speaker', f.speaker], ['cue', f.cue], ['kind', f.kind], ['timex relaxed F1', f.timex.relaxed.f1],
    ['timex value F1', f.timex.valueF1], ['claims found', f.claims.found], ['claim status', f.claims.status],
    ['claim parties', f.claims.parties], ['claim both', f.claims.both], ['entity found', f.entities.found],
    ['entity type', f.entities.type], ['entity roles', f.entities.roles], ['entity mentions', f.entities.mentions],
  ];
  for (const [name, x] of percents) assert.ok(typeof x === 'number' && x >= 0 && x <= 100, `${name} = ${x}`);
  assert.ok(f.statements.f1 > 0 && f.entities.found > 0, 'the pipeline found something');
  assert.ok(f.channel.found <= f.channel.gold && f.scareQuotes.taken <= f.scareQuotes.gold);
  assert.equal(s.counts.statements.gold, 308, 'the gold holds 308 statements');
  // Regression floors (test/floors.json, npm run floors); a flipped polarity is never acceptable.
  assertFloor('news.statements.f1', f.statements.f1);
  assertFloor('news.speaker', f.speaker);
  assertFloor('news.cue', f.cue);
  assertFloor('news.claims.status', f.claims.status);
  assertFloor('news.timex.valueF1', f.timex.valueF1);
  assertFloor('news.entities.mentions', f.entities.mentions);
  assert.equal(f.claims.flipped, 0, 'no claim with a flipped polarity');
});
