/**
 * Commands over the corpus layer (src/corpus) of a store: `speaker`, `claims` (clustered across documents),
 * `stories`, `copies`, `timeline --story` and `corpus` (the claimline/corpus export). The corpus state is kept in
 * the store and brought up to date by `ingest`; a store written before the corpus layer existed is read into a
 * corpus on the fly (and persisted by its next ingest).
 */
import type { Corpus } from '../corpus/index.js';
import { loadCorpus } from '../store/corpus-state.js';
import type { ClaimCluster } from '../corpus/claims.js';
import type { SpeakerStatement } from '../corpus/speakers.js';
import type { Story, TimelineItem } from '../corpus/stories.js';
import type { ClaimStatus } from '../model/format.js';
import type { Page, Store } from '../store/store.js';
import { EXIT, UsageError, datePrefix, nonNegativeInt, oneOf, parse, positiveInt, type Parsed } from './args.js';
import type { RunContext } from './context.js';
import { STORE_FLAGS, STORE_FLAG_HELP, openStore, storeLocation } from './store-open.js';
import { CLAIM_STATUSES, claimStatuses, printPage, type OutFormat, OUT_FORMATS } from './query.js';

const flat = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

const WINDOW_HELP = (defaultLimit: number) => `${STORE_FLAG_HELP}
  --limit N                at most N results (default ${defaultLimit}); the JSON says how many more there are
  --offset N               skip the first N results
  --format FORMAT          text (default), json ({total, offset, returned, more, results}) or jsonl`;

export const SPEAKER_HELP = `Usage: claimline speaker NAME-OR-ID [options]

Everything a speaker said across the stored documents, in report-time order: the cue, the content, the channel
and intermediaries, the roles the speaker held as of that date, and the claims each statement makes with their
current status. NAME matches a cross-document entity by its name, an alias or its surname; when it names
several entities they are all listed first (on stderr): give the id to pick one. Copies of one wire story are
marked, so a statement syndicated five times is visibly one statement.

${WINDOW_HELP(100)}`;

export const CORPUS_CLAIMS_HELP = `Usage: claimline claims [--status S[,S...]] [--by NAME] [--about TEXT] [--since DATE] [options]

Claims clustered across the stored documents: one row per proposition, with each party's latest status (a later
status by the same party supersedes an earlier one) and, per status, how many independent sources back it
(copies of one wire story count once). --status keeps clusters where some party's current status is one of
${CLAIM_STATUSES.join(', ')}; --by a party by name, alias or surname; --about words of the proposition or a named
entity; --since clusters with an assertion on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).
--per-document lists each document's own claims instead, as stored (also takes --doc ID).

${WINDOW_HELP(100)}`;

export const STORIES_HELP = `Usage: claimline stories [options]

Stored articles grouped into stories (shared entities and words, copies together), latest first. Each story's
id gives its timeline: 'claimline timeline --story ID'.

${WINDOW_HELP(100)}`;

export const COPIES_HELP = `Usage: claimline copies [DOC-ID] [options]

Groups of near-duplicate articles (syndicated wire copies, re-headlined, trimmed, extended or lightly edited),
origin first: the earliest published, else the first seen. With DOC-ID, that document's group only.

${WINDOW_HELP(100)}`;

export const CORPUS_EXPORT_HELP = `Usage: claimline corpus [--store LOCATION]

Print the claimline/corpus record of the store (docs/corpus.md): documents with their copy origin and
boilerplate paragraphs, copy groups, cross-document entities with every merge explained, claim clusters and
stories with their timelines, as one JSON document.

${STORE_FLAG_HELP}`;

const WINDOW_FLAGS = { ...STORE_FLAGS, limit: { type: 'string' }, offset: { type: 'string' }, format: { type: 'string' } } as const;

interface Window { limit: number; offset: number }

function windowOf(values: Parsed['values'], defaultLimit: number): Window {
  return {
    limit: positiveInt('limit', values.limit as string | undefined, defaultLimit),
    offset: nonNegativeInt('offset', values.offset as string | undefined, 0),
  };
}

