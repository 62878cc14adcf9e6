/**
 * The article text with its annotations as HTML: every statement's content is one link (or several, when the
 * quote is interrupted) coloured by speaker and preceded by the speaker's name, so it reads without colour;
 * speaker mentions, cues and time expressions are marked inside. Spans may overlap (a quote inside a quote), so
 * the text is cut at every span boundary and each piece gets the innermost statement that covers it.
 */
import { esc } from '../security.js';

export interface TextStatement {
  id: string;
  speakerName: string;
  colour: string;
  content: { start: number; end: number }[];
  mention: { start: number; end: number } | null;
  cue: { start: number; end: number } | null;
}

export interface TextTimex {
  id: string;
  start: number;
  end: number;
  value: string;
}

interface Mark {
  start: number;
  end: number;
  kind: 'content' | 'mention' | 'cue' | 'timex';
  statement: number;
  timex?: TextTimex;
}

export function annotatedText(text: string, statements: TextStatement[], timexes: TextTimex[]): string {
  const marks: Mark[] = [];
  const inText = (s: { start: number; end: number }) => s.start >= 0 && s.end <= text.length && s.start < s.end;
  statements.forEach((s, i) => {
    for (const c of s.content) if (inText(c)) marks.push({ ...c, kind: 'content', statement: i });
    if (s.mention && inText(s.mention)) marks.push({ ...s.mention, kind: 'mention', statement: i });
    if (s.cue && inText(s.cue)) marks.push({ ...s.cue, kind: 'cue', statement: i });
  });
  for (const t of timexes) if (inText(t)) marks.push({ start: t.start, end: t.end, kind: 'timex', statement: -1, timex: t });
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) { cuts.add(m.start); cuts.add(m.end); }
  const points = [...cuts].sort((a, b) => a - b);
  // Marks sorted by start let each piece look only at marks that began before it.
  marks.sort((a, b) => a.start - b.start);

  const out: string[] = [];
  const labelled = new Set<number>();
  let open: number | null = null;
  const parts = new Map<number, number>();
  let active: Mark[] = [];
  let next = 0;
  for (let p = 0; p + 1 < points.length; p++) {
    const start = points[p]!;
    const end = points[p + 1]!;
    active = active.filter((m) => m.end > start);
    while (next < marks.length && marks[next]!.start <= start) {
      if (marks[next]!.end > start) active.push(marks[next]!);
      next++;
    }
    let owner: Mark | null = null;
    for (const m of active) {
      if (m.kind !== 'content') continue;
      if (!owner || m.end - m.start < owner.end - owner.start) owner = m;
    }
    const stmt = owner ? owner.statement : null;
    if (stmt !== open) {
      if (open !== null) out.push('</a>');
      if (stmt !== null) {
        const s = statements[stmt]!;
        if (!labelled.has(stmt)) {
          labelled.add(stmt);
          out.push(`<span class="speaker-label ${esc(s.colour)}" data-statement="${esc(s.id)}">${esc(s.speakerName)}</span>`);
        }
        const part = (parts.get(stmt) ?? 0) + 1;
        parts.set(stmt, part);
        out.push(`<a class="stmt ${esc(s.colour)}" id="q-${esc(s.id)}-${part}" href="#st-${esc(s.id)}" data-statement="${esc(s.id)}" `
          + `aria-label="Statement by ${esc(s.speakerName)}">`);
      }
      open = stmt;
    }
    let piece = esc(text.slice(start, end));
    for (const m of active) {
      if (m.kind === 'timex') piece = `<span class="timex" data-timex="${esc(m.timex!.id)}" data-value="${esc(m.timex!.value)}" title="${esc(m.timex!.value)}">${piece}</span>`;
    }
    for (const m of active) {
      if (m.kind === 'mention' || m.kind === 'cue') {
        const cls = m.kind === 'mention' ? 'speaker-mention' : 'cue';
        piece = `<span class="${cls}" data-statement="${esc(statements[m.statement]!.id)}">${piece}</span>`;
      }
    }
    out.push(piece);
  }
  if (open !== null) out.push('</a>');
  return out.join('');
}
