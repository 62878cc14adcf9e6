/**
 * Role and title vocabulary: which nouns name a person's office or job (so "Russian Ambassador to North Korea" is a
 * role and "the ambassador" can find its holder), which name a kind of organisation ("the ministry", "the
 * company"), and which carry gender. Lower-case single words; multi-word titles are built from these heads.
 */

/** Role families: a description whose head is in one family may refer to a holder of any title in that family. */
const ROLE_FAMILIES: Record<string, string[]> = {
  diplomat: [
    'ambassador', 'diplomat', 'envoy', 'consul', 'consul-general', 'attache', 'attaché', 'emissary', 'chargé',
    'charge', 'legate', 'nuncio', 'negotiator',
  ],
  leader: [
    'president', 'vice-president', 'vice president', 'premier', 'chancellor', 'leader', 'king', 'queen', 'emperor',
    'monarch', 'prince', 'princess', 'sultan', 'emir', 'sheikh', 'dictator', 'head', 'chief', 'chairman',
    'chairwoman', 'chairperson', 'chair', 'governor', 'mayor', 'prime minister', 'administrator', 'director-general',
    'secretary-general', 'president-elect', 'premier',
  ],
  minister: ['minister', 'secretary', 'commissioner', 'deputy', 'undersecretary', 'under-secretary', 'official'],
  lawmaker: [
    'senator', 'congressman', 'congresswoman', 'representative', 'lawmaker', 'legislator', 'mp', 'deputy',
    'councillor', 'councilor', 'councilman', 'councilwoman', 'politician', 'speaker', 'candidate', 'nominee',
  ],
  spokesperson: ['spokesman', 'spokeswoman', 'spokesperson', 'representative', 'press secretary'],
  executive: [
    'ceo', 'executive', 'founder', 'co-founder', 'director', 'manager', 'president', 'chairman', 'owner', 'boss',
    'cfo', 'cto', 'coo', 'entrepreneur', 'businessman', 'businesswoman', 'investor', 'partner',
  ],
  military: [
    'general', 'commander', 'colonel', 'major', 'lieutenant', 'captain', 'admiral', 'sergeant', 'marshal',
    'officer', 'soldier', 'commander-in-chief',
  ],
  legal: ['judge', 'justice', 'prosecutor', 'attorney', 'lawyer', 'counsel', 'magistrate', 'barrister', 'solicitor'],
  clergy: ['pope', 'bishop', 'archbishop', 'cardinal', 'priest', 'imam', 'rabbi', 'pastor', 'reverend', 'cleric'],
  science: [
    'scientist', 'researcher', 'professor', 'doctor', 'physician', 'surgeon', 'expert', 'analyst', 'economist',
    'engineer', 'astronaut', 'astronomer', 'physicist', 'biologist', 'chemist', 'historian', 'author',
  ],
  media: [
    'journalist', 'reporter', 'correspondent', 'editor', 'columnist', 'writer', 'photographer', 'anchor',
    'commentator', 'blogger', 'publisher', 'broadcaster',
  ],
  police: ['police officer', 'detective', 'inspector', 'sheriff', 'commissioner', 'investigator', 'agent'],
  culture: [
    'actor', 'actress', 'singer', 'musician', 'artist', 'director', 'producer', 'player', 'coach', 'athlete',
    'striker', 'goalkeeper', 'midfielder', 'defender', 'captain', 'manager', 'champion', 'star', 'designer',
    'referee', 'novelist', 'poet', 'composer', 'comedian', 'filmmaker', 'rapper', 'footballer', 'cyclist',
  ],
  activist: ['activist', 'campaigner', 'protester', 'dissident', 'critic', 'advocate', 'organiser', 'organizer'],
};

/** Every single-word role head (for pre-name titles, appositives and definite descriptions). */
export const ROLE_HEADS: ReadonlySet<string> = new Set(
  Object.values(ROLE_FAMILIES).flat().filter((w) => !w.includes(' ')),
);

/** The role head a word stands for: itself, its singular, or the full form of an abbreviation ("Gov." → governor). */
export function roleHeadOf(word: string): string | null {
  const lower = word.toLowerCase();
  const abbreviated = TITLE_ABBREVIATIONS.get(lower);
  if (abbreviated) return abbreviated;
  const one = singular(lower);
  return ROLE_HEADS.has(one) ? one : null;
}

