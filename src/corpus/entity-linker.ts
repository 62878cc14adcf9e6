/**
 * The cross-document linker (see entities.ts for the rules). Runs over all digests at once, so the result does
 * not depend on the order documents arrived in, except for ids, which `previousIds` keeps stable.
 */
import { COUNTRY_BY_NAME } from '../lexicon/geo.js';
import type { EntityType } from '../model/format.js';
import {
  groupKey, initials, isRoleOnly, linkable, nameKey, namesPartOf, regionPart, rolesConflict, slug, typeClass,
  type CorpusEntity, type EntityLink, type TypeClass,
} from './entities.js';
import { docCountry, isGenericInstitution, isOneOfMany, splitByFacets } from './entity-facets.js';
import type { DocDigest, EntityDigest } from './record.js';

interface Ref { doc: number; entity: EntityDigest }

interface Cluster {
  key: string;
  cls: TypeClass;
  refs: Ref[];
  roles: string[];
  context: Map<string, number>;
  /** Why the first ref of this cluster joined another cluster (set when merged by evidence). */
  joinedBy: string | null;
  keptApart: string[];
}

export interface LinkResult {
  entities: CorpusEntity[];
  /** `docNumber#entityId` → corpus entity id. */
  byRef: Map<string, string>;
}

export const refKey = (doc: number, entityId: string) => `${doc}#${entityId}`;

