/**
 * Claims against the news gold (SCORING.md, "Claims"): each gold claim is paired with the system claim of the
 * statement that found its statement, or else with a system claim overlapping its text or evidence by half
 * (among several, the one covering most, then the one whose evidence covers most of the gold evidence);
 * then status, parties (`by`) and both. A flipped polarity is counted apart: the product must never report as
 * confirmed what the article says is denied or unconfirmed, nor the other way round.
 */
import type { AnalysisOut, ClaimOut, Span } from '../../model/format.js';
import type { GoldClaim, GoldDoc } from './gold.js';
import { clip, isPronoun, normaliseName, overlap } from './normalise.js';

export interface ClaimCounts {
  gold: number;
  found: number;
  statusRight: number;
  partiesRight: number;
  bothRight: number;
  /** Gold confirmed vs system denied, gold denied vs system confirmed, gold unconfirmed vs system confirmed. */
  flipped: number;
}

const FALLBACK_COVERAGE = 0.5;

/** True when the system status reverses the gold one (see `ClaimCounts.flipped`). */
export function isFlipped(gold: string, system: string): boolean {
  return (gold === 'confirmed' && system === 'denied')
    || ((gold === 'denied' || gold === 'unconfirmed') && system === 'confirmed');
}

/** The largest share of the gold claim's text or evidence that the system claim's text or evidence covers. */
function coverage(g: GoldClaim, s: ClaimOut): number {
  let best = 0;
  for (const gs of [g.text, g.evidence]) {
    if (!gs || gs.end <= gs.start) continue;
    for (const ss of [s.text, s.evidence]) if (ss) best = Math.max(best, overlap(gs, ss) / (gs.end - gs.start));
  }
  return best;
}

/** The share of the gold claim's evidence that the system claim's evidence covers (0 when either has none). */
function evidenceCoverage(g: GoldClaim, s: ClaimOut): number {
  if (!g.evidence || !s.evidence || g.evidence.end <= g.evidence.start) return 0;
  return overlap(g.evidence, s.evidence) / (g.evidence.end - g.evidence.start);
}

/**
 * The system claim for a gold claim, or null (rules in the file comment). One statement may carry several claims
 * on the same text when the article reports several reactions to it ("denied by A", "confirmed later by B");
 * their texts cover the gold claim equally, so the one whose evidence covers the gold claim's evidence is the
 * system's record of that reaction (SCORING.md pairs claims by their text or evidence).
 */
export function systemClaimFor(g: GoldClaim, systemStatementId: string | null, claims: readonly ClaimOut[]): ClaimOut | null {
  const better = (c: ClaimOut, best: ClaimOut) => {
    const a = coverage(g, c);
    const b = coverage(g, best);
    return a > b || (a === b && evidenceCoverage(g, c) > evidenceCoverage(g, best));
  };
  const byCoverage = (list: readonly ClaimOut[]) => list.reduce<ClaimOut | null>((best, c) =>
    (best === null || better(c, best) ? c : best), null);
  if (systemStatementId !== null) {
    const linked = byCoverage(claims.filter((c) => c.statement === systemStatementId));
    if (linked) return linked;
  }
  const near = byCoverage(claims);
  return near && coverage(g, near) >= FALLBACK_COVERAGE ? near : null;
}

/** Whether every gold party meets a distinct system party by name strings, with no system party left over. */
export function partiesRight(goldParties: readonly string[][], systemParties: readonly string[][]): boolean {
  if (goldParties.length !== systemParties.length) return false;
  // Bipartite matching by augmenting paths: the sets are tiny, but a greedy pass could pair the wrong two.
  const owner = systemParties.map(() => -1);
  const meets = (g: number, s: number) => goldParties[g]!.some((x) => systemParties[s]!.includes(x));
  const assign = (g: number, seen: Uint8Array): boolean => {
    for (let s = 0; s < systemParties.length; s++) {
      if (seen[s] || !meets(g, s)) continue;
      seen[s] = 1;
      if (owner[s] === -1 || assign(owner[s]!, seen)) { owner[s] = g; return true; }
    }
    return false;
  };
  return goldParties.every((_, g) => assign(g, new Uint8Array(systemParties.length)));
}

function goldPartyStrings(doc: GoldDoc, id: string): string[] {
  const e = doc.gold.entities.find((x) => x.id === id);
  if (!e) return [];
  return [e.name, ...e.mentions.map((m) => m.text)].filter((s) => !isPronoun(s)).map(normaliseName).filter(Boolean);
}

function systemPartyStrings(rec: AnalysisOut, id: string): string[] {
  const e = rec.entities.find((x) => x.id === id);
  return e && !isPronoun(e.name) ? [normaliseName(e.name)] : [];
}

const names = (ids: readonly string[], find: (id: string) => string | undefined) =>
  `[${ids.map((id) => find(id) ?? id).join('; ')}]`;

/**
 * @param systemStatementFor the id of the system statement that found a gold statement (by gold statement id),
 *   or null when it was not found.
 */
export function scoreClaims(doc: GoldDoc, rec: AnalysisOut | null, systemStatementFor: (goldStatementId: string) => string | null):
  { counts: ClaimCounts; issues: string[] } {
  const c: ClaimCounts = { gold: doc.gold.claims.length, found: 0, statusRight: 0, partiesRight: 0, bothRight: 0, flipped: 0 };
  const issues: string[] = [];
  const goldName = (id: string) => doc.gold.entities.find((e) => e.id === id)?.name;
  const sysName = (id: string) => rec?.entities.find((e) => e.id === id)?.name;
  const label = (g: GoldClaim) => `${g.statement ?? '-'} "${clip(g.text.text, 60)}"`;
  for (const g of doc.gold.claims) {
    const s = rec ? systemClaimFor(g, g.statement ? systemStatementFor(g.statement) : null, rec.claims) : null;
    if (!s) {
      issues.push(`claim missed\t${label(g)} ${g.status} by ${names(g.by, goldName)}${evidence(g.evidence)}`);
      continue;
    }
    c.found++;
    const statusOk = s.status === g.status;
    const uniqueBy = [...new Set(s.by)];
    const partiesOk = partiesRight(g.by.map((id) => goldPartyStrings(doc, id)), uniqueBy.map((id) => systemPartyStrings(rec!, id)));
    if (statusOk) c.statusRight++;
    if (partiesOk) c.partiesRight++;
    if (statusOk && partiesOk) c.bothRight++;
    if (isFlipped(g.status, s.status)) {
      c.flipped++;
      issues.push(`claim FLIPPED\t${label(g)} gold ${g.status} vs system ${s.id} ${s.status}${evidence(s.evidence)}`);
    } else if (!statusOk) {
      issues.push(`claim status wrong\t${label(g)} gold ${g.status}${evidence(g.evidence)} vs system ${s.id} ${s.status}${evidence(s.evidence)}`);
    }
    if (!partiesOk) issues.push(`claim parties wrong\t${label(g)} gold ${names(g.by, goldName)} vs system ${s.id} ${names(uniqueBy, sysName)}`);
  }
  return { counts: c, issues };
}

function evidence(s: Span | null): string {
  return s ? ` ("${clip(s.text, 40)}")` : '';
}
