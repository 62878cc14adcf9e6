/**
 * The corpus: every article added so far, seen together. `add` is cheap (a digest and a fingerprint, copies
 * found at once); the cross-document views — entities, claims, stories — are computed when first asked for and
 * cached until the next `add`. `toState`/`fromState` give a store a JSON value to persist; `export` writes the
 * `claimline/corpus` record (docs/corpus.md).
 */
import type { AnalysisOut } from '../model/format.js';
import { BandIndex } from './band-index.js';
import { clusterClaims, type ClaimCluster } from './claims.js';
import { CopyDetector, type CopyMatch } from './copies.js';
import { linkEntities, refKey } from './entity-linker.js';
import type { CorpusEntity } from './entities.js';
import { fingerprint, MINHASH_SIZE, simhashHex, type Fingerprint } from './fingerprint.js';
import { digest, type DocDigest } from './record.js';
import { buildTimeline, groupStories, type Story, type Timeline } from './stories.js';
import { buildSpeakerIndex, speakerReport, type SpeakerIndex, type SpeakerReport } from './speakers.js';
import { filterClaims, type ClaimQuery, type Page } from './query.js';
import {
  CORPUS_SCHEMA, STATE_SCHEMA, type CopyGroup, type CorpusExport, type CorpusState, type DocState,
} from './format.js';

export type { CopyGroup } from './format.js';

/** A paragraph is boilerplate when it recurs in this many different copy groups of one outlet ... */
export const BOILERPLATE_SAME_OUTLET = 3;
/** ... or of any outlets. */
export const BOILERPLATE_ANY_OUTLET = 5;

export interface AddOptions {
  /** When the article was first seen (ISO timestamp), for ordering articles without a publication date. */
  firstSeen?: string | null;
}

export interface AddResult {
  docId: string;
  /** The document's number in the corpus (order of arrival). */
  number: number;
  /** The origin of its copy group: its own id when it is not a copy of an earlier article. */
  origin: string;
  /** Earlier articles it was found to copy, with the evidence. */
  copyOf: { docId: string; jaccard: number; containment: number; simhashBits: number }[];
  /** True when this id was already in the corpus: the earlier version is retired. */
  replaced: boolean;
}

interface Derived {
  entities?: { list: CorpusEntity[]; byRef: Map<string, string>; byId: Map<string, CorpusEntity> };
  claims?: ClaimCluster[];
  stories?: { stories: Story[]; storyOf: Map<number, number> };
  speakers?: SpeakerIndex;
  boilerplate: Map<number, Set<number>>;
}

export class Corpus {
  private readonly docs: DocDigest[] = [];
  private readonly firstSeen: (string | null)[] = [];
  private readonly retired: boolean[] = [];
  private readonly numberOf = new Map<string, number>();
  private readonly detector = new CopyDetector();
  private readonly paragraphIndex = new BandIndex(1 << 12);
  private readonly entityIds = new Map<string, string>();
  private derived: Derived = { boilerplate: new Map() };

  get size(): number { return this.numberOf.size; }
  /** Documents held, replaced ones included: the length of its state's document list. */
  get held(): number { return this.docs.length; }

  has(docId: string): boolean { return this.numberOf.has(docId); }

  add(a: AnalysisOut, options: AddOptions = {}): AddResult {
    return this.addDigest(digest(a), fingerprint(a.document.text), options.firstSeen ?? null);
  }

  private addDigest(d: DocDigest, fp: Fingerprint, firstSeen: string | null, retired = false): AddResult {
    const n = this.docs.length;
    const previous = this.numberOf.get(d.id);
    if (previous !== undefined) this.retired[previous] = true;
    this.docs.push(d);
    this.firstSeen.push(firstSeen);
    this.retired.push(retired);
    if (!retired) this.numberOf.set(d.id, n);
    const matches = this.detector.add(fp).filter((m: CopyMatch) => !this.retired[m.doc]);
    for (const h of new Set(d.paragraphs)) this.paragraphIndex.add(h, n);
    this.derived = { boilerplate: new Map() };
    return {
      docId: d.id, number: n, origin: this.docs[this.originOf(n)]!.id,
      copyOf: matches.map((m) => ({
        docId: this.docs[m.doc]!.id, jaccard: round(m.jaccard), containment: round(m.containment), simhashBits: m.simhashBits,
      })),
      replaced: previous !== undefined,
    };
  }

