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
 * cue tagger (tagger.ts) whose spans no rule reading covers become statements of their own ("has been critical
 * of"), and a boundary model (boundary.ts) that moves the start and end of a kept reading's unquoted content.
 */
import type { Doc, Mention, SpanRange, Stage, Statement, Token } from '../../model/document.js';
import type { StatementKind } from '../../model/format.js';
import {
  CHANNEL_HEADS, EVIDENCE_NOUNS, cueInfo, isCueCandidate, learnedCueRate, particleRate, type CueInfo,
} from './cues.js';
import {
  extendCoordination, isNameLikeRun, isNamePart, isPronounHead, npEndingAt, npStartingAt,
} from './phrases.js';
import { chainHead, findQuotes, isQuoteMark, type Quote } from './quotes.js';
import { linkSpeaker } from './speakers.js';
import { score, scorerModel, type ScorerModel } from './scorer.js';
import { bestBoundary, boundaryModel, endCandidates, startCandidates } from './boundary.js';
import { tagCues, taggerModel } from './tagger.js';
import { learnedAttributions, type LearnedAttribution } from './span-tagger/index.js';
import { docView, type RuleReading } from './span-tagger/features.js';

/** Token range `[s, e)`. */
interface Range {
  s: number;
  e: number;
  /** Set on content the hand rule cut at e within a window ending at max: the boundary model may move e. */
  max?: number;
}

interface Draft {
  cls: CueInfo['cls'];
  /** The cue verb (with its particle) and the speaker phrase, as the product reports them. */
  cue: Range | null;
  source: Range | null;
  /** PolNeAR's wider spans: the cue with its auxiliaries and adverbs, the source with its appositive. */
  cuePhrase: Range | null;
  sourcePhrase: Range | null;
  /** Speaker inherited from another statement (participles, floating quotes). */
  inheritFrom: Draft | null;
  content: Range[];
  channel: Range | null;
  addressee: Range | null;
  via: Range | null;
  sentence: number;
  /** First token of the attribution clause (subject or verb group), where an earlier content must stop. */
  clause: number;
  /** Postposed on a quote: a quote opening the next sentence of the paragraph continues the statement. */
  quoteContinues: boolean;
  /** How a verb cue was read (pre, post, postq, part, and, pass); empty for other cues, which are always kept. */
  config?: string;
}

/** Words between a subject and its verb that belong to neither: auxiliaries, negation, adverbs. */
const VERB_GROUP = new Set(['also', 'has', 'have', 'had', 'would', 'will', 'did', 'does', 'do', 'could', 'may',
  'might', 'should', 'can', 'later', 'then', 'repeatedly', 'previously', 'once', 'again', 'further', 'just',
  'already', 'often', 'never', 'not', "n't", 'n’t', "'ve", '’ve', "'ll", '’ll', "'d", '’d', 'always', 'recently',
  'publicly', 'privately', 'reportedly', 'still', 'even', 'first', 'flatly', 'openly', 'quickly', 'simply', 'long',
  'explicitly', 'clearly']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s', "'re", '’re']);
/** Verbs whose -ed/-en form after "be" is passive ("was told"), so the subject is not the speaker. */
const PARTICIPLE = /(ed|told|said|written|known|seen|shown|found|thought|felt|read|understood)$/;
/** Share of a form's verb uses that head a PolNeAR cue above which it counts as a cue (tuned on train). */
const CUE_RATE_THRESHOLD = 0.3;
/** Below this rate a verb outside the hand lexicon is not even a candidate. */
const CANDIDATE_RATE = 0.05;
/** Tags of a word after a cue verb that PolNeAR may take into the cue ("spoke about", "promised to"). */
const PARTICLE_TAGS = new Set(['ADP', 'PART']);
/** Share of gold cues with the word included above which the cue takes it (learned, see particleRate). */
const PARTICLE_RATE = 0.5;
/** Tagger score above which a token is part of a cue (see tagger.ts). */
const TAGGER_THRESHOLD = 0;
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'my', 'our', 'your']);
const FUNCTION_TAGS = new Set(['ADP', 'SCONJ', 'DET', 'PART', 'AUX', 'CCONJ', 'PRON']);
/** A verb PolNeAR often uses as a cue that the hand lexicon lacks ("endorsed", "seemed"): a wider attribution. */
const LEARNED_ONLY: CueInfo = { cls: 'belief', addressee: false };
/** Particles that belong to the cue ("pointed out", "called for"). */
const PARTICLES: Record<string, Set<string>> = {
  point: new Set(['out', 'to']), points: new Set(['out', 'to']), pointed: new Set(['out', 'to']),
  pointing: new Set(['out', 'to']), call: new Set(['for', 'on']), calls: new Set(['for', 'on']),
  called: new Set(['for', 'on']), calling: new Set(['for', 'on']),
};
/** Prepositions that open an adjunct between a cue and its content ("said on Monday that"). */
const ADJUNCT_ADP = new Set(['on', 'in', 'at', 'during', 'via', 'through', 'after', 'before', 'over', 'from',
  'last', 'this', 'late', 'early', 'earlier']);
/** Time words and the adverbs that behave like them between a cue and its content. */
const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today',
  'yesterday', 'tonight', 'week', 'weekend', 'month', 'year', 'morning', 'afternoon', 'evening', 'night', 'day',
  'time', 'earlier', 'later', 'recently', 'ago', 'january', 'february', 'march', 'april', 'may', 'june', 'july',
  'august', 'september', 'october', 'november', 'december', 'jan.', 'feb.', 'aug.', 'sept.', 'oct.', 'nov.',
  'dec.', 'again', 'also', 'repeatedly', 'publicly', 'previously', 'then', 'now', 'once', 'privately']);
/** Words that open the content clause ("explained how ..."), never an adjunct. */
const WH_WORDS = new Set(['that', 'how', 'why', 'when', 'where', 'whether', 'what', 'who', 'if']);
/** Words that, after a comma, start a clause of the reporter's rather than more of the reported content. */
const CLAUSE_OPENERS = new Set(['but', 'which', 'who', 'while', 'although', 'though', 'whereas', 'yet']);
/** Words that turn a following time word into an adjunct: "last week", "this morning". */
const TIME_MODIFIERS = new Set(['last', 'this', 'next', 'past', 'early', 'late', 'earlier', 'later']);
const QUOTE_CHARS = '"“”„«»\'`';
const DASHES = new Set(['―', '—', '–', '--', '-']);
/** The longest signature after a dash that is read as a name ("Azucena Gonzàlez", "Rep. Jim Clyburn of S.C."). */
const SIGNATURE_TOKENS = 12;
/** Verbs whose object is the person addressed when a "that" clause follows it. */
const OBJECT_FIRST = /^(warn|urg|remind|encourag|ask|persuad|convinc|caution|notif|advis|implor|pressur|assur)/;
const TRAILING_PUNCT = new Set([',', '.', ';', ':', '—', '–', '-', '"', '“', '”', '„', '«', '»']);
const CLAUSE_END = new Set([',', '?', '!', '—', '–', ';']);
/** Minimum inner tokens for a quote with no cue to count as a floating quote rather than a scare quote. */
const FLOATING_QUOTE_MIN = 6;
/** Minimum inner tokens for an embedded quote to make an indirect statement 'mixed'. */
const MIXED_QUOTE_MIN = 3;

