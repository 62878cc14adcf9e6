/**
 * Surnames the NER left untagged. A person named in full ("Doris Day", "Anna Held") is re-mentioned by surname,
 * and when the surname is also a common word ("Day", "Held", "Young", "Rice") the tagger often misses it:
 * "Day was born ...", "described Day to the BBC". A capitalised token equal to the last word of exactly one
 * person's full name becomes a name mention of that person (clustering then links it by surname), unless the
 * words around it say it is something else: part of a longer capitalised name ("Doris Day Show"), a common noun
 * after a determiner, adjective or number ("the next Day"), or a title in quotation marks ("Day after Day").
 */
import type { Doc, Mention } from '../../model/document.js';
import { roleHeadOf } from '../../lexicon/titles.js';
import { genderOfFirstName } from '../../lexicon/names.js';

const CALENDAR = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/;
const QUOTES = new Set(['"', '“', '”', '‘', '’', "'", '``', "''"]);
const MODIFIER_TAGS = new Set(['DET', 'ADJ', 'NUM', 'PRON']);

/** The surname → full-name map of people named in full; a surname two people share maps to null. */
function surnamesOf(doc: Doc): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const m of doc.mentions) {
    if (m.kind !== 'name' || m.tokenEnd - m.tokenStart < 2) continue;
    // The tagger may type a full name as an organisation; clustering retypes it when it opens with a first name.
    const personal = m.type === 'PERSON'
      || ((m.type === 'ORG' || m.type === 'OTHER') && genderOfFirstName(doc.tokens[m.tokenStart]!.lower) !== null);
    if (!personal) continue;
    const last = doc.tokens[m.tokenEnd - 1]!;
    if (!/^\p{Lu}\p{Ll}{2,}$/u.test(last.text) || CALENDAR.test(last.lower) || roleHeadOf(last.text) !== null) continue;
    const full = doc.text.slice(m.start, m.end);
    const known = out.get(last.text);
    if (known === undefined) out.set(last.text, full);
    else if (known !== null && known !== full && !known.endsWith(full) && !full.endsWith(known)) out.set(last.text, null);
  }
  return out;
}

export function addMissedSurnames(doc: Doc): void {
  const surnames = surnamesOf(doc);
  if (surnames.size === 0) return;
  const covered = new Uint8Array(doc.tokens.length);
  for (const m of doc.mentions) covered.fill(1, m.tokenStart, m.tokenEnd);
  const added: Mention[] = [];
  for (let t = 0; t < doc.tokens.length; t++) {
    const tok = doc.tokens[t]!;
    if (covered[t] || !surnames.get(tok.text)) continue;
    const sentStart = doc.sentences[tok.sentence]!.tokenStart;
    const prev = t > sentStart ? doc.tokens[t - 1] : undefined;
    const next = doc.tokens[t + 1];
    if (prev && (/^\p{Lu}/u.test(prev.text) || MODIFIER_TAGS.has(prev.pos))) continue;
    if (next && next.sentence === tok.sentence && (/^\p{Lu}/u.test(next.text) || next.pos === 'NOUN' || QUOTES.has(next.text))) continue;
    if (inShortQuote(doc, t)) continue;
    added.push({ start: tok.start, end: tok.end, tokenStart: t, tokenEnd: t + 1, type: 'PERSON', kind: 'name', entity: -1 });
  }
  if (added.length === 0) return;
  doc.mentions.push(...added);
  doc.mentions.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Whether token `t` sits in a short quoted stretch, a title rather than a person ("a song called "Day after Day""). */
function inShortQuote(doc: Doc, t: number): boolean {
  const near = (from: number, step: number): number => {
    for (let i = from, n = 0; n < 5 && i >= 0 && i < doc.tokens.length; i += step, n++) {
      if (QUOTES.has(doc.tokens[i]!.text)) return i;
    }
    return -1;
  };
  const before = near(t - 1, -1);
  // A quotation mark after punctuation closes a quotation ('…," Day said'): the name follows the quote.
  if (before < 0 || /^[,.!?;:]$/.test(doc.tokens[before - 1]?.text ?? '')) return false;
  return near(t + 1, 1) >= 0;
}
