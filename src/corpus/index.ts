/** The corpus layer: copies, boilerplate, speakers, claims and stories across `claimline/1` records. */
export { Corpus, page, type AddOptions, type AddResult, type CopyGroup } from './corpus.js';
export { CORPUS_SCHEMA, STATE_SCHEMA, type CorpusExport, type CorpusState } from './format.js';
export type { ClaimCluster, Assertion, Party, StatusSummary } from './claims.js';
export type { CorpusEntity, EntityLink } from './entities.js';
export type { Story, Timeline, TimelineItem } from './stories.js';
export type { SpeakerReport, SpeakerStatement } from './speakers.js';
export type { ClaimQuery, Page } from './query.js';
export { fingerprint, simhashDistance, simhashHex, containmentEstimate, type Fingerprint } from './fingerprint.js';
export { documentOnly, type BareDocument } from './bare.js';
