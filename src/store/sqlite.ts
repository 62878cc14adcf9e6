/** The SQLite backend (better-sqlite3, WAL): one file, one transaction per ingested document. */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type { AnalysisOut, Span, StatementOut } from '../model/format.js';
import { SCHEMA_ID } from '../model/format.js';
import { ftsQuery } from './fts.js';
import { APPLICATION_ID, SCHEMA_SQL, SCHEMA_VERSION } from './schema.js';
import { sentenceAround } from '../util/sentence-around.js';
import type {
  IngestStatus, SearchHit, StatementQuery, StatementRow, Store, StoreStats, TimelineQuery, TimelineRow,
} from './store.js';

/** The store file is missing its schema, belongs to another program, or was written by a newer claimline. */
export class StoreFormatError extends Error {}

const CONTENT_JOINER = ' … ';

export class SqliteStore implements Store {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('foreign_keys = ON');
      // Two CLI runs ingesting into one file wait for each other's write instead of failing at once.
      this.db.pragma('busy_timeout = 5000');
      this.prepareSchema(file);
    } catch (e) {
      this.db.close();
      if ((e as { code?: string }).code === 'SQLITE_NOTADB') {
        throw new StoreFormatError(`${file} is not a claimline store (not an SQLite database)`);
      }
      throw e;
    }
    // SQLite's LIKE and lower() fold ASCII only; speaker and entity names are often not ASCII.
    this.db.function('casefold', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? s.toLowerCase() : null));
  }

  static open(file: string): SqliteStore {
    return new SqliteStore(file);
  }

  private prepareSchema(file: string): void {
    const appId = this.db.pragma('application_id', { simple: true }) as number;
    const version = this.db.pragma('user_version', { simple: true }) as number;
    const tables = this.db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get() as number;
    if (appId === 0 && version === 0 && tables === 0) {
      this.db.transaction(() => {
        this.db.exec(SCHEMA_SQL);
        this.db.pragma(`application_id = ${APPLICATION_ID}`);
        this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
      })();
      return;
    }
    if (appId !== APPLICATION_ID) throw new StoreFormatError(`${file} is not a claimline store (it holds other data)`);
    if (version > SCHEMA_VERSION) {
      throw new StoreFormatError(`${file} has store schema ${version}; this claimline reads up to ${SCHEMA_VERSION}`);
    }
    if (version < SCHEMA_VERSION) throw new StoreFormatError(`${file} has unknown store schema version ${version}`);
  }

  async ingest(a: AnalysisOut): Promise<{ status: IngestStatus }> {
    if (a?.schema !== SCHEMA_ID) throw new Error(`not a ${SCHEMA_ID} analysis (schema: ${JSON.stringify(a?.schema)})`);
    if (!a.document?.id) throw new Error('analysis has no document id');
    const json = JSON.stringify(a);
    const hash = createHash('sha256').update(json).digest('hex');
    return { status: this.ingestTx(a, json, hash) };
  }

  // better-sqlite3 rolls the whole transaction back if the function throws, so a document is all or nothing.
  private ingestTx(a: AnalysisOut, json: string, hash: string): IngestStatus {
    return this.db.transaction((): IngestStatus => {
      const d = a.document;
      const old = this.db.prepare('SELECT content_hash FROM documents WHERE id = ?').pluck().get(d.id) as string | undefined;
      if (old === hash) return 'unchanged';
      if (old !== undefined) {
        this.db.prepare('DELETE FROM documents WHERE id = ?').run(d.id);
        this.db.prepare('DELETE FROM fts WHERE doc_id = ?').run(d.id);
      }
      this.db.prepare(`INSERT INTO documents (id, title, url, published, language, source, text, content_hash, analysis,
        ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
        d.id, d.title, d.url, d.published, d.language, d.source, d.text, hash, json, new Date().toISOString());
      this.db.prepare("INSERT INTO fts (body, kind, doc_id, statement_id) VALUES (?, 'document', ?, NULL)").run(d.text, d.id);
      this.insertEntities(a);
      this.insertTimexes(a);
      this.insertStatements(a);
      this.insertClaims(a);
      return old === undefined ? 'inserted' : 'updated';
    })();
  }

  private insertEntities(a: AnalysisOut): void {
    const ent = this.db.prepare('INSERT INTO entities (doc_id, entity_id, name, type, roles) VALUES (?, ?, ?, ?, ?)');
    const men = this.db.prepare('INSERT INTO mentions (doc_id, entity_id, start, end, text, kind) VALUES (?, ?, ?, ?, ?, ?)');
    for (const e of a.entities) {
      ent.run(a.document.id, e.id, e.name, e.type, JSON.stringify(e.roles));
      for (const m of e.mentions) men.run(a.document.id, e.id, m.start, m.end, m.text, m.kind);
    }
  }

  private insertTimexes(a: AnalysisOut): void {
    const ins = this.db.prepare(`INSERT INTO timexes (doc_id, timex_id, start, end, text, type, value, resolved,
      sentence_start, sentence_end, sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const t of a.timexes) {
      const s = sentenceAround(a.document.text, t.start, t.end);
      ins.run(a.document.id, t.id, t.start, t.end, t.text, t.type, t.value, t.resolved ? 1 : 0, s.start, s.end,
        a.document.text.slice(s.start, s.end));
    }
  }

  private insertStatements(a: AnalysisOut): void {
    const docId = a.document.id;
    const ins = this.db.prepare(`INSERT INTO statements (doc_id, statement_id, kind, speaker_entity, speaker_name, cue,
      content, channel, report_time, start, end, sentence_start, sentence_end)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const link = this.db.prepare(
      'INSERT OR IGNORE INTO statement_entities (doc_id, statement_id, entity_id, role) VALUES (?, ?, ?, ?)');
    const fts = this.db.prepare("INSERT INTO fts (body, kind, doc_id, statement_id) VALUES (?, 'statement', ?, ?)");
    const names = new Map(a.entities.map((e) => [e.id, e.name]));
    const timeValues = new Map(a.timexes.map((t) => [t.id, t.value]));
    for (const st of a.statements) {
      const spans = statementSpans(st);
      const start = Math.min(...spans.map((s) => s.start));
      const end = Math.max(...spans.map((s) => s.end));
      const sentence = sentenceAround(a.document.text, start, end);
      const content = st.content.map((c) => c.text).join(CONTENT_JOINER);
      const speaker = (st.speaker.entity ? names.get(st.speaker.entity) : undefined) ?? st.speaker.name ?? st.speaker.mention?.text ?? null;
      ins.run(docId, st.id, st.kind, st.speaker.entity, speaker, st.cue?.text ?? null, content, st.channel?.text ?? null,
        st.time ? timeValues.get(st.time) ?? null : null, start, end, sentence.start, sentence.end);
      for (const id of [st.speaker.entity, ...st.speaker.entities]) if (id) link.run(docId, st.id, id, 'speaker');
      for (const e of a.entities) {
        if (e.mentions.some((m) => st.content.some((c) => m.start >= c.start && m.end <= c.end))) {
          link.run(docId, st.id, e.id, 'about');
        }
      }
      if (content) fts.run(content, docId, st.id);
    }
  }

  private insertClaims(a: AnalysisOut): void {
    const ins = this.db.prepare(`INSERT INTO claims (doc_id, claim_id, statement_id, text, start, end, status,
      by_entities, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const c of a.claims) {
      ins.run(a.document.id, c.id, c.statement, c.text.text, c.text.start, c.text.end, c.status, JSON.stringify(c.by),
        c.evidence?.text ?? null);
    }
  }

  async analysis(docId: string): Promise<AnalysisOut | null> {
    const json = this.db.prepare('SELECT analysis FROM documents WHERE id = ?').pluck().get(docId) as string | undefined;
    return json === undefined ? null : (JSON.parse(json) as AnalysisOut);
  }

  async statements(q: StatementQuery = {}): Promise<StatementRow[]> {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: q.limit ?? 100 };
    // A filter matches the statement's own text column or the name of an entity linked to it in that role.
    const filter = (param: 'speaker' | 'about', column: string, value: string) => {
      params[param] = value.toLowerCase();
      where.push(`(instr(casefold(${column}), @${param}) > 0 OR EXISTS (
        SELECT 1 FROM statement_entities se JOIN entities e ON e.doc_id = se.doc_id AND e.entity_id = se.entity_id
        WHERE se.doc_id = s.doc_id AND se.statement_id = s.statement_id AND se.role = '${param}'
          AND instr(casefold(e.name), @${param}) > 0))`);
    };
    if (q.speaker) filter('speaker', 's.speaker_name', q.speaker);
    if (q.about) filter('about', 's.content', q.about);
    return this.db.prepare(`
      SELECT s.doc_id AS docId, d.title AS docTitle, d.published, s.statement_id AS statementId,
        s.speaker_name AS speaker, s.cue, s.kind, s.content, s.channel, s.start, s.end
      FROM statements s JOIN documents d ON d.id = s.doc_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY d.published IS NULL, d.published, s.doc_id, s.start
      LIMIT @limit`).all(params) as StatementRow[];
  }

  async timeline(q: TimelineQuery = {}): Promise<TimelineRow[]> {
    const params: Record<string, unknown> = { limit: q.limit ?? 1000 };
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
    // Only values that start with a calendar year can be placed on a line; durations and sets cannot.
    return this.db.prepare(`
      SELECT * FROM (
        SELECT t.value AS date, 'timex' AS kind, t.doc_id AS docId, d.title AS docTitle, t.sentence AS text,
          t.text AS timex, NULL AS speaker, t.start, t.end
        FROM timexes t JOIN documents d ON d.id = t.doc_id
        WHERE t.type IN ('DATE', 'TIME') AND t.value GLOB '[0-9][0-9][0-9][0-9]*' ${timexFilter}
        UNION ALL
        SELECT coalesce(s.report_time, d.published) AS date, 'statement', s.doc_id, d.title, s.content, NULL,
          s.speaker_name, s.start, s.end
        FROM statements s JOIN documents d ON d.id = s.doc_id
        WHERE coalesce(s.report_time, d.published) GLOB '[0-9][0-9][0-9][0-9]*' ${statementFilter}
      ) ORDER BY date, docId, start
      LIMIT @limit`).all(params) as TimelineRow[];
  }

  async search(text: string, limit = 20): Promise<SearchHit[]> {
    const match = ftsQuery(text);
    if (match === null) return [];
    return this.db.prepare(`
      SELECT f.doc_id AS docId, d.title AS docTitle, d.published, f.kind, f.statement_id AS statementId,
        snippet(fts, 0, '[', ']', '…', 12) AS snippet
      FROM fts f JOIN documents d ON d.id = f.doc_id
      WHERE fts MATCH ? ORDER BY rank LIMIT ?`).all(match, limit) as SearchHit[];
  }

  async stats(): Promise<StoreStats> {
    const count = (table: string): number => this.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return {
      documents: count('documents'), entities: count('entities'), mentions: count('mentions'),
      statements: count('statements'), timexes: count('timexes'), claims: count('claims'),
    };
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/** Every span a statement covers, so its extent and sentence include the speaker and cue, not just the quote. */
function statementSpans(st: StatementOut): Span[] {
  const spans = [...st.content];
  for (const s of [st.speaker.mention, st.cue, st.channel]) if (s) spans.push(s);
  if (spans.length === 0) throw new Error(`statement ${st.id} has no spans (no content, speaker or cue)`);
  return spans;
}
