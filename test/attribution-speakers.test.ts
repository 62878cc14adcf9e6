/**
 * Speakers, channels and addressees of statements, through the whole pipeline (`analyzeText`), on sentences
 * written for these tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc, Statement } from '../src/model/document.js';
import { analyzeText } from '../src/pipeline/analyze.js';

const at = (doc: Doc, r: { start: number; end: number } | null) => (r ? doc.text.slice(r.start, r.end) : null);
/** The statement whose content starts with `prefix`. */
function statementOf(doc: Doc, prefix: string): Statement {
  const s = doc.statements.find((x) => x.content.some((c) => at(doc, c)!.startsWith(prefix)));
  assert.ok(s, `no statement with content "${prefix}…": ${doc.statements.map((x) => x.content.map((c) => at(doc, c)).join(' | '))}`);
  return s;
}
/** Entity names of the statement's speakers, else its speaker string. */
function speakerOf(doc: Doc, s: Statement): string[] {
  return s.speakers.length > 0 ? s.speakers.map((i) => doc.entities[i]!.name) : [s.speakerName ?? '(none)'];
}

test('tokens: a word with a letter outside ASCII and a site name with its domain stay whole', () => {
  const doc = analyzeText('Premier Tomáš Dvořák spoke on Monday. Dvořák said the plan would work. '
    + 'The news site Tilda.com reported that two bridges had closed.');
  assert.ok(doc.tokens.some((t) => t.text === 'Dvořák'));
  assert.ok(doc.tokens.some((t) => t.text === 'Tilda.com'));
  assert.equal(doc.sentences.length, 3);
  assert.deepEqual(speakerOf(doc, statementOf(doc, 'the plan')), ['Tomáš Dvořák']);
  assert.match(at(doc, statementOf(doc, 'two bridges').speakerSpan) ?? '', /Tilda\.com$/);
});

/** The one statement of a one-statement text, with its channel and addressee as text. */
function only(text: string) {
  const doc = analyzeText(text);
  assert.equal(doc.statements.length, 1, `statements: ${doc.statements.map((x) => at(doc, x.cue)).join(', ')}`);
  const s = doc.statements[0]!;
  return { doc, s, channel: at(doc, s.channel), addressee: at(doc, s.addressee), speaker: speakerOf(doc, s) };
}

test('channel: fronted phrases ("In a statement,", "During the summit,", "On live television")', () => {
  assert.equal(only('In a statement, the council said the road would close.').channel, 'In a statement');
  assert.equal(only('During the summit, President Mara Cole said the treaty would be signed.').channel, 'During the summit');
  const live = only('On live television Cole also said the press lied.');
  assert.equal(live.channel, 'On live television');
  assert.equal(at(live.doc, live.s.speakerSpan), 'Cole');
});

test('channel and addressee: participial openers and asides ("Speaking to CBS News,", ", in remarks to ...,")', () => {
  const cbs = only('Speaking to CBS News, she said the deal was dead.');
  assert.equal(cbs.addressee, 'CBS News');
  assert.equal(cbs.channel, 'Speaking to CBS News');
  assert.equal(only('Writing in a blog post, analyst Tim Roe said the merger was a mistake.').channel, 'in a blog post');
  assert.equal(only('Minister Jan Berg, in remarks to Channel 5 television, said "The talks failed."').channel,
    'in remarks to Channel 5 television');
  assert.equal(only('Kerry, speaking to reporters in Paris, said the ceasefire was holding.').addressee, 'reporters');
});

test('channel after the cue: a memoir is one, a weekday is not', () => {
  assert.equal(only('"We will win," Ruiz said in her 1998 memoir, "and they will lose."').channel, 'in her 1998 memoir');
  const weekday = only('Hale said on Thursday that the budget was final.');
  assert.equal(weekday.channel, null);
  assert.equal(at(weekday.doc, weekday.s.content[0]!), 'the budget was final');
});

test('addressee: "told TASS on Wednesday" after a quote, and double-object "told Channel 4 every case ..."', () => {
  const tass = only('"The search is over," Deputy Minister Ivan Petrov told TASS on Wednesday.');
  assert.equal(tass.addressee, 'TASS');
  assert.equal(at(tass.doc, tass.s.content[0]!), 'The search is over');
  const dbl = only('Cole told Channel 4 every case would be reviewed.');
  assert.equal(dbl.addressee, 'Channel 4');
  assert.equal(at(dbl.doc, dbl.s.content[0]!), 'every case would be reviewed');
});

test('speaker: an interrupted quote keeps a speaker whose name is also a time word ("Day said")', () => {
  const r = only('"I loved the work," Day said in her memoir, "and I miss it."');
  assert.equal(at(r.doc, r.s.speakerSpan), 'Day');
  assert.equal(r.s.content.length, 2);
});

test('speaker: a relative "who" stands for its antecedent, the span stays on "who"', () => {
  const doc = analyzeText('The fire began at noon, according to police, who said officers arrived minutes later.');
  const s = statementOf(doc, 'officers arrived');
  assert.equal(at(doc, s.speakerSpan), 'who');
  assert.deepEqual(speakerOf(doc, s), ['police']);
});

test('speaker: co-speakers with a floated "both" ("Durbin and Schiff both yesterday questioned")', () => {
  const r = only('Senators Rick Durbin and Alan Schiff both yesterday questioned the president\'s power.');
  assert.deepEqual(r.speaker, ['Rick Durbin', 'Alan Schiff']);
});

test('speaker: a pronoun is not the person it speaks to, and an unlinked one falls back to an earlier speaker', () => {
  const doc = analyzeText('Prince Omar Haddad met the press on Monday. Haddad said the deal was fair. '
    + 'Speaking to Martin Smith of PBS, he said, "It happened under my watch."');
  const s = statementOf(doc, 'It happened');
  assert.equal(at(doc, s.addressee), 'Martin Smith of PBS');
  assert.deepEqual(speakerOf(doc, s), ['Omar Haddad']);
});

test('according to: "a recent report by X" gives X as source and the report as channel', () => {
  const r = only('According to a recent report by The Harbor Times, the agency kept a secret list.');
  assert.equal(at(r.doc, r.s.speakerSpan), 'The Harbor Times');
  assert.equal(r.channel, 'a recent report');
});

test('speaker: the person in an appositive ("A Navy spokesman, Commander Ana Ruiz, said")', () => {
  assert.deepEqual(only('A Navy spokesman, Commander Ana Ruiz, said the ship was safe.').speaker, ['Ana Ruiz']);
});

test('speaker: a gerund after an object shares the clause\'s subject ("... on Twitter blaming ...")', () => {
  const doc = analyzeText('Foreign Minister Lena Ostrova posted a message on Twitter blaming the rebels for the attack.');
  assert.deepEqual(speakerOf(doc, statementOf(doc, 'the rebels')), ['Lena Ostrova']);
});
