import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../src/pipeline/analyze.js';
import { Corpus, CORPUS_SCHEMA } from '../src/corpus/index.js';
import { record } from './corpus-fixtures.js';

function flood(): Corpus {
  const c = new Corpus();
  c.add(record({
    id: 'flood-1', title: 'River Elde floods Marlow', published: '2024-10-02',
    text: 'The River Elde burst its banks in Marlow on Tuesday, flooding 300 homes. Mayor Petra Lind said the town '
      + 'would ask the government for emergency funds. The river last flooded the town in June, residents recalled.',
    entities: [
      { id: 'e1', name: 'River Elde', type: 'LOC', mentions: ['River Elde'] },
      { id: 'e2', name: 'Marlow', type: 'GPE' , mentions: ['Marlow'] },
      { id: 'e3', name: 'Petra Lind', type: 'PERSON', roles: ['Mayor'] },
    ],
    statements: [{ id: 's1', speaker: 'e3', cue: 'said', content: 'the town would ask the government for emergency funds' }],
    events: [
      { id: 'v1', trigger: 'burst', time: '2024-10-01' },
      { id: 'v2', trigger: 'last flooded', time: 'XXXX-06' },
    ],
  }));
  c.add(record({
    id: 'flood-2', title: 'Marlow flood: clean-up begins', published: '2024-10-05',
    text: 'The clean-up after the River Elde flood in Marlow began on Friday. Mayor Petra Lind said on Thursday that '
      + 'insurers had promised quick payments. Water first entered homes on September 30, according to firefighters.',
    entities: [
      { id: 'e1', name: 'River Elde', type: 'LOC' },
      { id: 'e2', name: 'Marlow', type: 'GPE' },
      { id: 'e3', name: 'Petra Lind', type: 'PERSON', roles: ['Mayor'] },
    ],
    statements: [{ id: 's1', speaker: 'e3', cue: 'said', content: 'insurers had promised quick payments', time: '2024-10-03' }],
    events: [{ id: 'v1', trigger: 'entered', time: '2024-09-30' }, { id: 'v2', trigger: 'began', time: '2024-10-04' }],
  }));
  c.add(record({
    id: 'chess', title: 'Chess final drawn', published: '2024-10-03',
    text: 'The chess final in Oslo ended in a draw after six hours, and the tie-break games are set for Sunday.',
    entities: [{ id: 'e1', name: 'Oslo', type: 'GPE' }],
  }));
  return c;
}

describe('corpus: stories and timelines', () => {
  it('groups articles about one event into a story and keeps others apart', () => {
    const c = flood();
    assert.equal(c.storyOf('flood-1')!.id, c.storyOf('flood-2')!.id);
    assert.notEqual(c.storyOf('chess')!.id, c.storyOf('flood-1')!.id);
    assert.deepEqual(c.storyOf('flood-2')!.documents, ['flood-1', 'flood-2']);
    assert.equal(c.stories().total, 2);
    assert.equal(c.stories({ limit: 1 }).more, 1);
  });

  it('orders the timeline by event time, keeps unresolved times explicit and report time beside', () => {
    const c = flood();
    const t = c.timeline(c.storyOf('flood-1')!.id)!;
    const rows = t.items.map((i) => [i.kind, i.eventTime, i.resolved, i.reportTime]);
    assert.deepEqual(rows, [
      ['event', '2024-09-30', true, '2024-10-05'],
      ['event', '2024-10-01', true, '2024-10-02'],
      ['event', 'XXXX-06', false, '2024-10-02'],
      ['statement', null, false, '2024-10-02'],
      ['statement', null, false, '2024-10-03'],
      ['event', '2024-10-04', true, '2024-10-05'],
    ]);
    assert.equal(t.items[3]!.speaker!.name, 'Petra Lind');
    assert.deepEqual(c.timeline('flood-2')!.story, t.story);
  });

  it('a copy adds no timeline item but is listed with it', () => {
    const c = flood();
    const before = c.timeline('flood-1')!.items.length;
    const original = c.export().documents.find((d) => d.id === 'flood-1')!;
    assert.equal(original.origin, 'flood-1');
    const longer = 'The River Elde burst its banks in Marlow on Tuesday, flooding 300 homes along the old quay and the market square. '
      + 'Mayor Petra Lind said the town would ask the government for emergency funds to repair the flood walls.\n\n'
      + 'The river last flooded the town in June, residents recalled, when the water reached the steps of the town hall.';
    const make = (id: string, published: string) => record({
      id, published, title: 'River Elde floods Marlow', text: longer,
      entities: [{ id: 'e3', name: 'Petra Lind', type: 'PERSON', roles: ['Mayor'] }],
      statements: [{ id: 's1', speaker: 'e3', cue: 'said', content: 'the town would ask the government for emergency funds' }],
    });
    c.add(make('flood-wire', '2024-10-02'));
    c.add(make('flood-syndicated', '2024-10-03'));
    // The longer text contains the first report, so all three are one copy group, the first report its origin.
    assert.equal(c.copiesOf('flood-syndicated')!.origin, 'flood-1');
    const t = c.timeline('flood-syndicated')!;
    assert.equal(t.items.length, before);
    const said = t.items.find((i) => i.kind === 'statement' && i.text.startsWith('the town would ask'))!;
    assert.deepEqual(said.documents, ['flood-1', 'flood-wire', 'flood-syndicated']);
  });

  it('exports claimline/corpus and round-trips through toState', () => {
    const c = flood();
    const ex = c.export();
    assert.equal(ex.schema, CORPUS_SCHEMA);
    assert.equal(ex.stories.length, 2);
    const back = Corpus.fromState(JSON.parse(JSON.stringify(c.toState())));
    assert.deepEqual(back.export(), ex);
  });

  it('takes real pipeline output', () => {
    const c = new Corpus();
    const text = 'Mayor Anna Berg said on Monday that the bridge was safe. The council denied that the repairs cost 2 million euros.';
    c.add(analyze({ text, id: 'real', published: '2024-03-05' }));
    const r = c.speaker('Anna Berg');
    assert.equal(r.entities.length, 1);
    assert.ok(r.statements.total >= 1);
  });
});
