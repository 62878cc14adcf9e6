/**
 * Stories and their timelines. Articles (one per copy group) join a story when their keyword and entity vectors,
 * weighted by rarity, are close (cosine) and their publication dates are within `STORY_WINDOW_DAYS`; copies are
 * always one story. The timeline of a story orders its events and statements by event time; a statement's event
 * time is the time of the event it reports, else none, and then it sorts by its report time. Unresolved times
 * stay visible (`resolved: false`, the TIMEX3 value with its X placeholders), and the report time is shown
 * beside the event time. Items repeated by copies appear once, with every document that carries them.
 */
import { tag } from './hash.js';
import type { DocDigest } from './record.js';
import { dayNumber, words } from './text.js';

export const STORY_SIMILARITY = 0.25;
export const STORY_WINDOW_DAYS = 21;
/** Features (keywords, entities) in more articles than this are too common to link two articles into a story. */
export const MAX_STORY_FEATURE_DF = 50;

export interface Story {
  id: string;
  title: string | null;
  /** Document ids, earliest first; copies included. */
  documents: string[];
  first: string | null;
  last: string | null;
}

export interface TimelineItem {
  kind: 'event' | 'statement';
  /** The event's trigger word(s); null for statements. */
  trigger: string | null;
  /** The event's sentence, or the statement's content. */
  text: string;
  /** Event time as a TIMEX3 value, when known; `resolved` false keeps X placeholders explicit. */
  eventTime: string | null;
  eventTimeText: string | null;
  resolved: boolean;
  relation: string | null;
  /** When it was reported: the statement's date, else the publication date. */
  reportTime: string | null;
  speaker: { id: string | null; name: string } | null;
  documents: string[];
}

export interface Timeline {
  story: Story;
  items: TimelineItem[];
}

export interface StoryContext {
  docs: readonly DocDigest[];
  live: (doc: number) => boolean;
  origin: (doc: number) => number;
  /** Corpus entity ids of a document's people, organisations and places mentioned at least twice. */
  salientEntities: (doc: number) => string[];
}

