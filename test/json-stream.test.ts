/** The JSON written in pieces is character for character what JSON.stringify writes, compact and pretty. */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { jsonPieces, writeJson } from '../src/output/json-stream.js';
import { analyze } from '../src/pipeline/analyze.js';

const VALUES: unknown[] = [
  null, 0, -1.5, 'a "quoted"\nline\u2028', true, [], {}, [[]], [{}], { a: [] },
  { a: 1, b: undefined, c: () => 1, d: [1, undefined, 'x'], e: { f: { g: { h: [1, { i: 'deep\n' }] } } } },
  [{ start: 0, end: 3, text: 'Who' }, [1, [2, [3, [4]]]]],
  { date: new Date(0), nested: { toJSON: () => 'custom' } },
];

describe('jsonPieces', () => {
  for (const space of [0, 2]) {
    it(`joins to JSON.stringify(value, null, ${space}) at every depth`, () => {
      for (const v of VALUES) {
        for (const maxDepth of [0, 1, 2, 3, 8]) {
          assert.equal([...jsonPieces(v, space, 0, maxDepth)].join(''), JSON.stringify(v, null, space), JSON.stringify(v));
        }
      }
    });
  }

  it('writes a whole analysis record identically, in more than one piece', async () => {
    const a = analyze({ text: 'Ada Brown, the mayor of Eastfield, said on Monday that the bridge would reopen in June.\n\n"It is safe," she said.', published: '2026-05-04' });
    for (const space of [0, 2]) {
      assert.ok([...jsonPieces(a, space)].length > 10);
      const out = new PassThrough();
      let got = '';
      out.on('data', (d) => { got += d; });
      await writeJson(out, a, space);
      assert.equal(got, JSON.stringify(a, null, space) + '\n');
    }
  });
});
