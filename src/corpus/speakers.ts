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
  claims: () => ClaimCluster[];
}

export function speakerReport(nameOrId: string, limit: number | undefined, ctx: SpeakerContext): SpeakerReport {
  const byId = ctx.byId.get(nameOrId);
  const key = nameKey(nameOrId);
  const matched = byId ? [byId] : ctx.entities.filter((e) => nameMatches(key, [e.name, ...e.aliases]));
  const ids = new Set(matched.map((e) => e.id));
  const claimOf = new Map<string, { cluster: string; status: ClaimStatus; proposition: string }[]>();
  if (matched.length > 0) {
    for (const c of ctx.claims()) {
      for (const a of c.assertions) {
        if (!a.statementId) continue;
        const k = `${a.docId}#${a.statementId}`;
        const l = claimOf.get(k) ?? [];
        l.push({ cluster: c.id, status: a.status, proposition: c.proposition });
        claimOf.set(k, l);
      }
    }
  }
  const out: SpeakerStatement[] = [];
  ctx.docs.forEach((d, n) => {
    if (!ctx.live(n)) return;
    const boiler = ctx.boilerplate(n);
    for (const s of d.statements) {
      const who = s.speakers.map((id) => ctx.byRef.get(refKey(n, id))).find((c) => c && ids.has(c));
      if (!who) continue;
      const reportTime = s.time ?? d.published;
      const origin = ctx.origin(n);
      out.push({
        docId: d.id, docTitle: d.title, statementId: s.id, reportTime, kind: s.kind, cue: s.cue, content: s.content,
        channel: s.channel, via: s.via.map((v) => ctx.byId.get(ctx.byRef.get(refKey(n, v)) ?? '')?.name
          ?? d.entities.find((e) => e.id === v)?.name ?? v),
        roles: rolesAsOf(ctx.byId.get(who)!, reportTime, ctx.docs),
        claims: claimOf.get(`${d.id}#${s.id}`) ?? [], origin, copy: origin !== d.id, boilerplate: boiler.has(s.paragraph),
      });
    }
  });
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
