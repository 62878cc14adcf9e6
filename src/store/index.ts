/**
 * `claimline/store`: the store's public face. `openStore(location)` for a store named the way the CLI's
 * `--store` names it, the backend-neutral `Store` interface, and its SQLite and PostgreSQL implementations.
 */
export { SqliteStore, StoreFormatError, type SqliteOpenOptions } from './sqlite.js';
export { SearchSyntaxError } from './fts.js';
export { parseStoreLocation, redactLocation, StoreUnsupportedError, type StoreLocation } from './location.js';
export { PostgresStore, type PostgresOpenOptions } from './postgres.js';
export { StoreConnectionError } from './postgres-connect.js';
export { PG_SCHEMA_VERSION } from './postgres-schema.js';
export { diffVersions } from './diff.js';
export { SCHEMA_VERSION } from './schema.js';
export { loadCorpus, updateStoreCorpus } from './corpus-state.js';
export { Corpus } from '../corpus/index.js';
export type { ClaimCluster, CopyGroup, CorpusExport, CorpusState, SpeakerReport, Story, Timeline } from '../corpus/index.js';
export { openStore, type OpenStoreOptions } from './open.js';
export { canonicalUrl, contentIdentity, pathIdentity } from '../input/identity.js';
export type {
  ClaimBrief, ClaimQuery, ClaimRow, CorpusSource, CorpusUpdate, IngestResult, IngestStatus, Page, PageQuery, SearchHit, SearchQuery, StatementBrief,
  StatementQuery, StatementRow, Store, StoreStats, TimelineQuery, TimelineRow, VersionChanges, VersionRow,
} from './store.js';