function toPage<T>(all: { total: number; items: T[] }, w: Window, alreadyWindowed: boolean): Page<T> {
  const results = alreadyWindowed ? all.items : all.items.slice(w.offset, w.offset + w.limit);
  return { total: all.total, offset: w.offset, returned: results.length, more: Math.max(0, all.total - w.offset - results.length), results };
}

async function corpusCommand<T>(args: string[], ctx: RunContext, help: string, defaultLimit: number,
  own: Parameters<typeof parse>[1],
  query: (c: Corpus, values: Parsed['values'], positionals: string[], w: Window) => Page<T>,
  line: (r: T) => string): Promise<number> {
  const { values, positionals } = parse(args, { ...WINDOW_FLAGS, ...own });
  if (values.help) { ctx.stdout.write(help + '\n'); return EXIT.ok; }
  const format: OutFormat = oneOf('format', values.format as string | undefined, OUT_FORMATS, 'text');
  const w = windowOf(values, defaultLimit);
  const store = await openStore(storeLocation(values), ctx, { readonly: true });
  if (!store) return EXIT.store;
  let page: Page<T>;
  try {
    page = query(await loadCorpus(store), values, positionals, w);
  } finally {
    await store.close();
  }
  printPage(page, format, ctx, line);
  return EXIT.ok;
}

const statusLine = (c: ClaimCluster): string => {
  const parts = Object.entries(c.statuses).map(([status, s]) => `${status.toUpperCase()} by ${s!.parties.map((p) => p.name).join(', ') || '(the report)'}`
    + ` [${s!.independentSources} independent source${s!.independentSources === 1 ? '' : 's'}, ${s!.documents} document${s!.documents === 1 ? '' : 's'}]`);
  return `${c.last ?? '????-??-??'}  ${c.id}  “${flat(c.proposition)}”\n    ${parts.join('\n    ')}`;
};

export async function speakerCommand(args: string[], ctx: RunContext): Promise<number> {
  return corpusCommand<SpeakerStatement>(args, ctx, SPEAKER_HELP, 100, {}, (c, _v, p, w) => {
    if (p.length === 0) throw new UsageError('speaker needs a name or an entity id');
    const report = c.speaker(p.join(' '), { limit: w.offset + w.limit });
    if (report.entities.length === 0) throw new UsageError(`no speaker in the store matches '${p.join(' ')}'`);
    if (report.entities.length > 1) {
      ctx.stderr.write(`'${p.join(' ')}' matches ${report.entities.length} entities (statements of all are listed; give an id to pick one):\n`);
      for (const e of report.entities) ctx.stderr.write(`  ${e.id}  ${e.name} (${e.type})${e.aliases.length ? ` also ${e.aliases.join(', ')}` : ''}\n`);
    }
    const s = report.statements;
    return toPage({ total: s.total, items: s.items }, w, false);
  }, (r) => `${r.reportTime ?? '????-??-??'}  ${r.docId}${r.copy ? ` (copy of ${r.origin})` : ''}${r.boilerplate ? ' (boilerplate)' : ''}`
    + `  [${r.kind}${r.cue ? `, ${flat(r.cue)}` : ''}${r.roles.length ? `; ${r.roles.join(', ')}` : ''}]: “${flat(r.content)}”`
    + (r.channel ? ` (${flat(r.channel)})` : '') + (r.via.length ? ` via ${r.via.join(' → ')}` : '')
    + r.claims.map((x) => `\n    claim ${x.cluster} now ${x.status}: “${flat(x.proposition)}”`).join(''));
}

export async function corpusClaimsCommand(args: string[], ctx: RunContext): Promise<number> {
  if (args.includes('--per-document')) {
    const { claimsCommand } = await import('./query.js');
    return claimsCommand(args.filter((a) => a !== '--per-document'), ctx);
  }
  return corpusCommand<ClaimCluster>(args, ctx, CORPUS_CLAIMS_HELP, 100,
    { status: { type: 'string' }, by: { type: 'string' }, about: { type: 'string' }, since: { type: 'string' } },
    (c, v, p, w) => {
      if (p.length) throw new UsageError(`claims takes no positional arguments (got '${p[0]}')`);
      const status: ClaimStatus[] | undefined = claimStatuses(v.status as string | undefined);
      const r = c.claims({ status, by: v.by as string | undefined, about: v.about as string | undefined,
        since: datePrefix('since', v.since as string | undefined), limit: w.limit, offset: w.offset });
      return toPage({ total: r.total, items: r.items }, w, true);
    }, statusLine);
}

