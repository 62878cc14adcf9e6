/**
 * `claimline eval attribution <polnear split dir>`: scores `doc.statements` against PolNeAR attributions with
 * CofeNet's protocol (source, cue and content scored separately, exact span match).
 *
 * Rules:
 * - Input: `<dir>/text/<doc>.txt` and `<dir>/attributions/<doc>_<annotator>.ann` (brat standoff). Each document is
 *   scored against ONE annotator, always the alphabetically first annotator code among its `.ann` files; this is
 *   the annotator PolNeAR's JSONL release flags `primary`. The text is run through the full pipeline
 *   (`analyzeText`, every stage in STAGES).
 * - Gold: every `Attribution` and `Attribution-no-source` event, with its Source, Cue and Content (and Content2)
 *   arguments. `Discuss` and other annotation types are ignored.
 * - System: every statement of the `claimline/1` record a user gets (`toOutput`); its source is `speaker.mention`,
 *   its cue `cue`, its content `content`. A statement without a cue (a floating quote, whose speaker is inherited
 *   from an earlier statement and whose `speaker.mention` points there) has no source span; a statement without a
 *   mention (or cue) has no source (or cue) span.
 * - A second, clearly labelled figure scores the attribution stage's internal PolNeAR-style phrases instead
 *   (`sourcePhrase` else `speakerSpan`, `cuePhrase` else `cue`, same content; never in the output), so that a change
 *   of the output's conventions can be told apart from a change of what the stage finds.
 * - Trimming, applied to gold and system spans alike, fragment by fragment and repeated until nothing changes:
 *   whitespace at both edges; quotation marks (" “ ” „ « » ' ‘ ’, and the two-character '' and ``) at both edges;
 *   final punctuation (. , ; : ! ?); a leading "that " (any case). Trimming never empties a span: a cue that is
 *   only ":" stays ":".
 * - Discontinuous spans (brat `s1 e1;s2 e2`, Content + Content2, a statement with several content spans): a role
 *   of one attribution is the ordered list of its trimmed fragments and matches only if the whole list matches.
 * - Exact P/R/F1 per role: gold and system spans are multisets (two attributions sharing a source count twice);
 *   correct = Σ min(gold count, system count) per distinct span. P = correct/system, R = correct/gold.
 * - First-token match: the same, comparing only the start offset of the first trimmed fragment.
 * - Jaccard: for every gold span, the best character-overlap |A∩B|/|A∪B| with any system span of the same role in
 *   the same document (0 when none); the mean over gold spans.
 * - Subsets, scored with exact P/R/F1 restricted on both sides: content in quotation marks (a span whose trimmed
 *   fragments all sit directly between an opening and a closing quotation mark, ignoring whitespace and
 *   punctuation inside the marks); speech-verb cues (the last word of the cue is a form of say, tell, add, write,
 *   ask, note, claim, state, report, tweet, explain, argue); pronoun sources (a source that is one pronoun).
 * - Linked: an attribution counts when its source (or the absence of one), cue and content all match exactly.
 * - Flat spans, the way CofeNet's own scorer counts (its `get_element` reads contiguous B-/I- runs of one flat tag
 *   sequence): per document and role, the SET of distinct trimmed fragments of all attributions, each fragment a
 *   span of its own; exact P/R/F1 over those sets. Pieces of an interrupted quote score separately here, and a
 *   span shared by two attributions counts once. CofeNet's flat tags cannot hold nested or overlapping spans, so
 *   its data drops some that PolNeAR annotates; these figures keep them all.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Doc } from '../model/document.js';
import type { AnalysisOut } from '../model/format.js';
import { toOutput } from '../output/to-json.js';
import { analyzeText } from '../pipeline/analyze.js';
import { prf, type PRF } from './prf.js';
export type { PRF } from './prf.js';


type Role = 'source' | 'cue' | 'content';
const ROLES: readonly Role[] = ['source', 'cue', 'content'];

interface Fragment {
  start: number;
  end: number;
}

/** One attribution as a list of fragments per role (an empty list: the role is absent). */
type Attribution = Record<Role, Fragment[]>;

export interface AttributionScores {
  documents: number;
  annotatorRule: string;
  exact: Record<Role, PRF>;
  /** Exact match of distinct contiguous spans per role (CofeNet's flat counting; see the rules above). */
  flat: Record<Role, PRF>;
  firstToken: Record<Role, PRF>;
  jaccard: Record<Role, number>;
  quotedContent: PRF;
  speechCue: PRF;
  pronounSource: PRF;
  linked: PRF;
}

/** The output figures, with the internal-phrase figure beside them (see the rules above). */
export interface AttributionReport extends AttributionScores {
  /** Exact P/R/F1 of the attribution stage's internal PolNeAR-style phrases; not what a user gets. */
  internal: Record<Role, PRF>;
}

