/**
 * Countries that are national teams: in a match report "Sweden defeated South Korea 1 – 0", "Belgium 3 – 0
 * Panama", the country names are the teams (organisations), not the polities. A story is a match report when a
 * country's name stands right beside a score; then each country named at least twice in a match frame (beside a
 * score, as the subject of a match verb, or after "against"/"defeated"/"beat") is retyped to ORG. A country named
 * once in such a frame, or only as a place, stays a GPE.
 */
import type { EntityContext } from './context.js';

const SCORE = /^\d{1,2}$/;
const DASHES = new Set(['-', '–', '—', ':']);
const MATCH_VERBS = new Set([
  'defeated', 'beat', 'beats', 'drew', 'draws', 'lost', 'loses', 'won', 'wins', 'scored', 'scores', 'led', 'leads',
  'trailed', 'equalised', 'equalized', 'conceded', 'eliminated', 'thrashed', 'edged', 'faced', 'faces', 'played',
]);
const BEFORE = new Set(['against', 'defeated', 'beat', 'beating', 'defeating', 'faced', 'facing', 'vs', 'vs.', 'v', 'v.', 'over']);

export function retypeNationalTeams(ctx: EntityContext): void {
  const { doc, facts } = ctx;
  const tokens = doc.tokens;
  const scoreAt = (t: number) => SCORE.test(tokens[t]?.text ?? '') && DASHES.has(tokens[t + 1]?.text ?? '')
    && SCORE.test(tokens[t + 2]?.text ?? '');
  const frames = new Map<number, { framed: number; scored: boolean }>();
  for (const m of doc.mentions) {
    if (m.kind !== 'name' || m.entity < 0 || !facts[m.entity]!.country || doc.entities[m.entity]!.type !== 'GPE') continue;
    const scored = scoreAt(m.tokenEnd) || scoreAt(m.tokenStart - 3);
    const next = tokens[m.tokenEnd]?.lower ?? '';
    const prev = tokens[m.tokenStart - 1]?.lower ?? '';
    if (!(scored || MATCH_VERBS.has(next) || BEFORE.has(prev))) continue;
    const f = frames.get(m.entity) ?? { framed: 0, scored: false };
    f.framed++;
    f.scored ||= scored;
    frames.set(m.entity, f);
  }
  if (![...frames.values()].some((f) => f.scored)) return;
  for (const [e, f] of frames) {
    if (f.framed < 2) continue;
    doc.entities[e]!.type = 'ORG';
    for (const mi of doc.entities[e]!.mentions) doc.mentions[mi]!.type = 'ORG';
  }
}
