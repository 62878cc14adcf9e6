/**
 * One document's scores against the news gold, and the corpus figures: counts pooled over documents
 * (micro-averages), in %.
 */
import type { AnalysisOut } from '../../model/format.js';
import { prf, type PRF } from '../prf.js';
import { scoreClaims, type ClaimCounts } from './claims.js';
import { scoreEntities, type EntityCounts } from './entities.js';
import type { GoldDoc } from './gold.js';
import { scoreStatements, type StatementCounts } from './statements.js';
import { scoreTimexes, type TimexCounts } from './timexes.js';

export interface DocumentScore {
  name: string;
  /** No system output for this document: every gold item counts as a miss. */
  missing: boolean;
  statements: StatementCounts;
  timexes: TimexCounts;
  claims: ClaimCounts;
  entities: EntityCounts;
  /** `-v` lines, each `class<TAB>detail`. */
  issues: string[];
}

export interface Counts {
  statements: StatementCounts;
  timexes: TimexCounts;
  claims: ClaimCounts;
  entities: EntityCounts;
}

/** The corpus figures, in % (the `found/gold` pairs are counts). */
export interface Figures {
  statements: PRF;
  speaker: number;
  cue: number;
  kind: number;
  channel: { found: number; gold: number };
  timex: { relaxed: PRF; strict: PRF; valueAccuracy: number; valueF1: number };
  /** Claims found over gold claims; status, parties and both over found claims; flipped is a count. */
  claims: { found: number; status: number; parties: number; both: number; flipped: number };
  entities: { found: number; type: number; roles: number; mentions: number };
  scareQuotes: { taken: number; gold: number };
}

export interface NewsScores {
  documents: number;
  /** Documents without system output. */
  missing: number;
  figures: Figures;
  counts: Counts;
  perDocument: DocumentScore[];
}

export function scoreDocument(doc: GoldDoc, rec: AnalysisOut | null): DocumentScore {
  const statements = scoreStatements(doc, rec);
  const systemStatementFor = (goldId: string): string | null => {
    const g = doc.gold.statements.findIndex((s) => s.id === goldId);
    const s = g >= 0 ? statements.foundBy[g]! : -1;
    return s >= 0 ? rec!.statements[s]!.id : null;
  };
  const timexes = scoreTimexes(doc, rec);
  const claims = scoreClaims(doc, rec, systemStatementFor);
  const entities = scoreEntities(doc, rec);
  return {
    name: doc.name, missing: rec === null,
    statements: statements.counts, timexes: timexes.counts, claims: claims.counts, entities: entities.counts,
    issues: [...statements.issues, ...claims.issues, ...entities.issues, ...timexes.issues],
  };
}

/** Field-by-field totals of count records (`zero` gives the fields when there are no items). */
function sum<T extends object>(zero: T, items: readonly T[]): T {
  const out = { ...zero } as Record<string, number>;
  for (const item of items) {
    for (const [k, v] of Object.entries(item)) out[k] = (out[k] ?? 0) + (v as number);
  }
  return out as T;
}

const ZERO: Counts = {
  statements: {
    gold: 0, system: 0, found: 0, speakerRight: 0, cueRight: 0, kindRight: 0, channelGold: 0, channelFound: 0,
    scareQuotes: 0, scareTaken: 0,
  },
  timexes: { gold: 0, system: 0, relaxed: 0, strict: 0, valueRight: 0 },
  claims: { gold: 0, found: 0, statusRight: 0, partiesRight: 0, bothRight: 0, flipped: 0 },
  entities: { gold: 0, found: 0, typeRight: 0, rolesGold: 0, rolesFound: 0, mentionsGold: 0, mentionsFound: 0 },
};

const pct = (part: number, whole: number) => (whole ? (100 * part) / whole : 0);

export function summarise(perDocument: DocumentScore[]): NewsScores {
  const counts: Counts = {
    statements: sum(ZERO.statements, perDocument.map((d) => d.statements)),
    timexes: sum(ZERO.timexes, perDocument.map((d) => d.timexes)),
    claims: sum(ZERO.claims, perDocument.map((d) => d.claims)),
    entities: sum(ZERO.entities, perDocument.map((d) => d.entities)),
  };
  const { statements: st, timexes: tx, claims: cl, entities: en } = counts;
  // prf(gold, found, correct): "found" is what the system produced, "correct" what matched the gold.
  const relaxed = prf(tx.gold, tx.system, tx.relaxed);
  const valueAccuracy = pct(tx.valueRight, tx.relaxed);
  const figures: Figures = {
    statements: prf(st.gold, st.system, st.found),
    speaker: pct(st.speakerRight, st.found),
    cue: pct(st.cueRight, st.found),
    kind: pct(st.kindRight, st.found),
    channel: { found: st.channelFound, gold: st.channelGold },
    timex: { relaxed, strict: prf(tx.gold, tx.system, tx.strict), valueAccuracy, valueF1: (valueAccuracy * relaxed.f1) / 100 },
    claims: {
      found: pct(cl.found, cl.gold), status: pct(cl.statusRight, cl.found), parties: pct(cl.partiesRight, cl.found),
      both: pct(cl.bothRight, cl.found), flipped: cl.flipped,
    },
    entities: {
      found: pct(en.found, en.gold), type: pct(en.typeRight, en.found),
      roles: pct(en.rolesFound, en.rolesGold), mentions: pct(en.mentionsFound, en.mentionsGold),
    },
    scareQuotes: { taken: st.scareTaken, gold: st.scareQuotes },
  };
  return { documents: perDocument.length, missing: perDocument.filter((d) => d.missing).length, figures, counts, perDocument };
}
