/**
 * Attribution stage: fills `doc.statements` with who said (or believes, or shows) what.
 *
 * Every cue (a speech, belief or evidence verb, "according to", a colon, a signature dash) is read in one of
 * these configurations:
 *   preposed    — `SUBJ CUE [addressee] [adjuncts] [that|:] CONTENT`      ("X told reporters on Monday that ...")
 *   postposed   — `CONTENT , SUBJ CUE [adjuncts] [, CONTENT2]`, or inverted `CONTENT , CUE SUBJ`
 *   participial — `..., CUE-ing that CONTENT` whose speaker is the main clause's subject
 *   coordinated — `SUBJ VERB ... and CUE CONTENT`; passive — `CONTENT was CUE by SOURCE`
 *   colon / dash — `Trump: ...`, `WALLACE: ...` (transcripts), `"..." ― Jorge Falcon`
 * Quotes are found first (across sentences and paragraphs); a quote next to a cue becomes the content, a long
 * quote with no cue at all is a floating quote that inherits the previous speaker, and a short quoted term with
 * no cue (a scare quote, a title) is left alone. Which verb readings stand is decided by a perceptron trained on
 * PolNeAR (scorer.ts), or by PolNeAR cue rates when its model file is absent (see models/attribution/MODEL_CARD.md).
 * Three more learned parts, each optional: a particle table (cues.json: "complained about", "warned against"), a
 * cue-token classifier (cue-token-classifier.ts) whose spans no rule reading covers become statements of their own
 * ("has been critical of"), and a boundary model (boundary.ts) that moves the start and end of a kept reading's
 * unquoted content.
 *
 * Where the parts are: readings.ts runs the readings over a document, sharing a ReadingContext (context.ts);
 * verb-cues.ts (with passive-cues.ts and subjects.ts), according-to.ts, colon-dash.ts, tagged-cues.ts,
 * cueless-quotes.ts and nested-speech.ts (speech reported inside a quote) read each construction;
 * content-ends.ts finds their content; scorer-features.ts decides which verb readings stand; lexicon.ts holds the
 * word sets; training-export.ts gives scripts/train-attribution.ts its examples. This module turns the readings
 * into statements.
 */
import type { Doc, Mention, SpanRange, Stage, Statement } from '../../model/document.js';
import type { StatementKind } from '../../model/format.js';
import type { ReadingContext } from './context.js';
import { widenPredicate } from './cue-predicate.js';
import { cueInfo, EVIDENCE_NOUNS } from './cues.js';
import type { Draft, Range } from './draft.js';
import { learnedDraft, matchLearned } from './learned-merge.js';
import { QUOTE_CHARS, WHITESPACE } from './lexicon.js';
import { readAttributions, ruleReadings } from './readings.js';
import { learnedAttributions } from './span-tagger/index.js';
import { docView } from './span-tagger/features.js';
import { relativeAntecedent } from './phrases.js';
import { headOfPhrase, NameMentions } from './speaker-mention.js';
import { linkSpeaker, resolvePronounSpeaker } from './speakers.js';
import { shareChannels, type Continuation } from './speech-events.js';

/** How far back (characters) a pronoun speaker looks for whom it stands for: about two paragraphs. */
const PRONOUN_WINDOW = 1200;

/** Minimum inner tokens for an embedded quote to make an indirect statement 'mixed'. */
const MIXED_QUOTE_MIN = 3;

/** A content span never starts or ends on a quotation mark (a token may straddle one: wink reads ''A as ' + 'A). */
function stripMarks(text: string, r: SpanRange): SpanRange {
  let { start, end } = r;
  while (end - start > 1 && QUOTE_CHARS.includes(text[start]!)) start++;
  while (end - start > 1 && QUOTE_CHARS.includes(text[end - 1]!)) end--;
  return { start, end };
}

function kindOf(cx: ReadingContext, d: Draft, sourceText: string): StatementKind {
  // 'other' is for the hand lexicon's belief and evidence verbs ("fears", "the study found"); a cue outside it
  // (PolNeAR-learned, a tagged phrase: "ascribed", "characterized", "was critical of") reports what was said.
  const hand = d.cue ? cueInfo(cx.toks[d.cue.e - 1]!.lower) ?? cueInfo(cx.toks[d.cue.s]!.lower) : undefined;
  if (d.cls !== 'speech' && (hand ? hand.cls !== 'speech' : !d.cue)) return 'other';
  const head = sourceText.toLowerCase().split(WHITESPACE).pop() ?? '';
  if (EVIDENCE_NOUNS.has(head)) return 'other';
  let quoted = 0;
  let total = 0;
  let longQuote = false;
  for (const c of d.content) {
    for (let t = c.s; t < c.e; t++) {
      total++;
      const q = cx.quoteOfToken[t]!;
      if (q >= 0) {
        quoted++;
        const qq = cx.quotes[q]!;
        if (qq.tokEnd - qq.tokStart >= MIXED_QUOTE_MIN) longQuote = true;
      }
    }
  }
  if (quoted === total && total > 0) return 'direct';
  return longQuote ? 'mixed' : 'indirect';
}

/**
 * Fills `doc.statements`. With `tagger`, the learned span tagger (span-tagger/) decides which cues stand and places
 * PolNeAR-style source, cue and content spans; the rule readings still give each statement its speaker entity,
 * channel, addressee and chain, and become features of the tagger. Without it, the rule readings alone.
 */
