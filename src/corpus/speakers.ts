/**
 * `speaker`: everything one speaker said across the corpus, in report-time order, with the roles the speaker
 * held as of each date (the latest role stated on or before it), the statuses of the claims the statement
 * makes, its channel and intermediaries, and whether it is a copy or boilerplate.
 */
import type { ClaimStatus, StatementKind } from '../model/format.js';
import type { ClaimCluster } from './claims.js';
import type { CorpusEntity } from './entities.js';
import { nameKey } from './entities.js';
import { refKey } from './entity-linker.js';
import { nameMatches, type Page } from './query.js';
import type { DocDigest } from './record.js';

export interface SpeakerStatement {
  docId: string;
  docTitle: string | null;
  statementId: string;
  /** When it was said: its own date, else the publication date, else null. */
  reportTime: string | null;
  kind: StatementKind;
  cue: string | null;
  content: string;
  channel: string | null;
  /** Intermediaries, by corpus entity name. */
  via: string[];
  /** Roles the speaker held as of `reportTime` (the latest stated on or before it). */
  roles: string[];
  /** The cluster and current status of each claim the statement makes. */
  claims: { cluster: string; status: ClaimStatus; proposition: string }[];
  /** The origin of the document's copy group (the statement is counted there once). */
  origin: string;
  copy: boolean;
  boilerplate: boolean;
}

export interface SpeakerReport {
  /** The entities the name matched (several when it is ambiguous: say which with the id). */
  entities: { id: string; name: string; type: string; aliases: string[] }[];
  statements: Page<SpeakerStatement>;
}

export interface SpeakerContext {
  docs: readonly DocDigest[];
  live: (n: number) => boolean;
  entities: CorpusEntity[];
  byId: Map<string, CorpusEntity>;
  byRef: Map<string, string>;
  firstSeen: readonly (string | null)[];
  origin: (n: number) => string;
  boilerplate: (n: number) => ReadonlySet<number>;
  /** The corpus's speaker index, built once per corpus state (see `buildSpeakerIndex`). */
  index: () => SpeakerIndex;
}

type ClaimRef = { cluster: string; status: ClaimStatus; proposition: string };

/**
 * Which statements each corpus entity is a speaker of, and which claim clusters each statement landed in: built
 * in one pass over the corpus and kept until the corpus changes, so a speaker page reads only that speaker's
 * statements instead of scanning every stored statement and every claim cluster per request.
 */
export interface SpeakerIndex {
  /** Corpus entity id → (document number, statement) pairs, in corpus order. */
  statementsOf: Map<string, { n: number; i: number }[]>;
  /** `docId#statementId` → the claim clusters of the claims that statement makes. */
  claimsOf: Map<string, ClaimRef[]>;
}

export function buildSpeakerIndex(
  docs: readonly DocDigest[], live: (n: number) => boolean, byRef: Map<string, string>, claims: ClaimCluster[],
): SpeakerIndex {
  const statementsOf: SpeakerIndex['statementsOf'] = new Map();
  docs.forEach((d, n) => {
    if (!live(n)) return;
    d.statements.forEach((s, i) => {
      // A statement with two local speakers linked to one corpus entity is listed once for it.
      const seen = new Set<string>();
      for (const local of s.speakers) {
        const id = byRef.get(refKey(n, local));
        if (!id || seen.has(id)) continue;
        seen.add(id);
        const l = statementsOf.get(id);
        if (l) l.push({ n, i }); else statementsOf.set(id, [{ n, i }]);
      }
    });
  });
  const claimsOf = new Map<string, ClaimRef[]>();
  for (const c of claims) {
    for (const a of c.assertions) {
      if (!a.statementId) continue;
      const k = `${a.docId}#${a.statementId}`;
      const l = claimsOf.get(k);
      const ref = { cluster: c.id, status: a.status, proposition: c.proposition };
      if (l) l.push(ref); else claimsOf.set(k, [ref]);
    }
  }
  return { statementsOf, claimsOf };
}

export function speakerReport(nameOrId: string, limit: number | undefined, ctx: SpeakerContext): SpeakerReport {
  const byId = ctx.byId.get(nameOrId);
  const key = nameKey(nameOrId);
  const matched = byId ? [byId] : ctx.entities.filter((e) => nameMatches(key, [e.name, ...e.aliases]));
  const out: SpeakerStatement[] = [];
  if (matched.length > 0) {
    const index = ctx.index();
    // Several matched entities can share a statement: list it once, under the first that spoke it.
    const hits = new Map<string, { n: number; i: number; who: string }>();
    for (const e of matched) {
      for (const { n, i } of index.statementsOf.get(e.id) ?? []) {
        const k = `${n}#${i}`;
        if (!hits.has(k)) hits.set(k, { n, i, who: e.id });
      }
    }
    // Corpus order first, so the stable sort by report time below keeps equal times in reading order.
    const ordered = [...hits.values()].sort((a, b) => a.n - b.n || a.i - b.i);
    for (const { n, i, who } of ordered) {
      const d = ctx.docs[n]!;
      const s = d.statements[i]!;
      const reportTime = s.time ?? d.published;
      const origin = ctx.origin(n);
      out.push({
        docId: d.id, docTitle: d.title, statementId: s.id, reportTime, kind: s.kind, cue: s.cue, content: s.content,
        channel: s.channel, via: s.via.map((v) => ctx.byId.get(ctx.byRef.get(refKey(n, v)) ?? '')?.name
          ?? d.entities.find((e) => e.id === v)?.name ?? v),
        roles: rolesAsOf(ctx.byId.get(who)!, reportTime, ctx.docs),
        claims: index.claimsOf.get(`${d.id}#${s.id}`) ?? [], origin, copy: origin !== d.id, boilerplate: ctx.boilerplate(n).has(s.paragraph),
      });
    }
  }
  const order = (s: SpeakerStatement) => s.reportTime ?? '\uffff';
  out.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  const items = limit === undefined ? out : out.slice(0, limit);
  return {
    entities: matched.map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases })),
    statements: { total: out.length, items, more: out.length - items.length },
  };
}

/** The roles stated on the latest date on or before `date` (all roles when the date is unknown). */
function rolesAsOf(e: CorpusEntity, date: string | null, docs: readonly DocDigest[]): string[] {
  if (!date) return [...new Set(e.roles.map((r) => r.role))];
  let best: string | null = null;
  for (const r of e.roles) {
    const p = docs[r.doc]!.published;
    if (p && p <= date && (best === null || p > best)) best = p;
  }
  const undated = e.roles.filter((r) => !docs[r.doc]!.published).map((r) => r.role);
  const dated = best === null ? [] : e.roles.filter((r) => docs[r.doc]!.published === best).map((r) => r.role);
  return [...new Set([...dated, ...undated])];
}
