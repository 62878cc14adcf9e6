/**
 * Very long documents are analysed in sections. The working model holds a few hundred bytes per token (tokens,
 * features, mentions, the layers over them), so a 20 MB text analysed whole needs gigabytes, and some stages
 * (wink's tokeniser and sentence splitter above all) slow down on one huge paragraph. A text over
 * `SECTION_THRESHOLD` characters is cut into sections of about `SECTION_CHARS` at blank lines, else line breaks,
 * else sentence ends; each section runs through the whole pipeline as a document of its own and only its
 * `claimline/1` record is kept; the records are then joined into one, offsets shifted into the whole text.
 *
 * What a section cannot see: coreference, speaker attribution and claim links never reach across a section
 * boundary; entities of one type and name are joined across sections afterwards (the same `name` the entity stage
 * would give them). Ordinary articles are far below the threshold and are analysed whole, exactly as before.
 */
import type {
  AnalysisOut, Diagnostic, EntityOut, EventOut, Span, SpeakerOut, StatementOut, TimexOut,
} from '../model/format.js';
import { warningLine } from '../model/format.js';

/** Texts longer than this (UTF-16 code units) are analysed in sections: ~1 MB, 20x a very long article. */
export const SECTION_THRESHOLD = 1_000_000;
/** Target length of one section. */
export const SECTION_CHARS = 200_000;

/** A full collection (util/gc.ts) every this many sections of one document: each leaves its working model as garbage. */
export const COLLECT_EVERY = 10;

export interface Section {
  start: number;
  end: number;
}

const BLANK_LINE = /\n[ \t\r\f\v]*\n/g;
/** A sentence end: terminal punctuation, closing quotes or brackets, space, then what starts a sentence. */
const SENTENCE_END = /[.!?]["'”’)\]]*\s+(?=["'“‘(\[]?[\p{Lu}\d])/gu;

/** The last match of `re` (global) ending inside `[from, to)`; returns the index just after it, or -1. */
function lastBreak(text: string, re: RegExp, from: number, to: number): number {
  let found = -1;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index + m[0].length <= to; m = re.exec(text)) found = m.index + m[0].length;
  return found;
}

/** The first match of `re` (global) starting in `[from, to)`; returns the index just after it, or -1. */
function firstBreak(text: string, re: RegExp, from: number, to: number): number {
  re.lastIndex = from;
  const m = re.exec(text);
  return m && m.index < to ? m.index + m[0].length : -1;
}

/**
 * Cuts `text` into consecutive sections covering it, each about `size` long: at the last blank line in the
 * second half of the target length, else the last line break there, else the first sentence end after it, else
 * the first space; a hard cut (never inside a surrogate pair) only for text with no space at all.
 */
export function sectionBounds(text: string, size = SECTION_CHARS): Section[] {
  const out: Section[] = [];
  let pos = 0;
  while (text.length - pos > size * 1.5) {
    const target = pos + size;
    const half = pos + Math.floor(size / 2);
    let cut = lastBreak(text, BLANK_LINE, half, target);
    if (cut < 0) {
      const nl = text.lastIndexOf('\n', target - 1);
      if (nl >= half) cut = nl + 1;
    }
    if (cut < 0) cut = firstBreak(text, SENTENCE_END, target, target + size / 2);
    if (cut < 0) {
      const sp = text.indexOf(' ', target);
      if (sp >= 0 && sp < target + size / 2) cut = sp + 1;
    }
    if (cut < 0) {
      cut = target;
      const c = text.charCodeAt(cut - 1);
      if (c >= 0xd800 && c <= 0xdbff) cut++;
    }
    out.push({ start: pos, end: cut });
    pos = cut;
  }
  out.push({ start: pos, end: text.length });
  return out;
}

/** Joins records of the sections of `text` (in order, each from the section's own text) into one record. */
export class SectionJoiner {
  private readonly entities: EntityOut[] = [];
  private readonly entityByKey = new Map<string, number>();
  private readonly statements: StatementOut[] = [];
  private readonly timexes: TimexOut[] = [];
  private readonly claims: AnalysisOut['claims'] = [];
  private readonly events: EventOut[] = [];
  private readonly quantities: AnalysisOut['quantities'] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly documentWide = new Set<string>();
  private first: Pick<AnalysisOut, 'schema' | 'document'> | null = null;

  constructor(private readonly text: string) {}

