import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parsePublished, readInputs, type InputItem, type RawDoc } from '../src/input/index.js';
import { take } from './shared.js';

/** The repo's `test/fixtures/input`, found from here whether this runs as test/*.ts (tsx) or dist/test/*.js. */
function fixturesDir(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'test', 'fixtures', 'input');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error('test/fixtures/input not found');
  }
}

const FIXTURES = fixturesDir();
const fixture = (name: string): string => join(FIXTURES, name);

async function collect(inputs: string[], opts: Parameters<typeof readInputs>[1] = {}): Promise<InputItem[]> {
  const items: InputItem[] = [];
  for await (const item of readInputs(inputs, opts)) items.push(item);
  return items;
}

/** The documents read, at least one (a test that expects none reads `items` itself). */
const docs = (items: InputItem[]): [RawDoc, ...RawDoc[]] => {
  const out = items.flatMap((i) => (i.ok ? [i.doc] : []));
  assert.ok(out.length > 0, "no document was read");
  return out as [RawDoc, ...RawDoc[]];
};
const errors = (items: InputItem[]): { source: string; reason: string }[] =>
  items.flatMap((i) => (i.ok ? [] : [{ source: i.source, reason: i.reason }]));

describe('parsePublished', () => {
  it('accepts plain dates, ISO timestamps and RFC-822 dates', () => {
    assert.equal(parsePublished('2024-02-29'), '2024-02-29');
    assert.equal(parsePublished(' 2015-09-12T10:00:00Z '), '2015-09-12');
    assert.equal(parsePublished('2015-09-12T23:30:00.123-05:00'), '2015-09-12');
    assert.equal(parsePublished('Tue, 05 Mar 2024 23:30:00 -0500'), '2024-03-05');
    assert.equal(parsePublished('5 March 2024'), '2024-03-05');
    assert.equal(parsePublished('Sat, 12 Sep 15 10:00 GMT'), '2015-09-12');
  });

  it('rejects impossible and malformed dates', () => {
    for (const bad of ['2023-02-29', '2024-02-30', '2024-13-01', '2024-00-10', '2024-3-5', '12/09/2015', 'yesterday',
      '', '2024-03-05T25:00:00Z', '32 Mar 2024', 'Tue, 05 Foo 2024']) {
      assert.equal(parsePublished(bad), null, bad);
    }
  });
});

