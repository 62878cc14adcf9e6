/**
 * The speaker as the output shows it: `speaker.mention`, the speaker's whole noun phrase as written (with its
 * determiner, title, appositive and identifying relative clause: "Brian Fallon, the campaign's press secretary"),
 * and `speaker.head`, the word (or name) inside it that says who spoke ("Brian Fallon"; "spokesman" in "a
 * spokesman for the campaign"). The attribution stage keeps the base noun phrase (`speakerSpan`, what claims and
 * speaker linking work on) and the wider phrase it read (`sourcePhrase`); this module turns the two into the
 * public pair. It reads the document only, so every interface derives the same spans.
 */
import type { Doc, Mention, SpanRange, Statement, Token } from '../../model/document.js';
import { relativeAntecedent } from './phrases.js';
import { firstStartingAt, lowerBound } from '../../util/sorted.js';

export interface SpeakerSpans {
  mention: SpanRange | null;
  head: SpanRange | null;
}

const POSSESSIVE_MARK = new Set(["'s", '’s', "'", '’']);
/** Prepositions that start a post-modifier: the head comes before them ("a spokesman for the campaign"). */
const POST_MODIFIER_ADP = new Set(['of', 'for', 'at', 'with', 'from', 'in', 'to', 'on']);
/** Quantifiers whose "of" phrase holds the real head ("one of his advisers", "some of the voters"). */
const PARTITIVE = new Set(['one', 'some', 'many', 'most', 'all', 'none', 'each', 'both', 'several', 'few', 'two',
  'three', 'half', 'majority', 'any', 'either', 'neither']);

/** `[s, e)` token range of a character span, or null when no token lies inside it. */
function tokenRange(toks: readonly Token[], r: SpanRange): { s: number; e: number } | null {
  const s = firstStartingAt(toks, r.start);
  let e = s;
  while (e < toks.length && toks[e]!.end <= r.end) e++;
  return e > s ? { s, e } : null;
}

const contains = (outer: SpanRange, inner: SpanRange) => outer.start <= inner.start && inner.end <= outer.end;

/**
 * The speaker's noun phrase: the stage's wider phrase when it holds the base phrase, with a possessive clitic
 * that follows it ("Tulsa police's statement": the determiner phrase is "Tulsa police's").
 */
function wholePhrase(doc: Doc, st: Statement, cueStarts: readonly number[]): SpanRange {
  // `cueStarts` is sorted: the first cue at or after `from` tells whether one starts before `end`.
  const base = st.speakerSpan!;
  // The stage's phrase when it holds the base phrase (an appositive) or trims it ("predictable - Donald J. Trump");
  // a phrase elsewhere (the span tagger's reading of another subject) would not name the linked speaker.
  const p = st.sourcePhrase;
  const wide = p && (contains(p, base) || contains(base, p)) ? p : base;
  const { start } = wide;
  let { end } = wide;
  // "Kamin, who emphasized that ...": a relative clause that holds a cue of its own is another statement, not
  // part of this speaker's phrase (PolNeAR's guidelines: extending the source would mask an attribution).
  if (end > base.end) {
    const clause = /,\s*(who|which|whose)\b/i.exec(doc.text.slice(base.end, end));
    if (clause) {
      const from = base.end + clause.index;
      if ((cueStarts[lowerBound(cueStarts, from)] ?? Infinity) < end) end = from;
    }
  }
  const k = firstStartingAt(doc.tokens, end);
  const next = doc.tokens[k];
  // Only before a noun cue: "He's said" and "Trump's been saying" are contractions of "has".
  const cue = doc.tokens[k + 1];
  if (next && next.start === end && POSSESSIVE_MARK.has(next.lower) && st.cue && cue && cue.start === st.cue.start
    && (cue.pos === 'NOUN' || cue.pos === 'ADJ')) end = next.end;
  return { start, end };
}

const NAME_KINDS: ReadonlySet<string> = new Set(['name', 'acronym']);

/**
 * The name and acronym mentions of a document sorted by start, so that those overlapping a span are found by
 * binary search instead of a scan of every mention (a scan per statement made a long document quadratic).
 * Lookups return mentions in `doc.mentions` order, the order the scans they replace saw them in.
 */
export class NameMentions {
  private readonly byStart: { m: Mention; i: number }[] = [];
  private readonly starts: number[];
  /** The longest mention: one overlapping a span starts at most this far before it. */
  private longest = 0;

  constructor(mentions: readonly Mention[]) {
    mentions.forEach((m, i) => {
      if (!NAME_KINDS.has(m.kind)) return;
      this.byStart.push({ m, i });
      this.longest = Math.max(this.longest, m.end - m.start);
    });
    this.byStart.sort((a, b) => a.m.start - b.m.start || a.i - b.i);
    this.starts = this.byStart.map((x) => x.m.start);
  }

  /** Mentions with `m.start < end && m.end > start`, in document-mention order. */
  overlapping(start: number, end: number): Mention[] {
    const hits: { m: Mention; i: number }[] = [];
    for (let k = lowerBound(this.starts, start - this.longest); k < this.byStart.length && this.starts[k]! < end; k++) {
      if (this.byStart[k]!.m.end > start) hits.push(this.byStart[k]!);
    }
    return hits.sort((a, b) => a.i - b.i).map((x) => x.m);
  }
}

