/** What the input layer hands to the pipeline: raw document text plus whatever metadata the input carried. */
import type { Diagnostic } from '../model/format.js';

export type InputFormat = 'text' | 'html' | 'feed' | 'jsonl';

export interface RawDoc {
  id: string;
  /** BOM stripped and line ends normalised to LF; every later offset points into exactly this string. */
  text: string;
  title: string | null;
  url: string | null;
  /** YYYY-MM-DD or null. */
  published: string | null;
  /** Where the document came from: a path, `stdin`, `feed.xml#3`, `records.jsonl:7`. */
  source: string;
  format: InputFormat;
  /** Problems that did not stop the document (an unparsable date, a broken sidecar); source `input`. */
  warnings: Diagnostic[];
}

/** A problem found while reading an input: for the document as a whole (no span), from `input`. */
export function inputWarning(rule: string, message: string): Diagnostic {
  return { message, span: null, source: 'input', ruleId: `input/${rule}`, severity: 'warning' };
}

/** One result per document or per rejected input, so a bad file never stops a run. */
export type InputItem =
  | { ok: true; doc: RawDoc }
  /** `skipped` marks inputs that were passed over on purpose (unknown kind inside a folder), not failures. */
  | { ok: false; source: string; reason: string; skipped?: true };

export interface ReadOptions {
  stdin?: NodeJS.ReadableStream;
  /** Larger inputs are rejected before they are read. Default 20 MB. */
  maxBytes?: number;
  /** Give each document its store identity (see identity.ts) instead of its file-name id. */
  identity?: IdentityOptions;
  /** How http(s) URL inputs are fetched (see src/net/read-url.ts). */
  url?: UrlInputOptions;
}

/** Fetch settings for URL inputs; the size limit is ReadOptions.maxBytes. */
export interface UrlInputOptions {
  /** UNSAFE: let URL inputs reach loopback, private and link-local addresses (`--allow-private-addresses`). */
  allowPrivate?: boolean;
  /** Deadline per URL in milliseconds (default 30 s). */
  timeoutMs?: number;
}

export interface IdentityOptions {
  /** One id for the one document read (more than one document is an error). */
  id?: string;
  /**
   * Paths are taken relative to this folder, whose name leads the id (`news/world/story.txt`). Default: each
   * input argument's own folder (the argument itself when it is a folder).
   */
  root?: string;
}
