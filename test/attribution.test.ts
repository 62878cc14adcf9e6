import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { newDoc, type Doc, type Statement } from '../src/model/document.js';
import type { EntityType } from '../src/model/format.js';
import { segmentStage } from '../src/stages/segment.js';
import { attributionStage } from '../src/stages/attribution/index.js';
import { evaluateAttribution, scorePairs, trimFragment } from '../src/eval/attribution.js';
import { analyzeText } from '../src/pipeline/analyze.js';
import { assertFloor } from './floors.js';
import { HAS_SHARED, NO_SHARED, SHARED } from './shared.js';

/** Segments `text`, adds the given name mentions (as if NER + coref had run), then runs attribution. */
function analyze(text: string, names: { text: string; type?: EntityType }[] = []): Doc {
  const doc = newDoc(text, { id: 't', title: null, url: null, published: null, publishedSource: null, source: null });
  segmentStage.run(doc);
  for (const n of names) {
    const start = text.indexOf(n.text);
    assert.ok(start >= 0, `mention ${n.text} not in text`);
    const end = start + n.text.length;
    const tokenStart = doc.tokens.findIndex((t) => t.start >= start);
    const tokenEnd = doc.tokens.findIndex((t) => t.start >= end);
    doc.entities.push({ name: n.text, type: n.type ?? 'ORG', roles: [], mentions: [doc.mentions.length] });
    doc.mentions.push({
      start, end, tokenStart, tokenEnd: tokenEnd < 0 ? doc.tokens.length : tokenEnd, type: n.type ?? 'ORG',
      kind: 'name', entity: doc.entities.length - 1,
    });
  }
  attributionStage.run(doc);
  return doc;
}

const at = (doc: Doc, r: { start: number; end: number } | null) => (r ? doc.text.slice(r.start, r.end) : null);
const contents = (doc: Doc, s: Statement) => s.content.map((c) => at(doc, c));
const speakerNames = (doc: Doc, s: Statement) => s.speakers.map((i) => doc.entities[i]!.name);

test('postposed direct quote with a channel', () => {
  const doc = analyze('"The bridge will reopen in May," the mayor said in an interview with the local radio station.');
  assert.equal(doc.statements.length, 1);
  const s = doc.statements[0]!;
  assert.equal(s.kind, 'direct');
  assert.equal(at(doc, s.cue), 'said');
  assert.equal(at(doc, s.speakerSpan), 'the mayor');
  assert.equal(s.speakerName, 'the mayor');
  assert.equal(at(doc, s.channel), 'in an interview with the local radio station');
  assert.deepEqual(contents(doc, s), ['The bridge will reopen in May']);
});

test('a quote interrupted by its attribution is one statement with two content spans', () => {
  const doc = analyze('“We are ready,” she said, “and we will win the vote next week.”');
  assert.equal(doc.statements.length, 1);
  assert.deepEqual(contents(doc, doc.statements[0]!), ['We are ready', 'and we will win the vote next week']);
  assert.equal(at(doc, doc.statements[0]!.speakerSpan), 'she');
});

test('indirect speech with an addressee and a leading "that" left out of the content', () => {
  const doc = analyze('The minister told reporters on Monday that the talks had failed.');
  const s = doc.statements[0]!;
  assert.equal(s.kind, 'indirect');
  assert.equal(at(doc, s.speakerSpan), 'The minister');
  assert.equal(at(doc, s.addressee), 'reporters');
  assert.deepEqual(contents(doc, s), ['the talks had failed']);
});

test('indirect speech without "that", and a parenthetical skipped in the subject', () => {
  const doc = analyze('The governor, who faces a recall vote, said the budget was balanced.');
  const s = doc.statements[0]!;
  assert.equal(at(doc, s.speakerSpan), 'The governor');
  assert.equal(at(doc, s.sourcePhrase ?? null), 'The governor, who faces a recall vote');
  assert.deepEqual(contents(doc, s), ['the budget was balanced']);
});

test('"according to X, quoting Y": Y spoke, via X', () => {
  const doc = analyze('The ship sank near the coast, according to Nordwire, quoting Harbor Radio.', [
    { text: 'Nordwire' }, { text: 'Harbor Radio' },
  ]);
  const s = doc.statements[0]!;
  assert.equal(at(doc, s.cue), 'according to');
  assert.deepEqual(speakerNames(doc, s), ['Harbor Radio']);
  assert.deepEqual(s.via.map((i) => doc.entities[i]!.name), ['Nordwire']);
  assert.deepEqual(contents(doc, s), ['The ship sank near the coast']);
});

