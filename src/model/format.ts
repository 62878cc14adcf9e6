/**
 * The public output format `claimline/1`. Every interface on top (CLI, library, store, exports) emits exactly
 * these objects; `schema/claimline-1.schema.json` is the machine-readable twin of this file and
 * `docs/output-format.md` the prose one. Field names here are a public contract: add, never rename.
 */

export const SCHEMA_ID = 'claimline/1';

/** `[start, end)` in UTF-16 code units into `document.text`; `text === document.text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export type EntityType =
  | 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'FAC' | 'NORP' | 'EVENT' | 'PRODUCT' | 'WORK' | 'OTHER';

export const ENTITY_TYPES: readonly EntityType[] = [
  'PERSON', 'ORG', 'GPE', 'LOC', 'FAC', 'NORP', 'EVENT', 'PRODUCT', 'WORK', 'OTHER',
];

/** How a mention refers to its entity: by name, by description ("the ambassador"), by pronoun, by metonym. */
export type MentionKind = 'name' | 'nominal' | 'pronoun' | 'metonym' | 'acronym' | 'demonym';

export interface MentionOut extends Span {
  kind: MentionKind;
}

export interface EntityOut {
  id: string;
  name: string;
  type: EntityType;
  roles: string[];
  /** Role phrases with their evidence spans (same strings as `roles`). */
  roleSpans: Span[];
  mentions: MentionOut[];
}

export type StatementKind = 'direct' | 'indirect' | 'mixed' | 'other';

export interface SpeakerOut {
  /**
   * The speaker's noun phrase as written, whole: determiner, titles, an appositive or identifying relative clause
   * ("Brian Fallon, the campaign's press secretary", "a spokesman for the campaign", "he"). For a statement that
   * inherits its speaker (a quote with no cue of its own), the phrase of the statement it inherits from.
   */
  mention: Span | null;
  /**
   * The head of `mention`, the word or name that says who spoke: the speaker's name inside it ("Brian Fallon"),
   * else its head word ("spokesman"); for a relative pronoun ("police, who said") its antecedent. Null when
   * `mention` is. Always written by this version; records stored before it was added lack it (read as unknown).
   */
  head?: Span | null;
  entity: string | null;
  name: string | null;
  /** Extra entities when the subject is collective ("the United States, South Korea and Ukraine"). */
  entities: string[];
}

export interface StatementOut {
  id: string;
  kind: StatementKind;
  speaker: SpeakerOut;
  cue: Span | null;
  content: Span[];
  channel: Span | null;
  via: string[];
  /** Addressee ("told Reuters"), when stated. */
  addressee: Span | null;
  /** When the statement was made (report time), a timex id. */
  time: string | null;
}

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface TimexOut {
  id: string;
  start: number;
  end: number;
  text: string;
  type: TimexType;
  value: string;
  resolved: boolean;
  /** TIMEX3 `mod` (APPROX, START, MID, END, BEFORE, AFTER, MORE_THAN, LESS_THAN, ...) when present. */
  mod?: string;
  /** What the value was computed against: `dct`, `narrative` (an earlier date in the passage) or `none`. */
  anchor?: 'dct' | 'narrative' | 'none';
  /** Precision of the value: century, decade, year, season, quarter, month, week, day, time, or null (durations, references). */
  granularity?: Granularity | null;
}

export type Granularity = 'century' | 'decade' | 'year' | 'half' | 'season' | 'quarter' | 'month' | 'week' | 'day' | 'time';

export type ClaimStatus = 'asserted' | 'confirmed' | 'denied' | 'unconfirmed' | 'disputed' | 'retracted';

export interface ClaimOut {
  id: string;
  statement: string | null;
  text: Span;
  status: ClaimStatus;
  by: string[];
  evidence: Span | null;
}

export interface Participant {
  role: string;
  entity: string;
}

export interface EventOut {
  id: string;
  trigger: Span;
  participants: Participant[];
  time: string | null;
  /** How the event relates to `time`: at, since, until, before, after, during. */
  timeRelation: 'at' | 'since' | 'until' | 'before' | 'after' | 'during' | null;
  place: string | null;
  /** The statement that reports this event, or null when the report itself asserts it. */
  statement: string | null;
}

export interface QuantityOut {
  span: Span;
  value: number | null;
  unit: string | null;
  approx: boolean;
  bound: 'min' | 'max' | null;
}

export interface DocumentOut {
  id: string;
  title: string | null;
  url: string | null;
  published: string | null;
  /** Where `published` came from: input metadata, a dateline found in the text, or nothing. */
  publishedSource: 'metadata' | 'text' | null;
  language: string;
  text: string;
  source: string | null;
}

/** How much a diagnostic matters: `error` (a part of the analysis could not run), `warning`, `info`. */
export type Severity = 'error' | 'warning' | 'info';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * A problem that did not stop the analysis, shaped like a vfile message: what happened, where in
 * `document.text` (`[start, end)`, or null for the document as a whole), which part of claimline noticed it
 * (`input`, `language`, `time`, `model`), a stable kebab-case rule id (`time/impossible-date`) to
 * filter on, and how much it matters.
 */
export interface Diagnostic {
  message: string;
  span: { start: number; end: number } | null;
  source: string;
  ruleId: string;
  severity: Severity;
}

/**
 * The plain-text form of a diagnostic, as `warnings` has always carried it: the message, followed by
 * ` at <offset>` when the diagnostic points into the text. Old readers of `warnings` see the same strings.
 */
export function warningLine(d: Diagnostic): string {
  return d.span ? `${d.message} at ${d.span.start}` : d.message;
}

export interface AnalysisOut {
  schema: typeof SCHEMA_ID;
  document: DocumentOut;
  /** Every diagnostic as one line (`warningLine`), in the same order (the field that older readers know). */
  warnings: string[];
  /**
   * The same problems with their span, source, rule id and severity. Always written by this version; records
   * stored by earlier versions lack it, so readers must treat a missing `diagnostics` as unknown, not as none.
   */
  diagnostics?: Diagnostic[];
  entities: EntityOut[];
  statements: StatementOut[];
  timexes: TimexOut[];
  claims: ClaimOut[];
  events: EventOut[];
  quantities: QuantityOut[];
}
