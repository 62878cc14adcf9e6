/**
 * Articles for `npm run bench:web`: the store it serves and the ~800-word texts it posts to the analyse endpoint.
 * With ../shared present they are real news text read at run time (the 2019 Wikinews articles, then Reuters-21578
 * stories); without it, the bundled examples/wikinews articles plus articles generated here from templates, so the
 * benchmark still runs on a bare clone. Nothing from ../shared is written into the repository.
 */
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot, sharedDir } from '../src/util/paths.js';
import { rng } from '../src/util/random.js';

/** One input record in the form `claimline ingest` reads from JSONL. */
export interface BenchArticle { id: string; title: string; url: string; published: string; text: string }

const MONTHS: Record<string, string> = {
  JAN: '01', FEB: '02', MAR: '03', APR: '04', MAY: '05', JUN: '06', JUL: '07', AUG: '08', SEP: '09', OCT: '10', NOV: '11', DEC: '12',
};

function decodeSgml(s: string): string {
  return s.replace(/&#(\d+);/g, (_, n: string) => (Number(n) < 32 ? '' : String.fromCharCode(Number(n))))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Title case for the all-capitals Reuters headlines, so pages show them as a reader would see a headline. */
const titleCase = (s: string) => s.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase());

/** Reuters-21578 stories with reported speech and a body of at least `minWords` words, in file order, at most `limit`. */
export function reutersArticles(shared: string, limit: number, minWords = 120): BenchArticle[] {
  const dir = path.join(shared, 'data/unlabelled/reuters21578');
  if (!fs.existsSync(dir) || limit <= 0) return [];
  const out: BenchArticle[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.sgm')).sort()) {
    // The collection is latin-1; reading it as such keeps accented bytes as their characters.
    const sgml = fs.readFileSync(path.join(dir, file), 'latin1');
    for (const m of sgml.matchAll(/<REUTERS[^>]*NEWID="(\d+)"[^>]*>([\s\S]*?)<\/REUTERS>/g)) {
      const [, newId, rec] = m as unknown as [string, string, string];
      const body = /<BODY>([\s\S]*?)<\/BODY>/.exec(rec)?.[1];
      const title = /<TITLE>([\s\S]*?)<\/TITLE>/.exec(rec)?.[1];
      const date = /<DATE>\s*(\d+)-([A-Z]{3})-(\d{4})/.exec(rec);
      if (!body || !title || !date) continue;
      // Lines are hard-wrapped at 70 columns and paragraphs start indented: rejoin the lines of each paragraph.
      const text = decodeSgml(body).replace(/\s*Reuter\s*$/, '').split(/\n\s+/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).join('\n\n').trim();
      // Stories with reported speech: price tables and one-line notices have no statements or speakers to serve.
      if (text.split(/\s+/).length < minWords || !/\bsaid\b/.test(text)) continue;
      const published = `${date[3]}-${MONTHS[date[2]!] ?? '01'}-${date[1]!.padStart(2, '0')}`;
      out.push({ id: `reuters-${newId}`, title: titleCase(decodeSgml(title)), url: `https://example.org/reuters/${newId}`, published, text });
      if (out.length >= limit) return out;
    }
  }
  return out;
}

export function wikinewsArticles(shared: string): BenchArticle[] {
  const file = path.join(shared, 'data/unlabelled/wikinews-2019.jsonl');
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as BenchArticle);
}

/** The Wikinews articles bundled with the repository (examples/wikinews: text plus a .meta.json each). */
export function bundledArticles(): BenchArticle[] {
  const dir = path.join(packageRoot(), 'examples/wikinews');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const meta = JSON.parse(fs.readFileSync(path.join(dir, f.replace(/\.txt$/, '.meta.json')), 'utf8')) as Partial<BenchArticle>;
    return { id: `example-${meta.id ?? f}`, title: meta.title ?? f, url: meta.url ?? '', published: meta.published ?? '2015-01-01', text: fs.readFileSync(path.join(dir, f), 'utf8') };
  });
}