describe('readInputs: formats', () => {
  it('plain text keeps its headline in the text and reports it as the title', async () => {
    const [doc] = docs(await collect([fixture('dir/sub/no-title.txt'), fixture('dir/harbour.txt')]));
    assert.equal(doc.id, 'no-title');
    assert.equal(doc.title, null, 'a first line ending in a full stop is not a headline');
    assert.equal(doc.format, 'text');
  });

  it('a sidecar .meta.json supplies title, url and published', async () => {
    const [doc] = docs(await collect([fixture('dir/harbour.txt')]));
    assert.equal(doc.id, 'harbour');
    assert.equal(doc.title, 'Bridge reopens (sidecar title)');
    assert.equal(doc.url, 'https://example.org/news/bridge');
    assert.equal(doc.published, '2024-03-04');
    assert.ok(doc.text.startsWith('Harbour bridge reopens\n\nThe harbour bridge'));
  });

  it('HTML: article extracted, paragraphs separated by blank lines, page metadata kept', async () => {
    const [doc] = docs(await collect([fixture('article.html')]));
    assert.equal(doc.format, 'html');
    assert.equal(doc.id, 'article');
    assert.equal(doc.title, 'Harbour bridge reopens after repairs');
    assert.equal(doc.url, 'https://example.org/news/harbour-bridge');
    assert.equal(doc.published, '2024-03-05');
    const paragraphs = doc.text.split('\n\n');
    assert.equal(paragraphs.length, 3, doc.text);
    const [lead, quote, closing] = take(paragraphs, 3, 'paragraphs');
    assert.match(lead, /^The harbour bridge in Westport reopened on Monday/);
    assert.match(quote, /^"We are relieved that traffic can flow again," Mayor Anna Berg told reporters at the opening ceremony\. Engineers/);
    assert.equal(closing, 'Local shop owners said business had suffered during the closure.\nOne baker said sales fell by a third.');
    assert.doesNotMatch(doc.text, /Home|Copyright|tracking|color/);
  });

  it('RSS: one document per item with guid/link/file ids, RFC-822 dates and HTML content as text', async () => {
    const items = await collect([fixture('feed.rss')]);
    const [budget, library, note] = take(docs(items), 3, 'documents');
    assert.equal(budget.id, 'gazette-budget-2024');
    assert.equal(budget.title, 'Council approves new budget');
    assert.equal(budget.published, '2024-03-05', 'the date as the publisher wrote it, not shifted to UTC');
    assert.equal(budget.text, 'The council approved the budget on Tuesday.\n\nThe treasurer said taxes would not rise.');
    assert.equal(budget.source, `${fixture('feed.rss')}#1`);
    assert.equal(library.id, 'https://example.org/news/library');
    assert.equal(library.text, 'The library will open on Sundays from April, a spokesperson said.');
    assert.equal(note.id, 'feed.rss#3');
    assert.equal(note.published, null);
    assert.match(note.warnings.map((w) => w.message).join(), /unparsable feed item date "the day after tomorrow"/);
    assert.deepEqual(note.warnings.map((w) => [w.source, w.ruleId, w.severity, w.span]), [['input', 'input/unparsable-date', 'warning', null]]);
    assert.deepEqual(errors(items), [{ source: `${fixture('feed.rss')}#4`, reason: 'feed item has no content or description text' }]);
  });

  it('Atom: entries become documents', async () => {
    const [doc, ...rest] = docs(await collect([fixture('feed.atom')]));
    assert.equal(rest.length, 0);
    assert.equal(doc.id, 'urn:example:ferry');
    assert.equal(doc.url, 'https://example.org/news/ferry');
    assert.equal(doc.published, '2024-03-07');
    assert.equal(doc.format, 'feed');
    assert.equal(doc.text.split('\n\n').length, 2);
  });

  it('JSONL: good lines go through in order, bad lines name file:line and the problem', async () => {
    const items = await collect([fixture('records.jsonl')]);
    const src = fixture('records.jsonl');
    assert.deepEqual(items.map((i) => (i.ok ? i.doc.id : i.source)),
      ['rec-1', 'rec-2', `${src}:4`, `${src}:5`, '5', `${src}:7`, 'rec-6']);
    const [rec1, rec2, rec5, rec6] = take(docs(items), 4, 'documents');
    assert.deepEqual({ ...rec1, warnings: rec1.warnings }, {
      id: 'rec-1', text: 'The minister said on Friday that the plan was ready.', title: 'Plan ready',
      url: 'https://example.org/plan', published: '2024-02-02', source: `${src}:1`, format: 'jsonl', warnings: [],
    });
    assert.equal(rec2.published, null);
    const [dateWarning] = take(rec2.warnings, 1, 'warnings on rec-2');
    assert.match(dateWarning.message, /2024-02-30/);
    assert.equal(dateWarning.ruleId, 'input/unparsable-date');
    assert.equal(rec5.text, 'The mayor said the bridge was safe.\n\nEngineers agreed.');
    assert.equal(rec6.text, 'Line one.\nLine two.');
    const [malformed, noText, notObject] = take(errors(items).map((e) => e.reason), 3, 'rejected lines');
    assert.match(malformed, /malformed JSON/);
    assert.match(noText, /neither a "text" nor an "html"/);
    assert.match(notObject, /not a JSON object/);
  });

  it('directories: recursive, sorted, sidecars and hidden files skipped, unknown kinds reported', async () => {
    const items = await collect([fixture('dir')]);
    assert.deepEqual(items.map((i) => (i.ok ? i.doc.id : `skip:${i.source}`)), [
      `skip:${fixture('dir/NOTES.md')}`, 'harbour', 'bad-date', 'no-title',
    ]);
    const [skip] = take(errors(items), 1, 'rejected inputs');
    assert.match(skip.reason, /^skipped: unknown file kind \("\.md"\)/);
    const [first] = take(items, 1);
    assert.equal(first.ok === false && first.skipped, true, 'a skip is marked as such, unlike a failure');
    const [, badDate] = take(docs(items), 2, 'documents');
    assert.equal(badDate.published, null);
    const [dateWarning] = take(badDate.warnings, 1, 'warnings on bad-date');
    assert.match(dateWarning.message, /unparsable metadata date "2023-13-45"/);
  });

  it('stdin: content is sniffed (HTML here)', async () => {
    const html = '<html><body><article><p>The minister said the talks would resume next week in Geneva.</p></article></body></html>';
    const [item] = take(await collect(['-'], { stdin: Readable.from([Buffer.from(html)]) }), 1);
    assert.ok(item.ok);
    assert.equal(item.doc.format, 'html');
    assert.equal(item.doc.source, 'stdin');
    assert.equal(item.doc.text, 'The minister said the talks would resume next week in Geneva.');
  });
});

