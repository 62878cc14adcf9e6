/**
 * Shared working state of the entity stage: per-token lookups (which name mention covers a token, whether a token
 * is inside a quotation) and per-entity facts that are not part of the public model (gender, lower-cased name and
 * role words). Built once per document so every rule is a constant-time lookup.
 */
import type { Doc, Entity, Mention, Token } from '../../model/document.js';
import type { EntityType, MentionKind } from '../../model/format.js';
import type { Gender } from '../../lexicon/names.js';
import { roleHeadOf } from '../../lexicon/titles.js';

export interface EntityFacts {
  gender: Gender | null;
  /** Lower-cased tokens of every name the entity goes by (for surname and acronym matching). */
  nameWords: Set<string>;
  /** Lower-cased words of every role phrase ("russian", "ambassador", "to", "north", "korea"). */
  roleWords: Set<string>;
  /** Country the entity is (for GPE entities built from the geo lexicon). */
  country: string | null;
  /** Unnamed people taken together ("U.S. officials"): no pronoun or description of one person takes them up. */
  group?: boolean;
}

export interface EntityContext {
  doc: Doc;
  /** Token index → index in `doc.mentions` of the name mention covering it, or -1. */
  nameAt: Int32Array;
  /** Token index → 1 when the token lies between quotation marks. */
  inQuote: Uint8Array;
  facts: EntityFacts[];
}

const OPEN_QUOTES = new Set(['“', '«', '„']);
const CLOSE_QUOTES = new Set(['”', '»']);
const TOGGLE_QUOTES = new Set(['"', '``', "''"]);

/** Quoted spans this short are names, titles or scare quotes ("a cosplayer known as "The Katherinator""), not speech. */
const MAX_NAME_QUOTE_TOKENS = 3;

/**
 * Quote state per token; reset at each paragraph so one stray mark cannot flip the rest of the article. Only
 * quotations longer than a nickname count.
 */
function quoteMask(doc: Doc): Uint8Array {
  const mask = new Uint8Array(doc.tokens.length);
  let openedAt = -1;
  let paragraph = -1;
  const close = (end: number) => {
    if (openedAt >= 0 && end - openedAt > MAX_NAME_QUOTE_TOKENS) mask.fill(1, openedAt, end);
    openedAt = -1;
  };
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i]!;
    const p = doc.sentences[t.sentence]?.paragraph ?? -1;
    if (p !== paragraph) { close(i); paragraph = p; }
    if (OPEN_QUOTES.has(t.text) || (TOGGLE_QUOTES.has(t.text) && openedAt < 0)) { close(i); openedAt = i + 1; }
    else if (CLOSE_QUOTES.has(t.text) || TOGGLE_QUOTES.has(t.text)) close(i);
  }
  close(doc.tokens.length);
  return mask;
}

export function buildContext(doc: Doc): EntityContext {
  const nameAt = new Int32Array(doc.tokens.length).fill(-1);
  doc.mentions.forEach((m, i) => {
    if (m.kind !== 'name') return;
    for (let t = m.tokenStart; t < m.tokenEnd; t++) nameAt[t] = i;
  });
  return { doc, nameAt, inQuote: quoteMask(doc), facts: [] };
}

export function newEntity(ctx: EntityContext, name: string, type: EntityType): number {
  ctx.doc.entities.push({ name, type, roles: [], mentions: [] });
  ctx.facts.push({ gender: null, nameWords: new Set(), roleWords: new Set(), country: null });
  return ctx.doc.entities.length - 1;
}

/** Links mention `mi` to entity `e` (mention lists are rebuilt in document order at the end of the stage). */
export function link(ctx: EntityContext, mi: number, e: number): void {
  const m = ctx.doc.mentions[mi]!;
  m.entity = e;
  ctx.doc.entities[e]!.mentions.push(mi);
}

/** Adds a new pronoun/nominal/metonym mention over tokens `[ts, te)` linked to entity `e`. */
export function addMention(ctx: EntityContext, ts: number, te: number, kind: MentionKind, e: number): void {
  const { doc } = ctx;
  const entity: Entity = doc.entities[e]!;
  const m: Mention = {
    start: doc.tokens[ts]!.start, end: doc.tokens[te - 1]!.end, tokenStart: ts, tokenEnd: te,
    type: entity.type, kind, entity: e,
  };
  doc.mentions.push(m);
  entity.mentions.push(doc.mentions.length - 1);
}

export function addRole(ctx: EntityContext, e: number, ts: number, te: number): void {
  const { doc } = ctx;
  const start = doc.tokens[ts]!.start;
  const end = doc.tokens[te - 1]!.end;
  const text = doc.text.slice(start, end);
  const entity = doc.entities[e]!;
  const lower = text.toLowerCase();
  // A role already covered by a longer one ("ambassador" within "Russian Ambassador to North Korea") adds nothing.
  if (entity.roles.some((r) => r.text.toLowerCase().includes(lower))) return;
  entity.roles = entity.roles.filter((r) => !lower.includes(r.text.toLowerCase()));
  entity.roles.push({ start, end, text });
  // A possessor inside the role is another entity ("the Church of Scientology's cruise ship"): its words do not
  // describe this one, so "the church" must not find the ship by them.
  let from = ts;
  for (let t = ts; t < te; t++) if (POSSESSIVE_MARKS.has(doc.tokens[t]!.text)) from = t + 1;
  for (let t = from; t < te; t++) {
    const tok = doc.tokens[t]!;
    ctx.facts[e]!.roleWords.add(tok.lower);
    // "Gov." also counts as "governor", so "the governor" finds it.
    const head = roleHeadOf(tok.text);
    if (head) ctx.facts[e]!.roleWords.add(head);
  }
}

/** True for punctuation that closes a phrase (comma, full stop, dash, bracket, colon, semicolon, quote). */
export function isBoundary(t: Token | undefined): boolean {
  return !t || (t.pos === 'PUNCT' && t.text !== '-');
}

export const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an']);
export const POSSESSIVE_MARKS: ReadonlySet<string> = new Set(["'s", '’s', "'", '’']);