export async function storiesCommand(args: string[], ctx: RunContext): Promise<number> {
  return corpusCommand<Story>(args, ctx, STORIES_HELP, 100, {}, (c, _v, p, w) => {
    if (p.length) throw new UsageError(`stories takes no positional arguments (got '${p[0]}')`);
    const r = c.stories({ limit: w.limit, offset: w.offset });
    return toPage({ total: r.total, items: r.items }, w, true);
  }, (s) => `${s.first ?? '????-??-??'}..${s.last ?? '????-??-??'}  ${s.id}  ${s.documents.length} document${s.documents.length === 1 ? '' : 's'}`
    + `${s.title ? `  “${flat(s.title)}”` : ''}`);
}

export async function copiesCommand(args: string[], ctx: RunContext): Promise<number> {
  return corpusCommand(args, ctx, COPIES_HELP, 100, {}, (c, _v, p, w) => {
    if (p.length > 1) throw new UsageError('copies takes at most one document id');
    let groups = c.copies();
    if (p.length === 1) {
      const g = c.copiesOf(p[0]!);
      if (!g) throw new UsageError(`no stored document has the id '${p[0]}'`);
      groups = [g];
    }
    return toPage({ total: groups.length, items: groups }, w, false);
  }, (g) => `${g.origin}  (origin)\n${g.documents.filter((d) => d.docId !== g.origin)
    .map((d) => `  ${d.published ?? '????-??-??'}  ${d.docId}`).join('\n')}`);
}

/** `timeline --story ID`: a story's events and statements by event time, report time beside. */
export async function storyTimelineCommand(args: string[], ctx: RunContext): Promise<number> {
  return corpusCommand<TimelineItem>(args, ctx, STORY_TIMELINE_HELP, 1000, { story: { type: 'string' } }, (c, v, p, w) => {
    if (p.length) throw new UsageError(`timeline takes no positional arguments (got '${p[0]}')`);
    const id = v.story as string;
    const t = c.timeline(id);
    if (!t) throw new UsageError(`no story or stored document has the id '${id}' (see 'claimline stories')`);
    return toPage({ total: t.items.length, items: t.items }, w, false);
  }, (i) => `${(i.eventTime ?? 'unresolved').padEnd(12)} ${i.resolved ? ' ' : '?'} reported ${i.reportTime ?? '????-??-??'}  `
    + (i.kind === 'event'
      ? `${flat(i.trigger)}: ${flat(i.text)}`
      : `${i.speaker ? flat(i.speaker.name) : '(unknown)'} said: “${flat(i.text)}”`));
}

export const STORY_TIMELINE_HELP = `Usage: claimline timeline --story ID [options]

One story's events and statements ordered by event time (a time the text does not resolve is shown as
'unresolved' and marked '?', never guessed), with the report time beside each. ID is a story id from
'claimline stories' or the id of any stored document in the story.

${WINDOW_HELP(1000)}`;

export async function corpusExportCommand(args: string[], ctx: RunContext): Promise<number> {
  const { values, positionals } = parse(args, { ...STORE_FLAGS });
  if (values.help) { ctx.stdout.write(CORPUS_EXPORT_HELP + '\n'); return EXIT.ok; }
  if (positionals.length) throw new UsageError(`corpus takes no positional arguments (got '${positionals[0]}')`);
  const store = await openStore(storeLocation(values), ctx, { readonly: true });
  if (!store) return EXIT.store;
  try {
    ctx.stdout.write(JSON.stringify((await loadCorpus(store)).export(), null, 2) + '\n');
  } finally {
    await store.close();
  }
  return EXIT.ok;
}