test('a collective subject links every conjunct', () => {
  const doc = analyze('Japan, Germany and Brazil said the agreement was fair.', [
    { text: 'Japan', type: 'GPE' }, { text: 'Germany', type: 'GPE' }, { text: 'Brazil', type: 'GPE' },
  ]);
  const s = doc.statements[0]!;
  assert.equal(at(doc, s.speakerSpan), 'Japan, Germany and Brazil');
  assert.deepEqual(speakerNames(doc, s), ['Japan', 'Germany', 'Brazil']);
  assert.equal(s.speakerName, null);
});

test('a title before a name links the person, not the place in the title', () => {
  const doc = analyze('Mayor of Lyon Claire Dumas said the tram line would open.', [
    { text: 'Lyon', type: 'GPE' }, { text: 'Claire Dumas', type: 'PERSON' },
  ]);
  assert.deepEqual(speakerNames(doc, doc.statements[0]!), ['Claire Dumas']);
});

test('an unlinked speaker keeps its name', () => {
  const doc = analyze('Officials said the border crossing would stay closed.');
  const s = doc.statements[0]!;
  assert.deepEqual(s.speakers, []);
  assert.equal(s.speakerName, 'Officials');
});

test('scare quotes and titles are not statements', () => {
  const doc = analyze('Protesters marched to the "green zone" on Sunday, and the film "Night Train" opened.');
  assert.equal(doc.statements.length, 0);
});

test('a floating quote paragraph takes the previous speaker', () => {
  const doc = analyze('"We lost," the coach said.\n\n"We trained hard all winter and the team was ready for the final."');
  assert.equal(doc.statements.length, 2);
  const s = doc.statements[1]!;
  assert.equal(s.kind, 'direct');
  assert.equal(s.cue, null);
  assert.equal(at(doc, s.speakerSpan), 'the coach');
});

test('a quote left open at a paragraph end continues in the next quoted paragraph', () => {
  const doc = analyze('"The first part of the plan is ready.\n\n"The second part comes later," the engineer said.');
  const s = doc.statements[0]!;
  assert.deepEqual(contents(doc, s), ['The first part of the plan is ready', 'The second part comes later']);
});

test('an embedded quoted fragment makes the statement mixed', () => {
  const doc = analyze('The senator said the plan was "a disaster for working families" and should be dropped.');
  assert.equal(doc.statements[0]!.kind, 'mixed');
});

test('a participial cue takes the main clause subject', () => {
  const doc = analyze('The army shelled the town, saying that rebels were hiding there.');
  const s = doc.statements[0]!;
  assert.equal(at(doc, s.cue), 'saying');
  assert.equal(at(doc, s.speakerSpan), 'The army');
  assert.deepEqual(contents(doc, s), ['rebels were hiding there']);
});

test('quotes signed with a dash, one per line, each take the name after the dash', () => {
  // A blank line elsewhere makes the signed lines one paragraph: the signature ends its line, not its paragraph.
  const text = 'Readers wrote in.\n\n“The new bridge saved me an hour a day.” ― Ana Ruiz\n'
    + '“Nobody asked the people who live here.”― Tom Berg\nMore letters will follow.';
  const doc = analyze(text, [{ text: 'Ana Ruiz', type: 'PERSON' }, { text: 'Tom Berg', type: 'PERSON' }]);
  const signed = doc.statements.filter((s) => at(doc, s.cue) === '―');
  assert.deepEqual(signed.map((s) => at(doc, s.speakerSpan)), ['Ana Ruiz', 'Tom Berg']);
  assert.deepEqual(signed.map((s) => contents(doc, s)), [['The new bridge saved me an hour a day'],
    ['Nobody asked the people who live here']]);
});

test('a dash inside a sentence is no signature', () => {
  const doc = analyze('“We will build it,” she said ― Ana Ruiz and her team started the next morning.',
    [{ text: 'Ana Ruiz', type: 'PERSON' }]);
  assert.ok(!doc.statements.some((s) => at(doc, s.cue) === '―'));
});

