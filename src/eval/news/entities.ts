/**
 * Entities against the news gold (SCORING.md, "Entities"): each gold entity is found by the system entity whose
 * mentions overlap most of its mentions, or else by one with the same name; then type, roles and mentions.
 */
import type { AnalysisOut, EntityOut } from '../../model/format.js';
import type { GoldDoc, GoldEntity } from './gold.js';
import { clip, normaliseName, overlap, tokens } from './normalise.js';

/** A role is met by a system role sharing this share of its words (or by the same words). */
export const ROLE_TOKEN_OVERLAP = 0.6;

export interface EntityCounts {
  gold: number;
  found: number;
  typeRight: number;
  rolesGold: number;
  rolesFound: number;
  mentionsGold: number;
  mentionsFound: number;
}

/**
 * The system entity that finds a gold entity: the one overlapping most of its mentions, or else one with the same
 * name; null when none. A tie goes to the entity with the same name (a gold mention "Civil Defense Authority
 * director General Suleiman al-Amr" overlaps the authority and the man alike), then to the first.
 */
export function findEntity(g: GoldEntity, system: readonly EntityOut[]): EntityOut | null {
  const name = normaliseName(g.name);
  let best: EntityOut | null = null;
  let bestShared = 0;
  for (const s of system) {
    const shared = g.mentions.filter((m) => s.mentions.some((x) => overlap(m, x) > 0)).length;
    const tieWon = shared === bestShared && best !== null && normaliseName(s.name) === name && normaliseName(best.name) !== name;
    if (shared > bestShared || (shared > 0 && tieWon)) { best = s; bestShared = shared; }
  }
  return best ?? system.find((s) => normaliseName(s.name) === name) ?? null;
}

/**
 * A gold role met by a system role: the same normalised words, or a token overlap of at least 60 %, taken as
 * the overlap coefficient (shared words over the shorter phrase's words), so that "Secretary of State" meets
 * "US Secretary of State" either way round.
 */
export function roleMet(gold: string, system: string): boolean {
  const g = tokens(gold), s = tokens(system);
  if (g.length === 0 || s.length === 0) return false;
  if (g.join(' ') === s.join(' ')) return true;
  const sysWords = new Set(s);
  const shared = new Set(g.filter((w) => sysWords.has(w))).size;
  return shared >= ROLE_TOKEN_OVERLAP * Math.min(new Set(g).size, sysWords.size);
}

export function scoreEntities(doc: GoldDoc, rec: AnalysisOut | null): { counts: EntityCounts; issues: string[] } {
  const system = rec?.entities ?? [];
  const c: EntityCounts = { gold: 0, found: 0, typeRight: 0, rolesGold: 0, rolesFound: 0, mentionsGold: 0, mentionsFound: 0 };
  const issues: string[] = [];
  for (const g of doc.gold.entities) {
    c.gold++;
    c.rolesGold += g.roles.length;
    c.mentionsGold += g.mentions.length;
    const label = `${g.id} ${g.type} "${g.name}"`;
    const s = findEntity(g, system);
    if (!s) {
      issues.push(`entity missed\t${label} (${g.mentions.length} mentions, e.g. "${g.mentions[0]?.text ?? ''}")`);
      continue;
    }
    c.found++;
    if (s.type === g.type) c.typeRight++;
    else issues.push(`entity type wrong\t${label} gold ${g.type} vs system ${s.id} "${s.name}" ${s.type}`);
    const rolesMissed = g.roles.filter((r) => !s.roles.some((x) => roleMet(r, x)));
    c.rolesFound += g.roles.length - rolesMissed.length;
    if (rolesMissed.length) {
      issues.push(`entity roles missed\t${label}: ${rolesMissed.map((r) => `"${r}"`).join(', ')} vs system ${JSON.stringify(s.roles)}`);
    }
    const mentionsMissed = g.mentions.filter((m) => !s.mentions.some((x) => overlap(m, x) > 0));
    c.mentionsFound += g.mentions.length - mentionsMissed.length;
    if (mentionsMissed.length) {
      issues.push(`entity mentions missed\t${label} → ${s.id} "${s.name}": ${mentionsMissed.length} of ${g.mentions.length}: `
        + clip(mentionsMissed.map((m) => `"${m.text}"@${m.start}`).join(', '), 160));
    }
  }
  return { counts: c, issues };
}
