/**
 * The `claimline` command: dispatches to one module per command. Modules that pull in heavy dependencies
 * (the store, evaluators) are imported only when their command runs, so `analyze` starts fast.
 */
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../util/paths.js';
import { EXIT, UsageError } from './args.js';
import type { RunContext } from './context.js';

const HELP = `claimline — who said what, about whom, when, via which channel, and what was confirmed or denied.

Usage: claimline <command> [options]

Commands:
  analyze <inputs...|->     analyse documents, print claimline/1 JSON, JSONL, a Markdown report or TimeML
  ingest <inputs...|->      analyse documents into a store (--store FILE, default ./claimline.db); a changed
                            document becomes a new version
  statements                list stored statements (--speaker NAME, --about TEXT, --since DATE)
  claims                    claims clustered across stored documents: who asserted, confirmed, denied them, and
                            how many independent sources back each status (--status S, --by NAME, --about TEXT,
                            --since DATE; --per-document for each document's own claims)
  speaker NAME              everything a speaker said across stored documents, with roles as of each date
  stories                   stored articles grouped into stories
  copies [DOC-ID]           near-duplicate articles (wire copies), origin first
  corpus                    the claimline/corpus export of a store (copies, entities, claims, stories)
  versions DOC-ID           a document's stored versions and what changed between them
  timeline                  dated items across stored documents (--entity NAME); --story ID: one story's
                            events and statements by event time
  search QUERY              full-text search (FTS5 syntax) over stored documents and statements
  stats                     counts of what the store holds
  enqueue <inputs...|URLs>  put documents or article/feed URLs on an ingestion queue (--queue postgres://…)
  worker                    take queued documents, analyse and store them (--queue …, --store …); any number
  dead-letters              queued documents that failed for good, with their errors (--queue …)
  watch <feeds file>        poll RSS/Atom feeds (conditional GET) and queue each new item's article for the
                            workers (--queue …), or fetch and store it here (--store …); --once for one pass
  serve                     a web app and JSON API over a store (--store, --port, --host, --token)
  validate <files...>       check claimline/1 JSON or JSONL files against the schema
  export --format F         a store or claimline/1 files as JSON, JSONL, CSV, ClaimReview, Web Annotation, TimeML or brat
  eval <layer> [...]        score a layer on a standard dataset: timex, ner, attribution, coref, news, parse

Run 'claimline <command> --help' for a command's options. 'claimline --version' prints the version.
Exit codes: 0 success; 1 some inputs failed; 2 bad command line; 3 store error.`;

const EVAL_HELP = `Usage: claimline eval <layer> [args]

  eval timex <dir of .tml> [--errors]      TempEval-3 Task A: strict/relaxed P/R/F1, type and value accuracy, value F1
  eval ner <conll file>                    conlleval span P/R/F1 per type (PER/ORG/LOC/MISC)
  eval attribution <polnear split dir>     PolNeAR source/cue/content exact-span P/R/F1 (CofeNet protocol)
  eval coref [gum-news dir]                people/organisation mentions that land in the right entity
  eval news <news-gold dir> [-v] [--json]  whole articles: statements, speakers, cues, channels, claims, entities, timexes
  eval parse <conllu file or dir>          UPOS, UAS, LAS (CoNLL 2018 main relations), punctuation excluded`;

type Command = (args: string[], ctx: RunContext) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  analyze: async () => (await import('./analyze.js')).analyzeCommand,
  ingest: async () => (await import('./analyze.js')).ingestCommand,
  statements: async () => (await import('./query.js')).statementsCommand,
  timeline: async () => (await import('./query.js')).timelineCommand,
  search: async () => (await import('./query.js')).searchCommand,
  stats: async () => (await import('./query.js')).statsCommand,
  claims: async () => (await import('./corpus.js')).corpusClaimsCommand,
  speaker: async () => (await import('./corpus.js')).speakerCommand,
  stories: async () => (await import('./corpus.js')).storiesCommand,
  copies: async () => (await import('./corpus.js')).copiesCommand,
  corpus: async () => (await import('./corpus.js')).corpusExportCommand,
  versions: async () => (await import('./query.js')).versionsCommand,
  validate: async () => (await import('./validate.js')).validateCommand,
  export: async () => (await import('./export.js')).exportCommand,
  serve: async () => (await import('./serve.js')).serveCommand,
  eval: async () => evalCommand,
  enqueue: async () => (await import('./enqueue.js')).enqueueCommand,
  worker: async () => (await import('./worker.js')).workerCommand,
  'dead-letters': async () => (await import('./worker.js')).deadLettersCommand,
  watch: async () => (await import('./watch.js')).watchCommand,
};

const EVALUATORS: Record<string, () => Promise<(args: string[]) => Promise<number>>> = {
  timex: async () => (await import('../eval/timex.js')).evalTimexCommand,
  ner: async () => (await import('../eval/ner.js')).evalNerCommand,
  attribution: async () => (await import('../eval/attribution.js')).evalAttributionCommand,
  coref: async () => (await import('../eval/coref.js')).evalCorefCommand,
  news: async () => (await import('../eval/news/command.js')).evalNewsCommand,
  parse: async () => (await import('../eval/parse.js')).evalParseCommand,
};

async function evalCommand(args: string[], ctx: RunContext): Promise<number> {
  const [layer, ...rest] = args;
  if (!layer || layer === '--help' || layer === '-h') { ctx.stdout.write(EVAL_HELP + '\n'); return layer ? EXIT.ok : EXIT.usage; }
  const load = EVALUATORS[layer];
  if (!load) throw new UsageError(`unknown evaluation layer '${layer}' (expected ${Object.keys(EVALUATORS).join(', ')})`);
  return (await load())(rest);
}

export async function main(argv: string[], ctx: RunContext = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    ctx.stdout.write(HELP + '\n');
    return cmd ? EXIT.ok : EXIT.usage;
  }
  if (cmd === '--version' || cmd === '-v') {
    const pkg = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8'));
    ctx.stdout.write(`claimline ${pkg.version}\n`);
    return EXIT.ok;
  }
  // A story's timeline comes from the corpus layer; the plain timeline from the store's tables.
  const storyTimeline = cmd === 'timeline' && rest.some((a) => a === '--story' || a.startsWith('--story='));
  const load = storyTimeline ? async () => (await import('./corpus.js')).storyTimelineCommand : COMMANDS[cmd];
  try {
    if (!load) throw new UsageError(`unknown command '${cmd}' (run 'claimline --help')`);
    return await (await load())(rest, ctx);
  } catch (e) {
    if (e instanceof UsageError) {
      ctx.stderr.write(`claimline ${cmd}: ${e.message}\n`);
      return EXIT.usage;
    }
    ctx.stderr.write(`claimline ${cmd}: ${(e as Error).stack ?? e}\n`);
    return EXIT.inputFailed;
  }
}
