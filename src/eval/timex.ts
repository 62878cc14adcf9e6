/**
 * `claimline eval timex <dir of .tml> [--errors]`: TempEval-3 Task A scoring on TimeML files (rules restated in
 * shared/data/timex/SCORING.md). Alignment is by character overlap, greedy in document order, one partner each;
 * counts are pooled over the corpus.
 *
 * The system side is the `timexes` of the `claimline/1` record a user gets: the full pipeline (`analyze`) with the
 * document creation time as the publication date. A second, labelled figure runs the time stage alone (segment and
 * time, no later stage), to tell a change of the time stage from one made by the stages after it.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { newDoc } from '../model/document.js';
import { analyze, isValidIsoDate } from '../pipeline/analyze.js';
import { segmentStage } from '../stages/segment.js';
import { timeStage } from '../stages/time/index.js';
import { prf, type PRF } from './prf.js';
export type { PRF } from './prf.js';

export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
}

export interface TmlDoc {
  name: string;
  dct: string | null;
  text: string;
  timexes: GoldTimex[];
}

/** Scores in percent, like every evaluator's. */
export interface TimexScores {
  documents: number;
  gold: number;
  system: number;
  strict: PRF;
  relaxed: PRF;
  /** Of the relaxed matches, the share with the gold type (`valueAccuracy`: value), TempEval-3 attribute accuracy. */
  typeAccuracy: number;
  valueAccuracy: number;
  typeF1: number;
  valueF1: number;
  /** One line per miss, false positive or wrong attribute, with context (filled when asked for). */
  errors: string[];
  /** The time stage alone (segment + time), when it was run: relaxed P/R/F1 and value F1. */
  stageOnly?: { relaxed: PRF; valueF1: number };
}

/** A system time expression: where, its TIMEX3 type and value. */
export interface SystemTimex { start: number; end: number; type: string; value: string }
/** How the system side of a document is made. */
export type TimexSystem = 'output' | 'stage';

/** The `timexes` of the claimline/1 output for a TimeML document, its DCT as the publication date. */
export function outputTimexes(doc: TmlDoc): SystemTimex[] {
  const published = doc.dct && isValidIsoDate(doc.dct) ? doc.dct : null;
  return analyze({ text: doc.text, id: doc.name, published }).timexes;
}

/** The time stage's own timexes, with nothing after it. */
export function stageTimexes(doc: TmlDoc): SystemTimex[] {
  const d = newDoc(doc.text, {
    id: doc.name, title: null, url: null, published: doc.dct, publishedSource: doc.dct ? 'metadata' : null, source: doc.name,
  });
  segmentStage.run(d);
  timeStage.run(d);
  return d.timexes;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Parses one TimeML document: text inside <TEXT> with tags stripped (offsets into that text) and gold TIMEX3s. */
export function parseTml(name: string, xml: string): TmlDoc {
  const dctM = /<DCT>\s*<TIMEX3[^>]*\bvalue="([^"]*)"/.exec(xml);
  const dct = dctM ? dctM[1]!.slice(0, 10) : null;
  const s = xml.indexOf('<TEXT>'), e = xml.lastIndexOf('</TEXT>');
  const body = s >= 0 && e > s ? xml.slice(s + 6, e) : '';
  let text = '';
  const timexes: GoldTimex[] = [];
  let open: { start: number; type: string; value: string } | null = null;
  const re = /<(\/?)([A-Za-z0-9_]+)([^>]*)>|&(amp|lt|gt|quot|apos);|[^<&]+|[<&]/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[2]) {
      if (m[2] !== 'TIMEX3') continue;
      if (!m[1]) {
        const attr = (k: string) => new RegExp(`\\b${k}="([^"]*)"`).exec(m![3]!)?.[1] ?? '';
        open = { start: text.length, type: attr('type'), value: attr('value') };
      } else if (open) {
        const t = text.slice(open.start);
        if (t.trim()) timexes.push({ start: open.start, end: text.length, text: t, type: open.type, value: open.value });
        open = null;
      }
    } else if (m[4]) text += ENTITIES[m[4]]!;
    else text += m[0];
  }
  return { name, dct, text, timexes };
}

interface Counts {
  gold: number;
  system: number;
  relaxed: number;
  strict: number;
  typeOk: number;
  valueOk: number;
}

function context(text: string, start: number, end: number): string {
  const a = Math.max(0, start - 40), b = Math.min(text.length, end + 40);
  return `${text.slice(a, start)}[${text.slice(start, end)}]${text.slice(end, b)}`.replace(/\s+/g, ' ');
}

