import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Corpus, documentOnly } from '../src/corpus/index.js';
import { fingerprint, simhashDistance } from '../src/corpus/fingerprint.js';

const FERRY = [
  'A passenger ferry ran aground on Tuesday morning near the northern harbour of Port Elling, the coast guard said.',
  'All 214 passengers and 12 crew members were taken off the vessel by lifeboats within three hours, and nobody was seriously hurt.',
  'The ferry operator said the ship lost steering shortly after leaving the harbour in strong winds and drifted onto a sandbank.',
  'Divers will inspect the hull on Wednesday before tugs try to pull the ferry free at high tide, a spokeswoman for the harbour authority said.',
  'Crossings to the islands are suspended until Friday, and travellers were told to check the operator website for replacement sailings.',
].join('\n\n');

const ORCHARD = [
  'Apple growers in the valley expect their smallest harvest in a decade after a late frost damaged blossoms in April.',
  'The growers association estimates that output will fall by about a third, pushing up prices for local cider makers.',
  'Several farms have started covering young trees with fleece at night, a method that costs money but saves the buds.',
  'Researchers at the agricultural college are testing varieties that flower later in spring and escape the cold snaps.',
].join('\n\n');

const BOILER = 'The Coastal Times is an independent newspaper funded by its readers; subscribe to support local reporting in the region.';

describe('corpus: copies', () => {
  it('the 64-bit simhash is close for a light edit and far for another text', () => {
    const a = fingerprint(FERRY);
    const b = fingerprint(FERRY.replace('ran aground', 'went aground').replace('strong winds', 'high winds'));
    const c = fingerprint(ORCHARD);
    assert.ok(simhashDistance(a, b) < simhashDistance(a, c), `${simhashDistance(a, b)} vs ${simhashDistance(a, c)}`);
    assert.ok(simhashDistance(a, c) > 10);
  });

  it('groups re-headlined, trimmed, extended, reordered and edited copies; the earliest is the origin', () => {
    const corpus = new Corpus();
    const ps = FERRY.split('\n\n');
    corpus.add(documentOnly({ id: 'reordered', text: [ps[0], ps[3], ps[1], ps[4], ps[2]].join('\n\n'), published: '2024-05-08' }));
    corpus.add(documentOnly({ id: 'orchard', text: ORCHARD, published: '2024-05-07' }));
    corpus.add(documentOnly({ id: 'wire', text: FERRY, title: 'Ferry runs aground', published: '2024-05-07' }));
    corpus.add(documentOnly({ id: 'trimmed', text: ps.slice(0, 3).join('\n\n'), title: 'Ship stuck on sandbank', published: '2024-05-07' }));
    corpus.add(documentOnly({
      id: 'extended', published: '2024-05-09',
      text: `${FERRY}\n\nLocal shop owners said the suspension would hurt trade during the busy spring holiday week on the islands.`,
    }));
    const edited = corpus.add(documentOnly({
      id: 'edited', published: '2024-05-07',
      text: FERRY.replace(/said/g, 'stated').replace('214', '215').replace('seriously ', ''),
    }));
    assert.deepEqual(edited.copyOf.map((c) => c.docId).sort(), ['extended', 'reordered', 'trimmed', 'wire']);
    const group = corpus.copiesOf('trimmed')!;
    assert.equal(group.origin, 'wire');
    assert.deepEqual(group.documents.map((d) => d.docId).sort(), ['edited', 'extended', 'reordered', 'trimmed', 'wire']);
    assert.deepEqual(corpus.copiesOf('orchard')!.documents.map((d) => d.docId), ['orchard']);
    assert.equal(corpus.copies().length, 1);
  });

  it('without publication dates, the first seen is the origin', () => {
    const corpus = new Corpus();
    corpus.add(documentOnly({ id: 'second-copy', text: FERRY }));
    corpus.add(documentOnly({ id: 'first-copy', text: FERRY, published: null }));
    assert.equal(corpus.copiesOf('first-copy')!.origin, 'second-copy');
  });

  it('a paragraph repeated across an outlet\'s different stories is boilerplate, not a copy', () => {
    const corpus = new Corpus();
    const stories = [FERRY, ORCHARD,
      'The town council voted to close the old swimming pool after engineers found cracks in its concrete basin.\n\n'
      + 'A new pool will be built next to the sports centre, but work will not start before next summer.'];
    stories.forEach((s, i) => corpus.add(documentOnly({
      id: `story${i}`, url: `https://coastaltimes.example/news/${i}`, text: `${s}\n\n${BOILER}`,
    })));
    assert.equal(corpus.copies().length, 0);
    for (let i = 0; i < 3; i++) {
      const last = corpus.boilerplate(`story${i}`);
      assert.deepEqual(last, [stories[i]!.split('\n\n').length], `story${i}`);
    }
    const other = new Corpus();
    other.add(documentOnly({ id: 'once', url: 'https://coastaltimes.example/news/9', text: `${FERRY}\n\n${BOILER}` }));
    assert.deepEqual(other.boilerplate('once'), []);
  });

  it('a new version of a document retires the old one', () => {
    const corpus = new Corpus();
    corpus.add(documentOnly({ id: 'a', text: ORCHARD }));
    const again = corpus.add(documentOnly({ id: 'a', text: FERRY }));
    assert.equal(again.replaced, true);
    assert.equal(corpus.size, 1);
    assert.deepEqual(again.copyOf, []);
  });
});
