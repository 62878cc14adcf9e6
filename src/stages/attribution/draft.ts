/** A reading of one attribution before it becomes a statement, and the one way to make it. */
import type { StatementKind } from '../../model/format.js';
import type { CueInfo } from './cues.js';

/** Token range `[s, e)`. */
export interface Range {
  s: number;
  e: number;
  /** Set on content the hand rule cut at e within a window ending at max: the boundary model may move e. */
  max?: number;
}

export interface Draft {
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
  /** Set where the reading knows its kind better than the quote marks do (speech nested in a quote). */
  kind?: StatementKind;
}

/** What a reading must say (its sentence and clause start) and what it may (the rest, empty when left out). */
export type DraftFields = Pick<Draft, 'sentence' | 'clause'> & Partial<Draft>;

/**
 * A reading with every field left out at its default: class 'speech', no cue, source, phrases, speaker to
 * inherit, channel, addressee or relay, no content yet, no continuation, no verb configuration.
 */
export function draft(f: DraftFields): Draft {
  return {
    cls: f.cls ?? 'speech',
    cue: f.cue ?? null,
    source: f.source ?? null,
    cuePhrase: f.cuePhrase ?? null,
    sourcePhrase: f.sourcePhrase ?? null,
    inheritFrom: f.inheritFrom ?? null,
    content: f.content ?? [],
    channel: f.channel ?? null,
    addressee: f.addressee ?? null,
    via: f.via ?? null,
    sentence: f.sentence,
    clause: f.clause,
    quoteContinues: f.quoteContinues ?? false,
    config: f.config,
    ...(f.kind ? { kind: f.kind } : {}),
  };
}
