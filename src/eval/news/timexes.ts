/**
 * Time expressions against the news gold (SCORING.md, "Time expressions"): TempEval-3 style, aligned one to one
 * in document order by overlap; relaxed and strict matches, value accuracy over relaxed matches.
 */
import type { AnalysisOut } from '../../model/format.js';
import type { GoldDoc } from './gold.js';
import { context, overlap } from './normalise.js';

export interface TimexCounts {
  gold: number;
  system: number;
  relaxed: number;
  strict: number;
  /** Relaxed matches with the identical `value` string. */
  valueRight: number;
}

export function scoreTimexes(doc: GoldDoc, rec: AnalysisOut | null): { counts: TimexCounts; issues: string[] } {
  const gold = [...doc.gold.timexes].sort((a, b) => a.start - b.start);
  const system = [...(rec?.timexes ?? [])].sort((a, b) => a.start - b.start);
  const c: TimexCounts = { gold: gold.length, system: system.length, relaxed: 0, strict: 0, valueRight: 0 };
  const issues: string[] = [];
  const goldTaken = new Uint8Array(gold.length);
  for (const t of system) {
    // The first gold timex still free that the system one overlaps: document order, one partner each.
    const g = gold.findIndex((x, k) => !goldTaken[k] && overlap(x, t) > 0);
    if (g < 0) {
      issues.push(`timex spurious\t${t.type} ${t.value}: ${context(doc.text, t, 30)}`);
      continue;
    }
    goldTaken[g] = 1;
    const gt = gold[g]!;
    c.relaxed++;
    if (gt.start === t.start && gt.end === t.end) c.strict++;
    if (gt.value === t.value) c.valueRight++;
    else issues.push(`timex value wrong\tgold ${gt.value} vs system ${t.value} ("${t.text}"): ${context(doc.text, gt, 30)}`);
  }
  gold.forEach((gt, k) => {
    if (!goldTaken[k]) issues.push(`timex missed\t${gt.type} ${gt.value}: ${context(doc.text, gt, 30)}`);
  });
  return { counts: c, issues };
}
