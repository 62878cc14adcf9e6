/**
 * The word sets, tag sets and patterns the rule readings of the attribution stage look for around a cue. The cue
 * verbs themselves are in cues.ts; quotation marks in quotes.ts.
 */

/** Words between a subject and its verb that belong to neither: auxiliaries, negation, adverbs. */
export const VERB_GROUP = new Set(['also', 'has', 'have', 'had', 'would', 'will', 'did', 'does', 'do', 'could', 'may',
  'might', 'should', 'can', 'later', 'then', 'repeatedly', 'previously', 'once', 'again', 'further', 'just',
  'already', 'often', 'never', 'not', "n't", 'n’t', "'ve", '’ve', "'ll", '’ll', "'d", '’d', 'always', 'recently',
  'publicly', 'privately', 'reportedly', 'still', 'even', 'first', 'flatly', 'openly', 'quickly', 'simply', 'long',
  'explicitly', 'clearly']);
export const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s', "'re", '’re']);
/** Verbs whose -ed/-en form after "be" is passive ("was told"), so the subject is not the speaker. */
export const PARTICIPLE = /(ed|told|said|written|known|seen|shown|found|thought|felt|read|understood)$/;
/** Tags of a word after a cue verb that PolNeAR may take into the cue ("spoke about", "promised to"). */
export const PARTICLE_TAGS = new Set(['ADP', 'PART']);
export const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'my', 'our', 'your']);
/** Tags whose words the scorer sees by form rather than by tag. */
export const FUNCTION_TAGS = new Set(['ADP', 'SCONJ', 'DET', 'PART', 'AUX', 'CCONJ', 'PRON']);
/** Particles that belong to the cue ("pointed out", "called for"). */
export const PARTICLES: Record<string, Set<string>> = {
  point: new Set(['out', 'to']), points: new Set(['out', 'to']), pointed: new Set(['out', 'to']),
  pointing: new Set(['out', 'to']), call: new Set(['for', 'on']), calls: new Set(['for', 'on']),
  called: new Set(['for', 'on']), calling: new Set(['for', 'on']),
};
/** Prepositions that open an adjunct between a cue and its content ("said on Monday that"). */
export const ADJUNCT_ADP = new Set(['on', 'in', 'at', 'during', 'via', 'through', 'after', 'before', 'over', 'from',
  'last', 'this', 'late', 'early', 'earlier']);
/** Time words and the adverbs that behave like them between a cue and its content. */
export const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'today', 'yesterday', 'tonight', 'week', 'weekend', 'month', 'year', 'morning', 'afternoon', 'evening', 'night',
  'day', 'time', 'earlier', 'later', 'recently', 'ago', 'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december', 'jan.', 'feb.', 'aug.', 'sept.', 'oct.', 'nov.',
  'dec.', 'again', 'also', 'repeatedly', 'publicly', 'previously', 'then', 'now', 'once', 'privately']);
/** Words that, after a comma, start a clause of the reporter's rather than more of the reported content. */
export const CLAUSE_OPENERS = new Set(['but', 'which', 'who', 'while', 'although', 'though', 'whereas', 'yet']);
/** Words that turn a following time word into an adjunct: "last week", "this morning". */
export const TIME_MODIFIERS = new Set(['last', 'this', 'next', 'past', 'early', 'late', 'earlier', 'later']);
/** Characters a content span may not start or end on (a token may straddle a quotation mark). */
export const QUOTE_CHARS = '"“”„«»\'`';
/** Signature dashes: `"..." ― Jorge Falcon`. */
export const DASHES = new Set(['―', '—', '–', '--', '-']);
/** Verbs whose object is the person addressed when a "that" clause follows it. */
export const OBJECT_FIRST = /^(warn|urg|remind|encourag|ask|persuad|convinc|caution|notif|advis|implor|pressur|assur)/;
/** Punctuation trimmed off the end of a content span. */
export const TRAILING_PUNCT = new Set([',', '.', ';', ':', '—', '–', '-', '"', '“', '”', '„', '«', '»']);
/** Punctuation that closes a clause: a content before a postposed cue ends on one. */
export const CLAUSE_END = new Set([',', '?', '!', '—', '–', ';']);
/** A transcript's speaker label: capitals only ("WALLACE:"). */
export const CAPITALS_WORD = /^[A-Z][A-Z.'’-]*$/;
/** A word written with a capital first letter. */
export const CAPITALIZED = /^[A-Z]/;
/** A verb's -ed or -s form ("and says he will ..."). */
export const PAST_OR_THIRD_PERSON = /(ed|s)$/;
/** A sentence opening in lower case continues the sentence before it (a wink break inside an abbreviation). */
export const LOWER_CASE_START = /^[a-z]/;
/** Runs of white space between words. */
export const WHITESPACE = /\s+/;
