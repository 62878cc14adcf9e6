/**
 * Who gave a claim its status: the entities named in a "by X" phrase, in the subject of a status verb, or the
 * statement's own speakers. `by` holds entity indices, so a party that no entity stands for ("officials")
 * is simply absent.
 */
import type { Doc, SpanRange } from '../../model/document.js';
import type { ClaimStatus } from '../../model/format.js';

/** A status found for a claim, who gave it, and the words that say so. */
export interface Found {
  status: ClaimStatus;
  by: number[];
  evidence: SpanRange;
}

/** Entities with a mention wholly inside `[start, end)`, in text order, each once. */
export function entitiesIn(doc: Doc, start: number, end: number): number[] {
  const out: number[] = [];
  for (const m of doc.mentions) {
    if (m.start >= end) break;
    if (m.start >= start && m.end <= end && m.entity >= 0 && !out.includes(m.entity)) out.push(m.entity);
  }
  return out;
}

export function union(a: number[], b: number[]): number[] {
  return [...a, ...b.filter((x) => !a.includes(x))];
}

/** "by Moscow or Pyongyang" right after a status verb, up to the end of its clause. */
const BY_PHRASE = /^\s+by\s+(?<by>[^.;:]+?)(?=\s*(?:[.;:,]|$|\s(?:and|but|while|which|who)\s))/i;

/** The entities of a "by" phrase starting at `from` (just after the verb), and where the phrase ends. */
export function byPhrase(doc: Doc, from: number, to: number): { by: number[]; end: number } | null {
  const m = BY_PHRASE.exec(doc.text.slice(from, to));
  if (!m) return null;
  const text = m.groups!.by!;
  const start = from + m[0].length - text.length;
  return { by: entitiesIn(doc, start, start + text.length), end: from + m[0].length };
}

/** Shrinks `[start, end)` to exclude surrounding white space. */
export function trimmed(doc: Doc, start: number, end: number): SpanRange {
  while (start < end && /\s/.test(doc.text[start]!)) start++;
  while (end > start && /\s/.test(doc.text[end - 1]!)) end--;
  return { start, end };
}

/**
 * The parties of a reacting statement: its speakers or the parties found, or else the one entity whose name holds
 * the head noun of a definite speaker phrase ("the Church" → Church of Scientology). Nothing when that is not
 * unique.
 */
export function resolvedParties(doc: Doc, st: { speakers: number[]; speakerSpan: SpanRange | null }, found: number[]): number[] {
  if (found.length > 0) return found;
  if (st.speakers.length > 0) return [...st.speakers];
  if (!st.speakerSpan) return [];
  const phrase = /^the\s+(?<head>[A-Z][\w-]+)$/.exec(doc.text.slice(st.speakerSpan.start, st.speakerSpan.end).trim());
  if (!phrase) return [];
  const head = new RegExp(String.raw`\b${phrase.groups!.head!}\b`);
  const named = doc.entities.map((e, k) => ({ e, k })).filter(({ e }) => e.type !== 'PERSON' && head.test(e.name));
  return named.length === 1 ? [named[0]!.k] : [];
}
