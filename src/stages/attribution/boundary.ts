/**
 * Content-end model: where reported content that is not in quotation marks stops. For content starting at token k
 * in a sentence window ending at max, every token boundary e in (k, max] outside a quotation is a candidate end;
 * an averaged structured perceptron over sparse string features of the boundary (the words around it, how far it
 * is from k and from max, the commas crossed, whether the hand rule `clauseEnd` picks it) chooses one. Trained by
 * scripts/train-attribution.ts on PolNeAR train; weights in models/attribution/boundary.json. Without the file the
 * stage keeps the hand rule.
 */
import type { Token } from '../../model/document.js';
import { AveragedLinearModel } from '../../learn/linear.js';
import { loadLinearModel, weightSum } from './linear-model.js';
import type { ScorerModel } from './scorer.js';

export function boundaryModel(): ScorerModel | null {
  return loadLinearModel('boundary.json');
}

const BREAK_TAGS = new Set(['PUNCT', 'ADP', 'SCONJ', 'CCONJ', 'PRON', 'DET', 'AUX', 'PART', 'ADV']);
const OPEN_TAGS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV', 'NUM', 'X', 'SYM', 'INTJ']);

/** A token as a feature value: function words and punctuation by form, content words by tag (verbs by ending). */
function shape(t: Token | undefined): string {
  if (!t) return 'END';
  if (!OPEN_TAGS.has(t.pos)) return t.lower;
  if (t.pos === 'VERB') return t.lower.endsWith('ing') ? 'VERB-ing' : t.lower.endsWith('ed') ? 'VERB-ed' : 'VERB';
  return t.pos;
}

const bucket = (n: number) => (n <= 1 ? '1' : n <= 3 ? '2-3' : n <= 6 ? '4-6' : n <= 10 ? '7-10' : n <= 16
  ? '11-16' : n <= 25 ? '17-25' : '26+');

/**
 * Candidate ends of content starting at k and their features. `inQuote(i)`: token i lies inside a quotation
 * (an end between two tokens of one quotation is no candidate). `rule`: the hand rule's end.
 */
export function endCandidates(toks: Token[], k: number, max: number, rule: number,
  quoteOf: (i: number) => number): { ends: number[]; features: string[][] } {
  const ends: number[] = [];
  const features: string[][] = [];
  let commas = 0;
  let verbs = 0;
  for (let e = k + 1; e <= max; e++) {
    const last = toks[e - 1]!;
    if (last.lower === ',') commas++;
    if (last.pos === 'VERB' || last.pos === 'AUX') verbs++;
    if (e < max && quoteOf(e) >= 0 && quoteOf(e) === quoteOf(e - 1)) continue;
    // Content stops before punctuation, a function word or a verb form, or where the rule or the window says.
    if (e < max && e !== rule && !BREAK_TAGS.has(toks[e]!.pos) && !(toks[e]!.pos === 'VERB')) continue;
    const n = shape(toks[e]);
    const n2 = e + 1 < max ? shape(toks[e + 1]) : 'END';
    const p = shape(last);
    const r = e === rule ? 'R' : e < rule ? 'B' : 'A';
    const atEnd = e === max;
    const c = commas >= 3 ? '3+' : String(commas);
    const f = [
      `r=${r}`, `n=${n}`, `n2=${n}|${n2}`, `p=${p}`, `pn=${p}|${n}`, `d=${bucket(e - k)}`,
      `left=${atEnd ? 0 : bucket(max - e)}`, `c=${c}`, `rn=${r}|${n}`, `rn2=${r}|${n}|${n2}`, `cn=${c}|${n}`,
      `dn=${bucket(e - k)}|${n}`, `v=${verbs > 2 ? '3+' : verbs}|${n}`,
    ];
    if (atEnd) f.push('max');
    ends.push(e);
    features.push(f);
  }
  return { ends, features };
}

export function scoreEnd(model: ScorerModel, f: string[]): number {
  return weightSum(model, f);
}

/** The candidate boundary the model scores highest (the first on ties), or `fallback` when there is none. */
export function bestBoundary(model: ScorerModel, positions: number[], features: string[][], fallback: number): number {
  let best = fallback;
  let bestScore = -Infinity;
  for (let j = 0; j < positions.length; j++) {
    const sc = scoreEnd(model, features[j]!);
    if (sc > bestScore) {
      bestScore = sc;
      best = positions[j]!;
    }
  }
  return best;
}

/** Averaged structured perceptron: each example's gold candidates should outscore the rest. */
export function trainEnds(examples: { features: string[][]; gold: boolean[] }[], epochs: number,
  order: (epoch: number) => number[]): Record<string, number> {
  const model = new AveragedLinearModel();
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const i of order(epoch)) {
      const ex = examples[i]!;
      let best = -1;
      let bestS = -Infinity;
      let goldI = -1;
      let goldS = -Infinity;
      ex.features.forEach((f, j) => {
        const s = model.score(f);
        if (s > bestS) {
          bestS = s;
          best = j;
        }
        if (ex.gold[j] && s > goldS) {
          goldS = s;
          goldI = j;
        }
      });
      if (best >= 0 && goldI >= 0 && !ex.gold[best]) {
        model.update(ex.features[goldI]!, 1);
        model.update(ex.features[best]!, -1);
      }
      model.tick();
    }
  }
  return model.averaged(3).weights;
}

/** How far past the hand rule's start a learned content start may move. */
const START_REACH = 12;

/**
 * Candidate starts of content the hand rule starts at k (and ends at `end`), and their features: k itself, or a
 * token after a comma, "that", a colon or a preposition within START_REACH tokens ("said after the debate, the
 * 1920 election ...": the lead-in is the reporter's).
 */
export function startCandidates(toks: Token[], k: number, end: number,
  quoteOf: (i: number) => number): { starts: number[]; features: string[][] } {
  const starts: number[] = [];
  const features: string[][] = [];
  let commas = 0;
  const k0 = shape(toks[k]);
  for (let s = k; s < Math.min(end, k + START_REACH); s++) {
    const prev = s > 0 ? toks[s - 1]! : undefined;
    if (s > k && prev?.lower === ',') commas++;
    if (s > k && quoteOf(s) >= 0 && quoteOf(s) === quoteOf(s - 1)) continue;
    const opener = prev && (prev.lower === ',' || prev.lower === 'that' || prev.lower === ':' || prev.pos === 'ADP'
      || prev.pos === 'SCONJ');
    if (s > k && !opener) continue;
    const p = shape(prev);
    const c = shape(toks[s]);
    const r = s === k ? 'R' : 'M';
    const cm = commas >= 2 ? '2+' : String(commas);
    features.push([`sr=${r}`, `sp=${p}`, `sc=${c}`, `spc=${p}|${c}`, `sd=${bucket(s - k)}`, `sk=${k0}|${r}`,
      `skp=${k0}|${p}`, `scm=${cm}|${p}`, `srp=${r}|${p}`, `sl=${bucket(end - s)}`]);
    starts.push(s);
  }
  return { starts, features };
}
