/**
 * Attribution stage: fills `doc.statements` with who said (or believes, or shows) what.
 *
 * Every cue (a speech, belief or evidence verb, "according to", a headline colon) is read in one of three
 * configurations:
 *   preposed  — `SUBJ CUE [addressee] [adjuncts] [that|:] CONTENT`        ("X told reporters on Monday that ...")
 *   postposed — `CONTENT , SUBJ CUE [adjuncts] [, CONTENT2]`, or inverted `CONTENT , CUE SUBJ`
 *   participial — `..., CUE-ing that CONTENT` whose speaker is the main clause's subject.
 * Quotes are found first (across sentences and paragraphs); a quote next to a cue becomes the content, a long
 * quote with no cue at all is a floating quote that inherits the previous speaker, and a short quoted term with
 * no cue (a scare quote, a title) is left alone.
 */
import type { Doc, Mention, Stage, Statement, Token } from '../../model/document.js';
import type { StatementKind } from '../../model/format.js';
import { CHANNEL_HEADS, EVIDENCE_NOUNS, cueInfo, type CueInfo } from './cues.js';
import { extendCoordination, isPronounHead, npEndingAt, npStartingAt } from './phrases.js';
import { chainHead, findQuotes, isQuoteMark, type Quote } from './quotes.js';
import { linkSpeaker } from './speakers.js';

/** Token range `[s, e)`. */
interface Range {
  s: number;
  e: number;
}

interface Draft {
  cls: CueInfo['cls'];
  /** The cue verb (with its particle) and the speaker phrase, as the product reports them. */
  cue: Range | null;
  source: Range | null;
  /** PolNeAR's wider spans: the cue with its verb group and adjuncts, the source with its appositive. */
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
}

/** Words between a subject and its verb that belong to neither: auxiliaries, negation, adverbs. */
const VERB_GROUP = new Set(['also', 'has', 'have', 'had', 'would', 'will', 'did', 'does', 'do', 'could', 'may',
  'might', 'should', 'can', 'later', 'then', 'repeatedly', 'previously', 'once', 'again', 'further', 'just',
  'already', 'often', 'never', 'not', "n't", 'always', 'recently', 'publicly', 'privately', 'reportedly',
  'still', 'even', 'first', 'flatly', 'openly', 'quickly', 'simply', 'long', 'explicitly', 'clearly', 'has']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s', "'re", '’re']);
/** Verbs whose -ed/-en form after "be" is passive ("was told"), so the subject is not the speaker. */
const PARTICIPLE = /(ed|told|said|written|known|seen|shown|found|thought|felt|read|understood)$/;
/** Forms wink often tags as nouns that are nearly always speech verbs in news copy. */
const STRONG_FORMS = new Set(['says', 'said', 'told', 'tells', 'added', 'wrote', 'tweeted', 'noted', 'asked']);
/** Particles that belong to the cue ("pointed out", "called for"). */
const PARTICLES: Record<string, Set<string>> = {
  point: new Set(['out', 'to']), points: new Set(['out', 'to']), pointed: new Set(['out', 'to']),
  pointing: new Set(['out', 'to']), call: new Set(['for', 'on']), calls: new Set(['for', 'on']),
  called: new Set(['for', 'on']), calling: new Set(['for', 'on']),
};
/** Prepositions that open an adjunct between a cue and its content ("said on Monday that"). */
const ADJUNCT_ADP = new Set(['on', 'in', 'at', 'during', 'via', 'through', 'after', 'before', 'over', 'from',
  'last', 'this', 'late', 'early', 'earlier']);
const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today',
  'yesterday', 'tonight', 'week', 'weekend', 'month', 'year', 'morning', 'afternoon', 'evening', 'night', 'day',
  'time', 'earlier', 'later', 'recently', 'ago', 'january', 'february', 'march', 'april', 'may', 'june', 'july',
  'august', 'september', 'october', 'november', 'december', 'jan.', 'feb.', 'aug.', 'sept.', 'oct.', 'nov.',
  'dec.', 'again', 'also', 'repeatedly', 'publicly', 'previously', 'then', 'now', 'once', 'privately', 'too']);