/** The name mention (not a description or pronoun) that covers token i, if any. */
function nameMentionAt(doc: Doc, names: readonly Mention[], i: number): Mention | null {
  const t = doc.tokens[i]!;
  for (const m of names) if (m.start <= t.start && t.end <= m.end) return m;
  return null;
}

/**
 * The head of a base noun phrase of tokens `[s, e)`: a name that closes it ("Ambassador Alexandr Matsegora"), else
 * the word before a post-modifier ("a spokesman for the campaign"), after a partitive ("one of his advisers")
 * and never the possessor ("Dunn's mother" → "mother"); a name mention holding that word stands for it whole.
 */
export function headOfPhrase(doc: Doc, s: number, e: number, nameMentions?: NameMentions): SpanRange {
  const toks = doc.tokens;
  const names = nameMentions
    ? nameMentions.overlapping(toks[s]!.start, toks[e - 1]!.end)
    : doc.mentions.filter((m) => NAME_KINDS.has(m.kind) && m.start < toks[e - 1]!.end && m.end > toks[s]!.start);
  let end = e;
  // A parenthesised tag after the phrase ("Sen. David Perdue (R-Ga.)") is not its head.
  if (toks[e - 1]!.lower === ')') {
    let open = e - 1;
    while (open > s && toks[open]!.lower !== '(') open--;
    if (open > s) end = open;
  }
  while (end - 1 > s && (POSSESSIVE_MARK.has(toks[end - 1]!.lower) || toks[end - 1]!.pos === 'PUNCT')) end--;
  const closing = nameMentionAt(doc, names, end - 1);
  if (!closing) {
    for (let i = s + 1; i < end - 1; i++) {
      if (!POST_MODIFIER_ADP.has(toks[i]!.lower) || toks[i]!.pos !== 'ADP') continue;
      if (i - 1 === s && PARTITIVE.has(toks[s]!.lower)) break;
      end = i;
      break;
    }
  }
  const last = end - 1;
  const name = nameMentionAt(doc, names, last);
  if (name) return { start: Math.max(name.start, toks[s]!.start), end: Math.min(name.end, toks[last]!.end) };
  let first = last;
  // An untagged run of proper nouns is one name: "Tulsa Police Chief Chuck Jordan" → "Chuck Jordan" only when tagged.
  if (toks[last]!.pos === 'PROPN') while (first - 1 >= s && toks[first - 1]!.pos === 'PROPN') first--;
  return { start: toks[first]!.start, end: toks[last]!.end };
}

/** "Dunn's mother, Charlotte Charles": the name in an appositive right after the phrase says who it is. */
function appositiveName(doc: Doc, nameMentions: NameMentions, afterBase: number, within: SpanRange): SpanRange | null {
  const toks = doc.tokens;
  if (afterBase + 1 >= toks.length || toks[afterBase]!.lower !== ',') return null;
  const first = toks[afterBase + 1]!;
  if (first.end > within.end) return null;
  for (const m of nameMentions.overlapping(first.start, first.start + 1)) {
    if (m.start === first.start && m.kind === 'name' && m.type === 'PERSON' && m.end <= within.end) {
      return { start: m.start, end: m.end };
    }
  }
  return null;
}

/** `speaker.mention` and `speaker.head` of every statement, in order. */
export function speakerSpans(doc: Doc): SpeakerSpans[] {
  const toks = doc.tokens;
  // A statement that inherits its speaker (a floating quote) shows the phrase of the statement it inherits from.
  const phraseOf = new Map<string, SpanRange>();
  const cueStarts = doc.statements.flatMap((st) => (st.cue ? [st.cue.start] : [])).sort((a, b) => a - b);
  const nameMentions = new NameMentions(doc.mentions);
  for (const st of doc.statements) {
    if (st.speakerSpan && st.cue) phraseOf.set(`${st.speakerSpan.start}:${st.speakerSpan.end}`, wholePhrase(doc, st, cueStarts));
  }
  return doc.statements.map((st) => {
    const base = st.speakerSpan;
    if (!base) return { mention: null, head: null };
    const mention = (st.cue ? null : phraseOf.get(`${base.start}:${base.end}`)) ?? wholePhrase(doc, st, cueStarts);
    const range = tokenRange(toks, contains(base, mention) ? mention : base);
    if (!range) return { mention, head: null };
    // "police, who said": the relative pronoun's antecedent says who spoke.
    const sentence = doc.sentences[toks[range.s]!.sentence];
    const r = (sentence ? relativeAntecedent(toks, range, sentence.tokenStart) : null) ?? range;
    const head = headOfPhrase(doc, r.s, r.e, nameMentions);
    const described = !nameMentions.overlapping(head.start, head.end)
      .some((m) => m.kind === 'name' && m.start <= head.start && head.end <= m.end)
      && toks[firstStartingAt(toks, head.start)]!.pos === 'NOUN';
    return { mention, head: (described ? appositiveName(doc, nameMentions, r.e, mention) : null) ?? head };
  });
}
