/**
 * The SQLite backend (better-sqlite3, WAL): one file, one IMMEDIATE transaction per ingested document, so
 * concurrent writers queue for the write lock instead of failing, and a crash keeps every committed document.
 */
import Database from 'better-sqlite3';
import type { AnalysisOut } from '../model/format.js';
import { sentenceAround } from '../util/sentence-around.js';
import { versionRows } from './diff.js';
import { ANALYSES_BATCH, keysetAnalyses } from './page.js';
import { entityNames, speakerName, statementContent, statementExtent, statementLinks } from './statement-text.js';
import { prepareAnalysis, ingestDecision, type PreparedAnalysis, type StoredRevision } from './ingest-plan.js';
import { migrate } from './migrations.js';
import { listClaims, listStatements, listTimeline, searchPage, storeStats } from './sqlite-read.js';
import { APPLICATION_ID, FTS_ROWS_PER_DOC, SCHEMA_SQL, SCHEMA_VERSION } from './schema.js';
import type {
  ClaimQuery, ClaimRow, CorpusSource, CorpusUpdate, IngestResult, Page, SearchHit, SearchQuery, StatementQuery, StatementRow, Store,
  StoreStats, TimelineQuery, TimelineRow, VersionRow,
} from './store.js';

/** The store file is missing its schema, belongs to another program, or was written by a newer claimline. */
export class StoreFormatError extends Error {}

export interface SqliteOpenOptions {
  /** Open for queries only: nothing is written, so a store on a read-only file or folder can be queried. */
  readonly?: boolean;
  /** How long one write waits for another writer's lock before retrying (ms). Default 10000. */
  busyTimeoutMs?: number;
  /** How long, in all, a write keeps retrying on SQLITE_BUSY before giving up (ms). Default 120000. */
  retryForMs?: number;
}

const BUSY = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_RECOVERY', 'SQLITE_LOCKED']);
const SLEEPER = new Int32Array(new SharedArrayBuffer(4));

