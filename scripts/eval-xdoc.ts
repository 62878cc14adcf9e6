/**
 * `npm run eval:xdoc [-- -v] [-- --genre news] [-- --cache FILE] [-- --items FILE] [-- --show NAME]`: entities
 * merged across documents, scored on GUM (../shared/data/ud/gum/), whose entity chains carry Wikipedia identifiers.
 *
 * How it counts (entity pairs, not mention pairs).
 * - Which GUM entities count: named entities with an identifier: every gold coreference chain whose opening
 *   carries a Wikipedia identifier (the 8th field of `Entity=`) and that has at least one mention headed by a proper
 *   noun, one per document and chain. Chains without an identifier are not scored, nor the few identified chains
 *   that are only ever common nouns ("lighting", "vitamin D": GUM links some concepts too; 56 of 3311).
 * - Each GUM document is rebuilt as plain text (SpaceAfter, `# newpar` → blank line), analysed by the full
 *   pipeline with its creation date, and added to one Corpus.
 * - An *item* is one such chain aligned to one system document entity: the entity with the most name, acronym or
 *   demonym mentions that cover the whole head of one of the chain's mentions (each system mention votes for the
 *   innermost such gold mention, so "United States" inside "the President of the United States" counts for the
 *   country's chain). A chain is counted once however many mentions it has: a country named fifty times in one
 *   document weighs what a person named once does (mention pairs would square that count, and a few countries in
 *   long speeches would outweigh every person in the corpus). Two chains of one document may align to one system
 *   entity (the in-document stage merged them); both are then items.
 * - Pairs: every pair of items in DIFFERENT documents whose entities the corpus links (has a corpus id for);
 *   same-document pairs are the in-document stage's business and are not counted. Gold-same when the two
 *   identifiers are equal, predicted-same when the corpus ids are equal. Precision = TP/(TP+FP), recall =
 *   TP/(TP+FN) over those pairs.
 * - A second recall divides TP by every cross-document gold pair of identified chains, aligned or not (what the
 *   NER and in-document stages miss is then missed here too).
 * - Diagnostics, not the bar: the same pairs without items whose document entity two GUM chains of different
 *   identifiers align to (errors of the in-document stage the linker inherits); B-cubed precision and recall over
 *   the items (Bagga & Baldwin 1998, made for cross-document coreference: each item weighs one, so one wrong item
 *   in a cluster of fifty costs 1/50 of an item, where pairwise counts it fifty times); and only names GUM links
 *   consistently (see `consistent` below): an upper bound.
 * - `-v` prints the false merges grouped by class (how the two sides came to be linked) and the missed merges.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Corpus } from '../src/corpus/corpus.js';
import { nameKey } from '../src/corpus/entities.js';
import { parseGum } from '../src/eval/coref.js';
import type { AnalysisOut } from '../src/model/format.js';
import { analyze } from '../src/pipeline/analyze.js';
import { sharedDir } from '../src/util/paths.js';

const argv = process.argv.slice(2);
const verbose = argv.includes('-v') || argv.includes('-vv');
const verbose2 = argv.includes('-vv');
const genreAt = argv.indexOf('--genre');
const genre = genreAt >= 0 ? argv[genreAt + 1] : null;
const showAt = argv.indexOf('--show');
/** `--show NAME`: every aligned item whose corpus entity has this name, with its mentions in context. */
const show = showAt >= 0 ? argv[showAt + 1]!.toLowerCase() : null;
const contexts = new Map<string, string[]>();
/**
 * `--cache FILE`: the pipeline's analyses are read from FILE when it exists, else computed and written there, so
 * that work on the linker alone does not re-run the analysis of every document (the cache is only valid for the
 * pipeline that wrote it: delete it after changing anything upstream of the corpus).
 */
const cacheAt = argv.indexOf('--cache');
const cacheFile = cacheAt >= 0 ? argv[cacheAt + 1]! : null;
const cached: Record<string, AnalysisOut> = cacheFile && fs.existsSync(cacheFile) ? JSON.parse(fs.readFileSync(cacheFile, 'utf8')) : {};
const fresh: Record<string, AnalysisOut> = {};
/** `doc#entity` → the document entity's name, for the consistency figure. */
const docNames = new Map<string, string>();
const shared = sharedDir();
if (!shared) throw new Error('../shared not found (set CLAIMLINE_SHARED)');
const dir = path.join(shared, 'data', 'ud', 'gum');

