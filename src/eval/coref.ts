/**
 * `claimline eval coref [dir] [--oracle-names]`: how many gold mentions of people and organisations in the GUM
 * news documents (CoNLL-U with `Entity=` coreference annotation) land in the right system entity.
 *
 * Gold mentions are aligned to character offsets of the plain text by finding each word in order. A gold mention
 * is found when a linked system mention overlaps its minimal span (GUM's `minspan`, the head words); it is
 * correct when that mention's entity is the one mapped to its gold chain. Chains map to system entities one to
 * one, greedily by the number of mentions they share. The system side is the `claimline/1` record a user gets:
 * its entities and their mentions (`toOutput`). B³ is computed over the same gold mentions, unfound ones
 * counting as singletons. `--oracle-names` feeds the gold proper-name mentions to the entity stage instead of the
 * NER, which measures clustering, roles and coreference on their own.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { newDoc, type Doc } from '../model/document.js';
import type { AnalysisOut, EntityType } from '../model/format.js';
import { toOutput } from '../output/to-json.js';
import { analyzeText } from '../pipeline/analyze.js';
import { segment } from '../stages/segment.js';
import { resolveEntities } from '../stages/entities/resolve.js';
import { lookupGeo } from '../lexicon/geo.js';
import { HONORIFICS, ROLE_HEADS } from '../lexicon/titles.js';
import { packageRoot } from '../util/paths.js';
import { harmonicMean } from './prf.js';

interface GoldWord { start: number; end: number; upos: string }

export interface GoldMention {
  chain: string;
  /** GUM entity type: person, organization, place, ... */
  type: string;
  start: number;
  end: number;
  headStart: number;
  headEnd: number;
  /** How the mention refers: by name (proper-noun head), pronoun or description. */
  form: 'name' | 'pronoun' | 'nominal';
  /** Word range, for building oracle name mentions. */
  wordStart: number;
  wordEnd: number;
  headWords: number[];
}

export interface GumDoc { name: string; words: GoldWord[]; mentions: GoldMention[] }

/** Parses the `Entity=` value of one word: openings "(id-type-...-minspan-...", closings "id)". */
function entityEvents(value: string): { open?: string[]; close?: string }[] {
  const out: { open?: string[]; close?: string }[] = [];
  let i = 0;
  while (i < value.length) {
    if (value[i] === '(') {
      let j = i + 1;
      while (j < value.length && value[j] !== '(' && value[j] !== ')') j++;
      const fields = value.slice(i + 1, j).split('-');
      out.push({ open: fields });
      if (value[j] === ')') { out.push({ close: fields[0]! }); j++; }
      i = j;
    } else {
      const m = /^(\d+)\)/.exec(value.slice(i));
      if (!m) { i++; continue; }
      out.push({ close: m[1]! });
      i += m[0].length;
    }
  }
  return out;
}

