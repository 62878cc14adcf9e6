/**
 * Statements against the news gold (SCORING.md, "Statements" and "Scare quotes"): one-to-one greedy matching
 * by content overlap, then speaker, cue, kind and channel over the found statements.
 */
import type { AnalysisOut, Span, StatementOut } from '../../model/format.js';
import type { GoldDoc, GoldSpeaker, GoldStatement } from './gold.js';
import {
  charSet, clip, context, isPronoun, normaliseName, overlap, setOverlap, setSize, wordCount, type Range,
} from './normalise.js';

/** A found gold statement must have this share of its content characters covered by its system partner. */
export const FOUND_COVERAGE = 0.5;
/** A system cue may hold the gold cue plus this many more words ("has said", "did not confirm"). */
export const MAX_EXTRA_CUE_WORDS = 3;

export interface StatementCounts {
  gold: number;
  system: number;
  found: number;
  speakerRight: number;
  cueRight: number;
  kindRight: number;
  /** Found gold statements that have a channel, and those whose channel the system found. */
  channelGold: number;
  channelFound: number;
  scareQuotes: number;
  /** Gold scare quotes taken as statements by the system. */
  scareTaken: number;
}

export interface StatementMatch {
  counts: StatementCounts;
  /** For each gold statement, the index of the system statement that found it, or -1. */
  foundBy: number[];
  /** `-v` lines: misses, spurious statements, wrong speakers, cues, kinds and channels, scare quotes taken. */
  issues: string[];
}

/**
 * Pairs gold and system statements one to one, largest content overlap first. Returns, per gold statement, its
 * partner (or -1) and whether the partner covers enough of the gold content for the statement to be found.
 */
export function pairStatements(gold: readonly { content: readonly Range[] }[], system: readonly { content: readonly Range[] }[]):
  { partner: number[]; found: boolean[] } {
  const goldSets = gold.map((g) => charSet(g.content));
  const sysSets = system.map((s) => charSet(s.content));
  const pairs: { g: number; s: number; shared: number }[] = [];
  goldSets.forEach((gs, g) => sysSets.forEach((ss, s) => {
    const shared = setOverlap(gs, ss);
    if (shared > 0) pairs.push({ g, s, shared });
  }));
  pairs.sort((a, b) => b.shared - a.shared || a.g - b.g || a.s - b.s);
  const partner = gold.map(() => -1);
  const sysTaken = new Uint8Array(system.length);
  const found = gold.map(() => false);
  for (const p of pairs) {
    if (partner[p.g] !== -1 || sysTaken[p.s]) continue;
    partner[p.g] = p.s;
    sysTaken[p.s] = 1;
    found[p.g] = p.shared >= FOUND_COVERAGE * setSize(goldSets[p.g]!);
  }
  return { partner, found };
}

/**
 * The strings that name one gold speaker: its entity's name and non-pronoun mention texts. SCORING.md gives an
 * unnamed speaker phrase ("Some reports", entity null) no strings, so no system speaker is right for it.
 */
function goldSpeakerStrings(doc: GoldDoc, sp: GoldSpeaker): string[] {
  const entity = sp.entity ? doc.gold.entities.find((e) => e.id === sp.entity) : undefined;
  if (!entity) return [];
  return [entity.name, ...entity.mentions.map((m) => m.text)].filter((s) => !isPronoun(s)).map(normaliseName).filter(Boolean);
}

function allGoldSpeakers(st: GoldStatement): GoldSpeaker[] {
  return [st.speaker, ...(st.co_speakers ?? [])];
}

function goldHasSpeaker(st: GoldStatement): boolean {
  return allGoldSpeakers(st).some((sp) => sp.entity !== null || sp.mention !== null);
}

/** The strings the system gives for a speaker: its entities' names, `speaker.name` (and its `; ` parts), the mention. */
export function systemSpeakerStrings(rec: AnalysisOut, st: StatementOut): string[] {
  const sp = st.speaker;
  const out: string[] = [];
  for (const id of new Set([sp.entity, ...(sp.entities ?? [])])) {
    const e = id ? rec.entities.find((x) => x.id === id) : undefined;
    if (e) out.push(e.name);
  }
  if (sp.name) out.push(sp.name, ...sp.name.split('; '));
  if (sp.mention) out.push(sp.mention.text);
  return out.filter((s) => !isPronoun(s)).map(normaliseName).filter(Boolean);
}

function systemHasSpeaker(st: StatementOut): boolean {
  const sp = st.speaker;
  return Boolean(sp && (sp.mention || sp.entity || sp.name || sp.entities?.length));
}

/** Speaker right: a system string names one of the gold speakers, or all of them together; none wants none. */
export function speakerRight(doc: GoldDoc, g: GoldStatement, rec: AnalysisOut, s: StatementOut): boolean {
  if (!goldHasSpeaker(g)) return !systemHasSpeaker(s);
  const speakers = allGoldSpeakers(g);
  const wanted = new Set(speakers.flatMap((sp) => goldSpeakerStrings(doc, sp)));
  // "the United States, South Korea and Ukraine": the stretch from the first speaker mention to the last.
  const mentions = speakers.map((sp) => sp.mention).filter((m): m is Span => m !== null);
  if (mentions.length > 1) {
    const start = Math.min(...mentions.map((m) => m.start)), end = Math.max(...mentions.map((m) => m.end));
    wanted.add(normaliseName(doc.text.slice(start, end)));
  }
  return systemSpeakerStrings(rec, s).some((x) => wanted.has(x));
}

