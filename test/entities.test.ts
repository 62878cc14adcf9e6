import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveEntities } from '../src/stages/entities/resolve.js';
import { countryOf, lookupGeo } from '../src/lexicon/geo.js';
import { roleFits } from '../src/lexicon/titles.js';
import { docWithNames, mentionsOfEntityWith } from './entities-helpers.js';

test('geo lexicon maps names, capitals and demonyms to countries', () => {
  assert.equal(countryOf('Kyiv'), 'Ukraine');
  assert.equal(countryOf('the United States'), 'United States');
  assert.equal(countryOf('North Korean'), 'North Korea');
  assert.equal(countryOf('Americans'), 'United States');
  assert.equal(lookupGeo('Texas')?.kind, 'us-state');
  assert.equal(lookupGeo('Asia')?.kind, 'continent');
  assert.equal(lookupGeo('Springfield'), null);
});

test('role families: a broad head finds a specific title, not the other way round', () => {
  assert.ok(roleFits('diplomat', ['french', 'envoy']));
  assert.ok(roleFits('ambassadors', ['ambassador']));
  assert.ok(!roleFits('ambassador', ['diplomat']));
  assert.ok(!roleFits('senator', ['minister']));
});

test('pre-name title, later surname, description and pronoun join one person', () => {
  const text = 'Brazilian Foreign Minister Carlos Mendes arrived on Monday. Mendes met the press. '
    + 'The minister said the talks went well. He left at noon.';
  const doc = docWithNames(text, [['Carlos Mendes', 'PERSON'], ['Mendes', 'PERSON'], ['Brazilian', 'NORP']]);
  resolveEntities(doc);
  const person = doc.entities.find((e) => e.name === 'Carlos Mendes');
  assert.ok(person);
  assert.deepEqual(person.roles.map((r) => r.text), ['Brazilian Foreign Minister']);
  assert.deepEqual(mentionsOfEntityWith(doc, 'Carlos Mendes'), ['Carlos Mendes', 'Mendes', 'The minister', 'He']);
});

test('appositive roles after and before a name', () => {
  const text = 'Laura Vance, a nurse at the clinic, said patients waited. '
    + 'The firm\'s founder, Omar Reyes, declined to comment.';
  const doc = docWithNames(text, [['Laura Vance', 'PERSON'], ['Omar Reyes', 'PERSON']]);
  resolveEntities(doc);
  const roles = (name: string) => doc.entities.find((e) => e.name === name)?.roles.map((r) => r.text);
  assert.deepEqual(roles('Laura Vance'), ['nurse at the clinic']);
  assert.deepEqual(roles('Omar Reyes'), ["firm's founder"]);
});

test('acronym in brackets and alone joins the organisation', () => {
  const text = 'The World Weather Office (WWO) issued a warning. Later the WWO said the storm had passed.';
  const doc = docWithNames(text, [['World Weather Office', 'ORG'], ['WWO', 'ORG']]);
  resolveEntities(doc);
  assert.equal(doc.entities.filter((e) => e.type === 'ORG').length, 1);
  assert.equal(doc.entities[0]!.name, 'World Weather Office');
  assert.deepEqual(mentionsOfEntityWith(doc, 'WWO').length, 3);
});

test('capitals are the state when they act and the city when they are a place', () => {
  const text = 'France and Germany met in Paris. The plan was rejected by Berlin, and Paris said it would wait.';
  const doc = docWithNames(text, [['France', 'GPE'], ['Germany', 'GPE'], ['Paris', 'GPE'], ['Berlin', 'GPE']]);
  resolveEntities(doc);
  const kinds = doc.mentions.filter((m) => m.kind !== 'pronoun').map((m) => `${doc.text.slice(m.start, m.end)}:${m.kind}:${doc.entities[m.entity]!.name}`);
  assert.deepEqual(kinds, [
    'France:name:France', 'Germany:name:Germany', 'Paris:name:Paris', 'Berlin:metonym:Germany', 'Paris:metonym:France',
  ]);
});

test('pronouns agree in gender; in a quotation they are whom the speaker talks about, never the speaker', () => {
  const text = 'Maria Lopez met Peter Grant on Friday. She said "he will help us". He agreed. '
    + 'Peter Grant said "he is very tired today".';
  const doc = docWithNames(text, [['Maria Lopez', 'PERSON'], ['Peter Grant', 'PERSON']]);
  resolveEntities(doc);
  assert.deepEqual(mentionsOfEntityWith(doc, 'Maria Lopez'), ['Maria Lopez', 'She']);
  // The quoted "he" in Maria's words is Peter; in Peter's own words "he" is someone else, left unlinked.
  assert.deepEqual(mentionsOfEntityWith(doc, 'Peter Grant'), ['Peter Grant', 'he', 'He', 'Peter Grant']);
});

