/**
 * `npm run bench`: throughput of the full pipeline and of each stage over the PolNeAR dev texts, on one core
 * (one Node thread), and in the same run `compromise` doing the nearest comparable job (people, places,
 * organisations and quotations) over the same texts.
 *
 * Words are whitespace-separated tokens of the raw text, the same count for both systems. Each system gets one
 * untimed warm-up pass (JIT, lazy model loading) and then `--rounds` timed passes (default 5); the best pass is
 * reported, the usual practice for throughput on a shared machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { newDoc } from '../src/model/document.js';
import { stagesFor, type AttributionMode } from '../src/pipeline/stages.js';
import { toOutput } from '../src/output/to-json.js';
import { countWords } from '../src/cli/progress.js';
import { packageRoot, sharedDir } from '../src/util/paths.js';
import { segment } from '../src/stages/segment.js';
import { parseSentence } from '../src/stages/syntax/model.js';

interface Text { name: string; text: string; published: string | null }

function loadTexts(dir: string): Text[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const m = /(\d{4})-?(\d{2})-?(\d{2})/.exec(f);
    return { name: f, text: fs.readFileSync(path.join(dir, f), 'utf8'), published: m ? `${m[1]}-${m[2]}-${m[3]}` : null };
  });
}

function runPipeline(texts: Text[], stageTime: Map<string, number> | null, mode: AttributionMode = 'rules'): void {
  const STAGES = stagesFor(mode);
  for (const t of texts) {
    const doc = newDoc(t.text, { id: t.name, title: null, url: null, published: t.published, publishedSource: t.published ? 'metadata' : null, source: t.name });
    for (const stage of STAGES) {
      if (stageTime) {
        const s0 = performance.now();
        stage.run(doc);
        stageTime.set(stage.name, (stageTime.get(stage.name) ?? 0) + performance.now() - s0);
      } else stage.run(doc);
    }
    if (stageTime) {
      const s0 = performance.now();
      toOutput(doc);
      stageTime.set('output', (stageTime.get('output') ?? 0) + performance.now() - s0);
    } else toOutput(doc);
  }
}

function best(rounds: number, fn: () => void): number {
  let min = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min / 1000;
}

async function main() {
  const args = process.argv.slice(2);
  const rounds = Number(args[args.indexOf('--rounds') + 1]) || 5;
  const shared = sharedDir();
  const dir = args.find((a) => !a.startsWith('--') && fs.existsSync(a)) ?? (shared ? path.join(shared, 'data/polnear/dev/text') : null);
  if (!dir || !fs.existsSync(dir)) {
    console.error(`bench: PolNeAR dev texts not found (expected ${path.resolve(packageRoot(), '../shared/data/polnear/dev/text')}); pass a directory of .txt files`);
    process.exit(2);
  }
  const texts = loadTexts(dir);
  const words = texts.reduce((n, t) => n + countWords(t.text), 0);
  console.log(`corpus: ${dir}: ${texts.length} documents, ${words} words; best of ${rounds} rounds after one warm-up; node ${process.version}, one thread`);

  runPipeline(texts, null); // warm-up
  const pipelineS = best(rounds, () => runPipeline(texts, null));

  const stageTime = new Map<string, number>();
  runPipeline(texts, stageTime);

  // The same pipeline with the learned attribution tagger (`--attribution tagger`), reported beside the default.
  runPipeline(texts, null, 'tagger');
  const taggerS = best(rounds, () => runPipeline(texts, null, 'tagger'));
  const taggerTime = new Map<string, number>();
  runPipeline(texts, taggerTime, 'tagger');

  const nlp = (await import('compromise')).default;
  const compromise = () => {
    for (const t of texts) {
      const doc = nlp(t.text);
      doc.people().out('array');
      doc.places().out('array');
      doc.organizations().out('array');
      doc.quotations().out('array');
    }
  };
  compromise(); // warm-up
  const compromiseS = best(rounds, compromise);

  // The dependency parser alone (UPOS tagger + parser, src/stages/syntax; not in the pipeline yet) over every
  // sentence of the segment stage's tokens, which are made outside the timed passes.
  const sentences = texts.flatMap((t) => {
    const doc = newDoc(t.text, { id: t.name, title: null, url: null, published: null, publishedSource: null, source: t.name });
    segment(doc);
    return doc.sentences.map((s) => doc.tokens.slice(s.tokenStart, s.tokenEnd).map((k) => k.text));
  });
  const parse = () => { for (const s of sentences) parseSentence(s); };
  parse(); // warm-up
  const parserS = best(rounds, parse);

  const wps = words / pipelineS;
  const cwps = words / compromiseS;
  const rows: [string, string][] = [];
  rows.push(['claimline full pipeline', `${Math.round(wps).toLocaleString('en-US')} words/s`]);
  for (const [name, ms] of stageTime) rows.push([`  stage ${name}`, `${Math.round(words / (ms / 1000)).toLocaleString('en-US')} words/s (${ms.toFixed(0)} ms)`]);
  rows.push(['compromise (people, places, orgs, quotes)', `${Math.round(cwps).toLocaleString('en-US')} words/s`]);
  rows.push(['ratio claimline / compromise', `${(wps / cwps).toFixed(2)}x`]);
  const twps = words / taggerS;
  rows.push(['with --attribution tagger', `${Math.round(twps).toLocaleString('en-US')} words/s, ${(twps / cwps).toFixed(2)}x`]);
  const tms = taggerTime.get('attribution') ?? 0;
  rows.push(['  stage attribution (tagger)', `${Math.round(words / (tms / 1000)).toLocaleString('en-US')} words/s (${tms.toFixed(0)} ms)`]);
  rows.push(['dependency parser alone (tagger + parser)', `${Math.round(words / parserS).toLocaleString('en-US')} words/s`]);
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
  if (args.includes('--json')) {
    console.log(JSON.stringify({ words, pipelineWordsPerSecond: wps, compromiseWordsPerSecond: cwps, ratio: wps / cwps,
      taggerPipelineWordsPerSecond: twps,
      stages: Object.fromEntries([...stageTime].map(([k, ms]) => [k, words / (ms / 1000)])) }));
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