test('a closing curly mark typed as an opener still opens the quote', () => {
  const doc = analyze('”The river has never been this low,” the farmer said.');
  assert.equal(doc.statements.length, 1);
  assert.deepEqual(contents(doc, doc.statements[0]!), ['The river has never been this low']);
  assert.equal(at(doc, doc.statements[0]!.speakerSpan), 'the farmer');
});

test('headline colon attribution', () => {
  const doc = analyze('Lopez: We will not raise taxes\n\nThe campaign continued on Friday.');
  const s = doc.statements[0]!;
  assert.equal(at(doc, s.cue), ':');
  assert.equal(at(doc, s.speakerSpan), 'Lopez');
});

test('the PolNeAR cue phrase keeps auxiliaries and adverbs; the product cue is the verb', () => {
  const doc = analyze('The agency has also said it will review the data.');
  const s = doc.statements[0]!;
  assert.equal(at(doc, s.cue), 'said');
  assert.equal(at(doc, s.cuePhrase ?? null), 'has also said');
});

test('a learned particle joins the cue and the content starts after it', () => {
  const doc = analyze('Smith complained about the new tax rules. Jones warned against a rush to judgment.');
  assert.equal(doc.statements.length, 2);
  const [a, b] = doc.statements;
  assert.equal(at(doc, a!.cue), 'complained about');
  assert.deepEqual(contents(doc, a!), ['the new tax rules']);
  assert.equal(at(doc, a!.speakerSpan), 'Smith');
  assert.equal(at(doc, b!.cue), 'warned against');
  assert.deepEqual(contents(doc, b!), ['a rush to judgment']);
});

test('an attribution clause inside unquoted content splits it in two, a quoted term included', () => {
  const doc = analyze('CNN, he said, has done an "awful" job of covering the election.');
  assert.equal(doc.statements.length, 1);
  assert.deepEqual(contents(doc, doc.statements[0]!), ['CNN', 'has done an "awful" job of covering the election']);
});

test('wider attributions (beliefs, findings, polls, attitudes) are their own kind', () => {
  // Learned parts decide several of these, so one borderline sentence may flip when the models are retrained; the
  // capability is that most are read, each with its holder and what is held.
  const cases = [
    ['Most economists believe that rates will rise.', 'Most economists', 'rates will rise'],
    ['Polls show a tight race in Ohio.', 'Polls', 'a tight race in Ohio'],
    ['The study found that the drug cut deaths by half.', 'The study', 'the drug cut deaths by half'],
    ['Voters fear another recession.', 'Voters', 'another recession'],
    ['Graham has been critical of Trump.', 'Graham', 'Trump'],
    ['The union wants a higher minimum wage.', 'The union', 'a higher minimum wage'],
  ] as const;
  let read = 0;
  for (const [text, holder, held] of cases) {
    const doc = analyze(text);
    const s = doc.statements[0];
    if (!s) continue;
    assert.equal(s.kind, 'other', text);
    assert.equal(at(doc, s.speakerSpan), holder, text);
    assert.deepEqual(contents(doc, s), [held], text);
    read++;
  }
  assert.ok(read >= 4, `${read} of ${cases.length} wider attributions read`);
});

test('evaluation trimming: quotation marks, final punctuation and a leading "that"', () => {
  const text = 'x “We were there,” y that the plan failed. z';
  const q = text.indexOf('“');
  const t1 = trimFragment(text, { start: q, end: text.indexOf('” y') + 1 });
  assert.equal(text.slice(t1.start, t1.end), 'We were there');
  const th = text.indexOf('that');
  const t2 = trimFragment(text, { start: th, end: text.indexOf(' z') });
  assert.equal(text.slice(t2.start, t2.end), 'the plan failed');
  const colon = 'Smith: yes';
  assert.deepEqual(trimFragment(colon, { start: 5, end: 6 }), { start: 5, end: 6 });
});

test('scorePairs: exact, linked and multiset counting', () => {
  const text = 'Ann said it rained. Bob said it snowed.';
  const span = (s: string, from = 0) => ({ start: text.indexOf(s, from), end: text.indexOf(s, from) + s.length });
  const a1 = { source: [span('Ann')], cue: [span('said')], content: [span('it rained')] };
  const a2 = { source: [span('Bob')], cue: [span('said', 10)], content: [span('it snowed')] };
  const wrong = { source: [span('Bob')], cue: [span('said', 10)], content: [span('snowed')] };
  const s = scorePairs([{ text, gold: [a1, a2], sys: [a1, wrong] }]);
  assert.equal(s.exact.source.f1, 100);
  assert.equal(s.exact.content.correct, 1);
  assert.equal(s.linked.correct, 1);
  assert.equal(s.linked.recall, 50);
});

