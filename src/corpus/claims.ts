/**
 * Claims across documents. Every claim of every document — and every statement that carries no claim, as an
 * assertion by its speaker — is an *assertion* of a proposition with a status by a party. Assertions of the same
 * proposition are clustered by their content stems, the entities they name and their numbers (different numbers
 * are different propositions: "39 dead" is not "12 dead"). A negated assertion ("the army has not withdrawn")
 * counts as a denial of the positive proposition.
 *
 * Per cluster: each party's statuses in as-of order, the latest superseding the earlier ones; and per current
 * status, the parties and the number of independent sources — documents of one copy group count once.
 */
import type { ClaimStatus } from '../model/format.js';
import { tag } from './hash.js';
import type { DocDigest } from './record.js';
import { contentStems, NEGATIONS, words } from './text.js';

export const CLAIM_STATUSES: readonly ClaimStatus[] = ['asserted', 'confirmed', 'denied', 'unconfirmed', 'disputed', 'retracted'];

/** How similar two assertions must be to share a proposition (Dice over content stems). */
export const SAME_PROPOSITION = 0.55;
/** ... or this similar when they also name a common entity. */
export const SAME_PROPOSITION_WITH_ENTITY = 0.4;
/** Content stems an assertion needs, and must share with another, to be clustered with it. */
export const MIN_STEMS = 3;

export interface Party {
  /** A corpus entity id, `name:<slug>` for an unlinked speaker ("officials"), or `outlet:<host>` for the report itself. */
  id: string;
  name: string;
}

export interface Assertion {
  docId: string;
  doc: number;
  claimId: string | null;
  statementId: string | null;
  text: string;
  status: ClaimStatus;
  party: Party;
  /** As-of date: the statement's own date, else the document's publication date; null when neither is known. */
  asOf: string | null;
  /** The origin document of this document's copy group (itself when it is the origin). */
  origin: string;
  /** A later status by the same party replaced this one. */
  superseded: boolean;
  /** The words setting the status ("denied"), when the claim names them. */
  evidence: string | null;
}

export interface StatusSummary {
  parties: Party[];
  /** Distinct copy groups with a current assertion of this status. */
  independentSources: number;
  documents: number;
}

export interface ClaimCluster {
  id: string;
  proposition: string;
  /** Corpus entities named in the proposition. */
  entities: string[];
  numbers: number[];
  first: string | null;
  last: string | null;
  assertions: Assertion[];
  /** Each party's latest status. */
  current: { party: Party; status: ClaimStatus; asOf: string | null }[];
  statuses: Partial<Record<ClaimStatus, StatusSummary>>;
}

/** What the cluster builder needs from the corpus. */
export interface ClaimContext {
  docs: readonly DocDigest[];
  live: (doc: number) => boolean;
  origin: (doc: number) => number;
  entityOf: (doc: number, entityId: string) => string | null;
  entityName: (id: string) => string;
  boilerplate: (doc: number) => ReadonlySet<number>;
}

interface Item {
  a: Assertion;
  stems: Set<string>;
  entities: string[];
  numbers: number[];
}

export function clusterClaims(ctx: ClaimContext): ClaimCluster[] {
  const items = collect(ctx);
  const df = new Map<string, number>();
  for (const it of items) for (const s of it.stems) df.set(s, (df.get(s) ?? 0) + 1);
  const leaders: Item[][] = [];
  const index = new Map<string, number[]>();
  for (const it of items) {
    const probe = [...it.stems].sort((x, y) => df.get(x)! - df.get(y)! || (x < y ? -1 : 1)).slice(0, 5);
    const seen = new Set<number>();
    let best = -1;
    let bestScore = 0;
    for (const s of probe) {
      for (const c of index.get(s) ?? []) {
        if (seen.has(c)) continue;
        seen.add(c);
        const score = similarity(leaders[c]![0]!, it);
        if (score > bestScore) { bestScore = score; best = c; }
      }
    }
    if (best >= 0) {
      leaders[best]!.push(it);
      continue;
    }
    const c = leaders.length;
    leaders.push([it]);
    for (const s of it.stems) {
      let l = index.get(s);
      if (!l) index.set(s, l = []);
      if (l.length < 2000) l.push(c);
    }
  }
  return leaders.map(summarise);
}

/** 0 when the two are not the same proposition, else their similarity. */
function similarity(a: Item, b: Item): number {
  // A proposition needs some content: "the attack" or "her account" alone would match every article about one.
  if (a.stems.size < MIN_STEMS || b.stems.size < MIN_STEMS) return 0;
  if (a.numbers.length > 0 && b.numbers.length > 0 && !a.numbers.some((n) => b.numbers.includes(n))) return 0;
  let shared = 0;
  for (const s of a.stems) if (b.stems.has(s)) shared++;
  if (shared < MIN_STEMS) return 0;
  const dice = (2 * shared) / (a.stems.size + b.stems.size);
  const sharedEntity = a.entities.some((e) => b.entities.includes(e));
  if (dice >= SAME_PROPOSITION || (sharedEntity && dice >= SAME_PROPOSITION_WITH_ENTITY)) return dice + (sharedEntity ? 0.1 : 0);
  return 0;
}

