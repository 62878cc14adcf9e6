/**
 * What changed between two versions of one document, in the terms a reader of stealth edits cares about:
 * statements added, removed or reworded, claims whose status changed. Offsets and ids move with any edit,
 * so statements and claims are matched by speaker and wording, not by id.
 */
import type { AnalysisOut, ClaimOut } from '../model/format.js';
import { entityNames, speakerName, statementContent } from './statement-text.js';
import type { ClaimBrief, StatementBrief, VersionChanges, VersionRow } from './store.js';

/** Share of content words two wordings must have in common to count as one statement reworded. */
const REWORDED_MIN_OVERLAP = 0.5;

const normal = (s: string | null): string =>
  (s ?? '').toLowerCase().replace(/[\p{P}\p{S}]+/gu, ' ').replace(/\s+/g, ' ').trim();

function words(s: string): Set<string> {
  return new Set(normal(s).split(' ').filter((w) => w.length > 2));
}

function overlap(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 || wb.size === 0) return normal(a) === normal(b) ? 1 : 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / (wa.size + wb.size - shared);
}

function statementBriefs(a: AnalysisOut): StatementBrief[] {
  const names = entityNames(a);
  return a.statements.map((st) => ({ statementId: st.id, speaker: speakerName(names, st), content: statementContent(st) }));
}

const claimBrief = (c: ClaimOut): ClaimBrief => ({ claimId: c.id, text: c.text.text, status: c.status });

/**
 * Pairs items of `before` and `after`: first those with equal keys, then the most similar remaining pairs that
 * `similar` scores at or above `min`. Returns the pairs and what is left on each side, in document order.
 */
function match<T>(before: T[], after: T[], key: (x: T) => string, similar: (x: T, y: T) => number, min: number):
  { pairs: [T, T][]; similarPairs: [T, T][]; removed: T[]; added: T[] } {
  const pairs: [T, T][] = [];
  const left = new Set(before);
  const right = new Set(after);
  const byKey = new Map<string, T[]>();
  for (const y of after) byKey.set(key(y), [...(byKey.get(key(y)) ?? []), y]);
  for (const x of before) {
    const y = byKey.get(key(x))?.find((c) => right.has(c));
    if (y === undefined) continue;
    pairs.push([x, y]);
    left.delete(x);
    right.delete(y);
  }
  const candidates: { x: T; y: T; score: number }[] = [];
  for (const x of left) for (const y of right) {
    const score = similar(x, y);
    if (score >= min) candidates.push({ x, y, score });
  }
  candidates.sort((p, q) => q.score - p.score);
  const similarPairs: [T, T][] = [];
  for (const { x, y } of candidates) {
    if (!left.has(x) || !right.has(y)) continue;
    similarPairs.push([x, y]);
    left.delete(x);
    right.delete(y);
  }
  return { pairs, similarPairs, removed: before.filter((x) => left.has(x)), added: after.filter((y) => right.has(y)) };
}

export function diffVersions(before: AnalysisOut, after: AnalysisOut): VersionChanges {
  const st = match(statementBriefs(before), statementBriefs(after),
    (s) => `${normal(s.speaker)}\u0000${normal(s.content)}`,
    (x, y) => (normal(x.speaker) === normal(y.speaker) ? overlap(x.content, y.content) : 0), REWORDED_MIN_OVERLAP);
  const cl = match(before.claims.map(claimBrief), after.claims.map(claimBrief), (c) => normal(c.text),
    (x, y) => overlap(x.text, y.text), REWORDED_MIN_OVERLAP);
  return {
    textChanged: before.document.text !== after.document.text,
    titleChanged: before.document.title !== after.document.title,
    statementsAdded: st.added,
    statementsRemoved: st.removed,
    statementsReworded: st.similarPairs.map(([b, a]) => ({ before: b, after: a })),
    claimsAdded: cl.added,
    claimsRemoved: cl.removed,
    claimStatusChanged: [...cl.pairs, ...cl.similarPairs].filter(([b, a]) => b.status !== a.status)
      .map(([b, a]) => ({ before: b, after: a })),
  };
}

/** A document's stored versions as read by a backend, oldest first: each with what changed from the one before. */
export function versionRows(docId: string, rows: { version: number; title: string | null; published: string | null;
  ingestedAt: string; textHash: string; current: boolean; analysis: string | null }[]): VersionRow[] {
  let previous: AnalysisOut | null = null;
  return rows.map((r) => {
    const a = r.analysis === null ? null : (JSON.parse(r.analysis) as AnalysisOut);
    const changes = previous && a ? diffVersions(previous, a) : null;
    previous = a;
    return { docId, version: r.version, current: r.current, title: r.title, published: r.published,
      ingestedAt: r.ingestedAt, textHash: r.textHash, changes };
  });
}