/** Families each role head belongs to ("president" is both a leader and an executive). */
const FAMILIES_OF = new Map<string, string[]>();
for (const [family, heads] of Object.entries(ROLE_FAMILIES)) {
  for (const h of heads) FAMILIES_OF.set(h, [...(FAMILIES_OF.get(h) ?? []), family]);
}

/**
 * Whether a description with head `descHead` ("diplomat") can denote someone holding a role whose words are
 * `roleWords` ("russian", "ambassador", ...). The same head always fits; a broad head ("diplomat", "official")
 * fits any title of the families it covers — so "the diplomat" finds an ambassador, but "the ambassador" does not
 * find every diplomat.
 */
export function roleFits(descHead: string, roleWords: readonly string[]): boolean {
  const head = singular(descHead);
  if (roleWords.some((w) => singular(w) === head)) return true;
  const covered = BROAD_HEADS.get(head);
  if (!covered) return false;
  return roleWords.some((w) => (FAMILIES_OF.get(singular(w)) ?? []).some((f) => covered.includes(f)));
}

/** Heads broad enough to stand for whole families ("the official" can be a minister or an ambassador). */
const BROAD_HEADS = new Map<string, string[]>([
  ['diplomat', ['diplomat']],
  ['envoy', ['diplomat']],
  ['leader', ['leader']],
  ['official', ['diplomat', 'minister', 'leader', 'lawmaker', 'spokesperson', 'police']],
  ['politician', ['lawmaker', 'leader', 'minister']],
  ['lawmaker', ['lawmaker']],
  ['executive', ['executive']],
  ['officer', ['military', 'police']],
  ['expert', ['science']],
]);

/** Person nouns that are not titles but commonly re-mention a named person ("the man", "the victim"). */
export const GENERIC_PERSON_HEADS: ReadonlySet<string> = new Set([
  'man', 'woman', 'boy', 'girl', 'victim', 'suspect', 'defendant', 'teenager', 'businessman', 'businesswoman',
  'billionaire', 'incumbent', 'challenger',
]);

/** Organisation kinds for "the ministry", "the company": head word → words that mark such an organisation. */
export const ORG_HEADS: ReadonlyMap<string, readonly string[]> = new Map<string, string[]>([
  ['ministry', ['ministry', 'department', 'office']],
  ['department', ['department', 'ministry']],
  ['company', ['company', 'inc', 'inc.', 'corp', 'corp.', 'corporation', 'ltd', 'ltd.', 'llc', 'plc', 'group', 'co', 'co.', 'firm', 'maker', 'giant', 'manufacturer', 'airline', 'bank', 'carrier', 'retailer', 'developer', 'operator', 'provider', 'producer', 'startup']],
  ['firm', ['firm', 'company', 'inc', 'inc.', 'corp', 'corp.', 'corporation', 'ltd', 'ltd.', 'llc', 'plc', 'group', 'consultancy']],
  ['corporation', ['corporation', 'corp', 'corp.', 'company', 'inc', 'inc.']],
  ['agency', ['agency', 'administration', 'service', 'bureau', 'authority', 'commission', 'office']],
  ['newspaper', ['newspaper', 'paper', 'daily', 'gazette', 'gazeta', 'times', 'post', 'journal', 'herald', 'tribune', 'telegraph', 'guardian', 'independent', 'news', 'chronicle', 'mail', 'star']],
  ['paper', ['newspaper', 'paper', 'daily', 'gazette', 'gazeta', 'times', 'post', 'journal', 'herald', 'tribune']],
  ['daily', ['newspaper', 'daily', 'gazette', 'times', 'post', 'journal', 'herald', 'tribune']],
  ['broadcaster', ['broadcaster', 'broadcasting', 'television', 'tv', 'radio', 'network', 'channel']],
  ['network', ['network', 'broadcaster', 'broadcasting', 'television', 'tv', 'channel']],
  ['outlet', ['outlet', 'newspaper', 'agency', 'broadcaster', 'news', 'times', 'post', 'tv', 'radio']],
  ['party', ['party']],
  ['group', ['group', 'organisation', 'organization', 'movement', 'coalition', 'front', 'alliance', 'association']],
  ['organisation', ['organisation', 'organization', 'group', 'association', 'foundation', 'society', 'institute']],
  ['organization', ['organisation', 'organization', 'group', 'association', 'foundation', 'society', 'institute']],
  ['university', ['university', 'college', 'school', 'institute']],
  ['school', ['school', 'college', 'university', 'academy']],
  ['club', ['club', 'fc', 'united', 'city']],
  ['team', ['team', 'club', 'fc']],
  ['court', ['court', 'tribunal']],
  ['committee', ['committee', 'commission', 'council', 'panel']],
  ['commission', ['commission', 'committee']],
  ['council', ['council', 'committee', 'assembly']],
  ['bank', ['bank']],
  ['airline', ['airline', 'airlines', 'airways', 'air']],
  ['union', ['union', 'federation', 'confederation']],
  ['alliance', ['alliance', 'coalition', 'nato', 'union']],
  ['militia', ['militia', 'brigade', 'army', 'front', 'forces']],
  ['army', ['army', 'forces', 'military']],
  ['military', ['army', 'forces', 'military', 'navy', 'air force']],
  ['police', ['police']],
  ['government', ['government', 'administration', 'cabinet']],
  ['administration', ['administration', 'government']],
  ['hospital', ['hospital', 'clinic', 'medical']],
  ['church', ['church', 'diocese', 'archdiocese']],
  ['museum', ['museum', 'gallery']],
]);

