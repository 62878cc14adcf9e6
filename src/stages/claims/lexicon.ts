/**
 * Word lists for claim status: which verbs are speech acts about a claim, and which words around them change
 * the act's polarity ("has not confirmed", "declined to deny") or modality ("is expected to confirm").
 * Forms are listed rather than stemmed so that nouns and unrelated verbs sharing a stem ("confirmation",
 * "questionnaire") never match.
 */

/**
 * The kind of speech act a verb performs on a claim. `report` covers saying, telling and thinking verbs: they
 * carry no status of their own, but negated they mean the speaker did not assert the content ("X did not say").
 */
export type ActClass = 'confirm' | 'deny' | 'dispute' | 'retract' | 'comment' | 'report';

const FORMS: Record<ActClass, RegExp> = {
  confirm: /^(?:confirm(?:s|ed|ing)?|verif(?:y|ies|ied|ying)|corroborat(?:e|es|ed|ing)|acknowledg(?:e|es|ed|ing))$/,
  deny: /^(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing)|rebut(?:s|ted|ting)?)$/,
  dispute: /^(?:disput(?:e|es|ed|ing)|contest(?:s|ed|ing)?|challeng(?:e|es|ed|ing)|question(?:s|ed|ing)|contradict(?:s|ed|ing)?|attack(?:s|ed|ing)?|critici[sz](?:e|es|ed|ing)|condemn(?:s|ed|ing)?|slam(?:s|med|ming)?|decr(?:y|ies|ied|ying))$/,
  retract: /^(?:retract(?:s|ed|ing)?|withdr(?:aw|aws|ew|awn|awing)|recant(?:s|ed|ing)?)$/,
  comment: /^comment(?:s|ed|ing)?$/,
  report: new RegExp('^(?:' + [
    'say|says|said|saying', 'tell|tells|told|telling', 'stat(?:e|es|ed|ing)', 'mention(?:s|ed|ing)?',
    'claim(?:s|ed|ing)?', 'report(?:s|ed|ing)?', 'announc(?:e|es|ed|ing)', 'reveal(?:s|ed|ing)?',
    'disclos(?:e|es|ed|ing)', 'divulg(?:e|es|ed|ing)', 'specif(?:y|ies|ied|ying)', 'identif(?:y|ies|ied|ying)',
    'indicat(?:e|es|ed|ing)', 'suggest(?:s|ed|ing)?', 'explain(?:s|ed|ing)?', 'elaborat(?:e|es|ed|ing)',
    'respond(?:s|ed|ing)?', 'repl(?:y|ies|ied|ying)', 'answer(?:s|ed|ing)?', 'discuss(?:es|ed|ing)?',
    'detail(?:s|ed|ing)?', 'describ(?:e|es|ed|ing)', 'assert(?:s|ed|ing)?', 'alleg(?:e|es|ed|ing)',
    'insist(?:s|ed|ing)?', 'argu(?:e|es|ed|ing)', 'contend(?:s|ed|ing)?', 'add(?:s|ed|ing)?', 'not(?:e|es|ed|ing)',
    'writ(?:e|es|ing|ten)|wrote', 'testif(?:y|ies|ied|ying)', 'predict(?:s|ed|ing)?', 'estimat(?:e|es|ed|ing)',
    'expect(?:s|ed|ing)?', 'believ(?:e|es|ed|ing)', 'think(?:s|ing)?|thought', 'know(?:s|n|ing)?|knew',
    'agree(?:s|d|ing)?', 'admit(?:s|ted|ting)?', 'conced(?:e|es|ed|ing)', 'publish(?:es|ed|ing)?',
    'address(?:es|ed|ing)?', 'appear(?:s|ed|ing)?', 'seem(?:s|ed|ing)?', 'promis(?:e|es|ed|ing)',
    'warn(?:s|ed|ing)?', 'hint(?:s|ed|ing)?', 'impl(?:y|ies|ied|ying)', 'guarantee(?:s|d|ing)?',
    'nam(?:e|es|ed|ing)', 'cit(?:e|es|ed|ing)',
  ].join('|') + ')$'),
};

/** Status classes first: "confirmed nor denied" is a confirmation act before it is anything else. */
const CLASS_ORDER: ActClass[] = ['confirm', 'deny', 'dispute', 'retract', 'comment', 'report'];

export function actClassOf(lower: string): ActClass | null {
  const w = lower.replace(/’/g, "'");
  for (const c of CLASS_ORDER) if (FORMS[c].test(w)) return c;
  return null;
}

/**
 * Positive forms whose act sets a status on its own ("X confirmed that ..."). Only these: "acknowledged" or
 * "corroborated" without negation stay plain assertions, as they always were, but negated they still mean
 * "not confirmed".
 */