const QUOTE_MARKS = '"“”„«»\'‘’';
const FINAL_PUNCT = '.,;:!?';
const SPEECH_CUE = new RegExp(`\\b(${['say|says|said|saying', 'tell|tells|told|telling', 'add|adds|added|adding',
  'write|writes|wrote|writing', 'ask|asks|asked|asking', 'note|notes|noted|noting', 'claim|claims|claimed|claiming',
  'state|states|stated|stating', 'report|reports|reported|reporting', 'tweet|tweets|tweeted|tweeting',
  'explain|explains|explained|explaining', 'argue|argues|argued|arguing'].join('|')})$`, 'i');
const PRONOUN = /^(he|she|they|i|we|you|it|who|which|that|him|her|them|us|me|one|this|these|those)$/i;


/** The evaluation trimming (see the rules above); never returns an empty fragment for a non-empty one. */
export function trimFragment(text: string, f: Fragment): Fragment {
  let { start, end } = f;
  for (;;) {
    const s0 = start;
    const e0 = end;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end - start > 2 && /^(''|``)/.test(text.slice(start, start + 2))) start += 2;
    if (end - start > 2 && text.slice(end - 2, end) === "''") end -= 2;
    if (end - start > 1 && QUOTE_MARKS.includes(text[start]!)) start++;
    if (end - start > 1 && QUOTE_MARKS.includes(text[end - 1]!)) end--;
    if (end - start > 1 && FINAL_PUNCT.includes(text[end - 1]!)) end--;
    if (end - start > 5 && /^that\s/i.test(text.slice(start, start + 5))) start += 5;
    if (start === s0 && end === e0) return { start, end };
  }
}

function trimRole(text: string, frags: Fragment[]): Fragment[] {
  return frags.filter((f) => f.end > f.start && text.slice(f.start, f.end).trim() !== '')
    .map((f) => trimFragment(text, f)).sort((a, b) => a.start - b.start);
}

const keyOf = (frags: Fragment[]) => frags.map((f) => `${f.start}-${f.end}`).join(';');

function isQuoted(text: string, frags: Fragment[]): boolean {
  if (frags.length === 0) return false;
  return frags.every((f) => {
    let a = f.start;
    while (a > 0 && /\s/.test(text[a - 1]!)) a--;
    let b = f.end;
    while (b < text.length && (/\s/.test(text[b]!) || FINAL_PUNCT.includes(text[b]!))) b++;
    const opens = a > 0 && (QUOTE_MARKS.includes(text[a - 1]!) || /''|``/.test(text.slice(a - 2, a)));
    return opens && b < text.length && (QUOTE_MARKS.includes(text[b]!) || text.slice(b, b + 2) === "''");
  });
}

/** Parses one brat file into attributions. */
export function readBrat(ann: string): Attribution[] {
  const spans = new Map<string, Fragment[]>();
  const events: string[][] = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (line.startsWith('T') && cols.length >= 2) {
      const [, offsets] = [cols[1]!.split(' ')[0], cols[1]!.slice(cols[1]!.indexOf(' ') + 1)];
      spans.set(cols[0]!, offsets.split(';').map((p) => {
        const [s, e] = p.trim().split(' ').map(Number);
        return { start: s!, end: e! };
      }));
    } else if (line.startsWith('E') && cols.length >= 2) {
      events.push(cols[1]!.trim().split(/\s+/));
    }
  }
  const out: Attribution[] = [];
  for (const args of events) {
    const [head] = args[0]!.split(':');
    if (head !== 'Attribution' && head !== 'Attribution-no-source') continue;
    const a: Attribution = { source: [], cue: [], content: [] };
    for (const arg of args.slice(1)) {
      const [role, id] = arg.split(':');
      const frags = spans.get(id!) ?? [];
      if (role === 'Source') a.source.push(...frags);
      else if (role === 'Cue') a.cue.push(...frags);
      else if (role?.startsWith('Content')) a.content.push(...frags);
    }
    out.push(a);
  }
  return out;
}

interface DocPair {
  text: string;
  gold: Attribution[];
  sys: Attribution[];
}

/** Gold for each document of a split directory, from its primary (alphabetically first) annotator. */
export function loadSplit(dir: string): { id: string; text: string; gold: Attribution[] }[] {
  const annDir = path.join(dir, 'attributions');
  const byDoc = new Map<string, string[]>();
  for (const f of fs.readdirSync(annDir).filter((n) => n.endsWith('.ann')).sort()) {
    const m = /^(.*)_([^_]+)\.ann$/.exec(f);
    if (!m) continue;
    if (!byDoc.has(m[1]!)) byDoc.set(m[1]!, []);
    byDoc.get(m[1]!)!.push(f);
  }
  const out: { id: string; text: string; gold: Attribution[] }[] = [];
  for (const [id, files] of [...byDoc].sort((a, b) => a[0].localeCompare(b[0]))) {
    const textFile = path.join(dir, 'text', `${id}.txt`);
    if (!fs.existsSync(textFile)) continue;
    out.push({
      id, text: fs.readFileSync(textFile, 'utf8'),
      gold: readBrat(fs.readFileSync(path.join(annDir, files[0]!), 'utf8')),
    });
  }
  return out;
}

