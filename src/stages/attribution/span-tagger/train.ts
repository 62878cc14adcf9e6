/**
 * Training of the span tagger's two models from PolNeAR-style gold (used by scripts/train-attribution.ts).
 * Gold spans are trimmed with the evaluation's rules first, so the models learn to leave out what the scoring
 * ignores anyway (quotation marks, final punctuation, a leading "that"), and projected onto tokens by midpoint.
 */
import type { Doc } from '../../../model/document.js';
import { docView, type DocView, type RuleReading } from './features.js';
import { SequenceTrainer, type SequenceModelFile } from '../../../learn/structured.js';
import {
  ARG_TAGS, CUE_TAGS, argAllowed, argLegal, argRows, argWindow, cueLegal, cueRows, type TokRange,
} from './index.js';
import { shuffleInPlace } from '../../../util/random.js';

export interface GoldFragment {
  start: number;
  end: number;
}

export interface GoldAttribution {
  source: GoldFragment[];
  cue: GoldFragment[];
  content: GoldFragment[];
}

/**
 * Features whose every averaged weight stays below this are left out of the model files: on dev, dropping them
 * (about half the features) changed no F1 by more than 0.1, and halves the files and the lookup table.
 */
const MIN_WEIGHT = 3;

interface GoldArgs {
  cue: TokRange;
  source: TokRange[];
  content: TokRange[];
}

interface TrainingDoc {
  view: DocView;
  /** Per token: 0 = O, 1 = B-CUE, 2 = I-CUE. */
  cueTags: Uint8Array;
  args: GoldArgs[];
}

/** Tokens whose midpoint lies in a fragment, as token ranges (one per fragment, empty ones dropped). */
function toTokens(doc: Doc, frags: GoldFragment[]): TokRange[] {
  const out: TokRange[] = [];
  for (const f of frags) {
    let s = -1;
    let e = -1;
    for (let i = 0; i < doc.tokens.length; i++) {
      const t = doc.tokens[i]!;
      if (t.start >= f.end) break;
      const mid = (t.start + t.end) / 2;
      if (mid >= f.start && mid < f.end) {
        if (s < 0) s = i;
        e = i + 1;
      }
    }
    if (s >= 0) out.push({ s, e });
  }
  return out;
}

/** Prepares one analysed document (tokens, mentions) and its trimmed gold for training. */
export function trainingDoc(doc: Doc, gold: GoldAttribution[], trim: (f: GoldFragment) => GoldFragment,
  rules: RuleReading[] = []): TrainingDoc {
  const view = docView(doc, rules);
  const cueTags = new Uint8Array(doc.tokens.length);
  const args: GoldArgs[] = [];
  for (const a of gold) {
    const cue = toTokens(doc, a.cue.map(trim));
    if (cue.length === 0) continue;
    const s = Math.min(...cue.map((r) => r.s));
    const e = Math.max(...cue.map((r) => r.e));
    for (let i = s; i < e; i++) cueTags[i] = i === s ? 1 : 2;
    args.push({ cue: { s, e }, source: toTokens(doc, a.source.map(trim)), content: toTokens(doc, a.content.map(trim)) });
  }
  return { view, cueTags, args };
}

function argGold(w: TokRange, g: GoldArgs): Uint8Array {
  const tags = new Uint8Array(w.e - w.s);
  const put = (r: TokRange, b: number) => {
    for (let i = Math.max(r.s, w.s); i < Math.min(r.e, w.e); i++) {
      if (i >= g.cue.s && i < g.cue.e) continue;
      tags[i - w.s] = i === Math.max(r.s, w.s) || i === g.cue.e ? b : b + 1;
    }
  };
  for (const r of g.source) put(r, 1);
  for (const r of g.content) put(r, 3);
  return tags;
}

/** Trains both models; documents in a seeded shuffled order per epoch. */
export function trainSpanTagger(docs: TrainingDoc[], epochs: number, random: () => number,
  log: (s: string) => void = () => {}): { cues: SequenceModelFile; args: SequenceModelFile } {
  const cueTrainer = new SequenceTrainer(CUE_TAGS);
  const argTrainer = new SequenceTrainer(ARG_TAGS);
  for (let epoch = 0; epoch < epochs; epoch++) {
    let cueErr = 0;
    let argErr = 0;
    for (const di of shuffleInPlace(docs.map((_, i) => i), random)) {
      const { view, cueTags, args } = docs[di]!;
      for (const s of view.doc.sentences) {
        cueErr += cueTrainer.learn(cueRows(view, s.tokenStart, s.tokenEnd), cueTags.subarray(s.tokenStart, s.tokenEnd),
          { legal: cueLegal });
      }
      for (const g of args) {
        const w = argWindow(view, g.cue.s);
        argErr += argTrainer.learn(argRows(view, w, g.cue.s, g.cue.e), argGold(w, g),
          { legal: argLegal, allowed: argAllowed(w, g.cue.s, g.cue.e) });
      }
    }
    log(`epoch ${epoch + 1}: cue token errors ${cueErr}, argument token errors ${argErr}`);
  }
  return { cues: cueTrainer.averaged(1, MIN_WEIGHT), args: argTrainer.averaged(1, MIN_WEIGHT) };
}