/** Cue right: same text on overlapping spans, or a fuller predicate around the gold cue (≤ 3 more words). */
export function cueRight(gold: Span | null, sys: Span | null): boolean {
  if (!gold) return !sys;
  if (!sys) return false;
  if (overlap(gold, sys) > 0 && normaliseName(gold.text) === normaliseName(sys.text)) return true;
  return sys.start <= gold.start && gold.end <= sys.end && wordCount(sys.text) - wordCount(gold.text) <= MAX_EXTRA_CUE_WORDS;
}

/** Channel found: the system's channel or addressee covers at least half of the gold channel. */
export function channelFound(gold: Span, s: StatementOut): boolean {
  const need = Math.max(1, FOUND_COVERAGE * (gold.end - gold.start));
  return [s.channel, s.addressee].some((x) => x != null && overlap(gold, x) >= need);
}

function describeGoldSpeaker(doc: GoldDoc, g: GoldStatement): string {
  if (!goldHasSpeaker(g)) return '(none)';
  return allGoldSpeakers(g).map((sp) => {
    const e = sp.entity ? doc.gold.entities.find((x) => x.id === sp.entity) : undefined;
    const phrase = sp.mention ? `"${sp.mention.text}"` : '(no mention)';
    if (!e) return `${phrase} (unnamed: no gold strings)`;
    return !sp.mention || e.name !== sp.mention.text ? `${phrase} = ${e.name}` : phrase;
  }).join(' + ');
}

function describeSystemSpeaker(s: StatementOut): string {
  if (!systemHasSpeaker(s)) return '(none)';
  const phrase = s.speaker.mention ? `"${s.speaker.mention.text}"` : '(no mention)';
  return s.speaker.name && s.speaker.name !== s.speaker.mention?.text ? `${phrase} = ${s.speaker.name}` : phrase;
}

const spanText = (s: Span | null) => (s ? `"${s.text}"` : '(none)');
const contentText = (spans: readonly Span[]) => clip(spans.map((c) => c.text).join(' … '));

export function scoreStatements(doc: GoldDoc, rec: AnalysisOut | null): StatementMatch {
  const gold = doc.gold.statements;
  const system = rec?.statements ?? [];
  const { partner, found } = pairStatements(gold, system);
  const foundBy = partner.map((s, g) => (found[g] ? s : -1));
  const c: StatementCounts = {
    gold: gold.length, system: system.length, found: 0, speakerRight: 0, cueRight: 0, kindRight: 0,
    channelGold: 0, channelFound: 0, scareQuotes: doc.gold.scare_quotes.length, scareTaken: 0,
  };
  const issues: string[] = [];
  const at = (spans: readonly Span[]) => context(doc.text, { start: spans[0]!.start, end: spans[spans.length - 1]!.end }, 30);
  gold.forEach((g, gi) => {
    const si = foundBy[gi]!;
    if (si < 0) {
      const near = partner[gi]! >= 0 ? ` (best system ${system[partner[gi]!]!.id} covers too little)` : '';
      issues.push(`statement missed\t${g.id} ${g.kind} speaker ${describeGoldSpeaker(doc, g)} cue ${spanText(g.cue)}${near}: ${contentText(g.content)}`);
      return;
    }
    const s = system[si]!;
    c.found++;
    const where = `${g.id}~${s.id}`;
    if (speakerRight(doc, g, rec!, s)) c.speakerRight++;
    else issues.push(`speaker wrong\t${where} gold ${describeGoldSpeaker(doc, g)} vs system ${describeSystemSpeaker(s)}: ${at(g.content)}`);
    if (cueRight(g.cue, s.cue)) c.cueRight++;
    else issues.push(`cue wrong\t${where} gold ${spanText(g.cue)} vs system ${spanText(s.cue)}: ${g.cue ? context(doc.text, g.cue, 30) : at(g.content)}`);
    if (g.kind === s.kind) c.kindRight++;
    else issues.push(`kind wrong\t${where} gold ${g.kind} vs system ${s.kind}: ${contentText(g.content)}`);
    if (g.channel) {
      c.channelGold++;
      if (channelFound(g.channel, s)) c.channelFound++;
      else issues.push(`channel missed\t${where} gold "${g.channel.text}" vs system channel ${spanText(s.channel)} addressee ${spanText(s.addressee)}: ${context(doc.text, g.channel, 30)}`);
    }
  });
  const systemFound = new Set(foundBy.filter((s) => s >= 0));
  system.forEach((s, si) => {
    if (!systemFound.has(si)) issues.push(`statement spurious\t${s.id} ${s.kind} speaker ${describeSystemSpeaker(s)} cue ${spanText(s.cue)}: ${contentText(s.content)}`);
  });
  for (const q of doc.gold.scare_quotes) {
    const taker = system.find((s, si) => {
      const content = charSet(s.content);
      const size = setSize(content);
      return !systemFound.has(si) && size > 0 && setOverlap(content, [q]) >= FOUND_COVERAGE * size;
    });
    if (taker) {
      c.scareTaken++;
      issues.push(`scare quote taken\t${taker.id} "${q.text}": ${context(doc.text, q, 30)}`);
    }
  }
  return { counts: c, foundBy, issues };
}