export function groupStories(ctx: StoryContext): { stories: Story[]; storyOf: Map<number, number> } {
  const reps: number[] = [];
  ctx.docs.forEach((_, n) => { if (ctx.live(n) && ctx.origin(n) === n) reps.push(n); });
  const vectors = new Map<number, Map<string, number>>();
  const df = new Map<string, number>();
  for (const n of reps) {
    const v = new Map<string, number>();
    for (const [k, c] of ctx.docs[n]!.keywords) v.set(`w:${k}`, c);
    for (const e of ctx.salientEntities(n)) v.set(`e:${e}`, (v.get(`e:${e}`) ?? 0) + 3);
    for (const k of v.keys()) df.set(k, (df.get(k) ?? 0) + 1);
    vectors.set(n, v);
  }
  const total = reps.length;
  const weighted = new Map<number, Map<string, number>>();
  for (const [n, v] of vectors) {
    const w = new Map<string, number>();
    let norm = 0;
    for (const [k, c] of v) {
      const x = Math.sqrt(c) * Math.log(1 + total / df.get(k)!);
      w.set(k, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [k, x] of w) w.set(k, x / norm);
    weighted.set(n, w);
  }
  const parent = new Map<number, number>(reps.map((n) => [n, n]));
  const find = (n: number): number => {
    let r = n;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(n, r);
    return r;
  };
  // A feature shared by more articles than a story has is no evidence of one story (and would make the pass
  // quadratic): only features rarer than this link articles.
  const postings = new Map<string, number[]>();
  const maxPosting = MAX_STORY_FEATURE_DF;
  for (const n of reps) {
    const w = weighted.get(n)!;
    const day = dayNumber(ctx.docs[n]!.published);
    const scores = new Map<number, number>();
    for (const [k, x] of w) {
      const list = postings.get(k);
      if (!list) continue;
      for (const m of list) scores.set(m, (scores.get(m) ?? 0) + x * weighted.get(m)!.get(k)!);
    }
    for (const [m, s] of scores) {
      if (s < STORY_SIMILARITY) continue;
      const other = dayNumber(ctx.docs[m]!.published);
      if (day !== null && other !== null && Math.abs(day - other) > STORY_WINDOW_DAYS) continue;
      const a = find(n);
      const b = find(m);
      if (a !== b) parent.set(Math.max(a, b), Math.min(a, b));
    }
    for (const k of w.keys()) {
      if (df.get(k)! > maxPosting) continue;
      let list = postings.get(k);
      if (!list) postings.set(k, list = []);
      if (list.length < maxPosting) list.push(n);
    }
  }
  const members = new Map<number, number[]>();
  ctx.docs.forEach((_, n) => {
    if (!ctx.live(n)) return;
    const r = find(ctx.origin(n));
    const l = members.get(r);
    if (l) l.push(n); else members.set(r, [n]);
  });
  const stories: Story[] = [];
  const storyOf = new Map<number, number>();
  for (const [root, ns] of members) {
    ns.sort((a, b) => cmpDocs(ctx.docs, a, b));
    const dates = ns.map((n) => ctx.docs[n]!.published).filter((x): x is string => !!x).sort();
    const first = ctx.docs[ns[0]!]!;
    for (const n of ns) storyOf.set(n, stories.length);
    stories.push({
      id: `story:${tag(ctx.docs[root]!.id)}`, title: first.title, documents: ns.map((n) => ctx.docs[n]!.id),
      first: dates[0] ?? null, last: dates[dates.length - 1] ?? null,
    });
  }
  return { stories, storyOf };
}

function cmpDocs(docs: readonly DocDigest[], a: number, b: number): number {
  const x = docs[a]!.published;
  const y = docs[b]!.published;
  if (x && y && x !== y) return x < y ? -1 : 1;
  return a - b;
}

export interface TimelineContext {
  docs: readonly DocDigest[];
  boilerplate: (doc: number) => ReadonlySet<number>;
  speaker: (doc: number, entityIds: string[], name: string | null) => { id: string | null; name: string } | null;
}

export function buildTimeline(story: Story, docNumbers: number[], ctx: TimelineContext): Timeline {
  const byKey = new Map<string, TimelineItem>();
  const add = (key: string, item: TimelineItem) => {
    const had = byKey.get(key);
    if (had) {
      if (!had.documents.includes(item.documents[0]!)) had.documents.push(item.documents[0]!);
      return;
    }
    byKey.set(key, item);
  };
  for (const n of docNumbers) {
    const d = ctx.docs[n]!;
    const boiler = ctx.boilerplate(n);
    const eventOfStatement = new Map<string, (typeof d.events)[number]>();
    for (const ev of d.events) {
      if (ev.statement && ev.time && ev.resolved && !eventOfStatement.has(ev.statement)) eventOfStatement.set(ev.statement, ev);
    }
    for (const ev of d.events) {
      if (boiler.has(ev.paragraph) || ev.statement) continue;
      add(`e|${words(ev.text).join(' ')}|${ev.trigger}`, {
        kind: 'event', trigger: ev.trigger, text: ev.text, eventTime: ev.time, eventTimeText: ev.timeText, resolved: ev.resolved,
        relation: ev.relation, reportTime: d.published, speaker: null, documents: [d.id],
      });
    }
    for (const s of d.statements) {
      if (boiler.has(s.paragraph)) continue;
      const ev = eventOfStatement.get(s.id);
      add(`s|${words(s.content).join(' ')}`, {
        kind: 'statement', trigger: null, text: s.content, eventTime: ev?.time ?? null, eventTimeText: ev?.timeText ?? null,
        resolved: ev ? ev.resolved : false, relation: ev?.relation ?? null, reportTime: s.time ?? d.published,
        speaker: ctx.speaker(n, s.speakers, s.speakerName), documents: [d.id],
      });
    }
  }
  const items = [...byKey.values()];
  const key = (it: TimelineItem) => (it.eventTime && it.resolved && /^\d{4}/.test(it.eventTime) ? it.eventTime : it.reportTime) ?? '\uffff';
  items.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return { story, items };
}