export function attribute(doc: Doc, tagger = false): void {
  const cx = readAttributions(doc);
  const sorted: Mention[] = [...doc.mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  // Built on first need: most documents have no appositive speaker.
  let nameMentions: NameMentions | undefined;
  const span = (x: Range) => ({ start: doc.tokens[x.s]!.start, end: doc.tokens[x.e - 1]!.end });
  const out: Statement[] = [];
  const index = new Map<Draft, number>();
  const spoken: { speakers: number[]; at: number }[] = [];
  const continuations: Continuation[] = [];
  const learned = tagger ? learnedAttributions(docView(doc, ruleReadings(cx), cx)) : [];
  const matched = matchLearned(cx.drafts, learned);
  // Learned attributions no rule reading explains become readings of their own (no channel, addressee or chain).
  const used = new Set(matched.values());
  const drafts = [...cx.drafts];
  for (const l of learned) {
    if (used.has(l) || l.content.length === 0) continue;
    const d = learnedDraft(doc, l);
    matched.set(d, l);
    drafts.push(d);
  }
  for (const d of drafts) {
    const l = matched.get(d);
    // A verb reading the tagger does not confirm is dropped (on dev a quarter of them were gold cues); the
    // readings of colons, signature dashes and noun cues stay (15 of 16 were), as do floating quotes.
    if (tagger && !l && d.cue && d.config) continue;
    const inherited = d.inheritFrom ? index.get(d.inheritFrom) : undefined;
    const base = inherited !== undefined ? out[inherited] : undefined;
    const source = d.source ?? l?.source ?? null;
    const speakerSpan = source ? span(source) : (base?.speakerSpan ?? null);
    const excluded = [d.addressee, d.channel, d.via].filter((r): r is Range => r !== null).map(span);
    // "police, who said": the speaker is whom the relative pronoun stands for; the span stays on "who".
    const antecedent = source ? relativeAntecedent(doc.tokens, source, doc.sentences[d.sentence]!.tokenStart) : null;
    let speakerRef = antecedent ? span(antecedent) : speakerSpan;
    // "A Navy spokesman, Commander Ana Ruiz, said": the person named in the appositive is the speaker.
    const phrase = d.sourcePhrase;
    if (!antecedent && source && phrase && phrase.e > source.e + 1 && doc.tokens[source.e]!.text === ','
      && !/^(who|which|whose)$/i.test(doc.tokens[source.e + 1]!.text)) {
      const named = linkSpeaker(doc, span({ s: source.e + 1, e: phrase.e }), sorted);
      // Only the phrase's head counts ("Dunn's mother": Dunn is the possessor, not the speaker).
      const own = linkSpeaker(doc, headOfPhrase(doc, source.s, source.e, nameMentions ??= new NameMentions(doc.mentions)), sorted);
      if (named.length === 1 && doc.entities[named[0]!]!.type === 'PERSON'
        && !own.some((e) => doc.entities[e]!.type === 'PERSON')) speakerRef = span({ s: source.e + 1, e: phrase.e });
    }
    const speakers = source
      ? resolvePronounSpeaker(doc, speakerRef!, linkSpeaker(doc, speakerRef!, sorted), excluded, spoken, sorted,
        PRONOUN_WINDOW)
      : (base?.speakers ?? []);
    if (speakers.length > 0 && speakerSpan) spoken.push({ speakers, at: speakerSpan.start });
    const speakerText = speakerRef ? doc.text.slice(speakerRef.start, speakerRef.end) : '';
    const content = l && l.content.length > 0 ? l.content : d.content;
    if (inherited !== undefined) continuations.push({ child: out.length, base: inherited });
    index.set(d, out.length);
    out.push({
      kind: d.kind ?? kindOf(cx, { ...d, content }, speakerText),
      speakerSpan,
      speakers,
      speakerName: speakers.length === 0 ? (speakerText || base?.speakerName || null) : null,
      cue: d.cue ? span(d.cue) : null,
      content: content.map((c) => stripMarks(doc.text, span(c))),
      // "told TASS": with no other channel, the telling is how it was said.
      channel: d.channel ? span(d.channel)
        : d.cue && d.addressee?.s === d.cue.e ? span({ s: d.cue.s, e: d.addressee.e }) : null,
      addressee: d.addressee ? span(d.addressee) : null,
      via: d.via ? linkSpeaker(doc, span(d.via), sorted) : [],
      sentence: d.sentence,
    });
    const st = out[out.length - 1]!;
    const sourcePhrase = l ? l.source : d.sourcePhrase;
    if (sourcePhrase && (sourcePhrase.s !== source?.s || sourcePhrase.e !== source.e)) st.sourcePhrase = span(sourcePhrase);
    const cuePhrase = l ? l.cue : d.cuePhrase;
    if (cuePhrase && (cuePhrase.s !== d.cue?.s || cuePhrase.e !== d.cue.e)) st.cuePhrase = span(cuePhrase);
  }
  shareChannels(cx, doc, out, continuations, sorted);
  if (tagger) out.sort((a, b) => (a.cue?.start ?? a.content[0]?.start ?? 0) - (b.cue?.start ?? b.content[0]?.start ?? 0));
  for (const st of out) widenPredicate(doc, st);
  doc.statements = out;
}

/** `entities`: speakers are the entities of the mentions in the speaker phrase (`mention.entity`). */
export const attributionStage: Stage = {
  name: 'attribution', requires: ['tokens', 'sentences', 'paragraphs', 'mentions', 'entities'], assigns: ['statements'],
  writesMeta: [], run: (doc) => attribute(doc),
};
/** The same stage with the learned span tagger (`--attribution tagger`). */
export const taggedAttributionStage: Stage = { ...attributionStage, run: (doc) => attribute(doc, true) };