/** Plain text of a CoNLL-U document and its creation date. */
function rebuild(conllu: string): { text: string; published: string | null } {
  let text = '';
  let published: string | null = null;
  let space = '';
  for (const line of conllu.split('\n')) {
    if (line.startsWith('# meta::dateCreated = ')) published = line.slice(22).trim().slice(0, 10) || null;
    if (line.startsWith('# newpar') && !line.startsWith('# newpar_') && text) { text = text.trimEnd() + '\n\n'; space = ''; }
    if (!line || line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (cols.length < 10 || !/^\d+$/.test(cols[0]!)) continue;
    text += space + cols[1]!;
    space = /SpaceAfter=No/.test(cols[9]!) ? '' : ' ';
  }
  return { text, published: published && /^\d{4}-\d{2}-\d{2}$/.test(published) ? published : null };
}

/** Chain id → Wikipedia identifier, from the 8th field of `Entity=` openings. */
function identities(conllu: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of conllu.matchAll(/Entity=([^|\t\n]*)/g)) {
    for (const o of m[1]!.matchAll(/\(([^()]*)/g)) {
      const f = o[1]!.split('-');
      if (f.length >= 8) out.set(f[0]!, f.slice(7).join('-'));
    }
  }
  return out;
}

interface Item { doc: string; wiki: string; type: string; entityId: string | null; corpusId: string | null; name: string }

const files = fs.readdirSync(dir).filter((f) => f.endsWith('.conllu') && (!genre || f.startsWith(`GUM_${genre}_`))).sort();
const corpus = new Corpus();
/** Identified chains left out because no mention of theirs is headed by a proper noun. */
const unnamedChains = new Set<string>();
const pending: { doc: string; chains: { chain: string; wiki: string; type: string; votes: Map<string, number> }[] }[] = [];
const t0 = performance.now();
for (const f of files) {
  const conllu = fs.readFileSync(path.join(dir, f), 'utf8');
  const name = f.replace(/\.conllu$/, '');
  const { text, published } = rebuild(conllu);
  const gum = parseGum(name, conllu, text);
  const ids = identities(conllu);
  const a = cached[name] ?? analyze({ text, id: name, published });
  fresh[name] = a;
  corpus.add(a);
  const nameMentions = a.entities.flatMap((e) => e.mentions
    .filter((m) => m.kind === 'name' || m.kind === 'acronym' || m.kind === 'demonym').map((m) => ({ e: e.id, m })));
  const chains = new Map<string, { chain: string; wiki: string; type: string; votes: Map<string, number> }>();
  // Named chains only: at least one mention headed by a proper noun (UPOS PROPN or XPOS NNP/NNPS). GUM also links some common-noun concepts
  // ("lighting", "vitamin D"); those are no named entities and not what the bar is about.
  // Proper noun by either tag: GUM tags "US" in "the US side" ADJ but NNP.
  const xpos = conllu.split('\n').map((l) => l.split('\t')).filter((c) => c.length >= 10 && /^\d+$/.test(c[0]!)).map((c) => c[4]!);
  const named = new Set(gum.mentions
    .filter((g) => g.form === 'name' || g.headWords.some((w) => /^NNPS?$/.test(xpos[w] ?? ''))).map((g) => g.chain));
  for (const g of gum.mentions) {
    const wiki = ids.get(g.chain);
    if (wiki && !named.has(g.chain)) unnamedChains.add(`${name}#${g.chain}`);
    if (wiki && named.has(g.chain) && !chains.has(g.chain)) chains.set(g.chain, { chain: g.chain, wiki, type: g.type, votes: new Map() });
  }
  // A system mention votes for the innermost gold mention around it whose whole head it covers, so "United
  // States" inside "the President of the United States" counts for the country's chain, not the president's, and
  // "U.S." alone does not stand for "the U.S. Army".
  for (const { e, m } of nameMentions) {
    let inner: (typeof gum.mentions)[number] | null = null;
    for (const g of gum.mentions) {
      if (m.start <= g.headStart && m.end >= g.headEnd && m.start >= g.start && m.end <= g.end
        && (!inner || g.end - g.start < inner.end - inner.start)) inner = g;
    }
    const c = inner ? chains.get(inner.chain) : undefined;
    if (c) c.votes.set(e, (c.votes.get(e) ?? 0) + 1);
  }
  for (const e of a.entities) docNames.set(`${name}#${e.id}`, nameKey(e.name));
  if (show) {
    for (const e of a.entities) {
      contexts.set(`${name}#${e.id}`, e.mentions.filter((m) => m.kind === 'name').slice(0, 3)
        .map((m) => text.slice(Math.max(0, m.start - 50), m.end + 50).replace(/\s+/g, ' ')));
    }
  }
  pending.push({ doc: name, chains: [...chains.values()] });
}
const analyseMs = performance.now() - t0;
if (cacheFile && Object.keys(cached).length === 0) fs.writeFileSync(cacheFile, JSON.stringify(fresh));

const items: Item[] = [];
const allGold: { doc: string; wiki: string }[] = [];
for (const p of pending) {
  for (const c of p.chains) {
    allGold.push({ doc: p.doc, wiki: c.wiki });
    const best = [...c.votes].sort((a, b) => b[1] - a[1])[0];
    const entityId = best ? best[0] : null;
    const corpusId = entityId ? corpus.entityOf(p.doc, entityId) : null;
    const ent = corpusId ? corpus.entity(corpusId) : null;
    items.push({ doc: p.doc, wiki: c.wiki, type: c.type, entityId, corpusId, name: ent?.name ?? '' });
  }
}
const scored = items.filter((i) => i.corpusId);
/** `--items FILE`: every item as JSON lines (document, identifier, type, document entity and its name, corpus id). */
const itemsAt = argv.indexOf('--items');
if (itemsAt >= 0) {
  fs.writeFileSync(argv[itemsAt + 1]!, items.map((i) => JSON.stringify({ ...i, docName: docNames.get(`${i.doc}#${i.entityId}`) ?? null })).join('\n') + '\n');
}
/**
 * The second figure: only items whose name GUM links consistently, i.e. every aligned chain whose document
 * entity has this name carries one and the same identifier across the corpus. It leaves out names GUM gives
 * several identifiers ("America" → America / United_States, "England" → England / United_Kingdom /
 * Northern_England / England_national_football_team, "New York" → the city / the state) — convention and real
 * ambiguity alike, so it is an upper bound, not the bar figure.
 */
const idsOfName = new Map<string, Set<string>>();
for (const i of scored) {
  const k = docNames.get(`${i.doc}#${i.entityId}`) ?? '';
  const ids = idsOfName.get(k) ?? new Set<string>();
  ids.add(i.wiki);
  idsOfName.set(k, ids);
}
const consistent = scored.filter((i) => idsOfName.get(docNames.get(`${i.doc}#${i.entityId}`) ?? '')!.size === 1);
let tp = 0;
let fp = 0;
let fn = 0;
const fpPairs = new Map<string, number>();
/** False merges by class: how the two sides came to share a corpus entity. */
const fpClasses = new Map<string, Map<string, number>>();
const reasonOf = (i: Item) => corpus.entity(i.corpusId!)?.links.find((l) => l.docId === i.doc && l.entityId === i.entityId)?.reason ?? '';
function joinKind(reason: string): string | null {
  if (/^surname /.test(reason)) return 'surname of the only full-name person';
  if (/is the initials of/.test(reason)) return 'acronym = initials of the only organisation';
  if (/" is the name .* uses for /.test(reason)) return 'alias a document introduced';
  if (/only typed entity/.test(reason)) return 'untyped entity joins the typed one';
  if (/name the same country/.test(reason)) return 'country table (U.S. = United States)';
  return null;
}
/**
 * Document entities that two GUM chains of different identifiers align to: the in-document stage merged them
 * ("southern Russia" into Russia, "Alaska" of "Alaska Airlines" into Alaska), so whatever the linker does with the
 * entity, one of the two chains is linked wrongly.
 */
const idsOfEntity = new Map<string, Set<string>>();
for (const i of items) {
  if (!i.entityId) continue;
  const k = `${i.doc}#${i.entityId}`;
  idsOfEntity.set(k, (idsOfEntity.get(k) ?? new Set<string>()).add(i.wiki));
}
const mergedInDoc = (i: Item) => idsOfEntity.get(`${i.doc}#${i.entityId}`)!.size > 1;
/** For each document-entity name, the identifier GUM gives it most often across the items so named. */
const majorityId = new Map<string, string>();
{
  const counts = new Map<string, Map<string, number>>();
  for (const i of scored) {
    const n = docNames.get(`${i.doc}#${i.entityId}`) ?? '';
    const m = counts.get(n) ?? new Map<string, number>();
    m.set(i.wiki, (m.get(i.wiki) ?? 0) + 1);
    counts.set(n, m);
  }
  for (const [n, m] of counts) majorityId.set(n, [...m].sort((x, y) => y[1] - x[1])[0]![0]);
}
function fpClass(a: Item, b: Item): string {
  const na = docNames.get(`${a.doc}#${a.entityId}`);
  const nb = docNames.get(`${b.doc}#${b.entityId}`);
  if (mergedInDoc(a) || mergedInDoc(b)) return 'the in-document stage merged two GUM entities into one';
  if (na === nb) {
    const minority = [a, b].find((i) => i.wiki !== majorityId.get(na ?? ''));
    return minority
      ? `same name, GUM gives two identifiers (one side has the identifier GUM gives this name less often)`
      : 'same name, GUM gives two identifiers';
  }
  return joinKind(reasonOf(a)) ?? joinKind(reasonOf(b)) ?? 'different names, joined through a third';
}
const fnPairs = new Map<string, number>();
for (let i = 0; i < scored.length; i++) {
  for (let j = i + 1; j < scored.length; j++) {
    const a = scored[i]!;
    const b = scored[j]!;
    if (a.doc === b.doc) continue;
    const gold = a.wiki === b.wiki;
    const pred = a.corpusId === b.corpusId;
    if (gold && pred) tp++;
    else if (pred) { fp++; const k = `${a.corpusId}: ${[a.wiki, b.wiki].sort().join(' / ')}`; fpPairs.set(k, (fpPairs.get(k) ?? 0) + 1);
      const cls = fpClass(a, b);
      const m = fpClasses.get(cls) ?? new Map<string, number>();
      const names = [docNames.get(`${a.doc}#${a.entityId}`), docNames.get(`${b.doc}#${b.entityId}`)].join(' ~ ');
      m.set(`${names}: ${[a.wiki, b.wiki].sort().join(' / ')}`, (m.get(`${names}: ${[a.wiki, b.wiki].sort().join(' / ')}`) ?? 0) + 1);
      fpClasses.set(cls, m);
    }
    else if (gold) { fn++; const k = `${a.wiki}: ${[a.corpusId, b.corpusId].sort().join(' / ')}`; fnPairs.set(k, (fnPairs.get(k) ?? 0) + 1); }
  }
}
/** B-cubed: per item, the share of its predicted cluster that is gold-same (precision) and vice versa. */
function bcubed(list: Item[]): { p: number; r: number } {
  const byPred = new Map<string, Item[]>();
  const byGold = new Map<string, Item[]>();
  for (const i of list) {
    byPred.set(i.corpusId!, [...(byPred.get(i.corpusId!) ?? []), i]);
    byGold.set(i.wiki, [...(byGold.get(i.wiki) ?? []), i]);
  }
  let p = 0;
  let r = 0;
  for (const i of list) {
    const pred = byPred.get(i.corpusId!)!;
    const gold = byGold.get(i.wiki)!;
    const both = pred.filter((x) => x.wiki === i.wiki).length;
    p += both / pred.length;
    r += both / gold.length;
  }
  return { p: p / Math.max(1, list.length), r: r / Math.max(1, list.length) };
}
function sum(m: Map<string, number>): number { let n = 0; for (const v of m.values()) n += v; return n; }
function pairScore(list: Item[]) {
  let t = 0;
  let p = 0;
  let n = 0;
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i]!;
      const b = list[j]!;
      if (a.doc === b.doc) continue;
      const gold = a.wiki === b.wiki;
      const pred = a.corpusId === b.corpusId;
      if (gold && pred) t++; else if (pred) p++; else if (gold) n++;
    }
  }
  return { tp: t, fp: p, fn: n };
}
let goldPairs = 0;
const byWiki = new Map<string, Map<string, number>>();
for (const g of allGold) {
  const m = byWiki.get(g.wiki) ?? new Map<string, number>();
  m.set(g.doc, (m.get(g.doc) ?? 0) + 1);
  byWiki.set(g.wiki, m);
}
for (const m of byWiki.values()) {
  const counts = [...m.values()];
  const total = counts.reduce((x, y) => x + y, 0);
  goldPairs += (total * total - counts.reduce((x, y) => x + y * y, 0)) / 2;
}
const pct = (x: number) => (100 * x).toFixed(2);
console.log(`GUM cross-document entities: ${files.length} documents, ${allGold.length} named chains with an identifier `
  + `(${unnamedChains.size} identified chains without a proper-noun mention left out), `
  + `${scored.length} aligned and linked (${items.filter((i) => i.entityId && !i.corpusId).length} aligned to unlinkable entities, `
  + `${items.filter((i) => !i.entityId).length} not found), ${corpus.entities().length} corpus entities`);
