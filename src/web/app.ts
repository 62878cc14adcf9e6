/** What every request handler is given: the store, the cached corpus view and the server's options. */
import type { AttributionMode } from '../pipeline/stages.js';
import type { Store } from '../store/store.js';
import type { CorpusCache } from './corpus-view.js';

export interface WebOptions {
  /** Largest request body accepted (413 above it); also the analyse input limit. */
  maxBytes: number;
  attribution: AttributionMode;
  /** Required on every request when set. */
  token: string | null;
  /** Whether the server listens on loopback only (then Host must be a loopback name). */
  loopback: boolean;
}

export interface WebApp {
  store: Store;
  corpus: CorpusCache;
  options: WebOptions;
  /**
   * Writes go one at a time: two analyse POSTs of one identity would otherwise race in the version numbering,
   * and the corpus update after each should see the other's document.
   */
  writeLock: <T>(work: () => Promise<T>) => Promise<T>;
}
