/**
 * `claimline export` on a temporary SQLite store filled through the CLI with articles written here, and on
 * claimline/1 files: every --what and format reads back, filters apply, brat/TimeML directories are written,
 * invalid input is refused with the input named and nothing written.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from './cli-run.js';
import { parseCsv } from './export-fixtures.js';
import { bergAnalysis } from './store-fixtures.js';

const BRIDGE = 'Bridge reopens\n\nMayor Anna Berg said on Monday that the bridge was safe. '
  + 'The council denied that the repairs cost 2 million euros.\n';
const STORM = 'Storm 🌊 warning\n\nThe harbour master, Ana Souza, said on Tuesday that all ports would stay closed. '
  + '"=cmd|\' /C calc\'!A0," she told reporters.\n';

describe('export CLI', () => {
  let dir: string;
  let store: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimline-export-cli-'));
    store = path.join(dir, 'c.db');
    fs.mkdirSync(path.join(dir, 'news'));
    fs.writeFileSync(path.join(dir, 'news', 'bridge.txt'), BRIDGE);
    fs.writeFileSync(path.join(dir, 'news', 'storm.txt'), STORM);
    const r = await runCli(['ingest', path.join(dir, 'news'), '--store', store, '--published', '2024-03-05', '--quiet']);
    assert.equal(r.code, 0, r.err);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('documents: the whole store as JSON and JSONL, each record as stored', async () => {
    const json = await runCli(['export', '--format', 'json', '--store', store]);
    assert.equal(json.code, 0, json.err);
    const docs = JSON.parse(json.out);
    assert.deepEqual(docs.map((d: { document: { id: string } }) => d.document.id).sort(), ['news/bridge.txt', 'news/storm.txt']);
    const jsonl = await runCli(['export', '--format', 'jsonl', '--store', store]);
    assert.equal(jsonl.out.trimEnd().split('\n').length, 2);
    const one = JSON.parse((await runCli(['export', '--format', 'json', '--store', store, '--doc', 'news/bridge.txt'])).out);
    assert.equal(one.document.id, 'news/bridge.txt', 'one --doc: the record itself');
  });

  it('statements as CSV: hostile content defused, the table reads back', async () => {
    const r = await runCli(['export', '--format', 'csv', '--what', 'statements', '--store', store]);
    assert.equal(r.code, 0, r.err);
    const rows = parseCsv(r.out);
    const header = rows[0]!;
    assert.deepEqual(header.slice(0, 5), ['docId', 'docTitle', 'published', 'statementId', 'speaker']);
    const content = rows.slice(1).map((row) => row[header.indexOf('content')]!);
    assert.ok(content.includes('the bridge was safe'), content.join(' | '));
    for (const row of rows.slice(1)) for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@]/);
    const bySpeaker = parseCsv((await runCli(['export', '--format', 'csv', '--what', 'statements', '--by', 'Souza', '--store', store])).out);
    assert.ok(bySpeaker.length >= 2 && bySpeaker.slice(1).every((row) => row[0] === 'news/storm.txt'));
  });

  it('claims and clusters as ClaimReview, filtered by status', async () => {
    const claims = await runCli(['export', '--format', 'claimreview', '--what', 'claims', '--status', 'denied', '--store', store]);
    assert.equal(claims.code, 0, claims.err);
    const reviews = JSON.parse(claims.out);
    assert.ok(reviews.length >= 1);
    for (const r of reviews) {
      assert.equal(r['@type'], 'ClaimReview');
      assert.match(r.reviewRating.alternateName, /^Denied/);
      assert.match(r.claimReviewed, /repairs cost 2 million euros/);
    }
    const clusters = await runCli(['export', '--format', 'claimreview', '--what', 'clusters', '--status', 'denied', '--store', store,
      '--review-author', 'Test Desk']);
    assert.equal(clusters.code, 0, clusters.err);
    const c = JSON.parse(clusters.out);
    assert.ok(c.length >= 1);
    assert.equal(c[0].author.name, 'Test Desk');
    assert.equal(c[0].itemReviewed.appearance[0].identifier, 'news/bridge.txt');
    const csv = parseCsv((await runCli(['export', '--format', 'csv', '--what', 'clusters', '--store', store])).out);
    assert.deepEqual(csv[0]!.slice(0, 2), ['clusterId', 'proposition']);
  });

  it('Web Annotation of the store parses; brat and TimeML go to a directory', async () => {
    const w = JSON.parse((await runCli(['export', '--format', 'webannotation', '--store', store])).out);
    assert.equal(w.type, 'AnnotationCollection');
    assert.equal(w.total, w.first.items.length);
    const out = path.join(dir, 'brat') + path.sep;
    const b = await runCli(['export', '--format', 'brat', '--store', store, '--out', out]);
    assert.equal(b.code, 0, b.err);
    assert.deepEqual(fs.readdirSync(out).sort(), ['annotation.conf', 'news_bridge.ann', 'news_bridge.txt', 'news_storm.ann', 'news_storm.txt']);
    const stored = JSON.parse((await runCli(['export', '--format', 'json', '--store', store, '--doc', 'news/storm.txt'])).out);
    assert.equal(fs.readFileSync(path.join(out, 'news_storm.txt'), 'utf8'), stored.document.text);
    const ann = fs.readFileSync(path.join(out, 'news_storm.ann'), 'utf8');
    const txt = Array.from(fs.readFileSync(path.join(out, 'news_storm.txt'), 'utf8'));
    for (const line of ann.split('\n').filter((l) => l.startsWith('T'))) {
      const [, typeAndSpan, text] = line.split('\t');
      const frags = typeAndSpan!.split(' ').slice(1).join(' ').split(';').map((f) => f.split(' ').map(Number));
      assert.equal(frags.map(([s, e]) => txt.slice(s, e).join('')).join(' '), text, line);
    }
    const t = await runCli(['export', '--format', 'timeml', '--store', store, '--out', path.join(dir, 'tml') + path.sep]);
    assert.equal(t.code, 0, t.err);
    assert.match(fs.readFileSync(path.join(dir, 'tml', 'news_bridge.tml'), 'utf8'), /<TIMEX3 [^>]*>Monday<\/TIMEX3>/);
  });

  it('--out FILE writes the export there', async () => {
    const file = path.join(dir, 'statements.jsonl');
    const r = await runCli(['export', '--format', 'jsonl', '--what', 'statements', '--store', store, '--out', file]);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '');
    assert.ok(fs.readFileSync(file, 'utf8').trimEnd().split('\n').every((l) => JSON.parse(l).statementId));
  });

  it('claimline/1 files and standard input convert; invalid input is named and nothing is written', async () => {
    const file = path.join(dir, 'berg.json');
    fs.writeFileSync(file, JSON.stringify(bergAnalysis()));
    const csv = await runCli(['export', '--format', 'csv', '--what', 'claims', file]);
    assert.equal(csv.code, 0, csv.err);
    assert.equal(parseCsv(csv.out)[1]![parseCsv(csv.out)[0]!.indexOf('status')], 'denied');
    const stdin = await runCli(['export', '--format', 'claimreview', '-'], JSON.stringify(bergAnalysis()) + '\n');
    assert.equal(JSON.parse(stdin.out)[0].reviewRating.alternateName, 'Denied by the council');
    const broken = bergAnalysis();
    broken.statements[0]!.cue = { start: 0, end: 4, text: 'said' };
    const bad = path.join(dir, 'bad.jsonl');
    fs.writeFileSync(bad, JSON.stringify(bergAnalysis()) + '\n' + JSON.stringify(broken) + '\n');
    const r = await runCli(['export', '--format', 'json', bad]);
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    assert.match(r.err, /bad\.jsonl\[1\]: s1\.cue: span text does not match document text/);
    const notJson = await runCli(['export', '--format', 'json', '-'], 'not json at all');
    assert.equal(notJson.code, 1);
    assert.match(notJson.err, /standard input: not JSON or JSONL/);
  });

  it('bad command lines are usage errors; a missing store is a store error', async () => {
    assert.equal((await runCli(['export', '--store', store])).code, 2);
    const r = await runCli(['export', '--format', 'brat', '--what', 'statements', '--store', store]);
    assert.equal(r.code, 2);
    assert.match(r.err, /--what statements exports as json, jsonl, csv, not brat/);
    assert.equal((await runCli(['export', '--format', 'xml', '--store', store])).code, 2);
    assert.equal((await runCli(['export', '--format', 'json', '--store', path.join(dir, 'none.db')])).code, 3);
  });
});
