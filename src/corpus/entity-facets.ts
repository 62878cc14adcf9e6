/**
 * Facets that split one name group of non-person entities across documents when the documents disagree about
 * which thing the name means (precision first: the same name is not the same referent when evidence conflicts).
 *
 * - Edition: "the 2004 Olympics" and "the 2008 Olympics", "the 117th Congress" and "the 118th Congress" are
 *   different editions; an edition-marked mention does not link to one marked otherwise or not at all.
 * - Level: a name that is both a city and a larger place (the corpus uses it with "City", or a document calls it
 *   a city) splits where a document marks it as the region ("Rochester, New York", "the state of New York"); an
 *   unmarked mention keeps the commoner city reading.
 * - Country: a bare generic institution name ("the House", "Parliament", "the Constitution", "the Supreme
 *   Court") names a different institution in every country; it links only between documents about the same
 *   country, and a document about no country in particular joins only when one country is in play.
 * - One of many: a name every country has many of ("the Court", "the Circuit Court", "the Ministry", "the
 *   police", "the city council") names a different one in each document; it does not link across documents.
 * - Recurring events named without their edition ("the Olympics", "the World Cup", "the election"): a document
 *   that does not say which one may mean any; such a mention does not link across documents.
 */
import { lookupGeo } from '../lexicon/geo.js';
import type { DocDigest, EntityDigest } from './record.js';

/** Institution names every country has one of; general knowledge, not a list of names from any data set. */
const GENERIC_INSTITUTIONS = new Set([
  'house', 'house of representatives', 'house of commons', 'house of lords', 'lower house', 'upper house',
  'senate', 'congress', 'parliament', 'assembly', 'national assembly', 'legislature', 'legislative assembly',
  'court', 'supreme court', 'high court', 'constitutional court', 'court of appeal', 'court of appeals',
  'appeals court', 'district court', 'circuit court', 'federal court', 'constitution', 'government', 'cabinet',
  'ministry', 'foreign ministry', 'interior ministry', 'defence ministry', 'defense ministry', 'health ministry',
  'ministry of defence', 'ministry of defense', 'ministry of health', 'ministry of foreign affairs',
  'ministry of justice', 'ministry of finance', 'finance ministry', 'justice ministry', 'police', 'national police',
  'army', 'navy', 'air force', 'armed forces', 'military', 'coast guard', 'national guard', 'treasury',
  'central bank', 'council', 'city council', 'state council', 'election commission', 'electoral commission',
  // Party names that many countries' parties share.
  'democratic party', 'republican party', 'labour party', 'labor party', 'conservative party', 'liberal party',
  'green party', 'greens', 'communist party', 'socialist party', 'social democratic party', 'national party',
  'people party', 'progressive party', 'workers party', 'independence party', 'justice party',
]);

export function isGenericInstitution(nameKey: string): boolean {
  return GENERIC_INSTITUTIONS.has(nameKey);
}

/** Institutions a country has many of, so that two documents naming one by its bare name may mean two. */
const MANY_PER_COUNTRY = new Set([
  'court', 'high court', 'district court', 'circuit court', 'federal court', 'court of appeal', 'court of appeals',
  'appeals court', 'county court', 'crown court', 'magistrates court', 'tribunal', 'ministry', 'police', 'council',
  'city council', 'county council', 'town council', 'legislature', 'assembly', 'state legislature', 'board',
  'school board', 'committee', 'agency', 'department', 'university', 'hospital', 'church',
]);

export function isOneOfMany(nameKey: string): boolean {
  return MANY_PER_COUNTRY.has(nameKey);
}

/** Names of events that recur (editions): general knowledge of kinds, not a list of names from any data set. */
const RECURRING = /\b(?:olympics|olympic games|paralympics|paralympic games|(?:summer|winter|commonwealth|asian|pan american) games|world cup|world championships?|championships?|grand prix|super bowl|world series|eurovision|song contest|oscars|academy awards|(?:grammy|emmy|tony) awards|awards|festival|marathon|elections?|referendum|caucus(?:es)?|summit|tour de france|open)$/;

export function isRecurring(nameKey: string): boolean {
  return RECURRING.test(nameKey);
}

/**
 * The country a document is mostly about: the country most mentioned through its name, capital, demonym or (for
 * the United States) a state; null when none is, or when two tie.
 */
export function docCountry(doc: DocDigest): string | null {
  const weight = new Map<string, number>();
  for (const e of doc.entities) {
    if (e.cues?.includes('team')) continue;
    const geo = lookupGeo(e.name);
    const country = geo?.country ?? (geo?.kind === 'us-state' ? 'United States' : undefined);
    if (country) weight.set(country, (weight.get(country) ?? 0) + e.mentions);
  }
  const ranked = [...weight].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[0]![1] === ranked[1]![1])) return null;
  return ranked[0]![0];
}

const editions = (e: EntityDigest) => (e.cues ?? []).filter((c) => c.startsWith('edition:')).map((c) => c.slice(8));

export interface FacetRef { doc: number; entity: EntityDigest }

const docLabel = (r: FacetRef) => `document ${r.doc + 1}`;

export interface FacetGroup<R extends FacetRef> { refs: R[]; why: string | null }

/**
 * Splits the refs of one name group by the facets above. `name` is the group's name key, `cityToo` whether the
 * corpus also uses the name with "City" (so it names a city as well as a larger place).
 */
export function splitByFacets<R extends FacetRef>(
  name: string, refs: readonly R[], countryOf: (doc: number) => string | null, cityToo: boolean,
): FacetGroup<R>[] {
  // A country is never the city of its name ("Mexico" is not Mexico City).
  const ambiguousLevel = lookupGeo(name)?.kind !== 'country'
    && (cityToo || refs.some((r) => r.entity.cues?.includes('level:city')));
  const generic = isGenericInstitution(name);
  const many = isOneOfMany(name);
  const recurring = isRecurring(name);
  const facet = (r: R) => {
    const parts: string[] = [];
    const ed = editions(r.entity);
    if (ed.length > 0) parts.push(`edition ${ed.join('/')}`);
    else if (recurring && (r.entity.type === 'EVENT' || r.entity.type === 'OTHER')) parts.push(`an edition this document does not name (${docLabel(r)})`);
    if (many) parts.push(`one of many so named (${docLabel(r)})`);
    const cues = r.entity.cues ?? [];
    if (ambiguousLevel && cues.includes('level:region') && !cues.includes('level:city')) parts.push('the larger place, not the city');
    if (generic) parts.push(`about ${countryOf(r.doc) ?? '?'}`);
    return parts.join('; ');
  };
  const byFacet = new Map<string, R[]>();
  for (const r of refs) {
    const f = facet(r);
    const g = byFacet.get(f);
    if (g) g.push(r); else byFacet.set(f, [r]);
  }
  if (byFacet.size === 1) return [{ refs: [...refs], why: null }];
  const out: FacetGroup<R>[] = [];
  const unknown: R[] = [];
  for (const [f, rs] of byFacet) {
    if (generic && f.endsWith('about ?')) unknown.push(...rs);
    else out.push({ refs: rs, why: f ? `kept apart from other "${name}": ${f}` : null });
  }
  // A document about no country in particular joins the one country side in play, else stays on its own.
  const sameRest = (f: string) => f.replace(/about [^;]*$/, '');
  for (const r of unknown) {
    const fits = out.filter((g) => sameRest(facet(g.refs[0]!)) === sameRest(facet(r)));
    if (fits.length === 1) fits[0]!.refs.push(r);
    else out.push({ refs: [r], why: `kept apart: ${fits.length} institutions are called "${name}" and this document names no country` });
  }
  return out;
}
