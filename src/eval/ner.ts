/**
 * `claimline eval ner <conll file>`: span-level precision, recall and F1 per type and overall, computed and
 * printed the way conlleval does (a name counts only when its boundaries and type both match).
 */
import { chunksOf, readConll, type ConllDoc } from '../stages/entities/ner/conll.js';
import { getNerModel, loadNerModel, tagTokens, type NerModel } from '../stages/entities/ner/model.js';
import type { NameSpan } from '../stages/entities/ner/decode.js';
import { prf, type PRF } from './prf.js';
export type { PRF } from './prf.js';


export interface NerScores {
  tokens: number;
  accuracy: number;
  overall: PRF;
  byType: Record<string, PRF>;
}


/** IOB2 tags for predicted spans over n tokens. */
export function tagsFromSpans(n: number, spans: readonly NameSpan[]): string[] {
  const tags = new Array<string>(n).fill('O');
  for (const s of spans) for (let i = s.start; i < s.end; i++) tags[i] = `${i === s.start ? 'B' : 'I'}-${s.type}`;
  return tags;
}

/** Scores predicted tag sequences against gold ones (one pair per document). */
export function scoreTags(pairs: { gold: string[]; pred: string[] }[]): NerScores {
  const counts = new Map<string, { gold: number; found: number; correct: number }>();
  const bump = (type: string, k: 'gold' | 'found' | 'correct') => {
    let c = counts.get(type);
    if (!c) counts.set(type, (c = { gold: 0, found: 0, correct: 0 }));
    c[k]++;
  };
  let tokens = 0;
  let tokenCorrect = 0;
  for (const { gold, pred } of pairs) {
    tokens += gold.length;
    for (let i = 0; i < gold.length; i++) {
      // conlleval compares tags after the IOB prefix is reduced to inside/outside.
      if ((gold[i] === 'O' ? 'O' : gold[i]!.slice(2)) === (pred[i] === 'O' ? 'O' : pred[i]!.slice(2))) tokenCorrect++;
    }
    const g = chunksOf(gold);
    const p = chunksOf(pred);
    const gk = new Set(g.map((c) => `${c.start}:${c.end}:${c.type}`));
    for (const c of g) bump(c.type, 'gold');
    for (const c of p) {
      bump(c.type, 'found');
      if (gk.has(`${c.start}:${c.end}:${c.type}`)) bump(c.type, 'correct');
    }
  }
  const byType: Record<string, PRF> = {};
  let G = 0;
  let F = 0;
  let C = 0;
  for (const type of [...counts.keys()].sort()) {
    const c = counts.get(type)!;
    byType[type] = prf(c.gold, c.found, c.correct);
    G += c.gold; F += c.found; C += c.correct;
  }
  return { tokens, accuracy: tokens ? (100 * tokenCorrect) / tokens : 0, overall: prf(G, F, C), byType };
}

export function evaluateNerDocs(docs: readonly ConllDoc[], model: NerModel = getNerModel()): NerScores {
  return scoreTags(docs.map((d) => ({
    gold: d.tags,
    pred: tagsFromSpans(d.words.length, tagTokens(d.words, d.sentStart, model)),
  })));
}

/** Scores the model on a CoNLL-2003 file. */
export function evaluateNerFile(file: string, model?: NerModel): NerScores {
  return evaluateNerDocs(readConll(file), model);
}

const pct = (x: number) => x.toFixed(2).padStart(6);

/** The report in conlleval's layout. */
export function formatConlleval(s: NerScores): string {
  const o = s.overall;
  const lines = [
    `processed ${s.tokens} tokens with ${o.gold} phrases; found: ${o.found} phrases; correct: ${o.correct}.`,
    `accuracy: ${pct(s.accuracy)}%; precision: ${pct(o.precision)}%; recall: ${pct(o.recall)}%; FB1: ${pct(o.f1)}`,
  ];
  for (const [type, r] of Object.entries(s.byType)) {
    lines.push(`${type.padStart(17)}: precision: ${pct(r.precision)}%; recall: ${pct(r.recall)}%; FB1: ${pct(r.f1)}  ${r.found}`);
  }
  return lines.join('\n');
}

/** `claimline eval ner <conll file> [--model <dir>]`; returns the process exit code. */
export async function evalNerCommand(args: string[]): Promise<number> {
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--model');
  const mi = args.indexOf('--model');
  if (!file) {
    process.stderr.write('usage: claimline eval ner <conll-2003 file> [--model <dir>]\n');
    return 2;
  }
  const model = mi >= 0 && args[mi + 1] ? loadNerModel(args[mi + 1]) : undefined;
  process.stdout.write(`${formatConlleval(evaluateNerFile(file, model))}\n`);
  return 0;
}
