/**
 * Cues a document gives, in the words right around an entity's name mentions, about WHICH of several same-named
 * things it means. The linker (entity-facets.ts) keeps entities apart across documents when these conflict:
 *
 * - `level:region` — the name is the larger place: "the state of New York", "upstate New York", "New York
 *   state", "the gentleman (senator, congresswoman …) from New York", "the Governor of Washington", or the second half of a "Place, Region"
 *   apposition ("Rochester, New York", "Buxton, England").
 * - `level:city` — the name is the city: "New York City", "the city of New York", "a great city, New York", "the
 *   Mayor of New York", "Washington, D.C.".
 * - `edition:N` — one edition of a recurring thing: an ordinal before the name ("the 117th Congress"), or, for
 *   events, a year next to it ("the 2004 Olympics", "World Cup 2018").
 * - `part:WORD` — every name mention of a place follows a compass word or "central" ("northern Italy", "central
 *   Iran", "sub-Saharan Africa"): the document speaks of a region of the place, not of the place itself.
 * - `team` — a country name standing for its national team: next to a match score in the same clause ("Belgium
 *   3 – 0 Panama", "lost 1 – 2 to England"). Match verbs alone are no cue: "China is beating us" is about trade.
 */
import type { AnalysisOut } from '../model/format.js';

type Entity = AnalysisOut['entities'][number];

const PLACE_TYPES = new Set(['GPE', 'LOC', 'FAC']);
/** A match score: small numbers only, so that year ranges ("1777–1778") are no score. */
const SCORE = /(?<![\d.,])\d{1,2}\s*[–—-]\s*\d{1,2}(?![\d.,]?\d)(?!\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)/;

/** Where each place name mention ends (offset → entity id), for the "Place, Region" apposition. */
export function placeEnds(entities: readonly Entity[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const e of entities) {
    if (!PLACE_TYPES.has(e.type)) continue;
    for (const m of e.mentions) if (m.kind === 'name') out.set(m.end, e.id);
  }
  return out;
}

/** A compass word (or "central", "sub-Saharan") right before a place name: the name stands for a region of it. */
const REGION_OF = /(?:^|[^\p{L}-])((?:north|south)(?:[- ]?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central|sub-saharan)\s+$/iu;

export function entityCues(text: string, entity: Entity, ends: ReadonlyMap<number, string>): string[] {
  const out = new Set<string>();
  const isPlace = PLACE_TYPES.has(entity.type);
  const parts = new Set<string>();
  let names = 0;
  let regional = 0;
  for (const m of entity.mentions) {
    if (m.kind !== 'name' && m.kind !== 'acronym') continue;
    const before = text.slice(Math.max(0, m.start - 40), m.start);
    const after = text.slice(m.end, m.end + 40);
    if (isPlace) {
      names++;
      const region = REGION_OF.exec(before);
      if (region) { regional++; parts.add(region[1]!.toLowerCase().replace(/\s+/g, '-')); }
      const comma = /,\s*$/.exec(before);
      const end = comma ? m.start - (before.length - comma.index) : -1;
      const apposition = comma !== null && ends.has(end) && ends.get(end) !== entity.id;
      // Lawmakers are elected from states, not cities: "the gentleman from New York", "a senator from Washington".
      const seat = /\b(?:gentleman|gentlewoman|gentlelady|senator|congressman|congresswoman|representative|delegation)\s+from\s+$/i.test(before);
      // Governors govern states and provinces, mayors cities; "D.C." after the name is the capital city.
      const governed = /\bgovernor\s+of\s+$/i.test(before);
      const cityOnly = /\bmayor\s+of\s+$/i.test(before) || /^,?\s*D\.\s?C\.?/.test(after);
      if (/^\s+state\b/i.test(after) || /\b(?:state of|upstate)\s+$/i.test(before) || apposition || seat || governed) out.add('level:region');
      if (/^\s+city\b/i.test(after) || /\bcity(?:,| of)\s+$/i.test(before) || cityOnly) out.add('level:city');
      // Same clause only: no sentence end or comma between the name and the score ("A Coruña, Spain, 5–6 …").
      const near = (s: string) => !/[.,!?;\n]/.test(s);
      const scoreAfter = SCORE.exec(after.slice(0, 30));
      const scoreBefore = SCORE.exec(before.slice(-16));
      if ((scoreAfter && near(after.slice(0, scoreAfter.index)))
        || (scoreBefore && near(before.slice(-16).slice(scoreBefore.index)))) out.add('team');
    }
    const ordinal = /\b(\d{1,3})(?:st|nd|rd|th)\s+$/i.exec(before);
    if (ordinal && !isPlace && entity.type !== 'PERSON') out.add(`edition:${Number(ordinal[1])}`);
    if (entity.type === 'EVENT') {
      const year = /\b(1[5-9]\d\d|20\d\d)\s+(?:[\p{Lu}][\p{L}]*\s+){0,2}$/u.exec(before) ?? /^\s+(1[5-9]\d\d|20\d\d)\b/.exec(after);
      if (year) out.add(`edition:${year[1]}`);
    }
  }
  // Only when every name mention is regional: a document that also names the whole place is about it too.
  if (names > 0 && regional === names && parts.size === 1) out.add(`part:${[...parts][0]}`);
  return [...out].sort();
}