class Reader {
  readonly toks: Token[];
  readonly quotes: Quote[];
  readonly quoteOfToken: Int32Array;
  readonly markOfToken: Uint8Array;
  /** Token index of each quote's closing mark → quote index. */
  readonly quoteClosedBy = new Map<number, number>();
  readonly quoteOpenedBy = new Map<number, number>();
  readonly drafts: Draft[] = [];
  readonly windowStart: Int32Array;
  readonly windowEnd: Int32Array;

  /** Every content-end decision with its candidates, when reading for training. */
  readonly endLog: { k: number; ends: number[]; features: string[][] }[] | null;
  readonly startLog: { starts: number[]; features: string[][]; end: number }[] | null;

  /** `candidates`: keep every verb-cue reading (for training the scorer) instead of deciding. */
  constructor(readonly doc: Doc, readonly candidates = false) {
    this.toks = doc.tokens;
    this.endLog = candidates ? [] : null;
    this.startLog = candidates ? [] : null;
    const found = findQuotes(doc);
    this.quotes = found.quotes;
    this.quoteOfToken = found.quoteOfToken;
    this.markOfToken = found.markOfToken;
    this.windowStart = new Int32Array(doc.sentences.length);
    this.windowEnd = new Int32Array(doc.sentences.length);
    this.windows();
    for (let qi = 0; qi < this.quotes.length; qi++) {
      const q = this.quotes[qi]!;
      for (let i = q.tokStart - 1; i >= 0 && this.toks[i]!.start >= q.open; i--) this.quoteOpenedBy.set(i, qi);
      for (let i = q.tokEnd; i < this.toks.length && this.toks[i]!.start < q.closeEnd; i++) {
        this.quoteClosedBy.set(i, qi);
      }
    }
  }

  /**
   * The token window each sentence is read in: wink ends sentences inside abbreviations in parentheses
   * ("Sen. Lindsey Graham (R-S.C.) told ..."), so a sentence that starts with ")" or "," or a lower-case word is
   * read together with its neighbour in the same paragraph.
   */
  windows(): void {
    const { doc, toks } = this;
    const n = doc.sentences.length;
    for (let si = 0; si < n; si++) {
      const sent = doc.sentences[si]!;
      const first = toks[sent.tokenStart]!;
      const glued = si > 0 && doc.sentences[si - 1]!.paragraph === sent.paragraph
        && (first.lower === ')' || first.lower === ',' || /^[a-z]/.test(first.text));
      this.windowStart[si] = glued ? this.windowStart[si - 1]! : sent.tokenStart;
    }
    for (let si = n - 1; si >= 0; si--) {
      const glued = si + 1 < n && this.windowStart[si + 1] === this.windowStart[si];
      this.windowEnd[si] = glued ? this.windowEnd[si + 1]! : doc.sentences[si]!.tokenEnd;
    }
  }

  /** Token i is a quotation mark (paired, or a stray one). */
  isMark(i: number): boolean {
    return this.markOfToken[i] === 1 || isQuoteMark(this.toks[i]!.text);
  }

  /** Content ranges for a whole chain of paragraph-continued quotes, starting from any member. */
  quoteChain(qi: number): Range[] {
    const out: Range[] = [];
    for (let q = chainHead(this.quotes, qi); q >= 0; q = this.quotes[q]!.next) {
      out.push({ s: this.quotes[q]!.tokStart, e: this.quotes[q]!.tokEnd });
    }
    return out;
  }

  /** A verb that may be a cue (in the hand lexicon, or seen as a PolNeAR cue now and then); `keep` decides. */
  isVerbCue(t: number): CueInfo | undefined {
    const tok = this.toks[t]!;
    const prev = t > 0 ? this.toks[t - 1]! : null;
    if (!isCueCandidate(tok.pos, tok.lower, prev?.pos)) return undefined;
    if (tok.pos !== 'VERB' && tok.pos !== 'AUX' && prev && (prev.pos === 'DET' || prev.pos === 'ADJ')) return undefined;
    if (prev && prev.lower === 'to') return undefined; // infinitive: "declined to say"
    const hand = cueInfo(tok.lower);
    if (hand) return hand;
    const rate = learnedCueRate(tok.lower);
    return rate !== undefined && rate >= CANDIDATE_RATE ? LEARNED_ONLY : undefined;
  }

  /**
   * Whether a verb-cue reading stands: the trained scorer when its model is there, else the cue rate — at least
   * CUE_RATE_THRESHOLD, or a hand-lexicon verb right after a quote ("..." he continued), or a hand-lexicon verb too
   * rare in PolNeAR to have a rate.
   */
  keep(d: Draft): boolean {
    if (!d.config || !d.cue) return true;
    const model = this.candidates ? null : scorerModel();
    if (model) return score(model, this.features(d)) > 0;
    const lower = this.toks[d.cue.s]!.lower;
    const rate = learnedCueRate(lower);
    if (this.candidates || rate === undefined || rate >= CUE_RATE_THRESHOLD) return true;
    return cueInfo(lower) !== undefined && d.config === 'postq';
  }

  /** Features of a verb-cue reading for the scorer. */
  features(d: Draft): string[] {
    const { toks } = this;
    const t = d.cue!.s;
    const w = toks[t]!.lower;
    const rate = learnedCueRate(w);
    const bucket = rate === undefined ? 'none' : String(Math.min(9, Math.floor(rate * 10)));
    const next = toks[d.cue!.e];
    const nextTag = !next ? 'END' : FUNCTION_TAGS.has(next.pos) || next.pos === 'PUNCT' ? next.lower : next.pos;
    const prevTok = d.cuePhrase && d.cuePhrase.s > 0 ? toks[d.cuePhrase.s - 1] : undefined;
    const prevTag = !prevTok ? 'START' : prevTok.pos === 'PUNCT' ? prevTok.lower : prevTok.pos;
    const src = d.source ? toks[d.source.e - 1]! : null;
    const srcTag = !src ? 'none' : src.pos === 'PRON' ? `pron:${src.lower}` : src.pos;
    const words = d.content.reduce((n, r) => n + r.e - r.s, 0);
    const len = words <= 1 ? '1' : words <= 3 ? '2-3' : words <= 8 ? '4-8' : words <= 20 ? '9-20' : '21+';
    const quoted = d.content.some((r) => this.quoteOfToken[r.s]! >= 0);
    const cfg = d.config!;
    const base = [
      `w=${w}`, `rate=${bucket}`, `cls=${cueInfo(w)?.cls ?? 'learned'}`, `cfg=${cfg}`, `next=${nextTag}`,
      `prev=${prevTag}`, `src=${srcTag}`, `len=${len}`, `q=${quoted}`, `w+cfg=${w}|${cfg}`, `rate+cfg=${bucket}|${cfg}`,
      `w+next=${w}|${nextTag}`, `rate+next=${bucket}|${nextTag}`, `cfg+q=${cfg}|${quoted}`, `src+cfg=${srcTag}|${cfg}`,
      `group=${d.cuePhrase ? d.cue!.s - d.cuePhrase.s : 0}`, `pos=${toks[t]!.pos}`,
    ];
    return base;
  }

