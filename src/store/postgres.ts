/**
 * The PostgreSQL backend: one shared server that many processes (ingest runs, queue workers, the web server)
 * write and query at once. Each ingest (one document, or a queue worker's batch of them) is one transaction holding
 * a transaction-level advisory lock on each of its ids, so two processes ingesting the same document queue instead
 * of both inserting it or losing one version; documents with different ids never wait for each other.
 */
import type pg from 'pg';
import type { AnalysisOut } from '../model/format.js';
import { sentenceAround } from '../util/sentence-around.js';
import { versionRows } from './diff.js';
import { ANALYSES_BATCH, keysetAnalyses } from './page.js';
import { ingestDecision, prepareAnalysis, type PreparedAnalysis, type StoredRevision } from './ingest-plan.js';
import {
  StoreConnectionError, connectionError, createPool, isConnectionFailure, parsePgLocation, type PgLocation,
} from './postgres-connect.js';
import { listClaims, listStatements, listTimeline, searchPage, storeStats } from './postgres-read.js';
import {
  PG_APPLICATION, PG_MIGRATIONS, PG_SCHEMA_SQL, PG_SCHEMA_VERSION, SEARCH_CONFIG, SEARCH_PART_CHARS,
} from './postgres-schema.js';
import { StoreFormatError } from './sqlite.js';
import { entityNames, speakerName, statementContent, statementExtent, statementLinks } from './statement-text.js';
import type {
  ClaimQuery, ClaimRow, CorpusSource, CorpusUpdate, IngestResult, Page, SearchHit, SearchQuery, StatementQuery,
  StatementRow, Store, StoreStats, TimelineQuery, TimelineRow, VersionRow,
} from './store.js';

export { StoreConnectionError };

export interface PostgresOpenOptions {
  /** For queries only: every transaction is READ ONLY, so nothing can be written even by mistake. */
  readonly?: boolean;
  /** Connections this process may hold (default 4). */
  poolSize?: number;
  /** How long to wait for the server to accept a connection (ms, default 5000). */
  connectTimeoutMs?: number;
}

/** Advisory lock (class, key) pairs: the schema lock, and the class of per-document locks. */
const SCHEMA_LOCK = [0x434c4d31, 1] as const;
const DOCUMENT_LOCK_CLASS = 0x434c4d32;
/** SQLSTATEs a transaction may simply be run again after: serialization failure, deadlock. */
const RETRYABLE = new Set(['40001', '40P01']);
const ATTEMPTS = 5;

export class PostgresStore implements Store {
  private constructor(private readonly pool: pg.Pool, private readonly where: PgLocation, private readonly readonly: boolean) {}

  /**
   * Connects, creating the store's tables when the database (or `?schema=`) has none and migrating older ones.
   * A read-only open never creates or migrates: it says what to do instead.
   */
  static async open(url: string, opts: PostgresOpenOptions = {}): Promise<PostgresStore> {
    const where = parsePgLocation(url);
    const readonly = opts.readonly ?? false;
    const pool = createPool(where, { readonly, max: opts.poolSize, connectTimeoutMs: opts.connectTimeoutMs });
    try {
      await prepareSchema(pool, where, readonly);
    } catch (e) {
      await pool.end().catch(() => undefined);
      throw connectionError(where, e);
    }
    return new PostgresStore(pool, where, readonly);
  }

  /** The store's location, password hidden. */
  get location(): string {
    return this.where.shown;
  }

