/**
 * `npm run floors`: runs every evaluation the regression tests guard, through the same library functions as the
 * `claimline eval ...` commands, and writes test/floors.json: one entry per figure, keyed by a stable name, with
 * `{figure, measured, margin, floor, command}`. The tests read their floors from that file (test/floors.ts).
 *
 * Margin policy (one for every figure, also written into the file's header): every figure is in percent and its
 * floor is the measured value minus 0.5 points. Retraining after a small upstream change moves dev F1 by up to ±0.4
 * (models/attribution/MODEL_CARD.md), so 0.5 lets that pass while any real regression fails. A change that lowers a
 * figure further reruns this script, and the diff of test/floors.json shows the lowered floor in review.
 *
 * The output is deterministic: keys sorted, numbers with two decimals, no dates, so rerunning on unchanged code
 * rewrites the file byte for byte.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateAttribution } from '../src/eval/attribution.js';
import { evalCoref } from '../src/eval/coref.js';
import { evaluateNerFile, evaluateNerOutput } from '../src/eval/ner.js';
import { evaluateNews } from '../src/eval/news/command.js';
import { readConll } from '../src/stages/entities/ner/conll.js';
import { scoreTimexDir } from '../src/eval/timex.js';
import { analyzeText } from '../src/pipeline/analyze.js';
import { ATTRIBUTION_MODES, type AttributionMode } from '../src/pipeline/stages.js';
import { packageRoot, sharedDir } from '../src/util/paths.js';
import { loadSeed, seedTimexValues } from '../test/seed-article.js';

const MARGIN_POINTS = 0.5;
const MARGIN_POLICY = `Every figure is in percent; floor = measured - ${MARGIN_POINTS.toFixed(2)} points, for every `
  + 'figure. Retraining after a small upstream change moves dev F1 by up to 0.4, so 0.5 lets that pass and fails '
  + 'real regressions. Lowering a floor means rerunning npm run floors and saying why in the commit.';

interface Measurement { name: string; figure: string; command: string; percent: number }

async function measureTimebank(shared: string): Promise<Measurement[]> {
  const s = await scoreTimexDir(path.join(shared, 'data/timex/timebank'));
  if (!s) throw new Error('no .tml files in data/timex/timebank');
  const command = 'npm run eval:timex';
  return [
    { name: 'timebank.relaxedF1', figure: 'TimeBank, TempEval-3 Task A relaxed span F1', command, percent: s.relaxed.f1 },
    { name: 'timebank.valueF1', figure: 'TimeBank, TempEval-3 Task A value F1', command, percent: s.valueF1 },
  ];
}

function measureConll(shared: string): Measurement[] {
  const s = evaluateNerFile(path.join(shared, 'data/ner/conll2003/dev.txt'));
  const command = 'npm run eval:ner';
  return [
    { name: 'conll-dev.f1', figure: 'CoNLL-2003 dev (eng.testa), conlleval span F1, all types', command, percent: s.overall.f1 },
    ...['LOC', 'MISC', 'ORG', 'PER'].map((type) => ({
      name: `conll-dev.${type}.f1`, figure: `CoNLL-2003 dev (eng.testa), conlleval span F1, ${type}`, command,
      percent: s.byType[type]!.f1,
    })),
  ];
}

/** The names in the product's output over the same CoNLL dev documents given as plain text. */
function measureConllOutput(shared: string): Measurement[] {
  const s = evaluateNerOutput(readConll(path.join(shared, 'data/ner/conll2003/dev.txt')));
  return [{
    name: 'conll-dev.output.f1', figure: 'CoNLL-2003 dev as plain text, names in the analyze output, conlleval span F1',
    command: 'npm run eval:ner', percent: s.overall.f1,
  }];
}

/** Whole articles scored as a user receives them (news-gold SCORING.md), default mode. */
function measureNews(shared: string): Measurement[] {
  const f = evaluateNews(path.join(shared, 'data/news-gold')).figures;
  const command = 'npm run eval:news';
  const figure = (what: string) => `news-gold (25 articles), ${what}`;
  return [
    { name: 'news.statements.f1', figure: figure('statements F1'), command, percent: f.statements.f1 },
    { name: 'news.speaker', figure: figure('speaker right, of found statements'), command, percent: f.speaker },
    { name: 'news.cue', figure: figure('cue right, of found statements'), command, percent: f.cue },
    { name: 'news.claims.status', figure: figure('claim status right, of found claims'), command, percent: f.claims.status },
    { name: 'news.timex.valueF1', figure: figure('time value F1'), command, percent: f.timex.valueF1 },
    { name: 'news.entities.mentions', figure: figure('entity mentions found'), command, percent: f.entities.mentions },
  ];
}

function measurePolnear(shared: string, mode: AttributionMode): Measurement[] {
  const s = evaluateAttribution(path.join(shared, 'data/polnear/dev'), (text, id) => analyzeText(text, { id }, mode));
  const command = `npm run eval:attribution${mode === 'rules' ? '' : ` -- --attribution ${mode}`}`;
  const figure = (what: string) => `PolNeAR dev, --attribution ${mode}, full pipeline: ${what}`;
  return [
    { name: `polnear-dev.${mode}.source`, figure: figure('source exact F1'), command, percent: s.exact.source.f1 },
    { name: `polnear-dev.${mode}.cue`, figure: figure('cue exact F1'), command, percent: s.exact.cue.f1 },
    { name: `polnear-dev.${mode}.content`, figure: figure('content exact F1'), command, percent: s.exact.content.f1 },
    { name: `polnear-dev.${mode}.quotedContent`, figure: figure('content in quotation marks, exact F1'), command,
      percent: s.quotedContent.f1 },
  ];
}