test('a description with a conflicting nationality does not link', () => {
  const text = 'Chilean Ambassador Pablo Ruiz spoke first. Then the Peruvian ambassador objected.';
  const doc = docWithNames(text, [['Pablo Ruiz', 'PERSON'], ['Chilean', 'NORP'], ['Peruvian', 'NORP']]);
  resolveEntities(doc);
  assert.deepEqual(mentionsOfEntityWith(doc, 'Pablo Ruiz'), ['Pablo Ruiz']);
});

test('the ministry and the company find organisations by kind', () => {
  const text = 'The Ministry of Health published figures. Northwind Corp. disputed them. '
    + 'The ministry later revised its estimate, and the company welcomed it.';
  const doc = docWithNames(text, [['Ministry of Health', 'ORG'], ['Northwind Corp.', 'ORG']]);
  resolveEntities(doc);
  assert.deepEqual(mentionsOfEntityWith(doc, 'Ministry of Health'), ['Ministry of Health', 'The ministry', 'its']);
  assert.deepEqual(mentionsOfEntityWith(doc, 'Northwind Corp.'), ['Northwind Corp.', 'the company']);
});

test('mentions stay sorted by start and entity indices are consistent', () => {
  const text = 'Anna Berg, the mayor, said she was pleased. Berg thanked the city council.';
  const doc = docWithNames(text, [['Anna Berg', 'PERSON'], ['Berg', 'PERSON']]);
  resolveEntities(doc);
  for (let i = 1; i < doc.mentions.length; i++) assert.ok(doc.mentions[i - 1]!.start <= doc.mentions[i]!.start);
  doc.entities.forEach((e, ei) => e.mentions.forEach((mi) => assert.equal(doc.mentions[mi]!.entity, ei)));
});

test('a company is found without saying so in its name; honorifics give gender', () => {
  const text = 'Mrs. Okafor founded Zentrix in 2010. Yesterday the company said she would retire.';
  const doc = docWithNames(text, [['Okafor', 'PERSON'], ['Zentrix', 'ORG']]);
  resolveEntities(doc);
  assert.deepEqual(mentionsOfEntityWith(doc, 'Zentrix'), ['Zentrix', 'the company']);
  assert.deepEqual(mentionsOfEntityWith(doc, 'Okafor'), ['Okafor', 'she']);
});

test('lists and fronted phrases are not roles', () => {
  const text = 'After the meeting, Ivan Petrov, Olga Sokolova and Anton Belov left. '
    + 'In Lima, the summit is crowded.';
  const doc = docWithNames(text, [['Ivan Petrov', 'PERSON'], ['Olga Sokolova', 'PERSON'], ['Anton Belov', 'PERSON'], ['Lima', 'GPE']]);
  resolveEntities(doc);
  assert.deepEqual(doc.entities.flatMap((e) => e.roles.map((r) => r.text)), []);
});

test('a description with an unknown compound title does not link', () => {
  const text = 'The match referee Tomas Kral awarded a penalty after consulting the video assistant referee.';
  const doc = docWithNames(text, [['Tomas Kral', 'PERSON']]);
  resolveEntities(doc);
  assert.deepEqual(mentionsOfEntityWith(doc, 'Tomas Kral'), ['Tomas Kral']);
  assert.deepEqual(doc.entities[0]!.roles.map((r) => r.text), ['match referee']);
});

test('a bare title in a headline links to the person named in the story', () => {
  const text = 'Danish Minister Warns of Floods\n\nDanish Environment Minister Karen Holm said on Monday that rivers '
    + 'were rising. Holm asked residents to stay alert.';
  const doc = docWithNames(text, [['Karen Holm', 'PERSON'], ['Holm', 'PERSON'], ['Danish', 'NORP']]);
  resolveEntities(doc);
  assert.deepEqual(mentionsOfEntityWith(doc, 'Karen Holm'), ['Danish Minister', 'Karen Holm', 'Holm']);
});

test('a title inside a person mention moves out of the span into the roles', () => {
  const text = 'Former Ambassador Elena Varga spoke.';
  const doc = docWithNames(text, [['Former Ambassador Elena Varga', 'PERSON']]);
  resolveEntities(doc);
  const m = doc.mentions[0]!;
  assert.equal(text.slice(m.start, m.end), 'Elena Varga');
  assert.deepEqual(doc.entities[0]!.roles.map((r) => r.text), ['Former Ambassador']);
});

test('possessive and "the Y of Z" appositives are roles; the Kremlin acts for Russia', () => {
  const text = 'The country\'s foreign minister, Arvid Lunde, met Mia Kross, the head of the agency. '
    + 'The plan was welcomed by the Kremlin.';
  const doc = docWithNames(text, [['Arvid Lunde', 'PERSON'], ['Mia Kross', 'PERSON'], ['Kremlin', 'ORG']]);
  resolveEntities(doc);
  const roles = (name: string) => doc.entities.find((e) => e.name === name)?.roles.map((r) => r.text);
  assert.deepEqual(roles('Arvid Lunde'), ["country's foreign minister"]);
  assert.deepEqual(roles('Mia Kross'), ['head of the agency']);
  assert.equal(doc.entities.find((e) => e.mentions.some((i) => doc.mentions[i]!.kind === 'metonym'))?.name, 'Russia');
});

