/**
 * First-person pronouns inside quoted speech are the speaker: "I", "me", "my" in a quotation attributed to a
 * person are that person; "we", "us", "our" in one attributed to an organisation or a country are that body.
 * Who speaks is known only after attribution, so this runs as its own stage once statements exist. A person's
 * "we" is left alone: it may be their family, their party or their team, and a wrong link is worse than none.
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
    const words = entity.type === 'PERSON' ? SINGULAR : COLLECTIVE.has(entity.type) ? PLURAL : null;
    if (!words) continue;
    for (const piece of statement.content) {
      for (let t = firstStartingAt(doc.tokens, piece.start); t < doc.tokens.length && doc.tokens[t]!.end <= piece.end; t++) {
        const tok = doc.tokens[t]!;
        if (!words.has(tok.text) || taken.has(t)) continue;
        taken.add(t);
        added.push({ start: tok.start, end: tok.end, tokenStart: t, tokenEnd: t + 1, type: entity.type, kind: 'pronoun', entity: e });
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

export const quotedFirstPersonStage: Stage = {
  name: 'first-person',
  requires: ['tokens', 'mentions', 'entities', 'statements'],
  assigns: [],
  amends: ['mentions', 'entities'],
  writesMeta: [],
  run: linkQuotedFirstPerson,
};
