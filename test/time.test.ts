/**
 * Time stage rule families, on sentences written for these tests: relative dates in past narratives, weekdays
 * never resolved to the wrong side of the DCT, months in the right year, durations vs points, sets, ranges,
 * unresolved values without a DCT, warnings for impossible dates, datelines.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { evalTimexCommand, parseTml, scoreTimexDir } from '../src/eval/timex.js';
import { newDoc } from '../src/model/document.js';
import { segmentStage } from '../src/stages/segment.js';
import { detectDct, tagTimexes, timeStage } from '../src/stages/time/index.js';
import { toTimeML } from '../src/export/timeml.js';
import { warningLine, type AnalysisOut, type Diagnostic } from '../src/model/format.js';

interface Seen { text: string; type: string; value: string; mod?: string; resolved: boolean }

/** Runs segment + time on `text` with `dct` and returns the timexes with their text. */
function run(text: string, dct: string | null): { timexes: Seen[]; warnings: Diagnostic[]; published: string | null } {
  const doc = newDoc(text, { id: 't', title: null, url: null, published: dct, publishedSource: dct ? 'metadata' : null, source: null });
  segmentStage.run(doc);
  timeStage.run(doc);
  return {
    timexes: doc.timexes.map((t) => ({ text: text.slice(t.start, t.end), type: t.type, value: t.value, mod: t.mod, resolved: t.resolved })),
    warnings: doc.warnings,
    published: doc.meta.published,
  };
}

function find(timexes: Seen[], text: string): Seen {
  const t = timexes.find((x) => x.text === text);
  assert.ok(t, `no timex "${text}" in ${JSON.stringify(timexes.map((x) => x.text))}`);
  return t;
}

test('deictic dates resolve against the DCT', () => {
  const { timexes } = run('The minister said yesterday that talks resume tomorrow; last year they failed and next month they may not.', '2024-03-15');
  assert.equal(find(timexes, 'yesterday').value, '2024-03-14');
  assert.equal(find(timexes, 'tomorrow').value, '2024-03-16');
  assert.equal(find(timexes, 'last year').value, '2023');
  assert.equal(find(timexes, 'next month').value, '2024-04');
});

test('a bare weekday follows the tense, and "last Thursday" is never in the future', () => {
  // 2024-03-13 is a Wednesday.
  const past = run('The council voted on Friday to close the bridge.', '2024-03-13').timexes;
  assert.equal(find(past, 'Friday').value, '2024-03-08');
  const future = run('The council will vote on Friday.', '2024-03-13').timexes;
  assert.equal(find(future, 'Friday').value, '2024-03-15');
  const last = run('Police said the driver fled last Thursday.', '2024-03-13').timexes;
  const v = find(last, 'last Thursday').value;
  assert.ok(v < '2024-03-13', `last Thursday resolved to ${v}`);
  assert.equal(v, '2024-03-07');
});

test('a month without a year lands in the right year for the tense', () => {
  const past = run('The factory closed in November, workers said.', '2024-02-10').timexes;
  assert.equal(find(past, 'November').value, '2023-11');
  const future = run('The factory will reopen in November.', '2024-02-10').timexes;
  assert.equal(find(future, 'November').value, '2024-11');
  const withDay = run('The deadline was extended to March 3.', '2024-02-20').timexes;
  assert.equal(find(withDay, 'March 3').value, '2024-03-03');
});

test('a month in a past narrative is anchored to a date named earlier in the sentence', () => {
  const { timexes } = run('In March last year, rebels said they had held the town since January.', '2025-06-01');
  assert.equal(find(timexes, 'March last year').value, '2024-03');
  assert.equal(find(timexes, 'January').value, '2024-01');
});

test('anaphoric expressions use the narrative reference time', () => {
  const { timexes } = run('The treaty was signed on May 4, 2019. A year earlier, talks had collapsed. The following week, protests began.', '2024-01-10');
  assert.equal(find(timexes, 'May 4, 2019').value, '2019-05-04');
  assert.equal(find(timexes, 'A year earlier').value, '2018-05-04');
  // "a year earlier" is read off the reference without moving it.
  assert.equal(find(timexes, 'The following week').value, '2019-W19');
});

