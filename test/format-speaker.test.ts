/**
 * The output's speaker: `speaker.mention` is the whole noun phrase, `speaker.head` the word or name inside it that
 * says who spoke; the validator checks both. Sentences written for these tests.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { analyze } from '../src/pipeline/analyze.js';
import { validateAnalysis } from '../src/output/validate.js';
import type { AnalysisOut, StatementOut } from '../src/model/format.js';

function statementWith(out: AnalysisOut, content: string): StatementOut {
  const s = out.statements.find((x) => x.content.some((c) => c.text.includes(content)));
  assert.ok(s, `a statement with content "${content}" in ${JSON.stringify(out.statements.map((x) => x.content.map((c) => c.text)))}`);
  return s;
}

test('speaker.mention is the whole noun phrase with its appositive; speaker.head the name in it', () => {
  const out = analyze({
    text: '"The bridge will reopen in May," said Karel Lindqvist, the city\'s transport director.\n\n'
      + 'Marta Oyelaran, a spokeswoman for the port authority, said the cranes were idle.',
  });
  const first = statementWith(out, 'bridge will reopen');
  assert.equal(first.speaker.mention?.text, "Karel Lindqvist, the city's transport director");
  assert.equal(first.speaker.head?.text, 'Karel Lindqvist');
  const second = statementWith(out, 'cranes were idle');
  assert.equal(second.speaker.mention?.text, 'Marta Oyelaran, a spokeswoman for the port authority');
  assert.equal(second.speaker.head?.text, 'Marta Oyelaran');
  assert.deepEqual(validateAnalysis(out), []);
});

test('speaker.head is the head noun of a description, never its possessor or its post-modifier', () => {
  const out = analyze({ text: 'A spokesman for the ministry said the talks had stalled. The farmers\' lawyer said the ruling was unfair.' });
  const a = statementWith(out, 'talks had stalled');
  assert.equal(a.speaker.mention?.text, 'A spokesman for the ministry');
  assert.equal(a.speaker.head?.text, 'spokesman');
  const b = statementWith(out, 'ruling was unfair');
  assert.equal(b.speaker.head?.text, 'lawyer');
});

test('a description followed by a named appositive has the name as head and as speaker', () => {
  const out = analyze({ text: 'Lindqvist\'s sister, Anna Berglund, said the family had not been told.' });
  const s = statementWith(out, 'family had not been told');
  assert.equal(s.speaker.mention?.text, "Lindqvist's sister, Anna Berglund");
  assert.equal(s.speaker.head?.text, 'Anna Berglund');
  assert.equal(s.speaker.name, 'Anna Berglund');
});

test('a pronoun is its own mention and head', () => {
  const out = analyze({ text: 'Maria Chen runs the clinic. She said the waiting list is growing.' });
  const s = statementWith(out, 'waiting list');
  assert.equal(s.speaker.mention?.text, 'She');
  assert.equal(s.speaker.head?.text, 'She');
});

test('validation: speaker.head must match the text and lie inside speaker.mention', () => {
  const out = analyze({ text: 'Karel Lindqvist, the transport director, said the bridge would reopen.' });
  assert.deepEqual(validateAnalysis(out), []);
  const s = out.statements[0]!;
  assert.ok(s.speaker.mention && s.speaker.head);
  const broken = structuredClone(out);
  broken.statements[0]!.speaker.head = { start: 0, end: 5, text: 'Xarel' };
  assert.ok(validateAnalysis(broken).some((p) => p.includes('speaker.head: span text')));
  const outside = structuredClone(out);
  const at = out.document.text.indexOf('bridge');
  outside.statements[0]!.speaker.head = { start: at, end: at + 6, text: 'bridge' };
  assert.ok(validateAnalysis(outside).some((p) => p.includes('speaker.head: not inside speaker.mention')));
  // A record written before `head` existed still validates.
  const old = structuredClone(out);
  delete old.statements[0]!.speaker.head;
  assert.deepEqual(validateAnalysis(old), []);
});

test('cue is the whole predicate: auxiliaries, negation, catenative chains, manner adverbs, "neither ... nor"', () => {
  const cases: [string, string, string][] = [
    ['The ministry has denied that troops crossed the border.', 'has denied', 'troops crossed the border'],
    ['Okafor went on to say that the harbour deal was dead.', 'went on to say', 'the harbour deal was dead'],
    ['The airline declined to confirm that its servers had been breached.', 'declined to confirm', 'its servers had been breached'],
    ['Lopez has steadfastly refused to disclose her tax returns.', 'has steadfastly refused to disclose', 'her tax returns'],
    ['"We will appeal," Garcia said angrily.', 'said angrily', 'We will appeal'],
    ['The mayor neither confirmed nor denied that talks had taken place.', 'neither confirmed nor denied', 'talks had taken place'],
  ];
  for (const [text, cue, content] of cases) {
    const s = statementWith(analyze({ text }), content);
    assert.equal(s.cue?.text, cue, text);
    assert.equal(s.content.map((c) => c.text).join(' '), content, text);
  }
});

test('cue: a time or channel adjunct stays out of the predicate', () => {
  const out = analyze({ text: 'Officials said Friday that the road would reopen. Berg said during a rally that taxes would fall.', published: '2024-03-11' });
  assert.equal(statementWith(out, 'road would reopen').cue?.text, 'said');
  assert.equal(statementWith(out, 'taxes would fall').cue?.text, 'said');
});

test('speaker.mention keeps an identifying relative clause but not one that is a statement of its own', () => {
  const plain = statementWith(analyze({ text: 'Tomas Reyes, who runs the dam, said repairs would start soon.' }), 'repairs would start');
  assert.equal(plain.speaker.mention?.text, 'Tomas Reyes, who runs the dam');
  const out = analyze({ text: 'Tomas Reyes, who warned last year that the dam was weak, said repairs would start soon.' });
  const said = out.statements.find((s) => s.cue?.text === 'said');
  assert.ok(said);
  assert.equal(said.speaker.mention?.text, 'Tomas Reyes');
  assert.deepEqual(validateAnalysis(out), []);
});