  run(): void {
    const { doc, toks } = this;
    for (let si = 0; si < doc.sentences.length; si++) {
      const sent = doc.sentences[si]!;
      this.headlineColon(si);
      for (let t = sent.tokenStart; t < sent.tokenEnd; t++) {
        if (this.quoteOfToken[t]! >= 0) continue;
        const tok = toks[t]!;
        if (tok.lower === 'according' && t + 1 < sent.tokenEnd && toks[t + 1]!.lower === 'to') {
          this.accordingTo(si, t);
          t++;
          continue;
        }
        const info = this.isVerbCue(t);
        if (info) this.verbCue(si, t, info);
      }
    }
    this.dashAttributions();
    this.taggedCues();
    this.splitNestedContent();
    this.continueQuotes();
    this.floatingQuotes();
  }

  /**
   * Cues the tagger (tagger.ts) finds that no rule reading covers ("is a staunch opponent of", "raised questions
   * about"): the subject before is the source, the clause (or quote) after is the content, or the clause before
   * when the cue closes its sentence.
   */
  taggedCues(): void {
    const model = this.candidates ? null : taggerModel();
    if (!model) return;
    const { toks, doc } = this;
    const inQuote = (j: number) => this.quoteOfToken[j]! >= 0 || this.markOfToken[j] === 1;
    const taken = new Uint8Array(toks.length);
    const claimed = new Set<number>();
    for (const d of this.drafts) {
      for (const r of [d.cue, d.cuePhrase]) if (r) for (let i = r.s; i < r.e; i++) taken[i] = 1;
      for (const r of d.content) if (this.quoteOfToken[r.s]! >= 0) claimed.add(this.quoteOfToken[r.s]!);
    }
    for (let si = 0; si < doc.sentences.length; si++) {
      const sent = doc.sentences[si]!;
      const min = this.windowStart[si]!;
      const max = this.windowEnd[si]!;
      for (const span of tagCues(model, toks, sent.tokenStart, sent.tokenEnd, inQuote, TAGGER_THRESHOLD)) {
        let clash = false;
        for (let i = span.s; i < span.e; i++) if (taken[i]) clash = true;
        if (clash) {
          continue;
        }
        let head = -1;
        for (let i = span.s; i < span.e; i++) if (toks[i]!.pos === 'VERB') head = i;
        const cls = (head >= 0 ? cueInfo(toks[head]!.lower)?.cls : undefined) ?? 'belief';
        let subject = this.subjectBefore(this.skipTimeLeft(span.s, min), min);
        // A nominal cue's owner is its source ("his message of", "Kerry’s announcement of").
        const own = span.s - 1 >= min ? toks[span.s - 1]! : null;
        if (own && (toks[span.s]!.pos === 'NOUN' || toks[span.s]!.pos === 'ADJ')) {
          if (POSSESSIVES.has(own.lower)) subject = { np: { s: span.s - 1, e: span.s }, phrase: { s: span.s - 1, e: span.s } };
          else if ((own.lower === "'s" || own.lower === '’s') && span.s - 2 >= min) {
            const b = npEndingAt(toks, span.s - 2, min);
            if (b >= 0) subject = { np: { s: b, e: span.s - 1 }, phrase: { s: b, e: span.s - 1 } };
          }
        }
        const d: Draft = {
          cls, cue: span, source: subject?.np ?? null, cuePhrase: span, sourcePhrase: subject?.phrase ?? null,
          inheritFrom: null, content: [], channel: null, addressee: null, via: null, sentence: si,
          clause: subject?.np.s ?? span.s, quoteContinues: false,
        };
        let k = span.e;
        if (k < max && (toks[k]!.lower === 'that' || toks[k]!.lower === ':' || toks[k]!.lower === ',')) k++;
        const q = k < toks.length ? this.quoteOpenedBy.get(k) : undefined;
        // A quote a rule reading already gave its speaker is not said twice.
        if (q !== undefined && claimed.has(q)) continue;
        if (q !== undefined) d.content.push(...this.quoteChain(q));
        else if (k < max && toks[k]!.lower !== '.') d.content.push(this.clause(k, max));
        else {
          const before = d.clause - 1;
          const closes = this.quoteClosedBy.get(before) ?? this.quoteClosedBy.get(before - 1);
          if (closes !== undefined && claimed.has(closes)) continue;
          if (closes !== undefined) d.content.push(...this.quoteChain(closes));
          else if (before > min && CLAUSE_END.has(toks[before]!.lower)) d.content.push({ s: min, e: before });
        }
        this.push(d);
      }
    }
  }

  /** `“We will vote.” ― Jorge Falcon`: a quote signed with a dash and a name at the end of its paragraph or line. */
  dashAttributions(): void {
    const { toks, doc } = this;
    for (let qi = 0; qi < this.quotes.length; qi++) {
      const q = this.quotes[qi]!;
      let k = q.tokEnd;
      while (k < toks.length && this.markOfToken[k] === 1) k++;
      if (k + 1 >= toks.length || !DASHES.has(toks[k]!.lower)) continue;
      const para = doc.paragraphs[doc.sentences[toks[k]!.sentence]!.paragraph]!;
      // A line break between token j - 1 and token j (or the text's or the paragraph's end at j).
      const endsLine = (j: number) => j >= toks.length || toks[j]!.start >= para.end
        || doc.text.slice(toks[j - 1]!.end, toks[j]!.start).includes('\n');
      // The name stops at the line's end ("― Tom Berg⏎More letters ..." is not "Tom Berg More").
      let lineEnd = k + 2;
      const reach = Math.min(toks.length, k + 1 + SIGNATURE_TOKENS);
      while (lineEnd < reach && !endsLine(lineEnd)) lineEnd++;
      const e = npStartingAt(toks, k + 1, lineEnd);
      if (e < 0 || !isNameLikeRun(toks, k + 1, e)) continue;
      // The signature ends its paragraph, or at least its line (lists of signed quotes are often one line each).
      const atEnd = endsLine(e) || (toks[e]!.lower === '.' && endsLine(e + 1));
      if (!atEnd) continue;
      const si = toks[k]!.sentence;
      this.push({
        cls: 'speech', cue: { s: k, e: k + 1 }, source: { s: k + 1, e }, cuePhrase: null, sourcePhrase: null,
        inheritFrom: null, content: this.quoteChain(qi), channel: null, addressee: null, via: null, sentence: si,
        clause: k, quoteContinues: false,
      });
    }
  }

  /** `She said X, “Y,” she said.`: an earlier content stops where a later attribution clause begins. */
  splitNestedContent(): void {
    const bySentence = new Map<number, Draft[]>();
    for (const d of this.drafts) {
      if (!bySentence.has(d.sentence)) bySentence.set(d.sentence, []);
      bySentence.get(d.sentence)!.push(d);
    }
    for (const group of bySentence.values()) {
      if (group.length < 2) continue;
      for (const a of group) {
        a.content = a.content.map((r) => {
          if (this.quoteOfToken[r.s]! >= 0) return r;
          for (const b of group) {
            if (b !== a && b.clause > r.s + 1 && b.clause < r.e && b.content.some((c) => c.e <= b.clause)) {
              return this.trim({ s: r.s, e: b.clause });
            }
          }
          return r;
        }).filter((r) => r.e > r.s);
      }
    }
  }