export function linkEntities(docs: readonly DocDigest[], previousIds: Map<string, string>): LinkResult {
  const groups = new Map<string, Ref[]>();
  const contextOf: Set<string>[] = [];
  docs.forEach((d, doc) => {
    const ctx = new Set<string>();
    for (const e of d.entities) {
      if (!linkable(e)) continue;
      const k = groupKey(e);
      ctx.add(k);
      let g = groups.get(k);
      if (!g) groups.set(k, g = []);
      g.push({ doc, entity: e });
    }
    contextOf.push(ctx);
  });

  const countries = new Map<number, string | null>();
  const countryOf = (doc: number) => {
    if (!countries.has(doc)) countries.set(doc, docCountry(docs[doc]!));
    return countries.get(doc)!;
  };
  const clusters: Cluster[] = [];
  for (const [key, refs] of groups) {
    if (isRoleOnly(key.split('|')[1]!)) {
      // "the President" of one document and of another may be two presidents: one cluster per document.
      const byDoc = new Map<number, Ref[]>();
      for (const r of refs) push(byDoc, r.doc, r);
      for (const rs of byDoc.values()) {
        const c = oneCluster(key, rs, contextOf);
        if (byDoc.size > 1) c.keptApart.push(`not linked to "${rs[0]!.entity.name}" elsewhere: a title names whoever holds it`);
        clusters.push(c);
      }
      continue;
    }
    if (key.startsWith('person|')) {
      const name = key.split('|')[1]!;
      clusters.push(...splitByRoles(key, refs, contextOf, !name.includes(' ')));
      continue;
    }
    const cityToo = key.startsWith('place|') && groups.has(`${key} city`);
    for (const g of splitByFacets(key.split('|')[1]!, refs, countryOf, cityToo)) {
      const [c] = splitByRoles(key, g.refs, contextOf);
      if (g.why) c!.keptApart.push(g.why);
      clusters.push(c!);
    }
  }

  for (const c of clusters) {
    const e = c.refs[0]!.entity;
    const part = regionPart(e);
    if (part) c.keptApart.push(`not linked to ${e.name}: its documents only speak of ${part} ${e.name}, a region of it`);
  }

  // Evidence that joins name groups, each accepted only when it names exactly one target.
  const parent = clusters.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const rootRoles = clusters.map((c) => c.roles.slice());
  // A name group split by facets is ambiguous: name evidence ("House" is the short name of one House of
  // Representatives) cannot tell which of its parts it names, so those parts join nothing by name.
  const keyCount = new Map<string, number>();
  for (const c of clusters) keyCount.set(c.key, (keyCount.get(c.key) ?? 0) + 1);
  const split = (i: number) => clusters[i]!.cls !== 'person' && keyCount.get(clusters[i]!.key)! > 1;
  const countriesOf = (i: number) => new Set(clusters[i]!.refs.map((r) => countryOf(r.doc)).filter((x) => x !== null));
  // The generic short name of an institution ("the Constitution") names the full one ("Constitution of the
  // United States") only in a document about the same country.
  const countriesDiffer = (from: number, to: number) => {
    if (!isGenericInstitution(clusters[from]!.key.split('|')[1]!) && !isGenericInstitution(clusters[to]!.key.split('|')[1]!)) return false;
    const a = countriesOf(from);
    const b = countriesOf(to);
    return a.size > 0 && b.size > 0 && ![...a].some((x) => b.has(x));
  };
  const roleOnly = clusters.map((c) => isRoleOnly(c.key.split('|')[1]!));
  const join = (from: number, to: number, why: string, facetsKnown = false) => {
    if (!facetsKnown && (split(from) || split(to))) return;
    if (roleOnly[from] || roleOnly[to]) return;
    const a = find(from);
    const b = find(to);
    if (a === b) return;
    if (countriesDiffer(from, to)) {
      clusters[from]!.keptApart.push(`not joined to ${clusters[to]!.refs[0]!.entity.name}: ${why}, but the documents are about different countries`);
      return;
    }
    if (rolesConflict(rootRoles[a]!, rootRoles[b]!)) {
      clusters[from]!.keptApart.push(`not joined to ${clusters[to]!.refs[0]!.entity.name}: ${why}, but roles conflict`);
      return;
    }
    const [keep, drop] = a < b ? [a, b] : [b, a];
    parent[drop] = keep;
    rootRoles[keep]!.push(...rootRoles[drop]!);
    // Both sides keep the reason: whichever comes first in the corpus is "first seen", the other explains the join.
    if (!clusters[from]!.joinedBy) clusters[from]!.joinedBy = why;
    if (!clusters[to]!.joinedBy) clusters[to]!.joinedBy = why;
  };
  /**
   * Joins on evidence that only says "the only one so named in the corpus" (a bare surname, bare initials) need
   * the two sides' documents to have something else in common, and not to be about different countries: in a
   * small corpus "the only Campbell" is as likely someone else, "ABC" in an American and an Australian story two
   * broadcasters.
   */
  const weakJoin = (from: number, to: number, why: string) => {
    const a = clusters[from]!;
    const b = clusters[to]!;
    // In one document the short and the full name are that document's own usage: no further check.
    const docsOfB = new Set(b.refs.map((r) => r.doc));
    if (a.refs.some((r) => docsOfB.has(r.doc))) {
      join(from, to, `${why}, in the same document`);
      return;
    }
    let shared = 0;
    for (const k of a.context.keys()) if (k !== a.key && k !== b.key && b.context.has(k)) shared++;
    const ca = countriesOf(from);
    const cb = countriesOf(to);
    if (ca.size > 0 && cb.size > 0 && ![...ca].some((x) => cb.has(x))) {
      a.keptApart.push(`not joined to ${b.refs[0]!.entity.name}: ${why}, but the documents are about different countries`);
    } else if (shared === 0) {
      a.keptApart.push(`not joined to ${b.refs[0]!.entity.name}: ${why}, but their documents name nothing else in common`);
    } else join(from, to, `${why}; the documents share ${shared} other ${shared === 1 ? 'entity' : 'entities'}`);
  };
  const surnames = new Map<string, number[]>();
  const aliases = new Map<string, Set<number>>();
  const orgInitials = new Map<string, number[]>();
  clusters.forEach((c, i) => {
    const words = c.key.split('|')[1]!.split(' ');
    if (c.cls === 'person' && words.length >= 2) push(surnames, words[words.length - 1]!, i);
    if (c.cls === 'org') {
      const ini = initials(c.refs[0]!.entity.name);
      if (ini && ini.length >= 2) push(orgInitials, ini, i);
    }
    for (const r of c.refs) {
      for (const a of r.entity.aliases) {
        const k = `${c.cls}|${nameKey(a)}`;
        if (k === c.key) continue;
        if (namesPartOf(a, r.entity.name)) {
          c.keptApart.push(`"${a}" not taken as a name of ${r.entity.name} (${docs[r.doc]!.id}): it names what it belongs to`);
          continue;
        }
        // "the Court" is the Circuit Court in this document only: other documents' courts are other courts; so
        // is "the Speaker" this document's speaker.
        if (isOneOfMany(nameKey(a)) || isRoleOnly(a)) continue;
        // A given name ("Sam" for Sam Winchester) names him in this document only: other Sams are other people.
        if (c.cls === 'person' && nameKey(r.entity.name).split(' ').length >= 2
          && nameKey(a) === nameKey(r.entity.name).split(' ')[0]) continue;
        let s = aliases.get(k);
        if (!s) aliases.set(k, s = new Set());
        s.add(i);
      }
    }
  });
  // A weakly typed entity ("other") of the same name as exactly one entity of a real type is that entity: the
  // NER typed one mention of "Wikinews" as an organisation and another as nothing in particular.
  const byName = new Map<string, number[]>();
  clusters.forEach((c, i) => { if (c.cls !== 'other') push(byName, c.key.split('|')[1]!, i); });
  clusters.forEach((c, i) => {
    if (c.cls !== 'other') return;
    const same = byName.get(c.key.split('|')[1]!);
    if (same && same.length === 1) join(i, same[0]!, `same name "${c.refs[0]!.entity.name}" as the only typed entity so named`);
  });
  clusters.forEach((c, i) => {
    const key = c.key.split('|')[1]!;
    const claimed = aliases.get(c.key);
    if (claimed && claimed.size === 1) {
      const to = [...claimed][0]!;
      if (to !== i) {
        // That one document calls Jana Novak "Novak" says nothing by itself about another document's bare "Novak":
        // a person's short name is the same weak evidence as a surname, with the same checks. An organisation's
        // introduced short name or acronym ("the Federal Aviation Authority (FAA)") is taken as its name.
        const why = `"${c.refs[0]!.entity.name}" is the name ${docs[clusters[to]!.refs[0]!.doc]!.id} uses for `
          + `${clusters[to]!.refs[0]!.entity.name}`;
        if (c.cls === 'person') weakJoin(i, to, why); else join(i, to, why);
        return;
      }
    }
    if (c.cls === 'person' && !key.includes(' ')) {
      const full = surnames.get(key);
      if (full && full.length === 1) {
        weakJoin(i, full[0]!, `surname "${c.refs[0]!.entity.name}" of the only full-name person ending so: `
          + `${clusters[full[0]!]!.refs[0]!.entity.name}`);
      }
      return;
    }
    if (c.cls === 'org' && /^[a-z\d&]{2,8}$/.test(key) && isUpper(c.refs[0]!.entity.name)) {
      const full = orgInitials.get(key);
      if (full && full.length === 1 && full[0] !== i) {
        weakJoin(i, full[0]!, `"${c.refs[0]!.entity.name}" is the initials of the only organisation so named: `
          + `${clusters[full[0]!]!.refs[0]!.entity.name}`);
      }
    }
  });

  // A bare generic institution name in documents about one country ("Congress" where the documents are about the
  // United States) is that country's institution when the corpus names it in full ("United States Congress",
  // "Supreme Court of the United States"): the country facet already said which one, so the split is no obstacle.
  const byKey = new Map<string, number[]>();
  clusters.forEach((c, i) => push(byKey, c.key, i));
  clusters.forEach((c, i) => {
    const name = c.key.split('|')[1]!;
    if (!isGenericInstitution(name) || isOneOfMany(name)) return;
    // "the 117th Congress" is one term of it, not the institution.
    if (c.refs.some((r) => (r.entity.cues ?? []).some((x) => x.startsWith('edition:')))) return;
    const cs = countriesOf(i);
    if (cs.size !== 1) return;
    const country = [...cs][0]!;
    const targets = new Set<number>();
    for (const alias of countryAliases(country)) {
      for (const k of [`${alias} ${name}`, `${name} of ${alias}`, `${name} of the ${alias}`]) {
        for (const t of byKey.get(`${c.cls}|${k}`) ?? []) targets.add(t);
      }
    }
    if (targets.size !== 1) return;
    const to = [...targets][0]!;
    join(i, to, `"${c.refs[0]!.entity.name}" in documents about ${country} is ${clusters[to]!.refs[0]!.entity.name}`, true);
  });

  const members = new Map<number, number[]>();
  clusters.forEach((_, i) => push(members, find(i), i));
  const entities: CorpusEntity[] = [];
  for (const idx of members.values()) entities.push(build(idx.map((i) => clusters[i]!), docs));
  entities.sort((a, b) => a.links[0]!.doc - b.links[0]!.doc || (a.links[0]!.entityId < b.links[0]!.entityId ? -1 : 1));
  const byRef = assignIds(entities, previousIds);
  return { entities, byRef };
}

