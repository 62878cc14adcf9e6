/**
 * Commands over the store: `statements`, `claims`, `timeline`, `search`, `versions`, `stats`. Each opens the store
 * read-only, prints a readable table by default and JSON/JSONL for scripts, and says how many rows it left out.
 */
import { EXIT, UsageError, datePrefix, nonNegativeInt, oneOf, parse, positiveInt, type Parsed } from './args.js';
import type { RunContext } from './context.js';
import { STORE_FLAGS, STORE_FLAG_HELP, openStore, storeLocation } from './store-open.js';
import type { ClaimStatus } from '../model/format.js';
import type { Page, Store, VersionRow } from '../store/store.js';

export const OUT_FORMATS = ['text', 'json', 'jsonl'] as const;
export type OutFormat = (typeof OUT_FORMATS)[number];
export const CLAIM_STATUSES: readonly ClaimStatus[] = ['asserted', 'confirmed', 'denied', 'unconfirmed', 'disputed', 'retracted'];

const LIST_FLAG_HELP = `${STORE_FLAG_HELP}
  --limit N                at most N results (default DEFAULT); the JSON says how many more there are, the text
                           output says it on stderr
  --offset N               skip the first N results
  --format FORMAT          text (default), json ({total, offset, returned, more, results}) or jsonl (one result a line)`;
const listHelp = (defaultLimit: number) => LIST_FLAG_HELP.replace('DEFAULT', String(defaultLimit));

export const STATEMENTS_HELP = `Usage: claimline statements [--speaker NAME] [--about TEXT] [--since DATE] [--doc ID] [options]

List stored statements (of each document's current version), by report date. --speaker matches the speaker's
entity name or stated name, --about the quoted content or an entity mentioned in it (both case-insensitive
substrings); --since keeps statements reported on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).

${listHelp(100)}`;
export const CLAIMS_HELP = `Usage: claimline claims --per-document [--status S[,S...]] [--by NAME] [--about TEXT] [--since DATE] [--doc ID] [options]

List stored claims, one per document that states them, by date (without --per-document, 'claims' lists them
clustered across documents: see 'claimline claims --help'). --status is one or more of
${CLAIM_STATUSES.join(', ')}; --by matches a party the status is by (a claim with none named: its
speaker); --about the claim's words or an entity named in them; --since keeps claims reported on or after DATE.

${listHelp(100)}`;
export const TIMELINE_HELP = `Usage: claimline timeline [--entity NAME] [options]

Dated items across stored documents, in date order: time expressions with their sentence, and statements at
their report time. --entity keeps items whose sentence mentions that entity.

${listHelp(1000)}`;
export const SEARCH_HELP = `Usage: claimline search QUERY [options]

Full-text search (SQLite FTS5) over stored documents and statement content, best matches first. QUERY uses FTS5
syntax: words (all must occur), "an exact phrase", Kovacs OR Horvath, NOT, prefixes (Scien*), NEAR(a b).
Text with punctuation but no operator (U.S.-led) is searched as plain words; a query that uses the syntax
and cannot be parsed is an error (exit code 2) naming the query.

${listHelp(20)}`;
export const VERSIONS_HELP = `Usage: claimline versions DOC-ID [options]

Every stored version of one document, oldest first, and what changed from the version before: statements
added, removed or reworded, claims added or removed and claim statuses changed.

${listHelp(100)}`;
export const STATS_HELP = `Usage: claimline stats [--store LOCATION] [--format json|jsonl|text]

Counts of stored documents, versions, entities, mentions, statements, time expressions and claims.

${STORE_FLAG_HELP}`;

const LIST_FLAGS = { ...STORE_FLAGS, limit: { type: 'string' }, offset: { type: 'string' }, format: { type: 'string' } } as const;

