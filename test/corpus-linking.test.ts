import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Corpus } from '../src/corpus/index.js';
import { record } from './corpus-fixtures.js';

describe('corpus linking: same name, different referent', () => {
  it('a bare institution name links only between documents about the same country', () => {
    const c = new Corpus();
    c.add(record({
      id: 'us1', text: 'The House voted on the farm bill. Lawmakers in the United States expect the Senate to follow.',
      entities: [{ id: 'e1', name: 'House', type: 'ORG' }, { id: 'e2', name: 'United States', type: 'GPE' }],
    }));
    c.add(record({
      id: 'us2', text: 'Ohio members of the House objected to the rule.',
      entities: [{ id: 'e1', name: 'House', type: 'ORG' }, { id: 'e2', name: 'Ohio', type: 'GPE' }],
    }));
    c.add(record({
      id: 'nz', text: 'The minister told the House that New Zealand would reopen its borders. New Zealand has had no new cases.',
      entities: [{ id: 'e1', name: 'House', type: 'ORG' }, { id: 'e2', name: 'New Zealand', type: 'GPE', mentions: ['New Zealand'] }],
    }));
    c.add(record({ id: 'none', text: 'The House adjourned early.', entities: [{ id: 'e1', name: 'House', type: 'ORG' }] }));
    assert.equal(c.entityOf('us2', 'e1'), c.entityOf('us1', 'e1'), 'a US state puts the document in the United States');
    assert.notEqual(c.entityOf('nz', 'e1'), c.entityOf('us1', 'e1'));
    assert.match(c.entity(c.entityOf('nz', 'e1')!)!.keptApart.join(' '), /New Zealand/);
    // Two countries in play and the document names none: it cannot tell which House.
    assert.notEqual(c.entityOf('none', 'e1'), c.entityOf('us1', 'e1'));
    assert.notEqual(c.entityOf('none', 'e1'), c.entityOf('nz', 'e1'));
  });

  it('a party name many countries share, and a short name of an institution, need the same country', () => {
    const c = new Corpus();
    c.add(record({
      id: 'us', text: 'The Democratic Party picked its nominee in Virginia, and Democratic Party leaders in the United States cheered.',
      entities: [{ id: 'e1', name: 'Democratic Party', type: 'ORG' }, { id: 'e2', name: 'United States', type: 'GPE' }],
    }));
    c.add(record({
      id: 'jp', text: 'In Japan the Democratic Party lost seats; Japan votes again in spring.',
      entities: [{ id: 'e1', name: 'Democratic Party', type: 'ORG' }, { id: 'e2', name: 'Japan', type: 'GPE', mentions: ['Japan'] }],
    }));
    assert.notEqual(c.entityOf('jp', 'e1'), c.entityOf('us', 'e1'));
    c.add(record({
      id: 'full', text: 'Senators swore to defend the Constitution of Brazil. Brazil says the Constitution is long.',
      entities: [
        { id: 'e1', name: 'Constitution of Brazil', type: 'ORG', mentions: ['Constitution of Brazil', 'Constitution'] },
        { id: 'e2', name: 'Brazil', type: 'GPE', mentions: ['Brazil'] },
      ],
    }));
    c.add(record({
      id: 'short', text: 'Judges in Kenya said the Constitution protects the press; Kenya will appeal.',
      entities: [{ id: 'e1', name: 'Constitution', type: 'ORG' }, { id: 'e2', name: 'Kenya', type: 'GPE', mentions: ['Kenya'] }],
    }));
    assert.notEqual(c.entityOf('short', 'e1'), c.entityOf('full', 'e1'));
  });

  it('a country-less document joins the one country side in play', () => {
    const c = new Corpus();
    c.add(record({
      id: 'in1', text: 'The Constitution of India guarantees equality, and the Constitution binds every state in India.',
      entities: [{ id: 'e1', name: 'Constitution', type: 'ORG', mentions: ['Constitution'] }, { id: 'e2', name: 'India', type: 'GPE' }],
    }));
    c.add(record({ id: 'bare', text: 'Judges read the Constitution closely.', entities: [{ id: 'e1', name: 'Constitution', type: 'ORG' }] }));
    assert.equal(c.entityOf('bare', 'e1'), c.entityOf('in1', 'e1'));
  });

  it('a name that is a city and a state: a document marking the state stays apart from the city', () => {
    const c = new Corpus();
    c.add(record({
      id: 'city', text: 'Tourists crowded the museums of New York City last week.',
      entities: [{ id: 'e1', name: 'New York City', type: 'GPE' }],
    }));
    c.add(record({
      id: 'city2', text: 'Rents in New York rose again, the mayor said.', entities: [{ id: 'e1', name: 'New York', type: 'GPE' }],
    }));
    c.add(record({
      id: 'city3', text: 'She opened a bakery in New York after the war.', entities: [{ id: 'e1', name: 'New York', type: 'GPE' }],
    }));
    c.add(record({
      id: 'state', text: 'He grew up on a dairy farm near Ithaca, New York, and later moved west.',
      entities: [{ id: 'e1', name: 'New York', type: 'GPE' }, { id: 'e2', name: 'Ithaca', type: 'GPE' }],
    }));
    c.add(record({
      id: 'state2', text: 'Voters across the state of New York go to the polls on Tuesday.',
      entities: [{ id: 'e1', name: 'New York', type: 'GPE' }],
    }));
    assert.equal(c.entityOf('city3', 'e1'), c.entityOf('city2', 'e1'));
    assert.notEqual(c.entityOf('state', 'e1'), c.entityOf('city2', 'e1'));
    assert.equal(c.entityOf('state2', 'e1'), c.entityOf('state', 'e1'));
    assert.match(c.entity(c.entityOf('state', 'e1')!)!.keptApart.join(' '), /larger place/);
  });

  it('"Place, Country" does not split a country from itself ("Lyon, France" and "France")', () => {
    const c = new Corpus();
    c.add(record({
      id: 'a', text: 'The conference met in Lyon, France, in May.',
      entities: [{ id: 'e1', name: 'France', type: 'GPE' }, { id: 'e2', name: 'Lyon', type: 'GPE' }],
    }));
    c.add(record({ id: 'b', text: 'France raised its fuel tax.', entities: [{ id: 'e1', name: 'France', type: 'GPE' }] }));
    c.add(record({ id: 'c', text: 'Paris is the capital. France City is not a place.', entities: [{ id: 'e1', name: 'France City', type: 'GPE' }] }));
    assert.equal(c.entityOf('a', 'e1'), c.entityOf('b', 'e1'));
  });

  it('events with different editions stay apart; a recurring event named without its edition links nowhere', () => {
    const c = new Corpus();
    c.add(record({
      id: 'o1', text: 'Athens built a tram line for the 2004 Olympics.', entities: [{ id: 'e1', name: 'Olympics', type: 'EVENT' }],
    }));
    c.add(record({
      id: 'o2', text: 'Beijing spent heavily on the 2008 Olympics.', entities: [{ id: 'e1', name: 'Olympics', type: 'EVENT' }],
    }));
    c.add(record({
      id: 'o3', text: 'Climbing was added to the Olympics as a trial sport.', entities: [{ id: 'e1', name: 'Olympics', type: 'EVENT' }],
    }));
    c.add(record({
      id: 'o4', text: 'Skateboarding also joined the Olympics recently.', entities: [{ id: 'e1', name: 'Olympics', type: 'EVENT' }],
    }));
    c.add(record({
      id: 'o5', text: 'Hotels sold out long before the 2004 Olympics opened.', entities: [{ id: 'e1', name: 'Olympics', type: 'EVENT' }],
    }));
    assert.notEqual(c.entityOf('o1', 'e1'), c.entityOf('o2', 'e1'));
    assert.notEqual(c.entityOf('o1', 'e1'), c.entityOf('o3', 'e1'));
    assert.equal(c.entityOf('o1', 'e1'), c.entityOf('o5', 'e1'));
    // "the Olympics" without a year may be any of them: o3 and o4 need not mean the same Games.
    assert.notEqual(c.entityOf('o3', 'e1'), c.entityOf('o4', 'e1'));
    assert.notEqual(c.entityOf('o3', 'e1'), c.entityOf('o1', 'e1'));
    assert.match(c.entity(c.entityOf('o2', 'e1')!)!.keptApart.join(' '), /edition 2008/);
    assert.match(c.entity(c.entityOf('o4', 'e1')!)!.keptApart.join(' '), /edition this document does not name/);
  });

  it('an ordinal names one session of a legislature ("the 118th Congress")', () => {
    const c = new Corpus();
    c.add(record({ id: 'a', text: 'The 118th Congress convened in January.', entities: [{ id: 'e1', name: 'Congress', type: 'ORG' }] }));
    c.add(record({ id: 'b', text: 'Congress passed the budget in Washington.', entities: [{ id: 'e1', name: 'Congress', type: 'ORG' }] }));
    assert.notEqual(c.entityOf('a', 'e1'), c.entityOf('b', 'e1'));
  });

  it('a country named beside a match score is its national team, not the country', () => {
    const c = new Corpus();
    c.add(record({
      id: 'match', text: 'Group F: Portugal 2 – 1 Ghana. Ghana took the lead before Portugal scored twice.',
      entities: [{ id: 'e1', name: 'Portugal', type: 'GPE' }, { id: 'e2', name: 'Ghana', type: 'GPE' }],
    }));
    c.add(record({ id: 'trade', text: 'Portugal cut its corporate tax rate.', entities: [{ id: 'e1', name: 'Portugal', type: 'GPE' }] }));
    c.add(record({
      id: 'conf', text: 'The summit was held in Porto, Portugal, 5–6 May 2019.',
      entities: [{ id: 'e1', name: 'Portugal', type: 'GPE' }, { id: 'e2', name: 'Porto', type: 'GPE' }],
    }));
    assert.notEqual(c.entityOf('match', 'e1'), c.entityOf('trade', 'e1'));
    assert.equal(c.entityOf('conf', 'e1'), c.entityOf('trade', 'e1'), 'a date range is no score');
  });
});