  /** The earliest live member of `n`'s copy group: by publication date when both have one, else arrival. */
  private originOf(n: number): number {
    return this.groupMembers(n)[0] ?? n;
  }

  private groupMembers(n: number): number[] {
    return this.detector.membersOf(n).filter((m) => !this.retired[m]).sort((a, b) => this.cmpOrigin(a, b));
  }

  private cmpOrigin(a: number, b: number): number {
    const x = this.docs[a]!.published;
    const y = this.docs[b]!.published;
    if (x && y && x !== y) return x < y ? -1 : 1;
    return a - b;
  }

  /** Copy groups with more than one live document, origin first. */
  copies(): CopyGroup[] {
    const out: CopyGroup[] = [];
    for (const members of this.detector.multiGroups()) {
      const live = members.filter((m) => !this.retired[m]).sort((a, b) => this.cmpOrigin(a, b));
      if (live.length < 2) continue;
      out.push(this.copyGroup(live));
    }
    return out;
  }

  /** The copy group of one document (just itself when it has no copies); null for an unknown id. */
  copiesOf(docId: string): CopyGroup | null {
    const n = this.numberOf.get(docId);
    return n === undefined ? null : this.copyGroup(this.groupMembers(n));
  }

  private copyGroup(members: number[]): CopyGroup {
    return {
      origin: this.docs[members[0]!]!.id,
      documents: members.map((m) => ({ docId: this.docs[m]!.id, published: this.docs[m]!.published, firstSeen: this.firstSeen[m]! })),
    };
  }

  /** Paragraph numbers of a document that are boilerplate: standing text repeated across an outlet's stories. */
  boilerplate(docId: string): number[] {
    const n = this.numberOf.get(docId);
    return n === undefined ? [] : [...this.boilerplateOf(n)].sort((a, b) => a - b);
  }

  private boilerplateOf(n: number): ReadonlySet<number> {
    const cached = this.derived.boilerplate.get(n);
    if (cached) return cached;
    const d = this.docs[n]!;
    const out = new Set<number>();
    d.paragraphs.forEach((h, p) => {
      const groups = new Set<number>();
      const sameOutlet = new Set<number>();
      // Stops at the first verdict: a standing paragraph may be in thousands of articles.
      const found = this.paragraphIndex.some(h, (m) => {
        if (this.retired[m]) return false;
        const g = this.detector.group(m);
        groups.add(g);
        if ((this.docs[m]!.outlet ?? '') === (d.outlet ?? '')) sameOutlet.add(g);
        return sameOutlet.size >= BOILERPLATE_SAME_OUTLET || groups.size >= BOILERPLATE_ANY_OUTLET;
      });
      if (found) out.add(p);
    });
    this.derived.boilerplate.set(n, out);
    return out;
  }

  private live = (n: number) => !this.retired[n];

  private linked() {
    if (!this.derived.entities) {
      const visible = this.docs.map((d, n) => (this.retired[n] ? { ...d, entities: [] } : d));
      const { entities, byRef } = linkEntities(visible, this.entityIds);
      this.derived.entities = { list: entities, byRef, byId: new Map(entities.flatMap((e) => [[e.id, e], ...e.formerIds.map((f) => [f, e] as const)])) };
    }
    return this.derived.entities;
  }

  /** Every corpus entity, in order of first appearance. */
  entities(): CorpusEntity[] { return this.linked().list; }