async function withStore<T>(values: Parsed['values'], ctx: RunContext, fn: (s: Store) => Promise<T>): Promise<T | null> {
  const store = await openStore(storeLocation(values), ctx, { readonly: true });
  if (!store) return null;
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

function windowFlags(values: Parsed['values'], defaultLimit: number): { limit: number; offset: number } {
  return {
    limit: positiveInt('limit', values.limit as string | undefined, defaultLimit),
    offset: nonNegativeInt('offset', values.offset as string | undefined, 0),
  };
}

/** Prints one page; whatever the format, rows left out are announced, on stderr unless the format is json. */
export function printPage<T>(page: Page<T>, format: OutFormat, ctx: RunContext, line: (r: T) => string): void {
  if (format === 'json') {
    ctx.stdout.write(JSON.stringify(page, null, 2) + '\n');
    return;
  }
  if (format === 'jsonl') for (const r of page.results) ctx.stdout.write(JSON.stringify(r) + '\n');
  else for (const r of page.results) ctx.stdout.write(line(r) + '\n');
  if (page.total === 0 && format === 'text') ctx.stderr.write('no results\n');
  else if (page.returned === 0 && page.offset >= page.total && format === 'text') {
    ctx.stderr.write(`no results at offset ${page.offset} (${page.total} in all)\n`);
  }
  if (page.more > 0) {
    ctx.stderr.write(`${page.more} more — use --offset ${page.offset + page.returned} (${page.total} in all)\n`);
  }
}

const flat = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

async function listCommand<T>(args: string[], ctx: RunContext, help: string, defaultLimit: number,
  own: Parameters<typeof parse>[1], query: (s: Store, values: Parsed['values'], positionals: string[],
    window: { limit: number; offset: number }) => Promise<Page<T>>, line: (r: T) => string): Promise<number> {
  const { values, positionals } = parse(args, { ...LIST_FLAGS, ...own });
  if (values.help) { ctx.stdout.write(help + '\n'); return EXIT.ok; }
  const format = oneOf('format', values.format as string | undefined, OUT_FORMATS, 'text');
  const window = windowFlags(values, defaultLimit);
  const page = await withStore(values, ctx, (s) => query(s, values, positionals, window));
  if (page === null) return EXIT.store;
  printPage(page, format, ctx, line);
  return EXIT.ok;
}

function noPositionals(command: string, positionals: string[]): void {
  if (positionals.length) throw new UsageError(`${command} takes no positional arguments (got '${positionals[0]}')`);
}

export async function statementsCommand(args: string[], ctx: RunContext): Promise<number> {
  return listCommand(args, ctx, STATEMENTS_HELP, 100,
    { speaker: { type: 'string' }, about: { type: 'string' }, since: { type: 'string' }, doc: { type: 'string' } },
    (s, v, p, w) => {
      noPositionals('statements', p);
      return s.statements({ speaker: v.speaker as string | undefined, about: v.about as string | undefined,
        since: datePrefix('since', v.since as string | undefined), docId: v.doc as string | undefined, ...w });
    },
    (r) => `${r.reportTime ?? r.published ?? '????-??-??'}  ${r.docId}  ${flat(r.speaker) || '(unknown)'} [${r.kind}${r.cue ? `, ${r.cue}` : ''}]: “${flat(r.content)}”`
      + (r.channel ? ` (${flat(r.channel)})` : ''));
}

export function claimStatuses(value: string | undefined): ClaimStatus[] | undefined {
  if (value === undefined) return undefined;
  const list = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const s of list) {
    if (!(CLAIM_STATUSES as readonly string[]).includes(s)) {
      throw new UsageError(`--status must be one or more of ${CLAIM_STATUSES.join(', ')} (got '${s}')`);
    }
  }
  return list as ClaimStatus[];
}

export async function claimsCommand(args: string[], ctx: RunContext): Promise<number> {
  return listCommand(args, ctx, CLAIMS_HELP, 100,
    { status: { type: 'string' }, by: { type: 'string' }, about: { type: 'string' }, since: { type: 'string' }, doc: { type: 'string' } },
    (s, v, p, w) => {
      noPositionals('claims', p);
      return s.claims({ status: claimStatuses(v.status as string | undefined), by: v.by as string | undefined,
        about: v.about as string | undefined, since: datePrefix('since', v.since as string | undefined),
        docId: v.doc as string | undefined, ...w });
    },
    (r) => `${r.date ?? '????-??-??'}  ${r.docId}  ${r.status.toUpperCase()}${r.by.length ? ` by ${r.by.join(', ')}` : ''}`
      + `${r.evidence ? ` (${flat(r.evidence)})` : ''}: “${flat(r.text)}”`
      + (r.speaker && !r.by.includes(r.speaker) ? `  [in a statement by ${flat(r.speaker)}]` : ''));
}

