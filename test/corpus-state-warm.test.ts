/**
 * The corpus update's warm path (src/store/corpus-state.ts): a process that keeps the corpus of the state it
 * last wrote catches up with what other processes added (Corpus.extendFromState) instead of restoring the whole
 * corpus, and must end with exactly the corpus a full restore gives.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { syntheticArticle } from '../bench/scale-docs.js';
import { Corpus } from '../src/corpus/index.js';
import { analyzeRaw } from '../src/queue/ingest-one.js';
import { SqliteStore, updateStoreCorpus } from '../src/store/index.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimline-corpus-warm-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function article(n: number, edit = '') {
  const a = syntheticArticle(n);
  return analyzeRaw({ id: a.id, text: a.text + edit, title: null, url: null, published: a.published, source: a.id, warnings: [] },
    { published: null, attribution: 'rules' });
}

test('extendFromState: a corpus holding the first documents of a state catches up to exactly that state', () => {
  const c = new Corpus();
  for (let n = 0; n < 4; n++) c.add(article(n), { firstSeen: `2026-01-0${n + 1}` });
  const early = JSON.parse(JSON.stringify(c.toState()));
  c.add(article(4), { firstSeen: '2026-01-05' });
  c.add(article(1, ' Updated.'), { firstSeen: '2026-01-06' }); // a new version retires the first one
  const later = JSON.parse(JSON.stringify(c.toState()));
  const warm = Corpus.fromState(early);
  warm.extendFromState(later);
  assert.deepEqual(warm.toState(), later);
  assert.deepEqual(warm.export(), Corpus.fromState(later).export());
  // Not a prefix: refused, nothing changed.
  const other = new Corpus();
  other.add(article(9));
  assert.throws(() => other.extendFromState(later), /not a prefix/);
  assert.equal(other.held, 1);
});

test('two store handles updating in turn: each catches up with the other\'s additions; the state equals a full rebuild', async () => {
  const file = path.join(tmp, 'warm.db');
  const a = SqliteStore.open(file);
  const b = SqliteStore.open(file);
  try {
    let n = 0;
    for (const [store, count] of [[a, 3], [b, 2], [a, 2], [b, 1], [a, 1]] as const) {
      for (let k = 0; k < count; k++) await store.ingest(article(n++));
      assert.equal(await updateStoreCorpus(store), true);
    }
    await a.ingest(article(2, ' Corrected.'));
    await updateStoreCorpus(b);
    const saved = (await a.corpusState())!;
    assert.equal(saved.documents, n);
    const state = (saved.state as { corpus: Parameters<typeof Corpus.fromState>[0]; versions: [string, string][] });
    assert.equal(state.versions.length, n);
    // Rebuilt from the stored state, and the same documents' corpus built afresh in the same order: the same
    // copies, entities, claims and stories (first-seen times aside, which only the live updates know).
    const rebuilt = Corpus.fromState(state.corpus).export();
    const fresh = new Corpus();
    for (const d of state.corpus.docs) fresh.add((await a.analysis(d.digest.id, undefined))!);
    const noTimes = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v) => (k === 'firstSeen' ? undefined : v))) as unknown;
    const again = fresh.export();
    assert.deepEqual(noTimes(rebuilt.copies), noTimes(again.copies));
    assert.deepEqual(noTimes(rebuilt.claims), noTimes(again.claims));
    assert.deepEqual(noTimes(rebuilt.stories), noTimes(again.stories));
    assert.deepEqual(rebuilt.documents.map((d) => d.id).sort(), Array.from({ length: n }, (_, i) => `synthetic/${i}`).sort());
  } finally {
    await a.close();
    await b.close();
  }
});