  /** One entity by id (a former id of a merged entity also finds it). */
  entity(id: string): CorpusEntity | null { return this.linked().byId.get(id) ?? null; }

  /** The corpus entity a document entity was linked to. */
  entityOf(docId: string, entityId: string): string | null {
    const n = this.numberOf.get(docId);
    return n === undefined ? null : this.linked().byRef.get(refKey(n, entityId)) ?? null;
  }

  /** Everything said by the speakers matching `nameOrId`, in report-time order (see speakers.ts). */
  speaker(nameOrId: string, options: { limit?: number } = {}): SpeakerReport {
    const { list, byRef, byId } = this.linked();
    return speakerReport(nameOrId, options.limit, {
      docs: this.docs, live: this.live, entities: list, byId, byRef, firstSeen: this.firstSeen,
      origin: (n) => this.docs[this.originOf(n)]!.id, boilerplate: (n) => this.boilerplateOf(n),
      index: () => (this.derived.speakers ??= buildSpeakerIndex(this.docs, this.live, byRef, this.claimClusters())),
    });
  }

  private claimClusters(): ClaimCluster[] {
    if (!this.derived.claims) {
      const { byRef, byId } = this.linked();
      this.derived.claims = clusterClaims({
        docs: this.docs, live: this.live, origin: (n) => this.originOf(n),
        entityOf: (n, id) => byRef.get(refKey(n, id)) ?? null, entityName: (id) => byId.get(id)?.name ?? id,
        boilerplate: (n) => this.boilerplateOf(n),
      });
    }
    return this.derived.claims;
  }

  /** Claim clusters, filtered (status, party, topic, date) and paged. */
  claims(q: ClaimQuery = {}): Page<ClaimCluster> {
    return filterClaims(this.claimClusters(), q, (id) => this.linked().byId.get(id) ?? null);
  }

  private storyGroups() {
    if (!this.derived.stories) {
      const { byRef } = this.linked();
      this.derived.stories = groupStories({
        docs: this.docs, live: this.live, origin: (n) => this.originOf(n),
        salientEntities: (n) => this.docs[n]!.entities
          .filter((e) => e.mentions >= 2 && (e.type === 'PERSON' || e.type === 'ORG' || e.type === 'GPE'))
          .map((e) => byRef.get(refKey(n, e.id)))
          .filter((x): x is string => !!x),
      });
    }
    return this.derived.stories;
  }

  /** Stories, most recent first. */
  stories(options: { limit?: number; offset?: number } = {}): Page<Story> {
    const all = [...this.storyGroups().stories].sort((a, b) => ((b.last ?? '') < (a.last ?? '') ? -1 : (b.last ?? '') > (a.last ?? '') ? 1 : 0));
    return page(all, options.limit, options.offset);
  }

  /** The story a document belongs to. */
  storyOf(docId: string): Story | null {
    const n = this.numberOf.get(docId);
    if (n === undefined) return null;
    const g = this.storyGroups();
    const s = g.storyOf.get(n);
    return s === undefined ? null : g.stories[s]!;
  }

  /** The timeline of a story, by story id or by the id of any of its documents. */
  timeline(storyOrDocId: string): Timeline | null {
    const g = this.storyGroups();
    const story = g.stories.find((s) => s.id === storyOrDocId) ?? this.storyOf(storyOrDocId);
    if (!story) return null;
    const { byRef, byId } = this.linked();
    const numbers = story.documents.map((id) => this.numberOf.get(id)!);
    return buildTimeline(story, numbers, {
      docs: this.docs, boilerplate: (n) => this.boilerplateOf(n),
      speaker: (n, ids, name) => {
        for (const id of ids) {
          const c = byRef.get(refKey(n, id));
          if (c) return { id: c, name: byId.get(c)?.name ?? c };
        }
        return name ? { id: null, name } : null;
      },
    });
  }

