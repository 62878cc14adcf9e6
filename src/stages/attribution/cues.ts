import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Token } from '../../model/document.js';
import { packageRoot } from '../../util/paths.js';
import { noteMissingModel } from '../../util/model-files.js';

/**
 * Cue lexicon: the verbs that introduce what someone said (speech), thought (belief) or what a source shows
 * (evidence: "polls show", "the study found"). Speech cues make direct/indirect/mixed statements; belief and
 * evidence cues make PolNeAR's wider attributions, kind 'other'.
 */

export type CueClass = 'speech' | 'belief' | 'evidence';

export interface CueInfo {
  cls: CueClass;
  /** The verb takes an addressee object before its content ("told reporters that ..."). */
  addressee: boolean;
}

/** Base forms; inflections are generated below (irregular ones listed explicitly). */
const SPEECH = [
  'say', 'tell', 'add', 'note', 'write', 'ask', 'announce', 'report', 'tweet', 'argue', 'explain', 'continue',
  'acknowledge', 'declare', 'claim', 'state', 'insist', 'warn', 'recall', 'reply', 'respond', 'stress',
  'emphasize', 'emphasise', 'admit', 'deny', 'confirm', 'reveal', 'predict', 'promise', 'pledge', 'vow', 'concede',
  'contend', 'assert', 'maintain', 'observe', 'remark', 'comment', 'complain', 'conclude', 'agree', 'testify',
  'allege', 'joke', 'quip', 'boast', 'scoff', 'post', 'urge', 'suggest', 'indicate', 'mention', 'disclose',
  'proclaim', 'recount', 'retort', 'counter', 'caution', 'lament', 'muse', 'wonder', 'demand', 'threaten',
  'propose', 'repeat', 'reiterate', 'assure', 'inform', 'brief', 'advise', 'announce', 'estimate', 'describe',
  'call', 'accuse', 'criticize', 'criticise', 'praise', 'blame', 'question', 'dismiss', 'reject', 'signal',
  'charge', 'contend', 'shout', 'yell', 'exclaim', 'whisper', 'snap', 'chime', 'opine', 'blog', 'email',
  'tout', 'hint', 'specify', 'point', 'cite', 'summarize', 'summarise', 'acknowledge', 'recommend', 'forecast',
  'project', 'hail', 'slam', 'blast', 'attack', 'defend', 'endorse', 'declare', 'order', 'read', 'quote',
];
const BELIEF = [
  'believe', 'think', 'feel', 'hope', 'fear', 'expect', 'know', 'want', 'doubt', 'worry', 'suspect', 'assume',
  'understand', 'consider', 'guess', 'reckon', 'figure', 'imagine', 'realize', 'realise', 'recognize',
  'recognise', 'wish', 'plan', 'intend', 'prefer', 'support', 'oppose', 'favor', 'favour', 'view', 'see',
];
const EVIDENCE = ['show', 'find', 'suggest', 'indicate', 'reveal', 'conclude', 'estimate', 'project', 'confirm'];

const IRREGULAR: Record<string, string[]> = {
  say: ['says', 'said', 'saying'], tell: ['tells', 'told', 'telling'], write: ['writes', 'wrote', 'written',
    'writing'], think: ['thinks', 'thought', 'thinking'], feel: ['feels', 'felt', 'feeling'],
  know: ['knows', 'knew', 'known', 'knowing'], find: ['finds', 'found', 'finding'], show: ['shows', 'showed',
    'shown', 'showing'], understand: ['understands', 'understood', 'understanding'], see: ['sees', 'saw', 'seen',
    'seeing'], read: ['reads', 'reading'], forecast: ['forecasts', 'forecasting'], quip: ['quips', 'quipped',
    'quipping'], snap: ['snaps', 'snapped', 'snapping'], signal: ['signals', 'signaled', 'signalled', 'signaling',
    'signalling'], blog: ['blogs', 'blogged', 'blogging'], favor: ['favors', 'favored', 'favoring'],
  favour: ['favours', 'favoured', 'favouring'], admit: ['admits', 'admitted', 'admitting'],
  slam: ['slams', 'slammed', 'slamming'], plan: ['plans', 'planned', 'planning'],
  prefer: ['prefers', 'preferred', 'preferring'],
};