  /** `“A,” said Caddell. “B.”`: a quote opening the next sentence continues the statement if nothing claims it. */
  continueQuotes(): void {
    const claimed = new Set<number>();
    const cueSentences = new Set<number>();
    for (const d of this.drafts) {
      for (const r of d.content) if (this.quoteOfToken[r.s]! >= 0) claimed.add(this.quoteOfToken[r.s]!);
      if (d.cue) cueSentences.add(d.sentence);
    }
    for (const d of this.drafts) {
      if (!d.quoteContinues) continue;
      const cur = this.doc.sentences[d.sentence]!;
      const next = this.doc.sentences[d.sentence + 1];
      if (!next || next.paragraph !== cur.paragraph || cueSentences.has(d.sentence + 1)) continue;
      const q = this.quoteOpenedBy.get(next.tokenStart);
      if (q === undefined || claimed.has(q)) continue;
      for (let c = q; c >= 0; c = this.quotes[c]!.next) claimed.add(c);
      d.content.push(...this.quoteChain(q).map((r) => this.trim(r)));
    }
  }

  /** Skips left over auxiliaries and adverbs; returns the first token of the verb group. */
  verbGroupStart(t: number, min: number): number {
    let v = t;
    while (v - 1 >= min && (VERB_GROUP.has(this.toks[v - 1]!.lower) || this.toks[v - 1]!.pos === 'ADV'
      || BE.has(this.toks[v - 1]!.lower))) v--;
    return v;
  }

  /** Skips time adjuncts left of a verb group ("Wells Fargo just this month announced", "on Saturday"). */
  skipTimeLeft(v: number, min: number): number {
    const { toks } = this;
    for (;;) {
      const p = v - 1;
      if (p < min || !TIME_WORDS.has(toks[p]!.lower) || isNamePart(toks, p)) return v;
      v = p;
      if (v - 1 >= min && (TIME_MODIFIERS.has(toks[v - 1]!.lower) || ADJUNCT_ADP.has(toks[v - 1]!.lower))) v--;
      v = this.verbGroupStart(v, min);
    }
  }

  /**
   * The subject ending just before `v`, or null: `np` is the noun phrase, `phrase` adds a parenthetical between
   * it and the verb ("The ambassador, who did not provide details,").
   */
  subjectBefore(v: number, min: number): { np: Range; phrase: Range } | null {
    const { toks } = this;
    let end = v - 1;
    if (end < min) return null;
    let phraseEnd = toks[end]!.lower === ',' ? end : v;
    if (toks[end]!.lower === ',') {
      // "The ambassador, who did not provide details, said": skip back over the parenthetical.
      let c = end - 1;
      while (c >= min && toks[c]!.lower !== ',' && this.quoteOfToken[c]! < 0 && !this.isMark(c)) c--;
      if (c <= min || toks[c]!.lower !== ',') return null;
      const inner = toks[c + 1]!;
      const aside = (inner.pos === 'VERB' && inner.lower.endsWith('ing')) || inner.pos === 'ADP';
      const parenthetical = inner.lower === 'who' || inner.lower === 'which' || inner.lower === 'whose'
        || inner.pos === 'DET' || inner.pos === 'PROPN' || inner.pos === 'NOUN' || inner.pos === 'ADJ' || aside;
      if (!parenthetical) return null;
      // PolNeAR keeps an appositive or relative clause in the source, not an aside ("Trump, speaking to
      // veterans, said", "Clinton, at a later press gaggle, said").
      if (aside) phraseEnd = c;
      end = c - 1;
    }
    const s0 = npEndingAt(toks, end, min);
    if (s0 < 0) return null;
    const s = extendCoordination(toks, s0, min);
    return { np: { s, e: end + 1 }, phrase: { s, e: phraseEnd } };
  }

  /** End of an inverted subject's appositive: "said Kenneth Baer, a former official who runs a firm". */
  appositiveEnd(e: number, max: number): number {
    const { toks } = this;
    if (e + 1 >= max || toks[e]!.lower !== ',') return e;
    const next = toks[e + 1]!;
    if (next.pos !== 'DET' && next.pos !== 'PROPN' && next.pos !== 'NOUN' && next.pos !== 'ADJ'
      && next.lower !== 'who') return e;
    let k = e + 1;
    while (k < max && !this.isMark(k) && toks[k]!.lower !== '.' && !(toks[k]!.lower === ',' && k + 1 < max
      && (toks[k + 1]!.pos === 'VERB' || this.isMark(k + 1) || toks[k + 1]!.lower === 'which'))) k++;
    while (k > e + 1 && TRAILING_PUNCT.has(toks[k - 1]!.lower)) k--;
    return k;
  }

  /** The subject of the sentence's main clause, for participial cues ("..., arguing that ..."). */
  mainSubject(si: number, before: number): Range | null {
    const min = this.windowStart[si]!;
    // The subject is the noun phrase right before the first verb of the sentence.
    for (let t = min; t < before; t++) {
      const p = this.toks[t]!.pos;
      if (p === 'VERB' || p === 'AUX') {
        const v = this.verbGroupStart(t, min);
        return this.subjectBefore(v, min)?.np ?? null;
      }
    }
    return null;
  }

  /** A channel phrase at token k ("in an interview with ...", "on Twitter"): its noun phrase and where it ends. */
  channelAt(k: number, max: number): { np: Range; next: number } | null {
    const { toks } = this;
    if (k >= max) return null;
    const p = toks[k]!.lower;
    if (p !== 'in' && p !== 'on' && p !== 'at' && p !== 'during' && p !== 'via' && p !== 'through') return null;
    const e = npStartingAt(toks, k + 1, max);
    if (e < 0) return null;
    let channel = false;
    for (let i = k + 1; i < e; i++) if (CHANNEL_HEADS.has(toks[i]!.lower)) channel = true;
    if (!channel && p === 'on' && toks[e - 1]!.pos === 'PROPN') channel = true; // "on CNN", "on Telegram"
    return channel ? { np: { s: k + 1, e }, next: e } : null;
  }

  /** Skips time and manner adjuncts after a cue, recording a channel when one is there. */
  skipAdjuncts(k: number, max: number, d: Draft): number {
    const { toks } = this;
    for (let guard = 0; guard < 6 && k < max; guard++) {
      const ch = this.channelAt(k, max);
      if (ch) {
        d.channel ??= ch.np;
        k = ch.next;
        continue;
      }
      const tok = toks[k]!;
      if (TIME_MODIFIERS.has(tok.lower) && k + 1 < max && TIME_WORDS.has(toks[k + 1]!.lower)) {
        k += 2;
        continue;
      }
      // Manner adverbs ("said flatly") are adjuncts; other adverbs may open the content ("said too much is made").
      if (TIME_WORDS.has(tok.lower) || (tok.pos === 'ADV' && tok.lower.endsWith('ly'))) {
        k++;
        continue;
      }
      if (ADJUNCT_ADP.has(tok.lower)) {
        if (k + 1 < max && TIME_WORDS.has(toks[k + 1]!.lower)) {
          k += 2; // "on Monday"
          continue;
        }
        const e = npStartingAt(toks, k + 1, max);
        if (e > k + 1 && toks.slice(k + 1, e).some((x) => TIME_WORDS.has(x.lower) || x.pos === 'NUM')) {
          k = e;
          continue;
        }
      }
      break;
    }
    return k;
  }

