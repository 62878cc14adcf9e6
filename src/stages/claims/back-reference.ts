/**
 * A reaction that names the claim only by an anaphoric noun: "X claims A. ... The Church denied these
 * allegations." / "Moscow dismissed the report." The reaction's own claim ("these allegations") is empty; the
 * status belongs to the claim it points back to, made by someone else shortly before.
 *
 * A singular noun ("the report", "this") points to the nearest earlier claim by another speaker, in the same
 * paragraph or the one before. A plural noun ("these allegations", "such reports") points to that claimant's
 * claims as a group: every earlier claim by the same claimant still `asserted`. Only a claim still `asserted`
 * is changed, so a status read from the claim's own sentence is never overwritten (nor flipped).
 */
import type { Claim, Doc, Statement } from '../../model/document.js';
import { CLAIM_NOUNS } from './lexicon.js';
import { resolvedParties } from './parties.js';

const ANAPHORIC_CLAIM = new RegExp(String.raw`^(?:(?<det>these|those|the|this|that|such|all (?:the|these|those|such))\s+(?:[\w-]+\s+){0,2}?(?<noun>${CLAIM_NOUNS})|(?<pro>it|this|that|them))$`, 'i');

/** How far back a singular reference may reach, in sentences. */
const SINGULAR_REACH = 4;

const speakerKey = (doc: Doc, st: Statement): string =>
  st.speakers.length > 0 ? st.speakers.join(',')
    : (st.speakerName ?? (st.speakerSpan ? doc.text.slice(st.speakerSpan.start, st.speakerSpan.end) : ''))
      .toLowerCase().replace(/^(?:the|a|an)\s+/, '');

function sameSpeaker(doc: Doc, a: Statement, b: Statement): boolean {
  if (a.speakers.length > 0 && b.speakers.length > 0) return a.speakers.some((e) => b.speakers.includes(e));
  return speakerKey(doc, a) === speakerKey(doc, b);
}

/** Cues that make an allegation a plural back-reference can gather ("claims", "said"), not "spoke against". */
const CLAIMING_CUE = /^(?:(?:has|have|had|also|further)\s+)*(?:claim|alleg|accus|charg|sa(?:y|id)|report|told|tell|state|insist|assert|according)/i;

const isClaiming = (doc: Doc, st: Statement) => !!st.cue && CLAIMING_CUE.test(doc.text.slice(st.cue.start, st.cue.end));

function paragraphOf(doc: Doc, offset: number): number {
  return doc.paragraphs.findIndex((p) => offset >= p.start && offset < p.end);
}

/** Moves each back-referring reaction's status onto the claim it refers to. `claims[i]` is statement i's claim. */
export function applyBackReferences(doc: Doc, claims: (Claim | null)[]): void {
  doc.statements.forEach((st, i) => {
    const own = claims[i];
    if (!own || own.status === 'asserted' || st.content.length !== 1) return;
    const content = st.content[0]!;
    const ref = ANAPHORIC_CLAIM.exec(doc.text.slice(content.start, content.end).trim().replace(/[.:;,]$/, ''));
    if (!ref) return;
    const plural = !!ref.groups?.noun && /s$/i.test(ref.groups.noun) || /^(?:these|those|them)$/i.test(ref.groups?.det ?? ref.groups?.pro ?? '');
    const party = resolvedParties(doc, st, own.by);
    const paragraph = paragraphOf(doc, content.start);
    let target = -1;
    for (let j = i - 1; j >= 0; j--) {
      const other = doc.statements[j]!;
      if (!plural && (st.sentence - other.sentence > SINGULAR_REACH || paragraphOf(doc, other.content[0]?.start ?? 0) < paragraph - 1)) break;
      if (claims[j] && !sameSpeaker(doc, st, other) && (other.speakers.length > 0 || other.speakerSpan)) { target = j; break; }
    }
    if (target < 0) return;
    const claimant = doc.statements[target]!;
    const targets = plural
      ? claims.map((_, j) => j).filter((j) => j <= target && sameSpeaker(doc, claimant, doc.statements[j]!) && isClaiming(doc, doc.statements[j]!))
      : [target];
    for (const j of targets) {
      const c = claims[j];
      if (!c || c.status !== 'asserted') continue;
      c.status = own.status;
      c.by = [...party];
      c.evidence = own.evidence ? { ...own.evidence } : null;
    }
  });
}