/** Turns a document's text into the analysed document; the full pipeline unless a caller narrows it. */
export type Analyzer = (text: string, id: string) => Doc;
const fullPipeline: Analyzer = (text, id) => analyzeText(text, { id });

/** System attributions from a `claimline/1` record: one per statement (see the rules above). */
export function outputAttributions(out: AnalysisOut): Attribution[] {
  return out.statements.map((s) => {
    const source = s.cue ? s.speaker.mention : null;
    return {
      source: source ? [{ start: source.start, end: source.end }] : [],
      cue: s.cue ? [{ start: s.cue.start, end: s.cue.end }] : [],
      content: s.content.map((c) => ({ start: c.start, end: c.end })),
    };
  });
}

/** The attribution stage's internal PolNeAR-style phrases, one attribution per statement (the second figure). */
export function internalAttributions(doc: Doc): Attribution[] {
  return doc.statements.map((s) => {
    const source = s.cue ? (s.sourcePhrase ?? s.speakerSpan) : null;
    const cue = s.cuePhrase ?? s.cue;
    return {
      source: source ? [source] : [],
      cue: cue ? [cue] : [],
      content: s.content.map((c) => ({ start: c.start, end: c.end })),
    };
  });
}

/** System attributions of one text as the user gets them: the analysed document's `claimline/1` statements. */
export function systemAttributions(text: string, id: string, analyze: Analyzer = fullPipeline): Attribution[] {
  return outputAttributions(toOutput(analyze(text, id)));
}

function countMatches(gold: string[], sys: string[]): number {
  const counts = new Map<string, number>();
  for (const g of gold) counts.set(g, (counts.get(g) ?? 0) + 1);
  let correct = 0;
  for (const s of sys) {
    const c = counts.get(s) ?? 0;
    if (c > 0) {
      correct++;
      counts.set(s, c - 1);
    }
  }
  return correct;
}

function jaccard(a: Fragment[], b: Fragment[]): number {
  const len = (fs: Fragment[]) => fs.reduce((n, f) => n + f.end - f.start, 0);
  let inter = 0;
  for (const x of a) for (const y of b) inter += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
  const union = len(a) + len(b) - inter;
  return union > 0 ? inter / union : 0;
}

/** Scores document pairs; exported so tests and other tools can score without the file layout. */
export function scorePairs(pairs: DocPair[]): AttributionScores {
  const tally = () => ({ gold: 0, found: 0, correct: 0 });
  const exact = { source: tally(), cue: tally(), content: tally() };
  const first = { source: tally(), cue: tally(), content: tally() };
  const flat = { source: tally(), cue: tally(), content: tally() };
  const jac = { source: { sum: 0, n: 0 }, cue: { sum: 0, n: 0 }, content: { sum: 0, n: 0 } };
  const quoted = tally();
  const speech = tally();
  const pronoun = tally();
  const linked = tally();
  const add = (t: { gold: number; found: number; correct: number }, g: string[], s: string[]) => {
    t.gold += g.length;
    t.found += s.length;
    t.correct += countMatches(g, s);
  };
  for (const { text, gold, sys } of pairs) {
    const trimAll = (a: Attribution): Attribution => ({
      source: trimRole(text, a.source), cue: trimRole(text, a.cue), content: trimRole(text, a.content),
    });
    const g = gold.map(trimAll);
    const s = sys.map(trimAll);
    for (const role of ROLES) {
      const gr = g.map((a) => a[role]).filter((f) => f.length > 0);
      const sr = s.map((a) => a[role]).filter((f) => f.length > 0);
      add(exact[role], gr.map(keyOf), sr.map(keyOf));
      add(first[role], gr.map((f) => String(f[0]!.start)), sr.map((f) => String(f[0]!.start)));
      const pieces = (fs: Fragment[][]) => [...new Set(fs.flatMap((x) => x.map((y) => `${y.start}-${y.end}`)))];
      add(flat[role], pieces(gr), pieces(sr));
      for (const x of gr) {
        jac[role].sum += sr.reduce((best, y) => Math.max(best, jaccard(x, y)), 0);
        jac[role].n++;
      }
    }
    const sub = (pick: (a: Attribution) => Fragment[], keep: (f: Fragment[]) => boolean, t: typeof quoted) => {
      add(t, g.map(pick).filter((f) => f.length > 0 && keep(f)).map(keyOf),
        s.map(pick).filter((f) => f.length > 0 && keep(f)).map(keyOf));
    };
    sub((a) => a.content, (f) => isQuoted(text, f), quoted);
    sub((a) => a.cue, (f) => SPEECH_CUE.test(text.slice(f[f.length - 1]!.start, f[f.length - 1]!.end)), speech);
    sub((a) => a.source, (f) => f.length === 1 && PRONOUN.test(text.slice(f[0]!.start, f[0]!.end)), pronoun);
    const link = (a: Attribution) => ROLES.map((r) => keyOf(a[r])).join('|');
    add(linked, g.map(link), s.map(link));
  }
  const done = (t: { gold: number; found: number; correct: number }) => prf(t.gold, t.found, t.correct);
  const perRole = <T>(f: (r: Role) => T) => ({ source: f('source'), cue: f('cue'), content: f('content') });
  return {
    documents: pairs.length,
    annotatorRule: 'alphabetically first annotator per document (PolNeAR primary)',
    exact: perRole((r) => done(exact[r])),
    flat: perRole((r) => done(flat[r])),
    firstToken: perRole((r) => done(first[r])),
    jaccard: perRole((r) => (jac[r].n ? (100 * jac[r].sum) / jac[r].n : 0)),
    quotedContent: done(quoted),
    speechCue: done(speech),
    pronounSource: done(pronoun),
    linked: done(linked),
  };
}