test('NER type slips are repaired from names and roles', () => {
  const text = 'The couple lost their infant daughter, Delia, in May. Delia had been ill. '
    + 'Sharon Tate Corporation and Nadia Lorne met. Later Lorne said she was tired.';
  const doc = docWithNames(text, [['Delia', 'GPE'], ['Sharon Tate Corporation', 'PERSON'], ['Nadia Lorne', 'ORG'], ['Lorne', 'GPE']]);
  resolveEntities(doc);
  const type = (name: string) => doc.entities.find((e) => e.name === name)?.type;
  assert.equal(type('Delia'), 'PERSON');
  assert.equal(type('Sharon Tate Corporation'), 'ORG');
  assert.equal(type('Nadia Lorne'), 'PERSON');
  assert.deepEqual(mentionsOfEntityWith(doc, 'Nadia Lorne'), ['Nadia Lorne', 'Lorne', 'she']);
});

test('a surname that is also a capital stays the person', () => {
  const text = 'Hilda Paris chairs the board. Paris said the vote was fair.';
  const doc = docWithNames(text, [['Hilda Paris', 'PERSON'], ['Paris', 'GPE']]);
  resolveEntities(doc);
  assert.deepEqual(mentionsOfEntityWith(doc, 'Hilda Paris'), ['Hilda Paris', 'Paris']);
  assert.ok(!doc.entities.some((e) => e.name === 'France'));
});

test('a surname re-mention turns a mistyped two-word name into a person', () => {
  const text = 'Ulvana Brisk joined the crew in 2005. Brisk said she was forced to work.';
  const doc = docWithNames(text, [['Ulvana Brisk', 'ORG'], ['Brisk', 'GPE']]);
  resolveEntities(doc);
  assert.equal(doc.entities[0]!.type, 'PERSON');
  assert.deepEqual(mentionsOfEntityWith(doc, 'Ulvana Brisk'), ['Ulvana Brisk', 'Brisk', 'she']);
});

test('party and rank keep holders of similar titles apart; honorifics stay out of names', () => {
  const text = 'Democratic vice presidential nominee Tom Hale spoke. Mr. Ruiz, the Republican presidential nominee, '
    + 'replied. Later the Republican nominee left, and the Democratic nominee stayed.';
  const doc = docWithNames(text, [['Tom Hale', 'PERSON'], ['Mr. Ruiz', 'PERSON']]);
  resolveEntities(doc);
  assert.deepEqual(doc.entities.map((e) => e.name), ['Tom Hale', 'Ruiz']);
  // The appositive is a mention of Ruiz too (as the news gold annotates appositive noun phrases).
  assert.deepEqual(mentionsOfEntityWith(doc, 'Mr. Ruiz'), ['Mr. Ruiz', 'the Republican presidential nominee', 'the Republican nominee']);
  assert.deepEqual(mentionsOfEntityWith(doc, 'Tom Hale'), ['Tom Hale']);
});

test('a title and a known surname typed as an organisation is the person', () => {
  const text = 'Agency chief Dana Whitfield opened the hall. Administrator Whitfield thanked General Motors.';
  const doc = docWithNames(text, [['Dana Whitfield', 'PERSON'], ['Administrator Whitfield', 'ORG'], ['General Motors', 'ORG']]);
  resolveEntities(doc);
  assert.deepEqual(mentionsOfEntityWith(doc, 'Dana Whitfield'), ['Dana Whitfield', 'Whitfield']);
  assert.equal(doc.entities.find((e) => e.name === 'General Motors')?.type, 'ORG');
});

test('a hyphenated rank in the description matches the same rank in the role', () => {
  const text = 'Vice-presidential nominee Ana Reyes arrived. The vice-presidential nominee spoke first.';
  const doc = docWithNames(text, [['Ana Reyes', 'PERSON']]);
  resolveEntities(doc);
  assert.deepEqual(mentionsOfEntityWith(doc, 'Ana Reyes'), ['Ana Reyes', 'The vice-presidential nominee']);
});

test('a nickname in quotation marks is not a quotation', () => {
  const text = 'A designer known as "Moth Queen" won. Later she thanked the jury.';
  const doc = docWithNames(text, [['Moth Queen', 'PERSON']]);
  resolveEntities(doc);
  assert.deepEqual(mentionsOfEntityWith(doc, 'Moth Queen'), ['Moth Queen', 'she']);
});

test('a description set off before a person name is a mention of that person, so the speaker resolves', async () => {
  const { analyze } = await import('../src/index.js');
  const a = analyze('The harbour master, Inês Duarte, said on Friday that the port would stay shut.', { published: '2024-02-09' });
  const person = a.entities.find((e) => e.name === 'Inês Duarte');
  assert.ok(person, a.entities.map((e) => e.name).join(', '));
  assert.ok(person.mentions.some((m) => m.text === 'The harbour master' && m.kind === 'nominal'));
  assert.equal(a.statements[0]?.speaker.entity, person.id);
});
