/** The SQLite store's list queries: each returns one window of its rows and how many match in all. */
import type Database from 'better-sqlite3';
import { SearchSyntaxError, isQuerySyntaxError, plainWordsQuery, usesSyntax } from './fts.js';
import { pageOf, windowHasRows, windowOf } from './page.js';
import type {
  ClaimQuery, ClaimRow, Page, PageQuery, SearchHit, SearchQuery, StatementQuery, StatementRow, StoreStats, TimelineQuery,
  TimelineRow,
} from './store.js';

type Params = Record<string, unknown>;

/** Counts the rows of `select` (a full SELECT without ORDER/LIMIT) and returns the window `order` puts first. */
function page<T>(db: Database.Database, select: string, order: string, params: Params, q: PageQuery, defaultLimit: number,
  map: (row: Record<string, unknown>) => T = (r) => r as T): Page<T> {
  const w = windowOf(q, defaultLimit);
  const total = db.prepare(`SELECT count(*) FROM (${select})`).pluck().get(params) as number;
  const rows = !windowHasRows(w, total) ? [] : (db.prepare(`${select} ORDER BY ${order} LIMIT @__limit OFFSET @__offset`)
    .all({ ...params, __limit: w.limit, __offset: w.offset }) as Record<string, unknown>[]);
  return pageOf(total, w.offset, rows, map);
}

/** Dates compare as text; only values that start with a calendar year can be placed before or after one. */
const DATED = (expr: string) => `${expr} GLOB '[0-9][0-9][0-9][0-9]*'`;

export function listStatements(db: Database.Database, q: StatementQuery): Page<StatementRow> {
  const where: string[] = [];
  const params: Params = {};
  // A filter matches the statement's own text column or the name of an entity linked to it in that role; the
  // entities are found first (few), then their statements by index.
  const filter = (param: 'speaker' | 'about', column: string, value: string) => {
    params[param] = value.toLowerCase();
    where.push(`(instr(casefold(${column}), @${param}) > 0 OR (s.doc_id, s.statement_id) IN (
      SELECT se.doc_id, se.statement_id FROM entities e
        JOIN statement_entities se ON se.doc_id = e.doc_id AND se.entity_id = e.entity_id AND se.role = '${param}'
      WHERE instr(casefold(e.name), @${param}) > 0))`);
  };
  if (q.speaker) filter('speaker', 's.speaker_name', q.speaker);
  if (q.about) filter('about', 's.content', q.about);
  if (q.since) {
    params.since = q.since;
    where.push(`${DATED('coalesce(s.report_time, d.published)')} AND coalesce(s.report_time, d.published) >= @since`);
  }
  if (q.docId) {
    params.docId = q.docId;
    where.push('s.doc_id = @docId');
  }
  return page(db, `
    SELECT s.doc_id AS docId, d.title AS docTitle, d.published, s.statement_id AS statementId,
      s.speaker_name AS speaker, s.cue, s.kind, s.content, s.channel, s.report_time AS reportTime, s.start, s.end
    FROM statements s JOIN documents d ON d.id = s.doc_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
  'd.published IS NULL, d.published, s.doc_id, s.start', params, q, 100);
}

export function listClaims(db: Database.Database, q: ClaimQuery): Page<ClaimRow> {
  const where: string[] = [];
  const params: Params = {};
  const statuses = q.status === undefined ? [] : Array.isArray(q.status) ? q.status : [q.status];
  if (statuses.length) {
    statuses.forEach((s, i) => { params[`status${i}`] = s; });
    where.push(`c.status IN (${statuses.map((_, i) => `@status${i}`).join(', ')})`);
  }
  if (q.by) {
    params.by = q.by.toLowerCase();
    // The parties the status is by; a claim with none named falls back to its statement's speaker.
    where.push(`(EXISTS (SELECT 1 FROM json_each(c.by_entities) j JOIN entities e ON e.doc_id = c.doc_id AND e.entity_id = j.value
        WHERE instr(casefold(e.name), @by) > 0)
      OR (json_array_length(c.by_entities) = 0 AND instr(casefold(s.speaker_name), @by) > 0))`);
  }
  if (q.about) {
    params.about = q.about.toLowerCase();
    where.push(`(instr(casefold(c.text), @about) > 0 OR EXISTS (
      SELECT 1 FROM mentions m JOIN entities e ON e.doc_id = m.doc_id AND e.entity_id = m.entity_id
      WHERE m.doc_id = c.doc_id AND m.start >= c.start AND m.end <= c.end AND instr(casefold(e.name), @about) > 0))`);
  }
  if (q.since) {
    params.since = q.since;
    where.push(`${DATED('coalesce(s.report_time, d.published)')} AND coalesce(s.report_time, d.published) >= @since`);
  }
  if (q.docId) {
    params.docId = q.docId;
    where.push('c.doc_id = @docId');
  }
  return page(db, `
    SELECT c.doc_id AS docId, d.title AS docTitle, d.published, c.claim_id AS claimId, c.text, c.status,
      (SELECT json_group_array(e.name) FROM json_each(c.by_entities) j
        JOIN entities e ON e.doc_id = c.doc_id AND e.entity_id = j.value) AS byNames,
      c.evidence, c.statement_id AS statementId, s.speaker_name AS speaker,
      coalesce(s.report_time, d.published) AS date, c.start AS claimStart
    FROM claims c JOIN documents d ON d.id = c.doc_id
      LEFT JOIN statements s ON s.doc_id = c.doc_id AND s.statement_id = c.statement_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
  'date IS NULL, date, docId, claimStart', params, q, 100, (r) => ({
    docId: r.docId as string, docTitle: r.docTitle as string | null, published: r.published as string | null,
    claimId: r.claimId as string, text: r.text as string, status: r.status as ClaimRow['status'],
    by: JSON.parse((r.byNames as string | null) ?? '[]') as string[], evidence: r.evidence as string | null,
    statementId: r.statementId as string | null, speaker: r.speaker as string | null, date: r.date as string | null,
  }));
}

