/**
 * The time stage on the shared evaluation data: TempEval-3 Task A on TimeBank (floors in test/floors.json), and the seed article's
 * nine gold timexes (read from its gold JSON at run time). Skipped, with a message, when ../shared is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { scoreTimexDir } from '../src/eval/timex.js';
import { newDoc } from '../src/model/document.js';
import { segmentStage } from '../src/stages/segment.js';
import { timeStage } from '../src/stages/time/index.js';
import { assertFloor } from './floors.js';
import { HAS_SHARED, NO_SHARED, SHARED } from './shared.js';

test('TimeBank (TempEval-3 Task A): value F1 and relaxed F1 at their floors', async (t) => {
  const dir = path.join(SHARED, 'data/timex/timebank');
  if (!HAS_SHARED || !fs.existsSync(dir)) { t.skip(NO_SHARED); return; }
  const s = await scoreTimexDir(dir);
  assert.ok(s, 'no .tml files found');
  // Both floors are above the bars (relaxed F1 92, value F1 85). Much of the remaining value error is
  // TimeBank's own inconsistency, e.g. "last week" as 1989-WXX in some files and 1989-W43 in others.
  assertFloor('timebank.relaxedF1', s.relaxed.f1);
  assertFloor('timebank.valueF1', s.valueF1);
});

test('seed article: all nine gold timexes with their gold values', (t) => {
  const txt = path.join(SHARED, 'examples/matsegora-wounded-soldiers.txt');
  if (!HAS_SHARED || !fs.existsSync(txt)) { t.skip(NO_SHARED); return; }
  const text = fs.readFileSync(txt, 'utf8');
  const gold = JSON.parse(fs.readFileSync(txt.replace(/\.txt$/, '.gold.json'), 'utf8')) as {
    document: { published: string };
    timexes: { text: string; type: string; value: string }[];
  };
  const doc = newDoc(text, { id: 'seed', title: null, url: null, published: gold.document.published, publishedSource: 'metadata', source: null });
  segmentStage.run(doc);
  timeStage.run(doc);
  // Gold texts may be repeated ("last year" inside "June last year"); match each gold timex to a distinct system
  // timex that overlaps an occurrence of its text (TempEval relaxed matching: extents may differ by a preposition).
  const used = new Set<number>();
  for (const g of gold.timexes) {
    let found = -1;
    for (let from = text.indexOf(g.text); from >= 0 && found < 0; from = text.indexOf(g.text, from + 1)) {
      const end = from + g.text.length;
      found = doc.timexes.findIndex((x, k) => !used.has(k) && x.start < end && from < x.end && x.value === g.value);
    }
    assert.ok(found >= 0, `gold timex "${g.text}" = ${g.value} not found; system: ${JSON.stringify(doc.timexes.map((x) => [text.slice(x.start, x.end), x.value]))}`);
    used.add(found);
    assert.equal(doc.timexes[found]!.type, g.type);
  }
});
