/**
 * The news gold (shared/data/news-gold/README.md): loading `gold/<name>.gold.json` with its text and meta, and
 * checking every field the scorer reads, so that a broken annotation is reported by file and place instead of
 * skewing the figures.
 */
import fs from 'node:fs';
import path from 'node:path';
import { normaliseText } from '../../input/text.js';
import type { Span } from '../../model/format.js';

export interface GoldEntity {
  id: string;
  name: string;
  type: string;
  roles: string[];
  mentions: Span[];
}

export interface GoldSpeaker {
  entity: string | null;
  mention: Span | null;
}

export interface GoldStatement {
  id: string;
  kind: 'direct' | 'indirect' | 'mixed';
  speaker: GoldSpeaker;
  co_speakers?: GoldSpeaker[];
  cue: Span | null;
  content: Span[];
  channel: Span | null;
  via: string[];
}

export interface GoldTimex extends Span {
  type: string;
  value: string;
}

export interface GoldClaim {
  statement: string | null;
  text: Span;
  status: string;
  by: string[];
  evidence: Span | null;
}

export interface Gold {
  entities: GoldEntity[];
  statements: GoldStatement[];
  scare_quotes: Span[];
  timexes: GoldTimex[];
  claims: GoldClaim[];
}

/** One annotated document: its name (file stem), the text, the metadata to analyse it with, and the gold. */
export interface GoldDoc {
  name: string;
  goldFile: string;
  text: string;
  meta: { id: string; title: string | null; published: string | null };
  gold: Gold;
}

/** Unusable evaluation input: names the file and says what is wrong (the command exits 2). */
export class EvalInputError extends Error {}

const KINDS = ['direct', 'indirect', 'mixed'];
const STATUSES = ['asserted', 'confirmed', 'denied', 'unconfirmed', 'disputed', 'retracted'];

/** Where gold and texts live: `<dir>` holding `*.gold.json`, or the news-gold root holding gold/ and texts/. */
export function resolveDirs(goldDir: string, textsDir?: string): { goldDir: string; textsDir: string } {
  if (!fs.existsSync(goldDir) || !fs.statSync(goldDir).isDirectory()) {
    throw new EvalInputError(`${goldDir}: no such directory`);
  }
  const root = fs.existsSync(path.join(goldDir, 'gold')) ? goldDir : null;
  const gold = root ? path.join(root, 'gold') : goldDir;
  const texts = textsDir ?? (root ? path.join(root, 'texts') : path.join(goldDir, '..', 'texts'));
  if (!fs.existsSync(texts) || !fs.statSync(texts).isDirectory()) {
    throw new EvalInputError(`${texts}: no such directory (the texts; pass --texts DIR)`);
  }
  return { goldDir: gold, textsDir: texts };
}

/** Every `<name>.gold.json` in `goldDir` with its text and meta from `textsDir`, sorted by name. */
export function loadGoldDocs(goldDir: string, textsDir: string): GoldDoc[] {
  const files = fs.readdirSync(goldDir).filter((f) => f.endsWith('.gold.json')).sort();
  if (files.length === 0) throw new EvalInputError(`${goldDir}: no *.gold.json files`);
  return files.map((f) => loadGoldDoc(path.join(goldDir, f), textsDir));
}

function readJson(file: string): unknown {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new EvalInputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    return JSON.parse(raw);
  } catch (e) {
    throw new EvalInputError(`${file}: malformed JSON (${(e as Error).message})`);
  }
}

export function loadGoldDoc(goldFile: string, textsDir: string): GoldDoc {
  const name = path.basename(goldFile).replace(/\.gold\.json$/, '');
  const textFile = path.join(textsDir, `${name}.txt`);
  if (!fs.existsSync(textFile)) throw new EvalInputError(`${goldFile}: its text ${textFile} does not exist`);
  const text = normaliseText(fs.readFileSync(textFile, 'utf8'));
  const raw = readJson(goldFile);
  const gold = checkGold(raw, text, (where, why) => new EvalInputError(`${goldFile}: ${where}: ${why}`));
  // The meta file is what the article was published with; without one, the gold's own document block.
  const metaFile = path.join(textsDir, `${name}.meta.json`);
  const meta = (fs.existsSync(metaFile) ? readJson(metaFile) : (raw as { document?: unknown }).document ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    name, goldFile, text, gold,
    meta: { id: str(meta.id) ?? name, title: str(meta.title), published: str(meta.published) },
  };
}

type Fail = (where: string, why: string) => Error;

