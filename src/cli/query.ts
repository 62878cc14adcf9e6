/**
 * Commands over the store: `statements`, `timeline`, `search`, `stats`. Each prints a readable table by default
 * and JSON/JSONL for scripts.
 */
import fs from 'node:fs';
import { EXIT, UsageError, oneOf, parse, positiveInt } from './args.js';
import type { RunContext } from './context.js';

const OUT_FORMATS = ['text', 'json', 'jsonl'] as const;

export const STATEMENTS_HELP = `Usage: claimline statements [--speaker NAME] [--about TEXT] [--db FILE] [--limit N] [--format text|json|jsonl]

List stored statements. --speaker matches the speaker's entity name or stated name, --about the quoted
content or an entity mentioned in it (both case-insensitive substrings).`;
export const TIMELINE_HELP = `Usage: claimline timeline [--entity NAME] [--db FILE] [--limit N] [--format text|json|jsonl]

Dated items across stored documents, in date order: time expressions with their sentence, and statements at
their report time. --entity keeps items whose sentence mentions that entity.`;
export const SEARCH_HELP = `Usage: claimline search TEXT [--db FILE] [--limit N] [--format text|json|jsonl]

Full-text search (SQLite FTS5) over stored documents and statement content. TEXT is matched as plain words,
never as query syntax.`;
export const STATS_HELP = `Usage: claimline stats [--db FILE]

Counts of stored documents, entities, mentions, statements, time expressions and claims.`;

const common = { db: { type: 'string' as const }, limit: { type: 'string' as const }, format: { type: 'string' as const } };

async function withStore<T>(dbFile: string, ctx: RunContext, fn: (s: import('../store/store.js').Store) => Promise<T>): Promise<T | null> {
  if (!fs.existsSync(dbFile)) {
    ctx.stderr.write(`claimline: ${dbFile}: no such database (create one with 'claimline ingest')\n`);
    return null;
  }
  const { openStore } = await import('./store-open.js');
  const store = await openStore(dbFile, ctx);
  if (!store) return null;
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

function print<T>(rows: T[], format: (typeof OUT_FORMATS)[number], ctx: RunContext, line: (r: T) => string): void {
  if (format === 'json') ctx.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  else if (format === 'jsonl') for (const r of rows) ctx.stdout.write(JSON.stringify(r) + '\n');
  else {
    for (const r of rows) ctx.stdout.write(line(r) + '\n');
    if (rows.length === 0) ctx.stderr.write('no results\n');
  }
}

const flat = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

export async function statementsCommand(args: string[], ctx: RunContext): Promise<number> {
  const { values } = parse(args, { ...common, speaker: { type: 'string' }, about: { type: 'string' } });
  if (values.help) { ctx.stdout.write(STATEMENTS_HELP + '\n'); return EXIT.ok; }
  const format = oneOf('format', values.format as string | undefined, OUT_FORMATS, 'text');
  const limit = positiveInt('limit', values.limit as string | undefined, 100);
  const rows = await withStore((values.db as string) ?? 'claimline.db', ctx, (s) =>
    s.statements({ speaker: values.speaker as string | undefined, about: values.about as string | undefined, limit }));
  if (rows === null) return EXIT.store;
  print(rows, format, ctx, (r) =>
    `${r.published ?? '????-??-??'}  ${r.docId}  ${flat(r.speaker) || '(unknown)'} [${r.kind}${r.cue ? `, ${r.cue}` : ''}]: “${flat(r.content)}”` +
    (r.channel ? ` (${flat(r.channel)})` : ''));
  return EXIT.ok;
}

export async function timelineCommand(args: string[], ctx: RunContext): Promise<number> {
  const { values } = parse(args, { ...common, entity: { type: 'string' } });
  if (values.help) { ctx.stdout.write(TIMELINE_HELP + '\n'); return EXIT.ok; }
  const format = oneOf('format', values.format as string | undefined, OUT_FORMATS, 'text');
  const limit = positiveInt('limit', values.limit as string | undefined, 1000);
  const rows = await withStore((values.db as string) ?? 'claimline.db', ctx, (s) =>
    s.timeline({ entity: values.entity as string | undefined, limit }));
  if (rows === null) return EXIT.store;
  print(rows, format, ctx, (r) =>
    r.kind === 'timex'
      ? `${r.date.padEnd(12)} ${r.docId}  “${flat(r.timex)}”: ${flat(r.text)}`
      : `${r.date.padEnd(12)} ${r.docId}  ${flat(r.speaker) || '(unknown)'} said: “${flat(r.text)}”`);
  return EXIT.ok;
}

export async function searchCommand(args: string[], ctx: RunContext): Promise<number> {
  const { values, positionals } = parse(args, common);
  if (values.help) { ctx.stdout.write(SEARCH_HELP + '\n'); return EXIT.ok; }
  if (positionals.length === 0) throw new UsageError('search needs the text to look for');
  const format = oneOf('format', values.format as string | undefined, OUT_FORMATS, 'text');
  const limit = positiveInt('limit', values.limit as string | undefined, 20);
  const rows = await withStore((values.db as string) ?? 'claimline.db', ctx, (s) => s.search(positionals.join(' '), limit));
  if (rows === null) return EXIT.store;
  print(rows, format, ctx, (r) => `${r.published ?? '????-??-??'}  ${r.docId}${r.statementId ? `#${r.statementId}` : ''}  ${flat(r.snippet)}`);
  return EXIT.ok;
}

export async function statsCommand(args: string[], ctx: RunContext): Promise<number> {
  const { values } = parse(args, { db: { type: 'string' } });
  if (values.help) { ctx.stdout.write(STATS_HELP + '\n'); return EXIT.ok; }
  const stats = await withStore((values.db as string) ?? 'claimline.db', ctx, (s) => s.stats());
  if (stats === null) return EXIT.store;
  ctx.stdout.write(JSON.stringify(stats, null, 2) + '\n');
  return EXIT.ok;
}
