/**
 * The `claimline/corpus` export and the corpus state a store persists. The prose twin is docs/corpus.md.
 * Field names are a public contract: add, never rename.
 */
import type { EntityType } from '../model/format.js';
import type { ClaimCluster, Assertion } from './claims.js';
import type { DocDigest } from './record.js';
import type { Story, TimelineItem } from './stories.js';

export const CORPUS_SCHEMA = 'claimline/corpus';
export const STATE_SCHEMA = 'claimline/corpus-state/1';

/** One copy group: the origin first, then the copies. */
export interface CopyGroup {
  origin: string;
  documents: { docId: string; published: string | null; firstSeen: string | null }[];
}

export interface DocState {
  digest: DocDigest;
  firstSeen: string | null;
  retired: boolean;
  fingerprint: { shingles: number; simhash: string; minhash: string };
}

export interface CorpusState {
  schema: typeof STATE_SCHEMA;
  docs: DocState[];
  /** `docNumber#entityId` → corpus entity id, so ids survive recomputation. */
  entityIds: [string, string][];
}

export interface CorpusExport {
  schema: typeof CORPUS_SCHEMA;
  documents: {
    id: string; title: string | null; url: string | null; published: string | null; outlet: string | null;
    firstSeen: string | null; origin: string; boilerplateParagraphs: number[];
  }[];
  copies: CopyGroup[];
  entities: {
    id: string; formerIds: string[]; name: string; type: EntityType; aliases: string[];
    roles: { role: string; docId: string; asOf: string | null }[];
    links: { docId: string; entityId: string; name: string; reason: string }[];
    keptApart: string[];
  }[];
  claims: (Omit<ClaimCluster, 'assertions'> & { assertions: Omit<Assertion, 'doc'>[] })[];
  stories: (Story & { timeline: TimelineItem[] })[];
}