  /** Runs `fn` in one transaction on one connection, again from the start after a deadlock or serialization failure. */
  private async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.connect();
      let broken = false;
      // A checked-out client has no pool listener: a server shutdown (57P01) arriving between two queries of
      // this transaction (while `fn` computes) would be an unhandled 'error' event and end the process. Noted
      // here instead; the next query on the dead connection then fails and the transaction is retried or reported.
      const onError = () => { broken = true; };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (e) {
        broken = broken || isConnectionFailure(e);
        if (!broken) await client.query('ROLLBACK').catch(() => { broken = true; });
        const code = (e as { code?: string }).code ?? '';
        if (!RETRYABLE.has(code) || attempt >= ATTEMPTS) throw connectionError(this.where, e);
        await new Promise((r) => setTimeout(r, 20 * attempt * (0.5 + Math.random())));
      } finally {
        // A connection that failed mid-transaction is discarded, not handed to the next caller.
        client.off('error', onError);
        client.release(broken);
      }
    }
  }

  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (e) {
      throw connectionError(this.where, e);
    }
  }

  private async query<R extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    try {
      return await this.pool.query<R>(sql, values);
    } catch (e) {
      throw connectionError(this.where, e);
    }
  }

  private async reading<T>(fn: (db: pg.Pool) => Promise<T>): Promise<T> {
    try {
      return await fn(this.pool);
    } catch (e) {
      throw connectionError(this.where, e);
    }
  }

  async ingest(a: AnalysisOut): Promise<IngestResult> {
    return (await this.ingestBatch([a]))[0]!;
  }

  async ingestBatch(analyses: AnalysisOut[]): Promise<IngestResult[]> {
    if (this.readonly) throw new Error(`${this.where.shown} is open read-only`);
    const prepared = analyses.map(prepareAnalysis);
    if (prepared.length === 0) return [];
    // Every id's lock first, in one order, so two batches sharing ids wait for each other instead of deadlocking.
    const ids = [...new Set(prepared.map((p) => p.a.document.id))].sort();
    return this.transaction(async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock($1, hashtext(current_schema() || '/' || id))
        FROM unnest($2::text[]) AS id ORDER BY id`, [DOCUMENT_LOCK_CLASS, ids]);
      const results: IngestResult[] = [];
      // The derived rows of every document written, inserted together at the end: one statement per table per
      // batch. A document written twice in one batch keeps only its last analysis's rows (the delete of the
      // earlier row found none of them yet).
      const written = new Map<string, AnalysisOut>();
      for (const p of prepared) results.push(await this.ingestTx(client, p, written));
      await insertDerived(client, [...written.values()]);
      return results;
    });
  }

  /** One document inside the batch's transaction, its id's lock held: another ingest of it waits, then sees this one. */
  private async ingestTx(db: pg.PoolClient, p: PreparedAnalysis, written: Map<string, AnalysisOut>): Promise<IngestResult> {
    const { a, json, hash, textHash } = p;
    const d = a.document;
    // Named statements: parsed and planned once per connection, not once per document.
    const old = (await db.query<StoredRevision>({ name: 'claimline_ingest_old',
      text: 'SELECT version, text_hash AS "textHash", content_hash AS hash FROM documents WHERE id = $1', values: [d.id] })).rows[0];
    const { status, version } = ingestDecision(old, p);
    if (status === 'unchanged') return { status, docId: d.id, version };
    if (old !== undefined && status === 'new-version') {
      // The superseded version keeps its own text and analysis: nothing is ever silently replaced.
      await db.query(`UPDATE document_versions v SET text = d.text, analysis = d.analysis FROM documents d
        WHERE d.id = $1 AND v.doc_id = d.id AND v.version = $2`, [d.id, old.version]);
    }
    // Derived rows (search rows included) go with the document row: ON DELETE CASCADE.
    if (old !== undefined) await db.query({ name: 'claimline_ingest_delete', text: 'DELETE FROM documents WHERE id = $1', values: [d.id] });
    const now = new Date().toISOString();
    await db.query({ name: 'claimline_ingest_document', text: `INSERT INTO documents (id, title, url, published, language, source,
      text, content_hash, analysis, ingested_at, version, text_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    values: [d.id, d.title, d.url, d.published, d.language, d.source, pgText(d.text), hash, pgText(json), now, version, textHash] });
    await db.query({ name: 'claimline_ingest_version', text: `INSERT INTO document_versions (doc_id, version, text_hash, title,
      published, ingested_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (doc_id, version) DO UPDATE SET title = excluded.title,
      published = excluded.published, ingested_at = excluded.ingested_at`, values: [d.id, version, textHash, d.title, d.published, now] });
    written.set(d.id, a);
    return { status, docId: d.id, version };
  }

  async analysis(docId: string, version?: number): Promise<AnalysisOut | null> {
    const { rows } = version === undefined
      ? await this.query<{ json: string }>('SELECT analysis AS json FROM documents WHERE id = $1', [docId])
      : await this.query<{ json: string | null }>(`SELECT coalesce(v.analysis, d.analysis) AS json FROM document_versions v
          LEFT JOIN documents d ON d.id = v.doc_id AND d.version = v.version
          WHERE v.doc_id = $1 AND v.version = $2`, [docId, version]);
    const json = rows[0]?.json;
    return json == null ? null : (JSON.parse(json) as AnalysisOut);
  }

  analyses(): AsyncIterable<AnalysisOut> {
    return keysetAnalyses(async (after) => (await this.query<{ k: string; id: string; analysis: string }>(`SELECT
        coalesce(published, '~') AS k, id, analysis FROM documents WHERE (coalesce(published, '~'), id) > ($1, $2)
      ORDER BY coalesce(published, '~'), id LIMIT ${ANALYSES_BATCH}`, [after.k, after.id])).rows);
  }

  async versions(docId: string): Promise<VersionRow[]> {
    const { rows } = await this.query<{ version: number; title: string | null; published: string | null; ingestedAt: string;
      textHash: string; current: boolean; analysis: string | null }>(`SELECT v.version, v.title, v.published,
        v.ingested_at AS "ingestedAt", v.text_hash AS "textHash", d.version IS NOT NULL AS current,
        coalesce(v.analysis, d.analysis) AS analysis
      FROM document_versions v LEFT JOIN documents d ON d.id = v.doc_id AND d.version = v.version
      WHERE v.doc_id = $1 ORDER BY v.version`, [docId]);
    return versionRows(docId, rows);
  }

  async statements(q: StatementQuery = {}): Promise<Page<StatementRow>> {
    return this.reading((db) => listStatements(db, q));
  }

  async claims(q: ClaimQuery = {}): Promise<Page<ClaimRow>> {
    return this.reading((db) => listClaims(db, q));
  }

  async timeline(q: TimelineQuery = {}): Promise<Page<TimelineRow>> {
    return this.reading((db) => listTimeline(db, q));
  }

  async search(q: SearchQuery): Promise<Page<SearchHit>> {
    return this.reading((db) => searchPage(db, q));
  }

  async stats(): Promise<StoreStats> {
    return this.reading((db) => storeStats(db));
  }

  async corpusState(): Promise<{ state: unknown; documents: number } | null> {
    const { rows } = await this.query<{ state: string | null; documents: number }>(
      'SELECT state, documents FROM corpus_state WHERE id = 1');
    const row = rows[0];
    return row?.state == null ? null : { state: JSON.parse(row.state), documents: row.documents };
  }

  async updateCorpusState(update: (state: unknown | null, docs: CorpusSource) => CorpusUpdate | Promise<CorpusUpdate>,
    opts: { ifFree?: boolean } = {}): Promise<boolean> {
    if (this.readonly) throw new Error(`${this.where.shown} is open read-only`);
    return this.transaction(async (db) => {
      // The row lock queues concurrent updaters; each reads the documents committed before it got the lock
      // (READ COMMITTED: every statement sees the latest commits), so none loses another's additions. With
      // ifFree an updater finding the lock taken leaves at once: the holder's update is under way.
      const locked = await db.query(`SELECT id FROM corpus_state WHERE id = 1 FOR UPDATE${opts.ifFree ? ' SKIP LOCKED' : ''}`);
      if (locked.rows.length === 0) return false;
      const { rows } = await db.query<{ state: string | null }>('SELECT state FROM corpus_state WHERE id = 1');
      const docs: CorpusSource = {
        revisions: async () => (await db.query<[string, string]>({
          text: `SELECT id, version || '@' || ingested_at FROM documents ORDER BY coalesce(published, '~'), id`, rowMode: 'array',
        })).rows,
        analysis: async (id) => {
          const json = (await db.query<{ analysis: string }>('SELECT analysis FROM documents WHERE id = $1', [id])).rows[0]?.analysis;
          return json ? (JSON.parse(json) as AnalysisOut) : null;
        },
        analysesOf: async (ids) => new Map((await db.query<{ id: string; analysis: string }>(
          'SELECT id, analysis FROM documents WHERE id = ANY($1::text[])', [ids])).rows.map((r) => [r.id, JSON.parse(r.analysis) as AnalysisOut])),
      };
      const stored = rows[0]?.state;
      const next = await update(stored == null ? null : JSON.parse(stored), docs);
      if (next === null) return true;
      await db.query('UPDATE corpus_state SET state = $1, documents = $2, updated_at = $3 WHERE id = 1',
        [pgText(JSON.stringify(next.state)), next.documents, new Date().toISOString()]);
      return true;
    });
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}