/** Words that mark a role phrase as female / male (for pronoun agreement when no first name is known). */
export const FEMALE_WORDS: ReadonlySet<string> = new Set([
  'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'madam', 'lady', 'dame', 'queen', 'princess', 'actress', 'spokeswoman',
  'chairwoman', 'congresswoman', 'councilwoman', 'businesswoman', 'woman', 'girl', 'mother', 'wife', 'daughter',
  'sister', 'grandmother', 'widow', 'duchess', 'empress', 'nun', 'policewoman', 'sportswoman', 'aunt', 'niece',
]);
export const MALE_WORDS: ReadonlySet<string> = new Set([
  'mr', 'mr.', 'sir', 'lord', 'king', 'prince', 'actor', 'spokesman', 'chairman', 'congressman', 'councilman',
  'businessman', 'man', 'boy', 'father', 'husband', 'son', 'brother', 'grandfather', 'widower', 'duke', 'emperor',
  'monk', 'policeman', 'sportsman', 'uncle', 'nephew', 'pope', 'imam', 'rabbi', 'sultan', 'emir', 'sheikh',
]);

/** Abbreviated titles before names ("Gov. Mike Pence", "Sen. X") and the role head each stands for. */
export const TITLE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['gov.', 'governor'], ['sen.', 'senator'], ['rep.', 'representative'], ['gen.', 'general'], ['col.', 'colonel'],
  ['lt.', 'lieutenant'], ['sgt.', 'sergeant'], ['capt.', 'captain'], ['cmdr.', 'commander'], ['adm.', 'admiral'],
  ['maj.', 'major'], ['pres.', 'president'], ['amb.', 'ambassador'], ['atty.', 'attorney'], ['supt.', 'superintendent'],
  ['insp.', 'inspector'], ['det.', 'detective'], ['cllr', 'councillor'], ['cllr.', 'councillor'], ['gov', 'governor'],
  ['sen', 'senator'], ['rep', 'representative'], ['gen', 'general'], ['lt', 'lieutenant'], ['sgt', 'sergeant'],
]);

/** Honorifics that may precede a name and are never part of a role. */
export const HONORIFICS: ReadonlySet<string> = new Set([
  'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dr', 'dr.', 'prof', 'prof.', 'sir', 'dame', 'lord', 'lady',
  'rev', 'rev.', 'hon', 'hon.', 'st', 'st.', 'mx', 'mx.',
]);

/** Plural to singular for role heads ("ambassadors" → "ambassador", "spokesmen" → "spokesman"). */
export function singular(word: string): string {
  if (word.endsWith('men')) return `${word.slice(0, -3)}man`;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && word.length > 3) return word.slice(0, -1);
  return word;
}