export const POSITIVE_STATUS_FORM = /^(?:confirm(?:s|ed|ing)?|verif(?:y|ies|ied)|den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing)|disput(?:e|es|ed|ing)|contest(?:s|ed|ing)?|challeng(?:e|es|ed|ing)|question(?:s|ed|ing)|contradict(?:s|ed|ing)?|attack(?:s|ed|ing)?|critici[sz](?:e|es|ed|ing)|condemn(?:s|ed|ing)?|slam(?:s|med|ming)?|decr(?:y|ies|ied|ying)|retract(?:s|ed|ing)?|withdr(?:aw|aws|ew|awn|awing)|recant(?:s|ed|ing)?)$/;

/** Two-word retractions: "walked back", "took back". */
export const RETRACT_HEAD = /^(?:walk(?:s|ed|ing)?|t(?:ake|akes|ook|aken|aking))$/;

/** Auxiliaries and modals that may stand inside a verb group. `ca`/`wo`/`sha` are how "can't" etc. tokenize. */
export const AUXILIARY = new Set([
  'do', 'does', 'did', 'has', 'have', 'had', 'having', 'is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re",
  "'ve", "'d", "'ll", 'am', 'will', 'would', 'can', 'could', 'may', 'might', 'shall', 'should', 'must', 'ca', 'wo',
  'sha', 'cannot',
]);
export const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re", 'am']);
/** Modals that put an act in the future or the hypothetical ("will confirm", "may deny"). */
export const HEDGING_MODALS = new Set(['will', 'would', "'ll", "'d", 'wo', 'shall', 'may', 'might']);
/** Of those, the ones that hedge even a plain saying verb ("he may have said"): "would say" is ordinary reporting. */
export const HEDGING_MODALS_FOR_REPORTS = new Set(['may', 'might']);

export const NEGATIONS = new Set(['not', "n't", 'n’t', 'never', 'neither', 'cannot']);

/** "declined to confirm", "refused to comment", "failed to deny", "unable to verify", "has yet to confirm". */
export const REFUSING_GOVERNORS = /^(?:declin(?:e|es|ed|ing)|refus(?:e|es|ed|ing)|fail(?:s|ed|ing)?|unable|yet|reluctant|unwilling)$/;
/** "is expected to confirm", "plans to deny", "was asked to comment": the act has not happened (yet). */
export const HEDGING_GOVERNORS = /^(?:expect(?:s|ed)?|likely|unlikely|set|plan(?:s|ned)?|intend(?:s|ed)?|want(?:s|ed)?|hop(?:e|es|ed)|s(?:eek|eeks|ought)|tr(?:y|ies|ied)|ask(?:s|ed)?|going|due|ready|scheduled|poised|promis(?:e|es|ed)|request|requests|order(?:s|ed)?|urg(?:e|es|ed)|prepared|willing|appear(?:s|ed)?|seem(?:s|ed)?)$/;
/** "was quick to deny", "went on to confirm": the act did happen. "able" is neutral: its own negation decides. */
export const FACTIVE_GOVERNORS = /^(?:quick|quickly|first|rush(?:ed)?|mov(?:e|ed)|on|hasten(?:ed)?|able|proceeded|went)$/;

/** Nouns naming a claim, for back-references ("the claim", "those reports") and status comments. */
export const CLAIM_NOUNS = String.raw`(?:claims?|reports?|allegations?|accusations?|information|accounts?|assertions?|statements?|figures?|numbers?|tolls?|tall(?:y|ies)|estimates?|rumou?rs?|stor(?:y|ies)|versions?|assessments?|findings?|charges?|suggestions?|remarks?|comments?|proclamations?|declarations?|announcements?|pronouncements?|assurances?)`;

/** Determiners that may open a back-reference NP. */
export const BACK_DETERMINERS = String.raw`(?:the|this|that|these|those|such|its|their|his|her|both|either|neither|none of the)`;

/**
 * "questioned" and "challenged" also mean "interrogated" and "competed against", and "attacked", "criticised",
 * "condemned" are about acts and people far more often than about claims; as a statement's own cue they
 * dispute its content only when that content is a claim: "questioned whether ...", "challenged the figures",
 * "attacked the proclamation that ...", "questioned the accuracy of ...".
 */
export const AMBIGUOUS_DISPUTE_FORM = /^(?:question|challeng|attack|critici[sz]|condemn|slam|decr)/;
export const DISPUTABLE_CONTENT = new RegExp(String.raw`^(?:whether|if|that)\b|^(?:${BACK_DETERMINERS}|an?)\s+(?:[\w-]+\s+){0,3}?(?:${CLAIM_NOUNS}|accuracy|veracity|validity|credibility|authenticity|reliability|legitimacy|truth)\b`, 'i');
