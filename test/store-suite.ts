/**
 * The store test suite, defined once and run against every backend (test/store.test.ts: SQLite,
 * test/store-pg.test.ts: PostgreSQL): what ingest returns, what the list queries, search and versions answer, the
 * corpus state, and no loss or duplication with several writer processes or a writer killed mid-run.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { AnalysisOut } from '../src/model/format.js';
import { SearchSyntaxError, updateStoreCorpus, type Page, type Store } from '../src/store/index.js';
import type { StoreBackend } from './store-backends.js';
import { TEXT, bergAnalysis, bergEdited, span, zolaAnalysis } from './store-fixtures.js';

const rows = <T>(p: Page<T>): T[] => p.results;
const WRITER = join(dirname(fileURLToPath(import.meta.url)), 'store-writer.js');

interface Finished { code: number | null; signal: NodeJS.Signals | null; out: string; err: string }

/** A child process ingesting `count` fixture documents with ids `<prefix>-<i>` (test/store-writer.ts). */
export function writer(location: string, prefix: string, count: number, pauseMs = 0) {
  const child = spawn(process.execPath, [WRITER, location, prefix, String(count), String(pauseMs)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { err += d; });
  const done = new Promise<Finished>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, out, err })));
  return { child, done };
}

export function storeSuite(backend: StoreBackend): void {
  describe(`store suite (${backend.name})`, () => {
    let location: string;
    let store: Store;
    before(() => backend.setup());
    after(() => backend.teardown());
    beforeEach(async () => {
      location = backend.freshLocation();
      store = await backend.open(location);
    });
    afterEach(() => store.close());

    /** Every document whole (the fixture has 4 statements, "bridge" in its text and in one statement), as counted by the store. */
    const assertWhole = async (documents: number): Promise<void> => {
      const s = await backend.open(location, { readonly: true });
      try {
        const { documents: stored, versions, statements } = await s.stats();
        assert.deepEqual({ stored, versions, statements }, { stored: documents, versions: documents, statements: 4 * documents });
        assert.equal((await s.search({ text: 'bridge', limit: 0 })).total, 2 * documents, 'every document fully indexed');
      } finally {
        await s.close();
      }
    };

    it('ingesting the same document twice does not duplicate it; a re-analysis of the same text replaces the analysis', async () => {
      assert.deepEqual(await store.ingest(bergAnalysis()), { status: 'inserted', docId: 'bridge', version: 1 });
      const once = await store.stats();
      assert.deepEqual(once, { documents: 1, versions: 1, entities: 4, mentions: 6, statements: 4, timexes: 3, claims: 1 });
      assert.deepEqual(await store.ingest(bergAnalysis()), { status: 'unchanged', docId: 'bridge', version: 1 });
      const changed = bergAnalysis();
      changed.document.title = 'Bridge reopens (corrected)';
      changed.statements.pop();
      assert.deepEqual(await store.ingest(changed), { status: 'reanalysed', docId: 'bridge', version: 1 });
      assert.deepEqual(await store.stats(), { ...once, statements: 3 });
      assert.deepEqual(await store.analysis('bridge'), changed);
      assert.equal(rows(await store.search({ text: 'Ministry' })).filter((h) => h.kind === 'statement').length, 0,
        'the dropped statement left the full-text index too');
    });

    it('a document that fails mid-ingest leaves the store exactly as it was', async () => {
      await store.ingest(zolaAnalysis());
      const before = await store.stats();
      const broken = bergAnalysis();
      broken.statements.push({ ...broken.statements[0]! }); // duplicate statement id → constraint error after inserts
      await assert.rejects(store.ingest(broken), /UNIQUE constraint failed: statements|duplicate key value violates unique constraint "statements_pkey"/);
      assert.deepEqual(await store.stats(), before);
      assert.equal(await store.analysis('bridge'), null);
      assert.equal((await store.search({ text: 'bridge' })).total, 0);
      // A failed update keeps the previous version.
      await store.ingest(bergAnalysis());
      const stored = await store.stats();
      broken.document.title = 'should not be stored';
      await assert.rejects(store.ingest(broken));
      assert.deepEqual(await store.stats(), stored);
      assert.equal((await store.analysis('bridge'))?.document.title, 'Bridge reopens');
    });

    it('accepts records with diagnostics and records written before them, and returns each as ingested', async () => {
      const withDiagnostics = bergAnalysis();
      withDiagnostics.warnings = ['time: impossible date: "30 February" at 12'];
      withDiagnostics.diagnostics = [{
        message: 'time: impossible date: "30 February"', span: { start: 12, end: 23 }, source: 'time',
        ruleId: 'time/impossible-date', severity: 'warning',
      }];
      const without = zolaAnalysis();
      assert.equal('diagnostics' in without, false);
      assert.equal((await store.ingest(withDiagnostics)).status, 'inserted');
      assert.equal((await store.ingest(without)).status, 'inserted');
      assert.deepEqual(await store.analysis('bridge'), withDiagnostics);
      assert.deepEqual(await store.analysis('zola'), without);
      // Re-analysis by a version that adds diagnostics counts as a change, like any newer analysis.
      assert.equal((await store.ingest({ ...without, diagnostics: [] })).status, 'reanalysed');
    });

    it('rejects objects that are not claimline/1 analyses', async () => {
      await assert.rejects(store.ingest({ ...bergAnalysis(), schema: 'other/2' } as unknown as AnalysisOut), /not a claimline\/1/);
    });

    it('ingestBatch: each document decided as ingest would, in order; all or nothing; a bad analysis stores nothing', async () => {
      const results = await store.ingestBatch([bergAnalysis(), zolaAnalysis(), bergAnalysis(), bergEdited(), bergEdited()]);
      assert.deepEqual(results.map((r) => [r.docId, r.status, r.version]),
        [['bridge', 'inserted', 1], ['zola', 'inserted', 1], ['bridge', 'unchanged', 1], ['bridge', 'new-version', 2], ['bridge', 'unchanged', 2]]);
      assert.deepEqual((await store.versions('bridge')).map((v) => [v.version, v.current]), [[1, false], [2, true]]);
      assert.deepEqual(await store.analysis('bridge', 1), bergAnalysis(), 'the superseded version kept whole');
      const before = await store.stats();
      assert.equal(before.documents, 2);
      // A constraint failure on the last document rolls back the ones before it in the batch.
      const broken = bergAnalysis();
      broken.document.id = 'broken';
      broken.statements.push({ ...broken.statements[0]! });
      const fresh = zolaAnalysis();
      fresh.document.id = 'zola-2';
      await assert.rejects(store.ingestBatch([fresh, broken]));
      assert.deepEqual(await store.stats(), before);
      assert.equal(await store.analysis('zola-2'), null);
      // A malformed analysis is refused before anything is written.
      await assert.rejects(store.ingestBatch([fresh, { ...bergAnalysis(), schema: 'other/2' } as unknown as AnalysisOut]), /not a claimline\/1/);
      assert.deepEqual(await store.stats(), before);
      assert.deepEqual(await store.ingestBatch([]), []);
    });

    it('statements: by speaker (entity or stated name) and about (content or entity inside it)', async () => {
      await store.ingest(bergAnalysis());
      await store.ingest(zolaAnalysis());
      const ids = (p: Page<{ docId: string; statementId: string }>): string[] => p.results.map((r) => `${r.docId}/${r.statementId}`);
      assert.deepEqual(ids(await store.statements({ speaker: 'BERG' })), ['bridge/s1', 'bridge/s2', 'bridge/s4']);
      assert.deepEqual(ids(await store.statements({ speaker: 'émile' })), ['zola/s1'], 'case folding beyond ASCII');
      assert.deepEqual(ids(await store.statements({ speaker: 'official' })), ['zola/s2']);
      assert.deepEqual(ids(await store.statements({ about: 'transport' })), ['bridge/s4']);
      assert.deepEqual(ids(await store.statements({ about: 'traffic' })), ['bridge/s2']);
      assert.deepEqual(ids(await store.statements({ speaker: 'berg', about: 'safe' })), ['bridge/s1']);
      assert.deepEqual(ids(await store.statements({ speaker: '%' })), [], 'no LIKE wildcards');
      const two = await store.statements({ limit: 2 });
      assert.deepEqual({ ...two, results: two.results.length }, { total: 6, offset: 0, returned: 2, more: 4, results: 2 });
      const last = await store.statements({ limit: 2, offset: 5 });
      assert.deepEqual([last.returned, last.more], [1, 0]);
      assert.deepEqual(ids(await store.statements({ since: '2024-03-05' })), ['bridge/s2', 'bridge/s3', 'bridge/s4'],
        'report time, else the publication date, on or after --since');
      assert.deepEqual(ids(await store.statements({ docId: 'zola' })), ['zola/s1', 'zola/s2']);
      const [s2] = rows(await store.statements({ about: 'traffic' }));
      assert.deepEqual(s2, {
        docId: 'bridge', docTitle: 'Bridge reopens', published: '2024-03-05', statementId: 's2', speaker: 'Anna Berg',
        cue: 'told', kind: 'direct', content: '"Traffic will flow again,"', channel: 'Radio Westport', reportTime: null,
        start: TEXT.indexOf('"Traffic'), end: TEXT.indexOf('Radio Westport') + 'Radio Westport'.length,
      });
    });

    it('timeline: dated timexes with their sentence and statements at report time, ordered by date', async () => {
      await store.ingest(bergAnalysis());
      await store.ingest(zolaAnalysis());
      const all = rows(await store.timeline());
      assert.deepEqual(all.map((r) => `${r.date} ${r.kind} ${r.docId}`), [
        '1898-01-13 statement zola', '1898-01-13 statement zola',
        // Same date: document order; s1 starts at its speaker, before "Monday".
        '2024-03-01 timex bridge', '2024-03-04 statement bridge', '2024-03-04 timex bridge',
        '2024-03-05 statement bridge', '2024-03-05 statement bridge', '2024-03-05 statement bridge',
      ]);
      const march1 = all[2]!;
      assert.equal(march1.timex, '1 March 2024');
      assert.equal(march1.text, 'Berg said the Ministry of Transport approved the plan on 1 March 2024.');
      const ministry = rows(await store.timeline({ entity: 'ministry' }));
      assert.deepEqual(ministry.map((r) => `${r.date} ${r.kind} ${r.text}`), [
        '2024-03-01 timex Berg said the Ministry of Transport approved the plan on 1 March 2024.',
        '2024-03-05 statement the Ministry of Transport approved the plan on 1 March 2024',
      ]);
    });

    it('search: the FTS5 syntax (phrases, OR, NOT, prefix*, NEAR), punctuation as plain words, a clear error for broken syntax', async () => {
      await store.ingest(bergAnalysis());
      await store.ingest(zolaAnalysis());
      const search = async (text: string, limit?: number) => rows(await store.search({ text, limit }));
      const hits = await search('flow again');
      assert.deepEqual(hits.map((h) => h.kind).sort(), ['document', 'statement']);
      const st = hits.find((h) => h.kind === 'statement');
      assert.equal(st?.statementId, 's2');
      assert.match(st?.snippet ?? '', /\[flow\] \[again\]/);
      assert.match(hits.find((h) => h.kind === 'document')?.snippet ?? '', /\[flow\] \[again\]/);
      const docs = async (text: string) => [...new Set((await search(text)).map((h) => h.docId))].sort();
      assert.deepEqual(await docs('Minist*'), ['bridge'], 'prefix');
      assert.deepEqual(await docs('Zola OR Westport'), ['bridge', 'zola'], 'OR');
      assert.deepEqual(await docs('(Zola OR Westport) AND verdict'), ['zola'], 'parentheses, AND');
      assert.deepEqual(await docs('"verdict was unjust"'), ['zola'], 'phrase');
      assert.deepEqual(await docs('"unjust was verdict"'), [], 'a phrase keeps its word order');
      assert.deepEqual(await docs('bridge NOT safe'), [], 'NOT');
      assert.deepEqual(await docs('bridge NOT zeppelin'), ['bridge'], 'NOT of an absent word');
      assert.deepEqual(await docs('NEAR(Zola unjust, 5)'), ['zola'], 'NEAR: five words apart');
      assert.deepEqual(await docs('NEAR(Zola unjust, 2)'), [], 'NEAR: not within two');
      assert.deepEqual(await docs('body:verdict'), ['zola'], 'the one column, named');
      assert.deepEqual(await docs('emile'), ['zola'], 'diacritics folded');
      assert.deepEqual(await docs("O'Brien-led bridge"), [], 'punctuation without operators: plain words, no error');
      assert.deepEqual(await docs('bridge.'), ['bridge']);
      for (const broken of ['"bridge', 'AND OR NOT', 'NEAR(bridge', 'nosuchcolumn:bridge', 'bridge AND']) {
        await assert.rejects(store.search({ text: broken }),
          (e: unknown) => e instanceof SearchSyntaxError && e.message.includes(`'${broken}'`), broken);
      }
      for (const empty of ['*', '^', '""', '   ']) assert.equal((await store.search({ text: empty })).total, 0, empty);
      assert.deepEqual(await search('zeppelin'), []);
      const page = await store.search({ text: 'said', limit: 1 });
      assert.equal(page.returned, 1);
      assert.equal(page.more, page.total - 1);
      assert.equal(page.total, 2, 'both document texts have "said"; no statement content does');
    });

    it('a new text is the next version; the earlier one stays readable; queries see the current one', async () => {
      assert.deepEqual(await store.ingest(bergAnalysis()), { status: 'inserted', docId: 'bridge', version: 1 });
      assert.deepEqual(await store.ingest(bergEdited()), { status: 'new-version', docId: 'bridge', version: 2 });
      assert.deepEqual(await store.ingest(bergEdited()), { status: 'unchanged', docId: 'bridge', version: 2 });
      assert.deepEqual(await store.analysis('bridge', 1), bergAnalysis());
      assert.deepEqual(await store.analysis('bridge', 2), bergEdited());
      assert.deepEqual(await store.analysis('bridge'), bergEdited());
      assert.equal(await store.analysis('bridge', 3), null);
      const versions = await store.versions('bridge');
      assert.deepEqual(versions.map((v) => [v.version, v.current, v.title, v.changes === null]),
        [[1, false, 'Bridge reopens', true], [2, true, 'Bridge reopens (updated)', false]]);
      assert.equal(versions[1]!.changes!.claimStatusChanged.length, 1);
      assert.deepEqual(await store.versions('nope'), []);
      const stats = await store.stats();
      assert.deepEqual([stats.documents, stats.versions, stats.statements, stats.claims], [1, 2, 4, 1]);
      assert.equal((await store.search({ text: 'Ministry' })).total, 0, 'the old text left the search index');
      assert.equal((await store.search({ text: 'entirely' })).total, 2);
      // Back to the first text: a third version, not a silent rollback.
      assert.equal((await store.ingest(bergAnalysis())).version, 3);
      assert.equal((await store.versions('bridge')).length, 3);
    });

    it('claims: by status, party, subject, date and document, with party names', async () => {
      await store.ingest(bergAnalysis());
      const zola = zolaAnalysis();
      zola.claims = [{ id: 'c1', statement: 's1', text: span(zola.document.text, 'the verdict was unjust'), status: 'asserted',
        by: ['e1'], evidence: null }];
      await store.ingest(zola);
      const ids = async (q: Parameters<Store['claims']>[0]) => (await store.claims(q)).results.map((c) => `${c.docId}/${c.claimId}`);
      assert.deepEqual(await ids({}), ['zola/c1', 'bridge/c1'], 'by date');
      const [denied] = (await store.claims({ status: 'denied' })).results;
      assert.deepEqual(denied, {
        docId: 'bridge', docTitle: 'Bridge reopens', published: '2024-03-05', claimId: 'c1',
        text: 'the repairs cost 2 million euros', status: 'denied', by: ['the council'], evidence: 'denied', statementId: 's3',
        speaker: 'the council', date: '2024-03-05',
      });
      assert.deepEqual(await ids({ status: ['asserted', 'confirmed'] }), ['zola/c1']);
      assert.deepEqual(await ids({ by: 'ÉMILE' }), ['zola/c1']);
      assert.deepEqual(await ids({ by: 'council' }), ['bridge/c1']);
      assert.deepEqual(await ids({ about: 'repairs' }), ['bridge/c1']);
      assert.deepEqual(await ids({ since: '1900' }), ['bridge/c1']);
      assert.deepEqual(await ids({ docId: 'zola' }), ['zola/c1']);
      const page = await store.claims({ limit: 1 });
      assert.deepEqual([page.total, page.returned, page.more], [2, 1, 1]);
    });

    it('analyses(): every current analysis by date, in batches, with queries allowed in between', async () => {
      for (let i = 0; i < 450; i++) {
        const a = zolaAnalysis();
        a.document.id = `z${String(i).padStart(3, '0')}`;
        a.document.published = i % 3 === 0 ? null : `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`;
        await store.ingest(a);
      }
      const seen: string[] = [];
      for await (const a of store.analyses()) {
        seen.push(`${a.document.published ?? '~'} ${a.document.id}`);
        if (seen.length === 250) assert.equal((await store.stats()).documents, 450);
      }
      assert.equal(seen.length, 450);
      assert.deepEqual(seen, [...seen].sort(), 'by date, undated last, then id');
      assert.equal(new Set(seen).size, 450);
    });

    it('one text in many pieces of the index: found anywhere, one hit per document, no 1 MB tsvector limit', async () => {
      // 120k distinct words (about 1.3 MB of text): more than one full-text piece, more than one tsvector could hold.
      const words = Array.from({ length: 120_000 }, (_, i) => `w${i.toString(36)}x`);
      const a = zolaAnalysis();
      a.document.id = 'long';
      a.document.text = `${a.document.text}\n\n${words.join(' ')} lastword`;
      assert.equal((await store.ingest(a)).status, 'inserted');
      for (const word of ['verdict', words[60_000]!, 'lastword']) {
        const hits = rows(await store.search({ text: word })).filter((h) => h.kind === 'document');
        assert.deepEqual(hits.map((h) => h.docId), ['long'], word);
        assert.match(hits[0]!.snippet, new RegExp(`\\[${word}\\]`));
      }
      assert.equal((await store.search({ text: 'verdict OR lastword' })).total, 2, 'the document once, and its statement');
    });

    it('concurrent ingests of one id in one process: stored once, every call told what it did', async () => {
      const results = await Promise.all(Array.from({ length: 8 }, () => store.ingest(bergAnalysis())));
      assert.deepEqual(results.map((r) => r.status).sort(), ['inserted', ...Array(7).fill('unchanged')]);
      const mixed = await Promise.all([store.ingest(bergEdited()), store.ingest(bergEdited()), store.ingest(zolaAnalysis())]);
      assert.deepEqual(mixed.map((r) => r.status).sort(), ['inserted', 'new-version', 'unchanged']);
      assert.deepEqual((await store.versions('bridge')).map((v) => v.version), [1, 2]);
      assert.equal((await store.stats()).documents, 2);
    });

    it('corpus state: none at first; an update that returns null writes nothing; updates see every stored document', async () => {
      assert.equal(await store.corpusState(), null);
      await store.ingest(bergAnalysis());
      await store.ingest(zolaAnalysis());
      let seen: [string, string][] = [];
      await store.updateCorpusState(async (state, docs) => {
        assert.equal(state, null);
        seen = await docs.revisions();
        assert.equal((await docs.analysis('zola'))?.document.id, 'zola');
        assert.equal(await docs.analysis('nope'), null);
        if (docs.analysesOf) {
          const many = await docs.analysesOf(['zola', 'nope', 'bridge']);
          assert.deepEqual([...many.keys()].sort(), ['bridge', 'zola']);
          assert.equal(many.get('bridge')?.document.id, 'bridge');
        }
        return null;
      });
      assert.deepEqual(seen.map(([id, revision]) => [id, revision.split('@')[0]]), [['zola', '1'], ['bridge', '1']], 'by date');
      assert.equal(await store.corpusState(), null, 'null: nothing written');
      await store.updateCorpusState(() => ({ state: { marks: ['first'] }, documents: 2 }));
      assert.deepEqual(await store.corpusState(), { state: { marks: ['first'] }, documents: 2 });
      await updateStoreCorpus(store);
      assert.equal((await store.corpusState())?.documents, 2);
    });

    it('corpus state: two stores updating at once queue for the lock, neither loses the other\'s change', async () => {
      const other = await backend.open(location);
      try {
        await store.updateCorpusState(() => ({ state: { marks: [] }, documents: 0 }));
        const mark = (s: Store, name: string) => s.updateCorpusState(async (state) => {
          const marks = (state as { marks: string[] }).marks;
          // Give the other updater every chance to read the same state while this one holds it.
          await new Promise((r) => setTimeout(r, 30));
          return { state: { marks: [...marks, name] }, documents: marks.length + 1 };
        });
        await Promise.all([mark(store, 'a'), mark(other, 'b'), mark(store, 'c'), mark(other, 'd')]);
        const final = await store.corpusState();
        assert.deepEqual([...(final!.state as { marks: string[] }).marks].sort(), ['a', 'b', 'c', 'd']);
        assert.equal(final!.documents, 4);
      } finally {
        await other.close();
      }
    });

    it('two processes ingesting 200 documents each into one new store store all 400', async () => {
      await store.close();
      const [ra, rb] = await Promise.all([writer(location, 'a', 200).done, writer(location, 'b', 200).done]);
      assert.equal(ra.code, 0, ra.err);
      assert.equal(rb.code, 0, rb.err);
      assert.deepEqual(JSON.parse(ra.out), { inserted: 200 });
      assert.deepEqual(JSON.parse(rb.out), { inserted: 200 });
      await assertWhole(400);
      store = await backend.open(location);
      // Both writers updated the corpus state as they went; neither update lost the other's documents.
      assert.equal((await store.corpusState())?.documents, 400);
    });

    it('three processes ingesting the same 60 ids: each stored once, 60 inserted and 120 unchanged in all', async () => {
      const runs = await Promise.all([0, 1, 2].map(() => writer(location, 'same', 60).done));
      const total: Record<string, number> = {};
      for (const r of runs) {
        assert.equal(r.code, 0, r.err);
        for (const [status, n] of Object.entries(JSON.parse(r.out) as Record<string, number>)) total[status] = (total[status] ?? 0) + n;
      }
      assert.deepEqual(total, { inserted: 60, unchanged: 120 });
      await assertWhole(60);
    });

    it('kill -9 mid-ingest keeps every committed document whole, and the next ingest completes the rest', async () => {
      await store.close();
      const w = writer(location, 'k', 200, 15);
      const deadline = Date.now() + 60_000;
      let committed = 0;
      while (committed < 10 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        try {
          const s = await backend.open(location, { readonly: true });
          committed = (await s.stats()).documents;
          await s.close();
        } catch {
          // the store is not created yet
        }
      }
      assert.ok(committed >= 10, 'the writer committed documents before the kill');
      w.child.kill('SIGKILL');
      const killed = await w.done;
      assert.equal(killed.signal, 'SIGKILL');
      store = await backend.open(location);
      const stored = (await store.stats()).documents;
      assert.ok(stored >= committed && stored < 200, `killed mid-run: ${stored} stored`);
      await assertWhole(stored);

      const again = await writer(location, 'k', 200).done;
      assert.equal(again.code, 0, again.err);
      assert.deepEqual(JSON.parse(again.out), { inserted: 200 - stored, unchanged: stored });
      await assertWhole(200);
      // The documents the killed run stored after its last corpus update are caught up by the next run.
      assert.equal((await store.corpusState())?.documents, 200);
    });
  });
}