test('durations are told apart from points in time', () => {
  const { timexes } = run('She served for two years. She left two years ago. The 30-day truce held for about a decade and three weeks later it ended.', '2024-06-01');
  const dur = find(timexes, 'two years');
  assert.equal(dur.type, 'DURATION');
  assert.equal(dur.value, 'P2Y');
  const ago = find(timexes, 'two years ago');
  assert.equal(ago.type, 'DATE');
  assert.equal(ago.value, '2022');
  assert.equal(find(timexes, '30-day').value, 'P30D');
  const approx = find(timexes, 'about a decade');
  assert.equal(approx.value, 'P1E');
  assert.equal(approx.mod, 'APPROX');
  assert.equal(find(timexes, 'three weeks').value, 'P3W');
  assert.equal(find(run('It took 2 1/2 years and half an hour.', null).timexes, '2 1/2 years').value, 'P2Y6M');
});

test('fine and coarse granularities', () => {
  const { timexes } = run('Sales rose in the third quarter, in spring 2022, in the 1990s and in the 19th century, and at 2:30 p.m. EST on June 3, 2021.', '2024-06-01');
  // DCT in Q2: the third quarter already talked about in the past is last year's.
  assert.equal(find(timexes, 'the third quarter').value, '2023-Q3');
  assert.equal(find(timexes, 'spring 2022').value, '2022-SP');
  assert.equal(find(timexes, 'the 1990s').value, '199');
  assert.equal(find(timexes, 'the 19th century').value, '18');
  const t = find(timexes, '2:30 p.m. EST on June 3, 2021');
  assert.equal(t.type, 'TIME');
  assert.equal(t.value, '2021-06-03T14:30');
  assert.equal(find(run('The filing is dated 2024-06-03.', null).timexes, '2024-06-03').value, '2024-06-03');
  assert.equal(find(run('The office closed this week.', '2024-06-05').timexes, 'this week').value, '2024-W23');
});

test('modifiers: early, mid, the end of, more than', () => {
  const { timexes } = run('Work starts early next year, paused in mid-June, ends by the end of 2026 and took more than four hours.', '2024-06-10');
  const early = find(timexes, 'early next year');
  assert.deepEqual([early.value, early.mod], ['2025', 'START']);
  const mid = find(timexes, 'mid-June');
  assert.deepEqual([mid.value, mid.mod], ['2024-06', 'MID']);
  const end = find(timexes, 'the end of 2026');
  assert.deepEqual([end.value, end.mod], ['2026', 'END']);
  const more = find(timexes, 'more than four hours');
  assert.deepEqual([more.value, more.mod], ['PT4H', 'MORE_THAN']);
});

test('sets', () => {
  const { timexes } = run('The committee meets every Monday, files reports annually, and votes each year.', '2024-06-10');
  const monday = find(timexes, 'every Monday');
  assert.deepEqual([monday.type, monday.value], ['SET', 'XXXX-WXX-1']);
  assert.equal(find(timexes, 'annually').type, 'SET');
  assert.deepEqual([find(timexes, 'each year').type, find(timexes, 'each year').value], ['SET', 'P1Y']);
});

test('ranges share the year of their far end; extents leave out prepositions', () => {
  const { timexes } = run('Prices rose from March to May 2023 and fell between 2019 and 2021, since August.', '2024-06-10');
  assert.equal(find(timexes, 'March').value, '2023-03');
  assert.equal(find(timexes, 'May 2023').value, '2023-05');
  assert.equal(find(timexes, '2019').value, '2019');
  assert.equal(find(timexes, '2021').value, '2021');
  assert.ok(!timexes.some((t) => /^(since|from|in|on) /i.test(t.text)), 'a preposition leaked into an extent');
});

test('without a DCT relative expressions stay unresolved, never the machine clock', () => {
  const { timexes } = run('The mayor resigned on Tuesday and will leave in June; last year he won.', null);
  const tue = find(timexes, 'Tuesday');
  assert.equal(tue.resolved, false);
  assert.equal(tue.value, 'XXXX-WXX-2');
  assert.equal(find(timexes, 'June').value, 'XXXX-06');
  assert.equal(find(timexes, 'last year').resolved, false);
  assert.ok(!timexes.some((t) => t.value.startsWith(String(new Date().getUTCFullYear()))), 'machine clock leaked');
  // Absolute dates need no DCT.
  assert.equal(find(run('It opened on 12 October 1998.', null).timexes, '12 October 1998').value, '1998-10-12');
});