/** Checks the parts of a gold record the scorer reads; throws `fail(where, why)` at the first problem. */
export function checkGold(raw: unknown, text: string, fail: Fail): Gold {
  if (!isObject(raw)) throw fail('top level', 'not a JSON object');
  const list = (key: string): unknown[] => {
    const v = raw[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw fail(key, 'not an array');
    return v;
  };
  const span = (where: string, v: unknown): Span => {
    if (!isObject(v) || !Number.isInteger(v.start) || !Number.isInteger(v.end) || typeof v.text !== 'string') {
      throw fail(where, 'not a span {start, end, text}');
    }
    const s = v as unknown as Span;
    if (s.start < 0 || s.end < s.start || s.end > text.length) throw fail(where, `span [${s.start}, ${s.end}) outside the text (${text.length} characters)`);
    const actual = text.slice(s.start, s.end);
    if (actual !== s.text) throw fail(where, `text ${JSON.stringify(s.text)} differs from the text at [${s.start}, ${s.end}): ${JSON.stringify(actual)}`);
    return s;
  };
  const optSpan = (where: string, v: unknown): Span | null => (v === null || v === undefined ? null : span(where, v));
  const string = (where: string, v: unknown): string => {
    if (typeof v !== 'string') throw fail(where, 'not a string');
    return v;
  };
  const objectAt = (where: string, v: unknown): Record<string, unknown> => {
    if (!isObject(v)) throw fail(where, 'not an object');
    return v;
  };

  const entities: GoldEntity[] = list('entities').map((v, i) => {
    const e = objectAt(`entities[${i}]`, v);
    const roles = e.roles === undefined ? [] : e.roles;
    if (!Array.isArray(roles)) throw fail(`entities[${i}].roles`, 'not an array');
    if (!Array.isArray(e.mentions)) throw fail(`entities[${i}].mentions`, 'not an array');
    return {
      id: string(`entities[${i}].id`, e.id), name: string(`entities[${i}].name`, e.name), type: string(`entities[${i}].type`, e.type),
      roles: roles.map((r, k) => string(`entities[${i}].roles[${k}]`, r)),
      mentions: e.mentions.map((m, k) => span(`entities[${i}].mentions[${k}]`, m)),
    };
  });
  const ids = new Set<string>();
  entities.forEach((e, i) => {
    if (ids.has(e.id)) throw fail(`entities[${i}].id`, `duplicate id '${e.id}'`);
    ids.add(e.id);
  });
  const entityRef = (where: string, v: unknown): string | null => {
    if (v === null || v === undefined) return null;
    const id = string(where, v);
    if (!ids.has(id)) throw fail(where, `unknown entity '${id}'`);
    return id;
  };
  const speaker = (where: string, v: unknown): GoldSpeaker => {
    if (v === null || v === undefined) return { entity: null, mention: null };
    const s = objectAt(where, v);
    return { entity: entityRef(`${where}.entity`, s.entity), mention: optSpan(`${where}.mention`, s.mention) };
  };

  const statements: GoldStatement[] = list('statements').map((v, i) => {
    const w = `statements[${i}]`;
    const s = objectAt(w, v);
    const kind = string(`${w}.kind`, s.kind);
    if (!KINDS.includes(kind)) throw fail(`${w}.kind`, `'${kind}' is not one of ${KINDS.join(', ')}`);
    if (!Array.isArray(s.content) || s.content.length === 0) throw fail(`${w}.content`, 'not a non-empty array of spans');
    const co = s.co_speakers === undefined ? [] : s.co_speakers;
    if (!Array.isArray(co)) throw fail(`${w}.co_speakers`, 'not an array');
    const via = s.via === undefined ? [] : s.via;
    if (!Array.isArray(via)) throw fail(`${w}.via`, 'not an array');
    return {
      id: string(`${w}.id`, s.id), kind: kind as GoldStatement['kind'],
      speaker: speaker(`${w}.speaker`, s.speaker),
      co_speakers: co.map((c, k) => speaker(`${w}.co_speakers[${k}]`, c)),
      cue: optSpan(`${w}.cue`, s.cue),
      content: s.content.map((c, k) => span(`${w}.content[${k}]`, c)),
      channel: optSpan(`${w}.channel`, s.channel),
      via: via.map((x, k) => entityRef(`${w}.via[${k}]`, x)).filter((x): x is string => x !== null),
    };
  });
  const statementIds = new Set(statements.map((s) => s.id));

  const timexes: GoldTimex[] = list('timexes').map((v, i) => {
    const t = objectAt(`timexes[${i}]`, v);
    return { ...span(`timexes[${i}]`, t), type: string(`timexes[${i}].type`, t.type), value: string(`timexes[${i}].value`, t.value) };
  });

  const claims: GoldClaim[] = list('claims').map((v, i) => {
    const w = `claims[${i}]`;
    const c = objectAt(w, v);
    const statement = c.statement === null || c.statement === undefined ? null : string(`${w}.statement`, c.statement);
    if (statement !== null && !statementIds.has(statement)) throw fail(`${w}.statement`, `unknown statement '${statement}'`);
    const status = string(`${w}.status`, c.status);
    if (!STATUSES.includes(status)) throw fail(`${w}.status`, `'${status}' is not one of ${STATUSES.join(', ')}`);
    if (!Array.isArray(c.by)) throw fail(`${w}.by`, 'not an array');
    return {
      statement, status, text: span(`${w}.text`, c.text), evidence: optSpan(`${w}.evidence`, c.evidence),
      by: c.by.map((x, k) => entityRef(`${w}.by[${k}]`, x)).filter((x): x is string => x !== null),
    };
  });

  const scare_quotes = list('scare_quotes').map((v, i) => span(`scare_quotes[${i}]`, v));
  return { entities, statements, scare_quotes, timexes, claims };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
