/**
 * Speech reported inside a quotation: `Day said, "Many people would ask me, 'Is he gay?' and I said, 'I will not
 * discuss it.'"` or `Schumer said, "So we told the president we needed the government open."`. The cues of the
 * first pass stand outside quotes only (a quoted "said" is the speaker's word); this pass reads the plain verbs of
 * saying inside a quote that is already some statement's content, when they open a clause of their own with a
 * subject. A first-person subject ("I said", "we told") is the quoted speaker, so the nested statement takes the
 * outer one's speaker.
 */
import type { ReadingContext } from './context.js';
import { addresseeEnd } from './content-ends.js';
import { cueInfo } from './cues.js';
import { draft, type Draft, type Range } from './draft.js';
import { isPronounHead, npEndingAt } from './phrases.js';

/** Plain verbs of saying that report speech inside a quote (finite forms; "saying" after a form of "be"). */
const NESTED_CUES = new Set([
  'say', 'says', 'said', 'saying', 'tell', 'tells', 'told', 'telling', 'ask', 'asks', 'asked', 'asking', 'reply',
  'replies', 'replied', 'answer', 'answers', 'answered', 'write', 'writes', 'wrote', 'warn', 'warns', 'warned',
  'insist', 'insists', 'insisted', 'explain', 'explains', 'explained', 'announce', 'announces', 'announced',
  'promise', 'promises', 'promised', 'claim', 'claims', 'claimed', 'argue', 'argues', 'argued', 'admit', 'admits',
  'admitted', 'deny', 'denies', 'denied',
]);
/** Words between the subject and the verb: auxiliaries and modals ("I've always said", "would ask"). */
const GROUP = new Set(['have', "'ve", 'has', "'s", 'had', "'d", 'would', 'will', "'ll", 'did', 'do', 'does', 'is',
  'was', 'are', 'were', 'am', "'m", "'re", 'always', 'often', 'also', 'once', 'then', 'just', 'even', 'already',
  'repeatedly', 'publicly', 'later', 'again']);
const BE_FORMS = new Set(['is', "'s", 'was', 'are', "'re", 'were', 'am', "'m"]);
const NEGATION = new Set(['not', "n't", 'never']);
/** Where a subject's clause may begin inside a quote. */
const CLAUSE_OPENERS = new Set(['and', 'but', 'so', 'or', 'then', ',', ';', ':', '.', '?', '!']);
/** Subjects that stand for the quoted speaker. */
const FIRST_PERSON = new Set(['i', 'we']);
/** Subjects that are no speaker ("it says", "that said"). */
const NOT_SPEAKERS = new Set(['it', 'this', 'that', 'which', 'who', 'what', 'there']);
const OBJECT_PRONOUNS = new Set(['me', 'us', 'him', 'her', 'them', 'you']);
/** Irregular past forms among NESTED_CUES. */
const PAST = new Set(['said', 'told', 'wrote']);
/** What a short adjunct between the verb and "that" is made of ("for years", "many times"). */
const ADJUNCT_WORD = new Set(['ADP', 'NOUN', 'NUM', 'ADV', 'DET', 'ADJ', 'SCONJ']);
const CONJUNCTIONS = new Set(['and', 'but', 'so', 'or', 'yet']);
const HYPOTHETICAL = new Set(['would', "'d"]);
const FUTURE = new Set(['will', "'ll"]);
/** Addressees that are the quoted speaker. */
const TO_SPEAKER = new Set(['me', 'us']);
const INNER_MARKS = new Set(["'", '‘', '’']);
/** What ends an unquoted clause inside the quote. */
const CLAUSE_STOPS = new Set(['.', '?', '!', ';', '—', '–', '--', '―', ':']);

/** The inner quotation opening at k (`'...'`), closed by a mark after punctuation or at the outer quote's end. */
function innerQuote(cx: ReadingContext, k: number, end: number): Range | null {
  const { toks } = cx;
  if (k >= end || !INNER_MARKS.has(toks[k]!.text)) return null;
  for (let j = k + 2; j < end; j++) {
    if (INNER_MARKS.has(toks[j]!.text) && /^[.?!,]$/.test(toks[j - 1]!.text)) return { s: k + 1, e: j };
  }
  return { s: k + 1, e: end };
}

/** An unquoted clause inside the quote from k: to the sentence's end, a dash, or a "but" opening another clause. */
function innerClause(cx: ReadingContext, k: number, end: number): Range | null {
  const { toks } = cx;
  let e = k;
  while (e < end && !CLAUSE_STOPS.has(toks[e]!.lower) && toks[e]!.sentence === toks[k]!.sentence
    && !(toks[e]!.lower === 'but' && e > k) && !INNER_MARKS.has(toks[e]!.text)
    && !(toks[e]!.lower === ',' && e + 1 < end && (CONJUNCTIONS.has(toks[e + 1]!.lower) || toks[e + 1]!.lower.endsWith('ing')))) e++;
  while (e > k && toks[e - 1]!.lower === ',') e--;
  // A clause opens on its subject ("I was like ..."), not on an object or a preposition ("said it over and over").
  const open = toks[k]!;
  if (open.pos === 'ADP' || (open.pos === 'PRON' && k + 1 < e && toks[k + 1]!.pos !== 'AUX' && toks[k + 1]!.pos !== 'VERB')) return null;
  const finite = toks.slice(k, e).some((t) => t.pos === 'AUX' || (t.pos === 'VERB' && !t.lower.endsWith('ing')));
  return e - k >= 2 && finite ? { s: k, e } : null;
}