/** Reads one GUM CoNLL-U document and aligns its words to `text`. */
export function parseGum(name: string, conllu: string, text: string): GumDoc {
  const words: GoldWord[] = [];
  const mentions: GoldMention[] = [];
  const open = new Map<string, { fields: string[]; word: number }[]>();
  let cursor = 0;
  for (const line of conllu.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (cols.length < 10 || !/^\d+$/.test(cols[0]!)) continue; // multi-word ranges and empty nodes
    const form = cols[1]!;
    const at = text.indexOf(form, cursor);
    const start = at >= 0 && at - cursor < 200 ? at : cursor;
    const w = words.length;
    words.push({ start, end: start + form.length, upos: cols[3]! });
    if (at >= 0 && at - cursor < 200) cursor = start + form.length;
    const entity = /(?:^|\|)Entity=([^|]*)/.exec(cols[9]!)?.[1];
    if (!entity) continue;
    for (const ev of entityEvents(entity)) {
      if (ev.open) {
        const id = ev.open[0]!;
        open.set(id, [...(open.get(id) ?? []), { fields: ev.open, word: w }]);
      } else if (ev.close) {
        const stack = open.get(ev.close);
        const o = stack?.pop();
        if (!o) continue;
        mentions.push(goldMention(words, o.fields, o.word, w + 1));
      }
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return { name, words, mentions };
}

function goldMention(words: GoldWord[], fields: string[], ws: number, we: number): GoldMention {
  // fields: id, type, infstat, salience, centering, minspan, link, identity...
  const minspan = (fields[5] ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n >= 1);
  const headWords = minspan.map((n) => ws + n - 1).filter((i) => i < we);
  const heads = headWords.length > 0 ? headWords : [we - 1];
  const hs = Math.min(...heads);
  const he = Math.max(...heads);
  const upos = heads.map((i) => words[i]!.upos);
  const form = upos.includes('PROPN') ? 'name' : upos.every((u) => u === 'PRON' || u === 'DET') ? 'pronoun' : 'nominal';
  return {
    chain: fields[0]!, type: fields[1]!, start: words[ws]!.start, end: words[we - 1]!.end,
    headStart: words[hs]!.start, headEnd: words[he]!.end, form, wordStart: ws, wordEnd: we, headWords: heads,
  };
}

const GUM_TYPES: Record<string, EntityType> = { person: 'PERSON', organization: 'ORG', place: 'GPE', event: 'EVENT' };

/**
 * Gold proper-name mentions as an NER would give them: the run of proper nouns at the mention's head, without the
 * names nested in it ("NASA" in "NASA Administrator Charles Bolden") and without leading title words.
 */
function goldNameSpans(gum: GumDoc, text: string): { ws: number; we: number; type: EntityType }[] {
  const names = gum.mentions.filter((g) => g.form === 'name')
    .sort((a, b) => (a.wordEnd - a.wordStart) - (b.wordEnd - b.wordStart));
  const taken = new Uint8Array(gum.words.length);
  const out: { ws: number; we: number; type: EntityType }[] = [];
  for (const g of names) {
    const heads = g.headWords.filter((i) => gum.words[i]!.upos === 'PROPN' && !taken[i]);
    if (heads.length === 0) continue;
    let we = Math.max(...heads) + 1;
    let ws = we - 1;
    while (ws > g.wordStart && gum.words[ws - 1]!.upos === 'PROPN' && !taken[ws - 1]) ws--;
    while (we < g.wordEnd && gum.words[we]!.upos === 'PROPN' && !taken[we]) we++;
    while (ws < we - 1 && isTitleWord(text.slice(gum.words[ws]!.start, gum.words[ws]!.end))) ws++;
    for (let i = ws; i < we; i++) taken[i] = 1;
    let type = GUM_TYPES[g.type] ?? 'OTHER';
    if (type === 'GPE' && !lookupGeo(text.slice(gum.words[ws]!.start, gum.words[we - 1]!.end))) type = 'LOC';
    out.push({ ws, we, type });
  }
  return out;
}

const isTitleWord = (w: string) => ROLE_HEADS.has(w.toLowerCase()) || HONORIFICS.has(w.toLowerCase());

/** Runs the entity stage with the gold proper-name mentions standing in for the NER. */
export function analyzeWithGoldNames(text: string, gum: GumDoc): Doc {
  const doc = newDoc(text, { id: gum.name, title: null, url: null, published: null, publishedSource: null, source: null });
  segment(doc);
  const tokenStarting = new Map(doc.tokens.map((t, i) => [t.start, i]));
  const tokenEnding = new Map(doc.tokens.map((t, i) => [t.end, i]));
  for (const { ws, we, type } of goldNameSpans(gum, text)) {
    const start = gum.words[ws]!.start;
    const end = gum.words[we - 1]!.end;
    const ts = tokenStarting.get(start);
    const te = tokenEnding.get(end);
    if (ts === undefined || te === undefined || te < ts) continue;
    doc.mentions.push({ start, end, tokenStart: ts, tokenEnd: te + 1, type, kind: 'name', entity: -1 });
  }
  doc.mentions.sort((a, b) => a.start - b.start);
  resolveEntities(doc);
  return doc;
}

export interface CorefCounts { gold: number; found: number; correct: number }

export interface CorefScores {
  documents: number;
  /** Keyed by `person` / `organization`, then by mention form (`all`, `name`, `nominal`, `pronoun`). */
  byType: Record<string, Record<string, CorefCounts>>;
  b3: { precision: number; recall: number; f1: number };
}

const EVAL_TYPES = ['person', 'organization'];

/** The mentions of the output's entities, each with the index of its entity in `entities`. */
export function outputMentions(out: AnalysisOut): { start: number; end: number; entity: number }[] {
  // In text order, so that a tie between two overlapping mentions goes to the earlier one.
  return out.entities.flatMap((e, entity) => e.mentions.map((m) => ({ start: m.start, end: m.end, entity })))
    .sort((a, b) => a.start - b.start);
}

/** The output entity each gold mention was found in (-1 when none of its mentions overlaps the gold head). */
export function alignToSystem(out: AnalysisOut, gold: GoldMention[]): number[] {
  const mentions = outputMentions(out);
  return gold.map((g) => {
    let best = -1;
    let bestOverlap = 0;
    for (const m of mentions) {
      if (m.start >= g.headEnd || m.end <= g.headStart) continue;
      if (m.start < g.start || m.end > g.end) continue;
      const overlap = Math.min(m.end, g.headEnd) - Math.max(m.start, g.headStart);
      if (overlap > bestOverlap) { bestOverlap = overlap; best = m.entity; }
    }
    return best;
  });
}

/** One-to-one chain → entity mapping, greedily by shared mentions. */
function mapChains(gold: GoldMention[], system: number[]): Map<string, number> {
  const counts = new Map<string, number>();
  gold.forEach((g, i) => {
    if (system[i]! < 0) return;
    const k = `${g.chain}\t${system[i]}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  const pairs = [...counts].sort((a, b) => b[1] - a[1]);
  const chainTo = new Map<string, number>();
  const used = new Set<number>();
  for (const [k] of pairs) {
    const [chain, e] = k.split('\t') as [string, string];
    if (chainTo.has(chain) || used.has(Number(e))) continue;
    chainTo.set(chain, Number(e));
    used.add(Number(e));
  }
  return chainTo;
}

export async function evalCoref(dir: string, options: { oracleNames?: boolean } = {}): Promise<CorefScores> {
  const textDir = path.resolve(dir, '../../examples/wikinews');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.conllu')).sort();
  const byType: CorefScores['byType'] = {};
  for (const t of EVAL_TYPES) byType[t] = {};
  let pSum = 0;
  let rSum = 0;
  let n = 0;
  for (const file of files) {
    const name = file.replace(/^GUM_news_/, '').replace(/\.conllu$/, '');
    const text = await readFile(path.join(textDir, `${name}.txt`), 'utf8');
    const gum = parseGum(name, await readFile(path.join(dir, file), 'utf8'), text);
    const doc = options.oracleNames ? analyzeWithGoldNames(text, gum) : analyzeText(text, { id: name });
    const gold = gum.mentions.filter((g) => EVAL_TYPES.includes(g.type));
    const system = alignToSystem(toOutput(doc), gold);
    const chainTo = mapChains(gold, system);
    gold.forEach((g, i) => {
      for (const form of ['all', g.form]) {
        const c = (byType[g.type]![form] ??= { gold: 0, found: 0, correct: 0 });
        c.gold++;
        if (system[i]! >= 0) c.found++;
        if (system[i]! >= 0 && chainTo.get(g.chain) === system[i]) c.correct++;
      }
    });
    // B³: each gold mention's system cluster is the gold mentions aligned to the same entity.
    gold.forEach((g, i) => {
      const sys = system[i]! < 0 ? [i] : gold.map((_, j) => j).filter((j) => system[j] === system[i]);
      const goldChain = gold.filter((h) => h.chain === g.chain).length;
      const both = sys.filter((j) => gold[j]!.chain === g.chain).length;
      pSum += both / sys.length;
      rSum += both / goldChain;
      n++;
    });
  }
  const precision = n ? pSum / n : 0;
  const recall = n ? rSum / n : 0;
  return { documents: files.length, byType, b3: { precision, recall, f1: harmonicMean(precision, recall) } };
}

function formatTable(s: CorefScores): string {
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '-').padStart(6);
  const lines = [`documents: ${s.documents}`, 'type          form      gold  found  correct  found%  correct%'];
  for (const [type, forms] of Object.entries(s.byType)) {
    for (const form of ['all', 'name', 'nominal', 'pronoun']) {
      const c = forms[form];
      if (!c) continue;
      lines.push(`${type.padEnd(13)} ${form.padEnd(8)} ${String(c.gold).padStart(5)} ${String(c.found).padStart(6)} `
        + `${String(c.correct).padStart(8)}  ${pct(c.found, c.gold)}  ${pct(c.correct, c.gold)}`);
    }
  }
  const f = (x: number) => (100 * x).toFixed(1);
  lines.push(`B³ (person+organization mentions): P ${f(s.b3.precision)}  R ${f(s.b3.recall)}  F1 ${f(s.b3.f1)}`);
  return lines.join('\n');
}

export async function evalCorefCommand(args: string[]): Promise<number> {
  const oracleNames = args.includes('--oracle-names');
  const dir = args.find((a) => !a.startsWith('--')) ?? path.resolve(packageRoot(), '../shared/data/gum-news');
  const scores = await evalCoref(dir, { oracleNames });
  process.stdout.write(`${formatTable(scores)}\n`);
  return 0;
}
