/**
 * Events: what happened, who took part, when and where. A first, shallow layer: a trigger is a content verb
 * (or a handful of event nouns such as "collapse", "invasion") that is neither a speech cue nor an auxiliary,
 * and that has an entity or a time expression in its clause. Participants come from the nearest entity
 * mentions before (agent) and after (patient) the trigger inside the clause; time is the timex of the clause,
 * place the location mention introduced by in/at/near.
 *
 * Events inside a statement's content are reported by that statement's speaker (`statement`), the rest by
 * the report itself.
 */
import type { Doc, DocEvent, Stage, TimeRelation, Token } from '../model/document.js';
import { firstStartingAt } from '../util/sorted.js';

/** Verbs that only carry grammar, speech or stance: never event triggers on their own. */
const NON_EVENT_VERBS = new Set([
  'be', 'is', 'are', 'was', 'were', 'been', 'being', 'am', "'s", "'re", "'m",
  'have', 'has', 'had', 'having', 'do', 'does', 'did', 'done',
  'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must',
  'say', 'says', 'said', 'saying', 'tell', 'tells', 'told', 'telling', 'add', 'adds', 'added',
  'stress', 'stressed', 'recall', 'recalled', 'continue', 'continued', 'argue', 'argued', 'arguing',
  'claim', 'claimed', 'note', 'noted', 'explain', 'explained', 'insist', 'insisted', 'want', 'wanted',
  'try', 'tried', 'seem', 'seemed', 'become', 'became', 'get', 'got', 'make', 'made', 'go', 'went',
  'provide', 'provided', 'confirm', 'confirmed', 'deny', 'denied', 'believe', 'believed', 'think', 'thought',
]);
/** Event nouns worth a trigger even without a verb. */
const EVENT_NOUNS = new Set([
  'collapse', 'invasion', 'attack', 'attacks', 'election', 'elections', 'war', 'strike', 'strikes',
  'explosion', 'earthquake', 'coup', 'referendum', 'ceasefire', 'summit', 'visit', 'arrest', 'crash',
  'fire', 'flood', 'shooting', 'bombing', 'negotiations', 'talks', 'annexation', 'protest', 'protests',
]);
const PLACE_TYPES = new Set(['GPE', 'LOC', 'FAC']);
const PLACE_PREPS = new Set(['in', 'at', 'near', 'inside', 'across']);

const RELATION_WORDS: Record<string, TimeRelation> = {
  since: 'since', until: 'until', till: 'until', before: 'before', after: 'after', during: 'during', throughout: 'during',
};

/** The preposition right before a timex says how the event sits in time ("since August" → since). */
function relationOf(doc: Doc, timexStart: number): TimeRelation {
  const before = doc.text.slice(Math.max(0, timexStart - 12), timexStart).toLowerCase();
  const m = /([a-z]+)\s+$/.exec(before);
  return (m && RELATION_WORDS[m[1]!]) || 'at';
}

const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re"]);

/** "was occupied", "had been signed", "partially occupied by": a past participle after a form of be, or before "by". */
function isPassive(tokens: Token[], i: number, sentStart: number): boolean {
  if (!/ed$|en$|wn$/.test(tokens[i]!.lower)) return false;
  for (let k = i - 1; k >= sentStart && k >= i - 3; k--) {
    const w = tokens[k]!;
    if (BE_FORMS.has(w.lower)) return true;
    if (w.pos !== 'ADV' && w.pos !== 'PART') break;
  }
  return tokens[i + 1]?.lower === 'by';
}

/** The last mention before the trigger and the ones joined to it by "and" / "," / "or" only. */
function coordinated(text: string, before: { start: number; end: number; entity: number }[]): number[] {
  const last = before[before.length - 1];
  if (!last) return [];
  const out = [last.entity];
  for (let k = before.length - 2; k >= 0; k--) {
    const gap = text.slice(before[k]!.end, before[k + 1]!.start);
    if (!/^\s*(?:,\s*|,?\s*(?:and|or)\s+(?:the\s+)?)$/i.test(gap)) break;
    if (!out.includes(before[k]!.entity)) out.unshift(before[k]!.entity);
  }
  return out;
}

function isClauseBreak(t: Token): boolean {
  return t.text === ';' || t.text === ':' || t.pos === 'SCONJ' || t.pos === 'CCONJ' && t.lower !== 'and';
}

function isTrigger(t: Token): boolean {
  if (t.pos === 'VERB') return !NON_EVENT_VERBS.has(t.lower) && t.lower.length > 2;
  return t.pos === 'NOUN' && EVENT_NOUNS.has(t.lower);
}

/**
 * For every token, the first statement whose content contains it (-1 for none): one pass over the statements,
 * so looking up who reports an event does not rescan them per trigger.
 */