/** The nested reading of the verb at t inside the quoted range q of `outer`, or null. */
function nestedAt(cx: ReadingContext, outer: Draft, q: Range, t: number): Draft | null {
  const { toks } = cx;
  const verb = toks[t]!;
  if (!NESTED_CUES.has(verb.lower) || verb.pos !== 'VERB' || cueInfo(verb.lower)?.cls !== 'speech') return null;
  let v = t;
  while (v - 1 > q.s && GROUP.has(toks[v - 1]!.lower)) v--;
  for (let i = v; i < t; i++) if (NEGATION.has(toks[i]!.lower)) return null;
  if (verb.lower.endsWith('ing') && !(t - 1 >= v && BE_FORMS.has(toks[t - 1]!.lower))) return null;
  if (v - 1 < q.s) return null;
  // "we warn the Saudis that ...", "you say you ...": a first- or second-person present is the speech act itself,
  // made in the quote; "I'll tell you", "I would say" are not reports either.
  const person = toks[v - 1]!.lower;
  if (v === t && (FIRST_PERSON.has(person) || person === 'you') && !/ed$/.test(verb.lower) && !PAST.has(verb.lower)) return null;
  for (let i = v; i < t; i++) if (HYPOTHETICAL.has(toks[i]!.lower) && FIRST_PERSON.has(person)) return null;
  for (let i = v; i < t; i++) if (FUTURE.has(toks[i]!.lower)) return null;
  const subj = isPronounHead(toks[v - 1]!) ? v - 1 : npEndingAt(toks, v - 1, q.s);
  if (subj < 0 || NOT_SPEAKERS.has(toks[subj]!.lower) || NOT_SPEAKERS.has(toks[v - 1]!.lower)) return null;
  // The subject opens a clause: the quote's start, a conjunction or punctuation; not a relative ("what I said").
  if (subj > q.s && !CLAUSE_OPENERS.has(toks[subj - 1]!.lower) && toks[subj - 1]!.sentence === toks[subj]!.sentence) return null;
  let k = t + 1;
  let addressee: Range | null = null;
  // "ask me", "told the president": whom it was said to.
  if (k < q.e && (OBJECT_PRONOUNS.has(toks[k]!.lower) || cueInfo(verb.lower)?.addressee)) {
    const e = OBJECT_PRONOUNS.has(toks[k]!.lower) ? k + 1 : addresseeEnd(cx, k, q.e);
    if (e > k) {
      addressee = { s: k, e };
      k = e;
    }
  }
  if (k < q.e && (toks[k]!.lower === ',' || toks[k]!.lower === ':')) k++;
  let content = innerQuote(cx, k, q.e);
  const direct = content !== null;
  if (!content) {
    // "have said for years that ...": a short adjunct before "that".
    for (let i = k; i < Math.min(q.e, k + 5); i++) {
      if (toks[i]!.lower === 'that' && i > k) {
        k = i;
        break;
      }
      if (!ADJUNCT_WORD.has(toks[i]!.pos)) break;
    }
    if (k < q.e && toks[k]!.lower === 'that') k++;
    content = innerClause(cx, k, q.e);
  }
  if (!content) return null;
  const first = FIRST_PERSON.has(toks[subj]!.lower) && subj === v - 1;
  // Only what the quoted speaker says was said by them or to them ("I said", "we told", "people would ask me"):
  // PolNeAR leaves a third party's words inside a quote to the quote ("he said, 'Our approach hasn't worked'").
  if (!first && !(addressee && addressee.e - addressee.s === 1 && TO_SPEAKER.has(toks[addressee.s]!.lower))) return null;
  const source: Range | null = first ? outer.source : { s: subj, e: v };
  return draft({
    cls: 'speech', cue: { s: t, e: t + 1 }, cuePhrase: { s: v, e: t + 1 }, source, sourcePhrase: source,
    inheritFrom: source ? null : outer, content: [content], addressee, sentence: verb.sentence, clause: subj,
    kind: direct ? 'direct' : 'indirect',
  });
}

/** Adds the nested readings of every quote that is a statement's content; keeps the readings in text order. */
export function nestedSpeech(cx: ReadingContext): void {
  const found: Draft[] = [];
  // A quote may be the content of two readings; each verb in it is read once.
  const seen = new Set<number>();
  for (const outer of cx.drafts) {
    for (const q of outer.content) {
      if (cx.quoteOfToken[q.s]! < 0) continue;
      for (let t = q.s + 1; t < q.e; t++) {
        const d = seen.has(t) ? null : nestedAt(cx, outer, q, t);
        if (d) {
          found.push(d);
          seen.add(t);
        }
      }
    }
  }
  if (found.length === 0) return;
  cx.drafts.push(...found);
  cx.drafts.sort((a, b) => cx.firstOffset(a) - cx.firstOffset(b));
}
