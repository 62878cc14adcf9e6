/**
 * Polarity and modality of claim statuses through the public `analyze()` output: negated, refused, hedged and
 * retracted speech acts, in the statement's own cue, later in its sentence, and in a next sentence that refers
 * back. Sentences are written for these tests. `by` lists entity names; null where the party is a common noun
 * ("the bank") that no entity stands for, and the check is on the status alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type ClaimStatus } from '../src/index.js';

interface Case { text: string; claim: string; status: ClaimStatus; by: string[] | null; evidence?: RegExp }

function claimIn(text: string, part: string) {
  const a = analyze({ text, id: 't', published: '2025-03-01' });
  const c = a.claims.find((x) => x.text.text.includes(part));
  assert.ok(c, `no claim containing "${part}" in: ${text} (claims: ${a.claims.map((x) => x.text.text).join(' | ')})`);
  const by = c.by.map((id) => a.entities.find((e) => e.id === id)?.name ?? id).sort();
  return { ...c, byNames: by };
}

function check(phrasing: string, cases: Case[]) {
  test(phrasing, () => {
    for (const k of cases) {
      const c = claimIn(k.text, k.claim);
      assert.equal(c.status, k.status, `status for: ${k.text}`);
      if (k.by) assert.deepEqual(c.byNames, [...k.by].sort(), `parties for: ${k.text}`);
      if (k.evidence) assert.match(c.evidence?.text ?? '', k.evidence, `evidence for: ${k.text}`);
    }
  });
}

const HAS_NOT_CONFIRMED: Case[] = [
  { text: 'Moscow has not confirmed that the general was killed.', claim: 'the general was killed', status: 'unconfirmed', by: ['Russia'], evidence: /^has not confirmed$/ },
  { text: 'Washington has not confirmed the seizure of the tanker.', claim: 'the seizure of the tanker', status: 'unconfirmed', by: ['United States'] },
  { text: 'The Defense Ministry has not confirmed that the convoy was hit.', claim: 'the convoy was hit', status: 'unconfirmed', by: ['Defense Ministry'] },
  { text: 'Police have not confirmed that the driver was drunk.', claim: 'the driver was drunk', status: 'unconfirmed', by: [] },
  { text: 'Nobody has confirmed that the ship sank.', claim: 'the ship sank', status: 'unconfirmed', by: [] },
];
const DID_NOT_CONFIRM: Case[] = [
  { text: 'Rebels said they had seized the airport. Kyiv did not confirm the claim.', claim: 'they had seized the airport', status: 'unconfirmed', by: ['Ukraine'] },
  { text: 'Union leaders said 300 jobs would go. Siemens did not confirm the figure on Tuesday.', claim: '300 jobs would go', status: 'unconfirmed', by: ['Siemens'] },
  { text: 'Rebels said they had downed a drone, which Moscow did not confirm.', claim: 'they had downed a drone', status: 'unconfirmed', by: ['Russia'], evidence: /^which Moscow did not confirm$/ },
];
const DECLINED_TO_CONFIRM: Case[] = [
  { text: 'Chevron declined to confirm that it was in talks to buy the mine.', claim: 'it was in talks to buy the mine', status: 'unconfirmed', by: ['Chevron'], evidence: /^declined to confirm$/ },
  { text: 'Senator Mark Hollis declined to confirm that he would run for governor.', claim: 'he would run for governor', status: 'unconfirmed', by: ['Mark Hollis'] },
  { text: 'A spokesman for the Foreign Ministry declined to confirm that the envoy had been recalled.', claim: 'the envoy had been recalled', status: 'unconfirmed', by: null },
];
const NOT_VERIFIED: Case[] = [
  { text: 'The militia said it had shot down a helicopter, a claim that could not be independently verified.', claim: 'it had shot down a helicopter', status: 'unconfirmed', by: [] },
  { text: 'Activists said 40 people had been detained. The figure could not be independently verified.', claim: '40 people had been detained', status: 'unconfirmed', by: [] },
  { text: 'Kyiv said 30 soldiers died. Reuters could not independently verify the report.', claim: '30 soldiers died', status: 'unconfirmed', by: ['Reuters'] },
];
const NEITHER_NOR: Case[] = [
  { text: 'The Kremlin neither confirmed nor denied that the talks had taken place.', claim: 'the talks had taken place', status: 'unconfirmed', by: null, evidence: /neither confirmed nor denied/ },
  { text: 'Samsung has neither confirmed nor denied that the phone will ship in March.', claim: 'the phone will ship in March', status: 'unconfirmed', by: null },
  { text: 'Rebels said they held the bridge, which Moscow neither confirmed nor denied.', claim: 'they held the bridge', status: 'unconfirmed', by: null },
];
const DID_NOT_DENY: Case[] = [
  { text: 'The Interior Ministry did not deny that prisoners had been moved.', claim: 'prisoners had been moved', status: 'unconfirmed', by: ['Interior Ministry'], evidence: /^did not deny$/ },
  { text: 'Senator Mark Hollis did not deny that he had met the lobbyist.', claim: 'he had met the lobbyist', status: 'unconfirmed', by: ['Mark Hollis'] },
  { text: "Chevron didn't deny that it had dumped waste in the river.", claim: 'it had dumped waste in the river', status: 'unconfirmed', by: ['Chevron'] },
  { text: 'Mary Chen has never denied meeting the ambassador.', claim: 'meeting the ambassador', status: 'unconfirmed', by: ['Mary Chen'] },
  { text: 'Kyiv said the bridge was destroyed. Moscow did not deny it.', claim: 'the bridge was destroyed', status: 'unconfirmed', by: ['Russia'] },
];
const DECLINED_TO_DENY: Case[] = [
  { text: 'The bank declined to deny that it had frozen the accounts.', claim: 'it had frozen the accounts', status: 'unconfirmed', by: null },
  { text: 'Coach Dana Reyes declined to deny that she would leave the club.', claim: 'she would leave the club', status: 'unconfirmed', by: ['Dana Reyes'] },
  { text: 'Nike refused to deny that the factory used forced labour.', claim: 'the factory used forced labour', status: 'unconfirmed', by: ['Nike'] },
];
const DENIED: Case[] = [
  { text: 'The Health Ministry denied that the hospital had run out of oxygen.', claim: 'the hospital had run out of oxygen', status: 'denied', by: ['Health Ministry'] },
  { text: 'Chevron denied that it had dumped waste in the river.', claim: 'it had dumped waste in the river', status: 'denied', by: ['Chevron'] },
  { text: 'Kyiv said 30 soldiers died, but Moscow denied it.', claim: '30 soldiers died', status: 'denied', by: ['Russia'] },
  { text: 'Kyiv said 30 soldiers died. Moscow was quick to deny the report.', claim: '30 soldiers died', status: 'denied', by: ['Russia'] },
];
const DISMISSED: Case[] = [
  { text: 'The opposition said the vote was rigged. Moscow dismissed the allegation as false.', claim: 'the vote was rigged', status: 'denied', by: ['Russia'] },
  { text: 'Union leaders said the plant would close. Siemens dismissed the report as false.', claim: 'the plant would close', status: 'denied', by: ['Siemens'] },
];
const REJECTED: Case[] = [
  { text: 'The airline rejected claims that its pilots were overworked.', claim: 'its pilots were overworked', status: 'denied', by: null },
  { text: 'Protesters said police had used tear gas, which the Interior Ministry rejected.', claim: 'police had used tear gas', status: 'denied', by: ['Interior Ministry'] },
];
const RETRACTED: Case[] = [
  { text: 'The Times retracted its claim that the senator had lied.', claim: 'the senator had lied', status: 'retracted', by: ['Times'], evidence: /^retracted its claim$/ },
  { text: 'Local media said the dam had burst. The broadcaster later retracted the report.', claim: 'the dam had burst', status: 'retracted', by: null },
];
const WITHDREW: Case[] = [
  { text: 'Greenpeace withdrew its claim that the tanker was leaking oil.', claim: 'the tanker was leaking oil', status: 'retracted', by: null },
  { text: 'Tesla has withdrawn its claim that the battery was defective.', claim: 'the battery was defective', status: 'retracted', by: ['Tesla'] },
];
const WALKED_BACK: Case[] = [
  { text: 'The Prime Minister walked back his claim that taxes would fall.', claim: 'taxes would fall', status: 'retracted', by: null },
  { text: 'A government spokesman said the border was closed, but he later walked back the statement.', claim: 'the border was closed', status: 'retracted', by: null },
];
const DISPUTED: Case[] = [
  { text: 'Kyiv said 30 soldiers died, a figure disputed by Moscow.', claim: '30 soldiers died', status: 'disputed', by: ['Russia'] },
  { text: 'Kyiv said the dam was shelled. The account was disputed by Moscow.', claim: 'the dam was shelled', status: 'disputed', by: ['Russia'] },
];
const QUESTIONED: Case[] = [
  { text: 'Economists questioned whether the figures were accurate.', claim: 'whether the figures were accurate', status: 'disputed', by: null },
  { text: 'Kyiv said 30 soldiers died. Moscow questioned the figure.', claim: '30 soldiers died', status: 'disputed', by: ['Russia'] },
];
const CHALLENGED: Case[] = [
  { text: 'Tesla challenged the claim that its cars were unsafe.', claim: 'its cars were unsafe', status: 'disputed', by: ['Tesla'] },
  { text: 'Regulators said the bank had broken the rules. Siemens challenged the finding.', claim: 'the bank had broken the rules', status: 'disputed', by: ['Siemens'] },
];
const DECLINED_TO_COMMENT: Case[] = [
  { text: 'Siemens declined to comment on reports that it would cut 2,000 jobs.', claim: 'it would cut 2,000 jobs', status: 'unconfirmed', by: null, evidence: /^declined to comment$/ },
  { text: 'Villagers said soldiers had burned their homes. Moscow declined to comment on the allegations.', claim: 'soldiers had burned their homes', status: 'unconfirmed', by: ['Russia'] },
];
const HAS_NOT_COMMENTED: Case[] = [
  { text: 'Nike has not commented on claims that the factory used forced labour.', claim: 'the factory used forced labour', status: 'unconfirmed', by: ['Nike'] },
  { text: 'The ministry has not commented on reports that the minister resigned.', claim: 'the minister resigned', status: 'unconfirmed', by: null },
];
const DID_NOT_SAY: Case[] = [
  { text: 'John Smith did not say that the plant would close.', claim: 'the plant would close', status: 'unconfirmed', by: ['John Smith'] },
  { text: 'The governor never said that the schools would reopen in May.', claim: 'the schools would reopen in May', status: 'unconfirmed', by: null },
];

check('"has not confirmed" and "nobody has confirmed": unconfirmed by the subject', HAS_NOT_CONFIRMED);
check('"did not confirm" (next sentence, relative clause): unconfirmed by the subject', DID_NOT_CONFIRM);
check('"declined to confirm": unconfirmed by the speaker, evidence includes the refusal', DECLINED_TO_CONFIRM);
check('"could not be independently verified": unconfirmed, by whoever could not verify', NOT_VERIFIED);
check('"neither confirmed nor denied": unconfirmed', NEITHER_NOR);
check('"did not deny" / "never denied": unconfirmed, never denied', DID_NOT_DENY);
check('"declined to deny" / "refused to deny": unconfirmed', DECLINED_TO_DENY);
check('"denied" in the cue, later in the sentence and in the next sentence: denied', DENIED);
check('"dismissed ... as false": denied', DISMISSED);
check('"rejected": denied', REJECTED);
check('"retracted": retracted by the party that made the claim', RETRACTED);
check('"withdrew its claim": retracted', WITHDREW);
check('"walked back": retracted', WALKED_BACK);
check('"disputed": disputed', DISPUTED);
check('"questioned": disputed', QUESTIONED);
check('"challenged": disputed', CHALLENGED);
check('"declined to comment on" a claim: unconfirmed by that party; the claim text drops the refusal', DECLINED_TO_COMMENT);
check('"has not commented on" a claim: unconfirmed', HAS_NOT_COMMENTED);
check('"did not say": no assertion by the subject', DID_NOT_SAY);

test('a negated or refused act never gives the polarity of the act, nor its opposite', () => {
  const negated = [
    ...HAS_NOT_CONFIRMED, ...DID_NOT_CONFIRM, ...DECLINED_TO_CONFIRM, ...NOT_VERIFIED, ...NEITHER_NOR, ...DID_NOT_DENY,
    ...DECLINED_TO_DENY, ...DECLINED_TO_COMMENT, ...HAS_NOT_COMMENTED, ...DID_NOT_SAY,
  ];
  for (const k of negated) {
    const c = claimIn(k.text, k.claim);
    assert.ok(c.status !== 'confirmed' && c.status !== 'denied' && c.status !== 'asserted', `${c.status} for: ${k.text}`);
  }
  // more tenses, modals and contractions, same rule
  for (const text of [
    "Toyota hasn't confirmed that the recall will widen.",
    'The army had not confirmed that the bridge was destroyed.',
    'Senator Mark Hollis will not deny that he met the lobbyist.',
    'Chevron would not deny that the well leaked.',
    'Prosecutors have never denied that the witness was paid.',
    'Moscow has yet to confirm that the general was killed.',
    'Rebels said the town had fallen. The claim was never confirmed by Damascus.',
  ]) {
    const a = analyze({ text, id: 't', published: '2025-03-01' });
    assert.ok(a.claims.length > 0, `no claim in: ${text}`);
    for (const c of a.claims) assert.equal(c.status, 'unconfirmed', `${c.status} for "${c.text.text}" in: ${text}`);
  }
});

test('a negated retraction leaves the claim asserted, not retracted', () => {
  assert.equal(claimIn('The Times has not retracted its claim that the senator had lied.', 'the senator had lied').status, 'asserted');
});

test('status language about something else in the sentence does not touch the claim', () => {
  assert.equal(claimIn('Police said the gunman was armed, but his identity has not been confirmed.', 'the gunman was armed').status, 'asserted');
  assert.equal(claimIn('Kyiv said the bridge was destroyed. Moscow has not confirmed that its troops fired.', 'the bridge was destroyed').status, 'asserted');
  const c = claimIn('Investigators said the fire was arson, which was later confirmed by Interpol.', 'the fire was arson');
  assert.equal(c.status, 'confirmed');
  assert.deepEqual(c.byNames, ['Interpol']);
});

test('a name that is also a modal is no hedge ("Theresa May said")', () => {
  const c = claimIn('Theresa May said the deal was dead.', 'the deal was dead');
  assert.equal(c.status, 'asserted');
  assert.deepEqual(c.byNames, ['Theresa May']);
});