  /**
   * Adds the record of the section starting at `base`; drop the record afterwards. Every object is built as a
   * literal with the keys in toOutput's order: spreading the section's objects and overriding keys made objects
   * several times their size (a statement took 1.6 kB), and the joined record of a 20 MB text is most of what
   * stays live.
   */
  add(part: AnalysisOut, base: number): void {
    this.first ??= { schema: part.schema, document: part.document };
    // A span's text is the section's slice, which is the same characters of the whole text: kept, not re-sliced.
    const span = (s: Span): Span => ({ start: s.start + base, end: s.end + base, text: s.text });
    const spanOrNull = (s: Span | null | undefined): Span | null => (s ? span(s) : null);
    const entityId = new Map<string, string>();
    for (const e of part.entities) {
      const key = `${e.type}\u0000${e.name}`;
      let at = this.entityByKey.get(key);
      if (at === undefined) {
        at = this.entities.length;
        this.entityByKey.set(key, at);
        this.entities.push({ id: `e${at + 1}`, name: e.name, type: e.type, roles: [], roleSpans: [], mentions: [] });
      }
      const into = this.entities[at]!;
      for (const r of e.roles) if (!into.roles.includes(r)) into.roles.push(r);
      for (const r of e.roleSpans) into.roleSpans.push(span(r));
      for (const m of e.mentions) into.mentions.push({ start: m.start + base, end: m.end + base, text: m.text, kind: m.kind });
      entityId.set(e.id, into.id);
    }
    const eid = (id: string) => entityId.get(id)!;
    const eidOrNull = (id: string | null) => (id === null ? null : eid(id));
    const renumber = (items: { id: string }[], prefix: string, offset: number) => {
      const map = new Map<string, string>();
      items.forEach((x, i) => map.set(x.id, `${prefix}${offset + i + 1}`));
      return (id: string | null) => (id === null ? null : map.get(id)!);
    };
    const sid = renumber(part.statements, 's', this.statements.length);
    const tid = renumber(part.timexes, 't', this.timexes.length);
    for (const t of part.timexes) {
      const out: TimexOut = {
        id: tid(t.id)!, start: t.start + base, end: t.end + base, text: t.text, type: t.type, value: t.value,
        resolved: t.resolved,
      };
      if (t.mod !== undefined) out.mod = t.mod;
      if (t.anchor !== undefined) out.anchor = t.anchor;
      if (t.granularity !== undefined) out.granularity = t.granularity;
      this.timexes.push(out);
    }
    for (const s of part.statements) {
      const sp = s.speaker;
      const speaker: SpeakerOut = sp.head !== undefined
        ? { mention: spanOrNull(sp.mention), head: spanOrNull(sp.head), entity: eidOrNull(sp.entity), name: sp.name, entities: sp.entities.map(eid) }
        : { mention: spanOrNull(sp.mention), entity: eidOrNull(sp.entity), name: sp.name, entities: sp.entities.map(eid) };
      this.statements.push({
        id: sid(s.id)!, kind: s.kind, speaker, cue: spanOrNull(s.cue), content: s.content.map(span),
        channel: spanOrNull(s.channel), via: s.via.map(eid), addressee: spanOrNull(s.addressee), time: tid(s.time),
      });
    }
    for (const c of part.claims) {
      this.claims.push({
        id: `c${this.claims.length + 1}`, statement: sid(c.statement), text: span(c.text), status: c.status,
        by: c.by.map(eid), evidence: spanOrNull(c.evidence),
      });
    }
    for (const v of part.events) {
      this.events.push({
        id: `v${this.events.length + 1}`, trigger: span(v.trigger),
        participants: v.participants.map((p) => ({ role: p.role, entity: eid(p.entity) })),
        time: tid(v.time), timeRelation: v.timeRelation, place: eidOrNull(v.place), statement: sid(v.statement),
      });
    }
    for (const q of part.quantities) {
      this.quantities.push({ span: span(q.span), value: q.value, unit: q.unit, approx: q.approx, bound: q.bound });
    }
    for (const d of part.diagnostics ?? []) {
      if (d.span) {
        this.diagnostics.push({ ...d, span: { start: d.span.start + base, end: d.span.end + base } });
        continue;
      }
      // Document-wide notes (a missing model, the language) are said once, not once per section.
      const key = `${d.ruleId}\u0000${d.message}`;
      if (this.documentWide.has(key)) continue;
      this.documentWide.add(key);
      this.diagnostics.push(d);
    }
  }

  /** The joined record; `sections` is said in a note, since analysis did not reach across their boundaries. */
  finish(sections: number): AnalysisOut {
    const first = this.first!;
    const note: Diagnostic = {
      message: `document of ${this.text.length} characters analysed in ${sections} sections of about ${SECTION_CHARS}: `
        + 'coreference and attribution do not reach across a section boundary',
      span: null, source: 'pipeline', ruleId: 'pipeline/sections', severity: 'info',
    };
    const diagnostics = [...this.diagnostics, note];
    return {
      schema: first.schema,
      document: { ...first.document, text: this.text },
      warnings: diagnostics.map(warningLine),
      diagnostics,
      entities: this.entities,
      statements: this.statements,
      timexes: this.timexes,
      claims: this.claims,
      events: this.events,
      quantities: this.quantities,
    };
  }
}
