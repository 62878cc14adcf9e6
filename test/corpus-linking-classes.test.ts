/**
 * Classes of false merges across documents, each on a mini-corpus written for it: a region of a place, a name
 * that names what an entity belongs to, institutions a country has many of, recurring events without an edition,
 * weak "only one so named" evidence, given names and single names. Each keeps an explanation.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Corpus } from '../src/corpus/index.js';
import { record } from './corpus-fixtures.js';

describe('corpus linking: classes of false merges', () => {
  it('a place only ever named as a region of it is that region, not the place', () => {
    const c = new Corpus();
    c.add(record({ id: 'north', text: 'Floods closed roads across northern Italy on Monday.', entities: [{ id: 'e1', name: 'Italy', type: 'GPE' }] }));
    c.add(record({ id: 'whole', text: 'Italy voted to raise the pension age.', entities: [{ id: 'e1', name: 'Italy', type: 'GPE' }] }));
    c.add(record({ id: 'north2', text: 'Farmers in Northern Italy lost their harvest.', entities: [{ id: 'e1', name: 'Italy', type: 'GPE' }] }));
    c.add(record({
      id: 'both', text: 'Rain in northern Italy spread south, and Italy declared an emergency.',
      entities: [{ id: 'e1', name: 'Italy', type: 'GPE' }],
    }));
    c.add(record({ id: 'south', text: 'Heat hit southern Italy.', entities: [{ id: 'e1', name: 'Italy', type: 'GPE' }] }));
    const region = c.entityOf('north', 'e1')!;
    assert.notEqual(region, c.entityOf('whole', 'e1'));
    assert.equal(c.entityOf('north2', 'e1'), region, 'the same region in another document is the same region');
    assert.equal(c.entityOf('both', 'e1'), c.entityOf('whole', 'e1'), 'a document that also names the whole place is about it');
    assert.notEqual(c.entityOf('south', 'e1'), region, 'another region is another place');
    assert.notEqual(c.entityOf('south', 'e1'), c.entityOf('whole', 'e1'));
    const e = c.entity(region)!;
    assert.match(e.name, /^northern Italy$/i);
    assert.equal(e.id, 'place:northern-italy');
    assert.match(e.keptApart.join(' '), /region of it/);
  });

  it('a short name that names what an entity belongs to does not link it', () => {
    const c = new Corpus();
    c.add(record({
      id: 'charter', text: 'The Charter of the United Nations binds every member; the United Nations drafted it in 1945.',
      entities: [{ id: 'e1', name: 'Charter of the United Nations', type: 'ORG', mentions: ['Charter of the United Nations', 'United Nations'] }],
    }));
    c.add(record({ id: 'un', text: 'The United Nations sent food to the port.', entities: [{ id: 'e1', name: 'United Nations', type: 'ORG' }] }));
    c.add(record({
      id: 'war', text: 'The Texas War for Independence began in 1835. Settlers in Texas had long been restless.',
      entities: [{ id: 'e1', name: 'Texas War for Independence', type: 'EVENT', mentions: ['Texas War for Independence', 'Texas'] }],
    }));
    c.add(record({ id: 'texas', text: 'Texas passed a new voting law.', entities: [{ id: 'e1', name: 'Texas', type: 'GPE' }] }));
    c.add(record({
      id: 'fed', text: 'The European Central Bank (ECB) held rates.',
      entities: [{ id: 'e1', name: 'European Central Bank', type: 'ORG', mentions: ['European Central Bank', 'ECB|acronym'] }],
    }));
    c.add(record({ id: 'ecb', text: 'The ECB will meet again in June.', entities: [{ id: 'e1', name: 'ECB', type: 'ORG' }] }));
    assert.notEqual(c.entityOf('un', 'e1'), c.entityOf('charter', 'e1'));
    assert.match(c.entity(c.entityOf('charter', 'e1')!)!.keptApart.join(' '), /"United Nations" not taken as a name of Charter/);
    assert.notEqual(c.entityOf('texas', 'e1'), c.entityOf('war', 'e1'));
    // An acronym is a name of the entity itself: it still links.
    assert.equal(c.entityOf('ecb', 'e1'), c.entityOf('fed', 'e1'));
  });

  it('a name a country has many of links across no documents, by name or as a short name', () => {
    const c = new Corpus();
    c.add(record({
      id: 'circuit', text: 'The Circuit Court in Honolulu ruled for the tenants of Hawaii. The Court also awarded costs.',
      entities: [
        { id: 'e1', name: 'Circuit Court', type: 'ORG', mentions: ['Circuit Court', 'Court'] },
        { id: 'e2', name: 'Hawaii', type: 'GPE' },
      ],
    }));
    c.add(record({
      id: 'court1', text: 'In Ohio the Court dismissed the case.',
      entities: [{ id: 'e1', name: 'Court', type: 'ORG' }, { id: 'e2', name: 'Ohio', type: 'GPE' }],
    }));
    // One bare "Court" elsewhere: only the short name could join it to the Circuit Court, and it does not.
    assert.notEqual(c.entityOf('court1', 'e1'), c.entityOf('circuit', 'e1'));
    c.add(record({
      id: 'court2', text: 'In Texas the Court heard the appeal.',
      entities: [{ id: 'e1', name: 'Court', type: 'ORG' }, { id: 'e2', name: 'Texas', type: 'GPE' }],
    }));
    assert.notEqual(c.entityOf('court1', 'e1'), c.entityOf('circuit', 'e1'));
    assert.notEqual(c.entityOf('court1', 'e1'), c.entityOf('court2', 'e1'));
    assert.match(c.entity(c.entityOf('court2', 'e1')!)!.keptApart.join(' '), /one of many so named/);
  });

  it('bare initials join the only organisation so named only when the documents agree on a country and share something', () => {
    const c = new Corpus();
    c.add(record({
      id: 'au', text: 'The Australian Broadcasting Corporation reported from Sydney. Australia has one public broadcaster.',
      entities: [
        { id: 'e1', name: 'Australian Broadcasting Corporation', type: 'ORG' },
        { id: 'e2', name: 'Sydney', type: 'GPE' }, { id: 'e3', name: 'Australia', type: 'GPE' },
      ],
    }));
    c.add(record({
      id: 'us', text: 'The actor starred in an ABC drama filmed in the United States.',
      entities: [{ id: 'e1', name: 'ABC', type: 'ORG' }, { id: 'e2', name: 'United States', type: 'GPE' }],
    }));
    assert.notEqual(c.entityOf('us', 'e1'), c.entityOf('au', 'e1'));
    assert.match(c.entity(c.entityOf('us', 'e1')!)!.keptApart.join(' '), /initials.*different countries/);

    const d = new Corpus();
    d.add(record({
      id: 'au', text: 'The Australian Broadcasting Corporation reported from Sydney.',
      entities: [{ id: 'e1', name: 'Australian Broadcasting Corporation', type: 'ORG' }, { id: 'e2', name: 'Sydney', type: 'GPE' }],
    }));
    d.add(record({
      id: 'au2', text: 'Reporters for the ABC in Sydney went on strike.',
      entities: [{ id: 'e1', name: 'ABC', type: 'ORG' }, { id: 'e2', name: 'Sydney', type: 'GPE' }],
    }));
    assert.equal(d.entityOf('au2', 'e1'), d.entityOf('au', 'e1'));
    const link = d.entity(d.entityOf('au', 'e1')!)!.links.find((l) => l.docId === 'au2')!;
    assert.match(link.reason, /initials of the only organisation.*share 1 other entity/);
  });

  it('a given name introduced for one person does not claim other documents, and single names need shared context', () => {
    const c = new Corpus();
    c.add(record({
      id: 'show', text: 'Sam Winchester hunts demons. Sam drives an old car.',
      entities: [{ id: 'e1', name: 'Sam Winchester', type: 'PERSON', mentions: ['Sam Winchester', 'Sam'] }],
    }));
    c.add(record({ id: 'bakery', text: 'Sam opened a bakery in the village.', entities: [{ id: 'e1', name: 'Sam', type: 'PERSON' }] }));
    c.add(record({ id: 'race', text: 'Sam finished the race third.', entities: [{ id: 'e1', name: 'Sam', type: 'PERSON' }] }));
    c.add(record({
      id: 'bakery2', text: 'Sam sold bread at the Leeds market.',
      entities: [{ id: 'e1', name: 'Sam', type: 'PERSON' }, { id: 'e2', name: 'Leeds', type: 'GPE' }],
    }));
    c.add(record({
      id: 'bakery3', text: 'Sam, a baker from Leeds, won a prize.',
      entities: [{ id: 'e1', name: 'Sam', type: 'PERSON' }, { id: 'e2', name: 'Leeds', type: 'GPE' }],
    }));
    assert.notEqual(c.entityOf('bakery', 'e1'), c.entityOf('show', 'e1'));
    assert.notEqual(c.entityOf('bakery', 'e1'), c.entityOf('race', 'e1'));
    assert.match(c.entity(c.entityOf('race', 'e1')!)!.keptApart.join(' '), /single name/);
    assert.equal(c.entityOf('bakery3', 'e1'), c.entityOf('bakery2', 'e1'), 'two documents about Leeds tie their Sam');
    // Agreeing roles are no tie either: two coaches called Sam.
    c.add(record({ id: 'coach1', text: 'Coach Sam praised the defence.', entities: [{ id: 'e1', name: 'Sam', type: 'PERSON', roles: ['Coach'] }] }));
    c.add(record({ id: 'coach2', text: 'Coach Sam resigned on Friday.', entities: [{ id: 'e1', name: 'Sam', type: 'PERSON', roles: ['Coach'] }] }));
    assert.notEqual(c.entityOf('coach1', 'e1'), c.entityOf('coach2', 'e1'));
  });

  it('the short name one document uses for a person is weak evidence elsewhere, as a surname is', () => {
    const c = new Corpus();
    c.add(record({
      id: 'intro', text: 'Jana Novak arrived in Vienna. Novak said talks would resume.',
      entities: [{ id: 'e1', name: 'Jana Novak', type: 'PERSON', mentions: ['Jana Novak', 'Novak'] }, { id: 'e2', name: 'Vienna', type: 'GPE' }],
    }));
    c.add(record({ id: 'match', text: 'Novak scored twice in the second half.', entities: [{ id: 'e1', name: 'Novak', type: 'PERSON' }] }));
    c.add(record({
      id: 'talks', text: 'In Vienna, Novak refused to comment.',
      entities: [{ id: 'e1', name: 'Novak', type: 'PERSON' }, { id: 'e2', name: 'Vienna', type: 'GPE' }],
    }));
    assert.notEqual(c.entityOf('match', 'e1'), c.entityOf('intro', 'e1'));
    assert.equal(c.entityOf('talks', 'e1'), c.entityOf('intro', 'e1'));
    const e = c.entity(c.entityOf('intro', 'e1')!)!;
    assert.match(e.links.find((l) => l.docId === 'talks')!.reason, /is the name intro uses for Jana Novak; the documents share 1 other entity/);
    assert.match(c.entity(c.entityOf('match', 'e1')!)!.keptApart.join(' '), /name nothing else in common/);
    // The in-document stage left a bare "Novak" beside "Jana Novak" in a document naming nothing else: one person.
    c.add(record({
      id: 'alone', text: 'Jana Novak resigned. Later Novak left.',
      entities: [{ id: 'e1', name: 'Jana Novak', type: 'PERSON' }, { id: 'e2', name: 'Novak', type: 'PERSON' }],
    }));
    assert.equal(c.entityOf('alone', 'e2'), c.entityOf('alone', 'e1'));
  });

  it('a bare institution name in documents about one country is that country\'s institution named in full', () => {
    const c = new Corpus();
    c.add(record({
      id: 'full', text: 'The U.S. Congress passed the budget. Voters in the United States were relieved.',
      entities: [{ id: 'e1', name: 'U.S. Congress', type: 'ORG' }, { id: 'e2', name: 'United States', type: 'GPE' }],
    }));
    c.add(record({
      id: 'full2', text: 'The United States Congress met in Washington.',
      entities: [{ id: 'e1', name: 'United States Congress', type: 'ORG' }, { id: 'e2', name: 'Washington', type: 'GPE' }],
    }));
    c.add(record({
      id: 'bare', text: 'Congress must approve the loan, officials in Ohio said.',
      entities: [{ id: 'e1', name: 'Congress', type: 'ORG' }, { id: 'e2', name: 'Ohio', type: 'GPE' }],
    }));
    c.add(record({
      id: 'peru', text: 'In Peru, Congress voted to remove the president. Peru has a single chamber.',
      entities: [{ id: 'e1', name: 'Congress', type: 'ORG' }, { id: 'e2', name: 'Peru', type: 'GPE', mentions: ['Peru'] }],
    }));
    c.add(record({
      id: 'term', text: 'The 117th Congress opened in Texas with a prayer.',
      entities: [{ id: 'e1', name: 'Congress', type: 'ORG' }, { id: 'e2', name: 'Texas', type: 'GPE' }],
    }));
    assert.equal(c.entityOf('full2', 'e1'), c.entityOf('full', 'e1'), '"U.S. Congress" and "United States Congress" are one name');
    assert.equal(c.entityOf('bare', 'e1'), c.entityOf('full', 'e1'));
    assert.match(c.entity(c.entityOf('full', 'e1')!)!.links.find((l) => l.docId === 'bare')!.reason, /documents about United States/);
    assert.notEqual(c.entityOf('peru', 'e1'), c.entityOf('full', 'e1'));
    assert.notEqual(c.entityOf('term', 'e1'), c.entityOf('full', 'e1'), 'one term of Congress is not the institution');
  });

  it('an AP state abbreviation is the state', () => {
    const c = new Corpus();
    c.add(record({ id: 'a', text: 'A storm hit Tampa, Fla., on Sunday.', entities: [{ id: 'e1', name: 'Fla.', type: 'GPE' }] }));
    c.add(record({ id: 'b', text: 'Florida lawmakers met.', entities: [{ id: 'e1', name: 'Florida', type: 'GPE' }] }));
    c.add(record({ id: 'c', text: 'Pa said no.', entities: [{ id: 'e1', name: 'Pa', type: 'GPE' }] }));
    c.add(record({ id: 'd', text: 'Pennsylvania voted.', entities: [{ id: 'e1', name: 'Pennsylvania', type: 'GPE' }] }));
    assert.equal(c.entityOf('a', 'e1'), c.entityOf('b', 'e1'));
    assert.notEqual(c.entityOf('c', 'e1'), c.entityOf('d', 'e1'), 'two letters without a dot are no abbreviation');
  });

  it('a name that is only a title links across no documents', () => {
    const c = new Corpus();
    c.add(record({
      id: 'a', text: 'The President signed the bill in Washington. Madam Speaker thanked him.',
      entities: [
        { id: 'e1', name: 'President', type: 'PERSON' }, { id: 'e2', name: 'Madam Speaker', type: 'PERSON' },
        { id: 'e3', name: 'Washington', type: 'GPE' },
      ],
    }));
    c.add(record({
      id: 'b', text: 'The President vetoed the bill in Washington. Madam Speaker objected.',
      entities: [
        { id: 'e1', name: 'President', type: 'PERSON' }, { id: 'e2', name: 'Madam Speaker', type: 'PERSON' },
        { id: 'e3', name: 'Washington', type: 'GPE' },
      ],
    }));
    c.add(record({ id: 'c', text: 'My Lord, the appeal is late.', entities: [{ id: 'e1', name: 'Lord', type: 'OTHER' }] }));
    c.add(record({ id: 'd', text: 'Lord spoke for the bishops.', entities: [{ id: 'e1', name: 'Lord', type: 'ORG' }] }));
    c.add(record({
      id: 'e', text: 'Nancy Pelosi, the Speaker, opened the session.',
      entities: [{ id: 'e1', name: 'Nancy Pelosi', type: 'PERSON', mentions: ['Nancy Pelosi', 'Speaker'] }],
    }));
    c.add(record({ id: 'f', text: 'The Speaker adjourned the House.', entities: [{ id: 'e1', name: 'Speaker', type: 'PERSON' }] }));
    assert.notEqual(c.entityOf('a', 'e1'), c.entityOf('b', 'e1'), 'two documents\' presidents may be two people');
    assert.notEqual(c.entityOf('a', 'e2'), c.entityOf('b', 'e2'));
    assert.equal(c.entityOf('a', 'e3'), c.entityOf('b', 'e3'), 'the shared place still links');
    assert.match(c.entity(c.entityOf('b', 'e1')!)!.keptApart.join(' '), /a title names whoever holds it/);
    assert.notEqual(c.entityOf('c', 'e1'), c.entityOf('d', 'e1'), 'an untyped title does not join a typed one');
    assert.notEqual(c.entityOf('f', 'e1'), c.entityOf('e', 'e1'), 'a title one document uses for a person is no alias elsewhere');
  });

  it('a join keeps its reason whichever side comes first', () => {
    const c = new Corpus();
    c.add(record({
      id: 'short', text: 'Novak landed in Vienna late.', entities: [{ id: 'e1', name: 'Novak', type: 'PERSON' }, { id: 'e2', name: 'Vienna', type: 'GPE' }],
    }));
    c.add(record({
      id: 'full', text: 'Jana Novak met officials in Vienna.',
      entities: [{ id: 'e1', name: 'Jana Novak', type: 'PERSON' }, { id: 'e2', name: 'Vienna', type: 'GPE' }],
    }));
    const e = c.entity(c.entityOf('full', 'e1')!)!;
    assert.equal(c.entityOf('short', 'e1'), e.id);
    assert.match(e.links.find((l) => l.docId === 'short')!.reason, /first seen/);
    assert.match(e.links.find((l) => l.docId === 'full')!.reason, /surname "Novak" of the only full-name person/);
  });

  it('"the Governor of Washington" is the state; "Washington, D.C." and an unmarked "Washington" the city', () => {
    const c = new Corpus();
    c.add(record({ id: 'old', text: 'Surveyors laid out Washington City in 1791.', entities: [{ id: 'e1', name: 'Washington City', type: 'GPE' }] }));
    c.add(record({ id: 'gov', text: 'The Governor of Washington signed the budget.', entities: [{ id: 'e1', name: 'Washington', type: 'GPE' }] }));
    c.add(record({ id: 'dc', text: 'Protesters marched in Washington, D.C. on Sunday.', entities: [{ id: 'e1', name: 'Washington', type: 'GPE' }] }));
    c.add(record({ id: 'plain', text: 'Talks resume in Washington next week.', entities: [{ id: 'e1', name: 'Washington', type: 'GPE' }] }));
    assert.notEqual(c.entityOf('gov', 'e1'), c.entityOf('dc', 'e1'));
    assert.equal(c.entityOf('plain', 'e1'), c.entityOf('dc', 'e1'));
  });

  it('"the gentleman from New York" is the state, not the city', () => {
    const c = new Corpus();
    c.add(record({ id: 'nyc', text: 'New York City raised its subway fares.', entities: [{ id: 'e1', name: 'New York City', type: 'GPE' }] }));
    c.add(record({ id: 'city', text: 'Tourists filled Broadway in New York.', entities: [{ id: 'e1', name: 'New York', type: 'GPE' }] }));
    c.add(record({
      id: 'house', text: 'I thank the gentleman from New York for his amendment.', entities: [{ id: 'e1', name: 'New York', type: 'GPE' }],
    }));
    assert.notEqual(c.entityOf('house', 'e1'), c.entityOf('city', 'e1'));
    assert.match(c.entity(c.entityOf('house', 'e1')!)!.keptApart.join(' ') + c.entity(c.entityOf('city', 'e1')!)!.keptApart.join(' '),
      /larger place/);
  });
});