const ALIASES_OF = new Map<string, string[]>();
/** The name keys a country goes by in the geography table ("united states", "us", "usa", "america", ...). */
function countryAliases(country: string): string[] {
  if (ALIASES_OF.size === 0) {
    for (const [alias, c] of COUNTRY_BY_NAME) push(ALIASES_OF, c, nameKey(alias));
  }
  return [...new Set(ALIASES_OF.get(country) ?? [nameKey(country)])];
}

function isUpper(name: string): boolean {
  return /^[\p{Lu}\d&.\s]+$/u.test(name);
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) a.push(v); else m.set(k, [v]);
}

/** One cluster of the given refs of a name group. */
function oneCluster(key: string, refs: Ref[], contextOf: Set<string>[]): Cluster {
  const c: Cluster = { key, cls: key.split('|')[0] as TypeClass, refs: [], roles: [], context: new Map(), joinedBy: null, keptApart: [] };
  for (const r of refs) addRef(c, r, contextOf);
  return c;
}

function addRef(c: Cluster, r: Ref, contextOf: Set<string>[]): void {
  c.refs.push(r);
  c.roles.push(...r.entity.roles);
  for (const k of contextOf[r.doc]!) if (k !== c.key) c.context.set(k, (c.context.get(k) ?? 0) + 1);
}

