/**
 * `claimline eval parse <conllu file or dir> [--model DIR] [--gold-tags] [--json]`: the parser on the file's own
 * tokenisation (its syntactic words: multiword tokens and empty nodes skipped, as CoNLL 2018 does). Scores:
 * UPOS accuracy, UAS, and LAS on the main relation (`nsubj:pass` counts as `nsubj`, as CoNLL 2018 LAS does; the
 * full-relation figure is printed beside it), all with punctuation excluded (words whose gold UPOS is PUNCT); the
 * same figures over all words follow. `--gold-tags` parses with the file's UPOS instead of the tagger's.
 */
import { conlluFiles, mainRelation, readConllu, type UdSentence } from '../stages/syntax/conllu.js';
import { getParserModel, loadParserModel, parseSentence, type ParserModel } from '../stages/syntax/model.js';

export interface ParseCounts {
  words: number;
  upos: number;
  uas: number;
  las: number;
  /** Full relation, subtypes included. */
  lasFull: number;
}

export interface ParseScores {
  sentences: number;
  /** Punctuation excluded. */
  noPunct: ParseCounts;
  all: ParseCounts;
  wordsPerSecond: number;
}

const zero = (): ParseCounts => ({ words: 0, upos: 0, uas: 0, las: 0, lasFull: 0 });

export function scoreParses(sents: readonly UdSentence[], model: ParserModel = getParserModel(), goldTags = false): ParseScores {
  const noPunct = zero();
  const all = zero();
  let words = 0;
  const t0 = process.hrtime.bigint();
  const parses = sents.map((s) => parseSentence(s.words, goldTags ? { upos: s.upos } : {}, model));
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  sents.forEach((s, k) => {
    const p = parses[k]!;
    for (let i = 0; i < s.words.length; i++) {
      words++;
      const okHead = p.heads[i] === s.heads[i];
      for (const c of s.upos[i] === 'PUNCT' ? [all] : [all, noPunct]) {
        c.words++;
        if (p.upos[i] === s.upos[i]) c.upos++;
        if (okHead) {
          c.uas++;
          if (mainRelation(p.deprels[i]!) === mainRelation(s.deprels[i]!)) c.las++;
          if (p.deprels[i] === s.deprels[i]) c.lasFull++;
        }
      }
    }
  });
  return { sentences: sents.length, noPunct, all, wordsPerSecond: words / secs };
}

const pct = (a: number, b: number) => (b ? (100 * a / b).toFixed(2) : '—');

export function formatParseScores(s: ParseScores): string {
  const row = (name: string, c: ParseCounts) => `${name.padEnd(22)} ${String(c.words).padStart(7)}  UPOS ${pct(c.upos, c.words)}`
    + `  UAS ${pct(c.uas, c.words)}  LAS ${pct(c.las, c.words)}  (full relations ${pct(c.lasFull, c.words)})`;
  return [
    `${s.sentences} sentences; tagger + parser ${Math.round(s.wordsPerSecond).toLocaleString('en-US')} words/s`,
    row('punctuation excluded', s.noPunct),
    row('all words', s.all),
  ].join('\n');
}

export async function evalParseCommand(args: string[]): Promise<number> {
  const mi = args.indexOf('--model');
  const input = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--model');
  if (!input) {
    process.stderr.write('usage: claimline eval parse <conllu file or dir> [--model DIR] [--gold-tags] [--json]\n');
    return 2;
  }
  const model = mi >= 0 && args[mi + 1] ? loadParserModel(args[mi + 1]) : getParserModel();
  const sents = conlluFiles(input).flatMap(readConllu);
  const scores = scoreParses(sents, model, args.includes('--gold-tags'));
  process.stdout.write(args.includes('--json') ? `${JSON.stringify(scores)}\n` : `${formatParseScores(scores)}\n`);
  return 0;
}
