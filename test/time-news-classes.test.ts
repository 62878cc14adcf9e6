/**
 * Error classes of time expressions in wire copy, on sentences written for these tests: holiday words that are
 * surnames, halves and quarters of a game, "the end of the month" next to an old date, hedged counts of hours.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newDoc } from '../src/model/document.js';
import { segmentStage } from '../src/stages/segment.js';
import { timeStage } from '../src/stages/time/index.js';

interface Seen { text: string; type: string; value: string; mod?: string }

function run(text: string, dct: string | null): Seen[] {
  const doc = newDoc(text, { id: 't', title: null, url: null, published: dct, publishedSource: dct ? 'metadata' : null, source: null });
  segmentStage.run(doc);
  timeStage.run(doc);
  return doc.timexes.map((t) => ({ text: text.slice(t.start, t.end), type: t.type, value: t.value, mod: t.mod }));
}

/** The timex whose text starts with `prefix`. */
function find(timexes: Seen[], prefix: string): Seen {
  const t = timexes.find((x) => x.text.startsWith(prefix));
  assert.ok(t, `no timex "${prefix}" in ${JSON.stringify(timexes.map((x) => x.text))}`);
  return t;
}

function none(timexes: Seen[], prefix: string): void {
  assert.ok(!timexes.some((x) => x.text.startsWith(prefix)), `unexpected timex "${prefix}" in ${JSON.stringify(timexes)}`);
}

test('a holiday word that names the speaker is a surname, not a date', () => {
  none(run('"The books are in order," Christmas said.', '2024-03-14'), 'Christmas');
  none(run('Christmas told the inquiry she had not seen the letter.', '2024-03-14'), 'Christmas');
  none(run('Dr. Christmas said the results were clear.', '2024-03-14'), 'Christmas');
  none(run('Christmas, a retired nurse, said the ward was full.', '2024-03-14'), 'Christmas');
  assert.equal(find(run('The ward will be full by Christmas, the nurse said.', '2024-03-14'), 'Christmas').value, '2024-12-25');
});

test('once a text uses a holiday word as a surname, its bare mentions stay names; "until Christmas" is still a date', () => {
  const timexes = run('The audit was led by Ruth Christmas of the tax office. According to Christmas, the books are in order. '
    + 'The firm will keep them until Christmas.', '2024-03-14');
  assert.deepEqual(timexes.filter((t) => t.text === 'Christmas').map((t) => t.value), ['2024-12-25']);
});

test('a half or quarter of a game is not a half or quarter of the year', () => {
  none(run('The visitors conceded twice in the second half after the loss of their captain.', '2017-03-20'), 'the second half');
  none(run('The hosts trailed by nine in the fourth quarter but won.', '2017-03-20'), 'the fourth quarter');
  none(run('Results improved in the second half of the match.', '2017-03-20'), 'the second half');
  none(run('The first quarter of the film drags.', '2017-03-20'), 'The first quarter');
  assert.equal(find(run('Revenue rose in the third quarter.', '2017-03-20'), 'the third quarter').value, '2016-Q3');
  assert.equal(find(run('Sales fell in the second half of 2016.', '2017-03-20'), 'the second half').value, '2016-H2');
  assert.equal(find(run('The firm expects a profit in the first quarter of next year.', '2017-03-20'), 'the first quarter').value, '2018-Q1');
});

test('"the end of the month" next to an old date: the DCT\'s month unless the clause tells the past of that date', () => {
  const future = run('The plant, opened on May 2, 1986, will close at the end of the month.', '2011-04-13');
  assert.equal(find(future, 'the end of the month').value, '2011-04');
  const present = run('Since its launch in June 1986 the plant has run nonstop; it shuts at the end of the month.', '2011-04-13');
  assert.equal(find(present, 'the end of the month').value, '2011-04');
  // A year names no month: "the month" is not January of it.
  assert.equal(find(run('The plant opened in 1986 and will close at the end of the month.', '2011-04-13'), 'the end of the month').value, '2011-04');
  const past = run('She was hired in May 1986 and quit at the end of the month.', '2011-04-13');
  assert.equal(find(past, 'the end of the month').value, '1986-05');
});

test('hedged counts of hours back are whole days back, with the hedge in the extent and the mod', () => {
  const timexes = run('The ship sank just over 24 hours ago. Rescuers arrived some 36 hours ago; divers came nearly 48 hours ago. '
    + 'A second alarm rang over 24 hours ago, and the port shut under two days ago.', '2024-03-14');
  assert.deepEqual(timexes.map((t) => [t.text, t.value, t.mod]), [
    ['just over 24 hours ago', '2024-03-13', 'MORE_THAN'],
    ['some 36 hours ago', '2024-03-13', 'APPROX'],
    ['nearly 48 hours ago', '2024-03-12', 'LESS_THAN'],
    ['over 24 hours ago', '2024-03-13', 'MORE_THAN'],
    ['under two days ago', '2024-03-12', 'LESS_THAN'],
  ]);
});

test('a month before a surname is a given name; a title-case headline keeps its month', () => {
  none(run('Reporter April Ryan asked the first question.', '2019-03-14'), 'April');
  none(run('June Okafor, a teacher, said the school was closed.', '2019-03-14'), 'June');
  assert.equal(find(run('September Jobs Report Shows Gains', '2019-10-04'), 'September').value, '2019-09');
  assert.equal(find(run('The vote will be held in June.', '2019-03-14'), 'June').value, '2019-06');
});
