/**
 * Reading a speech-act verb's group leftwards: its auxiliaries, negation, adverbs and the verb that governs an
 * infinitive ("has not confirmed", "could not immediately verify", "declined to confirm", "is expected to
 * deny"). Attribution may give only the verb as the cue, so the group is read from the tokens, not the cue span.
 */
import type { Doc, Token } from '../../model/document.js';
import type { ClaimStatus } from '../../model/format.js';
import {
  AUXILIARY, BE_FORMS, FACTIVE_GOVERNORS, HEDGING_GOVERNORS, HEDGING_MODALS, HEDGING_MODALS_FOR_REPORTS,
  NEGATIONS, REFUSING_GOVERNORS, type ActClass,
} from './lexicon.js';
import { firstStartingAt } from '../../util/sorted.js';

export interface VerbGroup {
  /** Index of the group's first token (negation, auxiliary or governing verb): where evidence starts. */
  start: number;
  /** "not", "n't", "never", "neither", "no longer", or a refusing governor ("declined to", "has yet to"). */
  negated: boolean;
  /** The act is only future or hypothetical: "will confirm", "may deny", "is expected to comment". */
  hedged: boolean;
  /** Hedged in a way that also holds for plain saying verbs ("may have said", "is expected to announce"). */
  reportHedged: boolean;
  /** A form of "be" stands in the group and the verb is a participle: "was never confirmed". */
  passive: boolean;
}

const norm = (t: Token | undefined) => (t ? t.lower.replace(/’/g, "'") : '');

/** "not only", "not just": emphasis, not negation. */
const NOT_NEGATING_NEXT = new Set(['only', 'just', 'merely', 'simply', 'least']);
const PARTICIPLE = /(?:ed|en|wn)$|^(?:said|told|thought|known|written|taken|withdrawn)$/;

/** Reads the group of the verb at token `head`, not looking left of token `floor`. */
export function readVerbGroup(doc: Doc, head: number, floor: number): VerbGroup {
  const toks = doc.tokens;
  const g: VerbGroup = { start: head, negated: false, hedged: false, reportHedged: false, passive: false };
  let sawBe = false;
  let modalHedge = false;
  for (let i = head - 1; i >= floor; i--) {
    const t = norm(toks[i]);
    if (NEGATIONS.has(t)) {
      if (t === 'not' && NOT_NEGATING_NEXT.has(norm(toks[i + 1]))) { g.start = i; continue; }
      g.negated = true;
    } else if ((t === 'or' || t === 'nor') && i - 1 >= floor && toks[i - 1]!.pos === 'VERB') {
      // coordinated acts share one group: "declined to confirm or deny", "neither confirmed nor denied"
      if (t === 'nor') g.negated = true;
      i--;
    } else if (t === 'longer' && norm(toks[i - 1]) === 'no') {
      g.negated = true;
      i--;
    } else if (AUXILIARY.has(t) && toks[i]!.pos !== 'PROPN' && toks[i]!.pos !== 'NOUN') {
      // (not "Theresa May said", "Will Smith said")
      if (BE_FORMS.has(t)) sawBe = true;
      if (HEDGING_MODALS.has(t)) modalHedge = true;
      if (HEDGING_MODALS_FOR_REPORTS.has(t)) g.reportHedged = true;
    } else if (t === 'to' && i - 1 >= floor) {
      const governor = norm(toks[i - 1]);
      if (REFUSING_GOVERNORS.test(governor)) g.negated = true;
      else if (HEDGING_GOVERNORS.test(governor)) { g.hedged = true; g.reportHedged = true; }
      // Any other infinitive ("a request to confirm") leaves a status act undone, but a saying verb may be a
      // purpose clause that did happen ("gathered Friday to discuss").
      else if (!FACTIVE_GOVERNORS.test(governor)) g.hedged = true;
      else if (governor === 'on' && norm(toks[i - 2]).startsWith('went')) i--;
      i--;
      // A governing adjective or verb has its own auxiliaries and negation: "was not able to confirm".
    } else if (toks[i]!.pos === 'ADV' && t !== 'to') {
      // adverbs inside the group: "has not yet publicly confirmed"
    } else {
      break;
    }
    g.start = i;
  }
  if (modalHedge && !groupHasOnly(toks, g.start, head)) g.hedged = true;
  g.passive = sawBe && PARTICIPLE.test(norm(toks[head]));
  return g;
}

/** "would only confirm", "would confirm only that": reticent, but a real confirmation. */
function groupHasOnly(toks: Token[], start: number, head: number): boolean {
  for (let i = start; i <= head + 1 && i < toks.length; i++) if (norm(toks[i]) === 'only') return true;
  return false;
}

/**
 * The status a speech act gives the claim it is about, or null when it gives none. `report` acts (saying,
 * telling) give a status only when negated or hedged: "X did not say that ..." is no assertion by X.
 * A negated or hedged act never gives the act's own polarity nor its opposite: "did not deny" is unconfirmed,
 * never confirmed; "has not retracted" leaves the claim standing.
 */
export function statusOfAct(act: ActClass, g: VerbGroup, positiveForm: boolean): ClaimStatus | null {
  const refused = g.negated;
  switch (act) {
    case 'retract': return refused || g.hedged ? null : 'retracted';
    case 'confirm': return refused || g.hedged ? 'unconfirmed' : positiveForm ? 'confirmed' : null;
    case 'deny': return refused || g.hedged ? 'unconfirmed' : positiveForm ? 'denied' : null;
    case 'dispute': return refused || g.hedged ? 'unconfirmed' : positiveForm ? 'disputed' : null;
    case 'comment': return refused || g.hedged ? 'unconfirmed' : null;
    case 'report': return refused || g.reportHedged ? 'unconfirmed' : null;
  }
}

/** Index of the first token starting at or after `offset`. */
export function tokenAtOrAfter(doc: Doc, offset: number): number {
  return firstStartingAt(doc.tokens, offset);
}
