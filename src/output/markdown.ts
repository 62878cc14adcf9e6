/**
 * A report a person reads: who said what (grouped by speaker, with roles), which claims were confirmed,
 * denied or left unconfirmed and by whom, and a dated timeline. Built only from the `claimline/1` record,
 * so it can be regenerated from stored JSON.
 */
import type { AnalysisOut, Diagnostic, EntityOut, Severity, Span } from '../model/format.js';
import { sentenceAround } from '../util/sentence-around.js';

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const quote = (spans: Span[]) => spans.map((s) => `“${oneLine(s.text)}”`).join(' … ');

const SEVERITY_MARK: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ' };

/** `time: impossible date: "30 February" _(chars 120–131; time/impossible-date)_`. */
function diagnosticLine(g: Diagnostic): string {
  const where = g.span ? `chars ${g.span.start}–${g.span.end}; ` : '';
  return `${oneLine(g.message)} _(${where}${g.ruleId})_`;
}

export function toMarkdown(a: AnalysisOut): string {
  const out: string[] = [];
  const byId = new Map<string, EntityOut>(a.entities.map((e) => [e.id, e]));
  const name = (id: string) => byId.get(id)?.name ?? id;
  const d = a.document;
  out.push(`# ${oneLine(d.title ?? d.id)}`, '');
  const facts = [`id: \`${d.id}\``, `published: ${d.published ?? 'unknown'}${d.publishedSource === 'text' ? ' (from the text)' : ''}`, `language: ${d.language}`];
  if (d.url) facts.push(`url: ${d.url}`);
  out.push(facts.join(' · '), '');
  // Records stored before `diagnostics` existed have only the warning lines.
  if (a.diagnostics) for (const g of a.diagnostics) out.push(`> ${SEVERITY_MARK[g.severity]} ${diagnosticLine(g)}`);
  else for (const w of a.warnings) out.push(`> ⚠ ${w}`);
  if (a.warnings.length || a.diagnostics?.length) out.push('');

  out.push('## Statements', '');
  if (a.statements.length === 0) out.push('_No statements found._', '');
  const groups = new Map<string, typeof a.statements>();
  for (const s of a.statements) {
    const key = s.speaker.entities.length ? s.speaker.entities.map(name).join('; ') : s.speaker.name ?? 'unknown speaker';
    const g = groups.get(key) ?? [];
    g.push(s);
    groups.set(key, g);
  }
  for (const [speaker, list] of groups) {
    const ent = list[0]!.speaker.entity ? byId.get(list[0]!.speaker.entity) : undefined;
    const roles = ent && ent.roles.length ? ` — ${ent.roles.join('; ')}` : '';
    out.push(`### ${speaker}${roles}`, '');
    for (const s of list) {
      const bits = [`${s.kind}`];
      if (s.cue) bits.push(`cue “${s.cue.text}”`);
      if (s.speaker.mention) bits.push(`as “${oneLine(s.speaker.mention.text)}”`);
      if (s.channel) bits.push(`in ${oneLine(s.channel.text)}`);
      if (s.addressee) bits.push(`to ${oneLine(s.addressee.text)}`);
      if (s.via.length) bits.push(`via ${s.via.map(name).join(', ')}`);
      out.push(`- ${quote(s.content)} _(${bits.join(', ')}; chars ${s.content[0]?.start ?? '?'}–${s.content.at(-1)?.end ?? '?'})_`);
    }
    out.push('');
  }

  const notable = a.claims.filter((c) => c.status !== 'asserted');
  out.push('## Claims', '');
  if (notable.length === 0) out.push('_No claim is reported as confirmed, denied, disputed, retracted or unconfirmed._', '');
  for (const c of notable) {
    const st = a.statements.find((s) => s.id === c.statement);
    const claimant = st ? (st.speaker.entities.length ? st.speaker.entities.map(name).join(', ') : st.speaker.name ?? 'unknown') : 'the report';
    const by = c.by.length ? ` by ${c.by.map(name).join(' and ')}` : '';
    out.push(`- **${c.status}${by}**: ${claimant} — “${oneLine(c.text.text)}”` + (c.evidence ? ` (evidence: “${oneLine(c.evidence.text)}”)` : ''));
  }
  if (notable.length) out.push('');

  out.push('## Timeline', '');
  const dated = a.timexes.filter((t) => t.type === 'DATE' || t.type === 'TIME').slice().sort((x, y) => x.value.localeCompare(y.value));
  if (dated.length === 0) out.push('_No dated expressions._', '');
  for (const t of dated) {
    const around = sentenceAround(d.text, t.start, t.end);
    const sentence = d.text.slice(around.start, Math.min(around.end, around.start + 300));
    const flag = t.resolved ? '' : ' (unresolved)';
    out.push(`- **${t.value}**${flag} “${t.text}”: ${oneLine(sentence)}`);
  }
  out.push('');
  if (a.quantities.length) {
    out.push('## Quantities', '');
    for (const q of a.quantities) {
      const detail = [q.value !== null ? String(q.value) : null, q.unit, q.bound ? `${q.bound} bound` : null, q.approx ? 'approximate' : null]
        .filter(Boolean).join(', ');
      out.push(`- “${oneLine(q.span.text)}” (${detail})`);
    }
    out.push('');
  }
  return out.join('\n');
}
