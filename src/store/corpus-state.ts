/**
 * The corpus layer (src/corpus) kept in a store: `updateStoreCorpus` folds newly stored documents into the
 * persisted corpus state (ingest calls it once per run); `loadCorpus` gives the corpus of a store, building it
 * from the stored analyses when the store has no state yet (written before the corpus layer) or an outdated one.
 */
import { Corpus, type CorpusState } from '../corpus/index.js';
import type { Store } from './store.js';

/**
 * Folds the given documents' current analyses into the store's corpus state (ingest calls this once per run,
 * after storing). A state written by another claimline version is rebuilt from scratch.
 */
export async function updateStoreCorpus(store: Store, docIds: readonly string[]): Promise<void> {
  if (docIds.length === 0) return;
  let rebuild = false;
  await store.updateCorpusState(docIds, (state, analyses) => {
    let corpus: Corpus;
    try {
      corpus = state ? Corpus.fromState(state as CorpusState) : new Corpus();
    } catch {
      rebuild = true;
      return { state: null, documents: 0 };
    }
    if (!state) rebuild = true;
    const now = new Date().toISOString();
    for (const a of analyses) corpus.add(a, { firstSeen: now });
    return { state: corpus.toState(), documents: corpus.size };
  });
  // No usable state before this run: documents stored earlier are missing from it. Build it from all of them.
  if (rebuild) {
    const corpus = await corpusFromAnalyses(store);
    await store.updateCorpusState([], () => ({ state: corpus.toState(), documents: corpus.size }));
  }
}

async function corpusFromAnalyses(store: Store): Promise<Corpus> {
  const corpus = new Corpus();
  for await (const a of store.analyses()) corpus.add(a);
  return corpus;
}

/** The store's corpus: its persisted state, or (for a store the corpus layer has not seen yet) one built now. */
export async function loadCorpus(store: Store): Promise<Corpus> {
  const saved = await store.corpusState();
  const { documents } = await store.stats();
  if (saved && saved.state && saved.documents === documents) {
    try {
      return Corpus.fromState(saved.state as CorpusState);
    } catch {
      // a state from another claimline version: rebuild below
    }
  }
  return corpusFromAnalyses(store);
}