  /** A JSON value that `fromState` turns back into an equal corpus. */
  toState(): CorpusState {
    const docs: DocState[] = this.docs.map((d, n) => {
      const fp = this.detector.fingerprintOf(n);
      return {
        digest: d, firstSeen: this.firstSeen[n]!, retired: this.retired[n]!,
        fingerprint: {
          shingles: fp.shingleCount, simhash: simhashHex(fp),
          minhash: Buffer.from(fp.minhash.buffer, fp.minhash.byteOffset, fp.minhash.byteLength).toString('base64'),
        },
      };
    });
    return { schema: STATE_SCHEMA, docs, entityIds: [...this.entityIds] };
  }

  static fromState(state: CorpusState): Corpus {
    const c = new Corpus();
    c.extendFromState(state);
    return c;
  }

  /**
   * Brings this corpus up to `state` when it already holds the first documents of it (it was restored from, or
   * written as, an earlier state that `state` grew from): only the documents after those are added, which costs
   * what they cost, not what the whole corpus does. Throws, changing nothing, when this corpus is not such a prefix.
   */
  extendFromState(state: CorpusState): void {
    if (state.schema !== STATE_SCHEMA) throw new Error(`not a corpus state: ${String(state.schema)}`);
    const held = this.docs.length;
    if (state.docs.length < held || (held > 0 && state.docs[held - 1]!.digest.id !== this.docs[held - 1]!.id)) {
      throw new Error('the corpus is not a prefix of this state');
    }
    for (const [k, v] of state.entityIds) this.entityIds.set(k, v);
    for (const s of state.docs.slice(held)) this.addDigest(s.digest, fingerprintFromState(s.fingerprint), s.firstSeen, s.retired);
  }

  /** The `claimline/corpus` export: copies, boilerplate, entities, claims, stories with timelines. */
  export(): CorpusExport {
    const stories = this.storyGroups().stories;
    return {
      schema: CORPUS_SCHEMA,
      documents: this.docs.flatMap((d, n) => (this.retired[n] ? [] : [{
        id: d.id, title: d.title, url: d.url, published: d.published, outlet: d.outlet, firstSeen: this.firstSeen[n]!,
        origin: this.docs[this.originOf(n)]!.id, boilerplateParagraphs: [...this.boilerplateOf(n)].sort((a, b) => a - b),
      }])),
      copies: this.copies(),
      entities: this.entities().map((e) => ({
        id: e.id, formerIds: e.formerIds, name: e.name, type: e.type, aliases: e.aliases,
        roles: e.roles.map((r) => ({ role: r.role, docId: this.docs[r.doc]!.id, asOf: this.docs[r.doc]!.published })),
        links: e.links.map((l) => ({ docId: l.docId, entityId: l.entityId, name: l.name, reason: l.reason })),
        keptApart: e.keptApart,
      })),
      claims: this.claimClusters().map((c) => ({ ...c, assertions: c.assertions.map(({ doc: _doc, ...a }) => a) })),
      stories: stories.map((s) => ({ ...s, timeline: this.timeline(s.id)!.items })),
    };
  }
}

function fingerprintFromState(f: DocState['fingerprint']): Fingerprint {
  const bytes = Buffer.from(f.minhash, 'base64');
  const minhash = new Uint32Array(MINHASH_SIZE);
  new Uint8Array(minhash.buffer).set(bytes.subarray(0, MINHASH_SIZE * 4));
  return {
    shingleCount: f.shingles, simhashHi: parseInt(f.simhash.slice(0, 8), 16) >>> 0,
    simhashLo: parseInt(f.simhash.slice(8, 16), 16) >>> 0, minhash,
  };
}

function round(x: number): number { return Math.round(x * 1000) / 1000; }

export function page<T>(all: T[], limit?: number, offset = 0): Page<T> {
  const items = limit === undefined ? all.slice(offset) : all.slice(offset, offset + limit);
  return { total: all.length, items, more: Math.max(0, all.length - offset - items.length) };
}
