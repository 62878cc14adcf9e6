/**
 * Time values in news narratives, on sentences written for these tests: clock times and quoted "today" on the day
 * the story tells about, halves of a match vs halves of a year, hours counted back in days, names and idioms that
 * look like dates, ages, and a date line that is a day off the metadata date.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newDoc } from '../src/model/document.js';
import type { Diagnostic } from '../src/model/format.js';
import { segmentStage } from '../src/stages/segment.js';
import { timeStage } from '../src/stages/time/index.js';

interface Seen { text: string; type: string; value: string; mod?: string }

function run(text: string, dct: string | null): { timexes: Seen[]; warnings: Diagnostic[] } {
  const doc = newDoc(text, { id: 't', title: null, url: null, published: dct, publishedSource: dct ? 'metadata' : null, source: null });
  segmentStage.run(doc);
  timeStage.run(doc);
  return {
    timexes: doc.timexes.map((t) => ({ text: text.slice(t.start, t.end), type: t.type, value: t.value, mod: t.mod })),
    warnings: doc.warnings,
  };
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

// 2024-03-14 is a Thursday.
const STORM = 'Thursday, March 14, 2024\n\nOn Saturday, a storm knocked out power across the valley. Crews worked for days to '
  + 'restore it. Schools stayed closed. The first outage began at 6:15 a.m. local time (1115 UTC), the utility said.';

test('a clock time with no day of its own is on the story\'s day, not the publication day', () => {
  const { timexes } = run(STORM, '2024-03-14');
  assert.equal(find(timexes, '6:15 a.m.').value, '2024-03-09T06:15');
  assert.equal(find(timexes, '1115 UTC').value, '2024-03-09T11:15');
  // No day anywhere: the DCT.
  assert.equal(find(run('The office opens at 9 a.m. for visitors.', '2024-03-14').timexes, '9 a.m.').value, '2024-03-14T09:00');
});

test('a clock time takes a day named in the sentence before, or later in its own sentence', () => {
  const before = run('Thursday, March 14, 2024\n\nFloods hit the town on Saturday. On Tuesday the council met to '
    + 'discuss repairs. The vote came at 8 p.m. after a long debate.', '2024-03-14').timexes;
  assert.equal(find(before, '8 p.m.').value, '2024-03-12T20:00');
  const after = run('The crash happened at 7:45 p.m. (0045 GMT) on March 2, police said.', '2024-03-14').timexes;
  assert.equal(find(after, '7:45 p.m.').value, '2024-03-02T19:45');
  assert.equal(find(after, '0045 GMT').value, '2024-03-02T00:45');
});

test('"the next day" after a clock time counts from the day of the clock time before it', () => {
  const { timexes } = run('Voting ended on Sunday. The doors shut at 22:30, and the count ended at 4:00 the next day.', '2024-03-14');
  assert.equal(find(timexes, '22:30').value, '2024-03-10T22:30');
  const next = find(timexes, '4:00');
  assert.equal(next.text, '4:00 the next day');
  assert.equal(next.value, '2024-03-11T04:00');
});

test('"today" inside a quotation is the day the words were spoken; outside it, the DCT', () => {
  const text = 'Thursday, March 14, 2024\n\nOn Monday, the mayor spoke to reporters at city hall. She said, "We are '
    + 'announcing today a budget that cuts waste." The council votes on the budget today.';
  const { timexes } = run(text, '2024-03-14');
  const todays = timexes.filter((t) => t.text === 'today').map((t) => t.value);
  assert.deepEqual(todays, ['2024-03-11', '2024-03-14']);
});

test('"the first half" is a half of a year only when a year or results say so', () => {
  const match = run('The visitors scored twice in the second half and held on. The first half ended 0 - 0.', '2024-09-10').timexes;
  none(match, 'the second half');
  none(match, 'The first half');
  const results = run('Sales rose 4% in the first half, the company said.', '2024-09-10').timexes;
  assert.equal(find(results, 'the first half').value, '2024-H1');
  assert.equal(find(run('Growth slowed in the second half of 2023.', '2024-09-10').timexes, 'the second half').value, '2023-H2');
});

test('hours and minutes counted back from the DCT move it by whole days', () => {
  const { timexes } = run('A message posted 24 hours ago claimed the attack; a second one came three hours ago.', '2024-03-14');
  assert.equal(find(timexes, '24 hours ago').value, '2024-03-13');
  assert.equal(find(timexes, 'three hours ago').value, '2024-03-14');
});

test('"the end of the month" is this month, not the month of a date paragraphs back', () => {
  const text = 'The first flight took off on April 12, 1981.\n\nOfficials met in Houston. The last flight will launch at the end of the month.';
  const end = find(run(text, '2011-04-13').timexes, 'the end of the month');
  assert.equal(end.value, '2011-04');
  assert.equal(end.mod, 'END');
  // A day named right after the day: "the end of the day Saturday" is that Saturday.
  const sat = find(run('By the end of the day Saturday the site was down again.', '2024-03-14').timexes, 'the end of the day');
  assert.equal(sat.value, '2024-03-09');
});

test('surnames and names that contain a holiday or a season are not dates', () => {
  none(run('The comic was drawn by illustrator Johnnie Christmas for the fair.', '2024-03-14').timexes, 'Christmas');
  none(run('The army launched Operation Peace Spring along the border.', '2024-03-14').timexes, 'Spring');
  none(run('Crowds gathered for the Chinese New Year parade.', '2024-03-14').timexes, 'New Year');
  assert.equal(find(run('Shops will close on Christmas Day.', '2024-03-14').timexes, 'Christmas').value, '2024-12-25');
});

test('idioms with time words are not times', () => {
  none(run('But at the end of the day, what matters is trust.', '2024-03-14').timexes, 'the end of the day');
  none(run('The server crashes every now and again, users said.', '2024-03-14').timexes, 'now');
  assert.equal(find(run('We will decide by the end of the day.', '2024-03-14').timexes, 'the end of the day').value, '2024-03-14');
});

test('"December 22, last year" is one date', () => {
  const { timexes } = run('The strike began on December 22, last year. It is still going on.', '2024-03-14');
  const d = find(timexes, 'December 22');
  assert.equal(d.text, 'December 22, last year');
  assert.equal(d.value, '2023-12-22');
  none(timexes, 'last year');
});

test('"this weekend" in the past tense on a weekday is the weekend just gone', () => {
  // 2024-03-13 is a Wednesday: the weekend before is 9-10 March (week 10), the next 16-17 March (week 11).
  assert.equal(find(run('The fair took place this weekend in the park.', '2024-03-13').timexes, 'this weekend').value, '2024-W10-WE');
  assert.equal(find(run('The fair opens this weekend in the park.', '2024-03-13').timexes, 'this weekend').value, '2024-W11-WE');
});

test('"the previous day" counts from the last day named, past a month named since', () => {
  // 2024-03-16 is a Saturday; Thursday is 14 March.
  const text = 'On Thursday the envoy spoke in Geneva. She had arrived there last October. The previous day, the talks stalled.';
  assert.equal(find(run(text, '2024-03-16').timexes, 'The previous day').value, '2024-03-13');
});

test('a year before a singular unit is a year, not a count of days', () => {
  const { timexes } = run('World Cup 2018 day five: three teams win.', '2018-06-19');
  assert.equal(find(timexes, '2018').value, '2018');
  assert.ok(!timexes.some((t) => t.value === 'P2018D'), JSON.stringify(timexes));
});

test('an age written as one adjective is a duration; "52 years old" is not tagged', () => {
  const { timexes } = run('A 19-year-old motorcyclist and their nine-month-old daughter were hurt. The driver is 52 years old.', '2024-03-14');
  const teen = find(timexes, '19-year-old');
  assert.equal(teen.type, 'DURATION');
  assert.equal(teen.value, 'P19Y');
  assert.equal(find(timexes, 'nine-month-old').value, 'P9M');
  none(timexes, '52 years');
});

test('a date line a day off the metadata date is what relative dates count from, and says so', () => {
  const text = 'Tuesday, June 19, 2018\n\nYesterday, Sweden beat South Korea 1 - 0.';
  const near = run(text, '2018-06-18');
  assert.equal(find(near.timexes, 'Yesterday').value, '2018-06-18');
  assert.ok(near.warnings.some((w) => w.ruleId === 'time/date-line-differs' && w.severity === 'info'), JSON.stringify(near.warnings));
  // Years apart: the metadata date stands.
  const far = run(text, '2011-12-02');
  assert.equal(find(far.timexes, 'Yesterday').value, '2011-12-01');
  assert.ok(!far.warnings.some((w) => w.ruleId === 'time/date-line-differs'));
});