/** Runs the pipeline over a PolNeAR split directory and scores its output, with the internal figure beside it. */
export function evaluateAttribution(dir: string, analyze: Analyzer = fullPipeline): AttributionReport {
  const output: DocPair[] = [];
  const internal: DocPair[] = [];
  for (const d of loadSplit(dir)) {
    const doc = analyze(d.text, d.id);
    output.push({ text: d.text, gold: d.gold, sys: outputAttributions(toOutput(doc)) });
    internal.push({ text: d.text, gold: d.gold, sys: internalAttributions(doc) });
  }
  return { ...scorePairs(output), internal: scorePairs(internal).exact };
}

export function formatAttributionScores(s: AttributionScores | AttributionReport): string {
  const f = (x: number) => x.toFixed(1).padStart(6);
  const row = (name: string, p: PRF) =>
    `${name.padEnd(22)}${f(p.precision)}${f(p.recall)}${f(p.f1)}   gold ${p.gold}, found ${p.found}, correct ${p.correct}`;
  const internal = 'internal' in s ? [
    'internal PolNeAR-style phrases (sourcePhrase, cuePhrase: not in the output; for comparison only):',
    ...ROLES.map((r) => row(`${r} exact`, s.internal[r])),
  ] : [];
  return [
    `documents: ${s.documents}; annotator: ${s.annotatorRule}`,
    'output spans (claimline/1: speaker.mention, cue, content):',
    `${''.padEnd(22)}     P     R    F1`,
    ...ROLES.map((r) => row(`${r} exact`, s.exact[r])),
    ...ROLES.map((r) => row(`${r} first token`, s.firstToken[r])),
    ...ROLES.map((r) => row(`${r} flat spans`, s.flat[r])),
    row('content in quotes', s.quotedContent),
    row('speech-verb cues', s.speechCue),
    row('pronoun sources', s.pronounSource),
    row('linked (all three)', s.linked),
    `mean Jaccard: ${ROLES.map((r) => `${r} ${s.jaccard[r].toFixed(1)}`).join(', ')}`,
    ...internal,
  ].join('\n');
}

export async function evalAttributionCommand(args: string[]): Promise<number> {
  const dir = args.find((a, k) => !a.startsWith('--') && args[k - 1] !== '--attribution');
  if (!dir || !fs.existsSync(path.join(dir, 'attributions'))) {
    process.stderr.write('usage: claimline eval attribution <polnear split dir> [--attribution rules|tagger] [--json]\n'
      + '  (a directory with text/ and attributions/, e.g. ../shared/data/polnear/dev)\n');
    return 2;
  }
  const i = args.indexOf('--attribution');
  const mode = i >= 0 ? args[i + 1] : 'rules';
  if (mode !== 'rules' && mode !== 'tagger') {
    process.stderr.write(`eval attribution: --attribution must be rules or tagger (got '${mode}')\n`);
    return 2;
  }
  const scores = evaluateAttribution(dir, (text, id) => analyzeText(text, { id }, mode));
  const out = args.includes('--json') ? JSON.stringify(scores, null, 2) : formatAttributionScores(scores);
  process.stdout.write(`${out}\n`);
  return 0;
}
