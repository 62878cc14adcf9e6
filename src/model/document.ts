/**
 * The working document model that pipeline stages read and extend. Each stage adds one layer (tokens, entities,
 * timexes, statements, ...) and never rewrites `text`, so every offset stays valid from first stage to output.
 * Offsets are `[start, end)` UTF-16 code units into `text`.
 */
import type {
  ClaimStatus, Diagnostic, EntityType, MentionKind, StatementKind, TimexType,
} from './format.js';

export interface DocMeta {
  id: string;
  title: string | null;
  url: string | null;
  /** YYYY-MM-DD or null. */
  published: string | null;
  publishedSource: 'metadata' | 'text' | null;
  /** Where the document came from (file path, `stdin`, `feed.xml#3`), for error messages and provenance. */
  source: string | null;
}

export interface Paragraph {
  start: number;
  end: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index of the first token of the sentence in `Doc.tokens`. */
  tokenStart: number;
  /** One past the last token. */
  tokenEnd: number;
  paragraph: number;
}

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower-cased text, computed once because every stage wants it. */
  lower: string;
  /** Universal POS tag from wink-nlp (NOUN, PROPN, VERB, PUNCT, ...). */
  pos: string;
  sentence: number;
}

/** A mention of an entity. `entity` is an index into `Doc.entities`, or -1 while unresolved. */
export interface Mention {
  start: number;
  end: number;
  /** Token range `[tokenStart, tokenEnd)`. */
  tokenStart: number;
  tokenEnd: number;
  type: EntityType;
  kind: MentionKind;
  entity: number;
}

export interface Entity {
  name: string;
  type: EntityType;
  roles: { start: number; end: number; text: string }[];
  /** Indices into `Doc.mentions`. */
  mentions: number[];
}

export interface Timex {
  start: number;
  end: number;
  type: TimexType;
  value: string;
  resolved: boolean;
  mod?: string;
  anchor?: 'dct' | 'narrative' | 'none';
}

export interface SpanRange {
  start: number;
  end: number;
}

export interface Statement {
  kind: StatementKind;
  /** The speaker mention as written ("he", "the Russian diplomat"), if any. */
  speakerSpan: SpanRange | null;
  /** Entities that spoke (indices into `Doc.entities`); several for a collective subject. */
  speakers: number[];
  /** Speaker name when no entity could be linked ("officials"). */
  speakerName: string | null;
  cue: SpanRange | null;
  content: SpanRange[];
  channel: SpanRange | null;
  addressee: SpanRange | null;
  /** Entities through which the statement reached the reporter ("according to Yonhap, quoting KCNA"). */
  via: number[];
  sentence: number;
  /**
   * The source and cue as PolNeAR annotates them, for evaluation: the source with its appositive or relative
   * clause ("Joseph, who has four children"), the cue with its auxiliaries and adverbs ("has also said").
   * Absent when they equal `speakerSpan` and `cue`.
   */
  sourcePhrase?: SpanRange | null;
  cuePhrase?: SpanRange | null;
}

export interface Claim {
  statement: number | null;
  text: SpanRange;
  status: ClaimStatus;
  by: number[];
  evidence: SpanRange | null;
}

/** How an event relates to its time expression: "in June" (at), "since August", "until May", ... */
export type TimeRelation = 'at' | 'since' | 'until' | 'before' | 'after' | 'during';

export interface DocEvent {
  trigger: SpanRange;
  participants: { role: string; entity: number }[];
  time: number | null;
  timeRelation: TimeRelation | null;
  place: number | null;
  statement: number | null;
}

export interface Quantity {
  start: number;
  end: number;
  value: number | null;
  unit: string | null;
  approx: boolean;
  bound: 'min' | 'max' | null;
}

export interface Doc {
  meta: DocMeta;
  text: string;
  language: string;
  /**
   * Problems worth telling the user that do not stop the analysis (non-English text, bad dates, a missing model
   * file, ...), of every severity; the output writes them as `diagnostics` and, one line each, as `warnings`.
   */
  warnings: Diagnostic[];
  /** Names of the stages that ran on this document, in order (recorded by the pipeline's runner). */
  stagesRun: string[];
  /**
   * Layers assigned by a stage that ran: an empty layer listed here means "looked and found nothing", one not
   * listed means "never looked" (see `hasLayer`).
   */
  layersAssigned: LayerName[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
  mentions: Mention[];
  entities: Entity[];
  timexes: Timex[];
  statements: Statement[];
  claims: Claim[];
  events: DocEvent[];
  quantities: Quantity[];
}

export function newDoc(text: string, meta: DocMeta): Doc {
  return {
    meta, text, language: 'und', warnings: [], stagesRun: [], layersAssigned: [],
    paragraphs: [], sentences: [], tokens: [],
    mentions: [], entities: [], timexes: [], statements: [], claims: [], events: [], quantities: [],
  };
}

/** The layers of a `Doc` that stages fill, by name: what a stage `requires` and `assigns`. */
export const LAYERS = [
  'language', 'paragraphs', 'sentences', 'tokens', 'mentions', 'entities', 'timexes', 'statements', 'claims',
  'events', 'quantities',
] as const satisfies readonly (keyof Doc)[];

export type LayerName = (typeof LAYERS)[number];

/** Whether a stage that assigns `layer` has run on `doc`, so that an empty layer means "nothing found". */
export function hasLayer(doc: Doc, layer: LayerName): boolean {
  return doc.layersAssigned.includes(layer);
}

/**
 * A pipeline stage adds layers to the document in place, and says which, so that a pipeline can be checked when
 * it is built (pipeline/build.ts) rather than by reading each stage's code.
 */
export interface Stage {
  readonly name: string;
  /** Layers the stage reads; an earlier stage must assign each. */
  readonly requires: readonly LayerName[];
  /** Layers the stage fills. Two stages of one pipeline never assign the same layer. */
  readonly assigns: readonly LayerName[];
  /**
   * Layers an earlier stage assigned that this one rewrites in place (the entity stage adds pronoun and
   * description mentions to the NER's and retypes them): the declared exception to "assigned once".
   */
  readonly amends?: readonly LayerName[];
  /** `doc.meta` fields the stage may set (the time stage fills `published` from a dateline). */
  readonly writesMeta: readonly (keyof DocMeta)[];
  run(doc: Doc): void;
}