/** PostgreSQL text cannot hold NUL; U+FFFD keeps every other character, and offsets, where they were. */
function pgText(s: string): string;
function pgText(s: string | null): string | null;
function pgText(s: string | null): string | null {
  return s !== null && s.includes('\u0000') ? s.replace(/\u0000/g, '\uFFFD') : s;
}

/** Inserts `rows` (one array per row, in `columns` order) in one statement: `unnest` of one array per column. */
async function insertRows(db: pg.PoolClient, table: string, columns: [name: string, type: string][], rows: unknown[][],
  onConflict = ''): Promise<void> {
  if (rows.length === 0) return;
  const arrays = columns.map((_, i) => rows.map((r) => (typeof r[i] === 'string' ? pgText(r[i] as string) : r[i])));
  const names = columns.map(([name]) => (name === 'end' ? '"end"' : name)).join(', ');
  const unnest = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  await db.query({ name: `claimline_insert_${table}`, text: `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${unnest}) ${onConflict}`, values: arrays });
}

/**
 * The rows derived from analyses: entities, mentions, timexes, statements and their links, claims, search rows;
 * each table's rows of every analysis in one statement.
 */
async function insertDerived(db: pg.PoolClient, analyses: AnalysisOut[]): Promise<void> {
  const entities: unknown[][] = [];
  const mentions: unknown[][] = [];
  const timexes: unknown[][] = [];
  const statements: unknown[][] = [];
  const links: unknown[][] = [];
  const claims: unknown[][] = [];
  const search: unknown[][] = [];
  for (const a of analyses) derivedRows(a, { entities, mentions, timexes, statements, links, claims, search });
  await insertRows(db, 'entities', [['doc_id', 'text'], ['entity_id', 'text'], ['name', 'text'], ['type', 'text'], ['roles', 'jsonb']],
    entities);
  await insertRows(db, 'mentions',
    [['doc_id', 'text'], ['entity_id', 'text'], ['start', 'int'], ['end', 'int'], ['text', 'text'], ['kind', 'text']], mentions);
  await insertRows(db, 'timexes', [['doc_id', 'text'], ['timex_id', 'text'], ['start', 'int'], ['end', 'int'], ['text', 'text'],
    ['type', 'text'], ['value', 'text'], ['resolved', 'bool'], ['sentence_start', 'int'], ['sentence_end', 'int'], ['sentence', 'text']],
  timexes);
  // No ON CONFLICT here: a duplicate statement id fails the ingest, as it does in SQLite.
  await insertRows(db, 'statements', [['doc_id', 'text'], ['statement_id', 'text'], ['kind', 'text'], ['speaker_entity', 'text'],
    ['speaker_name', 'text'], ['cue', 'text'], ['content', 'text'], ['channel', 'text'], ['report_time', 'text'], ['start', 'int'],
    ['end', 'int'], ['sentence_start', 'int'], ['sentence_end', 'int']], statements);
  // A speaker may also be named inside the content, or listed twice: one link each (SQLite: INSERT OR IGNORE).
  await insertRows(db, 'statement_entities', [['doc_id', 'text'], ['statement_id', 'text'], ['entity_id', 'text'], ['role', 'text']], links,
    'ON CONFLICT DO NOTHING');
  await insertRows(db, 'claims', [['doc_id', 'text'], ['claim_id', 'text'], ['statement_id', 'text'], ['text', 'text'], ['start', 'int'],
    ['end', 'int'], ['status', 'text'], ['by_entities', 'jsonb'], ['evidence', 'text']], claims);
  await insertRows(db, 'search_rows', [['doc_id', 'text'], ['kind', 'text'], ['statement_id', 'text'], ['part', 'int'], ['body', 'text']],
    search);
}

