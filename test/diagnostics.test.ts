/**
 * Structured warnings (`diagnostics`) beside the one-line `warnings` older readers know, and the `model/missing`
 * diagnostic for a model file a loader did not find.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, validateAnalysis, warningLine, type AnalysisOut } from '../src/index.js';
import { toMarkdown } from '../src/output/markdown.js';
import { loadAttributionModel } from '../src/stages/attribution/linear-model.js';
import { missingModels, noteMissingModel } from '../src/util/model-files.js';
import { packageRoot } from '../src/util/paths.js';

const IMPOSSIBLE = 'The vote was set for February 30, 2023, officials said.';

test('each warning line is its diagnostic: the message, then the offset of its span', () => {
  const a = analyze(IMPOSSIBLE, { published: '2023-01-05' });
  const d = a.diagnostics!.find((x) => x.ruleId === 'time/impossible-date');
  assert.ok(d, JSON.stringify(a.diagnostics));
  assert.equal(d.source, 'time');
  assert.equal(d.severity, 'warning');
  assert.equal(IMPOSSIBLE.slice(d.span!.start, d.span!.end), 'February 30, 2023');
  assert.deepEqual(a.warnings, a.diagnostics!.map(warningLine));
  assert.ok(a.warnings.includes(`time: impossible date: "February 30, 2023" at ${IMPOSSIBLE.indexOf('February')}`));
  assert.deepEqual(validateAnalysis(a), []);
});

test('input and language diagnostics have no span; library callers may still pass plain-string warnings', () => {
  const a = analyze({ text: 'Der Botschafter sagte am Montag, dass die Soldaten in Kliniken behandelt werden.',
    published: '2999-01-01', warnings: ['from an old caller'] });
  assert.deepEqual(a.diagnostics!.map((d) => [d.source, d.ruleId, d.span]), [
    ['input', 'input/other', null],
    ['input', 'input/future-published', null],
    ['language', 'language/not-english', null],
  ]);
  assert.equal(a.warnings[0], 'from an old caller');
  assert.deepEqual(validateAnalysis(a), []);
});

test('records without diagnostics (written before them) still validate; inconsistent ones do not', () => {
  const a = analyze(IMPOSSIBLE, { published: '2023-01-05' });
  const old = structuredClone(a) as AnalysisOut;
  delete old.diagnostics;
  assert.deepEqual(validateAnalysis(old), []);
  const edited = structuredClone(a);
  edited.warnings[0] = 'something else';
  assert.deepEqual(validateAnalysis(edited), ['warnings: not the lines of diagnostics, in order']);
  const badRule = structuredClone(a);
  badRule.diagnostics![0]!.ruleId = 'Not A Rule';
  assert.ok(validateAnalysis(badRule).some((p) => p.includes('/diagnostics/0/ruleId')));
  // The report shows where and which rule; an old record falls back to the lines.
  assert.match(toMarkdown(a), /> ⚠ time: impossible date: "February 30, 2023" _\(chars \d+–\d+; time\/impossible-date\)_/);
  assert.match(toMarkdown(old), /> ⚠ time: impossible date: "February 30, 2023" at \d+/);
});

test('a model file a loader did not find becomes a model/missing warning on every document', () => {
  const before = analyze('The minister said taxes would rise.');
  assert.ok(!before.diagnostics!.some((d) => d.ruleId === 'model/missing'), 'the committed models are all present');
  assert.deepEqual(missingModels(), []);

  // A loader pointed at a file that is not there: null (the stage keeps its rules), and noted.
  assert.equal(loadAttributionModel('no-such-model.json', (raw) => raw), null);
  assert.deepEqual(missingModels(), ['models/attribution/no-such-model.json']);
  noteMissingModel('/elsewhere/model.bin');
  for (const text of ['The minister said taxes would rise.', 'Officials said the port was closed.']) {
    const a = analyze(text);
    const missing = a.diagnostics!.filter((d) => d.ruleId === 'model/missing');
    assert.deepEqual(missing.map((d) => [d.source, d.severity, d.span]), [['model', 'warning', null], ['model', 'warning', null]]);
    assert.match(missing[0]!.message, /^model file models\/attribution\/no-such-model\.json is missing/);
    assert.match(missing[1]!.message, /^model file \/elsewhere\/model\.bin is missing/);
    assert.ok(a.warnings.includes(missing[0]!.message));
    assert.deepEqual(validateAnalysis(a), []);
  }
  assert.ok(packageRoot());
});
