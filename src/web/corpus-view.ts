/**
 * The corpus as the web app reads it: loaded from the store once (`loadCorpus`), with the lookups the pages
 * need built in one pass over its documents (document list, speakers with their statement counts, which claim
 * cluster each statement and claim landed in), and kept until the store changes: an analyse POST drops it, and
 * otherwise the store's counts are compared at most once a second (another process may ingest into the same
 * store). Requests never re-read the corpus or scan every stored analysis.
 */
import type { ClaimCluster, Corpus, CorpusState } from '../corpus/index.js';
import type { DocDigest } from '../corpus/record.js';
import type { ClaimStatus, StatementKind } from '../model/format.js';
import { loadCorpus } from '../store/corpus-state.js';
import type { Store, StoreStats } from '../store/store.js';

export interface DocSummary {
  id: string;
  title: string | null;
  url: string | null;
  published: string | null;
  outlet: string | null;
  statements: number;
  claims: number;
}

export interface SpeakerSummary {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  /** Statements with this entity among their speakers. */
  statements: number;
  documents: number;
  first: string | null;
  last: string | null;
  roles: string[];
}

/** What one stored statement is, for search facets: who, what kind, which claim statuses, when, about whom. */
export interface StatementFacts {
  speakers: { id: string | null; name: string }[];
  kind: StatementKind;
  statuses: ClaimStatus[];
  date: string | null;
  entities: string[];
}

export interface CorpusView {
  corpus: Corpus;
  documents: DocSummary[];
  documentById: Map<string, DocSummary>;
  speakers: SpeakerSummary[];
  speakerById: Map<string, SpeakerSummary>;
  clusters: ClaimCluster[];
  clusterById: Map<string, ClaimCluster>;
  /** `docId#claimId` and `docId#statementId` → claim cluster id. */
  clusterOf: Map<string, string>;
  statementFacts: Map<string, StatementFacts>;
  /** Names of the corpus entities of each document (for document search hits' entity facet). */
  documentEntities: Map<string, string[]>;
  entityName: (id: string) => string | null;
}

export function buildView(corpus: Corpus): CorpusView {
  const state: CorpusState = corpus.toState();
  const entities = corpus.entities();
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const refs = new Map<string, string>();
  for (const e of entities) for (const l of e.links) refs.set(`${l.docId}#${l.entityId}`, e.id);

  const clusters = corpus.claims().items;
  const clusterById = new Map(clusters.map((c) => [c.id, c]));
  const clusterOf = new Map<string, string>();
  const statusesOf = new Map<string, ClaimStatus[]>();
  for (const c of clusters) {
    for (const a of c.assertions) {
      if (a.claimId) clusterOf.set(`${a.docId}#${a.claimId}`, c.id);
      if (a.statementId) {
        const k = `${a.docId}#${a.statementId}`;
        if (!clusterOf.has(k)) clusterOf.set(k, c.id);
        const l = statusesOf.get(k) ?? [];
        if (!l.includes(a.status)) l.push(a.status);
        statusesOf.set(k, l);
      }
    }
  }

  const documents: DocSummary[] = [];
  const counts = new Map<string, { statements: number; docs: Set<string>; first: string | null; last: string | null }>();
  const statementFacts = new Map<string, StatementFacts>();
  const documentEntities = new Map<string, string[]>();
  for (const s of state.docs) {
    if (s.retired) continue;
    const d: DocDigest = s.digest;
    documents.push({ id: d.id, title: d.title, url: d.url, published: d.published, outlet: d.outlet,
      statements: d.statements.length, claims: d.claims.length });
    const corpusIdOf = (localId: string) => refs.get(`${d.id}#${localId}`) ?? null;
    documentEntities.set(d.id, [...new Set(d.entities.map((e) => entityById.get(corpusIdOf(e.id) ?? '')?.name ?? e.name))]);
    const claimEntities = new Map<string, string[]>();
    for (const c of d.claims) if (c.statement) claimEntities.set(c.statement, c.entities);
    for (const st of d.statements) {
      const date = st.time ?? d.published;
      const speakers = st.speakers.map((local) => {
        const id = corpusIdOf(local);
        return { id, name: (id ? entityById.get(id)?.name : null) ?? d.entities.find((e) => e.id === local)?.name ?? local };
      });
      if (speakers.length === 0 && st.speakerName) speakers.push({ id: null, name: st.speakerName });
      for (const sp of speakers) {
        if (!sp.id) continue;
        const c = counts.get(sp.id) ?? { statements: 0, docs: new Set<string>(), first: null, last: null };
        c.statements++;
        c.docs.add(d.id);
        if (date && (c.first === null || date < c.first)) c.first = date;
        if (date && (c.last === null || date > c.last)) c.last = date;
        counts.set(sp.id, c);
      }
      const mentioned = [...(claimEntities.get(st.id) ?? []), ...st.via]
        .map((local) => { const id = corpusIdOf(local); return (id ? entityById.get(id)?.name : null) ?? d.entities.find((e) => e.id === local)?.name; })
        .filter((x): x is string => !!x);
      statementFacts.set(`${d.id}#${st.id}`, {
        speakers, kind: st.kind, statuses: statusesOf.get(`${d.id}#${st.id}`) ?? [], date, entities: [...new Set(mentioned)],
      });
    }
  }
  const speakers: SpeakerSummary[] = [];
  for (const [id, c] of counts) {
    const e = entityById.get(id);
    if (!e) continue;
    speakers.push({ id, name: e.name, type: e.type, aliases: e.aliases, statements: c.statements, documents: c.docs.size,
      first: c.first, last: c.last, roles: [...new Set(e.roles.map((r) => r.role))] });
  }
  speakers.sort((a, b) => b.statements - a.statements || a.name.localeCompare(b.name));
  documents.sort((a, b) => ((b.published ?? '') < (a.published ?? '') ? -1 : (b.published ?? '') > (a.published ?? '') ? 1 : a.id < b.id ? -1 : 1));
  return {
    corpus, documents, documentById: new Map(documents.map((d) => [d.id, d])), speakers,
    speakerById: new Map(speakers.map((s) => [s.id, s])), clusters, clusterById, clusterOf, statementFacts, documentEntities,
    entityName: (id) => entityById.get(id)?.name ?? null,
  };
}

const stamp = (s: StoreStats) => `${s.documents}/${s.versions}/${s.statements}/${s.claims}`;

export class CorpusCache {
  private view: Promise<CorpusView> | null = null;
  private stamp: string | null = null;
  private checkedAt = 0;
  private checking: Promise<void> | null = null;

  constructor(private readonly store: Store, private readonly checkEveryMs = 1000) {}

  /** Forget the loaded corpus (the store was just written). */
  invalidate(): void {
    this.view = null;
    this.stamp = null;
  }

  async current(): Promise<CorpusView> {
    if (Date.now() - this.checkedAt >= this.checkEveryMs) {
      // One comparison at a time: concurrent requests wait for the same one.
      this.checking ??= this.check().finally(() => { this.checking = null; });
      await this.checking;
    }
    if (!this.view) this.view = this.load();
    return this.view;
  }

  private async check(): Promise<void> {
    const s = stamp(await this.store.stats());
    this.checkedAt = Date.now();
    if (this.stamp !== null && s !== this.stamp) this.view = null;
    this.stamp = s;
  }

  private load(): Promise<CorpusView> {
    const loading = loadCorpus(this.store).then(buildView);
    // A failed load is not kept: the next request tries again.
    loading.catch(() => { if (this.view === loading) this.view = null; });
    return loading;
  }
}
