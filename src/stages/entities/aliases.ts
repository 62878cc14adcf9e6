/**
 * Birth names are the same person: "Day was born Doris Mary Ann Kappelhoff", "Rock Hudson, born Roy Scherer,",
 * "Jane Roe (née Smith)". The tagger gives the birth name its own cluster, which would then take the pronouns
 * that follow it; it joins the entity of the person named as the subject right before.
 */
import type { EntityContext } from './context.js';

const BIRTH_MARKS = new Set(['born', 'née', 'nee']);

export function mergeBirthNames(ctx: EntityContext): void {
  const { doc } = ctx;
  for (let mi = 0; mi < doc.mentions.length; mi++) {
    const m = doc.mentions[mi]!;
    if (m.kind !== 'name' || m.type !== 'PERSON' || m.entity < 0) continue;
    const mark = m.tokenStart - 1;
    if (!BIRTH_MARKS.has(doc.tokens[mark]?.lower ?? '')) continue;
    // The subject: "X was born Y", "X, born Y", "X (née Y)".
    let s = mark - 1;
    if (['was', 'is', ',', '('].includes(doc.tokens[s]?.lower ?? '')) s--;
    const subject = ctx.nameAt[s] ?? -1;
    if (subject < 0 || subject === mi) continue;
    const target = doc.mentions[subject]!.entity;
    if (target < 0 || target === m.entity || doc.entities[target]!.type !== 'PERSON') continue;
    const from = m.entity;
    for (const i of doc.entities[from]!.mentions) {
      doc.mentions[i]!.entity = target;
      doc.entities[target]!.mentions.push(i);
    }
    doc.entities[from]!.mentions = [];
  }
}