/**
 * Splits one name group of people where roles conflict; other classes stay one cluster. A group of people called
 * by a single name alone ("Sam", "Novak": a given name or a surname, `singleName`) splits further: a document joins
 * another's person only when they share another entity, since agreeing roles or no roles at all say nothing about
 * which Sam is meant.
 */
function splitByRoles(key: string, refs: Ref[], contextOf: Set<string>[], singleName = false): Cluster[] {
  const cls = key.split('|')[0] as TypeClass;
  const fresh = () => oneCluster(key, [], contextOf);
  const add = (c: Cluster, r: Ref) => addRef(c, r, contextOf);
  if (cls !== 'person') return [oneCluster(key, refs, contextOf)];
  const out: Cluster[] = [];
  // Which clusters' documents name each context key, so that scoring a ref against the clusters costs what its
  // own context shares and not the number of clusters (a single name may sit alone in thousands of documents).
  const byContext = new Map<string, Cluster[]>();
  const addIndexed = (c: Cluster, r: Ref) => {
    for (const k of contextOf[r.doc]!) if (k !== key && !c.context.has(k)) push(byContext, k, c);
    add(c, r);
  };
  /** Clusters sharing at least one context key with the ref's document, with how many. */
  const overlaps = (r: Ref) => {
    const n = new Map<Cluster, number>();
    for (const k of contextOf[r.doc]!) {
      if (k === key) continue;
      for (const c of byContext.get(k) ?? []) n.set(c, (n.get(c) ?? 0) + 1);
    }
    return n;
  };
  const withRoles = refs.filter((r) => r.entity.roles.length > 0);
  const without = refs.filter((r) => r.entity.roles.length === 0);
  for (const r of withRoles) {
    const n = overlaps(r);
    const fits = (singleName ? [...n.keys()] : out).filter((c) => !rolesConflict(c.roles, r.entity.roles));
    if (fits.length === 0) {
      const c = fresh();
      if (out.length > 0 && singleName) {
        c.keptApart.push(`kept apart from the other ${r.entity.name}: a single name alone, and the documents name nothing else in common`);
      } else if (out.length > 0) {
        c.keptApart.push(`kept apart from the other ${r.entity.name}: roles ${quote(r.entity.roles)} conflict with `
          + `${quote(out[0]!.roles)}`);
      }
      addIndexed(c, r);
      out.push(c);
      continue;
    }
    fits.sort((a, b) => (n.get(b) ?? 0) - (n.get(a) ?? 0));
    addIndexed(fits[0]!, r);
  }
  const pending: Ref[] = [];
  for (const r of without) {
    if (out.length === 0 || (out.length === 1 && !singleName)) {
      if (out.length === 0) out.push(fresh());
      addIndexed(out[0]!, r);
      continue;
    }
    pending.push(r);
  }
  for (const r of pending) {
    const scored = [...overlaps(r)].sort((a, b) => b[1] - a[1]);
    const best = scored[0];
    if (best && best[1] > (scored[1]?.[1] ?? 0)) {
      addIndexed(best[0], r);
    } else {
      const c = fresh();
      c.keptApart.push(singleName
        ? `kept apart: "${r.entity.name}" is a single name, and nothing else in this document ties it to another so called`
        : `kept apart: ${out.length} people are called ${r.entity.name} and nothing in this document tells which`);
      addIndexed(c, r);
      out.push(c);
    }
  }
  return out;
}

