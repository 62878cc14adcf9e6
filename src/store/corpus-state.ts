/**
 * The corpus layer (src/corpus) kept in a store. The persisted value is the corpus state plus the revision of each
 * document it holds (version and analysis time), so bringing it up to date is a comparison with the store's own
 * list: whatever is new, or changed, or was stored by a run that died before updating the corpus, is added;
 * nothing is added twice. `updateStoreCorpus` does that atomically (ingest calls it once per run); `loadCorpus`
 * gives a store's corpus, reading it from the stored analyses when the persisted state is missing or behind.
 */
import { Corpus, type CorpusState } from '../corpus/index.js';
import type { Store } from './store.js';

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
function restore(v: unknown): Corpus | null {
  if (!isKept(v)) return null;
  try {
    return Corpus.fromState(v.corpus);
  } catch {
    return null;
  }
}

/**
 * Brings the store's persisted corpus up to date with every stored document (with `ifFree`: unless another update
 * is under way, then answers false). When
 * nothing changed it costs one pass over the ids and writes nothing (the corpus is not even restored); otherwise
 * the documents stored since the last update are added (their analyses read back from the store, never re-run).
 */
export async function updateStoreCorpus(store: Store, opts: { ifFree?: boolean } = {}): Promise<boolean> {
  const now = new Date().toISOString();
  return store.updateCorpusState(async (state, docs) => {
    const revisions = await docs.revisions();
    const kept = isKept(state) ? state : null;
    const versions = new Map<string, string>(kept?.versions ?? []);
    const stale = revisions.filter(([id, revision]) => versions.get(id) !== revision);
    if (kept && stale.length === 0) return null;
    let corpus = restore(kept);
    let toAdd = stale;
    if (!corpus) {
      // No usable state: build it from every stored document.
      corpus = new Corpus();
      versions.clear();
      toAdd = revisions;
    }
    // A corpus built now from documents stored earlier has no first-seen time for them: null, not now.
    const firstSeen = state === null ? null : now;
    for (const [id, revision] of toAdd) {
      const a = await docs.analysis(id);
      if (!a) continue;
      corpus.add(a, { firstSeen });
      versions.set(id, revision);
    }
    const value: KeptCorpus = { schema: KEPT_SCHEMA, corpus: corpus.toState(), versions: [...versions] };
    return { state: value, documents: versions.size };
  }, opts);
}

/** The store's corpus: its persisted state, or (when that is missing or behind the store) one read now. */
export async function loadCorpus(store: Store): Promise<Corpus> {
  const saved = await store.corpusState();
  const { documents } = await store.stats();
  const kept = saved ? restore(saved.state) : null;
  if (kept && saved!.documents === documents) return kept;
  // A store written before the corpus layer, or by a run that died before updating it: read every stored
  // analysis (read-only here; the next ingest persists an up-to-date state).
  const corpus = new Corpus();
  for await (const a of store.analyses()) corpus.add(a);
  return corpus;
}
