/**
 * Builds the name lists frozen into `models/ner/gazetteers.json` at training time: first and last names, famous
 * people, cities, countries, regions, demonyms, organisations and sports teams from the lexicon of the
 * `compromise` package (MIT licence, a dev dependency), plus the project's own geographic lexicon.
 */
import nlp from 'compromise';
import {
  COUNTRIES, CONTINENTS, REGIONS, US_STATES,
} from '../../../../lexicon/geo.js';

const FROM_COMPROMISE: Record<string, string> = {
  FemaleName: 'first', MaleName: 'first', FirstName: 'first', LastName: 'last', Person: 'person',
  City: 'city', Country: 'country', Region: 'region', Demonym: 'demonym', Organization: 'org', SportsTeam: 'org',
};

export function buildGazetteers(): Record<string, string[]> {
  const lists: Record<string, Set<string>> = {};
  const add = (cat: string, phrase: string) => {
    const p = phrase.toLowerCase().trim();
    // Abbreviations such as "inc" or "dept" are cues inside names, not names; the word features cover them.
    if (p.length < 3 && cat !== 'country') return;
    (lists[cat] ??= new Set()).add(p);
  };
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  for (const [word, tags] of Object.entries(lexicon)) {
    for (const tag of Array.isArray(tags) ? tags : [tags]) {
      const cat = FROM_COMPROMISE[tag];
      if (cat) add(cat, word);
    }
  }
  for (const c of COUNTRIES) {
    for (const n of [c.name, ...c.aliases]) add('country', n.replace(/^the\s+/i, ''));
    for (const n of c.capitals) add('city', n);
    for (const n of c.demonyms) add('demonym', n);
  }
  for (const s of US_STATES) add('region', s);
  for (const s of [...CONTINENTS, ...REGIONS]) add('loc', s.replace(/^the\s+/, ''));
  const out: Record<string, string[]> = {};
  for (const cat of Object.keys(lists).sort()) out[cat] = [...lists[cat]!].sort();
  return out;
}