/** Words that open the content clause ("explained how ..."), never an adjunct. */
const WH_WORDS = new Set(['that', 'how', 'why', 'when', 'where', 'whether', 'what', 'who', 'if']);
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
  /** Token index of each quote's closing mark → quote index. */
  readonly quoteClosedBy = new Map<number, number>();
  readonly quoteOpenedBy = new Map<number, number>();
  readonly drafts: Draft[] = [];

  constructor(readonly doc: Doc) {
    this.toks = doc.tokens;
    const found = findQuotes(doc);
    this.quotes = found.quotes;
    this.quoteOfToken = found.quoteOfToken;
    for (let qi = 0; qi < this.quotes.length; qi++) {
      const q = this.quotes[qi]!;
      if (q.tokStart > 0 && isQuoteMark(this.toks[q.tokStart - 1]!.text)) this.quoteOpenedBy.set(q.tokStart - 1, qi);
      if (q.tokEnd < this.toks.length && this.toks[q.tokEnd]!.start === q.close) this.quoteClosedBy.set(q.tokEnd, qi);
    }
  }

  /** Content ranges for a whole chain of paragraph-continued quotes, starting from any member. */
  quoteChain(qi: number): Range[] {
    const out: Range[] = [];
    for (let q = chainHead(this.quotes, qi); q >= 0; q = this.quotes[q]!.next) {
      out.push({ s: this.quotes[q]!.tokStart, e: this.quotes[q]!.tokEnd });
    }
    return out;
  }

  isVerbCue(t: number): CueInfo | undefined {
    const tok = this.toks[t]!;
    const info = cueInfo(tok.lower);
    if (!info) return undefined;
    const prev = t > 0 ? this.toks[t - 1]! : null;
    if (tok.pos !== 'VERB' && tok.pos !== 'AUX') {
      if (!STRONG_FORMS.has(tok.lower) || (prev && (prev.pos === 'DET' || prev.pos === 'ADJ'))) return undefined;
    }
    if (prev && prev.lower === 'to') return undefined; // infinitive: "declined to say"
    return info;
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
    this.splitNestedContent();
    this.continueQuotes();
    this.floatingQuotes();
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

  /**
   * The subject ending just before `v`, or null: `np` is the noun phrase, `phrase` adds a parenthetical between
   * it and the verb ("The ambassador, who did not provide details,").
   */
  subjectBefore(v: number, min: number): { np: Range; phrase: Range } | null {
    const { toks } = this;
    let end = v - 1;
    if (end < min) return null;
    const phraseEnd = toks[end]!.lower === ',' ? end : v;
    if (toks[end]!.lower === ',') {
      // "The ambassador, who did not provide details, said": skip back over the parenthetical.
      let c = end - 1;
      while (c >= min && toks[c]!.lower !== ',' && this.quoteOfToken[c]! < 0 && !isQuoteMark(toks[c]!.text)) c--;
      if (c <= min || toks[c]!.lower !== ',') return null;
      const inner = toks[c + 1]!;
      const parenthetical = inner.lower === 'who' || inner.lower === 'which' || inner.lower === 'whose'
        || inner.pos === 'DET' || inner.pos === 'PROPN' || inner.pos === 'NOUN' || inner.pos === 'ADJ';
      if (!parenthetical) return null;
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
    if (next.pos !== 'DET' && next.pos !== 'PROPN' && next.pos !== 'NOUN' && next.pos !== 'ADJ') return e;
    let k = e + 1;
    while (k < max && !isQuoteMark(toks[k]!.text) && toks[k]!.lower !== '.'
      && !(toks[k]!.lower === ',' && k + 1 < max && (toks[k + 1]!.pos === 'VERB' || isQuoteMark(toks[k + 1]!.text)))) k++;
    while (k > e + 1 && TRAILING_PUNCT.has(toks[k - 1]!.lower)) k--;
    return k;
  }

  /** The subject of the sentence's main clause, for participial cues ("..., arguing that ..."). */
  mainSubject(si: number, before: number): Range | null {
    const sent = this.doc.sentences[si]!;
    // The subject is the noun phrase right before the first verb of the sentence.
    for (let t = sent.tokenStart; t < before; t++) {
      const p = this.toks[t]!.pos;
      if (p === 'VERB' || p === 'AUX') {
        const v = this.verbGroupStart(t, sent.tokenStart);
        return this.subjectBefore(v, sent.tokenStart)?.np ?? null;
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
      if (TIME_WORDS.has(tok.lower) || (tok.pos === 'ADV' && !WH_WORDS.has(tok.lower))) {
        k++;
        continue;
      }
      if (ADJUNCT_ADP.has(tok.lower)) {
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

  verbCue(si: number, t: number, info: CueInfo): void {
    const { toks, doc } = this;
    const sent = doc.sentences[si]!;
    const min = sent.tokenStart;
    const max = sent.tokenEnd;
    let cueEnd = t + 1;
    const particles = PARTICLES[toks[t]!.lower];
    if (particles && cueEnd < max && particles.has(toks[cueEnd]!.lower)) cueEnd++;
    const v = this.verbGroupStart(t, min);
    // Passive ("was told", "is expected"): the grammatical subject did not speak.
    for (let i = v; i < t; i++) if (BE.has(toks[i]!.lower) && PARTICIPLE.test(toks[t]!.lower)) return;
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
      this.push(d);
      return;
    }
    const subject = this.subjectBefore(v, min);
    let source = subject?.np ?? null;
    d.sourcePhrase = subject?.phrase ?? null;
    let leftEdge = source ? source.s : v; // first token of the attribution clause
    let k = cueEnd;
    if (!source) {
      // Inverted: "..., said the spokesman" / "..., says Smith."
      const e = npStartingAt(toks, cueEnd, max);
      if (e > 0 && (e === max || CLAUSE_END.has(toks[e]!.lower) || toks[e]!.lower === '.'
        || this.channelAt(e, max))) {
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
    const afterAdjuncts = this.skipAdjuncts(k, max, d);
    if (k === cueEnd) d.cuePhrase!.e = afterAdjuncts;
    const restIsEmpty = afterAdjuncts >= max || toks[afterAdjuncts]!.lower === '.'
      || toks[afterAdjuncts]!.lower === ',' || isQuoteMark(toks[afterAdjuncts]!.text);
    if (restIsEmpty && (closesQuote !== undefined || (before >= min && CLAUSE_END.has(toks[before]!.lower)))) {
      if (closesQuote !== undefined) d.content.push(...this.quoteChain(closesQuote));
      else d.content.push({ s: min, e: before });
      const parts = d.content.length;
      this.continuation(d, afterAdjuncts, max, closesQuote !== undefined);
      d.quoteContinues = closesQuote !== undefined && d.content.length === parts;
      this.push(d);
      return;
    }
    d.channel = null;
    if (!source) return;
    if (!this.contentAfter(d, cueEnd, max, info)) return;
    this.push(d);
  }

  /** `"A," he said, "B."`: the quote (or clause) after the attribution belongs to the same statement. */
  continuation(d: Draft, k: number, max: number, leftWasQuote: boolean): void {
    const { toks } = this;
    if (k >= max || toks[k]!.lower !== ',') return;
    // The quote resumes after the attribution, possibly after a participial aside ("Tester said, referring to
    // the excuse, “you give ammunition ...”").
    for (let i = k + 1; i < max; i++) {
      if (!isQuoteMark(toks[i]!.text)) continue;
      const q = this.quoteOpenedBy.get(i);
      if (q !== undefined && toks[i - 1]!.lower === ',') d.content.push(...this.quoteChain(q));
      if (q !== undefined || leftWasQuote) return;
      break;
    }
    if (leftWasQuote) return;
    for (let i = k + 1; i < max; i++) if (this.quoteOfToken[i]! < 0 && this.isVerbCue(i)) return;
    if (k + 1 < max) d.content.push({ s: k + 1, e: max });
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
    }
    const adjunctsStart = k;
    k = this.skipAdjuncts(k, max, d);
    // Adjuncts right after the verb ("said Tuesday in a statement that") are part of the cue.
    if (d.cuePhrase && adjunctsStart === d.cuePhrase.e) d.cuePhrase.e = k;
    if (k < max && toks[k]!.lower === ',') k = this.skipAdjuncts(k + 1, max, d);
    if (k < max && (toks[k]!.lower === 'that' || toks[k]!.lower === ':')) k++;
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
    d.content.push({ s: k, e: max });
    return true;
  }

  /** "according to X[, quoting Y]": content is the rest of the sentence on the other side. */
  accordingTo(si: number, t: number): void {
    const { toks, doc } = this;
    const sent = doc.sentences[si]!;
    const min = sent.tokenStart;
    const max = sent.tokenEnd;
    const e = npStartingAt(toks, t + 2, max);
    if (e < 0) return;
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

  /** Headline or lead-in attribution by colon: "Trump: 'We will win'". */
  headlineColon(si: number): void {
    const { toks, doc } = this;
    const sent = doc.sentences[si]!;
    const min = sent.tokenStart;
    const max = sent.tokenEnd;
    for (let c = min + 1; c < Math.min(min + 7, max - 2); c++) {
      if (toks[c]!.lower !== ':' || this.quoteOfToken[c]! >= 0) continue;
      if (npEndingAt(toks, c - 1, min) !== min) return;
      if (!toks.slice(min, c).some((x) => x.pos === 'PROPN' || isPronounHead(x))) return;
      const d: Draft = {
        cls: 'speech', cue: { s: c, e: c + 1 }, source: { s: min, e: c }, cuePhrase: null, sourcePhrase: null,
        inheritFrom: null, content: [],
        channel: null, addressee: null, via: null, sentence: si, clause: min, quoteContinues: false,
      };
      const q = this.quoteOpenedBy.get(c + 1);
      d.content.push(...(q !== undefined ? this.quoteChain(q) : [{ s: c + 1, e: max }]));
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
        cls: 'speech', cue: null, source: null, cuePhrase: null, sourcePhrase: null, inheritFrom: prev, content: this.quoteChain(qi), channel: null,
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
    d.content = d.content.map((r) => this.trim(r)).filter((r) => r.e > r.s);
    if (d.content.length === 0) return;
    this.drafts.push(d);
  }

  /** Content without quote marks, a leading "that" outside quotes, or trailing punctuation. */
  trim(r: Range): Range {
    const { toks } = this;
    let { s, e } = r;
    while (s < e && (isQuoteMark(toks[s]!.text) || toks[s]!.lower === ':'
      || (toks[s]!.lower === 'that' && this.quoteOfToken[s]! < 0))) s++;
    while (e > s && TRAILING_PUNCT.has(toks[e - 1]!.lower)) e--;
    return { s, e };
  }
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

export function attribute(doc: Doc): void {
  const r = new Reader(doc);
  r.run();
  const sorted: Mention[] = [...doc.mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const span = (x: Range) => ({ start: doc.tokens[x.s]!.start, end: doc.tokens[x.e - 1]!.end });
  const out: Statement[] = [];
  const index = new Map<Draft, number>();
  for (const d of r.drafts) {
    const inherited = d.inheritFrom ? index.get(d.inheritFrom) : undefined;
    const base = inherited !== undefined ? out[inherited] : undefined;
    const speakerSpan = d.source ? span(d.source) : (base?.speakerSpan ?? null);
    const speakers = d.source ? linkSpeaker(doc, speakerSpan!, sorted) : (base?.speakers ?? []);
    const speakerText = speakerSpan ? doc.text.slice(speakerSpan.start, speakerSpan.end) : '';
    index.set(d, out.length);
    out.push({
      kind: kindOf(r, d, speakerText),
      speakerSpan: d.source ? speakerSpan : (base?.speakerSpan ?? null),
      speakers,
      speakerName: speakers.length === 0 ? (speakerText || base?.speakerName || null) : null,
      cue: d.cue ? span(d.cue) : null,
      content: d.content.map(span),
      channel: d.channel ? span(d.channel) : null,
      addressee: d.addressee ? span(d.addressee) : null,
      via: d.via ? linkSpeaker(doc, span(d.via), sorted) : [],
      sentence: d.sentence,
    });
    const st = out[out.length - 1]!;
    if (d.sourcePhrase && (d.sourcePhrase.s !== d.source?.s || d.sourcePhrase.e !== d.source.e)) {
      st.sourcePhrase = span(d.sourcePhrase);
    }
    if (d.cuePhrase && (d.cuePhrase.s !== d.cue?.s || d.cuePhrase.e !== d.cue.e)) st.cuePhrase = span(d.cuePhrase);
  }
  doc.statements = out;
}

export const attributionStage: Stage = { name: 'attribution', run: attribute };
