/**
 * The dependency parser (src/stages/syntax): the CoNLL-U reader, the arc-hybrid system and its dynamic oracle on
 * trees written here, the committed model's output on sentences written here, the scorer's punctuation rule, and
 * byte-identical retraining on a slice of GUM (skipped, saying so, when ../shared is absent).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { mainRelation, parseConllu } from '../src/stages/syntax/conllu.js';
import { LEFT, ParseState, RIGHT, SHIFT } from '../src/stages/syntax/state.js';
import { parseSentence } from '../src/stages/syntax/model.js';
import { scoreParses } from '../src/eval/parse.js';
import { packageRoot } from '../src/util/paths.js';
import { HAS_SHARED, NO_SHARED } from './shared.js';

const CONLLU = [
  '# sent_id = a-1',
  '# text = We don\'t know.',
  '1\tWe\twe\tPRON\tPRP\t_\t4\tnsubj\t_\t_',
  '2-3\tdon\'t\t_\t_\t_\t_\t_\t_\t_\t_',
  '2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_',
  '3\tn\'t\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_',
  '4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\t_',
  '4.1\tit\t_\t_\t_\t_\t_\t_\t4:obj\t_',
  '5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_',
  '',
  '1\tRain\train\tNOUN\tNN\t_\t2\tnsubj:pass\t_\t_',
  '2\tfell\tfall\tVERB\tVBD\t_\t0\troot\t_\t_',
  '',
].join('\n');

test('CoNLL-U: multiword tokens and empty nodes are skipped; ids and subtypes are kept', () => {
  const s = parseConllu(CONLLU);
  assert.equal(s.length, 2);
  assert.deepEqual(s[0]!.words, ['We', 'do', "n't", 'know', '.']);
  assert.deepEqual(s[0]!.heads, [4, 4, 4, 0, 4]);
  assert.equal(s[0]!.id, 'a-1');
  assert.equal(s[1]!.id, '');
  assert.equal(s[1]!.deprels[0], 'nsubj:pass');
  assert.equal(mainRelation('nsubj:pass'), 'nsubj');
  assert.equal(mainRelation('obj'), 'obj');
});

/** Follows zero-cost transitions (preferring SHIFT, then RIGHT, then LEFT) and returns the heads built. */
function followOracle(gold: number[]): Int32Array {
  const n = gold.length;
  const g = Int32Array.from(gold);
  const st = new ParseState(n);
  let steps = 0;
  while (!st.done) {
    const a = [SHIFT, RIGHT, LEFT].find((x) => st.valid(x) && st.cost(x, g) === 0);
    assert.notEqual(a, undefined, `no zero-cost transition at step ${steps}`);
    st.apply(a!, 0, 1);
    assert.ok(++steps <= 2 * n + 1, 'too many transitions');
  }
  return st.heads;
}

test('arc-hybrid oracle: zero-cost transitions rebuild projective trees exactly, root at the end', () => {
  // heads as indices, n = root. "The old man saw a dog in the park ." style shapes, plus a right-branching chain.
  const trees = [
    [2, 2, 3, 10, 5, 3, 8, 8, 3, 3],
    [1, 2, 3, 4, 5],
    [5, 0, 1, 2, 3],
    [1, 5, 1, 4, 2],
  ];
  for (const gold of trees) assert.deepEqual([...followOracle(gold)].slice(0, gold.length), gold);
});

test('arc-hybrid costs: a transition that loses a gold arc costs it', () => {
  // w0 ← w1 (root w1): with w0 on the stack and w1 in front, RIGHT/LEFT choices.
  const g = Int32Array.of(1, 2);
  const st = new ParseState(2);
  st.apply(SHIFT);
  assert.equal(st.cost(LEFT, g), 0);
  // Shifting w1 over w0 loses w1 → w0 (w0 can no longer take w1 as its head).
  assert.equal(st.cost(SHIFT, g), 1);
  // Only one word may attach to the root: LEFT to the root is invalid while the stack holds two words.
  st.apply(SHIFT);
  assert.equal(st.valid(LEFT), false);
  assert.equal(st.valid(RIGHT), true);
});

function isTree(heads: number[]): boolean {
  if (heads.filter((h) => h === 0).length !== 1) return false;
  for (let i = 0; i < heads.length; i++) {
    let j = i + 1;
    for (let steps = 0; j !== 0; steps++) {
      if (steps > heads.length) return false;
      j = heads[j - 1]!;
    }
  }
  return true;
}

test('committed model: every parse is one tree with known relations; clear cases come out right', () => {
  const words = ['The', 'committee', 'said', 'that', 'the', 'new', 'plan', 'would', 'fail', '.'];
  const p = parseSentence(words);
  assert.equal(p.heads.length, words.length);
  assert.ok(isTree(p.heads), `not a tree: ${p.heads}`);
  assert.equal(p.heads[2], 0, 'said is the root');
  assert.equal(p.heads[1], 3);
  assert.equal(p.deprels[1], 'nsubj');
  assert.equal(p.heads[8], 3);
  assert.equal(p.deprels[8], 'ccomp');
  assert.equal(p.deprels[9], 'punct');
  assert.deepEqual(p.upos.slice(0, 4), ['DET', 'NOUN', 'VERB', 'SCONJ']);
  for (const ws of [['Hello'], ['Yes', ',', 'it', 'is', '!'], 'a b c d e f g h i j k l m n o p'.split(' ')]) {
    assert.ok(isTree(parseSentence(ws).heads));
  }
  assert.deepEqual(parseSentence([]), { upos: [], heads: [], deprels: [] });
  // Given tags are used as given.
  assert.equal(parseSentence(['Run', '!'], { upos: ['NOUN', 'PUNCT'] }).upos[0], 'NOUN');
});

test('scoring: punctuation (gold UPOS PUNCT) is left out of the main figures and kept in the all-words ones', () => {
  const s = scoreParses(parseConllu(CONLLU));
  assert.equal(s.all.words, 7);
  assert.equal(s.noPunct.words, 6);
  assert.ok(s.noPunct.las <= s.noPunct.uas && s.noPunct.lasFull <= s.noPunct.las);
});

test('retraining on a slice of GUM writes byte-identical files', { skip: HAS_SHARED ? false : NO_SHARED }, () => {
  const script = path.join(packageRoot(), 'dist/scripts/train-parser.js');
  const run = (out: string) => execFileSync(process.execPath, [script, '--limit', '3', '--folds', '2', '--epochs', '2',
    '--tag-epochs', '1', '--out', out], { stdio: 'pipe' });
  const a = fs.mkdtempSync(path.join(os.tmpdir(), 'parser-a-'));
  const b = fs.mkdtempSync(path.join(os.tmpdir(), 'parser-b-'));
  try {
    run(a);
    run(b);
    for (const f of ['model.json', 'tagger.bin.gz', 'parser.bin.gz', 'labeller.bin.gz', 'lexicon.tsv.gz']) {
      assert.ok(fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f))), `${f} differs`);
    }
  } finally {
    fs.rmSync(a, { recursive: true, force: true });
    fs.rmSync(b, { recursive: true, force: true });
  }
});
