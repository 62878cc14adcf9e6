/**
 * `npm run snapshot -- <out.jsonl> [--modes rules,tagger]`: analyses the development corpora in `../shared/data`
 * (the news gold texts, PolNeAR dev, TimeBank) and writes every document's `claimline/1` record, one JSON line
 * each, so that a refactor can be checked byte for byte:
 *
 *   npm run snapshot -- /tmp/before.jsonl   # on the old commit
 *   npm run snapshot -- /tmp/after.jsonl    # on the new one
 *   cmp /tmp/before.jsonl /tmp/after.jsonl  # silent when nothing changed
 *
 * Warnings are written apart from the record (`warnings` key) so that a change of their shape alone can be
 * told from a change of analysis: pass `--no-warnings` to leave them out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { analyzeText } from '../src/pipeline/analyze.js';
import { toOutput } from '../src/output/to-json.js';
import { loadSplit } from '../src/eval/attribution.js';
import { parseTml } from '../src/eval/timex.js';
import type { AttributionMode } from '../src/pipeline/stages.js';

interface SnapshotDoc { corpus: string; id: string; text: string; published: string | null }

const SHARED = path.resolve('..', 'shared', 'data');

function newsGold(): SnapshotDoc[] {
  const dir = path.join(SHARED, 'news-gold', 'texts');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const id = f.slice(0, -4);
    const meta = JSON.parse(fs.readFileSync(path.join(dir, `${id}.meta.json`), 'utf8')) as { published?: string };
    return { corpus: 'news-gold', id, text: fs.readFileSync(path.join(dir, f), 'utf8'), published: meta.published ?? null };
  });
}

function polnearDev(): SnapshotDoc[] {
  return loadSplit(path.join(SHARED, 'polnear', 'dev')).map((d) => ({ corpus: 'polnear-dev', id: d.id, text: d.text, published: null }));
}

function timebank(): SnapshotDoc[] {
  const dir = path.join(SHARED, 'timex', 'timebank');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.tml')).sort().map((f) => {
    const tml = parseTml(f, fs.readFileSync(path.join(dir, f), 'utf8'));
    return { corpus: 'timebank', id: f, text: tml.text, published: tml.dct };
  });
}

function main(argv: string[]): number {
  const outFile = argv.find((a) => !a.startsWith('--'));
  if (!outFile) {
    process.stderr.write('usage: snapshot <out.jsonl> [--modes rules,tagger] [--no-warnings]\n');
    return 2;
  }
  if (!fs.existsSync(SHARED)) {
    process.stderr.write(`snapshot: ${SHARED} not found: the development corpora are needed\n`);
    return 2;
  }
  const modesArg = argv.find((a) => a.startsWith('--modes='))?.slice(8) ?? 'rules,tagger';
  const modes = modesArg.split(',') as AttributionMode[];
  const withWarnings = !argv.includes('--no-warnings');
  const out = fs.openSync(outFile, 'w');
  const docs = [...newsGold(), ...polnearDev(), ...timebank()];
  for (const mode of modes) {
    for (const d of docs) {
      // TimeBank is there for the time layer; one mode is enough for it.
      if (d.corpus === 'timebank' && mode !== 'rules') continue;
      const doc = analyzeText(d.text, { id: d.id, published: d.published }, mode);
      const { warnings, ...record } = toOutput(doc);
      // The PolNeAR-style phrases are internal but scored by `eval attribution`; keep them in the comparison.
      const phrases = doc.statements.map((s) => [s.sourcePhrase ?? null, s.cuePhrase ?? null]);
      const line = { corpus: d.corpus, mode, record, phrases, ...(withWarnings ? { warnings } : {}) };
      fs.writeSync(out, JSON.stringify(line) + '\n');
    }
  }
  fs.closeSync(out);
  process.stderr.write(`snapshot: ${docs.length} documents, modes ${modes.join(', ')} → ${outFile}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
