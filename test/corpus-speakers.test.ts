import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Corpus } from '../src/corpus/index.js';
import { record } from './corpus-fixtures.js';

function smiths(): Corpus {
  const c = new Corpus();
  c.add(record({
    id: 'senate', published: '2024-02-01',
    text: 'Senator John Smith said the farm bill would pass before the summer recess. The Senate Farm Committee meets on Friday.',
    entities: [
      { id: 'e1', name: 'John Smith', type: 'PERSON', roles: ['Senator'] },
      { id: 'e2', name: 'Senate Farm Committee', type: 'ORG' },
    ],
    statements: [{ id: 's1', speaker: 'e1', cue: 'said', content: 'the farm bill would pass before the summer recess' }],
  }));
  c.add(record({
    id: 'match', published: '2024-02-03',
    text: 'Rovers striker John Smith scored twice as Rovers beat Albion 3-1. Smith said the team deserved the win.',
    entities: [
      { id: 'e1', name: 'John Smith', type: 'PERSON', roles: ['striker'], mentions: ['John Smith', 'Smith said'] },
      { id: 'e2', name: 'Rovers', type: 'ORG' },
      { id: 'e3', name: 'Albion', type: 'ORG' },
    ],
    statements: [{ id: 's1', speaker: 'e1', cue: 'said', content: 'the team deserved the win' }],
  }));
  c.add(record({
    id: 'transfer', published: '2024-02-10',
    text: 'Albion want to sign John Smith from Rovers before the transfer window closes, according to the club.',
    entities: [
      { id: 'e1', name: 'John Smith', type: 'PERSON' },
      { id: 'e2', name: 'Rovers', type: 'ORG' },
      { id: 'e3', name: 'Albion', type: 'ORG' },
    ],
  }));
  return c;
}

describe('corpus: speakers across documents', () => {
  it('keeps two John Smiths with conflicting roles apart and explains it', () => {
    const c = smiths();
    const senator = c.entityOf('senate', 'e1')!;
    const striker = c.entityOf('match', 'e1')!;
    assert.notEqual(senator, striker);
    assert.ok(c.entity(striker)!.keptApart.some((k) => /conflict/.test(k)) || c.entity(senator)!.keptApart.some((k) => /conflict/.test(k)));
  });

  it('puts a role-less mention with the John Smith whose documents share its context', () => {
    const c = smiths();
    assert.equal(c.entityOf('transfer', 'e1'), c.entityOf('match', 'e1'));
    const link = c.entity(c.entityOf('transfer', 'e1')!)!.links.find((l) => l.docId === 'transfer')!;
    assert.match(link.reason, /same name/);
  });

  it('a lone surname shared by two people stays apart; one that names a single person joins', () => {
    const c = smiths();
    c.add(record({
      id: 'smith-only', text: 'Smith declined to comment.', entities: [{ id: 'e1', name: 'Smith', type: 'PERSON' }],
    }));
    const smith = c.entityOf('smith-only', 'e1')!;
    assert.notEqual(smith, c.entityOf('senate', 'e1'));
    assert.notEqual(smith, c.entityOf('match', 'e1'));
    c.add(record({
      id: 'novak1', text: 'Foreign Minister Jana Novak arrived in Vienna.',
      entities: [{ id: 'e1', name: 'Jana Novak', type: 'PERSON', roles: ['Foreign Minister'] }, { id: 'e2', name: 'Vienna', type: 'GPE' }],
    }));
    c.add(record({
      id: 'novak2', text: 'Novak met her Austrian counterpart in Vienna.',
      entities: [{ id: 'e1', name: 'Novak', type: 'PERSON' }, { id: 'e2', name: 'Vienna', type: 'GPE' }],
    }));
    assert.equal(c.entityOf('novak2', 'e1'), c.entityOf('novak1', 'e1'));
    assert.match(c.entity(c.entityOf('novak1', 'e1')!)!.links.find((l) => l.docId === 'novak2')!.reason, /surname.*share 1 other entity/);
    // The only Novak in the corpus is no evidence on its own: a document that shares nothing else stays apart.
    c.add(record({ id: 'novak3', text: 'Novak scored twice in the second half.', entities: [{ id: 'e1', name: 'Novak', type: 'PERSON' }] }));
    assert.notEqual(c.entityOf('novak3', 'e1'), c.entityOf('novak1', 'e1'));
  });

  it('links an acronym a document introduced, and country aliases', () => {
    const c = new Corpus();
    c.add(record({
      id: 'a', text: 'The Federal Aviation Authority (FAA) grounded the jets. Officials in the United States agreed.',
      entities: [
        { id: 'e1', name: 'Federal Aviation Authority', type: 'ORG', mentions: ['Federal Aviation Authority', 'FAA|acronym'] },
        { id: 'e2', name: 'United States', type: 'GPE' },
      ],
    }));
    c.add(record({
      id: 'b', text: 'The FAA said the U.S. ban stays.',
      entities: [{ id: 'e1', name: 'FAA', type: 'ORG' }, { id: 'e2', name: 'U.S.', type: 'GPE' }],
    }));
    assert.equal(c.entityOf('b', 'e1'), c.entityOf('a', 'e1'));
    assert.equal(c.entityOf('b', 'e2'), c.entityOf('a', 'e2'));
    assert.equal(c.entity(c.entityOf('a', 'e1')!)!.name, 'Federal Aviation Authority');
  });

  it('ids are stable as documents arrive and survive toState/fromState', () => {
    const c = smiths();
    const before = c.entityOf('senate', 'e1');
    c.add(record({
      id: 'later', text: 'Senator John Smith voted against the bill.',
      entities: [{ id: 'e1', name: 'John Smith', type: 'PERSON', roles: ['Senator'] }],
    }));
    assert.equal(c.entityOf('senate', 'e1'), before);
    assert.equal(c.entityOf('later', 'e1'), before);
    const back = Corpus.fromState(JSON.parse(JSON.stringify(c.toState())));
    assert.equal(back.entityOf('later', 'e1'), before);
    assert.equal(back.entityOf('transfer', 'e1'), c.entityOf('transfer', 'e1'));
  });

  it('speaker(): statements in report-time order with the roles held at each date', () => {
    const c = new Corpus();
    c.add(record({
      id: 'june', published: '2024-06-02', text: 'Prime Minister Jana Novak said taxes would not rise this year.',
      entities: [{ id: 'e1', name: 'Jana Novak', type: 'PERSON', roles: ['Prime Minister'] }],
      statements: [{ id: 's1', speaker: 'e1', cue: 'said', content: 'taxes would not rise this year' }],
    }));
    c.add(record({
      id: 'jan', published: '2024-01-15', text: 'Foreign Minister Jana Novak said the border talks had stalled.',
      entities: [{ id: 'e1', name: 'Jana Novak', type: 'PERSON', roles: ['Foreign Minister'] }],
      statements: [{ id: 's1', speaker: 'e1', cue: 'said', content: 'the border talks had stalled' }],
    }));
    const r = c.speaker('Novak');
    assert.equal(r.entities.length, 1);
    assert.deepEqual(r.statements.items.map((s) => [s.docId, s.reportTime, s.roles]), [
      ['jan', '2024-01-15', ['Foreign Minister']],
      ['june', '2024-06-02', ['Prime Minister']],
    ]);
    assert.equal(r.statements.more, 0);
    assert.equal(c.speaker('Novak', { limit: 1 }).statements.more, 1);
    assert.equal(c.speaker(r.entities[0]!.id).statements.total, 2);
  });
});
