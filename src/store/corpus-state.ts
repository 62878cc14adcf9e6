/**
 * The corpus layer (src/corpus) kept in a store. The persisted value is the corpus state plus the revision of each
 * document it holds (version and analysis time), so bringing it up to date is a comparison with the store's own list: whatever
 * is new, or changed, or was stored by a run that died before updating the corpus, is added; nothing is added
 * twice. `updateStoreCorpus` does that in one write transaction (ingest calls it once per run); `loadCorpus`
 * gives a store's corpus, reading it from the stored analyses when the persisted state is missing or behind.
 */
import { Corpus, type CorpusState } from '../corpus/index.js';
import type { CorpusSource, Store } from './store.js';

const KEPT_SCHEMA = 'claimline/store-corpus-1';

interface KeptCorpus {
  schema: typeof KEPT_SCHEMA;
  corpus: CorpusState;
  /** The revision (version and analysis time) of each document the corpus holds. */
  versions: [string, string][];
}

function isKept(v: unknown): v is KeptCorpus {
  return typeof v === 'object' && v !== null && (v as KeptCorpus).schema === KEPT_SCHEMA;
}

/** Restores the persisted corpus, or null when there is none or it was written in another format. */
function restore(v: unknown): { corpus: Corpus; versions: Map<string, string> } | null {
  if (!isKept(v)) return null;
  try {
    return { corpus: Corpus.fromState(v.corpus), versions: new Map(v.versions) };
  } catch {
    return null;
  }
}

/** Adds every stored document the corpus lacks or holds at another version; returns how many it added. */
function catchUp(corpus: Corpus, versions: Map<string, string>, docs: CorpusSource, firstSeen: string | null): number {
  let added = 0;
  for (const [id, revision] of docs.revisions()) {
    if (versions.get(id) === revision) continue;
    const a = docs.analysis(id);
    if (!a) continue;
    corpus.add(a, { firstSeen });
    versions.set(id, revision);
    added++;
  }
  return added;
}

/**
 * Brings the store's persisted corpus up to date with every stored document, in one write transaction. Cheap when
 * nothing changed (one pass over the ids); the documents stored since the last update are analysed into the
 * corpus (their analyses are read back from the store, never re-run).
 */
export async function updateStoreCorpus(store: Store): Promise<void> {
  const now = new Date().toISOString();
  await store.updateCorpusState((state, docs) => {
    const kept = restore(state) ?? { corpus: new Corpus(), versions: new Map<string, string>() };
    // A corpus built now from documents stored earlier has no first-seen time for them: null, not now.
    catchUp(kept.corpus, kept.versions, docs, state === null ? null : now);
    const value: KeptCorpus = { schema: KEPT_SCHEMA, corpus: kept.corpus.toState(), versions: [...kept.versions] };
    return { state: value, documents: kept.versions.size };
  });
}

/** The store's corpus: its persisted state, or (when that is missing or behind the store) one read now. */
export async function loadCorpus(store: Store): Promise<Corpus> {
  const saved = await store.corpusState();
  const { documents } = await store.stats();
  const kept = saved ? restore(saved.state) : null;
  if (kept && saved!.documents === documents) return kept.corpus;
  // A store written before the corpus layer, or by a run that died before updating it: read every stored
  // analysis (read-only here; the next ingest persists an up-to-date state).
  const corpus = new Corpus();
  for await (const a of store.analyses()) corpus.add(a);
  return corpus;
}