  /**
   * "said at a rally in Toledo, Ohio, that ...": a prepositional adjunct of any kind before a "that" clause, a colon
   * or a quote. Returns the index of "that" (the colon, the comma before the quote) when only such material (no
   * verb outside quotation marks) lies between, else k.
   */
  thatAhead(k: number, max: number): number {
    const { toks } = this;
    if (k >= max || toks[k]!.pos !== 'ADP' || toks[k]!.lower === 'that') return k;
    for (let i = k + 1; i < Math.min(max, k + 16); i++) {
      if (this.quoteOfToken[i]! >= 0 || this.isMark(i)) continue;
      const w = toks[i]!;
      if (w.lower === 'that' || w.lower === ':') return i;
      if (this.quoteOpenedBy.has(i) && toks[i - 1]!.lower === ',') return i - 1;
      if (w.pos === 'VERB' || w.pos === 'AUX' || w.pos === 'PRON' || w.lower === '.') return k;
    }
    return k;
  }

  hasQuoteIn(s: number, e: number): boolean {
    for (let i = s; i < e; i++) if (this.quoteOfToken[i]! >= 0) return true;
    return false;
  }

  /** From k to the next comma or the end there are only prepositional phrases ("in Honolulu at a dinner"). */
  onlyPlaces(k: number, max: number): boolean {
    const { toks } = this;
    if (toks[k]!.pos !== 'ADP' || toks[k]!.lower === 'that') return false;
    for (let i = k; i < max && toks[i]!.lower !== ','; i++) {
      const p = toks[i]!.pos;
      if (p === 'VERB' || p === 'AUX' || p === 'PRON' || this.isMark(i) || toks[i]!.lower === 'that') return false;
    }
    return true;
  }

  verbCue(si: number, t: number, info: CueInfo): void {
    const { toks, doc } = this;
    const min = this.windowStart[si]!;
    const max = this.windowEnd[si]!;
    let cueEnd = t + 1;
    const particles = PARTICLES[toks[t]!.lower];
    if (particles && cueEnd < max && particles.has(toks[cueEnd]!.lower)) cueEnd++;
    else if (cueEnd + 1 < max && PARTICLE_TAGS.has(toks[cueEnd]!.pos) && toks[cueEnd]!.lower !== 'that'
      && particleRate(toks[t]!.lower, toks[cueEnd]!.lower) >= PARTICLE_RATE) cueEnd++;
    const v = this.verbGroupStart(t, min);
    // Passive ("was told", "is expected"): the grammatical subject did not speak; with a "by" agent the agent did
    // and the subject is what it said or did ("The issue was first reported by The Washington Post").
    let passive = false;
    for (let i = v; i < t; i++) if (BE.has(toks[i]!.lower) && PARTICIPLE.test(toks[t]!.lower)) passive = true;
    if (passive) {
      this.passiveByAgent(si, t, v, cueEnd, info);
      return;
    }
    // PolNeAR's cue is the whole verb group: "has also said", "is saying".
    const d: Draft = {
      cls: info.cls, cue: { s: t, e: cueEnd }, source: null, cuePhrase: { s: v, e: cueEnd }, sourcePhrase: null,
      inheritFrom: null, content: [], channel: null,
      addressee: null, via: null, sentence: si, clause: v, quoteContinues: false,
    };
    const participial = toks[t]!.lower.endsWith('ing') && v === t && v - 1 >= min && toks[v - 1]!.lower === ',';
    if (participial) {
      const prev = this.drafts[this.drafts.length - 1];
      if (prev && prev.sentence === si) d.inheritFrom = prev;
      else d.source = d.sourcePhrase = this.mainSubject(si, v);
      if (!this.contentAfter(d, cueEnd, max, info)) return;
      d.config = 'part';
      this.push(d);
      return;
    }
    const subject = this.subjectBefore(this.skipTimeLeft(v, min), min);
    let source = subject?.np ?? null;
    d.sourcePhrase = subject?.phrase ?? null;
    if (!source && v - 1 > min && toks[v - 1]!.lower === 'and') {
      // "Schultz supported Democrats and said ...": the coordinated verb shares the clause's subject, or the
      // speaker of the statement just read in the same sentence ("said ... and warned ...").
      const prev = this.drafts[this.drafts.length - 1];
      if (prev && prev.sentence === si && prev.source) d.inheritFrom = prev;
      else {
        source = d.sourcePhrase = this.mainSubject(si, v - 1);
        if (!source) return;
        d.source = source;
      }
      if (!this.contentAfter(d, cueEnd, max, info)) return;
      d.config = 'and';
      this.push(d);
      return;
    }
    let leftEdge = source ? source.s : v; // first token of the attribution clause
    let k = cueEnd;
    if (!source) {
      // Inverted: "..., said the spokesman" / "..., says Smith."
      const e = npStartingAt(toks, cueEnd, max);
      if (e > 0 && (e === max || CLAUSE_END.has(toks[e]!.lower) || toks[e]!.lower === '.' || toks[e]!.lower === '('
        || toks[e]!.lower === ':' || this.channelAt(e, max))) {
        source = { s: cueEnd, e };
        d.sourcePhrase = { s: cueEnd, e: this.appositiveEnd(e, max) };
        k = e;
      } else if (v > min) {
        return; // a verb with no speaker anywhere: not an attribution we can read
      }
    }
    d.source = source;
    if (source && source.s < leftEdge) leftEdge = source.s;
    d.clause = leftEdge;
    // Postposed: the clause is preceded by a comma or a closing quote, and nothing but adjuncts follows the cue.
    const before = leftEdge - 1;
    const closesQuote = this.quoteClosedBy.get(before)
      ?? (before - 1 >= 0 && CLAUSE_END.has(toks[before]!.lower) ? this.quoteClosedBy.get(before - 1) : undefined);
    // "..., Graham told The New York Times then.": the addressee sits between the cue and the adjuncts.
    let afterAddressee = k;
    if (info.addressee && k === cueEnd) {
      const e = npStartingAt(toks, k, max);
      if (e > k && (e >= max || toks[e]!.lower === '.' || toks[e]!.lower === ',' || TIME_WORDS.has(toks[e]!.lower)
        || TIME_MODIFIERS.has(toks[e]!.lower))) {
        afterAddressee = e;
      }
    }
    const afterAdjuncts = this.skipAdjuncts(afterAddressee, max, d);
    const restIsEmpty = afterAdjuncts >= max || toks[afterAdjuncts]!.lower === '.'
      || toks[afterAdjuncts]!.lower === ',' || this.isMark(afterAdjuncts) || this.onlyPlaces(afterAdjuncts, max);
    if (restIsEmpty && (closesQuote !== undefined || (before >= min && CLAUSE_END.has(toks[before]!.lower)))) {
      if (afterAddressee > k) d.addressee = { s: k, e: afterAddressee };
      const quoteAfter = afterAdjuncts + 1 < max && toks[afterAdjuncts]!.lower === ','
        && this.quoteOpenedBy.has(afterAdjuncts + 1);
      if (closesQuote !== undefined) d.content.push(...this.quoteChain(closesQuote));
      // "Asked about the bomb, Clinton said, “...”": the lead-in clause is the reporter's, the quote is hers.
      else if (!quoteAfter || this.hasQuoteIn(min, before)) d.content.push({ s: min, e: before });
      const parts = d.content.length;
      this.continuation(d, afterAdjuncts, max, closesQuote !== undefined);
      d.quoteContinues = closesQuote !== undefined && d.content.length === parts;
      d.config = closesQuote !== undefined ? 'postq' : 'post';
      this.push(d);
      return;
    }
    d.channel = null;
    if (!source) return;
    // "Said Ellis: ..." reads on after the inverted subject.
    if (!this.contentAfter(d, source.s === cueEnd ? source.e : cueEnd, max, info)) return;
    d.config = source.s === cueEnd ? 'inv' : 'pre';
    this.push(d);
  }