describe('readInputs: bad input never stops the run', () => {
  let dir: string;
  const good = (): string => join(dir, 'good.txt');
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'claimline-input-'));
    writeFileSync(good(), 'A good document. It survives.\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Reads `bad` followed by a good file and returns the reason given for `bad`. */
  async function reasonFor(bad: string, opts = {}): Promise<string> {
    const items = await collect([bad, good()], opts);
    assert.equal(items.length, 2, JSON.stringify(items));
    const [first, second] = take(items, 2);
    assert.ok(!first.ok, `expected ${bad} to be rejected`);
    assert.equal(first.source, bad);
    assert.ok(second.ok && second.doc.id === 'good', 'the next input still comes through');
    return first.reason;
  }

  const write = (name: string, data: string | Uint8Array): string => {
    const p = join(dir, name);
    writeFileSync(p, data);
    return p;
  };

  it('empty and whitespace-only files', async () => {
    assert.match(await reasonFor(write('empty.txt', '')), /empty file/);
    assert.match(await reasonFor(write('blank.txt', ' \n\r\n\t')), /empty file \(only whitespace\)/);
  });

  it('binary files: NUL bytes or many control characters', async () => {
    assert.match(await reasonFor(write('nul.txt', Buffer.from([0x48, 0x69, 0x00, 0x01, 0x02]))), /binary file \(contains NUL/);
    assert.match(await reasonFor(write('ctl.txt', Buffer.from('ab\x01\x02\x03\x04cd\x05\x06\x07\x08ef'))), /binary file/);
  });

  it('invalid UTF-8', async () => {
    assert.match(await reasonFor(write('latin1.txt', Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]))), /invalid UTF-8/);
  });

  it('HTML with no article text', async () => {
    assert.equal(await reasonFor(fixture('no-article.html')), 'HTML page has no article text');
  });

  it('broken feed XML', async () => {
    assert.match(await reasonFor(fixture('broken.rss')), /^broken feed XML: unclosed elements <rss> <channel> <item> <title>/);
  });

  it('a file over maxBytes is rejected by size, before reading (50 MB, default 20 MB limit)', async () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, '');
    truncateSync(big, 50 * 1024 * 1024);
    try {
      assert.match(await reasonFor(big), /file too large \(52428800 bytes; limit 20971520\)/);
    } finally {
      rmSync(big);
    }
    assert.match(await reasonFor(write('small.txt', 'x'.repeat(50)), { maxBytes: 40 }), /file too large \(50 bytes; limit 40\)/);
  });

  it('missing paths and unreadable files', async () => {
    assert.equal(await reasonFor(join(dir, 'nope.txt')), 'no such file or directory');
    if (process.getuid?.() !== 0) {
      const locked = write('locked.txt', 'secret');
      const { chmodSync } = await import('node:fs');
      chmodSync(locked, 0o000);
      assert.equal(await reasonFor(locked), 'permission denied');
    }
  });

  it('oversized or binary stdin', async () => {
    const [big] = take(await collect(['-'], { stdin: Readable.from([Buffer.alloc(64, 'a')]), maxBytes: 10 }), 1);
    assert.ok(!big.ok && /too large/.test(big.reason) && big.source === 'stdin');
    const [bin] = take(await collect(['-'], { stdin: Readable.from([Buffer.from([0, 1, 2])]) }), 1);
    assert.ok(!bin.ok && /binary/.test(bin.reason));
  });

  it('normalises a BOM and CRLF/CR line ends, nothing else', async () => {
    const p = write('crlf.txt', '\uFEFFTitle line\r\n\r\nFirst  line.\rSecond\tline.\r\n');
    const [item] = take(await collect([p]), 1);
    assert.ok(item.ok);
    assert.equal(item.doc.text, 'Title line\n\nFirst  line.\nSecond\tline.\n');
    assert.equal(item.doc.title, 'Title line');
  });

  it('duplicate ids within a run are renamed with a warning, not silently merged', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    write('a/same.txt', 'First report.');
    write('b/same.txt', 'Second report.');
    const found = docs(await collect([join(dir, 'a'), join(dir, 'b')]));
    assert.deepEqual(found.map((d) => d.id), ['same', 'same-2']);
    const [, renamed] = take(found, 2, 'documents');
    const [duplicateWarning] = take(renamed.warnings, 1, 'warnings on the renamed document');
    assert.match(duplicateWarning.message, /duplicate document id "same"/);
    assert.equal(duplicateWarning.ruleId, 'input/duplicate-id');
  });

  it('a broken sidecar is a warning, not a failure', async () => {
    const p = write('side.txt', 'Some text here.');
    write('side.meta.json', '{not json');
    const [item] = take(await collect([p]), 1);
    assert.ok(item.ok);
    const [sidecarWarning] = take(item.doc.warnings, 1, 'warnings');
    assert.match(sidecarWarning.message, /ignored sidecar .*side\.meta\.json/);
    assert.equal(sidecarWarning.ruleId, 'input/bad-sidecar');
  });
});