export function listTimeline(db: Database.Database, q: TimelineQuery): Page<TimelineRow> {
  const params: Params = {};
  let timexFilter = '';
  let statementFilter = '';
  if (q.entity) {
    params.entity = q.entity.toLowerCase();
    const mentioned = (alias: string): string => `EXISTS (
      SELECT 1 FROM mentions m JOIN entities e ON e.doc_id = m.doc_id AND e.entity_id = m.entity_id
      WHERE m.doc_id = ${alias}.doc_id AND m.start >= ${alias}.sentence_start AND m.end <= ${alias}.sentence_end
        AND instr(casefold(e.name), @entity) > 0)`;
    timexFilter = `AND ${mentioned('t')}`;
    statementFilter = `AND (${mentioned('s')} OR instr(casefold(s.speaker_name), @entity) > 0)`;
  }
  // Durations and sets cannot be placed on a line.
  return page(db, `
    SELECT * FROM (
      SELECT t.value AS date, 'timex' AS kind, t.doc_id AS docId, d.title AS docTitle, t.sentence AS text,
        t.text AS timex, NULL AS speaker, t.start, t.end
      FROM timexes t JOIN documents d ON d.id = t.doc_id
      WHERE t.type IN ('DATE', 'TIME') AND ${DATED('t.value')} ${timexFilter}
      UNION ALL
      SELECT coalesce(s.report_time, d.published) AS date, 'statement', s.doc_id, d.title, s.content, NULL,
        s.speaker_name, s.start, s.end
      FROM statements s JOIN documents d ON d.id = s.doc_id
      WHERE ${DATED('coalesce(s.report_time, d.published)')} ${statementFilter}
    )`, 'date, docId, start', params, q, 1000);
}

export function searchPage(db: Database.Database, q: SearchQuery): Page<SearchHit> {
  const select = `
    SELECT f.doc_id AS docId, d.title AS docTitle, d.published, f.kind, f.statement_id AS statementId,
      snippet(fts, 0, '[', ']', '…', 12) AS snippet, rank
    FROM fts f JOIN documents d ON d.id = f.doc_id
    WHERE fts MATCH @match`;
  const strip = ({ rank: _rank, ...hit }: Record<string, unknown>) => hit as unknown as SearchHit;
  const text = q.text.trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return page(db, `${select} AND 0`, 'rank', { match: '""' }, q, 20, strip);
  try {
    return page(db, select, 'rank', { match: text }, q, 20, strip);
  } catch (e) {
    if (!isQuerySyntaxError(e)) throw e;
    // Text with punctuation FTS5 reads as syntax (U.S.-led, e-mail) but no operator used on purpose: plain words.
    const plain = plainWordsQuery(text);
    if (usesSyntax(text) || plain === null) throw new SearchSyntaxError(q.text, (e as Error).message);
    return page(db, select, 'rank', { match: plain }, q, 20, strip);
  }
}

export function storeStats(db: Database.Database): StoreStats {
  const count = (table: string): number => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return {
    documents: count('documents'), versions: count('document_versions'), entities: count('entities'),
    mentions: count('mentions'), statements: count('statements'), timexes: count('timexes'), claims: count('claims'),
  };
}
