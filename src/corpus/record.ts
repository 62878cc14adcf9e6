/**
 * What the corpus keeps of one `claimline/1` record: a compact, JSON-safe digest (entities with aliases and
 * roles, statements, claims and events with their times and paragraphs, the paragraph hashes and story keywords)
 * plus the text fingerprint. The full record stays in the store; the corpus never needs the text again.
 */
import type { AnalysisOut, ClaimStatus, EntityType, Span, StatementKind } from '../model/format.js';
import { entityCues, placeEnds } from './entity-cues.js';
import { murmur32 } from './hash.js';
import { contentStems, FUNCTION_WORDS, paragraphs, stem, words } from './text.js';

/** Longest statement or claim text kept in the digest (the store has the rest). */
export const MAX_TEXT = 400;
/** Keywords per document for story grouping. */
export const STORY_KEYWORDS = 24;

export interface EntityDigest {
  id: string;
  name: string;
  type: EntityType;
  roles: string[];
  /** Other names the document uses for it (acronyms, short forms), as written. */
  aliases: string[];
  mentions: number;
  /** Which of several same-named things the words around its names point to (entity-cues.ts); absent in old stores. */
  cues?: string[];
}

export interface StatementDigest {
  id: string;
  kind: StatementKind;
  /** Document entity ids of the speakers (first is the main one). */
  speakers: string[];
  speakerName: string | null;
  cue: string | null;
  content: string;
  channel: string | null;
  via: string[];
  /** Report time: the statement's own timex value, when it has one. */
  time: string | null;
  paragraph: number;
  start: number;
  end: number;
}

export interface ClaimDigest {
  id: string;
  statement: string | null;
  text: string;
  status: ClaimStatus;
  by: string[];
  evidence: string | null;
  /** Document entities named inside the claim text. */
  entities: string[];
  /** Numbers in the claim (quantities and digits), normalised. */
  numbers: number[];
  paragraph: number;
}

export interface EventDigest {
  id: string;
  trigger: string;
  /** The sentence-ish context around the trigger, for a timeline line. */
  text: string;
  time: string | null;
  timeText: string | null;
  resolved: boolean;
  relation: string | null;
  statement: string | null;
  paragraph: number;
}

export interface DocDigest {
  id: string;
  title: string | null;
  url: string | null;
  published: string | null;
  /** The outlet: the URL's host without `www.`, else the directory of `source`, else null. */
  outlet: string | null;
  /** Paragraph hashes (normalised text), in order. */
  paragraphs: number[];
  entities: EntityDigest[];
  statements: StatementDigest[];
  claims: ClaimDigest[];
  events: EventDigest[];
  /** Most frequent content stems with their counts, for story grouping. */
  keywords: [string, number][];
}

export function outletOf(url: string | null, source: string | null): string | null {
  if (url) {
    try {
      return new URL(url).hostname.replace(/^www\./, '').toLowerCase();
    } catch { /* not a URL: fall through */ }
  }
  if (source && /[\\/]/.test(source)) return source.replace(/[\\/][^\\/]*$/, '');
  return null;
}

/** The hash of a paragraph's words: case, punctuation and spacing do not matter. */
export function paragraphHash(text: string): number {
  return murmur32(words(text).join(' '), 0x70a7a);
}

