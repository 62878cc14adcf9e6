/**
 * The corpus layer through the CLI and a real store: ingest keeps the corpus state, and `copies`, `claims`
 * (clustered), `speaker`, `stories`, `timeline --story` and `corpus` read it. Articles are written here.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from './cli-run.js';
import Database from 'better-sqlite3';
import { SqliteStore } from '../src/store/sqlite.js';

const run = runCli;

const BODY = 'The Karlov dam will be closed in May for repairs, the regional water minister Petra Novak said on Monday. '
  + '"The inspection found cracks in the spillway and we cannot wait," Novak told reporters in Brno. '
  + 'The closure will cut power to some 40,000 homes in the valley for three weeks, according to the utility. '
  + 'Engineers have been monitoring the dam since a small flood in 2019. Farmers downstream said they had not been '
  + 'consulted and asked for compensation. The ministry said the repairs would cost 12 million crowns.';
const ORIGIN = { id: 'wire-1', title: 'Karlov dam to close in May for repairs', published: '2024-03-04', text: `Karlov dam to close in May for repairs\n\n${BODY}\n` };
// A syndicated copy: re-headlined, one sentence trimmed, published a day later.
const COPY = { id: 'paper-7', title: 'Dam closure will cut power to valley', published: '2024-03-05',
  text: `Dam closure will cut power to valley\n\n${BODY.replace(' Engineers have been monitoring the dam since a small flood in 2019.', '')}\n` };
const OTHER = { id: 'other-3', title: 'Ferry strike ends', published: '2024-03-06',
  text: 'Ferry strike ends\n\nThe ferry workers\' union said on Wednesday that its members would return to work on Friday after a '
    + 'two-week strike. "We got what we asked for," union leader Marek Dvorak said.\n' };

describe('corpus CLI', () => {
  let dir: string;
  let store: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimline-corpus-cli-'));
    store = path.join(dir, 'c.db');
    const jsonl = path.join(dir, 'in.jsonl');
    fs.writeFileSync(jsonl, [ORIGIN, COPY, OTHER].map((r) => JSON.stringify(r)).join('\n') + '\n');
    const r = await run(['ingest', jsonl, '--store', store, '--quiet']);
    assert.equal(r.code, 0, r.err);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('ingest persists the corpus state with every stored document', async () => {
    const s = SqliteStore.open(store, { readonly: true });
    try {
      const saved = await s.corpusState();
      assert.ok(saved, 'corpus state stored');
      assert.equal(saved.documents, 3);
    } finally {
      await s.close();
    }
  });

  it('an ingest that stores nothing new leaves the corpus state as it was (not rewritten)', async () => {
    const stamp = () => {
      const db = new Database(store, { readonly: true });
      try {
        return db.prepare('SELECT updated_at, documents FROM corpus_state WHERE id = 1').get();
      } finally {
        db.close();
      }
    };
    const before = stamp();
    const r = await run(['ingest', path.join(dir, 'in.jsonl'), '--store', store, '--format', 'json', '--quiet']);
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out).unchanged, 3);
    assert.deepEqual(stamp(), before);
  });

  it('copies: the syndicated copy is grouped under the earlier original; the unrelated story is not', async () => {
    const r = await run(['copies', '--store', store, '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const page = JSON.parse(r.out);
    assert.equal(page.total, 1);
    assert.equal(page.results[0].origin, 'wire-1');
    assert.deepEqual(page.results[0].documents.map((d: { docId: string }) => d.docId).sort(), ['paper-7', 'wire-1']);
    const one = JSON.parse((await run(['copies', 'other-3', '--store', store, '--format', 'json'])).out);
    assert.deepEqual(one.results[0].documents.map((d: { docId: string }) => d.docId), ['other-3']);
  });

  it('speaker: statements across documents in report-time order, the copy marked as one', async () => {
    const r = await run(['speaker', 'Novak', '--store', store, '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const rows = JSON.parse(r.out).results as { docId: string; reportTime: string | null; copy: boolean; origin: string }[];
    assert.ok(rows.length >= 2, `statements by Novak: ${rows.length}`);
    const times = rows.map((x) => x.reportTime ?? '');
    assert.deepEqual(times, [...times].sort());
    assert.ok(rows.some((x) => x.docId === 'paper-7' && x.copy && x.origin === 'wire-1'));
    assert.ok(rows.every((x) => x.docId !== 'other-3'));
    const none = await run(['speaker', 'Nobody Atall', '--store', store]);
    assert.equal(none.code, 2);
    assert.match(none.err, /no speaker in the store matches 'Nobody Atall'/);
  });

  it('claims: clustered across documents; copies of one story count as one independent source', async () => {
    const r = await run(['claims', '--store', store, '--about', 'Karlov dam', '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const clusters = JSON.parse(r.out).results as { assertions: { docId: string }[]; statuses: Record<string, { independentSources: number; documents: number }> }[];
    const both = clusters.find((c) => new Set(c.assertions.map((a) => a.docId)).size === 2);
    assert.ok(both, `a cluster spans the original and its copy: ${JSON.stringify(clusters.map((c) => c.assertions.map((a) => a.docId)))}`);
    const asserted = both.statuses.asserted!;
    assert.equal(asserted.documents, 2);
    assert.equal(asserted.independentSources, 1);
    const bad = await run(['claims', '--store', store, '--status', 'rumoured']);
    assert.equal(bad.code, 2);
  });

  it('stories and timeline --story: the dam story holds both copies; its items carry report time', async () => {
    const r = await run(['stories', '--store', store, '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const stories = JSON.parse(r.out).results as { id: string; documents: string[] }[];
    const dam = stories.find((s) => s.documents.includes('wire-1'));
    assert.ok(dam);
    assert.ok(dam.documents.includes('paper-7'));
    assert.ok(!dam.documents.includes('other-3'));
    const t = await run(['timeline', '--story', dam.id, '--store', store, '--format', 'json']);
    assert.equal(t.code, 0, t.err);
    const items = JSON.parse(t.out).results as { reportTime: string | null; kind: string }[];
    assert.ok(items.length > 0);
    assert.ok(items.every((i) => i.reportTime !== null));
    const byDoc = await run(['timeline', '--story', 'paper-7', '--store', store, '--format', 'json']);
    assert.equal(JSON.parse(byDoc.out).total, items.length);
    const missing = await run(['timeline', '--story', 'story:none', '--store', store]);
    assert.equal(missing.code, 2);
  });

  it('corpus prints the claimline/corpus export', async () => {
    const r = await run(['corpus', '--store', store]);
    assert.equal(r.code, 0, r.err);
    const x = JSON.parse(r.out);
    assert.equal(x.schema, 'claimline/corpus');
    assert.equal(x.documents.length, 3);
  });

  it('a store with no corpus state yet (written before the corpus layer) is read into a corpus on the fly', async () => {
    const copy = path.join(dir, 'old.db');
    fs.copyFileSync(store, copy);
    const s = SqliteStore.open(copy);
    await s.updateCorpusState(() => ({ state: null, documents: 0 }));
    await s.close();
    const r = await run(['copies', '--store', copy, '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out).total, 1);
  });
});