/** Scores one document into `c`; appends error lines when `errors` is given. */
export function scoreDocument(doc: TmlDoc, c: Counts, errors: string[] | null, system: TimexSystem = 'output'): void {
  const sys = system === 'output' ? outputTimexes(doc) : stageTimexes(doc);
  const gold = doc.timexes;
  const goldTaken = new Uint8Array(gold.length);
  c.gold += gold.length;
  c.system += sys.length;
  for (const t of sys) {
    let g = -1;
    for (let k = 0; k < gold.length; k++) {
      if (!goldTaken[k] && gold[k]!.start < t.end && t.start < gold[k]!.end) { g = k; break; }
    }
    const sysText = doc.text.slice(t.start, t.end);
    if (g < 0) {
      errors?.push(`${doc.name}\tFP\t${t.type} ${t.value}\t${context(doc.text, t.start, t.end)}`);
      continue;
    }
    goldTaken[g] = 1;
    const gt = gold[g]!;
    c.relaxed++;
    if (gt.text.trim() === sysText.trim()) c.strict++;
    else errors?.push(`${doc.name}\tEXTENT\tgold "${gt.text}" sys "${sysText}"`);
    if (gt.type === t.type) c.typeOk++;
    if (gt.value === t.value) c.valueOk++;
    else errors?.push(`${doc.name}\tVALUE\t${gt.type} ${gt.value} != ${t.type} ${t.value}\t${context(doc.text, gt.start, gt.end)}`);
  }
  for (let k = 0; k < gold.length; k++) {
    if (!goldTaken[k]) {
      const gt = gold[k]!;
      errors?.push(`${doc.name}\tMISS\t${gt.type} ${gt.value}\t${context(doc.text, gt.start, gt.end)}`);
    }
  }
}

/**
 * Scores the output's timexes over every .tml in `dir` and returns pooled TempEval-3 Task A scores (null: no .tml);
 * with `stageOnly`, the time stage alone as well.
 */
export async function scoreTimexDir(dir: string, withErrors = false, options: { stageOnly?: boolean } = {}): Promise<TimexScores | null> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.tml')).sort();
  if (files.length === 0) return null;
  const c: Counts = { gold: 0, system: 0, relaxed: 0, strict: 0, typeOk: 0, valueOk: 0 };
  const stage: Counts = { gold: 0, system: 0, relaxed: 0, strict: 0, typeOk: 0, valueOk: 0 };
  const errors: string[] = [];
  for (const f of files) {
    const doc = parseTml(f, await readFile(path.join(dir, f), 'utf8'));
    scoreDocument(doc, c, withErrors ? errors : null);
    if (options.stageOnly) scoreDocument(doc, stage, null, 'stage');
  }
  const scores = pooled(c);
  const { relaxed, valueF1 } = pooled(stage);
  return {
    documents: files.length, ...scores, errors, ...(options.stageOnly ? { stageOnly: { relaxed, valueF1 } } : {}),
  };
}

function pooled(c: Counts): Omit<TimexScores, 'documents' | 'errors' | 'stageOnly'> {
  const relaxed = prf(c.gold, c.system, c.relaxed);
  const typeAccuracy = c.relaxed ? (100 * c.typeOk) / c.relaxed : 0;
  const valueAccuracy = c.relaxed ? (100 * c.valueOk) / c.relaxed : 0;
  return {
    gold: c.gold, system: c.system, strict: prf(c.gold, c.system, c.strict), relaxed, typeAccuracy, valueAccuracy,
    typeF1: (typeAccuracy * relaxed.f1) / 100, valueF1: (valueAccuracy * relaxed.f1) / 100,
  };
}

const pct = (x: number) => x.toFixed(2).padStart(6);

export function formatTimexScores(s: TimexScores): string {
  const row = (name: string, p: PRF) => `${name.padEnd(10)} ${pct(p.precision)} ${pct(p.recall)} ${pct(p.f1)}`;
  return [
    `TempEval-3 Task A (TIMEX3) on the claimline/1 output: ${s.documents} documents, ${s.gold} gold, ${s.system} system timexes`,
    `${''.padEnd(10)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}`,
    row('strict', s.strict),
    row('relaxed', s.relaxed),
    `type   accuracy ${pct(s.typeAccuracy)}   type F1  ${pct(s.typeF1)}`,
    `value  accuracy ${pct(s.valueAccuracy)}   value F1 ${pct(s.valueF1)}`,
    ...(s.stageOnly ? [`time stage alone (segment + time, not the output): relaxed F1 ${pct(s.stageOnly.relaxed.f1)}   value F1 ${pct(s.stageOnly.valueF1)}`] : []),
  ].join('\n');
}

export async function evalTimexCommand(args: string[]): Promise<number> {
  const withErrors = args.includes('--errors');
  const rest = args.filter((a) => a !== '--errors');
  if (rest.length !== 1 || rest[0]!.startsWith('-')) {
    process.stderr.write('usage: claimline eval timex <dir of .tml> [--errors]\n');
    return 2;
  }
  let scores: TimexScores | null;
  try {
    scores = await scoreTimexDir(rest[0]!, withErrors, { stageOnly: true });
  } catch (err) {
    process.stderr.write(`eval timex: cannot read ${rest[0]}: ${(err as Error).message}\n`);
    return 2;
  }
  if (!scores) {
    process.stderr.write(`eval timex: no .tml files in ${rest[0]}\n`);
    return 1;
  }
  if (withErrors) process.stdout.write(`${scores.errors.join('\n')}\n\n`);
  process.stdout.write(`${formatTimexScores(scores)}\n`);
  return 0;
}
