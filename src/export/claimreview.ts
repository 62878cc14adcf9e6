/**
 * schema.org ClaimReview (https://schema.org/ClaimReview) in JSON-LD, shaped as fact-checkers publish it for
 * Google's Fact Check markup: `claimReviewed`, `itemReviewed` (a `Claim` with its `author`, `datePublished` and
 * `appearance`s), `reviewRating` (a `Rating` whose `alternateName` is the verdict in words), the review's
 * `author` (the publisher) and `datePublished`, and `url` when the caller has a page for the review.
 *
 * claimline is not a fact-checker. The "rating" here is the claim's status as the source text reports it —
 * asserted, confirmed, denied, unconfirmed, disputed or retracted, and by whom — never a verdict on whether the
 * claim is true; every `ratingExplanation` says so. A fact-checker can use these records as a starting point
 * (who said what, where it appeared) and replace the rating with their own.
 */
import type { Assertion, ClaimCluster, Party } from '../corpus/claims.js';
import type { AnalysisOut, ClaimOut, ClaimStatus, EntityType } from '../model/format.js';
import { entityNames, speakerName } from '../store/statement-text.js';

export const DEFAULT_REVIEW_AUTHOR = 'claimline (automated extraction)';

export const NOT_A_VERDICT = 'claimline is not a fact-checker: this rating is the status of the claim as reported in the '
  + 'source text, extracted automatically; it is not a verdict on whether the claim is true.';

export interface SchemaThing {
  '@type': 'Person' | 'Organization';
  name: string;
  url?: string;
}

export interface ClaimAppearance {
  '@type': 'NewsArticle' | 'CreativeWork';
  url?: string;
  headline?: string;
  datePublished?: string;
  /** The claimline document id, so a reader can find the record behind the appearance. */
  identifier: string;
}

export interface ClaimReview {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  url?: string;
  claimReviewed: string;
  itemReviewed: {
    '@type': 'Claim';
    author?: SchemaThing;
    datePublished?: string;
    appearance: ClaimAppearance[];
    firstAppearance?: ClaimAppearance;
  };
  author: SchemaThing;
  datePublished: string;
  reviewRating: {
    '@type': 'Rating';
    alternateName: string;
    ratingExplanation: string;
  };
}

export interface ClaimReviewOptions {
  /** The publisher of the reviews; default an Organization named "claimline (automated extraction)". */
  reviewAuthor?: { name: string; url?: string; type?: 'Person' | 'Organization' };
  /** The reviews' publication date (YYYY-MM-DD); default today (UTC). */
  datePublished?: string;
  /** The page where a review is published, when there is one (Google's markup requires it of a published page). */
  reviewUrl?: (claim: { docId: string | null; claimId: string }) => string | undefined;
}

/** What a ClaimReview needs to know of a document it cites: for cluster reviews, looked up by id. */
export interface DocumentRef {
  id: string;
  title: string | null;
  url: string | null;
  published: string | null;
}

const STATUS_WORD: Record<ClaimStatus, string> = {
  asserted: 'Asserted', confirmed: 'Confirmed', denied: 'Denied', unconfirmed: 'Unconfirmed', disputed: 'Disputed', retracted: 'Retracted',
};

/** Entity types that are people; the rest that can speak (ORG, GPE, NORP, ...) are organisations. */
const schemaType = (type: EntityType | 'person' | null): SchemaThing['@type'] =>
  (type === 'PERSON' || type === 'person' ? 'Person' : 'Organization');

function reviewPublisher(opts: ClaimReviewOptions): SchemaThing {
  const a = opts.reviewAuthor;
  const who: SchemaThing = { '@type': a?.type ?? 'Organization', name: a?.name ?? DEFAULT_REVIEW_AUTHOR };
  if (a?.url) who.url = a.url;
  return who;
}

const today = () => new Date().toISOString().slice(0, 10);

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function appearanceOf(d: DocumentRef): ClaimAppearance {
  const a: ClaimAppearance = { '@type': d.url ? 'NewsArticle' : 'CreativeWork', identifier: d.id };
  if (d.url) a.url = d.url;
  if (d.title) a.headline = d.title;
  if (d.published) a.datePublished = d.published;
  return a;
}

/** One ClaimReview per claim of one document: the claim as that document reports it. */
export function claimReviewsOfAnalysis(a: AnalysisOut, opts: ClaimReviewOptions = {}): ClaimReview[] {
  return a.claims.map((c) => claimReviewOfClaim(a, c, opts));
}