test('scorePairs: flat spans score the pieces of an interrupted quote separately and shared spans once', () => {
  const text = '"We will win," Ann said, "and soon." Ann said it rained.';
  const span = (s: string, from = 0) => ({ start: text.indexOf(s, from), end: text.indexOf(s, from) + s.length });
  const gold = [
    { source: [span('Ann')], cue: [span('said')], content: [span('We will win'), span('and soon')] },
    { source: [span('Ann', 30)], cue: [span('said', 30)], content: [span('it rained')] },
  ];
  // The system finds one piece of the interrupted quote and the second statement whole.
  const sys = [
    { source: [span('Ann')], cue: [span('said')], content: [span('We will win')] },
    gold[1]!,
  ];
  const s = scorePairs([{ text, gold, sys }]);
  assert.equal(s.exact.content.correct, 1);
  assert.equal(s.exact.content.gold, 2);
  assert.equal(s.flat.content.gold, 3, 'three contiguous content spans');
  assert.equal(s.flat.content.correct, 2);
  assert.equal(s.flat.content.precision, 100);
  // Two attributions sharing one source span: two in the multiset counts, one flat span.
  const shared = { source: [span('Ann')], cue: [span('said', 30)], content: [span('it rained')] };
  const t2 = scorePairs([{ text, gold: [gold[0]!, shared], sys: [] }]);
  assert.equal(t2.exact.source.gold, 2);
  assert.equal(t2.flat.source.gold, 1);
});

test('PolNeAR dev stays above its regression floors', { skip: HAS_SHARED ? false : NO_SHARED }, () => {
  // The full pipeline, as `npm run eval:attribution` runs it, so the floors match the documented figures.
  const s = evaluateAttribution(path.join(SHARED, 'data/polnear/dev'), (text, id) => analyzeText(text, { id }, 'rules'));
  assertFloor('polnear-dev.rules.source', s.exact.source.f1);
  assertFloor('polnear-dev.rules.cue', s.exact.cue.f1);
  assertFloor('polnear-dev.rules.content', s.exact.content.f1);
  assertFloor('polnear-dev.rules.quotedContent', s.quotedContent.f1);
});

test('seed article: every gold statement with its kind, cue, speaker and channel', { skip: HAS_SHARED ? false : NO_SHARED }, () => {
  const base = path.join(SHARED, 'examples/matsegora-wounded-soldiers');
  const text = fs.readFileSync(`${base}.txt`, 'utf8');
  const gold = JSON.parse(fs.readFileSync(`${base}.gold.json`, 'utf8')) as {
    quotes: { id: string; kind: string; speaker: string; cue: string; text: string; channel?: string }[];
  };
  const doc = analyzeText(text, { published: '2025-07-01' });
  const norm = (s: string) => s.replace(/^[\s"“”.,:;]+|[\s"“”.,:;]+$/g, '').replace(/^that\s+/i, '');
  for (const q of gold.quotes) {
    const s = doc.statements.find((st) => st.content.some((c) => norm(at(doc, c)!).startsWith(norm(q.text).slice(0, 40))));
    assert.ok(s, `${q.id}: no statement with content "${q.text.slice(0, 40)}"`);
    assert.equal(s.kind, q.kind, `${q.id} kind`);
    assert.equal(at(doc, s.cue), q.cue, `${q.id} cue`);
    if (doc.entities.length > 0) {
      const names = speakerNames(doc, s).sort().join('; ');
      assert.equal(names, q.speaker.split('; ').sort().join('; '), `${q.id} speaker`);
    }
    // The output's channel is the whole phrase ("in an interview with ..."); the seed gold has the noun phrase.
    if (q.channel) assert.match(at(doc, s.channel) ?? '', new RegExp(`^(\\w+ )?${q.channel}$`), `${q.id} channel`);
  }
  assert.ok(!doc.statements.some((st) => st.content.some((c) => at(doc, c) === 'denazify')), 'scare quote as statement');
});