async function measureGum(shared: string): Promise<Measurement[]> {
  const s = await evalCoref(path.join(shared, 'data/gum-news'), { oracleNames: true });
  const person = s.byType.person!;
  const command = 'npm run eval:coref -- --oracle-names';
  const figure = (what: string) => `GUM news (12 docs), gold names in place of the NER: ${what}`;
  return [
    { name: 'gum-oracle.b3.f1', figure: figure('B3 F1, people and organisations'), command, percent: 100 * s.b3.f1 },
    { name: 'gum-oracle.b3.precision', figure: figure('B3 precision, people and organisations'), command,
      percent: 100 * s.b3.precision },
    { name: 'gum-oracle.person.names', figure: figure('person names in the right entity'), command,
      percent: (100 * person.name!.correct) / person.name!.gold },
    { name: 'gum-oracle.person.pronouns', figure: figure('person pronouns in the right entity'), command,
      percent: (100 * person.pronoun!.correct) / person.pronoun!.gold },
  ];
}

function measureSeed(shared: string): Measurement[] {
  return ATTRIBUTION_MODES.map((mode) => {
    const t = seedTimexValues(loadSeed(shared, mode));
    return {
      name: `seed.${mode}.timexValues`, figure: `seed article, --attribution ${mode}: gold time expressions with the gold value`,
      command: 'node --test dist/test/acceptance.test.js', percent: (100 * t.correct) / t.gold,
    };
  });
}

/** Hundredths, so that measured - margin is exact and prints with two decimals. */
const hundredths = (x: number) => Math.round(x * 100);
const fixed = (h: number) => (h / 100).toFixed(2);

/**
 * test/floors.json from measurements sorted by name, written by hand rather than with JSON.stringify so that every
 * number keeps two decimals.
 */
function render(sorted: Measurement[]): string {
  const margin = hundredths(MARGIN_POINTS);
  const q = (s: string) => JSON.stringify(s);
  const entries = sorted.map((m) => {
    const measured = hundredths(m.percent);
    return `    ${q(m.name)}: {\n      "figure": ${q(m.figure)},\n      "measured": ${fixed(measured)},\n`
      + `      "margin": ${fixed(margin)},\n      "floor": ${fixed(measured - margin)},\n      "command": ${q(m.command)}\n    }`;
  });
  return [
    '{',
    '  "header": {',
    `    "generatedBy": ${q('npm run floors (scripts/floors.ts); do not edit by hand')},`,
    `    "unit": "percent",`,
    `    "margin": ${fixed(margin)},`,
    `    "marginPolicy": ${q(MARGIN_POLICY)}`,
    '  },',
    '  "floors": {',
    entries.join(',\n'),
    '  }',
    '}',
    '',
  ].join('\n');
}

/**
 * Each group runs in a process of its own. The pipeline's output can depend on what the process analysed before
 * (wink-nlp keeps state across documents: a PolNeAR dev pass changes how the next pass tokenises "Trump's"), so a
 * fresh process per group measures what the group's command prints.
 */
const GROUPS: Record<string, (shared: string) => Measurement[] | Promise<Measurement[]>> = {
  timebank: measureTimebank,
  conll: measureConll,
  'conll-output': measureConllOutput,
  news: measureNews,
  'polnear-rules': (shared) => measurePolnear(shared, 'rules'),
  'polnear-tagger': (shared) => measurePolnear(shared, 'tagger'),
  gum: measureGum,
  // Both modes in one process, in the order test/acceptance.test.ts runs them.
  seed: measureSeed,
};

function measureInChild(group: string): Measurement[] {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--group', group], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`floors: measuring ${group} failed (exit ${child.status})`);
  return JSON.parse(child.stdout) as Measurement[];
}

async function main(argv: string[]): Promise<number> {
  const shared = sharedDir();
  if (!shared) {
    process.stderr.write(`floors: ${path.resolve(packageRoot(), '../shared')} not found: the evaluation data is needed\n`);
    return 2;
  }
  const g = argv.indexOf('--group');
  if (g >= 0) {
    const measure = GROUPS[argv[g + 1] ?? ''];
    if (!measure) throw new Error(`floors: no group ${argv[g + 1]}`);
    process.stdout.write(JSON.stringify(await measure(shared)));
    return 0;
  }
  const measurements = Object.keys(GROUPS).flatMap(measureInChild)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (new Set(measurements.map((m) => m.name)).size !== measurements.length) throw new Error('two figures share a name');
  const file = path.join(packageRoot(), 'test', 'floors.json');
  fs.writeFileSync(file, render(measurements));
  const margin = hundredths(MARGIN_POINTS);
  for (const m of measurements) {
    const measured = hundredths(m.percent);
    process.stdout.write(`${m.name.padEnd(34)} ${fixed(measured).padStart(6)}  floor ${fixed(measured - margin).padStart(6)}\n`);
  }
  process.stderr.write(`floors: ${measurements.length} floors → ${path.relative(process.cwd(), file)}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
