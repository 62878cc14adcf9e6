/** What `claimline eval news` prints: the per-document table, the `-v` listing, the summary line, or JSON. */
import type { NewsScores } from './score.js';

const one = (x: number) => x.toFixed(1);

/** One line of `key=value` figures (percentages with one decimal; `a/b` pairs are counts). */
export function summaryLine(s: NewsScores): string {
  const f = s.figures;
  const pairs: [string, string][] = [
    ['documents', String(s.documents)],
    ['statements_P', one(f.statements.precision)], ['statements_R', one(f.statements.recall)], ['statements_F1', one(f.statements.f1)],
    ['speaker', one(f.speaker)], ['cue', one(f.cue)], ['kind', one(f.kind)],
    ['channel', `${f.channel.found}/${f.channel.gold}`],
    ['timex_relaxed_F1', one(f.timex.relaxed.f1)], ['timex_value_F1', one(f.timex.valueF1)],
    ['claims_found', one(f.claims.found)], ['claim_status', one(f.claims.status)], ['claim_parties', one(f.claims.parties)],
    ['claim_both', one(f.claims.both)], ['flipped_polarity', String(f.claims.flipped)],
    ['entity_found', one(f.entities.found)], ['entity_type', one(f.entities.type)],
    ['entity_roles', one(f.entities.roles)], ['entity_mentions', one(f.entities.mentions)],
    ['scare_quotes_taken', `${f.scareQuotes.taken}/${f.scareQuotes.gold}`],
  ];
  if (s.missing) pairs.splice(1, 0, ['missing_outputs', String(s.missing)]);
  return pairs.map(([k, v]) => `${k}=${v}`).join(' ');
}

/** The statements table: one row per document and a total row. */
export function documentTable(s: NewsScores): string {
  const width = Math.max(8, ...s.perDocument.map((d) => d.name.length)) + 2;
  const num = (x: number) => String(x).padStart(8);
  const row = (name: string, c: NewsScores['counts']['statements'], note = '') =>
    `${name.padEnd(width)}${num(c.gold)}${num(c.system)}${num(c.found)}${num(c.speakerRight)}${num(c.cueRight)}${note}`;
  return [
    `${'document'.padEnd(width)}${['gold', 'system', 'found', 'speaker', 'cue'].map((h) => h.padStart(8)).join('')}`,
    ...s.perDocument.map((d) => row(d.name, d.statements, d.missing ? '   (no system output: all misses)' : '')),
    row('total', s.counts.statements),
  ].join('\n');
}

/** The `-v` listing: every miss, one line each, `document  class  detail`, by document. */
export function issueListing(s: NewsScores): string {
  return s.perDocument.flatMap((d) => d.issues.map((line) => `${d.name}\t${line}`)).join('\n');
}

/** Counts of `-v` lines by class ("statement missed": 93, ...), largest first. */
export function issueClasses(s: NewsScores): [string, number][] {
  const n = new Map<string, number>();
  for (const d of s.perDocument) for (const line of d.issues) {
    const cls = line.slice(0, line.indexOf('\t'));
    n.set(cls, (n.get(cls) ?? 0) + 1);
  }
  return [...n].sort((a, b) => b[1] - a[1]);
}

export function formatReport(s: NewsScores, verbose: boolean): string {
  const parts: string[] = [];
  if (verbose) {
    parts.push(issueListing(s), '', `misses by class: ${issueClasses(s).map(([k, v]) => `${k} ${v}`).join(', ')}`, '');
  }
  parts.push(documentTable(s), '', summaryLine(s));
  return parts.join('\n');
}

/** The scores as JSON; the per-document `-v` lines only when asked for. */
export function formatJson(s: NewsScores, verbose: boolean): string {
  const perDocument = s.perDocument.map(({ issues, ...rest }) => (verbose ? { ...rest, issues } : rest));
  return JSON.stringify({ ...s, perDocument }, null, 2);
}