export async function timelineCommand(args: string[], ctx: RunContext): Promise<number> {
  return listCommand(args, ctx, TIMELINE_HELP, 1000, { entity: { type: 'string' } },
    (s, v, p, w) => {
      noPositionals('timeline', p);
      return s.timeline({ entity: v.entity as string | undefined, ...w });
    },
    (r) => (r.kind === 'timex'
      ? `${r.date.padEnd(12)} ${r.docId}  “${flat(r.timex)}”: ${flat(r.text)}`
      : `${r.date.padEnd(12)} ${r.docId}  ${flat(r.speaker) || '(unknown)'} said: “${flat(r.text)}”`));
}

export async function searchCommand(args: string[], ctx: RunContext): Promise<number> {
  const { SearchSyntaxError } = await import('../store/fts.js');
  try {
    return await listCommand(args, ctx, SEARCH_HELP, 20, {},
      (s, _v, p, w) => {
        if (p.length === 0) throw new UsageError('search needs the text to look for');
        return s.search({ text: p.join(' '), ...w });
      },
      (r) => `${r.published ?? '????-??-??'}  ${r.docId}${r.statementId ? `#${r.statementId}` : ''}  ${flat(r.snippet)}`);
  } catch (e) {
    if (e instanceof SearchSyntaxError) throw new UsageError(e.message);
    throw e;
  }
}

function versionLines(v: VersionRow): string {
  const head = `${v.docId}  version ${v.version}${v.current ? ' (current)' : ''}  ingested ${v.ingestedAt}`
    + `${v.published ? `  published ${v.published}` : ''}${v.title ? `  “${flat(v.title)}”` : ''}`;
  const c = v.changes;
  if (!c) return head;
  const says = (s: { speaker: string | null; content: string }) => `${flat(s.speaker) || '(unknown)'}: “${flat(s.content)}”`;
  const lines = [head];
  if (c.titleChanged) lines.push('  title changed');
  for (const s of c.statementsAdded) lines.push(`  + statement  ${says(s)}`);
  for (const s of c.statementsRemoved) lines.push(`  - statement  ${says(s)}`);
  for (const s of c.statementsReworded) lines.push(`  ~ reworded   ${says(s.before)}  →  “${flat(s.after.content)}”`);
  for (const s of c.claimStatusChanged) {
    lines.push(`  ! claim      “${flat(s.after.text)}”: ${s.before.status} → ${s.after.status}`);
  }
  for (const s of c.claimsAdded) lines.push(`  + claim      “${flat(s.text)}” (${s.status})`);
  for (const s of c.claimsRemoved) lines.push(`  - claim      “${flat(s.text)}” (${s.status})`);
  if (lines.length === 1) lines.push(c.textChanged ? '  text edited; no statement or claim changed' : '  no change in text');
  return lines.join('\n');
}

export async function versionsCommand(args: string[], ctx: RunContext): Promise<number> {
  return listCommand(args, ctx, VERSIONS_HELP, 100, {},
    async (s, _v, p, w) => {
      if (p.length !== 1) throw new UsageError('versions needs exactly one document id');
      const all = await s.versions(p[0]!);
      if (all.length === 0) throw new UsageError(`no stored document has the id '${p[0]}' (see 'claimline search' or 'statements')`);
      const results = all.slice(w.offset, w.offset + w.limit);
      return { total: all.length, offset: w.offset, returned: results.length, more: Math.max(0, all.length - w.offset - results.length), results };
    },
    versionLines);
}

export async function statsCommand(args: string[], ctx: RunContext): Promise<number> {
  const { values, positionals } = parse(args, { ...STORE_FLAGS, format: { type: 'string' } });
  if (values.help) { ctx.stdout.write(STATS_HELP + '\n'); return EXIT.ok; }
  noPositionals('stats', positionals);
  const format = oneOf('format', values.format as string | undefined, OUT_FORMATS, 'json');
  const stats = await withStore(values, ctx, (s) => s.stats());
  if (stats === null) return EXIT.store;
  if (format === 'json') ctx.stdout.write(JSON.stringify(stats, null, 2) + '\n');
  else if (format === 'jsonl') ctx.stdout.write(JSON.stringify(stats) + '\n');
  else for (const [k, n] of Object.entries(stats)) ctx.stdout.write(`${k.padEnd(12)} ${n}\n`);
  return EXIT.ok;
}
