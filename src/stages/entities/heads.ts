/**
 * Head nouns by which a definite description can take up an entity that is not a person: the head of one of its
 * names ("the mosque" for the Grand Mosque, "the church" for the Church of Scientology), the head of one of its
 * roles ("the broadcaster" for an ORG introduced as "British broadcaster BBC"), and for places the class the
 * lexicon knows them by ("the country", "the kingdom" for a country just named; "the capital" for a capital),
 * "the website" for a site named by its domain ("Znak.com") and "the orbiter" or "the ship" for a named craft.
 *
 * Candidates are indexed once per document by head word, and the last position each entity was seen at is kept
 * as the scan goes, so a lookup costs the number of entities sharing that head, never a walk over the mentions.
 */
import { lookupGeo } from '../../lexicon/geo.js';
import { singular } from '../../lexicon/titles.js';
import type { EntityContext } from './context.js';

/** Words that end the head part of a name or role ("Church | of Scientology", "editor | at large"). */
const POST_MODIFIER_LINKS = new Set(['of', 'for', 'in', 'at', 'on', 'to', 'from', 'with', 'and', '&']);
/** Class nouns for a country, and for a capital, a city and a US state; these look back only a few sentences. */
const COUNTRY_WORDS = new Set(['country', 'nation', 'kingdom', 'republic']);
const CAPITAL_WORDS = new Set(['capital']);
const CITY_WORDS = new Set(['city', 'town']);
const STATE_WORDS = new Set(['state']);
/** Class nouns for any event just named ("the 22nd Fan Expo … the event"). */
const EVENT_WORDS = new Set(['event']);
const CLASS_WINDOW = 2;
/** Class nouns for a web site named by its domain ("Znak.com … the website"), looking back further. */
const WEB_WORDS = new Set(['site', 'website']);
const DOMAIN = /\.(?:com|org|net|info|ru|co\.uk|io)$/i;
const WEB_WINDOW = 6;
/** Class nouns for a named craft ("Space Shuttle Discovery … the orbiter", "USS Cole … the ship"). */
const CRAFT_WORDS = new Set(['ship', 'vessel', 'orbiter', 'shuttle', 'spacecraft', 'aircraft', 'plane', 'jet', 'boat', 'submarine']);
const CRAFT_NAME = /^(?:space shuttle|shuttle|uss|hms|rms|mv|ins|hmas|hmcs)\s/i;

/** The head noun of a name or role phrase: its last word before any post-modifier, lower-cased and singular. */
export function headOf(phrase: string): string | null {
  // "the Church of Scientology's cruise ship": the head follows the possessor.
  const possessed = phrase.split(/[’']s\s+/);
  const words = possessed[possessed.length - 1]!.split(/\s+/);
  const cut = words.findIndex((w, i) => i > 0 && POST_MODIFIER_LINKS.has(w.toLowerCase()));
  const last = (cut > 0 ? words[cut - 1] : words[words.length - 1])!.toLowerCase().replace(/[’']s?$/, '');
  return /^[a-z][a-z-]{2,}$/.test(last) ? singular(last) : null;
}

export class EntityHeads {
  private readonly byHead = new Map<string, number[]>();
  private readonly countries: number[] = [];
  private readonly capitals: number[] = [];
  private readonly cities: number[] = [];
  private readonly states: number[] = [];
  private readonly events: number[] = [];
  private readonly sites: number[] = [];
  private readonly crafts: number[] = [];
  private readonly lastToken: Int32Array;

  constructor(private readonly ctx: EntityContext) {
    const { doc, facts } = ctx;
    this.lastToken = new Int32Array(doc.entities.length).fill(-1);
    doc.entities.forEach((entity, e) => {
      if (entity.type === 'PERSON' || entity.type === 'NORP') return;
      const heads = new Set<string>();
      for (const phrase of [entity.name, ...entity.roles.map((r) => r.text)]) {
        const h = headOf(phrase);
        if (h) heads.add(h);
      }
      for (const h of heads) {
        const list = this.byHead.get(h);
        if (list) list.push(e); else this.byHead.set(h, [e]);
      }
      if (entity.type === 'EVENT') this.events.push(e);
      if (DOMAIN.test(entity.name)) this.sites.push(e);
      if (entity.type === 'PRODUCT' && CRAFT_NAME.test(entity.name)) this.crafts.push(e);
      if (entity.type !== 'GPE') return;
      const geo = lookupGeo(entity.name);
      if (facts[e]!.country) this.countries.push(e);
      else if (geo?.kind === 'capital') { this.capitals.push(e); this.cities.push(e); }
      else if (geo?.kind === 'us-state') this.states.push(e);
      else if (!geo) this.cities.push(e);
    });
  }

  /** Records that entity `e` was mentioned at token `t` (called in document order). */
  seen(e: number, t: number): void {
    this.lastToken[e] = t;
  }

  /** The entity a description with head `headWord` at token `at` takes up, or -1 (none, or a tie between two). */
  match(at: number, headWord: string): number {
    const w = singular(headWord);
    const byName = this.latest(this.byHead.get(w) ?? [], at, Infinity);
    if (byName >= 0) return byName;
    const classList = COUNTRY_WORDS.has(w) ? this.countries : CAPITAL_WORDS.has(w) ? this.capitals
      : CITY_WORDS.has(w) ? this.cities : STATE_WORDS.has(w) ? this.states : EVENT_WORDS.has(w) ? this.events : null;
    if (classList) return this.latest(classList, at, CLASS_WINDOW);
    if (WEB_WORDS.has(w)) return this.latest(this.sites, at, WEB_WINDOW);
    return CRAFT_WORDS.has(w) ? this.latest(this.crafts, at, CLASS_WINDOW) : -1;
  }

  /** The candidate seen most recently before `at`, within `window` sentences. */
  private latest(candidates: readonly number[], at: number, window: number): number {
    const { tokens } = this.ctx.doc;
    let best = -1;
    for (const e of candidates) {
      const last = this.lastToken[e]!;
      if (last < 0 || last >= at) continue;
      if (tokens[at]!.sentence - tokens[last]!.sentence > window) continue;
      if (best < 0 || last > this.lastToken[best]!) best = e;
    }
    return best;
  }
}
