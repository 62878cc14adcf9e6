/**
 * "A — even X stated as much": X agrees with A, so A is confirmed by X ("Houston deserved a shuttle — even the
 * administrator said as much"). "as much" stands for the clause before it, in the same sentence, or for the
 * previous sentence when the agreement opens its own ("X has admitted as much."). Negated ("X has never said as
 * much") the claim is only unconfirmed by X, never denied.
 *
 * The agreement is a claim of its own, on the text of A, next to whatever statement says A (a quote by someone
 * else keeps its own claim, asserted by its speaker).
 */
import type { Claim, Doc } from '../../model/document.js';
import { NEGATIONS } from './lexicon.js';
import { entitiesIn, trimmed } from './parties.js';

const AS_MUCH = /(?<verb>\b(?:stated|said|says|admitted|admits|acknowledged|acknowledges|conceded|concedes|agreed|agrees|confirmed|confirms|suggested|implied)\s+as\s+much)\b/gi;
/** Where the clause of the agreeing party starts: a dash, semicolon, colon or comma before it. */
const CLAUSE_MARK = /[—–;:,]|\s-\s|\b(?:and|but)\s/g;
const LEADING_NOISE = /^[\s"“'‘(]+/;
const TRAILING_NOISE = /[\s"”'’),.;:—–-]+$/;

/** Claims confirmed (or left unconfirmed) by an "X said as much" agreement. */
export function asMuchClaims(doc: Doc): Claim[] {
  const out: Claim[] = [];
  doc.sentences.forEach((sent, si) => {
    const text = doc.text.slice(sent.start, sent.end);
    AS_MUCH.lastIndex = 0;
    for (let m = AS_MUCH.exec(text); m; m = AS_MUCH.exec(text)) {
      // the party's clause: from the last clause mark before the verb
      let clauseStart = 0;
      CLAUSE_MARK.lastIndex = 0;
      for (let c = CLAUSE_MARK.exec(text); c && c.index < m.index; c = CLAUSE_MARK.exec(text)) clauseStart = c.index + c[0].length;
      const partyStart = sent.start + clauseStart;
      const verbStart = sent.start + m.index;
      const by = entitiesIn(doc, partyStart, verbStart);
      if (by.length === 0) continue;
      const partyWords = doc.text.slice(partyStart, verbStart).toLowerCase().split(/\s+/);
      const negated = partyWords.some((w) => NEGATIONS.has(w) || w.endsWith("n't") || w.endsWith('n’t'));
      let claimText = clauseStart > 0 ? trimmed(doc, sent.start, partyStart - 1) : null;
      if (!claimText && si > 0) claimText = trimmed(doc, doc.sentences[si - 1]!.start, doc.sentences[si - 1]!.end);
      if (!claimText) continue;
      // inside a quote, the claim starts where the quoted content does: not "X's statement added, ..."
      const holder = doc.statements.findIndex((st) => st.content.some((c) => c.start < claimText!.end && claimText!.end <= c.end + 1));
      const holderContent = holder >= 0 ? doc.statements[holder]!.content.find((c) => c.start < claimText!.end && claimText!.end <= c.end + 1) : undefined;
      if (holderContent && holderContent.start > claimText.start) claimText.start = holderContent.start;
      const lead = LEADING_NOISE.exec(doc.text.slice(claimText.start, claimText.end));
      if (lead) claimText.start += lead[0].length;
      const tail = TRAILING_NOISE.exec(doc.text.slice(claimText.start, claimText.end));
      if (tail) claimText.end -= tail[0].length;
      if (claimText.end - claimText.start < 10) continue;
      out.push({
        statement: holder >= 0 ? holder : null,
        text: claimText,
        status: negated ? 'unconfirmed' : 'confirmed',
        by,
        evidence: trimmed(doc, partyStart, verbStart + m.groups!.verb!.length),
      });
    }
  });
  return out;
}
