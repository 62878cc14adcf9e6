import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Corpus } from '../src/corpus/index.js';
import { record, type FixtureDoc } from './corpus-fixtures.js';

const BACKGROUND = [
  'The Karlov dam was built in 1962 and holds back the largest reservoir in the region, supplying water to four towns.',
  'Engineers have warned for years that the concrete of the spillway is cracking and that repairs cannot wait much longer.',
  'Farmers downstream depend on the reservoir for irrigation during the dry months of July and August.',
].join('\n\n');

const MINISTER = 'Karlov dam will be closed in May';
const novak = { id: 'e1', name: 'Jana Novak', type: 'PERSON' as const, roles: ['Environment Minister'] };
const authority = { id: 'e2', name: 'Water Authority', type: 'ORG' as const };

const asserted: FixtureDoc = {
  id: 'a-minister', url: 'https://alpha.example/1', published: '2024-03-01',
  text: `Environment Minister Jana Novak said the ${MINISTER} for repairs.\n\n${BACKGROUND}`,
  entities: [novak], statements: [{ id: 's1', speaker: 'e1', cue: 'said', content: `the ${MINISTER} for repairs` }],
  claims: [{ id: 'c1', statement: 's1', text: `the ${MINISTER} for repairs`, status: 'asserted', by: ['e1'] }],
  events: [{ id: 'v1', trigger: 'closed', time: '2024-05', statement: 's1' }],
};
const denied: FixtureDoc = {
  id: 'b-denial', url: 'https://bravo.example/2', published: '2024-03-03',
  text: 'The Water Authority denied that the Karlov dam would be closed in May, saying inspections found no urgent damage.',
  entities: [authority], statements: [{ id: 's1', speaker: 'e2', cue: 'denied', content: 'the Karlov dam would be closed in May' }],
  claims: [{ id: 'c1', statement: 's1', text: 'the Karlov dam would be closed in May', status: 'denied', by: ['e2'], evidence: 'denied' }],
};
const CONFIRM_C = `Documents seen by this newspaper confirm that the ${MINISTER}, with contractors already hired.\n\n`
  + 'Contractors from three firms have been booked to drain the spillway basin and rebuild its concrete walls over the summer.\n\n'
  + 'Residents of the four towns will receive water from emergency wells while the reservoir is lowered for the works.';
const confirmedC: FixtureDoc = {
  id: 'c-confirm', url: 'https://charlie.example/3', published: '2024-03-10', text: CONFIRM_C,
  claims: [{ id: 'c1', text: `the ${MINISTER}`, status: 'confirmed', evidence: 'confirm' }],
};
const confirmedD: FixtureDoc = {
  id: 'd-confirm', url: 'https://delta.example/4', published: '2024-03-11',
  text: `Tender papers published on Monday confirmed the ${MINISTER}; the reservoir level is already being lowered.`,
  claims: [{ id: 'c1', text: `the ${MINISTER}`, status: 'confirmed', evidence: 'confirmed' }],
};
const copyOfC: FixtureDoc = {
  ...confirmedC, id: 'e-syndicated', url: 'https://echo.example/5', published: '2024-03-12',
  text: `${CONFIRM_C}\n\nThis report first appeared in the Charlie Courier.`,
};
const unrelated: FixtureDoc = {
  id: 'f-festival', url: 'https://alpha.example/9', published: '2024-03-05',
  text: 'The summer music festival announced its line-up on Tuesday, with forty bands playing across three stages.',
  claims: [{ id: 'c1', text: 'forty bands playing across three stages', status: 'asserted' }],
};

function corpus(): Corpus {
  const c = new Corpus();
  for (const d of [asserted, denied, confirmedC, unrelated, copyOfC, confirmedD]) c.add(record(d));
  return c;
}

