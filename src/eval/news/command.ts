/**
 * `claimline eval news <gold dir> [--texts DIR] [--system DIR] [-v] [--attribution rules|tagger] [--json]`:
 * end-to-end accuracy on the hand-made news gold, by the rules of shared/data/news-gold/SCORING.md. The system
 * side is the public `claimline/1` record: analysed here from each text with its meta's id, title and published
 * date, or read from `--system DIR/<name>.json` (any system's output; a missing file counts as all misses).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { AnalysisOut } from '../../model/format.js';
import { analyze } from '../../pipeline/analyze.js';
import { ATTRIBUTION_MODES } from '../../pipeline/stages.js';
import { oneOf, parse, UsageError } from '../../cli/args.js';
import { EvalInputError, loadGoldDocs, resolveDirs, type GoldDoc } from './gold.js';
import { scoreDocument, summarise, type NewsScores } from './score.js';
import { formatJson, formatReport } from './report.js';

export const NEWS_USAGE = `Usage: claimline eval news <gold dir> [--texts DIR] [--system DIR] [-v] [--attribution rules|tagger] [--json]

  <gold dir>        a folder of <name>.gold.json, or the news-gold root holding gold/ and texts/
  --texts DIR       the texts (<name>.txt and <name>.meta.json); default <gold dir>/../texts
  --system DIR      score precomputed claimline/1 records <name>.json instead of analysing the texts
  --attribution M   rules (default) or tagger, when analysing the texts
  -v, --verbose     list every miss with its context
  --json            print the scores as JSON`;

/** The system record for one gold document from `--system DIR`, or null when there is none. */
export function readSystemRecord(dir: string, doc: GoldDoc): AnalysisOut | null {
  const file = path.join(dir, `${doc.name}.json`);
  if (!fs.existsSync(file)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new EvalInputError(`${file}: malformed JSON (${(e as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new EvalInputError(`${file}: not a claimline/1 record (not a JSON object)`);
  const rec = raw as Partial<AnalysisOut>;
  for (const key of ['entities', 'statements', 'timexes', 'claims'] as const) {
    if (rec[key] !== undefined && !Array.isArray(rec[key])) throw new EvalInputError(`${file}: '${key}' is not an array`);
  }
  const text = rec.document?.text;
  if (typeof text === 'string' && text !== doc.text) {
    throw new EvalInputError(`${file}: document.text differs from the gold text of '${doc.name}', so its offsets cannot be compared`);
  }
  // A system that leaves a layer out scores nothing on it rather than failing.
  return { ...rec, entities: rec.entities ?? [], statements: rec.statements ?? [], timexes: rec.timexes ?? [], claims: rec.claims ?? [] } as AnalysisOut;
}

export interface NewsOptions {
  texts?: string;
  system?: string;
  attribution?: 'rules' | 'tagger';
}

/** Loads the gold, obtains each document's system record and scores them all. */
export function evaluateNews(goldDir: string, options: NewsOptions = {}): NewsScores {
  const dirs = resolveDirs(goldDir, options.texts);
  const docs = loadGoldDocs(dirs.goldDir, dirs.textsDir);
  if (options.system && !fs.existsSync(options.system)) throw new EvalInputError(`${options.system}: no such directory (--system)`);
  const recordFor = (doc: GoldDoc): AnalysisOut | null => (options.system
    ? readSystemRecord(options.system, doc)
    : analyze({ text: doc.text, id: doc.meta.id, title: doc.meta.title, published: doc.meta.published, attribution: options.attribution }));
  return summarise(docs.map((doc) => scoreDocument(doc, recordFor(doc))));
}

export async function evalNewsCommand(args: string[], out: Writable = process.stdout, err: Writable = process.stderr): Promise<number> {
  const { values, positionals } = parse(args, {
    texts: { type: 'string' }, system: { type: 'string' }, attribution: { type: 'string' },
    verbose: { type: 'boolean', short: 'v' }, json: { type: 'boolean' },
  });
  if (values.help) { out.write(`${NEWS_USAGE}\n`); return 0; }
  if (positionals.length !== 1) throw new UsageError(`expected one gold directory (got ${positionals.length})\n${NEWS_USAGE}`);
  const attribution = oneOf('attribution', values.attribution as string | undefined, ATTRIBUTION_MODES, 'rules');
  if (values.system && values.attribution) throw new UsageError('--attribution applies when the texts are analysed here, not with --system');
  let scores: NewsScores;
  try {
    scores = evaluateNews(positionals[0]!, { texts: values.texts as string | undefined, system: values.system as string | undefined, attribution });
  } catch (e) {
    if (!(e instanceof EvalInputError)) throw e;
    err.write(`claimline eval news: ${e.message}\n`);
    return 2;
  }
  const verbose = Boolean(values.verbose);
  out.write(`${values.json ? formatJson(scores, verbose) : formatReport(scores, verbose)}\n`);
  return 0;
}
