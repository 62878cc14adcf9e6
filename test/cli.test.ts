/**
 * The CLI end to end, in process (same code path as bin/claimline.js): formats, exit codes, bad input, and
 * the store across runs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { runCli } from './cli-run.js';
import { validateAnalysis, type AnalysisOut } from '../src/index.js';
import { packageRoot } from '../src/util/paths.js';

const run = runCli;

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'claimline-cli-'));
const ARTICLE = 'Storm Closes Ports\n\nThe harbour master, Ana Souza, said on Monday that all ports would stay closed until Friday. "We cannot risk the crews," she told reporters.\n';

test('--help works for every command and unknown commands are usage errors', async () => {
  for (const cmd of ['analyze', 'ingest', 'statements', 'timeline', 'search', 'stats', 'validate']) {
    const r = await run([cmd, '--help']);
    assert.equal(r.code, 0, cmd);
    assert.match(r.out, new RegExp(`Usage: claimline ${cmd}`));
  }
  assert.equal((await run(['--help'])).code, 0);
  assert.equal((await run(['frobnicate'])).code, 2);
  assert.equal((await run(['analyze', '--nope', 'x'])).code, 2);
});

test('analyze reads stdin and prints a valid claimline/1 record; jsonl keeps input order and ids', async () => {
  const r = await run(['analyze', '-', '--published', '2024-05-06', '--quiet'], ARTICLE);
  assert.equal(r.code, 0, r.err);
  const a = JSON.parse(r.out) as AnalysisOut;
  assert.deepEqual(validateAnalysis(a), []);
  assert.equal(a.document.published, '2024-05-06');
  const dir = tmp();
  const jsonl = path.join(dir, 'in.jsonl');
  fs.writeFileSync(jsonl, ['zeta', 'alpha', 'mid'].map((id) => JSON.stringify({ id, text: `${id} said the bridge was closed.` })).join('\n'));
  const j = await run(['analyze', jsonl, '--format', 'jsonl', '--quiet']);
  assert.equal(j.code, 0, j.err);
  assert.deepEqual(j.out.trim().split('\n').map((l) => JSON.parse(l).document.id), ['zeta', 'alpha', 'mid']);
  const md = await run(['analyze', '-', '--format', 'md', '--quiet', '--published', '2024-05-06'], ARTICLE);
  assert.match(md.out, /^# Storm Closes Ports/);
  assert.match(md.out, /## Timeline/);
});

test('--attribution tagger gives a valid record with the same speakers; an unknown mode is a usage error', async () => {
  const rules = JSON.parse((await run(['analyze', '-', '--quiet'], ARTICLE)).out) as AnalysisOut;
  const r = await run(['analyze', '-', '--attribution', 'tagger', '--quiet'], ARTICLE);
  assert.equal(r.code, 0, r.err);
  const tagged = JSON.parse(r.out) as AnalysisOut;
  assert.deepEqual(validateAnalysis(tagged), []);
  assert.ok(tagged.statements.length >= 2, `${tagged.statements.length} statements`);
  const names = (a: AnalysisOut) => a.statements.map((s) => s.speaker.name).sort();
  assert.deepEqual(names(tagged), names(rules));
  const bad = await run(['analyze', '-', '--attribution', 'neural'], ARTICLE);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /attribution/);
});

test('a bad --published value is a usage error naming the value', async () => {
  for (const bad of ['2024-02-30', 'yesterday', '06/05/2024']) {
    const r = await run(['analyze', '-', '--published', bad], ARTICLE);
    assert.equal(r.code, 2);
    assert.match(r.err, new RegExp(`--published.*${bad.replace(/\//g, '\\/')}`));
  }
});

test('bad inputs: each is named with its reason, exit 1, and the good input is still analysed', async () => {
  const dir = tmp();
  const good = path.join(dir, 'good.txt');
  fs.writeFileSync(good, ARTICLE);
  const bad: Record<string, Buffer | string> = {
    'empty.txt': '',
    'binary.txt': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3, 0, 0, 0]),
    'latin1.txt': Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x70, 0x65, 0x6e, 0x2e]),
    'noarticle.html': '<html><head><title>x</title></head><body><nav><a href="/">Home</a></nav></body></html>',
    'records.jsonl': '{"id":"ok1","text":"The mayor said the road was open."}\n{"id": broken\n',
  };
  for (const [name, content] of Object.entries(bad)) fs.writeFileSync(path.join(dir, name), content);
  const huge = path.join(dir, 'huge.txt');
  fs.writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 'a'));
  try {
    const r = await run(['analyze', dir, '--format', 'jsonl', '--quiet']);
    assert.equal(r.code, 1);
    const ids = r.out.trim().split('\n').map((l) => JSON.parse(l).document.id);
    assert.deepEqual(ids.sort(), [`${path.basename(dir)}/good.txt`, 'ok1'], 'a file is named by its path under the input folder');
    for (const name of ['empty.txt', 'binary.txt', 'latin1.txt', 'noarticle.html', 'huge.txt']) {
      assert.match(r.err, new RegExp(`${name}: \\S`), `no message for ${name}:\n${r.err}`);
    }
    assert.match(r.err, /records\.jsonl:2/);
    assert.match(r.err, /empty/i);
    assert.match(r.err, /binary/i);
    assert.match(r.err, /UTF-8/i);
    assert.match(r.err, /larger|too large|size/i);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('ingest: no duplicates on re-ingest, failed inputs leave the store unchanged, queries work', async () => {
  const dir = tmp();
  const db = path.join(dir, 'c.db');
  const good = path.join(dir, 'harbour.txt');
  fs.writeFileSync(good, ARTICLE);
  const first = await run(['ingest', good, '--db', db, '--published', '2024-05-06']);
  assert.equal(first.code, 0, first.err);
  const stats1 = JSON.parse((await run(['stats', '--db', db])).out);
  assert.equal(stats1.documents, 1);

  fs.writeFileSync(path.join(dir, 'empty.txt'), '');
  const again = await run(['ingest', good, path.join(dir, 'empty.txt'), '--db', db, '--published', '2024-05-06']);
  assert.equal(again.code, 1);
  assert.match(again.err, /empty\.txt/);
  assert.match(again.err, /1 unchanged/);
  assert.deepEqual(JSON.parse((await run(['stats', '--db', db])).out), stats1);

  const s = await run(['search', 'ports', '--db', db, '--format', 'json']);
  assert.equal(s.code, 0, s.err);
  assert.ok(JSON.parse(s.out).results.length >= 1);
  const st = await run(['statements', '--db', db, '--format', 'json']);
  assert.equal(st.code, 0);
  assert.ok(Array.isArray(JSON.parse(st.out).results));
  const tl = await run(['timeline', '--db', db, '--format', 'json']);
  assert.equal(tl.code, 0);
  assert.ok(JSON.parse(tl.out).results.some((r: { date: string }) => r.date.startsWith('2024-05')));

  assert.equal((await run(['stats', '--db', path.join(dir, 'missing.db')])).code, 3);
  fs.writeFileSync(path.join(dir, 'not-a-db.db'), 'hello, this is not sqlite at all, just text that is long enough');
  const notDb = await run(['ingest', good, '--db', path.join(dir, 'not-a-db.db')]);
  assert.equal(notDb.code, 3);
  assert.match(notDb.err, /not-a-db\.db/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the installed launcher runs (bin/claimline.js over dist/)', (t) => {
  const bin = path.join(packageRoot(), 'bin/claimline.js');
  if (!fs.existsSync(path.join(packageRoot(), 'dist/src/cli/main.js'))) { t.skip('dist/ not built (run npm run build)'); return; }
  const r = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^claimline \d+\.\d+\.\d+/);
});

test('a reader that stops early (| head) ends the command quietly, with no EPIPE trace', () => {
  // `head -c 1` reads one byte and exits; the CLI then writes into a closed pipe.
  const bin = path.join(packageRoot(), 'bin', 'claimline.js');
  const examples = path.join(packageRoot(), 'examples', 'wikinews');
  const r = spawnSync('sh', ['-c', `node "${bin}" analyze "${examples}" --format md --quiet | head -c 1 > /dev/null`], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /EPIPE|Unhandled 'error' event/);
});