/** Appends one analysis's derived rows to each table's list, in the column order insertDerived gives. */
function derivedRows(a: AnalysisOut, out: Record<'entities' | 'mentions' | 'timexes' | 'statements' | 'links' | 'claims' | 'search', unknown[][]>): void {
  const doc = a.document;
  const id = doc.id;
  for (const e of a.entities) {
    out.entities.push([id, e.id, e.name, e.type, JSON.stringify(e.roles)]);
    for (const m of e.mentions) out.mentions.push([id, e.id, m.start, m.end, m.text, m.kind]);
  }
  for (const t of a.timexes) {
    const s = sentenceAround(doc.text, t.start, t.end);
    out.timexes.push([id, t.id, t.start, t.end, t.text, t.type, t.value, t.resolved, s.start, s.end, doc.text.slice(s.start, s.end)]);
  }
  const timeValues = new Map(a.timexes.map((t) => [t.id, t.value]));
  const names = entityNames(a);
  textParts(doc.text).forEach((body, part) => out.search.push([id, 'document', null, part, body]));
  for (const st of a.statements) {
    const x = statementExtent(doc.text, st);
    const content = statementContent(st);
    out.statements.push([id, st.id, st.kind, st.speaker.entity, speakerName(names, st), st.cue?.text ?? null, content,
      st.channel?.text ?? null, st.time ? timeValues.get(st.time) ?? null : null, x.start, x.end, x.sentenceStart, x.sentenceEnd]);
    for (const [entity, role] of statementLinks(a, st)) out.links.push([id, st.id, entity, role]);
    if (content) out.search.push([id, 'statement', st.id, 0, content]);
  }
  for (const c of a.claims) {
    out.claims.push([id, c.id, c.statement, c.text.text, c.text.start, c.text.end, c.status, JSON.stringify(c.by), c.evidence?.text ?? null]);
  }
}