test('earnings reports: "a year ago" and "$X last year" compare with the quarter already reported, not a forecast', () => {
  const text = 'Harbor Mills said third-quarter profit rose 12%. Analysts expect weak demand through the second quarter of 1990. '
    + 'In the year-ago period, Harbor Mills earned $4 million. Revenue was $80 million, up from $71 million last year.';
  const { timexes } = run(text, '1989-10-20');
  assert.equal(find(timexes, 'the second quarter of 1990').value, '1990-Q2');
  assert.equal(find(timexes, 'the year-ago period').value, '1988-Q3');
  assert.equal(find(timexes, 'last year').value, '1988-Q3');
  // Outside such a comparison "last year" stays the year.
  assert.equal(find(run('Last year the mill closed twice.', '1989-10-20').timexes, 'Last year').value, '1988');
  // A quarter said to have ended (fiscal) is a reported period even when its calendar label lies ahead.
  const fiscal = run('Dunmore earned $2 million for the fourth quarter ended Aug. 26. A year earlier it lost $1 million.', '1989-10-20').timexes;
  assert.equal(find(fiscal, 'A year earlier').value, '1988-Q4');
});

test('vague references: "current", "past years", "future quarters", "a later date", "this moment"', () => {
  const { timexes } = run('The current weakness worries traders, as it did in past years, and may cut taxes in future quarters. '
    + 'The rest will be sold at a later date, but at this critical moment nobody buys.', '2024-05-02');
  assert.deepEqual(
    ['current', 'past years', 'future quarters', 'a later date', 'this critical moment'].map((x) => find(timexes, x).value),
    ['PRESENT_REF', 'PAST_REF', 'FUTURE_REF', 'FUTURE_REF', 'PRESENT_REF'],
  );
  // Not "now": the noun, and economic terms.
  const none = run('The current is strong near the pier, and the current account deficit widened.', '2024-05-02').timexes;
  assert.deepEqual(none.map((x) => x.text), []);
});

test('parts of a day and "the Nth day of" resolve to the day being told about', () => {
  const { timexes } = run('Buyers returned in the morning, dealers said. Today is the fifth day of the strike.', '2024-05-02');
  assert.equal(find(timexes, 'the morning').value, '2024-05-02TMO');
  assert.equal(find(timexes, 'the fifth day').value, '2024-05-02');
  const nar = run('On March 3 the ferry left. In the evening it sank.', '2024-05-02').timexes;
  assert.equal(find(nar, 'the evening').value, '2024-03-03TEV');
  // A noun modifier or a clock time's "in the morning" is no part of a day told about.
  const not = run('He posts at three o\'clock in the morning and skips charts in the morning meetings.', '2024-05-02').timexes;
  assert.equal(not.some((x) => x.text === 'the morning'), false, JSON.stringify(not));
});

test('a year before "is" is still a year; "Today" inside a name is not a date', () => {
  const { timexes } = run('Sales volume in 1989 is flat, and 1990 was worse. This is VOA Today.', '1991-01-05');
  assert.equal(find(timexes, '1989').value, '1989');
  assert.equal(find(timexes, '1990').value, '1990');
  assert.equal(timexes.some((x) => x.text === 'Today'), false);
});

test('"a quarter of" a thing is a fraction; of a unit of time or with a year it is still time', () => {
  const { timexes } = run('Banks hold more than a quarter of the bonds. The loan ran a quarter of a century, '
    + 'and losses will last the first two quarters of 1990.', '1989-10-20');
  // Nothing in the first sentence; "a quarter" (of a century) and the two quarters of 1990 stay.
  assert.deepEqual(timexes.map((x) => x.text), ['a quarter', 'a century', 'the first two quarters of 1990']);
});

test('impossible dates and absurd years are warned about, never silently wrong', () => {
  const text = 'The vote was set for February 30, 2023.';
  const r = run(text, '2023-01-05');
  const impossible = r.warnings.find((w) => w.ruleId === 'time/impossible-date');
  assert.ok(impossible, JSON.stringify(r.warnings));
  assert.deepEqual({ ...impossible, span: null }, {
    message: 'time: impossible date: "February 30, 2023"', span: null, source: 'time', ruleId: 'time/impossible-date', severity: 'warning',
  });
  assert.equal(text.slice(impossible.span!.start, impossible.span!.end), 'February 30, 2023');
  // The line in `warnings` is the one earlier versions wrote, offset included.
  assert.equal(warningLine(impossible), `time: impossible date: "February 30, 2023" at ${text.indexOf('February')}`);
  assert.ok(!r.timexes.some((t) => t.value === '2023-02-30' || t.value === '2023-03-02'));
  const y = run('The ruling will stand until 2999.', '2023-01-05');
  assert.ok(y.warnings.some((w) => w.ruleId === 'time/implausible-year' && /implausible year/.test(w.message)), JSON.stringify(y.warnings));
});