/** Regular English inflections: -s, -ed, -ing with the usual spelling changes. */
function inflect(base: string): string[] {
  if (IRREGULAR[base]) return [base, ...IRREGULAR[base]!];
  const s = /(s|sh|ch|x|z)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`;
  let ed: string;
  let ing: string;
  if (base.endsWith('e')) {
    ed = `${base}d`;
    ing = base.endsWith('ee') ? `${base}ing` : `${base.slice(0, -1)}ing`;
  } else if (/[^aeiou]y$/.test(base)) {
    ed = `${base.slice(0, -1)}ied`;
    ing = `${base}ing`;
  } else {
    ed = `${base}ed`;
    ing = `${base}ing`;
  }
  return [base, s, ed, ing];
}

/** Verbs whose first object is the person told ("told reporters that ..."). */
const ADDRESSEE_FIRST = new Set(['tell', 'inform', 'assure', 'brief', 'advise']);

function build(): Map<string, CueInfo> {
  const m = new Map<string, CueInfo>();
  const add = (bases: string[], cls: CueClass) => {
    for (const b of bases) {
      for (const f of inflect(b)) {
        if (!m.has(f)) m.set(f, { cls, addressee: ADDRESSEE_FIRST.has(b) });
      }
    }
  };
  // Speech first: verbs in two lists ("suggest", "reveal") are speech unless the subject is a poll or a study,
  // which the stage checks with EVIDENCE_NOUNS.
  add(SPEECH, 'speech');
  add(BELIEF, 'belief');
  add(EVIDENCE, 'evidence');
  return m;
}

const LEXICON = build();

export function cueInfo(lower: string): CueInfo | undefined {
  return LEXICON.get(lower);
}

/** Nouns that make a subject an evidence source rather than a speaker ("the poll found"). */
export const EVIDENCE_NOUNS = new Set([
  'poll', 'polls', 'survey', 'surveys', 'study', 'studies', 'report', 'reports', 'data', 'analysis', 'research',
  'investigation', 'review', 'audit', 'figures', 'statistics', 'numbers', 'results', 'findings', 'evidence',
  'records', 'documents', 'document', 'test', 'tests', 'estimate', 'estimates', 'census', 'model', 'models',
]);

/** Channel nouns: "in a statement", "at a press conference", "in an interview with ...", "on Twitter". */
export const CHANNEL_HEADS = new Set([
  'statement', 'statements', 'interview', 'interviews', 'conference', 'briefing', 'speech', 'address', 'tweet',
  'tweets', 'post', 'posts', 'email', 'emails', 'e-mail', 'letter', 'letters', 'video', 'broadcast', 'radio',
  'television', 'tv', 'blog', 'podcast', 'remarks', 'testimony', 'hearing', 'twitter', 'facebook', 'instagram',
  'telegram', 'x', 'youtube', 'tiktok', 'op-ed', 'column', 'article', 'memo', 'release', 'message', 'call',
  'rally', 'appearance', 'session', 'meeting', 'event', 'debate', 'town', 'show', 'program', 'programme',
  'newspaper', 'website', 'channel', 'network', 'station', 'summit', 'forum', 'communique', 'communiqué',
  'memoir', 'memoirs', 'autobiography', 'book', 'ceremony', 'sermon', 'lecture', 'documentary', 'newsletter',
  'editorial', 'livestream', 'announcement', 'gaggle', 'filing', 'report',
]);

/** Forms wink often tags as nouns that are nearly always speech verbs in news copy. */
const STRONG_FORMS = new Set(['says', 'said', 'told', 'tells', 'added', 'wrote', 'tweeted', 'noted', 'asked']);

/**
 * A token that may be a cue verb at all: a verb, a strong speech form mis-tagged as a noun, or a lexicon verb form
 * tagged as a noun right after a subject-like word ("Viguerie notes", "the reports show", "Six in 10 say").
 */
export function isCueCandidate(pos: string, lower: string, prevPos = ''): boolean {
  if (pos === 'VERB' || pos === 'AUX' || STRONG_FORMS.has(lower)) return true;
  return pos === 'NOUN' && SUBJECT_END.has(prevPos) && LEXICON.has(lower);
}

const SUBJECT_END = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);

/** Forms seen fewer times than this in training keep the hand lexicon's verdict. */
const MIN_SUPPORT = 5;
let learned: Map<string, number> | null = null;

/**
 * How often a form heads a cue in PolNeAR train (models/attribution/cues.json, from scripts/train-attribution.ts),
 * or undefined when it was too rare to tell. Without the model file every form is undefined.
 */
export function learnedCueRate(lower: string): number | undefined {
  if (!learned) {
    learned = new Map();
    const file = path.join(packageRoot(), 'models/attribution/cues.json');
    if (!existsSync(file)) noteMissingModel(file);
    if (existsSync(file)) {
      const forms = (JSON.parse(readFileSync(file, 'utf8')) as { forms: Record<string, [number, number]> }).forms;
      for (const [form, [cue, seen]] of Object.entries(forms)) if (seen >= MIN_SUPPORT) learned.set(form, cue / seen);
    }
  }
  return learned.get(lower);
}

/** Below this rate a verb outside the hand lexicon is not even a candidate. */
const CANDIDATE_RATE = 0.05;
/** A verb PolNeAR often uses as a cue that the hand lexicon lacks ("endorsed", "seemed"): a wider attribution. */
const LEARNED_ONLY: CueInfo = { cls: 'belief', addressee: false };

/**
 * Token t as a verb that may be a cue (in the hand lexicon, or seen as a PolNeAR cue now and then), or undefined;
 * whether its reading stands is decided later (see keepReading in scorer-features.ts).
 */
export function verbCueAt(toks: Token[], t: number): CueInfo | undefined {
  const tok = toks[t]!;
  const prev = t > 0 ? toks[t - 1]! : null;
  if (!isCueCandidate(tok.pos, tok.lower, prev?.pos)) return undefined;
  if (tok.pos !== 'VERB' && tok.pos !== 'AUX' && prev && (prev.pos === 'DET' || prev.pos === 'ADJ')) return undefined;
  if (prev && prev.lower === 'to') return undefined; // infinitive: "declined to say"
  // "the Holy See said": a capitalised word after a capitalised name word is part of the name.
  if (prev && /^[A-Z]/.test(tok.text) && prev.pos === 'PROPN' && /^[A-Z]/.test(prev.text)) return undefined;
  const hand = cueInfo(tok.lower);
  if (hand) return hand;
  const rate = learnedCueRate(tok.lower);
  return rate !== undefined && rate >= CANDIDATE_RATE ? LEARNED_ONLY : undefined;
}

let particleTable: Map<string, [number, number]> | null = null;

/**
 * How likely a PolNeAR cue verb takes the preposition or particle after it into the cue ("complained about",
 * "warned against", "promised to"): [times included, times seen] per `form|word` and per `|word`, from PolNeAR
 * train (cues.json `particles`); smoothed towards the word's overall rate. 0 without the model file.
 */
export function particleRate(form: string, word: string): number {
  if (!particleTable) {
    particleTable = new Map();
    const file = path.join(packageRoot(), 'models/attribution/cues.json');
    if (!existsSync(file)) noteMissingModel(file);
    if (existsSync(file)) {
      const raw = JSON.parse(readFileSync(file, 'utf8')) as { particles?: Record<string, [number, number]> };
      for (const [k, v] of Object.entries(raw.particles ?? {})) particleTable.set(k, v);
    }
  }
  const general = particleTable.get(`|${word}`);
  if (!general || general[1] < MIN_SUPPORT) return 0;
  const prior = general[0] / general[1];
  const own = particleTable.get(`${form}|${word}`) ?? [0, 0];
  return (own[0] + 2 * prior) / (own[1] + 2);
}