  passiveByAgent(si: number, t: number, v: number, cueEnd: number, info: CueInfo): void {
    const { toks } = this;
    const min = this.windowStart[si]!;
    const max = this.windowEnd[si]!;
    if (cueEnd >= max || toks[cueEnd]!.lower !== 'by') return;
    const e = npStartingAt(toks, cueEnd + 1, max);
    const subject = this.subjectBefore(this.skipTimeLeft(v, min), min);
    if (e < 0 || !subject) return;
    this.push({
      cls: info.cls, cue: { s: t, e: cueEnd }, source: { s: cueEnd + 1, e }, cuePhrase: { s: v, e: cueEnd + 1 },
      sourcePhrase: null, inheritFrom: null, content: [subject.np], channel: null, addressee: null, via: null,
      sentence: si, clause: v, quoteContinues: false, config: 'pass',
    });
  }

  /** `"A," he said, "B."`: the quote (or clause) after the attribution belongs to the same statement. */
  continuation(d: Draft, k: number, max: number, leftWasQuote: boolean): void {
    const { toks } = this;
    if (k >= max || toks[k]!.lower !== ',') return;
    // The quote resumes after the attribution, possibly after a participial aside ("Tester said, referring to
    // the excuse, “you give ammunition ...”").
    for (let i = k + 1; i < max; i++) {
      if (!this.isMark(i)) continue;
      const q = this.quoteOpenedBy.get(i);
      if (q !== undefined && toks[i - 1]!.lower === ',') {
        d.content.push(...this.quoteChain(q));
        return;
      }
      // A quoted term further on ("CNN, he said, has done an “awful” job") is part of the resumed clause.
      if (leftWasQuote) return;
      break;
    }
    if (leftWasQuote) return;
    // "..., he said, adding that ...": a new statement.
    if (k + 1 < max && this.isVerbCue(k + 1) && toks[k + 1]!.lower.endsWith('ing')) return;
    if (k + 1 < max) d.content.push(this.clause(k + 1, max));
  }

  /** Content to the right of a preposed cue; false when there is none. */
  contentAfter(d: Draft, k: number, max: number, info: CueInfo): boolean {
    const { toks } = this;
    if (info.addressee) {
      const e = npStartingAt(toks, k, max);
      if (e > k) {
        d.addressee = { s: k, e };
        k = e;
      }
    } else if (d.cue && OBJECT_FIRST.test(toks[d.cue.s]!.lower)) {
      // "warned voters that ...": the object is the addressee, not the content.
      const e = npStartingAt(toks, k, max);
      if (e > k && e < max && toks[e]!.lower === 'that') {
        d.addressee = { s: k, e };
        k = e;
      }
    }
    k = this.skipAdjuncts(k, max, d);
    if (k < max && toks[k]!.lower === ',') k = this.skipAdjuncts(k + 1, max, d);
    k = this.thatAhead(k, max);
    if (k < max && toks[k]!.lower === ',' && this.quoteOpenedBy.has(k + 1)) k++;
    if (k < max && (toks[k]!.lower === 'that' || toks[k]!.lower === ':')) k++;
    if (k < max && toks[k]!.lower === ',' && toks[k - 1]!.lower === 'that') k++; // "said that, if elected, ..."
    if (k >= max && toks[k - 1]!.lower === ':') {
      // "Caddell continued:" closing a paragraph introduces the quote that opens the next one.
      const q = k < toks.length ? this.quoteOpenedBy.get(k) : undefined;
      if (q === undefined) return false;
      d.content.push(...this.quoteChain(q));
      return true;
    }
    if (k >= max) return false;
    const q = this.quoteOpenedBy.get(k);
    if (q !== undefined) {
      d.content.push(...this.quoteChain(q));
      return true;
    }
    // `recalled that last year, "..."`: a short lead-in before a full quote; the quote is the statement.
    for (let i = k; i < Math.min(k + 5, max); i++) {
      const lead = this.quoteOpenedBy.get(i);
      if (lead !== undefined && i > k && toks[i - 1]!.lower === ',') {
        const qq = this.quotes[lead]!;
        if (qq.tokEnd - qq.tokStart >= FLOATING_QUOTE_MIN && qq.tokEnd >= max - 2) {
          d.content.push(...this.quoteChain(lead));
          return true;
        }
      }
    }
    const first = toks[k]!;
    if (first.lower === '.' || first.lower === ',' || first.lower === ';' || first.lower === '?') return false;
    d.content.push(this.clause(k, max));
    return true;
  }

  /**
   * Where reported content running to the end of the sentence actually stops: before a dash or semicolon, or
   * a comma that opens another clause (", but ...", ", and she ...", ", citing ...").
   */
  clauseEnd(k: number, max: number): number {
    const rule = this.ruleClauseEnd(k, max);
    if (this.endLog) {
      const c = endCandidates(this.toks, k, max, rule, (i) => this.quoteOfToken[i]!);
      this.endLog.push({ k, ends: c.ends, features: c.features });
      const st = startCandidates(this.toks, k, rule, (i) => this.quoteOfToken[i]!);
      this.startLog!.push({ starts: st.starts, features: st.features, end: rule });
    }
    return rule;
  }

  /** Content from k to where the hand rule ends it; `push` lets the boundary model move the end of a kept one. */
  clause(k: number, max: number): Range {
    return { s: k, e: this.clauseEnd(k, max), max };
  }

  /** The boundary model's start for content the hand rule reads from k to `end`. */
  learnedStart(model: ScorerModel, k: number, end: number): number {
    const c = startCandidates(this.toks, k, end, (i) => this.quoteOfToken[i]!);
    return bestBoundary(model, c.starts, c.features, k);
  }

  /** The boundary model's end for content from k whose hand-rule end is `rule`. */
  learnedEnd(model: ScorerModel, k: number, max: number, rule: number): number {
    const c = endCandidates(this.toks, k, max, rule, (i) => this.quoteOfToken[i]!);
    return bestBoundary(model, c.ends, c.features, rule);
  }

  /** The hand rule for clauseEnd, and a feature of the learned model. */
  ruleClauseEnd(k: number, max: number): number {
    const { toks } = this;
    for (let i = k + 2; i < max; i++) {
      if (this.quoteOfToken[i]! >= 0 || this.isMark(i)) continue;
      const w = toks[i]!.lower;
      if (w === ';' || w === '--' || w === '—' || w === '―') return i;
      // "... and says he will ...": a second verb of the attribution's subject, not of the content.
      if (w === 'and' && i + 1 < max && toks[i - 1]!.lower !== ',' && toks[i + 1]!.pos === 'VERB'
        && /(ed|s)$/.test(toks[i + 1]!.lower) && cueInfo(toks[i + 1]!.lower)) return i;
      if (w !== ',' || i + 1 >= max) continue;
      const next = toks[i + 1]!;
      if (CLAUSE_OPENERS.has(next.lower)) return i;
      if (next.lower === 'and' && i + 2 < max && (isPronounHead(toks[i + 2]!) || toks[i + 2]!.pos === 'DET'
        || toks[i + 2]!.pos === 'PROPN' || toks[i + 2]!.pos === 'AUX' || toks[i + 2]!.pos === 'VERB')) return i;
      if (next.pos === 'VERB' && next.lower.endsWith('ing')) return i;
    }
    return max;
  }