const FIRST = ['Amara', 'Bogdan', 'Chiara', 'Dmitri', 'Elif', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kemal', 'Lucia', 'Mateo', 'Nadia', 'Oren', 'Priya'];
const LAST = ['Okafor', 'Lindqvist', 'Moreau', 'Halvorsen', 'Tanaka', 'Barros', 'Kowalczyk', 'Haddad', 'Novak', 'Ferreira', 'Ibsen', 'Quispe'];
const ROLES = ['mayor of Eastbridge', 'spokeswoman for the port authority', 'chief engineer at Northline Rail', 'health minister', 'union leader', 'police commissioner'];
const TOPICS = ['the new bridge', 'the water tariff', 'the hospital merger', 'the rail strike', 'the flood barrier', 'the school budget'];
const VERDICTS = ['would be finished before winter', 'had been delayed by a year', 'would cost less than planned', 'was never approved by the council', 'had saved the city millions'];
const CUES = ['said', 'told reporters', 'insisted', 'added', 'claimed', 'denied that'];

/**
 * An article made up here (never real text), with named speakers, roles, direct and reported speech and dates, so
 * the benchmark's pages have statements, speakers and claims to show when ../shared is absent. Deterministic in `n`.
 */
export function generatedArticle(n: number, words = 300): BenchArticle {
  const random = rng(0x5eed + n);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const topic = pick(TOPICS);
  const day = 1 + Math.floor(random() * 28);
  const month = 1 + Math.floor(random() * 12);
  const sentences: string[] = [];
  let count = 0;
  while (count < words) {
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const role = pick(ROLES);
    const s = random() < 0.5
      ? `"${topic[0]!.toUpperCase()}${topic.slice(1)} ${pick(VERDICTS)}," ${name}, the ${role}, ${pick(CUES)} on Tuesday.`
      : `${name}, the ${role}, ${pick(CUES)} ${topic} ${pick(VERDICTS)}, according to a statement released on ${['March', 'June', 'October'][n % 3]} ${day}.`;
    sentences.push(s);
    count += s.split(/\s+/).length;
  }
  const published = `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { id: `generated-${n}`, title: `Dispute over ${topic} (${n})`, url: `https://example.org/generated/${n}`, published, text: sentences.join(' ') };
}

/** `count` articles for the store: real text from ../shared when present, topped up with generated ones. */
export function storeArticles(count: number): { articles: BenchArticle[]; source: string } {
  const shared = sharedDir();
  const real = shared ? [...wikinewsArticles(shared), ...reutersArticles(shared, count)] : bundledArticles();
  const articles = real.slice(0, count);
  for (let n = 0; articles.length < count; n++) articles.push(generatedArticle(n));
  const source = shared ? 'Wikinews 2019 and Reuters-21578 articles from ../shared/data/unlabelled' : 'examples/wikinews and generated articles (../shared absent)';
  return { articles, source };
}

/**
 * `count` distinct texts of about `words` words for the analyse endpoint: consecutive paragraphs of the real (or
 * generated) articles, starting at a different article for each, cut at the first paragraph end past `words`.
 */
export function analyseTexts(count: number, words = 800): string[] {
  const shared = sharedDir();
  const pool = shared ? wikinewsArticles(shared) : [...bundledArticles(), ...Array.from({ length: 20 }, (_, n) => generatedArticle(10_000 + n, 400))];
  const paragraphs = pool.flatMap((a) => a.text.split(/\n\s*\n|\n/).map((p) => p.trim()).filter((p) => p.split(/\s+/).length >= 8));
  const texts: string[] = [];
  const stride = Math.max(1, Math.floor(paragraphs.length / count));
  for (let i = 0; texts.length < count && i < count * 4; i++) {
    const taken: string[] = [];
    let n = 0;
    for (let j = (i * stride) % paragraphs.length; n < words; j = (j + 1) % paragraphs.length) {
      const p = paragraphs[j]!;
      taken.push(p);
      n += p.split(/\s+/).length;
    }
    const text = taken.join('\n\n');
    if (!texts.includes(text)) texts.push(text);
  }
  return texts;
}
