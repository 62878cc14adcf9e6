/**
 * The PostgreSQL store's list queries, row for row the SQLite store's (sqlite-read.ts): the same filters, the same
 * order (byte order: the sorted columns use the "C" collation), the same Page windows.
 */
import type pg from 'pg';
import { SearchSyntaxError, plainWordsQuery, usesSyntax } from './fts.js';
import { plainTsquery, toTsquery } from './postgres-fts.js';
import { SEARCH_CONFIG } from './postgres-schema.js';
import { pageOf, windowHasRows, windowOf } from './page.js';
import type {
  ClaimQuery, ClaimRow, Page, PageQuery, SearchHit, SearchQuery, StatementQuery, StatementRow, StoreStats, TimelineQuery,
  TimelineRow,
} from './store.js';

/** Anything that runs a query: the pool, or one client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'>;

/** Positional parameters collected while a query is written: `p.add(v)` gives `$n`. */
class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/**
 * Counts the rows of `select` (a full SELECT without ORDER/LIMIT) and returns the window `order` puts first;
 * `outer` may wrap the window (to compute something only for the rows returned, such as snippets).
 */
async function page<T>(db: Queryable, select: string, order: string, p: Params, q: PageQuery, defaultLimit: number,
  map: (row: Record<string, unknown>) => T = (r) => r as T, outer = (window: string) => window): Promise<Page<T>> {
  const w = windowOf(q, defaultLimit);
  const counted = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${select}) counted`, p.values);
  const total = counted.rows[0]!.n;
  let rows: Record<string, unknown>[] = [];
  if (windowHasRows(w, total)) {
    const window = `SELECT * FROM (${select}) listed ORDER BY ${order} LIMIT ${w.limit} OFFSET ${w.offset}`;
    rows = (await db.query(outer(window), p.values)).rows;
  }
  return pageOf(total, w.offset, rows, map);
}

/** Dates compare as text; only values that start with a calendar year can be placed before or after one. */
const DATED = (expr: string) => `${expr} ~ '^[0-9]{4}'`;
/** Case-insensitive substring test; `needle` is a parameter already lowercased (JS and PostgreSQL fold alike). */
const CONTAINS = (column: string, needle: string) => `strpos(lower(${column}), ${needle}) > 0`;

export async function listStatements(db: Queryable, q: StatementQuery): Promise<Page<StatementRow>> {
  const where: string[] = [];
  const p = new Params();
  const filter = (role: 'speaker' | 'about', column: string, value: string) => {
    const needle = p.add(value.toLowerCase());
    where.push(`(${CONTAINS(column, needle)} OR (s.doc_id, s.statement_id) IN (
      SELECT se.doc_id, se.statement_id FROM entities e
        JOIN statement_entities se ON se.doc_id = e.doc_id AND se.entity_id = e.entity_id AND se.role = '${role}'
      WHERE ${CONTAINS('e.name', needle)}))`);
  };
  if (q.speaker) filter('speaker', 's.speaker_name', q.speaker);
  if (q.about) filter('about', 's.content', q.about);
  if (q.since) {
    where.push(`${DATED('coalesce(s.report_time, d.published)')} AND coalesce(s.report_time, d.published) >= ${p.add(q.since)}`);
  }
  if (q.docId) where.push(`s.doc_id = ${p.add(q.docId)}`);
  return page(db, `
    SELECT s.doc_id AS "docId", d.title AS "docTitle", d.published, s.statement_id AS "statementId",
      s.speaker_name AS speaker, s.cue, s.kind, s.content, s.channel, s.report_time AS "reportTime", s.start, s."end"
    FROM statements s JOIN documents d ON d.id = s.doc_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
  'published IS NULL, published, "docId", start', p, q, 100);
}