test('detectDct reads datelines and date lines, not event dates in the story', () => {
  assert.equal(detectDct('KYIV, June 3, 2024 (Reuters) - Officials said...')?.date, '2024-06-03');
  const headed = 'Storm hits coast\nFriday, August 21, 2015\n\nThe storm arrived on Thursday.';
  const d = detectDct(headed);
  assert.equal(d?.date, '2015-08-21');
  assert.equal(headed.slice(d!.start, d!.end), 'August 21, 2015');
  assert.equal(detectDct('Russia invaded Ukraine on February 24, 2022, officials recalled.'), null);
  assert.equal(detectDct('KYIV, June 3 (Reuters) - no year here'), null);
  // The stage uses it when the input has no date, and says so.
  const r = run('Storm hits coast\nFriday, August 21, 2015\n\nThe storm arrived yesterday.', null);
  assert.equal(r.published, '2015-08-21');
  assert.equal(find(r.timexes, 'yesterday').value, '2015-08-20');
});

test('tagTimexes works on raw text without the segment stage', () => {
  const { timexes } = tagTimexes('Trading resumed on Monday, three days after the crash.', { dct: '2024-01-10' });
  assert.ok(timexes.length >= 2);
});

test('toTimeML wraps timexes in TIMEX3 tags and escapes the text', () => {
  const text = 'Profits & losses rose in 2023 <sic>.';
  const a = {
    schema: 'claimline/1', warnings: [], entities: [], statements: [], claims: [], events: [], quantities: [],
    document: { id: 'd1', title: null, url: null, published: '2024-01-02', publishedSource: 'metadata', language: 'en', text, source: null },
    timexes: [{ id: 't1', start: text.indexOf('2023'), end: text.indexOf('2023') + 4, text: '2023', type: 'DATE', value: '2023', resolved: true }],
  } as AnalysisOut;
  const xml = toTimeML(a);
  assert.match(xml, /<DCT><TIMEX3 tid="t0" type="DATE" value="2024-01-02"/);
  assert.match(xml, /<TEXT>Profits &amp; losses rose in <TIMEX3 tid="t1" type="DATE" value="2023">2023<\/TIMEX3> &lt;sic&gt;.<\/TEXT>/);
});

test('eval timex: TimeML parsing keeps offsets, scoring and exit codes', async () => {
  const tml = '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2020-05-06">2020-05-06</TIMEX3></DCT>\n'
    + '<TEXT>The board met <TIMEX3 tid="t1" type="DATE" value="2020-05-05">yesterday</TIMEX3> &amp; will meet '
    + '<TIMEX3 tid="t2" type="DATE" value="2020-06">in June</TIMEX3> for <TIMEX3 tid="t3" type="DURATION" value="P2D">two days</TIMEX3>.</TEXT></TimeML>';
  const doc = parseTml('a.tml', tml);
  assert.equal(doc.dct, '2020-05-06');
  assert.equal(doc.text, 'The board met yesterday & will meet in June for two days.');
  assert.deepEqual(doc.timexes.map((t) => doc.text.slice(t.start, t.end)), ['yesterday', 'in June', 'two days']);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'timex-'));
  try {
    fs.writeFileSync(path.join(dir, 'a.tml'), tml);
    const s = await scoreTimexDir(dir);
    assert.ok(s);
    assert.equal(s.gold, 3);
    assert.equal(s.relaxed.recall, 100);
    // "in June" is matched relaxed (extent without "in"), so strict recall is 2/3.
    assert.ok(Math.abs(s.strict.recall - 200 / 3) < 1e-9);
    assert.equal(s.valueAccuracy, 100);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'timex-empty-'));
    const write = process.stdout.write, werr = process.stderr.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      assert.equal(await evalTimexCommand([dir]), 0);
      assert.equal(await evalTimexCommand([empty]), 1);
      assert.equal(await evalTimexCommand([]), 2);
    } finally {
      process.stdout.write = write;
      process.stderr.write = werr;
      fs.rmSync(empty, { recursive: true });
    }
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
});
