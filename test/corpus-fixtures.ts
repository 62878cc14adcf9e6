/**
 * Hand-made `claimline/1` records for the corpus tests: a text and its layers named by the strings they cover,
 * so a test reads like the article it describes. Every span is found in the text; a typo fails loudly.
 */
import {
  SCHEMA_ID, type AnalysisOut, type ClaimStatus, type EntityType, type MentionKind, type Span,
} from '../src/model/format.js';

export interface FixtureEntity {
  id: string;
  name: string;
  type: EntityType;
  roles?: string[];
  /** Surface strings; every occurrence in the text becomes a mention (kind `name`, or as given after `|`). */
  mentions?: string[];
}

export interface FixtureStatement { id: string; speaker: string | null; speakerName?: string; cue: string; content: string; time?: string }
export interface FixtureClaim { id: string; statement?: string; text: string; status: ClaimStatus; by?: string[]; evidence?: string }
export interface FixtureEvent { id: string; trigger: string; time?: string; resolved?: boolean; statement?: string }

export interface FixtureDoc {
  id: string;
  text: string;
  title?: string;
  url?: string;
  published?: string;
  entities?: FixtureEntity[];
  statements?: FixtureStatement[];
  claims?: FixtureClaim[];
  events?: FixtureEvent[];
}

export function span(text: string, s: string, from = 0): Span {
  const at = text.indexOf(s, from);
  if (at < 0) throw new Error(`fixture text lacks ${JSON.stringify(s)}`);
  return { start: at, end: at + s.length, text: s };
}

function all(text: string, s: string): Span[] {
  const out: Span[] = [];
  for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + s.length)) out.push({ start: at, end: at + s.length, text: s });
  if (out.length === 0) throw new Error(`fixture text lacks ${JSON.stringify(s)}`);
  return out;
}

export function record(d: FixtureDoc): AnalysisOut {
  const t = d.text;
  const timexes: AnalysisOut['timexes'] = [];
  const timexFor = (value: string, resolved = true) => {
    const id = `t${timexes.length + 1}`;
    timexes.push({ id, start: 0, end: 0, text: '', type: 'DATE', value, resolved });
    return id;
  };
  const out: Omit<AnalysisOut, 'timexes'> = {
    schema: SCHEMA_ID,
    document: {
      id: d.id, title: d.title ?? null, url: d.url ?? null, published: d.published ?? null,
      publishedSource: d.published ? 'metadata' : null, language: 'en', text: t, source: null,
    },
    warnings: [],
    entities: (d.entities ?? []).map((e) => ({
      id: e.id, name: e.name, type: e.type, roles: e.roles ?? [], roleSpans: (e.roles ?? []).map((r) => span(t, r)),
      mentions: (e.mentions ?? [e.name]).flatMap((m) => {
        const [s, kind] = m.split('|') as [string, MentionKind | undefined];
        return all(t, s).map((x) => ({ ...x, kind: kind ?? 'name' }));
      }),
    })),
    statements: (d.statements ?? []).map((s) => ({
      id: s.id, kind: 'indirect',
      speaker: { mention: null, entity: s.speaker, name: s.speakerName ?? null, entities: s.speaker ? [s.speaker] : [] },
      cue: span(t, s.cue), content: [span(t, s.content)], channel: null, via: [], addressee: null,
      time: s.time ? timexFor(s.time) : null,
    })),
    claims: (d.claims ?? []).map((c) => ({
      id: c.id, statement: c.statement ?? null, text: span(t, c.text), status: c.status, by: c.by ?? [],
      evidence: c.evidence ? span(t, c.evidence) : null,
    })),
    events: (d.events ?? []).map((ev) => ({
      id: ev.id, trigger: span(t, ev.trigger), participants: [],
      time: ev.time ? timexFor(ev.time, ev.resolved ?? !ev.time.includes('X')) : null,
      timeRelation: ev.time ? 'at' : null, place: null, statement: ev.statement ?? null,
    })),
    quantities: [],
  };
  return { ...out, timexes };
}
