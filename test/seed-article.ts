/**
 * The seed wire report (../shared/examples/matsegora-wounded-soldiers.*), analysed as the acceptance test reads it,
 * and its time-expression figure. Shared by test/acceptance.test.ts and scripts/floors.ts so that the floor in
 * test/floors.json is measured exactly the way the test checks it. The gold is read at run time, never copied.
 */
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../src/index.js';
import type { AnalysisOut } from '../src/index.js';
import type { AttributionMode } from '../src/pipeline/stages.js';

export interface SeedGold {
  quotes: { id: string; speaker: string; text: string; kind: string; channel?: string }[];
  claim_status: { quote: string; status: string; by: string[] }[];
  timexes: { text: string; value: string }[];
}

export interface Seed { a: AnalysisOut; gold: SeedGold; text: string }

/** The seed article analysed with its publication date (2025-07-01) in the given attribution mode. */
export function loadSeed(sharedDir: string, attribution: AttributionMode): Seed {
  const base = path.join(sharedDir, 'examples/matsegora-wounded-soldiers');
  const text = fs.readFileSync(`${base}.txt`, 'utf8');
  const gold = JSON.parse(fs.readFileSync(`${base}.gold.json`, 'utf8')) as SeedGold;
  return { a: analyze({ text, id: 'matsegora', published: '2025-07-01', attribution }), gold, text };
}

export const overlap = (a0: number, a1: number, b0: number, b1: number) =>
  Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/**
 * Gold time expressions whose first occurrence overlaps a system timex with the gold value; `misses` says what the
 * system gave for the others.
 */
export function seedTimexValues({ a, gold, text }: Seed): { correct: number; gold: number; misses: string[] } {
  let correct = 0;
  const misses: string[] = [];
  for (const g of gold.timexes) {
    const g0 = text.indexOf(g.text);
    const t = a.timexes.find((x) => overlap(x.start, x.end, g0, g0 + g.text.length) > 0);
    if (t && t.value === g.value) correct++;
    else misses.push(`${g.text}: ${t ? t.value : 'not found'} (gold ${g.value})`);
  }
  return { correct, gold: gold.timexes.length, misses };
}