function collect(ctx: ClaimContext): Item[] {
  const items: Item[] = [];
  ctx.docs.forEach((d, doc) => {
    if (!ctx.live(doc) || (d.claims.length === 0 && d.statements.length === 0)) return;
    const boiler = ctx.boilerplate(doc);
    const origin = ctx.docs[ctx.origin(doc)]!.id;
    const statements = new Map(d.statements.map((s) => [s.id, s]));
    const withClaim = new Set(d.claims.map((c) => c.statement).filter((x): x is string => !!x));
    // When the report itself is the party, a copy speaks with its origin's voice: a syndicated confirmation is
    // the originating outlet's confirmation.
    const o = ctx.docs[ctx.origin(doc)]!;
    const outlet: Party = o.outlet ? { id: `outlet:${o.outlet}`, name: o.outlet } : { id: `doc:${o.id}`, name: o.title ?? o.id };
    const partyOf = (ids: string[], name: string | null): Party | null => {
      for (const id of ids) {
        const c = ctx.entityOf(doc, id);
        if (c) return { id: c, name: ctx.entityName(c) };
      }
      const local = ids.map((id) => d.entities.find((e) => e.id === id)?.name).find((x) => !!x);
      const n = local ?? name;
      return n ? { id: `name:${n.toLowerCase().replace(/\s+/g, '-')}`, name: n } : null;
    };
    const base = (text: string) => {
      const ws = words(text);
      return { negated: ws.some((w) => NEGATIONS.has(w)), stems: new Set(contentStems(text)) };
    };
    for (const c of d.claims) {
      if (boiler.has(c.paragraph)) continue;
      const st = c.statement ? statements.get(c.statement) : undefined;
      const { negated, stems } = base(c.text);
      let status = c.status;
      if (negated && status === 'asserted') status = 'denied';
      const party = partyOf(c.by, null) ?? (st ? partyOf(st.speakers, st.speakerName) : null) ?? outlet;
      items.push({
        a: {
          docId: d.id, doc, claimId: c.id, statementId: c.statement, text: c.text, status, party,
          asOf: st?.time ?? d.published, origin, superseded: false, evidence: c.evidence,
        },
        stems, entities: c.entities.map((e) => ctx.entityOf(doc, e)).filter((x): x is string => !!x),
        numbers: c.numbers,
      });
    }
    for (const s of d.statements) {
      if (withClaim.has(s.id) || boiler.has(s.paragraph)) continue;
      const { negated, stems } = base(s.content);
      const party = partyOf(s.speakers, s.speakerName) ?? outlet;
      const numbers = [...s.content.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, '')));
      items.push({
        a: {
          docId: d.id, doc, claimId: null, statementId: s.id, text: s.content, status: negated ? 'denied' : 'asserted',
          party, asOf: s.time ?? d.published, origin, superseded: false, evidence: null,
        },
        stems, entities: [], numbers,
      });
    }
  });
  return items;
}

function summarise(members: Item[]): ClaimCluster {
  const assertions = members.map((m) => m.a).sort((x, y) => cmpAsOf(x, y));
  const byParty = new Map<string, Assertion[]>();
  for (const a of assertions) {
    const l = byParty.get(a.party.id);
    if (l) l.push(a); else byParty.set(a.party.id, [a]);
  }
  const current: ClaimCluster['current'] = [];
  for (const list of byParty.values()) {
    const last = list[list.length - 1]!;
    for (const a of list) if (a.status !== last.status) a.superseded = true;
    current.push({ party: last.party, status: last.status, asOf: last.asOf });
  }
  const statuses: ClaimCluster['statuses'] = {};
  for (const status of CLAIM_STATUSES) {
    const live = assertions.filter((a) => a.status === status && !a.superseded);
    if (live.length === 0) continue;
    const parties = new Map<string, Party>();
    for (const a of live) parties.set(a.party.id, a.party);
    statuses[status] = {
      parties: [...parties.values()],
      independentSources: new Set(live.map((a) => a.origin)).size,
      documents: new Set(live.map((a) => a.docId)).size,
    };
  }
  const lead = members[0]!;
  const dates = assertions.map((a) => a.asOf).filter((x): x is string => !!x).sort();
  return {
    id: `claim:${tag(`${lead.a.docId}#${lead.a.claimId ?? lead.a.statementId}`)}`,
    proposition: lead.a.text,
    entities: [...new Set(members.flatMap((m) => m.entities))],
    numbers: [...new Set(members.flatMap((m) => m.numbers))],
    first: dates[0] ?? null, last: dates[dates.length - 1] ?? null,
    assertions, current, statuses,
  };
}

/** As-of order; undated assertions keep the order their documents arrived in, after dated ones of that document. */
function cmpAsOf(x: Assertion, y: Assertion): number {
  if (x.asOf && y.asOf && x.asOf !== y.asOf) return x.asOf < y.asOf ? -1 : 1;
  return x.doc - y.doc;
}