  /** "according to X[, quoting Y]": content is the rest of the sentence on the other side. */
  accordingTo(si: number, t: number): void {
    const { toks, doc } = this;
    const min = this.windowStart[si]!;
    const max = this.windowEnd[si]!;
    let e = npStartingAt(toks, t + 2, max);
    if (e < 0) {
      // A source wink mis-tags ("according to exit/VERB polls"): the words up to the comma.
      e = t + 2;
      while (e < max && e < t + 8 && toks[e]!.lower !== ',' && toks[e]!.lower !== '.') e++;
      if (e === t + 2 || !toks.slice(t + 2, e).some((x) => x.pos === 'NOUN' || x.pos === 'PROPN')) return;
    }
    const d: Draft = {
      cls: 'speech', cue: { s: t, e: t + 2 }, source: { s: t + 2, e }, cuePhrase: null, sourcePhrase: null,
      inheritFrom: null, content: [], channel: null,
      addressee: null, via: null, sentence: si, clause: t, quoteContinues: false,
    };
    let after = e;
    // "according to Yonhap, quoting KCNA": the quoted agency spoke, the first one relayed it.
    if (after + 2 < max && toks[after]!.lower === ',' && (toks[after + 1]!.lower === 'quoting'
      || toks[after + 1]!.lower === 'citing')) {
      const e2 = npStartingAt(toks, after + 2, max);
      if (e2 > 0) {
        d.via = d.source;
        d.source = { s: after + 2, e: e2 };
        after = e2;
      }
    }
    if (t === min || (t - 1 >= min && !CLAUSE_END.has(toks[t - 1]!.lower) && t - 1 === min)) {
      let k = after;
      if (k < max && toks[k]!.lower === ',') k++;
      if (k < max) d.content.push({ s: k, e: max });
    } else {
      const before = t - 1 >= min && CLAUSE_END.has(toks[t - 1]!.lower) ? t - 1 : t;
      const q = this.quoteClosedBy.get(before) ?? this.quoteClosedBy.get(before - 1);
      if (q !== undefined) d.content.push(...this.quoteChain(q));
      else if (before > min) d.content.push({ s: min, e: before });
    }
    if (d.content.length > 0) this.push(d);
  }

