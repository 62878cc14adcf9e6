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
  AnalysisOut, Diagnostic, EntityOut, EventOut, Span, StatementOut, TimexOut,
} from '../model/format.js';
import { warningLine } from '../model/format.js';

/** Texts longer than this (UTF-16 code units) are analysed in sections: ~1 MB, 20x a very long article. */
export const SECTION_THRESHOLD = 1_000_000;
/** Target length of one section. */
export const SECTION_CHARS = 200_000;

/** A full collection (util/gc.ts) every this many sections of one document: each leaves its working model as garbage. */
export const COLLECT_EVERY = 5;

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
  private first: AnalysisOut | null = null;

  constructor(private readonly text: string) {}

  /** Adds the record of the section starting at `base`; drop the record afterwards (nothing of it is kept whole). */
  add(part: AnalysisOut, base: number): void {
    const { text } = this;
    this.first ??= part;
    const span = (s: Span): Span => ({ start: s.start + base, end: s.end + base, text: text.slice(s.start + base, s.end + base) });
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
      for (const m of e.mentions) into.mentions.push({ ...span(m), kind: m.kind });
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
      this.timexes.push({ ...t, id: tid(t.id)!, start: t.start + base, end: t.end + base, text: text.slice(t.start + base, t.end + base) });
    }
    for (const s of part.statements) {
      this.statements.push({
        ...s,
        id: sid(s.id)!,
        speaker: {
          ...s.speaker,
          mention: spanOrNull(s.speaker.mention),
          ...(s.speaker.head !== undefined ? { head: spanOrNull(s.speaker.head) } : {}),
          entity: eidOrNull(s.speaker.entity),
          entities: s.speaker.entities.map(eid),
        },
        cue: spanOrNull(s.cue),
        content: s.content.map(span),
        channel: spanOrNull(s.channel),
        via: s.via.map(eid),
        addressee: spanOrNull(s.addressee),
        time: tid(s.time),
      });
    }
    for (const c of part.claims) {
      this.claims.push({
        ...c, id: `c${this.claims.length + 1}`, statement: sid(c.statement), text: span(c.text), by: c.by.map(eid),
        evidence: spanOrNull(c.evidence),
      });
    }
    for (const v of part.events) {
      this.events.push({
        ...v, id: `v${this.events.length + 1}`, trigger: span(v.trigger),
        participants: v.participants.map((p) => ({ role: p.role, entity: eid(p.entity) })),
        time: tid(v.time), place: eidOrNull(v.place), statement: sid(v.statement),
      });
    }
    for (const q of part.quantities) this.quantities.push({ ...q, span: span(q.span) });
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
