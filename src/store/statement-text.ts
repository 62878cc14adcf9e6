/**
 * How a statement reads in the store, the same in every backend: its speaker's display name, its content in one
 * string, where it stands in the text and which entities it links to.
 */
import type { AnalysisOut, Span, StatementOut } from '../model/format.js';
import { sentenceAround } from '../util/sentence-around.js';

const CONTENT_JOINER = ' … ';

/** Display name: the linked entity's name, else the stated name, else the speaker mention as written. */
export function speakerName(names: Map<string, string>, st: StatementOut): string | null {
  return (st.speaker.entity ? names.get(st.speaker.entity) : undefined) ?? st.speaker.name ?? st.speaker.mention?.text ?? null;
}

export const entityNames = (a: AnalysisOut): Map<string, string> => new Map(a.entities.map((e) => [e.id, e.name]));

export function statementContent(st: StatementOut): string {
  return st.content.map((c) => c.text).join(CONTENT_JOINER);
}

/**
 * The statement's extent over every span it covers (speaker and cue too, not just the quote) and the sentence
 * around that extent.
 */
export function statementExtent(text: string, st: StatementOut): { start: number; end: number; sentenceStart: number; sentenceEnd: number } {
  const spans: Span[] = [...st.content];
  for (const s of [st.speaker.mention, st.cue, st.channel]) if (s) spans.push(s);
  if (spans.length === 0) throw new Error(`statement ${st.id} has no spans (no content, speaker or cue)`);
  const start = Math.min(...spans.map((s) => s.start));
  const end = Math.max(...spans.map((s) => s.end));
  const sentence = sentenceAround(text, start, end);
  return { start, end, sentenceStart: sentence.start, sentenceEnd: sentence.end };
}

/** The statement's entity links: its speaker entities, and every entity with a mention inside its content. */
export function statementLinks(a: AnalysisOut, st: StatementOut): [entityId: string, role: 'speaker' | 'about'][] {
  const links: [string, 'speaker' | 'about'][] = [];
  for (const id of [st.speaker.entity, ...st.speaker.entities]) if (id) links.push([id, 'speaker']);
  for (const e of a.entities) {
    if (e.mentions.some((m) => st.content.some((c) => m.start >= c.start && m.end <= c.end))) links.push([e.id, 'about']);
  }
  return links;
}
