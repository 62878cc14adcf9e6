/**
 * Turns the working document model into the public `claimline/1` record. This is the only place where
 * internal indices become public ids (e1, s1, t1, c1, v1) and where spans get their `text`, so every
 * interface (CLI, library, store, exports) shares one shape.
 */
import type { Doc, SpanRange } from '../model/document.js';
import { reportTimexes } from '../stages/time/report-time.js';
import { SCHEMA_ID, warningLine, type AnalysisOut, type Granularity, type Span } from '../model/format.js';
import { speakerSpans } from '../stages/attribution/speaker-mention.js';

export function toOutput(doc: Doc): AnalysisOut {
  const { text } = doc;
  const span = (r: SpanRange): Span => ({ start: r.start, end: r.end, text: text.slice(r.start, r.end) });
  const spanOrNull = (r: SpanRange | null): Span | null => (r ? span(r) : null);
  const eid = (i: number) => `e${i + 1}`;
  const tid = (i: number) => `t${i + 1}`;
  const tidOrNull = (i: number | null) => (i === null ? null : tid(i));
  const sid = (i: number) => `s${i + 1}`;
  const speakerOf = speakerSpans(doc);
  const reportTimeOf = reportTimexes(doc);

  return {
    schema: SCHEMA_ID,
    document: {
      id: doc.meta.id,
      title: doc.meta.title,
      url: doc.meta.url,
      published: doc.meta.published,
      publishedSource: doc.meta.publishedSource,
      language: doc.language,
      text,
      source: doc.meta.source,
    },
    warnings: doc.warnings.map(warningLine),
    diagnostics: doc.warnings.map((d) => ({
      message: d.message, span: d.span && { start: d.span.start, end: d.span.end }, source: d.source, ruleId: d.ruleId,
      severity: d.severity,
    })),
    entities: doc.entities.map((e, i) => ({
      id: eid(i),
      name: e.name,
      type: e.type,
      roles: dedupe(e.roles.map((r) => r.text)),
      roleSpans: e.roles.map(span),
      mentions: e.mentions
        .map((m) => doc.mentions[m]!)
        .sort((a, b) => a.start - b.start)
        .map((m) => ({ ...span(m), kind: m.kind })),
    })),
    statements: doc.statements.map((s, i) => ({
      id: sid(i),
      kind: s.kind,
      speaker: {
        mention: spanOrNull(speakerOf[i]!.mention),
        head: spanOrNull(speakerOf[i]!.head),
        entity: s.speakers.length > 0 ? eid(s.speakers[0]!) : null,
        name: s.speakers.length > 0
          ? s.speakers.map((e) => doc.entities[e]!.name).join('; ')
          : s.speakerName,
        entities: s.speakers.map(eid),
      },
      cue: spanOrNull(s.cuePhrase ?? s.cue),
      content: s.content.map(span),
      channel: spanOrNull(s.channel),
      via: s.via.map(eid),
      addressee: spanOrNull(s.addressee),
      time: tidOrNull(reportTimeOf[i] ?? null),
    })),
    timexes: doc.timexes.map((t, i) => ({
      id: tid(i), start: t.start, end: t.end, text: text.slice(t.start, t.end), type: t.type, value: t.value,
      resolved: t.resolved,
      ...(t.mod ? { mod: t.mod } : {}),
      ...(t.anchor ? { anchor: t.anchor } : {}),
      granularity: t.type === 'DATE' || t.type === 'TIME' ? granularityOf(t.value) : null,
    })),
    claims: doc.claims.map((c, i) => ({
      id: `c${i + 1}`,
      statement: c.statement === null ? null : sid(c.statement),
      text: span(c.text),
      status: c.status,
      by: c.by.map(eid),
      evidence: spanOrNull(c.evidence),
    })),
    events: doc.events.map((e, i) => ({
      id: `v${i + 1}`,
      trigger: span(e.trigger),
      participants: e.participants.map((p) => ({ role: p.role, entity: eid(p.entity) })),
      time: e.time === null ? null : tid(e.time),
      timeRelation: e.timeRelation,
      place: e.place === null ? null : eid(e.place),
      statement: e.statement === null ? null : sid(e.statement),
    })),
    quantities: doc.quantities.map((q) => ({
      span: span(q), value: q.value, unit: q.unit, approx: q.approx, bound: q.bound,
    })),
  };
}

/** Precision of a TIMEX3 DATE/TIME value, read off its shape (2024 → year, 2024-SU → season, 199X → decade). */
export function granularityOf(value: string): Granularity | null {
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return 'time';
  if (/^[\dX]{4}-[\dX]{2}-[\dX]{2}$/.test(value)) return 'day';
  if (/^[\dX]{4}-W[\dX]{2}/.test(value)) return 'week';
  if (/^[\dX]{4}-[\dX]{2}$/.test(value)) return 'month';
  if (/^[\dX]{4}-Q[\dX]$/.test(value)) return 'quarter';
  if (/^[\dX]{4}-H[\dX]$/.test(value)) return 'half';
  if (/^[\dX]{4}-(SP|SU|FA|WI)$/.test(value)) return 'season';
  if (/^[\dX]{4}$/.test(value)) return 'year';
  if (/^\d{3}X$/.test(value)) return 'decade';
  if (/^\d{2}(XX)?$/.test(value)) return 'century';
  return null;
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}