  /**
   * Attribution by colon: a headline "Trump: 'We will win'", or a transcript paragraph "WALLACE: Let's start".
   * The speaker must be a short name (a pronoun or proper noun), so "The Latest:" or "Correction:" do not count.
   */
  headlineColon(si: number): void {
    const { toks, doc } = this;
    const sent = doc.sentences[si]!;
    let min = sent.tokenStart;
    const max = sent.tokenEnd;
    // A transcript paragraph opens with a quotation mark that runs to its end.
    const transcript = this.quoteOpenedBy.get(min);
    if (transcript !== undefined) min = this.quotes[transcript]!.tokStart;
    if (this.doc.paragraphs[sent.paragraph]!.start !== doc.tokens[sent.tokenStart]!.start) return;
    for (let c = min + 1; c < Math.min(min + 5, max - 2); c++) {
      if (toks[c]!.lower !== ':') continue;
      if (npEndingAt(toks, c - 1, min) !== min) return;
      const words = toks.slice(min, c);
      // Transcripts write the speaker in capitals ("WALLACE:"); "Everything: the treatment" is a quote's own colon.
      if (transcript !== undefined && !words.every((x) => /^[A-Z][A-Z.'’-]*$/.test(x.text))) return;
      if (!words.every((x) => x.pos === 'PROPN' || /^[A-Z]/.test(x.text)) || words.some((x) => x.pos === 'PRON')) return;
      if (toks[min]!.pos === 'DET') return;
      const d: Draft = {
        cls: 'speech', cue: { s: c, e: c + 1 }, source: { s: min, e: c }, cuePhrase: null, sourcePhrase: null,
        inheritFrom: null, content: [],
        channel: null, addressee: null, via: null, sentence: si, clause: min, quoteContinues: false,
      };
      const q = this.quoteOpenedBy.get(c + 1);
      if (q !== undefined) d.content.push(...this.quoteChain(q));
      else if (transcript !== undefined) d.content.push({ s: c + 1, e: this.quotes[transcript]!.tokEnd });
      else d.content.push(this.clause(c + 1, max));
      this.push(d);
      return;
    }
  }

  /** Long quotes no cue claimed: the previous statement's speaker goes on talking. */
  floatingQuotes(): void {
    const claimed = new Uint8Array(this.quotes.length);
    for (const d of this.drafts) {
      for (const r of d.content) {
        const q = this.quoteOfToken[r.s]!;
        if (q >= 0) claimed[q] = 1;
      }
    }
    for (let qi = 0; qi < this.quotes.length; qi++) {
      const q = this.quotes[qi]!;
      if (claimed[qi] || q.prev >= 0 || q.tokEnd - q.tokStart < FLOATING_QUOTE_MIN) continue;
      const si = this.toks[q.tokStart]?.sentence ?? -1;
      if (si < 0) continue;
      // A cue-less quote embedded in a longer sentence of the reporter's is a term or a title, not speech.
      const para = this.doc.paragraphs[this.doc.sentences[si]!.paragraph]!;
      if (q.open !== para.start) continue;
      let prev: Draft | null = null;
      for (let i = this.drafts.length - 1; i >= 0 && !prev; i--) {
        const r = this.drafts[i]!;
        if (this.firstOffset(r) < q.open) prev = r;
      }
      if (!prev) continue;
      for (let c = qi; c >= 0; c = this.quotes[c]!.next) claimed[c] = 1;
      this.drafts.push({
        cls: 'speech', cue: null, source: null, cuePhrase: null, sourcePhrase: null, inheritFrom: prev,
        content: this.quoteChain(qi), channel: null,
        addressee: null,
        via: null, sentence: si, clause: q.tokStart, quoteContinues: false,
      });
    }
    this.drafts.sort((a, b) => this.firstOffset(a) - this.firstOffset(b));
  }

  firstOffset(d: Draft): number {
    const r = d.cue ?? d.content[0]!;
    return this.toks[r.s]!.start;
  }

  push(d: Draft): void {
    const raw = d.content;
    d.content = raw.map((r) => this.trim(r)).filter((r) => r.e > r.s);
    if (d.content.length === 0 || !this.keep(d)) return;
    // The scorer saw the hand rule's content (as in training); a kept reading gets the learned content end.
    const model = this.candidates ? null : boundaryModel();
    if (model && raw.some((r) => r.max !== undefined)) {
      d.content = raw.map((r) => {
        if (r.max === undefined) return r;
        const s = this.learnedStart(model, r.s, r.e);
        return { s, e: this.learnedEnd(model, s, r.max, s === r.s ? r.e : this.ruleClauseEnd(s, r.max)) };
      })
        .map((r) => this.trim(r)).filter((r) => r.e > r.s);
      if (d.content.length === 0) return;
    }
    this.drafts.push(d);
  }

  /** Content without quote marks, a leading "that" outside quotes, or trailing punctuation. */
  trim(r: Range): Range {
    const { toks } = this;
    let { s, e } = r;
    while (s < e && (this.isMark(s) || toks[s]!.lower === ':' || (this.quoteOfToken[s]! < 0
      && toks[s]!.lower === 'that'))) s++;
    while (e > s && (TRAILING_PUNCT.has(toks[e - 1]!.lower) || this.isMark(e - 1))) e--;
    return { s, e };
  }
}

/** A content span never starts or ends on a quotation mark (a token may straddle one: wink reads ''A as ' + 'A). */
function stripMarks(text: string, r: SpanRange): SpanRange {
  let { start, end } = r;
  while (end - start > 1 && QUOTE_CHARS.includes(text[start]!)) start++;
  while (end - start > 1 && QUOTE_CHARS.includes(text[end - 1]!)) end--;
  return { start, end };
}

function kindOf(r: Reader, d: Draft, sourceText: string): StatementKind {
  if (d.cls !== 'speech') return 'other';
  const head = sourceText.toLowerCase().split(/\s+/).pop() ?? '';
  if (EVIDENCE_NOUNS.has(head)) return 'other';
  let quoted = 0;
  let total = 0;
  let longQuote = false;
  for (const c of d.content) {
    for (let t = c.s; t < c.e; t++) {
      total++;
      const q = r.quoteOfToken[t]!;
      if (q >= 0) {
        quoted++;
        const qq = r.quotes[q]!;
        if (qq.tokEnd - qq.tokStart >= MIXED_QUOTE_MIN) longQuote = true;
      }
    }
  }
  if (quoted === total && total > 0) return 'direct';
  return longQuote ? 'mixed' : 'indirect';
}

/**
 * Fills `doc.statements`. With `tagger`, the learned span tagger (sequence/) decides which cues stand and places
 * PolNeAR-style source, cue and content spans; the rule readings still give each statement its speaker entity,
 * channel, addressee and chain, and become features of the tagger. Without it, the rule readings alone.
 */
export function attribute(doc: Doc, tagger = false): void {
  const r = new Reader(doc);
  r.run();
  const sorted: Mention[] = [...doc.mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const span = (x: Range) => ({ start: doc.tokens[x.s]!.start, end: doc.tokens[x.e - 1]!.end });
  const out: Statement[] = [];
  const index = new Map<Draft, number>();
  const learned = tagger ? learnedAttributions(docView(doc, ruleReadings(r), r)) : [];
  const matched = matchLearned(r.drafts, learned);
  // Learned attributions no rule reading explains become readings of their own (no channel, addressee or chain).
  const used = new Set(matched.values());
  const drafts = [...r.drafts];
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
    const speakers = source ? linkSpeaker(doc, speakerSpan!, sorted) : (base?.speakers ?? []);
    const speakerText = speakerSpan ? doc.text.slice(speakerSpan.start, speakerSpan.end) : '';
    const content = l && l.content.length > 0 ? l.content : d.content;
    index.set(d, out.length);
    out.push({
      kind: kindOf(r, { ...d, content }, speakerText),
      speakerSpan,
      speakers,
      speakerName: speakers.length === 0 ? (speakerText || base?.speakerName || null) : null,
      cue: d.cue ? span(d.cue) : null,
      content: content.map((c) => stripMarks(doc.text, span(c))),
      channel: d.channel ? span(d.channel) : null,
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
  if (tagger) out.sort((a, b) => (a.cue?.start ?? a.content[0]?.start ?? 0) - (b.cue?.start ?? b.content[0]?.start ?? 0));
  doc.statements = out;
}

/** A reading made from a learned attribution alone; its class (speech, belief, evidence) from the cue's last word. */
function learnedDraft(doc: Doc, l: LearnedAttribution): Draft {
  return {
    cls: cueInfo(doc.tokens[l.cue.e - 1]!.lower)?.cls ?? 'belief',
    cue: l.cue, source: l.source, cuePhrase: l.cue, sourcePhrase: l.source, inheritFrom: null, content: l.content,
    channel: null, addressee: null, via: null, sentence: doc.tokens[l.cue.s]!.sentence, clause: l.cue.s,
    quoteContinues: false,
  };
}

/** The rule readings with a cue, for the learned taggers. */
function ruleReadings(r: Reader): RuleReading[] {
  return r.drafts.filter((d) => d.cue).map((d) => ({
    cue: d.cuePhrase ?? d.cue!, kind: d.config ?? d.cls, source: d.sourcePhrase ?? d.source, content: d.content,
  }));
}

/** Every rule reading of an analysed document (for training the learned taggers on them). */
export function ruleReadingsOf(doc: Doc): RuleReading[] {
  const r = new Reader(doc);
  r.run();
  return ruleReadings(r);
}

/** Each rule reading with a cue, paired with the learned attribution whose cue overlaps it (one each). */
function matchLearned(drafts: Draft[], learned: LearnedAttribution[]): Map<Draft, LearnedAttribution> {
  const out = new Map<Draft, LearnedAttribution>();
  const taken = new Set<LearnedAttribution>();
  // Learned cues are disjoint and in text order: index them by token, so a long document is not quadratic.
  const at = new Map<number, LearnedAttribution>();
  for (const l of learned) for (let k = l.cue.s; k < l.cue.e; k++) at.set(k, l);
  for (const d of drafts) {
    const c = d.cuePhrase ?? d.cue;
    if (!c) continue;
    let l: LearnedAttribution | undefined;
    for (let k = c.s; k < c.e && !l; k++) {
      const x = at.get(k);
      if (x && !taken.has(x)) l = x;
    }
    if (l) {
      out.set(d, l);
      taken.add(l);
    }
  }
  return out;
}

/** Every verb-cue reading of a segmented document, with its cue token and scorer features (for training). */
export function cueCandidates(doc: Doc): { cueToken: number; features: string[] }[] {
  const r = new Reader(doc, true);
  r.run();
  return r.drafts.filter((d) => d.config && d.cue).map((d) => ({ cueToken: d.cue!.s, features: r.features(d) }));
}

/**
 * Every content-end decision of a segmented document's candidate readings (for training the boundary model): the
 * content's first token k, and per candidate end the character span the content would have after trimming.
 */
export function contentEndExamples(doc: Doc): { spans: { start: number; end: number }[]; features: string[][] }[] {
  const r = new Reader(doc, true);
  r.run();
  return r.endLog!.map((x) => ({ features: x.features, spans: x.ends.map((e) => trimmedSpan(r, x.k, e)) }));
}

/** The character span of content tokens `[s, e)` after the stage's trimming; `{-1, -1}` when nothing is left. */
function trimmedSpan(r: Reader, s: number, e: number): { start: number; end: number } {
  const t = r.trim({ s, e });
  return t.e > t.s ? { start: r.toks[t.s]!.start, end: r.toks[t.e - 1]!.end } : { start: -1, end: -1 };
}

/** Every content-start decision (for training): per candidate start the character span after trimming. */
export function contentStartExamples(doc: Doc): { spans: { start: number; end: number }[]; features: string[][] }[] {
  const r = new Reader(doc, true);
  r.run();
  return r.startLog!.map((x) => ({ features: x.features, spans: x.starts.map((s) => trimmedSpan(r, s, x.end)) }));
}

export const attributionStage: Stage = { name: 'attribution', run: (doc) => attribute(doc) };
/** The same stage with the learned span tagger (`--attribution tagger`). */
export const taggedAttributionStage: Stage = { name: 'attribution', run: (doc) => attribute(doc, true) };
