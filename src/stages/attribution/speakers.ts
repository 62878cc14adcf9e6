/**
 * Speaker linking: from the speaker phrase as written to the entities of `doc.mentions` (filled by the NER and
 * coreference stages). A coordinated subject ("the United States, South Korea and Ukraine") yields every
 * conjunct's entity; otherwise the mention holding the phrase's head wins.
 */
import type { Doc, Mention, SpanRange } from '../../model/document.js';

/** Mentions overlapping `[start, end)`, found by binary search (mentions are kept sorted by start). */
function mentionsIn(mentions: Mention[], start: number, end: number): Mention[] {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  // Mentions may nest, so step back over any that start earlier but still overlap.
  while (lo > 0 && mentions[lo - 1]!.end > start) lo--;
  const out: Mention[] = [];
  for (let i = lo; i < mentions.length && mentions[i]!.start < end; i++) {
    const m = mentions[i]!;
    if (m.end > start && m.entity >= 0) out.push(m);
  }
  return out;
}

function isCoordinated(doc: Doc, span: SpanRange, parts: Mention[]): boolean {
  if (parts.length < 2) return false;
  const between = doc.text.slice(parts[parts.length - 2]!.end, parts[parts.length - 1]!.start);
  return /^\s*(,\s*)?(and|&)\s*$/i.test(between) && span.end >= parts[parts.length - 1]!.end;
}

/** Entity indices for a speaker phrase; empty when no entity mention lies there. */
export function linkSpeaker(doc: Doc, span: SpanRange, sorted: Mention[]): number[] {
  const inside = mentionsIn(sorted, span.start, span.end);
  if (inside.length === 0) return [];
  // Outermost mentions only (a nominal "the Russian diplomat" may contain a name mention).
  const outer = inside.filter((m) => !inside.some((o) => o !== m && o.start <= m.start && o.end >= m.end
    && (o.end - o.start) > (m.end - m.start)));
  if (isCoordinated(doc, span, outer)) return [...new Set(outer.map((m) => m.entity))];
  // The head: the mention that ends the phrase, else the one before the first inner preposition
  // ("a reporter for USA Today" is the reporter, not USA Today).
  // A person's name closing the phrase wins over its title ("Secretary of State John Kerry").
  const atEnd = outer.find((m) => m.end >= span.end);
  if (atEnd?.type === 'PERSON') return [atEnd.entity];
  const preposition = /\s(of|for|at|with|from|in)\s/i.exec(doc.text.slice(span.start, span.end));
  if (preposition) {
    const cut = span.start + preposition.index;
    const before = outer.filter((m) => m.end <= cut);
    return before.length > 0 ? [before[before.length - 1]!.entity] : [];
  }
  if (atEnd) return [atEnd.entity];
  return [outer[outer.length - 1]!.entity];
}

const PERSONAL = new Set(['he', 'she', 'him', 'her']);
const PLURAL = new Set(['they', 'we']);
/** Entity types a plural or impersonal pronoun may stand for. */
const GROUP_TYPES = new Set(['ORG', 'GPE', 'NORP']);

/** What a pronoun speaker may refer to: a person for "he"/"she", a group or several for "they"/"we". */
function compatible(doc: Doc, pronoun: string, speakers: number[]): boolean {
  if (speakers.length === 0) return false;
  if (PERSONAL.has(pronoun)) return speakers.length === 1 && doc.entities[speakers[0]!]!.type === 'PERSON';
  if (PLURAL.has(pronoun)) return speakers.length > 1 || GROUP_TYPES.has(doc.entities[speakers[0]!]!.type);
  return false;
}

/**
 * Speakers of a pronoun speaker phrase ("he said") when coreference left it unlinked, or linked it to someone the
 * statement itself names as addressee or channel ("Speaking to Martin Smith of PBS, he said": not Smith). Falls
 * back to the nearest earlier statement's compatible speaker within `window` characters, else the nearest earlier
 * person named outside the statement's own phrases (for "he"/"she"). `linked` is what linkSpeaker gave.
 */
export function resolvePronounSpeaker(doc: Doc, span: SpanRange, linked: number[], excluded: SpanRange[],
  earlier: { speakers: number[]; at: number }[], sorted: Mention[], window: number): number[] {
  const pronoun = doc.text.slice(span.start, span.end).toLowerCase();
  if (!PERSONAL.has(pronoun) && !PLURAL.has(pronoun)) return linked;
  const named = new Set(excluded.flatMap((r) => mentionsIn(sorted, r.start, r.end).map((m) => m.entity)));
  if (linked.length > 0 && !linked.some((e) => named.has(e))) return linked;
  for (let i = earlier.length - 1; i >= 0; i--) {
    const st = earlier[i]!;
    if (span.start - st.at > window) break;
    if (compatible(doc, pronoun, st.speakers) && !st.speakers.some((e) => named.has(e))) return st.speakers;
  }
  if (!PERSONAL.has(pronoun)) return [];
  const before = mentionsIn(sorted, Math.max(0, span.start - window), span.start);
  for (let i = before.length - 1; i >= 0; i--) {
    const m = before[i]!;
    if (m.type === 'PERSON' && m.kind === 'name' && !named.has(m.entity) && m.end <= span.start) return [m.entity];
  }
  return [];
}