const quote = (roles: string[]) => [...new Set(roles)].map((r) => `"${r}"`).join(', ');

function build(cs: Cluster[], docs: readonly DocDigest[]): CorpusEntity {
  cs.sort((a, b) => a.refs[0]!.doc - b.refs[0]!.doc);
  const first = cs[0]!.refs[0]!;
  const links: EntityLink[] = [];
  const nameCount = new Map<string, number>();
  const typeCount = new Map<EntityType, number>();
  const aliases = new Set<string>();
  for (const c of cs) {
    c.refs.forEach((r, j) => {
      const e = r.entity;
      const part = regionPart(e);
      const shown = part ? `${part} ${e.name}` : e.name;
      nameCount.set(shown, (nameCount.get(shown) ?? 0) + e.mentions);
      typeCount.set(e.type, (typeCount.get(e.type) ?? 0) + 1);
      aliases.add(e.name);
      for (const a of e.aliases) aliases.add(a);
      let reason: string;
      if (r === first) reason = `first seen in ${docs[r.doc]!.id}`;
      else if (j === 0 && c.joinedBy) reason = c.joinedBy;
      else {
        const lead = c.refs[0]!;
        reason = nameKey(e.name) === nameKey(lead.entity.name)
          ? `same name "${e.name}" (${typeClass(e.type)}) as in ${docs[lead.doc]!.id}`
          : `"${e.name}" and "${lead.entity.name}" name the same ${c.cls === 'place' ? 'country' : c.cls}`;
        if (r.entity.roles.length > 0 && c.roles.length > r.entity.roles.length) reason += `; roles agree`;
      }
      links.push({ doc: r.doc, docId: docs[r.doc]!.id, entityId: e.id, name: e.name, reason });
    });
  }
  links.sort((a, b) => a.doc - b.doc);
  // The display name: the fullest of the names used most.
  const name = [...nameCount].sort((a, b) => nameKey(b[0]).split(' ').length - nameKey(a[0]).split(' ').length
    || b[1] - a[1])[0]![0];
  const type = [...typeCount].sort((a, b) => b[1] - a[1])[0]![0];
  aliases.delete(name);
  return {
    id: '', formerIds: [], name, type, typeClass: typeClass(type), aliases: [...aliases].sort(),
    roles: cs.flatMap((c) => c.refs.flatMap((r) => r.entity.roles.map((role) => ({ role, doc: r.doc }))))
      .sort((a, b) => a.doc - b.doc),
    links, keptApart: cs.flatMap((c) => c.keptApart),
  };
}

/** Keeps the id each member had; mints `class:slug` (with `-2`, `-3` on a clash) for new entities. */
function assignIds(entities: CorpusEntity[], previous: Map<string, string>): Map<string, string> {
  const taken = new Set<string>();
  const byRef = new Map<string, string>();
  const pending: CorpusEntity[] = [];
  for (const e of entities) {
    const old = e.links.map((l) => previous.get(refKey(l.doc, l.entityId))).filter((x): x is string => !!x);
    const id = old.find((x) => !taken.has(x));
    if (id) {
      e.id = id;
      taken.add(id);
      e.formerIds = [...new Set(old.filter((x) => x !== id))];
    } else pending.push(e);
  }
  for (const e of pending) {
    // A region is minted from its shown name ("place:northern-italy"), not from the bare "Italy" its mentions had.
    const first = e.links[0]!.name;
    const region = e.typeClass === 'place' && e.name === `${e.name.split(' ')[0]} ${first}`
      && /^(?:north|south|east|west|central|sub-saharan)/i.test(e.name);
    const base = `${e.typeClass}:${slug(region ? e.name : first)}`;
    let id = base;
    for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
    e.id = id;
    taken.add(id);
  }
  for (const e of entities) {
    for (const l of e.links) {
      byRef.set(refKey(l.doc, l.entityId), e.id);
      previous.set(refKey(l.doc, l.entityId), e.id);
    }
  }
  return byRef;
}
