/**
 * The name registry of the clustering pass: which entity each normalised name, acronym and country belongs to, each
 * entity's longest name, and two indexes (entities by the first and last word of their name, and each entity's
 * mention positions in order) so that matching a surname, a first name or part of an organisation's name looks at
 * the entities sharing that word, not at every entity and every mention seen so far.
 */

import { lowerBound } from '../../util/sorted.js';

export class NameRegistry {
  /** Normalised full name → entity. */
  readonly byKey = new Map<string, number>();
  /** Acronym (lower-case, no dots) → entity. */
  readonly byAcronym = new Map<string, number>();
  /** Country name → its GPE entity. */
  readonly byCountry = new Map<string, number>();
  /** Per entity: its longest name's words, to match surnames and first names against. */
  private readonly fullNames = new Map<number, string[]>();
  /** Word → entities whose full name starts or ends with it (or once did: callers check the current name). */
  private readonly byEdgeWord = new Map<string, Set<number>>();
  /** Per entity: start offsets of its mentions, ascending. */
  private readonly starts = new Map<number, number[]>();

  fullName(e: number): readonly string[] | undefined {
    return this.fullNames.get(e);
  }

  setFullName(e: number, words: string[]): void {
    this.fullNames.set(e, words);
    for (const w of [words[0]!, words[words.length - 1]!]) {
      let set = this.byEdgeWord.get(w);
      if (!set) this.byEdgeWord.set(w, (set = new Set()));
      set.add(e);
    }
  }

  /**
   * Entities whose current full name starts or ends with one of `words`, in the order they were created (the order
   * a scan over all names would meet them, which decides ties).
   */
  withEdgeWord(...words: string[]): number[] {
    const out = new Set<number>();
    for (const w of words) {
      for (const e of this.byEdgeWord.get(w) ?? []) {
        const full = this.fullNames.get(e)!;
        if (full[0] === w || full[full.length - 1] === w) out.add(e);
      }
    }
    return [...out].sort((a, b) => a - b);
  }

  /** Records a mention of entity `e` starting at `start`. */
  addMention(e: number, start: number): void {
    let list = this.starts.get(e);
    if (!list) this.starts.set(e, (list = []));
    // Mentions mostly arrive in document order, so this is nearly always an append.
    if (list.length === 0 || list[list.length - 1]! <= start) list.push(start);
    else list.splice(lowerBound(list, start), 0, start);
  }

  /** Start offsets of `e`'s mentions, ascending. */
  mentionStarts(e: number): readonly number[] {
    return this.starts.get(e) ?? [];
  }

  /** Character distance from `at` to the nearest mention of `e`. */
  distanceTo(e: number, at: number): number {
    const list = this.mentionStarts(e);
    const i = lowerBound(list, at);
    const after = i < list.length ? list[i]! - at : Infinity;
    const before = i > 0 ? at - list[i - 1]! : Infinity;
    return Math.min(after, before);
  }
}
