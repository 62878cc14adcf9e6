/**
 * First-person pronouns inside quoted speech are the speaker: "I", "me", "my" in a quotation attributed to a
 * person are that person; "we", "us", "our" in one attributed to an organisation or a country are that body.
 * Who speaks is known only after attribution, so this runs as its own stage once statements exist. A person's
 * "we" is the body their title names when it names exactly one ("NASA Administrator X", "Houthi spokesperson Y");
 * otherwise it is left alone: it may be their family, their party or their team, and a wrong link is worse than
 * none.
 */
import type { Doc, Mention, Stage } from '../../model/document.js';
import type { EntityType } from '../../model/format.js';
import { firstStartingAt } from '../../util/sorted.js';

const SINGULAR = new Set(['I', 'me', 'my', 'mine', 'myself', 'Me', 'My', 'Myself']);
const PLURAL = new Set(['we', 'us', 'our', 'ours', 'ourselves', 'We', 'Our', 'Ours', 'Ourselves']);
/** Speakers that say "we" of themselves. */
const COLLECTIVE = new Set<EntityType>(['ORG', 'GPE', 'NORP']);

export function linkQuotedFirstPerson(doc: Doc): void {
  const taken = new Set<number>();
  for (const m of doc.mentions) for (let t = m.tokenStart; t < m.tokenEnd; t++) taken.add(t);
  const added: Mention[] = [];
  for (const statement of doc.statements) {
    // One speaker only: with several, "we" and "I" could be any of them.
    if (statement.kind === 'indirect' || statement.speakers.length !== 1) continue;
    const e = statement.speakers[0]!;
    const entity = doc.entities[e];
    if (!entity) continue;
    // A person's "we" is the body their title names, when it names exactly one ("NASA Administrator X": "we" is
    // NASA; "Houthi military spokesperson Y": the Houthis).
    const body = entity.type === 'PERSON' ? bodyOfTitle(doc, e) : -1;
    for (const piece of statement.content) {
      for (let t = firstStartingAt(doc.tokens, piece.start); t < doc.tokens.length && doc.tokens[t]!.end <= piece.end; t++) {
        const tok = doc.tokens[t]!;
        if (taken.has(t)) continue;
        const who = entity.type === 'PERSON'
          ? (SINGULAR.has(tok.text) ? e : PLURAL.has(tok.text) ? body : -1)
          : COLLECTIVE.has(entity.type) && PLURAL.has(tok.text) ? e : -1;
        if (who < 0) continue;
        taken.add(t);
        added.push({ start: tok.start, end: tok.end, tokenStart: t, tokenEnd: t + 1, type: doc.entities[who]!.type, kind: 'pronoun', entity: who });
      }
    }
  }
  if (added.length === 0) return;
  // Keep mentions in document order, rewriting the entities' indices into them.
  const all = [...doc.mentions, ...added].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const entity of doc.entities) entity.mentions = [];
  all.forEach((m, i) => { if (m.entity >= 0) doc.entities[m.entity]!.mentions.push(i); });
  doc.mentions = all;
}

/** The one organisation, country or people named inside person `e`'s roles, or -1 (none, or several). */
function bodyOfTitle(doc: Doc, e: number): number {
  const roles = doc.entities[e]!.roles;
  if (roles.length === 0) return -1;
  let found = -1;
  for (const m of doc.mentions) {
    if (m.entity < 0 || m.entity === e || !COLLECTIVE.has(doc.entities[m.entity]!.type)) continue;
    if (!roles.some((r) => r.start <= m.start && m.end <= r.end)) continue;
    if (found >= 0 && found !== m.entity) return -1;
    found = m.entity;
  }
  return found;
}

export const quotedFirstPersonStage: Stage = {
  name: 'first-person',
  requires: ['tokens', 'mentions', 'entities', 'statements'],
  assigns: [],
  amends: ['mentions', 'entities'],
  writesMeta: [],
  run: linkQuotedFirstPerson,
};
