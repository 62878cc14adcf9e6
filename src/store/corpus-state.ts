/**
 * The corpus layer (src/corpus) kept in a store. The persisted value is the corpus state plus the revision of each
 * document it holds (version and analysis time), so bringing it up to date is a comparison with the store's own
 * list: whatever is new, or changed, or was stored by a run that died before updating the corpus, is added;
 * nothing is added twice. `updateStoreCorpus` does that atomically (ingest calls it once per run); `loadCorpus`
 * gives a store's corpus, reading it from the stored analyses when the persisted state is missing or behind.
 */
import { randomUUID } from 'node:crypto';
import { Corpus, type CorpusState } from '../corpus/index.js';
import type { Store } from './store.js';

const KEPT_SCHEMA = 'claimline/store-corpus-1';
/** Analyses read per round trip when the store can read several at once. */
const READ_BATCH = 100;

interface KeptCorpus {
  schema: typeof KEPT_SCHEMA;
  /**
   * Names a chain of states, each grown from the one before by adding documents (a state built from scratch
   * starts a new one): a process holding an earlier state of the chain in memory catches up by adding the rest.
   */
  lineage?: string;
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
  // Taken out while this update works on it: a failed or skipped update must not leave a changed corpus behind.
  let cached = warm.get(store);
  warm.delete(store);
  let last: { lineage: string; corpus: Corpus } | null = null;
  const ran = await store.updateCorpusState(async (state, docs) => {
    last = null;
    // Only the first call may use it: a call made again (another writer came first) finds it changed by this one.
    const usable = cached;
    cached = undefined;
    const revisions = await docs.revisions();
    const kept = isKept(state) ? state : null;
    const versions = new Map<string, string>(kept?.versions ?? []);
    const stale = revisions.filter(([id, revision]) => versions.get(id) !== revision);
    if (kept && stale.length === 0) {
      if (usable && kept.lineage === usable.lineage && usable.corpus.held === kept.corpus.docs.length) last = usable;
      return null;
    }
    let corpus = kept ? catchUp(usable, kept) ?? restore(kept) : null;
    let lineage = kept?.lineage ?? randomUUID();
    let toAdd = stale;
    if (!corpus) {
      // No usable state: build it from every stored document.
      corpus = new Corpus();
      versions.clear();
      toAdd = revisions;
      lineage = randomUUID();
    }
    // A corpus built now from documents stored earlier has no first-seen time for them: null, not now.
    const firstSeen = state === null ? null : now;
    for (let i = 0; i < toAdd.length; i += READ_BATCH) {
      const chunk = toAdd.slice(i, i + READ_BATCH);
      const read = docs.analysesOf ? await docs.analysesOf(chunk.map(([id]) => id)) : null;
      for (const [id, revision] of chunk) {
        const a = read ? read.get(id) ?? null : await docs.analysis(id);
        if (!a) continue;
        corpus.add(a, { firstSeen });
        versions.set(id, revision);
      }
    }
    const value: KeptCorpus = { schema: KEPT_SCHEMA, lineage, corpus: corpus.toState(), versions: [...versions] };
    last = { lineage, corpus };
    return { state: value, documents: versions.size };
  }, opts);
  // The corpus of the state now stored (written or found up to date by the last call of the update) stays warm;
  // an update skipped before it ever ran (another one under way) leaves the warm corpus as it was.
  if (ran && last) warm.set(store, last);
  else if (!ran && cached) warm.set(store, cached);
  return ran;
}

/**
 * The corpus each store's last update in this process left, with the lineage of the state it matches: the next
 * update (by this process) restores only what other processes added since, instead of the whole corpus (restoring
 * re-runs copy detection over every document: the cost that grew with the store).
 */
const warm = new WeakMap<Store, { lineage: string; corpus: Corpus }>();

/** The warm corpus brought up to `kept`, when `kept` grew from it; else null. */
function catchUp(cached: { lineage: string; corpus: Corpus } | undefined, kept: KeptCorpus): Corpus | null {
  if (!cached || !kept.lineage || cached.lineage !== kept.lineage) return null;
  try {
    cached.corpus.extendFromState(kept.corpus);
    return cached.corpus;
  } catch {
    return null;
  }
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
