/**
 * Attribution clauses and content interrupted by other material: a relative clause inside the reported clause,
 * an adjunct between the addressee and a quote, an addressee after an inverted subject. Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/pipeline/analyze.js';

function statements(text: string) {
  return analyze(text).statements.map((s) => ({
    kind: s.kind, cue: s.cue?.text ?? null, content: s.content.map((c) => c.text),
    speaker: s.speaker?.mention?.text ?? null, addressee: s.addressee?.text ?? null,
  }));
}

test('content: a relative clause between commas inside the reported clause does not end it', () => {
  const st = statements('The inspectors said the boiler, which had not been serviced for years, caused the fire.');
  assert.equal(st.length, 1);
  assert.deepEqual(st[0]!.content, ['the boiler, which had not been serviced for years, caused the fire']);
});

test('content: a relative clause that ends the reported clause still ends it', () => {
  const st = statements('The mayor said the road would close in June, which angered local traders.');
  assert.equal(st.length, 1);
  assert.deepEqual(st[0]!.content, ['the road would close in June']);
});

test('content: a quote after an adjunct following the addressee is the content', () => {
  const st = statements('The defence lawyer told the radio station after the hearing "My client is relieved that this long ordeal is over."');
  assert.equal(st.length, 1);
  assert.deepEqual(st[0]!.content, ['My client is relieved that this long ordeal is over']);
  assert.equal(st[0]!.addressee, 'the radio station');
  assert.equal(st[0]!.kind, 'direct');
});

test('speaker: "to" after an inverted name opens the addressee, not part of the speaker', () => {
  const st = statements('"We owe the volunteers a great deal," said Moreno to the assembled workers who had gathered outside.');
  assert.equal(st.length, 1);
  assert.equal(st[0]!.speaker, 'Moreno');
  assert.equal(st[0]!.addressee, 'the assembled workers');
  assert.deepEqual(st[0]!.content, ['We owe the volunteers a great deal']);
  const title = statements('"The talks will go on," said the ambassador to Chile.');
  assert.equal(title[0]!.speaker, 'the ambassador to Chile');
});

test('speaker: "but said" shares the subject of the clause before it', () => {
  const st = statements('The railway company gave no figures for the delays, but said services were running again.');
  const said = st.find((s) => s.cue === 'said');
  assert.ok(said);
  assert.equal(said.speaker, 'The railway company');
  assert.deepEqual(said.content, ['services were running again']);
});

test('content: a quote that closed its own sentence is not the next attribution\'s content when a quote follows it', () => {
  const st = statements('"The bid took a year of work. We are proud of it." Ortega, the council leader, said on Monday "We will try again next year."');
  const ortega = st.find((s) => s.speaker?.startsWith('Ortega'));
  assert.ok(ortega);
  assert.deepEqual(ortega.content, ['We will try again next year']);
});

test('speaker: a gerund after "with" or "despite" has its own subject as speaker, not the main clause\'s', () => {
  const withSt = statements('Work on the tunnel was halted, with Lopez describing the risk of a collapse as too high.');
  const describing = withSt.find((s) => s.cue === 'describing');
  assert.ok(describing);
  assert.equal(describing.speaker, 'Lopez');
  const despite = statements('The agency denied the report, despite the newspaper claiming it had seen the documents.');
  const claiming = despite.find((s) => s.cue === 'claiming');
  assert.ok(claiming);
  assert.equal(claiming.speaker, 'the newspaper');
  // An object before a participle is still the medium, not the speaker.
  const posted = statements('The group posted a message on Twitter blaming the rebels for the attack.');
  assert.equal(posted.find((s) => s.cue === 'blaming')?.speaker, 'The group');
});

test('speaker: "citing" sources in the subject\'s aside are the speaker; the subject relays them', () => {
  const st = statements('The wire service, citing two unnamed officials, reported that the pipeline had been shut.');
  assert.equal(st.length, 1);
  assert.equal(st[0]!.speaker, 'two unnamed officials');
  assert.deepEqual(st[0]!.content, ['the pipeline had been shut']);
});

test('content: in ", which officials said were ...", what "which" stands for is the content\'s subject', () => {
  const st = statements('The storm caused floods in the valley and the old town, which officials said were receding.');
  assert.equal(st.length, 1);
  assert.equal(st[0]!.speaker, 'officials');
  assert.deepEqual(st[0]!.content, ['floods in the valley and the old town', 'were receding']);
});