console.log(`pairwise precision ${pct(tp / Math.max(1, tp + fp))}  recall ${pct(tp / Math.max(1, tp + fn))}  `
  + `(tp ${tp}, fp ${fp}, fn ${fn}); recall over all ${goldPairs} gold cross-document pairs ${pct(tp / Math.max(1, goldPairs))}`);
const cs = pairScore(consistent);
const linkerOnly = pairScore(scored.filter((i) => !mergedInDoc(i)));
console.log(`without document entities the in-document stage merged from two GUM entities (${scored.filter((i) => !mergedInDoc(i)).length} items): `
  + `pairwise precision ${pct(linkerOnly.tp / Math.max(1, linkerOnly.tp + linkerOnly.fp))}  recall `
  + `${pct(linkerOnly.tp / Math.max(1, linkerOnly.tp + linkerOnly.fn))}  (tp ${linkerOnly.tp}, fp ${linkerOnly.fp}, fn ${linkerOnly.fn})`);
const b3 = bcubed(scored);
console.log(`B-cubed over the same items (Bagga & Baldwin's cross-document measure, each item weighs one): `
  + `precision ${pct(b3.p)}  recall ${pct(b3.r)}`);
console.log(`names GUM links consistently (${consistent.length} of ${scored.length} items): pairwise precision `
  + `${pct(cs.tp / Math.max(1, cs.tp + cs.fp))}  recall ${pct(cs.tp / Math.max(1, cs.tp + cs.fn))}  (tp ${cs.tp}, fp ${cs.fp}, fn ${cs.fn})`);
console.log(`analysis + corpus: ${(analyseMs / 1000).toFixed(1)} s`);
if (show) {
  for (const e of corpus.entities()) {
    if (e.id.startsWith(show) || e.name.toLowerCase() === show) console.log(`${e.id}\t${e.links.map((l) => l.docId).join(' ')}\n    ${e.keptApart.join('\n    ')}`);
  }
  for (const i of items) {
    if (!i.corpusId || (i.name.toLowerCase() !== show && i.corpusId !== show)) continue;
    console.log(`${i.doc}\t${i.wiki}\t${i.corpusId}\n    ${(contexts.get(`${i.doc}#${i.entityId}`) ?? []).join('\n    ')}`);
  }
}
if (verbose) {
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, verbose2 ? 1000 : 25).map(([k, v]) => `  ${v}\t${k}`).join('\n');
  console.log(`false merges (corpus id: gold identifiers):\n${top(fpPairs)}`);
  console.log('false merges by class (document names: gold identifiers):');
  for (const [cls, m] of [...fpClasses].sort((x, y) => sum(y[1]) - sum(x[1]))) console.log(`${sum(m)}\t${cls}\n${top(m)}`);
  console.log(`missed merges (identifier: corpus ids):\n${top(fnPairs)}`);
}
