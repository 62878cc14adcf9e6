import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/index.js';

function eventsOf(text: string, published = '2023-04-10') {
  const a = analyze(text, { published });
  const name = (id: string | null) => a.entities.find((e) => e.id === id)?.name;
  return a.events.map((e) => ({
    trigger: e.trigger.text,
    agents: e.participants.filter((p) => p.role === 'agent').map((p) => name(p.entity)),
    patients: e.participants.filter((p) => p.role === 'patient').map((p) => name(p.entity)),
    time: a.timexes.find((t) => t.id === e.time)?.value ?? null,
    relation: e.timeRelation,
    place: name(e.place),
  }));
}

test('coordinated subjects are all agents, and the event takes the clause date', () => {
  const ev = eventsOf('Chile and Peru signed a trade agreement in March 2021.').find((e) => e.trigger === 'signed');
  assert.deepEqual(ev?.agents, ['Chile', 'Peru']);
  assert.equal(ev?.time, '2021-03');
  assert.equal(ev?.relation, 'at');
});

test('in the passive, "by X" is the agent and the subject the patient', () => {
  const ev = eventsOf('Since May, Mosul has been controlled by Iraq.').find((e) => e.trigger === 'controlled');
  assert.deepEqual(ev?.agents, ['Iraq']);
  assert.deepEqual(ev?.patients, ['Mosul']);
  assert.equal(ev?.relation, 'since');
});

test('an active transitive verb: agent before, patient after', () => {
  const ev = eventsOf('Germany defeated Brazil on Tuesday.').find((e) => e.trigger === 'defeated');
  assert.deepEqual(ev?.agents, ['Germany']);
  assert.deepEqual(ev?.patients, ['Brazil']);
  assert.equal(ev?.time, '2023-04-04');
});
