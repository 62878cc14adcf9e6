/**
 * `node dist/scripts/make-copies-set.js [--seed N] [--out FILE]`: the copies evaluation set, generated (never
 * committed) from the 2019 Wikinews articles in ../shared/data/unlabelled/wikinews-2019.jsonl.
 *
 * The articles are shuffled with a seeded generator and split three ways: originals, unrelated articles (kept as
 * they are, the negatives) and donors (whose paragraphs extend copies). Each original gets one to three copies,
 * each made by one or two of: re-headlining (new title, new dateline), trimming (the last paragraphs dropped,
 * keeping 55-90 %), extending (one or two donor paragraphs added), reordering paragraphs, light editing (reporting
 * verbs swapped, a few words dropped, numbers nudged, quotes restyled). Output: JSONL records in claimline's input
 * form plus `group` (the original's id; unrelated articles are their own group). Same seed, same set.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sharedDir } from '../src/util/paths.js';
import { rng } from '../src/util/random.js';

export interface SourceArticle { id: string; title: string; url: string | null; published: string | null; text: string }
export interface CopiesSetRecord extends SourceArticle { group: string; transforms: string[] }

export const TRANSFORMS = ['reheadline', 'trim', 'extend', 'reorder', 'edit'] as const;
type Transform = (typeof TRANSFORMS)[number];

export function readWikinews2019(): SourceArticle[] {
  const shared = sharedDir();
  if (!shared) throw new Error('../shared not found (set CLAIMLINE_SHARED)');
  const file = path.join(shared, 'data', 'unlabelled', 'wikinews-2019.jsonl');
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim())
    .map((l) => JSON.parse(l) as SourceArticle);
}

const paras = (text: string) => text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);

/** Reporting verbs and their common substitutes in wire rewrites (general English, not taken from the set). */
const VERB_SWAPS: [RegExp, string][] = [
  [/\bsaid\b/g, 'stated'], [/\btold\b/g, 'informed'], [/\bannounced\b/g, 'declared'], [/\bclaimed\b/g, 'asserted'],
  [/\breported\b/g, 'said'], [/\bhowever\b/gi, 'but'], [/\bapproximately\b/g, 'about'], [/\bpeople\b/g, 'persons'],
];

export function makeCopiesSet(articles: SourceArticle[], seed = 2019): CopiesSetRecord[] {
  const rand = rng(seed);
  usedDonorParagraphs.clear();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const shuffled = [...articles].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const nOriginals = Math.floor(shuffled.length * 0.45);
  const nDonors = Math.floor(shuffled.length * 0.15);
  const originals = shuffled.slice(0, nOriginals);
  const donors = shuffled.slice(nOriginals, nOriginals + nDonors);
  const unrelated = shuffled.slice(nOriginals + nDonors);
  const out: CopiesSetRecord[] = [];
  for (const a of unrelated) out.push({ ...a, group: a.id, transforms: [] });
  for (const a of originals) {
    out.push({ ...a, group: a.id, transforms: [] });
    const copies = 1 + Math.floor(rand() * 3);
    for (let c = 0; c < copies; c++) {
      const kinds = new Set<Transform>([pick(TRANSFORMS)]);
      if (rand() < 0.5) kinds.add(pick(TRANSFORMS));
      // Copies run the same day as the original or up to two days later.
      let copy: SourceArticle = { ...a, id: `${a.id}--copy${c + 1}`, url: null, published: later(a.published, Math.floor(rand() * 3)) };
      for (const k of TRANSFORMS) if (kinds.has(k)) copy = apply(k, copy, rand, pick, donors);
      out.push({ ...copy, group: a.id, transforms: TRANSFORMS.filter((k) => kinds.has(k)) });
    }
  }
  // Interleave so that copies do not sit next to their originals.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const usedDonorParagraphs = new Set<string>();

function later(date: string | null, days: number): string | null {
  if (!date || days === 0) return date;
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

function apply(k: Transform, a: SourceArticle, rand: () => number, pick: <T>(xs: readonly T[]) => T,
  donors: SourceArticle[]): SourceArticle {
  const ps = paras(a.text);
  switch (k) {
    case 'reheadline': {
      const words = a.title.split(' ');
      const title = rand() < 0.5 ? `UPDATE: ${a.title}` : `${words.slice(Math.floor(words.length / 2)).join(' ')}: ${words.slice(0, Math.floor(words.length / 2)).join(' ')}`;
      const body = /^\w+day, /.test(ps[0] ?? '') ? ps.slice(1) : ps;
      return { ...a, title, text: [`(Wire) ${a.published ?? ''} —`, ...body].join('\n\n') };
    }
    case 'trim': {
      const keep = Math.max(2, Math.ceil(ps.length * (0.55 + rand() * 0.35)));
      return { ...a, text: ps.slice(0, keep).join('\n\n') };
    }
    case 'extend': {
      // An outlet's own additions differ from story to story, so each donor paragraph is used once (paragraphs
      // shared across stories are boilerplate, a different case with its own tests).
      const donor = pick(donors);
      const d = paras(donor.text).filter((p) => p.length > 80 && !usedDonorParagraphs.has(p));
      const extra = d.slice(0, 1 + Math.floor(rand() * 2));
      for (const p of extra) usedDonorParagraphs.add(p);
      return { ...a, text: [...ps, ...extra].join('\n\n') };
    }
    case 'reorder': {
      const body = [...ps];
      for (let i = body.length - 1; i > 1; i--) {
        const j = 1 + Math.floor(rand() * i);
        [body[i], body[j]] = [body[j]!, body[i]!];
      }
      return { ...a, text: body.join('\n\n') };
    }
    case 'edit': {
      let text = a.text;
      for (const [re, to] of VERB_SWAPS) if (rand() < 0.6) text = text.replace(re, to);
      text = text.replace(/\b\d+\b/g, (n) => (rand() < 0.3 ? String(Number(n) + 1) : n));
      text = text.replace(/"([^"\n]*)"/g, (_, q: string) => `“${q}”`);
      text = text.split(/(\s+)/).filter((w) => !(/\S/.test(w) && rand() < 0.02)).join('');
      return { ...a, text };
    }
  }
}

function main(argv: string[]): number {
  const arg = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
  const set = makeCopiesSet(readWikinews2019(), Number(arg('--seed') ?? 2019));
  const lines = set.map((r) => JSON.stringify(r)).join('\n') + '\n';
  const out = arg('--out');
  if (out) fs.writeFileSync(out, lines); else process.stdout.write(lines);
  process.stderr.write(`${set.length} articles, ${new Set(set.map((r) => r.group)).size} groups\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