export function claimReviewOfClaim(a: AnalysisOut, c: ClaimOut, opts: ClaimReviewOptions = {}): ClaimReview {
  const names = entityNames(a);
  const entities = new Map(a.entities.map((e) => [e.id, e]));
  const st = c.statement ? a.statements.find((s) => s.id === c.statement) : undefined;
  const timeOf = st?.time ? a.timexes.find((t) => t.id === st.time) : undefined;
  // A report time is only a date when the time expression resolved to one.
  const said = timeOf && timeOf.resolved && /^\d{4}-\d{2}-\d{2}/.test(timeOf.value) ? timeOf.value.slice(0, 10) : null;
  const byNames = c.by.map((id) => names.get(id) ?? id);
  const speaker = st ? speakerName(names, st) : null;
  // Who made the claim: the text only says so when the claim is asserted — then it is the party asserting it
  // (or the speaker of its statement). A denial's speaker is the denier, not the claimant: leave the author out.
  let claimant: SchemaThing | undefined;
  if (c.status === 'asserted') {
    const id = c.by[0] ?? st?.speaker.entity ?? null;
    const name = (id ? names.get(id) : undefined) ?? speaker;
    if (name) claimant = { '@type': schemaType(id ? entities.get(id)?.type ?? null : null), name };
  }
  const appearance = appearanceOf(a.document);
  const item: ClaimReview['itemReviewed'] = { '@type': 'Claim', appearance: [appearance], firstAppearance: appearance };
  if (claimant) item.author = claimant;
  const claimDate = said ?? a.document.published;
  if (claimDate) item.datePublished = claimDate;
  // A claim with no party named is the speaker's own (as the store's `claims --by` reads it).
  const by = byNames.length ? byNames : speaker ? [speaker] : [];
  const verdict = `${STATUS_WORD[c.status]}${by.length ? ` by ${joinNames(by)}` : ''}`;
  const where = a.document.title ? `“${a.document.title}”` : `document ${a.document.id}`;
  const evidence = c.evidence ? ` (the words: “${c.evidence.text}”)` : '';
  const inStatement = speaker ? ` in a statement by ${speaker}` : '';
  const explanation = `${NOT_A_VERDICT} ${where} reports this claim as ${c.status}${by.length ? ` by ${joinNames(by)}` : ''}`
    + `${evidence}${inStatement}.`;
  return review(c.text.text, item, verdict, explanation, { docId: a.document.id, claimId: c.id }, opts);
}

function review(claimReviewed: string, item: ClaimReview['itemReviewed'], alternateName: string, ratingExplanation: string,
  ref: { docId: string | null; claimId: string }, opts: ClaimReviewOptions): ClaimReview {
  const url = opts.reviewUrl?.(ref);
  // `url` first when there is one, where fact-checkers put it (key order matters to people reading, not to JSON-LD).
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    ...(url ? { url } : {}),
    claimReviewed,
    itemReviewed: item,
    author: reviewPublisher(opts),
    datePublished: opts.datePublished ?? today(),
    reviewRating: { '@type': 'Rating', alternateName, ratingExplanation },
  };
}

export interface ClusterReviewOptions extends ClaimReviewOptions {
  /** Title, URL and date of a document by id; without it an appearance names only the document id and date. */
  document?: (docId: string) => DocumentRef | null | undefined;
}

/**
 * One ClaimReview per claim cluster of the corpus layer: the proposition across documents, each party's current
 * status (a later status by the same party supersedes an earlier one), how many independent sources back each
 * status, and every document where it appeared.
 */
export function claimReviewOfCluster(c: ClaimCluster, opts: ClusterReviewOptions = {}): ClaimReview {
  const appearances: ClaimAppearance[] = [];
  const seen = new Set<string>();
  for (const a of c.assertions) {
    if (seen.has(a.docId)) continue;
    seen.add(a.docId);
    const d = opts.document?.(a.docId);
    appearances.push(appearanceOf(d ?? { id: a.docId, title: null, url: null, published: a.asOf }));
  }
  const item: ClaimReview['itemReviewed'] = { '@type': 'Claim', appearance: appearances };
  if (appearances[0]) item.firstAppearance = appearances[0];
  const asserters = c.current.filter((x) => x.status === 'asserted');
  const claimant = asserters[0] ?? null;
  if (claimant && !isOutlet(claimant.party)) item.author = { '@type': schemaType(partyClass(claimant.party)), name: claimant.party.name };
  if (c.first) item.datePublished = c.first;
  const parts = Object.entries(c.statuses).map(([status, s]) => {
    const names = s!.parties.map(partyName);
    return { status: status as ClaimStatus, names, s: s! };
  });
  const verdict = parts.map((p, i) => `${i === 0 ? STATUS_WORD[p.status] : p.status} by ${joinNames(p.names)}`).join('; ');
  const detail = parts.map((p) => `${p.status} by ${joinNames(p.names)} (${p.s.independentSources} independent source`
    + `${p.s.independentSources === 1 ? '' : 's'}, ${p.s.documents} document${p.s.documents === 1 ? '' : 's'})`).join('; ');
  const changed = c.assertions.filter((a) => a.superseded).map(describeSuperseded);
  const explanation = `${NOT_A_VERDICT} Current statuses across ${seen.size} document${seen.size === 1 ? '' : 's'}: ${detail}.`
    + (changed.length ? ` Earlier statuses since superseded: ${changed.join('; ')}.` : '');
  return review(c.proposition, item, verdict || 'Asserted', explanation, { docId: null, claimId: c.id }, opts);
}

const isOutlet = (p: Party) => p.id.startsWith('outlet:') || p.id.startsWith('doc:');
const partyClass = (p: Party): 'person' | null => (p.id.startsWith('person:') ? 'person' : null);
const partyName = (p: Party) => (isOutlet(p) ? `the report (${p.name})` : p.name);

function describeSuperseded(a: Assertion): string {
  return `${a.status} by ${partyName(a.party)}${a.asOf ? ` as of ${a.asOf}` : ''} in ${a.docId}`;
}
