/**
 * Blaming someone else disputes a claim of responsibility: "The Kestrel Front claimed responsibility for the
 * bombing. ... Minister Ana Roos blamed the army for the bombing." The claimant said it did it; the later
 * speaker says another did, so the claim of responsibility is disputed by that speaker. The two must be about
 * the same deed (a content word shared between "for ..." phrases) and name different culprits.
 *
 * Only a claim still `asserted` changes, and only to `disputed`.
 */
import type { Claim, Doc, Statement } from '../../model/document.js';
import { entitiesIn, resolvedParties, trimmed } from './parties.js';

const RESPONSIBILITY = /^(?:the\s+|full\s+)*responsibility\s+for\s+(?<deed>.+)$/i;
const CLAIMING_CUE = /\b(?:claim(?:s|ed|ing)?|accept(?:s|ed|ing)?|admit(?:s|ted|ting)?|t(?:ake|akes|ook|aking))$/i;
const BLAMING_CUE = /\bblam(?:e|es|ed|ing)$/i;
const BLAME_CONTENT = /^(?<culprit>.+?)\s+for\s+(?<deed>.+)$/i;
/** How far after the claim of responsibility the blame may come, in sentences. */
const REACH = 12;

const contentText = (doc: Doc, st: Statement) => doc.text.slice(st.content[0]!.start, st.content[st.content.length - 1]!.end).trim();
const words = (s: string) => new Set(s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3));

export function applyRivalBlame(doc: Doc, claims: (Claim | null)[]): void {
  doc.statements.forEach((claimant, i) => {
    const claim = claims[i];
    if (!claim || claim.status !== 'asserted' || !claimant.cue || claimant.content.length === 0) return;
    if (!CLAIMING_CUE.test(doc.text.slice(claimant.cue.start, claimant.cue.end))) return;
    const own = RESPONSIBILITY.exec(contentText(doc, claimant));
    if (!own) return;
    const deed = words(own.groups!.deed!);
    for (let k = i + 1; k < doc.statements.length; k++) {
      const blamer = doc.statements[k]!;
      if (blamer.sentence - claimant.sentence > REACH) break;
      if (!blamer.cue || blamer.content.length === 0 || !BLAMING_CUE.test(doc.text.slice(blamer.cue.start, blamer.cue.end))) continue;
      if (blamer.speakers.some((e) => claimant.speakers.includes(e))) continue;
      const blame = BLAME_CONTENT.exec(contentText(doc, blamer));
      if (!blame || ![...words(blame.groups!.deed!)].some((w) => deed.has(w))) continue;
      const culpritStart = blamer.content[0]!.start;
      const culprits = entitiesIn(doc, culpritStart, culpritStart + blame.groups!.culprit!.length);
      if (culprits.some((e) => claimant.speakers.includes(e))) continue;
      const sent = doc.sentences[blamer.sentence]!;
      const evidence = trimmed(doc, blamer.cue.start, sent.end);
      while (evidence.end > evidence.start && /[.!?]/.test(doc.text[evidence.end - 1]!)) evidence.end--;
      Object.assign(claim, { status: 'disputed', by: resolvedParties(doc, blamer, []), evidence });
      return;
    }
  });
}