/** A document's text in pieces of at most SEARCH_PART_CHARS, cut at whitespace where there is any. */
export function textParts(text: string): string[] {
  const parts: string[] = [];
  let at = 0;
  while (text.length - at > SEARCH_PART_CHARS) {
    let cut = text.lastIndexOf(' ', at + SEARCH_PART_CHARS);
    const newline = text.lastIndexOf('\n', at + SEARCH_PART_CHARS);
    cut = Math.max(cut, newline);
    if (cut <= at + SEARCH_PART_CHARS / 2) cut = at + SEARCH_PART_CHARS;
    parts.push(text.slice(at, cut));
    at = cut;
  }
  parts.push(text.slice(at));
  return parts;
}

/**
 * Creates or checks the store's tables under the schema lock, so processes opening one new database at once do
 * not both create it. The text search configuration folds diacritics with `unaccent` when the server has it.
 */
async function prepareSchema(pool: pg.Pool, where: PgLocation, readonly: boolean): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [...SCHEMA_LOCK]);
    if (where.schema && !readonly) await client.query(`CREATE SCHEMA IF NOT EXISTS ${where.schema}`);
    const found = (await client.query<{ versions: string | null; documents: string | null }>(
      "SELECT to_regclass('schema_version')::text AS versions, to_regclass('documents')::text AS documents")).rows[0]!;
    const place = `${where.shown}${where.schema ? '' : ' (schema public)'}`;
    if (found.versions === null) {
      if (found.documents !== null) throw new StoreFormatError(`${place} is not a claimline store (it holds other data)`);
      if (readonly) throw new StoreFormatError(`${place}: no claimline store here (create one with 'claimline ingest')`);
      await createSchema(client);
    } else {
      const row = (await client.query<{ application: string; version: number }>(
        'SELECT application, version FROM schema_version WHERE id = 1')).rows[0];
      if (row?.application !== PG_APPLICATION) throw new StoreFormatError(`${place} is not a claimline store (it holds other data)`);
      if (row.version > PG_SCHEMA_VERSION) {
        throw new StoreFormatError(`${place} has store schema ${row.version}; this claimline reads up to ${PG_SCHEMA_VERSION}`);
      }
      if (row.version < PG_SCHEMA_VERSION) {
        if (readonly) {
          throw new StoreFormatError(`${place} has store schema ${row.version}; this claimline needs ${PG_SCHEMA_VERSION}: `
            + 'open it once for writing (claimline ingest) to migrate it');
        }
        for (let v = row.version; v < PG_SCHEMA_VERSION; v++) {
          const step = PG_MIGRATIONS[v];
          if (step === undefined) throw new StoreFormatError(`no migration from store schema ${v} to ${v + 1}`);
          await client.query(step);
        }
        await client.query('UPDATE schema_version SET version = $1, updated_at = $2 WHERE id = 1',
          [PG_SCHEMA_VERSION, new Date().toISOString()]);
      }
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

async function createSchema(client: pg.PoolClient): Promise<void> {
  await client.query(`CREATE TEXT SEARCH CONFIGURATION ${SEARCH_CONFIG} (COPY = pg_catalog.simple)`);
  const unaccent = await unaccentDictionary(client);
  if (unaccent) {
    await client.query(`ALTER TEXT SEARCH CONFIGURATION ${SEARCH_CONFIG}
      ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH ${unaccent}, simple`);
  }
  await client.query(PG_SCHEMA_SQL);
  await client.query('INSERT INTO schema_version (id, application, version, updated_at) VALUES (1, $1, $2, $3)',
    [PG_APPLICATION, PG_SCHEMA_VERSION, new Date().toISOString()]);
}

/** The qualified name of the `unaccent` dictionary, installing the extension when allowed; null without it. */
async function unaccentDictionary(client: pg.PoolClient): Promise<string | null> {
  await client.query('SAVEPOINT unaccent');
  try {
    // In public, not the store's schema: dropping one store's schema must not take the extension from the others.
    await client.query('CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public');
    await client.query('RELEASE SAVEPOINT unaccent');
  } catch {
    await client.query('ROLLBACK TO SAVEPOINT unaccent');
  }
  const { rows } = await client.query<{ name: string }>(`SELECT quote_ident(n.nspname) || '.unaccent' AS name
    FROM pg_ts_dict t JOIN pg_namespace n ON n.oid = t.dictnamespace WHERE t.dictname = 'unaccent' LIMIT 1`);
  return rows[0]?.name ?? null;
}
