/**
 * Claims left open by an inquiry or by the lack of evidence, without any speech act:
 * "police were investigating whether X" (X unconfirmed by the police, when the content of a statement reads so)
 * and the report's own "There is no evidence that X" (X unconfirmed, no party). Neither ever yields a polarity.
 */
import type { Claim, Doc } from '../../model/document.js';
import { entitiesIn, type Found, trimmed } from './parties.js';

/** "<subject> were investigating whether", "is looking into whether": the subject and where the claim starts. */
const INQUIRY = /(?:^|[,;:]\s*|\b(?:that|and)\s+)(?<subject>[^,;:]{1,60}?)\s+(?:(?:is|are|was|were|had been|has been|have been)\s+)?(?:investigating|probing|looking into|examining|checking|trying to (?:establish|determine|verify|confirm))\s+(?:whether|if)\s+(?=\S)/i;

/** The inquiry frame inside a statement's content, with the claim that follows it. */
export function inquiryInContent(doc: Doc, start: number, end: number): { found: Found; claimStart: number } | null {
  const m = INQUIRY.exec(doc.text.slice(start, end));
  if (!m) return null;
  const subjectText = m.groups!.subject!;
  const subjectStart = start + m.index + m[0].indexOf(subjectText);
  const claimStart = start + m.index + m[0].length;
  const evidence = trimmed(doc, subjectStart, claimStart - 1);
  return { found: { status: 'unconfirmed', by: entitiesIn(doc, subjectStart, subjectStart + subjectText.length), evidence }, claimStart };
}

/** "There is no evidence that X", "There was no proof X": the report itself says X is unsupported. */
const NO_EVIDENCE = /\bthere (?:is|was|has been|remains) (?:still )?no (?:\w+ )?(?:evidence|proof) (?:that |to suggest that |to show that )?(?=\S)/gi;

/**
 * Claims the report itself leaves unconfirmed, outside every statement's content (a quoted "no evidence" is the
 * speaker's statement and is read with it).
 */
export function noEvidenceClaims(doc: Doc, inStatement: (offset: number) => boolean): Claim[] {
  const out: Claim[] = [];
  for (const sent of doc.sentences) {
    const text = doc.text.slice(sent.start, sent.end);
    NO_EVIDENCE.lastIndex = 0;
    for (let m = NO_EVIDENCE.exec(text); m; m = NO_EVIDENCE.exec(text)) {
      const at = sent.start + m.index;
      if (inStatement(at)) continue;
      const claimText = trimmed(doc, at + m[0].length, sent.end);
      while (claimText.end > claimText.start && /[.!?"”]/.test(doc.text[claimText.end - 1]!)) claimText.end--;
      if (claimText.end <= claimText.start) continue;
      // evidence: "There is no evidence", without the complementizer that introduces the claim
      const lead = m[0].replace(/\s+(?:that|to suggest that|to show that)\s*$/i, '');
      out.push({ statement: null, text: claimText, status: 'unconfirmed', by: [], evidence: trimmed(doc, at, at + lead.length) });
    }
  }
  return out;
}