export function digest(a: AnalysisOut): DocDigest {
  const text = a.document.text;
  const paras = paragraphs(text);
  const paraOf = (offset: number): number => {
    let lo = 0;
    let hi = paras.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (paras[mid]!.start <= offset) lo = mid; else hi = mid - 1;
    }
    return Math.max(0, lo);
  };
  const timex = new Map(a.timexes.map((t) => [t.id, t]));
  const nameMentions = a.entities.flatMap((e) => e.mentions
    .filter((m) => m.kind === 'name' || m.kind === 'acronym' || m.kind === 'demonym')
    .map((m) => ({ entity: e.id, start: m.start, end: m.end })));
  const entitiesIn = (s: { start: number; end: number }) =>
    [...new Set(nameMentions.filter((m) => m.start >= s.start && m.end <= s.end).map((m) => m.entity))];

  const ends = placeEnds(a.entities);
  const entities: EntityDigest[] = a.entities.map((e) => {
    const aliases = new Set<string>();
    for (const m of e.mentions) {
      if ((m.kind === 'name' || m.kind === 'acronym') && m.text !== e.name) aliases.add(m.text);
    }
    return {
      id: e.id, name: e.name, type: e.type, roles: [...new Set(e.roles)], aliases: [...aliases],
      mentions: e.mentions.length, cues: entityCues(text, e, ends),
    };
  });

  const statements: StatementDigest[] = a.statements.map((s) => {
    const spans: Span[] = [s.speaker.mention, s.cue, ...s.content].filter((x): x is Span => x !== null);
    const start = Math.min(...spans.map((x) => x.start));
    const end = Math.max(...spans.map((x) => x.end));
    const t = s.time ? timex.get(s.time) : undefined;
    return {
      id: s.id, kind: s.kind,
      speakers: [...new Set([s.speaker.entity, ...s.speaker.entities].filter((x): x is string => !!x))],
      speakerName: s.speaker.name, cue: s.cue?.text ?? null,
      content: clip(s.content.map((c) => c.text).join(' … ')), channel: s.channel?.text ?? null, via: s.via,
      time: t && t.resolved ? t.value : null, paragraph: paraOf(start), start, end,
    };
  });

  const claims: ClaimDigest[] = a.claims.map((c) => {
    const numbers = a.quantities
      .filter((q) => q.value !== null && q.span.start >= c.text.start && q.span.end <= c.text.end)
      .map((q) => q.value!);
    for (const m of c.text.text.matchAll(/\d[\d,]*(?:\.\d+)?/g)) {
      const v = Number(m[0].replace(/,/g, ''));
      if (Number.isFinite(v) && !numbers.includes(v)) numbers.push(v);
    }
    return {
      id: c.id, statement: c.statement, text: clip(c.text.text), status: c.status, by: c.by,
      evidence: c.evidence?.text ?? null, entities: entitiesIn(c.text), numbers, paragraph: paraOf(c.text.start),
    };
  });

  const events: EventDigest[] = a.events.map((ev) => {
    const t = ev.time ? timex.get(ev.time) : undefined;
    return {
      id: ev.id, trigger: ev.trigger.text, text: clip(sentenceAround(text, ev.trigger.start, ev.trigger.end)),
      time: t ? t.value : null, timeText: t ? t.text : null, resolved: t ? t.resolved : false,
      relation: ev.timeRelation, statement: ev.statement, paragraph: paraOf(ev.trigger.start),
    };
  });

  return {
    id: a.document.id, title: a.document.title, url: a.document.url, published: a.document.published,
    outlet: outletOf(a.document.url, a.document.source),
    paragraphs: paras.map((p) => paragraphHash(text.slice(p.start, p.end))),
    // The headline counts twice: it names the story in the fewest words.
    entities, statements, claims, events, keywords: keywords(`${a.document.title ?? ''}\n${a.document.title ?? ''}\n${text}`),
  };
}

function clip(s: string): string {
  return s.length <= MAX_TEXT ? s : `${s.slice(0, MAX_TEXT - 1)}…`;
}

/** The sentence around `[start, end)`: from the previous sentence end to the next one. */
function sentenceAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && !/[.!?\n]/.test(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && !/[.!?\n]/.test(text[e]!)) e++;
  if (e < text.length && text[e] !== '\n') e++;
  return text.slice(s, e).trim();
}

/** Day and month names (stemmed as `contentStems` leaves them): dates say when, not what a story is about. */
const CALENDAR = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january',
  'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'week',
  'month', 'year', 'day'].flatMap((w) => [w, stem(w)]));

function keywords(text: string): [string, number][] {
  const counts = new Map<string, number>();
  for (const w of contentStems(text)) {
    if (w.length < 3 || /^\d+$/.test(w) || FUNCTION_WORDS.has(w) || CALENDAR.has(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, STORY_KEYWORDS);
}
