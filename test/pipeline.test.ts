import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze, validateAnalysis, InputError } from '../src/index.js';
import { packageRoot } from '../src/util/paths.js';

const EXAMPLES = path.join(packageRoot(), 'examples/wikinews');

test('every bundled Wikinews example analyses and validates against the JSON Schema', () => {
  const files = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.txt'));
  assert.equal(files.length, 12);
  for (const f of files) {
    const meta = JSON.parse(fs.readFileSync(path.join(EXAMPLES, f.replace(/\.txt$/, '.meta.json')), 'utf8'));
    const a = analyze({ text: fs.readFileSync(path.join(EXAMPLES, f), 'utf8'), id: meta.id, title: meta.title, published: meta.published });
    assert.deepEqual(validateAnalysis(a), [], f);
    assert.equal(a.document.language, 'en', f);
    assert.ok(a.entities.length > 0, `${f}: no entities`);
  }
});

test('validation catches a span whose text does not match the document', () => {
  const a = analyze('The minister said on Monday that taxes would rise.', { published: '2024-03-06' });
  assert.deepEqual(validateAnalysis(a), []);
  const broken = structuredClone(a);
  broken.timexes.push({ id: 't99', start: 0, end: 3, text: 'Tha', type: 'DATE', value: '2024', resolved: true });
  assert.ok(validateAnalysis(broken).some((p) => p.includes('does not match')));
  const badShape = structuredClone(a) as unknown as Record<string, unknown>;
  delete badShape.statements;
  assert.ok(validateAnalysis(badShape as never).length > 0);
});

test('library rejects an impossible published date and warns on a future one', () => {
  assert.throws(() => analyze('Some text.', { published: '2025-02-30' }), InputError);
  assert.throws(() => analyze('Some text.', { published: 'yesterday' }), InputError);
  const a = analyze('The vote was held today.', { published: '2999-01-01' });
  assert.ok(a.warnings.some((w) => w.includes('future')));
});

test('non-English text is analysed and says so', () => {
  const a = analyze('Der Botschafter sagte am Montag, dass die verwundeten Soldaten in Kliniken behandelt werden. Die Regierung in Berlin bestätigte das nicht.');
  assert.equal(a.document.language, 'de');
  assert.ok(a.warnings.some((w) => w.includes('not English')));
  assert.deepEqual(validateAnalysis(a), []);
});

test('empty and whitespace-only text give an empty but valid record', () => {
  for (const text of ['', '   \n\n  ']) {
    const a = analyze(text);
    assert.deepEqual(validateAnalysis(a), []);
    assert.equal(a.statements.length, 0);
  }
});