/** Blocks this thread for `ms`: better-sqlite3 is synchronous, and a retry must not let other work interleave. */
function sleep(ms: number): void {
  Atomics.wait(SLEEPER, 0, 0, ms);
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly readonly: boolean;
  private readonly retryForMs: number;
  /** Ingest's statements, compiled once per connection rather than once per document. */
  private readonly compiled = new Map<string, Database.Statement>();
  /** The tail of this store's queue of write transactions (see `exclusive`). */
  private writes: Promise<unknown> = Promise.resolve();
  /** The corpus update's read connection (see `updateCorpusState`), and the tail of its queue of snapshots. */
  private reader: Database.Database | null = null;
  private reads: Promise<unknown> = Promise.resolve();

  constructor(readonly file: string, opts: SqliteOpenOptions = {}) {
    this.readonly = opts.readonly ?? false;
    this.retryForMs = opts.retryForMs ?? 120_000;
    try {
      this.db = new Database(file, { readonly: this.readonly, fileMustExist: this.readonly });
    } catch (e) {
      throw openError(file, e, this.readonly);
    }
    try {
      // Set first: even switching to WAL takes a lock another writer may hold.
      this.db.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 10_000}`);
      this.db.pragma('foreign_keys = ON');
      if (this.readonly) this.checkSchema(file);
      else {
        this.retrying(() => this.db.pragma('journal_mode = WAL'));
        this.retrying(() => this.prepareSchema(file));
      }
    } catch (e) {
      this.db.close();
      throw openError(file, e, this.readonly);
    }
    // SQLite's LIKE and lower() fold ASCII only; speaker and entity names are often not ASCII.
    this.db.function('casefold', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? s.toLowerCase() : null));
  }

  /**
   * Opens (creating when writable and missing) a store file. A read-only open of a store with an older schema
   * migrates it first when the file can be written, and says what to do when it cannot.
   */
  static open(file: string, opts: SqliteOpenOptions = {}): SqliteStore {
    try {
      return new SqliteStore(file, opts);
    } catch (e) {
      if (!(opts.readonly && e instanceof SchemaTooOldError)) throw e;
      try {
        new SqliteStore(file, { ...opts, readonly: false }).db.close();
      } catch (m) {
        throw new StoreFormatError(`${file} has store schema ${e.version} and cannot be migrated to ${SCHEMA_VERSION} here `
          + `(${(m as Error).message}); open it once where it can be written`);
      }
      return new SqliteStore(file, opts);
    }
  }

  /** Runs `fn`, retrying with growing pauses while another connection holds the lock it needs. */
  private retrying<T>(fn: () => T): T {
    const deadline = Date.now() + this.retryForMs;
    for (let attempt = 0; ; attempt++) {
      try {
        return fn();
      } catch (e) {
        const code = (e as { code?: string }).code ?? '';
        if (!BUSY.has(code) || Date.now() > deadline) throw e;
        sleep(Math.min(500, 10 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random()));
      }
    }
  }

  private header(): { appId: number; version: number; tables: number } {
    return {
      appId: this.db.pragma('application_id', { simple: true }) as number,
      version: this.db.pragma('user_version', { simple: true }) as number,
      tables: this.db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get() as number,
    };
  }

  private checkSchema(file: string): void {
    const { appId, version, tables } = this.header();
    if (appId === 0 && version === 0 && tables === 0) throw new StoreFormatError(`${file} is an empty database, not a claimline store`);
    if (appId !== APPLICATION_ID) throw new StoreFormatError(`${file} is not a claimline store (it holds other data)`);
    if (version > SCHEMA_VERSION) {
      throw new StoreFormatError(`${file} has store schema ${version}; this claimline reads up to ${SCHEMA_VERSION}`);
    }
    if (version < SCHEMA_VERSION) throw new SchemaTooOldError(file, version);
  }

  // IMMEDIATE: two processes creating or migrating one new file at once must not both do it.
  private prepareSchema(file: string): void {
    this.db.transaction(() => {
      const { appId, version, tables } = this.header();
      if (appId === 0 && version === 0 && tables === 0) {
        this.db.exec(SCHEMA_SQL);
        this.db.pragma(`application_id = ${APPLICATION_ID}`);
        this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
        return;
      }
      try {
        this.checkSchema(file);
      } catch (e) {
        if (!(e instanceof SchemaTooOldError)) throw e;
        migrate(this.db, e.version, SCHEMA_VERSION);
        this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
      }
    }).immediate();
  }

  async ingest(a: AnalysisOut): Promise<IngestResult> {
    return (await this.ingestBatch([a]))[0]!;
  }

  async ingestBatch(analyses: AnalysisOut[]): Promise<IngestResult[]> {
    if (this.readonly) throw new Error(`${this.file} is open read-only`);
    const prepared = analyses.map(prepareAnalysis);
    if (prepared.length === 0) return [];
    // One IMMEDIATE transaction for the batch (one lock, one WAL sync); better-sqlite3 rolls it back if it throws.
    const tx = this.db.transaction(() => prepared.map((p) => this.ingestTx(p)));
    return this.exclusive(async () => this.retrying(() => tx.immediate()));
  }

  private prepared(sql: string): Database.Statement {
    let st = this.compiled.get(sql);
    if (!st) this.compiled.set(sql, st = this.db.prepare(sql));
    return st;
  }

  private ingestTx(p: PreparedAnalysis): IngestResult {
    const { a, json, hash, textHash } = p;
    const d = a.document;
    const old = this.prepared(`SELECT version, text_hash AS textHash, content_hash AS hash, fts_base AS ftsBase
      FROM documents WHERE id = ?`).get(d.id) as (StoredRevision & { ftsBase: number }) | undefined;
    const { status, version } = ingestDecision(old, p);
    if (status === 'unchanged') return { status, docId: d.id, version };
    if (old !== undefined && status === 'new-version') {
      // The superseded version keeps its own text and analysis: nothing is ever silently replaced.
      this.prepared(`UPDATE document_versions SET text = (SELECT text FROM documents WHERE id = @id),
        analysis = (SELECT analysis FROM documents WHERE id = @id) WHERE doc_id = @id AND version = @version`)
        .run({ id: d.id, version: old.version });
    }
    if (old !== undefined) {
      // Derived rows go with the document row (ON DELETE CASCADE); the FTS table has no foreign keys.
      // One equality per row: FTS5 answers a rowid equality from its index but a rowid range by a scan.
      const rows = 1 + (this.prepared('SELECT count(*) FROM statements WHERE doc_id = ?').pluck().get(d.id) as number);
      const delFts = this.prepared('DELETE FROM fts WHERE rowid = ?');
      for (let k = 0; k < rows; k++) delFts.run(old.ftsBase * FTS_ROWS_PER_DOC + k);
      this.prepared('DELETE FROM documents WHERE id = ?').run(d.id);
    }
    const ftsBase = old?.ftsBase
      ?? (this.prepared('SELECT coalesce(max(fts_base), 0) + 1 FROM documents').pluck().get() as number);
    const now = new Date().toISOString();
    this.prepared(`INSERT INTO documents (id, title, url, published, language, source, text, content_hash, analysis,
      ingested_at, version, text_hash, fts_base) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      d.id, d.title, d.url, d.published, d.language, d.source, d.text, hash, json, now, version, textHash, ftsBase);
    this.prepared(`INSERT INTO document_versions (doc_id, version, text_hash, title, published, ingested_at)
      VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (doc_id, version) DO UPDATE SET title = excluded.title,
      published = excluded.published, ingested_at = excluded.ingested_at`).run(d.id, version, textHash, d.title, d.published, now);
    const ftsRow = ftsBase * FTS_ROWS_PER_DOC;
    this.prepared("INSERT INTO fts (rowid, body, kind, doc_id, statement_id) VALUES (?, ?, 'document', ?, NULL)")
      .run(ftsRow, d.text, d.id);
    this.insertEntities(a);
    this.insertTimexes(a);
    this.insertStatements(a, ftsRow);
    this.insertClaims(a);
    return { status, docId: d.id, version };
  }

  private insertEntities(a: AnalysisOut): void {
    const ent = this.prepared('INSERT INTO entities (doc_id, entity_id, name, type, roles) VALUES (?, ?, ?, ?, ?)');
    const men = this.prepared('INSERT INTO mentions (doc_id, entity_id, start, end, text, kind) VALUES (?, ?, ?, ?, ?, ?)');
    for (const e of a.entities) {
      ent.run(a.document.id, e.id, e.name, e.type, JSON.stringify(e.roles));
      for (const m of e.mentions) men.run(a.document.id, e.id, m.start, m.end, m.text, m.kind);
    }
  }

  private insertTimexes(a: AnalysisOut): void {
    const ins = this.prepared(`INSERT INTO timexes (doc_id, timex_id, start, end, text, type, value, resolved,
      sentence_start, sentence_end, sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const t of a.timexes) {
      const s = sentenceAround(a.document.text, t.start, t.end);
      ins.run(a.document.id, t.id, t.start, t.end, t.text, t.type, t.value, t.resolved ? 1 : 0, s.start, s.end,
        a.document.text.slice(s.start, s.end));
    }
  }

  private insertStatements(a: AnalysisOut, ftsRow: number): void {
    const docId = a.document.id;
    const ins = this.prepared(`INSERT INTO statements (doc_id, statement_id, kind, speaker_entity, speaker_name, cue,
      content, channel, report_time, start, end, sentence_start, sentence_end)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const link = this.prepared(
      'INSERT OR IGNORE INTO statement_entities (doc_id, statement_id, entity_id, role) VALUES (?, ?, ?, ?)');
    const fts = this.prepared("INSERT INTO fts (rowid, body, kind, doc_id, statement_id) VALUES (?, ?, 'statement', ?, ?)");
    if (a.statements.length >= FTS_ROWS_PER_DOC) throw new Error(`${a.statements.length} statements: more than the store indexes per document`);
    const timeValues = new Map(a.timexes.map((t) => [t.id, t.value]));
    const names = entityNames(a);
    for (const [i, st] of a.statements.entries()) {
      const x = statementExtent(a.document.text, st);
      const content = statementContent(st);
      ins.run(docId, st.id, st.kind, st.speaker.entity, speakerName(names, st), st.cue?.text ?? null, content,
        st.channel?.text ?? null, st.time ? timeValues.get(st.time) ?? null : null, x.start, x.end, x.sentenceStart, x.sentenceEnd);
      for (const [entity, role] of statementLinks(a, st)) link.run(docId, st.id, entity, role);
      if (content) fts.run(ftsRow + i + 1, content, docId, st.id);
    }
  }

  private insertClaims(a: AnalysisOut): void {
    const ins = this.prepared(`INSERT INTO claims (doc_id, claim_id, statement_id, text, start, end, status,
      by_entities, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const c of a.claims) {
      ins.run(a.document.id, c.id, c.statement, c.text.text, c.text.start, c.text.end, c.status, JSON.stringify(c.by),
        c.evidence?.text ?? null);
    }
  }

  async analysis(docId: string, version?: number): Promise<AnalysisOut | null> {
    const json = (version === undefined
      ? this.db.prepare('SELECT analysis FROM documents WHERE id = ?').pluck().get(docId)
      : this.db.prepare(`SELECT coalesce(v.analysis, d.analysis) FROM document_versions v
          LEFT JOIN documents d ON d.id = v.doc_id AND d.version = v.version
          WHERE v.doc_id = ? AND v.version = ?`).pluck().get(docId, version)) as string | null | undefined;
    return json == null ? null : (JSON.parse(json) as AnalysisOut);
  }

  analyses(): AsyncIterable<AnalysisOut> {
    const batch = this.db.prepare(`SELECT coalesce(published, '~') AS k, id, analysis FROM documents
      WHERE (coalesce(published, '~'), id) > (@k, @id) ORDER BY coalesce(published, '~'), id LIMIT ${ANALYSES_BATCH}`);
    return keysetAnalyses(async (after) => batch.all(after) as { k: string; id: string; analysis: string }[]);
  }

  async versions(docId: string): Promise<VersionRow[]> {
    const rows = this.db.prepare(`SELECT v.version, v.title, v.published, v.ingested_at AS ingestedAt,
        v.text_hash AS textHash, d.version IS NOT NULL AS current, coalesce(v.analysis, d.analysis) AS analysis
      FROM document_versions v LEFT JOIN documents d ON d.id = v.doc_id AND d.version = v.version
      WHERE v.doc_id = ? ORDER BY v.version`).all(docId) as
      { version: number; title: string | null; published: string | null; ingestedAt: string; textHash: string;
        current: number; analysis: string | null }[];
    return versionRows(docId, rows.map((r) => ({ ...r, current: r.current === 1 })));
  }

  async statements(q: StatementQuery = {}): Promise<Page<StatementRow>> {
    return listStatements(this.db, q);
  }

  async claims(q: ClaimQuery = {}): Promise<Page<ClaimRow>> {
    return listClaims(this.db, q);
  }

  async timeline(q: TimelineQuery = {}): Promise<Page<TimelineRow>> {
    return listTimeline(this.db, q);
  }

  async search(q: SearchQuery): Promise<Page<SearchHit>> {
    return searchPage(this.db, q);
  }

  async stats(): Promise<StoreStats> {
    return storeStats(this.db);
  }

  async corpusState(): Promise<{ state: unknown; documents: number } | null> {
    const row = this.db.prepare('SELECT state, documents FROM corpus_state WHERE id = 1').get() as
      { state: string; documents: number } | undefined;
    return row ? { state: JSON.parse(row.state), documents: row.documents } : null;
  }

  /**
   * The corpus update's reading and computing run on a second, read-only connection in one read transaction (a
   * consistent snapshot that blocks no writer); only the write of the result takes the write lock, and it is
   * made only if nobody wrote the state since the snapshot; otherwise the update is run again from the newer
   * state. After a few such conflicts it runs under the write lock, so it always finishes.
   */
  async updateCorpusState(update: (state: unknown | null, docs: CorpusSource) => CorpusUpdate | Promise<CorpusUpdate>,
    opts: { ifFree?: boolean } = {}): Promise<boolean> {
    if (this.readonly) throw new Error(`${this.file} is open read-only`);
    for (let attempt = 1; attempt <= OPTIMISTIC_CORPUS_TRIES; attempt++) {
      const { seen, next } = await this.corpusReads(async () => {
        const r = this.readConnection();
        r.exec('BEGIN');
        try {
          const row = r.prepare(`SELECT state, length(state) AS len, documents, updated_at AS updatedAt
            FROM corpus_state WHERE id = 1`).get() as { state: string; len: number; documents: number; updatedAt: string } | undefined;
          const seen = row === undefined ? null : corpusStamp(row);
          return { seen, next: await update(row === undefined ? null : JSON.parse(row.state), corpusSource(r)) };
        } finally {
          r.exec('COMMIT');
        }
      });
      if (next === null) return true;
      const written = await this.exclusive(async () => {
        await this.beginImmediateYielding();
        try {
          const row = this.db.prepare('SELECT length(state) AS len, documents, updated_at AS updatedAt FROM corpus_state WHERE id = 1')
            .get() as { len: number; documents: number; updatedAt: string } | undefined;
          if ((row === undefined ? null : corpusStamp(row)) !== seen) {
            this.db.exec('ROLLBACK');
            return false;
          }
          this.writeCorpusState(next);
          this.db.exec('COMMIT');
          return true;
        } catch (e) {
          if (this.db.inTransaction) this.db.exec('ROLLBACK');
          throw e;
        }
      });
      if (written) return true;
      if (opts.ifFree) return false;
    }
    await this.updateCorpusStateLocked(update);
    return true;
  }

  private writeCorpusState(next: NonNullable<CorpusUpdate>): void {
    this.db.prepare(`INSERT INTO corpus_state (id, state, documents, updated_at) VALUES (1, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET state = excluded.state, documents = excluded.documents, updated_at = excluded.updated_at`)
      .run(JSON.stringify(next.state), next.documents, new Date().toISOString());
  }

  /** The corpus update inside the write lock: reads, computes and writes in one transaction. */
  private async updateCorpusStateLocked(update: (state: unknown | null, docs: CorpusSource) => CorpusUpdate | Promise<CorpusUpdate>): Promise<void> {
    const db = this.db;
    // The update is asynchronous, so the transaction is opened by hand rather than by db.transaction(); the
    // in-process queue keeps this store's other writes from running inside it while it awaits.
    await this.exclusive(async () => {
      await this.beginImmediateYielding();
      try {
        const row = db.prepare('SELECT state FROM corpus_state WHERE id = 1').pluck().get() as string | undefined;
        const next = await update(row === undefined ? null : JSON.parse(row), corpusSource(db));
        if (next !== null) this.writeCorpusState(next);
        db.exec('COMMIT');
      } catch (e) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw e;
      }
    });
  }

  /** A read-only connection of its own for the corpus update's snapshot, opened on first use. */
  private readConnection(): Database.Database {
    if (!this.reader) {
      this.reader = new Database(this.file, { readonly: true, fileMustExist: true });
      this.reader.pragma(`busy_timeout = ${this.db.pragma('busy_timeout', { simple: true }) as number}`);
    }
    return this.reader;
  }

  /** Runs `fn` after every earlier use of the read connection has finished: one snapshot at a time. */
  private corpusReads<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.reads.then(fn);
    this.reads = run.catch(() => undefined);
    return run;
  }

  /**
   * BEGIN IMMEDIATE without blocking the thread while another connection holds the write lock: that holder may
   * be in this same process, awaiting its own asynchronous update, and needs the event loop to finish.
   */
  private async beginImmediateYielding(): Promise<void> {
    const busyTimeout = this.db.pragma('busy_timeout', { simple: true }) as number;
    const deadline = Date.now() + this.retryForMs;
    this.db.pragma('busy_timeout = 0');
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          this.db.exec('BEGIN IMMEDIATE');
          return;
        } catch (e) {
          if (!BUSY.has((e as { code?: string }).code ?? '') || Date.now() > deadline) throw e;
          await new Promise((r) => setTimeout(r, Math.min(200, 5 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random())));
        }
      }
    } finally {
      this.db.pragma(`busy_timeout = ${busyTimeout}`);
    }
  }

  /** Runs `fn` after every write this store started before it has finished: one write transaction at a time. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.writes.then(fn);
    this.writes = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    // First, so that this connection can be the last one and leave the file out of WAL mode.
    this.reader?.close();
    this.reader = null;
    if (!this.readonly) {
      // The last writer leaves the file in rollback-journal mode, with no -wal/-shm beside it, so the store can
      // later be read from a read-only folder. Fails at once (and harmlessly) while anyone else has it open.
      try {
        this.db.pragma('busy_timeout = 0');
        this.db.pragma('journal_mode = DELETE');
      } catch {
        // another connection is open: it stays in WAL mode
      }
    }
    this.db.close();
  }
}

/** Optimistic corpus updates tried before one runs under the write lock. */
const OPTIMISTIC_CORPUS_TRIES = 3;

/** What identifies one written corpus state: when, how many documents, how long (two writes in one ms differ in the rest). */
function corpusStamp(row: { len: number; documents: number; updatedAt: string }): string {
  return `${row.updatedAt}|${row.documents}|${row.len}`;
}

/** The store's documents as the corpus update reads them, on connection `db` (inside its transaction). */
function corpusSource(db: Database.Database): CorpusSource {
  const read = db.prepare('SELECT analysis FROM documents WHERE id = ?').pluck();
  return {
    revisions: async () => db.prepare(`SELECT id, version || '@' || ingested_at FROM documents
      ORDER BY coalesce(published, '~'), id`).raw().all() as [string, string][],
    analysis: async (id) => {
      const json = read.get(id) as string | undefined;
      return json ? (JSON.parse(json) as AnalysisOut) : null;
    },
  };
}

class SchemaTooOldError extends StoreFormatError {
  constructor(file: string, readonly version: number) {
    super(`${file} has store schema ${version}; this claimline needs ${SCHEMA_VERSION}`);
  }
}

function openError(file: string, e: unknown, readonly: boolean): Error {
  if (e instanceof StoreFormatError) return e;
  const code = (e as { code?: string }).code;
  if (code === 'SQLITE_NOTADB') return new StoreFormatError(`${file} is not a claimline store (not an SQLite database)`);
  if (!readonly && code?.startsWith('SQLITE_READONLY')) {
    return new Error(`${file}: cannot write here (the file or its folder is read-only); queries can still read it`);
  }
  if (code === 'SQLITE_CANTOPEN') {
    return new Error(`${file}: cannot open the file (missing, or its folder cannot be read${readonly ? '' : ' or written'})`);
  }
  if (code?.startsWith('SQLITE_READONLY')) {
    return new Error(`${file}: the store is read-only here and was left in WAL mode by a writer that did not close; `
      + 'open it once where it can be written');
  }
  return e as Error;
}