describe('corpus: claims across documents', () => {
  it('clusters one proposition asserted, denied and confirmed, and counts copies once', () => {
    const c = corpus();
    assert.equal(c.copiesOf('e-syndicated')!.origin, 'c-confirm');
    const page = c.claims({ about: 'Karlov dam' });
    assert.equal(page.total, 1);
    const cl = page.items[0]!;
    assert.deepEqual(cl.assertions.map((a) => [a.docId, a.status, a.asOf]), [
      ['a-minister', 'asserted', '2024-03-01'], ['b-denial', 'denied', '2024-03-03'], ['c-confirm', 'confirmed', '2024-03-10'],
      ['d-confirm', 'confirmed', '2024-03-11'], ['e-syndicated', 'confirmed', '2024-03-12'],
    ]);
    assert.deepEqual(cl.statuses.asserted!.parties.map((p) => p.name), ['Jana Novak']);
    assert.deepEqual(cl.statuses.denied!.parties.map((p) => p.name), ['Water Authority']);
    assert.deepEqual(cl.statuses.confirmed!.parties.map((p) => p.name).sort(), ['charlie.example', 'delta.example']);
    assert.equal(cl.statuses.confirmed!.independentSources, 2);
    assert.equal(cl.statuses.confirmed!.documents, 3);
    assert.equal(cl.statuses.denied!.independentSources, 1);
    assert.equal(cl.first, '2024-03-01');
    assert.equal(cl.last, '2024-03-12');
  });

  it('a later status by the same party supersedes its earlier one', () => {
    const c = corpus();
    c.add(record({
      id: 'g-reversal', url: 'https://bravo.example/7', published: '2024-03-20',
      text: 'The Water Authority confirmed on Wednesday that the Karlov dam will be closed in May after all.',
      entities: [authority], statements: [{ id: 's1', speaker: 'e2', cue: 'confirmed', content: 'the Karlov dam will be closed in May' }],
      claims: [{ id: 'c1', statement: 's1', text: 'the Karlov dam will be closed in May', status: 'confirmed', by: ['e2'] }],
    }));
    const cl = c.claims({ about: 'Karlov dam' }).items[0]!;
    const wa = cl.assertions.filter((a) => a.party.name === 'Water Authority');
    assert.deepEqual(wa.map((a) => [a.status, a.superseded]), [['denied', true], ['confirmed', false]]);
    assert.equal(cl.statuses.denied, undefined);
    assert.equal(cl.statuses.confirmed!.independentSources, 3);
    assert.deepEqual(cl.current.find((x) => x.party.name === 'Water Authority')!.status, 'confirmed');
  });

  it('filters by status, party and date, and says how many more there are', () => {
    const c = corpus();
    assert.equal(c.claims({ status: 'denied' }).total, 1);
    assert.equal(c.claims({ by: 'Novak' }).total, 1);
    assert.equal(c.claims({ by: 'Nobody Known' }).total, 0);
    assert.equal(c.claims({ since: '2024-03-11' }).total, 1);
    const all = c.claims({ limit: 1 });
    assert.equal(all.items.length, 1);
    assert.equal(all.more, all.total - 1);
    assert.ok(all.total >= 2);
  });

  it('different numbers are different propositions; a negated assertion is a denial', () => {
    const c = new Corpus();
    c.add(record({
      id: 'x', published: '2024-04-01', text: 'Police said 12 people were injured in the stadium crush.',
      claims: [{ id: 'c1', text: '12 people were injured in the stadium crush', status: 'asserted' }],
    }));
    c.add(record({
      id: 'y', published: '2024-04-02', text: 'Hospital staff said 30 people were injured in the stadium crush.',
      claims: [{ id: 'c1', text: '30 people were injured in the stadium crush', status: 'asserted' }],
    }));
    c.add(record({
      id: 'z', published: '2024-04-02', text: 'The club said that nobody was hurt, and 12 people were not injured in the stadium crush.',
      claims: [{ id: 'c1', text: '12 people were not injured in the stadium crush', status: 'asserted' }],
    }));
    const clusters = c.claims({ about: 'stadium crush' }).items;
    assert.equal(clusters.length, 2);
    const twelve = clusters.find((x) => x.numbers.includes(12))!;
    assert.deepEqual(twelve.assertions.map((a) => [a.docId, a.status]), [['x', 'asserted'], ['z', 'denied']]);
  });
});
