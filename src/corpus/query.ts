/** Query shapes shared by the corpus views: pages that say how many more there are, and claim filters. */
import type { ClaimStatus } from '../model/format.js';
import type { ClaimCluster } from './claims.js';
import type { CorpusEntity } from './entities.js';
import { nameKey } from './entities.js';
import { contentStems } from './text.js';

export interface Page<T> {
  /** All matches before paging. */
  total: number;
  items: T[];
  /** Matches left after this page. */
  more: number;
}

export interface ClaimQuery {
  /** Keep clusters where some party's current status is one of these. */
  status?: ClaimStatus | ClaimStatus[];
  /** Keep clusters with a party whose id or name matches (case-insensitive; names also by surname or alias). */
  by?: string;
  /** Keep clusters whose proposition or named entities match these words. */
  about?: string;
  /** Keep clusters with an assertion dated on or after this date (YYYY-MM-DD). */
  since?: string;
  limit?: number;
  offset?: number;
}

export function filterClaims(all: ClaimCluster[], q: ClaimQuery, entity: (id: string) => CorpusEntity | null): Page<ClaimCluster> {
  const statuses = q.status === undefined ? null : new Set(Array.isArray(q.status) ? q.status : [q.status]);
  const by = q.by ? nameKey(q.by) : null;
  const about = q.about ? contentStems(q.about) : null;
  const out = all.filter((c) => {
    if (statuses && !c.current.some((x) => statuses.has(x.status))) return false;
    if (by && !c.assertions.some((a) => partyMatches(a.party, by, q.by!, entity))) return false;
    if (q.since && !(c.last && c.last >= q.since)) return false;
    if (about) {
      const have = new Set(contentStems(`${c.proposition} ${c.entities.map((e) => entity(e)?.name ?? '').join(' ')}`));
      if (!about.every((w) => have.has(w))) return false;
    }
    return true;
  });
  out.sort((a, b) => ((b.last ?? '') < (a.last ?? '') ? -1 : (b.last ?? '') > (a.last ?? '') ? 1 : 0));
  const offset = q.offset ?? 0;
  const items = q.limit === undefined ? out.slice(offset) : out.slice(offset, offset + q.limit);
  return { total: out.length, items, more: Math.max(0, out.length - offset - items.length) };
}

/** Whether an entity or party name answers a user's name query: whole name, alias, or its last word (surname). */
export function nameMatches(query: string, names: readonly string[]): boolean {
  for (const n of names) {
    const k = nameKey(n);
    if (k === query) return true;
    const ws = k.split(' ');
    if (!query.includes(' ') && ws.length > 1 && ws[ws.length - 1] === query) return true;
  }
  return false;
}

function partyMatches(p: { id: string; name: string }, key: string, raw: string, entity: (id: string) => CorpusEntity | null): boolean {
  if (p.id === raw) return true;
  const e = entity(p.id);
  return nameMatches(key, e ? [e.name, ...e.aliases] : [p.name]);
}
