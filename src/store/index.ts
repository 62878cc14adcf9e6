/** The store's public face: the backend-neutral interface and its SQLite implementation. */
export { SqliteStore, StoreFormatError } from './sqlite.js';
export type {
  IngestStatus, SearchHit, StatementQuery, StatementRow, Store, StoreStats, TimelineQuery, TimelineRow,
} from './store.js';
