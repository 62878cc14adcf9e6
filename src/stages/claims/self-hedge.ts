/**
 * A speaker who hedges their own claim in the next sentence leaves it unconfirmed: "... over the past month it
 * has been third. It might be a statistical blip." The hedge is an anaphoric subject (it, this, that) with a
 * possibility modal and a noun that names a claim as possibly wrong (blip, fluke, error, anomaly ...). Inside
 * one statement's content the sentence before the hedge becomes a claim of its own, unconfirmed by the speaker.
 */
import type { Claim, Doc } from '../../model/document.js';
import { trimmed } from './parties.js';

const HEDGE = /^\s*["“]?(?:it|this|that)\s+(?:might|may|could)\s+(?:well\s+|just\s+|simply\s+|only\s+)?(?:be|have been)\s+(?:a|an|just a|only a|simply a)\s+(?:[\w-]+\s+)?(?:blip|fluke|error|anomaly|glitch|coincidence|mistake|outlier|aberration|one-off|quirk)\b[^.!?]*[.!?]/i;

/** The claims each self-hedge leaves unconfirmed. */
export function selfHedgeClaims(doc: Doc): Claim[] {
  const out: Claim[] = [];
  doc.statements.forEach((st, i) => {
    for (const piece of st.content) {
      const firstSentence = doc.sentences.findIndex((s) => s.end > piece.start);
      for (let si = Math.max(1, firstSentence); si < doc.sentences.length; si++) {
        const sent = doc.sentences[si]!;
        if (sent.start >= piece.end) break;
        const m = HEDGE.exec(doc.text.slice(sent.start, Math.min(sent.end, piece.end + 1)));
        if (!m) continue;
        const prev = doc.sentences[si - 1]!;
        const text = trimmed(doc, Math.max(prev.start, piece.start), prev.end);
        while (text.end > text.start && /[.!?"”]/.test(doc.text[text.end - 1]!)) text.end--;
        if (text.end - text.start < 10 || text.start >= text.end) continue;
        const lead = /^\s*["“]?/.exec(m[0])![0].length;
        let end = sent.start + m[0].length;
        while (end > sent.start && /[.!?"”]/.test(doc.text[end - 1]!)) end--;
        out.push({ statement: i, text, status: 'unconfirmed', by: [...st.speakers], evidence: trimmed(doc, sent.start + lead, end) });
      }
    }
  });
  return out;
}
