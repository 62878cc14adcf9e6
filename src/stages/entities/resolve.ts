/**
 * Entity stage: turns the NER's name mentions into entities with roles, aliases, metonyms and in-document
 * coreference. Runs after NER and before attribution, which looks speakers up among `doc.mentions`.
 *
 *  1. add surnames the NER missed ("Day was born" after "Doris Day"), cluster names (after moving titles out of person-name spans) (countries by any name, capitals as metonyms when they act, surnames, acronyms);
 *  2. add bodies named through a country or organisation ("the Syrian government", "U.S. officials");
 *  3. collect roles and titles around the name mentions, and those a copula states ("X is a ...");
 *  4. retype countries that are national teams in a match report, and miscellaneous names that act as bodies;
 *  5. add pronoun and description mentions linked to those entities;
 *  6. put mentions in document order and entities in order of first mention.
 */
import type { Doc, Stage } from '../../model/document.js';
import { buildContext } from './context.js';
import { clusterNames, dropBareTitles, dropTitlesBeforeNames, trimLeadingTitles } from './cluster.js';
import { extractRoles } from './roles.js';
import { extractCopulaRoles } from './roles-copula.js';
import { addMissedSurnames } from './surnames.js';
import { retypeNationalTeams } from './teams.js';
import { retypeOthers } from './others.js';
import { mergeBirthNames } from './aliases.js';
import { addGovernmentsAndGroups } from './bodies.js';
import { resolveCoreference } from './coref.js';

/** Sorts mentions by position and entities by first mention, rewriting every index that points at them. */
function normaliseOrder(doc: Doc): void {
  const mentions = doc.mentions
    .filter((m) => m.entity >= 0 || m.kind === 'name')
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const firstAt = new Map<number, number>();
  for (const m of mentions) if (m.entity >= 0 && !firstAt.has(m.entity)) firstAt.set(m.entity, m.start);
  const order = [...firstAt.keys()].sort((a, b) => firstAt.get(a)! - firstAt.get(b)!);
  const newIndex = new Map(order.map((old, i) => [old, i]));
  const entities = order.map((old) => ({ ...doc.entities[old]!, mentions: [] as number[] }));
  mentions.forEach((m, i) => {
    if (m.entity < 0) return;
    m.entity = newIndex.get(m.entity)!;
    entities[m.entity]!.mentions.push(i);
  });
  for (const e of entities) e.roles.sort((a, b) => a.start - b.start);
  doc.mentions = mentions;
  doc.entities = entities;
}

export function resolveEntities(doc: Doc): void {
  trimLeadingTitles(doc);
  dropBareTitles(doc);
  dropTitlesBeforeNames(doc);
  addMissedSurnames(doc);
  doc.mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  const ctx = buildContext(doc);
  clusterNames(ctx);
  mergeBirthNames(ctx);
  addGovernmentsAndGroups(ctx);
  extractRoles(ctx);
  extractCopulaRoles(ctx);
  retypeNationalTeams(ctx);
  retypeOthers(ctx);
  resolveCoreference(ctx);
  normaliseOrder(doc);
}

/** Coreference reads paragraphs (a headline paragraph); the NER's mentions are retyped, trimmed and added to. */
export const entityStage: Stage = {
  name: 'entities',
  requires: ['tokens', 'sentences', 'paragraphs', 'mentions'],
  assigns: ['entities'],
  amends: ['mentions'],
  writesMeta: [],
  run: resolveEntities,
};