export async function listClaims(db: Queryable, q: ClaimQuery): Promise<Page<ClaimRow>> {
  const where: string[] = [];
  const p = new Params();
  const statuses = q.status === undefined ? [] : Array.isArray(q.status) ? q.status : [q.status];
  if (statuses.length) where.push(`c.status = ANY(${p.add(statuses)}::text[])`);
  if (q.by) {
    const by = p.add(q.by.toLowerCase());
    // The parties the status is by; a claim with none named falls back to its statement's speaker.
    where.push(`(EXISTS (SELECT 1 FROM jsonb_array_elements_text(c.by_entities) j(id)
        JOIN entities e ON e.doc_id = c.doc_id AND e.entity_id = j.id WHERE ${CONTAINS('e.name', by)})
      OR (jsonb_array_length(c.by_entities) = 0 AND ${CONTAINS('s.speaker_name', by)}))`);
  }
  if (q.about) {
    const about = p.add(q.about.toLowerCase());
    where.push(`(${CONTAINS('c.text', about)} OR EXISTS (
      SELECT 1 FROM mentions m JOIN entities e ON e.doc_id = m.doc_id AND e.entity_id = m.entity_id
      WHERE m.doc_id = c.doc_id AND m.start >= c.start AND m."end" <= c."end" AND ${CONTAINS('e.name', about)}))`);
  }
  if (q.since) {
    where.push(`${DATED('coalesce(s.report_time, d.published)')} AND coalesce(s.report_time, d.published) >= ${p.add(q.since)}`);
  }
  if (q.docId) where.push(`c.doc_id = ${p.add(q.docId)}`);
  return page(db, `
    SELECT c.doc_id AS "docId", d.title AS "docTitle", d.published, c.claim_id AS "claimId", c.text, c.status,
      ARRAY(SELECT e.name FROM jsonb_array_elements_text(c.by_entities) WITH ORDINALITY j(id, n)
        JOIN entities e ON e.doc_id = c.doc_id AND e.entity_id = j.id ORDER BY j.n) AS "byNames",
      c.evidence, c.statement_id AS "statementId", s.speaker_name AS speaker,
      coalesce(s.report_time, d.published) AS date, c.start AS "claimStart"
    FROM claims c JOIN documents d ON d.id = c.doc_id
      LEFT JOIN statements s ON s.doc_id = c.doc_id AND s.statement_id = c.statement_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
  'date IS NULL, date, "docId", "claimStart"', p, q, 100, (r) => ({
    docId: r.docId as string, docTitle: r.docTitle as string | null, published: r.published as string | null,
    claimId: r.claimId as string, text: r.text as string, status: r.status as ClaimRow['status'],
    by: r.byNames as string[], evidence: r.evidence as string | null,
    statementId: r.statementId as string | null, speaker: r.speaker as string | null, date: r.date as string | null,
  }));
}

export async function listTimeline(db: Queryable, q: TimelineQuery): Promise<Page<TimelineRow>> {
  const p = new Params();
  let timexFilter = '';
  let statementFilter = '';
  if (q.entity) {
    const entity = p.add(q.entity.toLowerCase());
    const mentioned = (alias: string): string => `EXISTS (
      SELECT 1 FROM mentions m JOIN entities e ON e.doc_id = m.doc_id AND e.entity_id = m.entity_id
      WHERE m.doc_id = ${alias}.doc_id AND m.start >= ${alias}.sentence_start AND m."end" <= ${alias}.sentence_end
        AND ${CONTAINS('e.name', entity)})`;
    timexFilter = `AND ${mentioned('t')}`;
    statementFilter = `AND (${mentioned('s')} OR ${CONTAINS('s.speaker_name', entity)})`;
  }
  // Durations and sets cannot be placed on a line.
  return page(db, `
      SELECT t.value AS date, 'timex' AS kind, t.doc_id AS "docId", d.title AS "docTitle", t.sentence AS text,
        t.text AS timex, NULL AS speaker, t.start, t."end"
      FROM timexes t JOIN documents d ON d.id = t.doc_id
      WHERE t.type IN ('DATE', 'TIME') AND ${DATED('t.value')} ${timexFilter}
      UNION ALL
      SELECT coalesce(s.report_time, d.published), 'statement', s.doc_id, d.title, s.content, NULL, s.speaker_name,
        s.start, s."end"
      FROM statements s JOIN documents d ON d.id = s.doc_id
      WHERE ${DATED('coalesce(s.report_time, d.published)')} ${statementFilter}`,
  'date, "docId", start', p, q, 1000);
}

/** ts_headline options: hits marked [like this]; a long text gives one passage of about FTS5's 12-token snippet. */
const MARKS = 'StartSel="[", StopSel="]"';
const HEADLINE = `${MARKS}, MaxWords=14, MinWords=6, ShortWord=0, MaxFragments=1, FragmentDelimiter=" … "`;
/** Texts up to this long (most statements) are shown whole, punctuation and all, as FTS5 shows a short column. */
const WHOLE_SNIPPET_CHARS = 200;

async function searchWith(db: Queryable, tsquery: string, q: SearchQuery): Promise<Page<SearchHit>> {
  const p = new Params();
  const query = `to_tsquery('${SEARCH_CONFIG}', ${p.add(tsquery)})`;
  // A long document is indexed in pieces; it is one hit, at its best-ranked piece.
  const select = `
    SELECT DISTINCT ON (r.doc_id, r.kind, r.statement_id) r.doc_id AS "docId", d.title AS "docTitle", d.published,
      r.kind, r.statement_id AS "statementId", r.body, ts_rank(r.tsv, q.q) AS rank, q.q
    FROM search_rows r JOIN documents d ON d.id = r.doc_id, (SELECT ${query} AS q) q
    WHERE r.tsv @@ q.q
    ORDER BY r.doc_id, r.kind, r.statement_id, rank DESC`;
  // Headlines are computed for the returned window only: ts_headline re-parses the text, the costly part.
  return page(db, select, 'rank DESC, "docId", kind, "statementId"', p, q, 20,
    (r) => ({ docId: r.docId, docTitle: r.docTitle, published: r.published, kind: r.kind, statementId: r.statementId,
      snippet: r.snippet }) as SearchHit,
    (window) => `SELECT w."docId", w."docTitle", w.published, w.kind, w."statementId",
        CASE WHEN length(w.body) <= ${WHOLE_SNIPPET_CHARS}
          THEN ts_headline('${SEARCH_CONFIG}', w.body, w.q, '${MARKS}, HighlightAll=true')
          ELSE ts_headline('${SEARCH_CONFIG}', w.body, w.q, '${HEADLINE}') END AS snippet
      FROM (${window}) w ORDER BY w.rank DESC, w."docId", w.kind, w."statementId"`);
}

/** `to_tsquery` refusing what it was given: a query text we built badly, which the user sees as a syntax error. */
const isTsquerySyntaxError = (e: unknown): boolean => (e as { code?: string }).code === '42601';

export async function searchPage(db: Queryable, q: SearchQuery): Promise<Page<SearchHit>> {
  const text = q.text.trim();
  // Nothing to search for (no letter or digit): no hits, as in SQLite, with the window checked as there.
  if (!/[\p{L}\p{N}]/u.test(text)) return pageOf<SearchHit>(0, windowOf(q, 20).offset, [], (r) => r as unknown as SearchHit);
  let tsquery: string;
  try {
    tsquery = toTsquery(text);
  } catch (e) {
    if (!(e instanceof SearchSyntaxError)) throw e;
    // Text whose punctuation reads as syntax but uses no operator on purpose: plain words, as the SQLite store does.
    const plain = plainWordsQuery(text) === null ? null : plainTsquery(text);
    if (usesSyntax(text) || plain === null) throw new SearchSyntaxError(q.text, e.message.replace(/^.*?': (.*) \(FTS5.*$/, '$1'));
    tsquery = plain;
  }
  try {
    return await searchWith(db, tsquery, q);
  } catch (e) {
    if (isTsquerySyntaxError(e)) throw new SearchSyntaxError(q.text, (e as Error).message);
    throw e;
  }
}

export async function storeStats(db: Queryable): Promise<StoreStats> {
  const { rows } = await db.query<StoreStats>(`SELECT
    (SELECT count(*)::int FROM documents) AS documents, (SELECT count(*)::int FROM document_versions) AS versions,
    (SELECT count(*)::int FROM entities) AS entities, (SELECT count(*)::int FROM mentions) AS mentions,
    (SELECT count(*)::int FROM statements) AS statements, (SELECT count(*)::int FROM timexes) AS timexes,
    (SELECT count(*)::int FROM claims) AS claims`);
  return rows[0]!;
}