function contentOwners(doc: Doc): Int32Array {
  const { tokens } = doc;
  const owner = new Int32Array(tokens.length).fill(-1);
  doc.statements.forEach((st, si) => {
    for (const c of st.content) {
      for (let i = firstStartingAt(tokens, c.start); i < tokens.length && tokens[i]!.end <= c.end; i++) if (owner[i]! < 0) owner[i] = si;
    }
  });
  return owner;
}

export function findEvents(doc: Doc): DocEvent[] {
  const out: DocEvent[] = [];
  const { tokens, mentions, timexes } = doc;
  const owner = contentOwners(doc);
  // Timex indices in text order, walked alongside the sentences like the mentions.
  const timexOrder = timexes.map((_, k) => k).sort((a, b) => timexes[a]!.start - timexes[b]!.start);
  let mi = 0;
  let ti = 0;
  for (const sent of doc.sentences) {
    while (mi < mentions.length && mentions[mi]!.end <= sent.start) mi++;
    const sentMentions = [];
    for (let k = mi; k < mentions.length && mentions[k]!.start < sent.end; k++) {
      if (mentions[k]!.entity >= 0) sentMentions.push(mentions[k]!);
    }
    while (ti < timexOrder.length && timexes[timexOrder[ti]!]!.start < sent.start) ti++;
    const sentTimexes: number[] = [];
    for (let k = ti; k < timexOrder.length && timexes[timexOrder[k]!]!.start < sent.end; k++) {
      if (timexes[timexOrder[k]!]!.end <= sent.end) sentTimexes.push(timexOrder[k]!);
    }
    for (let i = sent.tokenStart; i < sent.tokenEnd; i++) {
      const t = tokens[i]!;
      if (!isTrigger(t)) continue;
      // clause bounds around the trigger
      let a = i;
      while (a > sent.tokenStart && !isClauseBreak(tokens[a - 1]!)) a--;
      let b = i + 1;
      while (b < sent.tokenEnd && !isClauseBreak(tokens[b]!) && !(tokens[b]!.pos === 'VERB' && isTrigger(tokens[b]!))) b++;
      const lo = tokens[a]!.start;
      const hi = tokens[b - 1]!.end;
      const before = sentMentions.filter((m) => m.end <= t.start && m.start >= lo);
      const after = sentMentions.filter((m) => m.start >= t.end && m.end <= hi);
      const participants: { role: string; entity: number }[] = [];
      const passive = isPassive(tokens, i, sent.tokenStart);
      // The subject: the nearest mention before the trigger plus those coordinated with it ("Russia and North Korea").
      const subject = coordinated(doc.text, before);
      let place: number | null = null;
      let object: number | null = null;
      let byAgent: number | null = null;
      for (const m of after) {
        const prep = m.tokenStart > 0 ? tokens[m.tokenStart - 1]! : null;
        const prep2 = m.tokenStart > 1 ? tokens[m.tokenStart - 2]! : null;
        const introducedBy = prep?.pos === 'DET' || prep?.pos === 'ADJ' ? prep2?.lower : prep?.lower;
        if (place === null && PLACE_TYPES.has(m.type) && introducedBy !== undefined && PLACE_PREPS.has(introducedBy)) { place = m.entity; continue; }
        if (passive && byAgent === null && introducedBy === 'by') { byAgent = m.entity; continue; }
        if (object === null && !(introducedBy !== undefined && PLACE_PREPS.has(introducedBy)) && !subject.includes(m.entity)) object = m.entity;
      }
      // In the passive the grammatical subject is what the event happened to, and "by X" is who did it.
      if (passive) {
        if (byAgent !== null) participants.push({ role: 'agent', entity: byAgent });
        for (const e of subject) participants.push({ role: 'patient', entity: e });
      } else {
        for (const e of subject) participants.push({ role: 'agent', entity: e });
        if (object !== null) participants.push({ role: 'patient', entity: object });
      }
      const inClause = sentTimexes.find((x) => timexes[x]!.start >= lo && timexes[x]!.end <= hi);
      const timex = inClause ?? (sentTimexes.length === 1 ? sentTimexes[0] : undefined);
      if (participants.length === 0 && timex === undefined && place === null) continue;
      const st = owner[i]!;
      out.push({
        trigger: { start: t.start, end: t.end },
        participants,
        time: timex ?? null,
        timeRelation: timex !== undefined ? relationOf(doc, timexes[timex]!.start) : null,
        place,
        statement: st >= 0 ? st : null,
      });
    }
  }
  return out;
}

/** `entities`: participants and places are the entities of the mentions around a trigger (`mention.entity`). */
export const eventStage: Stage = {
  name: 'events',
  requires: ['tokens', 'sentences', 'mentions', 'entities', 'timexes', 'statements'],
  assigns: ['events'],
  writesMeta: [],
  run(doc: Doc) { doc.events = findEvents(doc); },
};
