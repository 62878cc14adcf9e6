/**
 * Word lists of the time stage (the TIMEX3 recognizer and the tense finder), keyed by lower-cased token. Kept as
 * Maps/Sets built once at load time so the recognizer's hot loop does one hash lookup per token.
 */

export const MONTHS = new Map<string, number>([
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7],
  ['august', 8], ['september', 9], ['october', 10], ['november', 11], ['december', 12],
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9],
  ['oct', 10], ['nov', 11], ['dec', 12],
]);

/** Abbreviations that are also ordinary words ("mar", "dec") only count when capitalised and followed by "." or a day. */
export const AMBIGUOUS_MONTHS = new Set(['may', 'mar', 'jan', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'feb', 'apr', 'march']);

/** ISO weekday numbers. */
export const WEEKDAYS = new Map<string, number>([
  ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6], ['sunday', 7],
  ['mondays', 1], ['tuesdays', 2], ['wednesdays', 3], ['thursdays', 4], ['fridays', 5], ['saturdays', 6], ['sundays', 7],
]);

export const SEASONS = new Map<string, string>([
  ['spring', 'SP'], ['summer', 'SU'], ['fall', 'FA'], ['autumn', 'FA'], ['winter', 'WI'],
]);

/** Month in which each season starts (northern hemisphere), to order seasons against a date. */
export const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

export const PARTS_OF_DAY = new Map<string, string>([
  ['morning', 'MO'], ['afternoon', 'AF'], ['evening', 'EV'], ['night', 'NI'], ['nights', 'NI'],
  ['mornings', 'MO'], ['evenings', 'EV'], ['afternoons', 'AF'],
]);

/** Duration units by TIMEX3 letter (MIN = minutes, WE = weekend, E = decade, C = century, L = millennium). */
export interface Unit {
  code: 'S' | 'MIN' | 'H' | 'D' | 'W' | 'WE' | 'M' | 'Q' | 'Y' | 'E' | 'C' | 'L';
  plural: boolean;
}

const UNIT_FORMS: [string, Unit['code']][] = [
  ['second', 'S'], ['minute', 'MIN'], ['hour', 'H'], ['day', 'D'], ['week', 'W'], ['weekend', 'WE'],
  ['month', 'M'], ['quarter', 'Q'], ['year', 'Y'], ['decade', 'E'], ['century', 'C'], ['millennium', 'L'],
  ['fortnight', 'W'],
];

export const UNITS = new Map<string, Unit>();
for (const [w, code] of UNIT_FORMS) {
  UNITS.set(w, { code, plural: false });
  UNITS.set(w === 'century' ? 'centuries' : w === 'millennium' ? 'millennia' : `${w}s`, { code, plural: true });
}
UNITS.set('yr', { code: 'Y', plural: false });
UNITS.set('yrs', { code: 'Y', plural: true });
UNITS.set('hr', { code: 'H', plural: false });
UNITS.set('hrs', { code: 'H', plural: true });
UNITS.set('min', { code: 'MIN', plural: false });
UNITS.set('mins', { code: 'MIN', plural: true });

export const NUMBER_WORDS = new Map<string, number>([
  ['a', 1], ['an', 1], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14],
  ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20],
  ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
  ['hundred', 100], ['dozen', 12], ['half', 0.5],
]);

/** Quantifiers that make a duration's count unknown ("several years" = PXY). */
export const VAGUE_COUNTS = new Set(['several', 'few', 'many', 'some', 'couple', 'number']);

export const ORDINALS = new Map<string, number>([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7],
  ['eighth', 8], ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12], ['thirteenth', 13],
  ['fourteenth', 14], ['fifteenth', 15], ['sixteenth', 16], ['seventeenth', 17], ['eighteenth', 18],
  ['nineteenth', 19], ['twentieth', 20], ['thirtieth', 30], ['last', -1], ['final', -1],
  ['1st', 1], ['2nd', 2], ['3rd', 3], ['4th', 4],
]);

/** Modifiers before a timex that belong to its extent, with their TIMEX3 `mod`. Multi-word ones are keyed by first word. */
export const PRE_MODS: [string[], string][] = [
  [['about'], 'APPROX'], [['around'], 'APPROX'], [['approximately'], 'APPROX'], [['roughly'], 'APPROX'],
  [['some'], 'APPROX'], [['nearly'], 'LESS_THAN'], [['almost'], 'LESS_THAN'], [['more', 'than'], 'MORE_THAN'],
  [['over'], 'MORE_THAN'], [['less', 'than'], 'LESS_THAN'], [['under'], 'LESS_THAN'], [['fewer', 'than'], 'LESS_THAN'],
  [['at', 'least'], 'EQUAL_OR_MORE'], [['at', 'most'], 'EQUAL_OR_LESS'], [['up', 'to'], 'EQUAL_OR_LESS'],
  [['no', 'more', 'than'], 'EQUAL_OR_LESS'], [['just', 'over'], 'MORE_THAN'],
  [['well', 'over'], 'MORE_THAN'], [['just', 'under'], 'LESS_THAN'],
];

/** "early 2020", "mid-June", "late last year". */
export const POSITION_MODS = new Map<string, string>([
  ['early', 'START'], ['late', 'END'], ['mid', 'MID'], ['middle', 'MID'], ['earlier', 'START'], ['later', 'END'],
]);

/** "the end of", "the beginning of", ... keyed by the noun. */
export const POSITION_NOUNS = new Map<string, string>([
  ['end', 'END'], ['beginning', 'START'], ['start', 'START'], ['middle', 'MID'], ['close', 'END'], ['dawn', 'START'],
  ['turn', 'START'],
]);

/** Single words that are timexes on their own, with their value. */
export const REF_WORDS = new Map<string, string>([
  ['now', 'PRESENT_REF'], ['currently', 'PRESENT_REF'], ['nowadays', 'PRESENT_REF'], ['presently', 'PRESENT_REF'],
  ['recently', 'PAST_REF'], ['lately', 'PAST_REF'],
  ['soon', 'FUTURE_REF'],
]);

export const SET_WORDS = new Map<string, string>([
  // TimeBank writes these as calendar patterns ("daily" = every day = XXXX-XX-XX).
  ['daily', 'XXXX-XX-XX'], ['weekly', 'XXXX-WXX'], ['monthly', 'XXXX-XX'], ['annually', 'XXXX'], ['yearly', 'XXXX'],
  ['quarterly', 'XXXX-QX'], ['hourly', 'PT1H'], ['nightly', 'XXXX-XX-XXTNI'],
]);

/** Fixed-date holidays (month, day) and movable ones computed per year (periods.ts). */
export const FIXED_HOLIDAYS = new Map<string, [number, number]>([
  ['christmas', [12, 25]], ['christmas eve', [12, 24]], ['christmas day', [12, 25]], ['boxing day', [12, 26]],
  ["new year's day", [1, 1]], ["new year's eve", [12, 31]], ['new year', [1, 1]], ['halloween', [10, 31]],
  ["valentine's day", [2, 14]], ['independence day', [7, 4]], ['fourth of july', [7, 4]], ['veterans day', [11, 11]],
  ['armistice day', [11, 11]], ['bastille day', [7, 14]], ["st. patrick's day", [3, 17]], ['may day', [5, 1]],
  ['victory day', [5, 9]], ['juneteenth', [6, 19]], ['remembrance day', [11, 11]], ['australia day', [1, 26]],
]);

/** Movable holidays: [month, iso weekday, n-th (-1 = last)], or 'easter' offsets. */
export const MOVABLE_HOLIDAYS = new Map<string, [number, number, number] | ['easter', number]>([
  ['thanksgiving', [11, 4, 4]], ['thanksgiving day', [11, 4, 4]], ['labor day', [9, 1, 1]],
  ['memorial day', [5, 1, -1]], ['martin luther king day', [1, 1, 3]], ["presidents' day", [2, 1, 3]],
  ['mothers day', [5, 7, 2]], ["mother's day", [5, 7, 2]], ["father's day", [6, 7, 3]],
  ['easter', ['easter', 0]], ['easter sunday', ['easter', 0]], ['good friday', ['easter', -2]],
  ['easter monday', ['easter', 1]], ['ash wednesday', ['easter', -46]], ['palm sunday', ['easter', -7]],
  ['pentecost', ['easter', 49]],
]);

/** First words of holiday names, so the recognizer only tries holiday lookups where one can start. */
export const HOLIDAY_FIRST_WORDS = new Set<string>();
for (const k of [...FIXED_HOLIDAYS.keys(), ...MOVABLE_HOLIDAYS.keys()]) HOLIDAY_FIRST_WORDS.add(k.split(' ')[0]!);

/** Time zones written after clock times; kept in the extent, not in the value (TimeBank convention). */
export const TIME_ZONES = new Set([
  'est', 'edt', 'cst', 'cdt', 'mst', 'mdt', 'pst', 'pdt', 'gmt', 'utc', 'bst', 'cet', 'cest', 'eet', 'eest',
  'msk', 'ist', 'jst', 'kst', 'aest', 'aedt', 'hkt', 'sgt', 'et', 'pt', 'ct', 'z',
]);

// ---- Context words: what the recognizer checks around a candidate before it takes it ----------------------

/** Determiners of relative and anaphoric expressions ("last year", "the following week", "that day"). */
export const RELATIVE_WORDS = new Set(['this', 'last', 'next', 'past', 'coming', 'previous', 'following', 'that', 'current', 'same', 'latest', 'preceding', 'upcoming']);
/** Words after which a 4-digit number reads as a year ("in 1990", "fiscal 1990"), not a count. */
export const YEAR_CONTEXT = new Set(['in', 'since', 'of', 'by', 'until', 'till', 'from', 'to', 'through', 'during', 'before', 'after', 'and', 'between', 'fiscal', 'the', "'s", 'early', 'late', 'mid', '-', ',', 'year', 'around', 'circa', 'about', 'or', 'than']);
/** Words after which an ambiguous month word ("May", "March") is the month. */
export const MONTH_CONTEXT = new Set(['in', 'of', 'since', 'until', 'till', 'by', 'early', 'late', 'mid', 'last', 'next', 'this', '-', 'through', 'from', 'to', 'before', 'after', 'during', 'and', 'or', 'between', 'that', 'each', 'every', 'on']);
/** Words after which the word before is used as an adverb ("paid annually and ..."), not as a noun's modifier. */
export const ADVERB_FOLLOWERS = new Set(['and', 'or', 'in', 'at', 'by', 'to', 'for', 'on', 'since', 'from', 'than', 'but', 'as', 'until', 'with']);
/** Words before "a year" that make it a rate ("$2 million a year", "twice a week"). */
export const RATE_WORDS = new Set(['million', 'billion', 'thousand', 'hundred', 'percent', 'once', 'twice', 'cents', 'dollars', 'times', 'interest', 'costs']);
/** Words ending in -s that are not plural nouns: neither a rate's amount nor a count's noun. */
export const NOT_RATE = new Set(['this', 'was', 'has', 'less', 'as', 'its', 'his', 'is', 'does', 'perhaps', 'thus', 'plus', 'unless', 'across', 'always']);
/** "the nineties": decades named in words, read as the 20th century's. */
export const DECADE_WORDS = new Map([['twenties', 1920], ['thirties', 1930], ['forties', 1940], ['fifties', 1950], ['sixties', 1960], ['seventies', 1970], ['eighties', 1980], ['nineties', 1990]]);
/** Words between a count and its unit that leave the length unchanged ("20 more years", "eight trading days"). */
export const COUNT_FILLERS = new Set(['more', 'additional', 'extra', 'full', 'trading', 'business', 'working', 'calendar', 'straight', 'consecutive']);
/** Plural nouns that a year modifies ("1990 levels", "2020 elections"), unlike a count ("2000 people"). */
export const YEAR_NOUNS = new Set(['levels', 'figures', 'elections', 'results', 'prices', 'sales', 'earnings', 'models', 'games', 'olympics']);
/** Words that may follow "in the morning" used as a time adverbial (not "the morning meetings"). */
export const PART_FOLLOWERS = new Set(['it', 'he', 'she', 'they', 'we', 'i', 'you', 'the', 'a', 'an', 'there', 'his', 'her', 'their', 'its', 'when', 'before', 'after', 'while']);
/** Words ending a clock time, after which "in the morning" belongs to the clock. */
export const CLOCK_WORDS = new Set(["o'clock", 'clock', 'a.m.', 'p.m.', 'am', 'pm']);
/** Words after which "current" is not "now": a noun use or a fixed phrase. */
export const CURRENT_NOT_BEFORE = new Set(['account', 'accounts', 'affairs', 'is', 'was', 'are', 'were', 'of', 'and', 'or', 'in', 'to', 'that',
  'which', 'flows', 'flow', 'flowing', 'carrying', 'events', 'issue', 'issues', 'assets', 'liabilities', 'ratio', 'yield', 'yields', 'dollars',
  'prices', 'price', 'account-deficit']);
/** Words after a duration that count it forward from a reference ("three days later"). */
export const ANCHOR_AFTER = new Set(['later', 'after', 'hence']);
/** Words after a duration that count it back from a reference ("a year earlier"). */
export const ANCHOR_BEFORE = new Set(['earlier', 'before', 'previously', 'prior']);
/** Prepositions before "the years", "the weeks ahead" that make a bare plural unit an unspecified length of time. */
export const SPAN_PREPOSITIONS = new Set(['over', 'for', 'in', 'during', 'through', 'throughout']);
/** Articles that may stand between "quarter of" and a unit of time ("a quarter of an hour"). */
export const ARTICLES = new Set(['a', 'an', 'the']);
/** Words before "fall" that make it the season rather than the verb or noun ("this fall", "late fall"). */
export const FALL_DETERMINERS = new Set(['this', 'last', 'next', 'early', 'late', 'mid']);

/** Words of results and economic figures, which are reported for a quarter or a half of a year. */
export const PERIOD_RESULT_WORDS = new Set([
  'profit', 'profits', 'earnings', 'revenue', 'revenues', 'sales', 'loss', 'losses', 'income', 'results',
  'growth', 'output', 'economy', 'gdp', 'dividend', 'dividends', 'turnover', 'margin', 'margins', 'shipments',
  'orders', 'deficit', 'surplus', 'inflation', 'fiscal', 'financial', 'quarterly', 'year-on-year',
]);

/** Titles written with a full stop before a surname ("Dr. Christmas"): what follows is a name, whatever the word. */
export const NAME_TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'col', 'capt', 'sgt', 'lt', 'det', 'insp', 'supt', 'rev', 'fr']);
/** Verbs of saying whose subject or (after them) speaker is a person: "Christmas said", "said Christmas.". */
export const SPEAKER_VERBS = new Set([
  'said', 'says', 'told', 'tells', 'added', 'adds', 'argued', 'wrote', 'writes', 'declined', 'denied', 'insisted',
  'explained', 'stated', 'announced', 'warned', 'replied', 'testified', 'tweeted', 'admitted', 'asked', 'noted',
  'claimed', 'recalled', 'acknowledged',
]);

/** Words of games and their scoring: a quarter or half near them is a period of play ("scored in the second half"). */
export const GAME_WORDS = new Set([
  'scored', 'scores', 'scoring', 'goal', 'goals', 'match', 'game', 'touchdown', 'touchdowns', 'halftime', 'half-time',
  'penalty', 'penalties', 'striker', 'quarterback', 'referee', 'whistle', 'equaliser', 'equalizer', 'rebounds',
  'innings', 'kickoff', 'kick-off', 'header', 'goalkeeper', 'unbeaten', 'fixture', 'conceded', 'trailed', 'trailing',
]);

/** Words that, capitalised before a holiday or a season, start a time phrase ("On Christmas Eve") rather than a name. */
export const TIME_PHRASE_STARTS = new Set([
  'the', 'a', 'an', 'on', 'in', 'at', 'by', 'since', 'until', 'till', 'before', 'after', 'during', 'for', 'from',
  'over', 'through', 'around', 'this', 'last', 'next', 'every', 'each', 'early', 'late', 'mid', 'merry', 'happy',
  'and', 'or', 'but', 'of', 'that', 'past', 'whole', 'entire', 'good',
]);

// ---- Tense ----------------------------------------------------------------------------------------------------

/** Past-tense verb forms that do not end in -ed. */
export const IRREGULAR_PAST = new Set([
  'was', 'were', 'had', 'did', 'said', 'told', 'made', 'went', 'came', 'took', 'gave', 'got', 'saw', 'knew',
  'thought', 'found', 'left', 'felt', 'became', 'began', 'brought', 'bought', 'built', 'sent', 'spent', 'held',
  'kept', 'led', 'lost', 'met', 'paid', 'ran', 'rose', 'fell', 'sold', 'stood', 'struck', 'taught', 'won', 'wrote',
  'spoke', 'broke', 'chose', 'drew', 'drove', 'ate', 'fought', 'flew', 'forgot', 'grew', 'hid', 'hit', 'hung',
  'heard', 'lay', 'meant', 'quit', 'read', 'rode', 'rang', 'shot', 'shut', 'sang', 'sank', 'sat', 'slept', 'slid',
  'stole', 'swore', 'threw', 'understood', 'woke', 'wore', 'withdrew', 'overtook', 'undertook', 'set', 'put',
  'cut', 'let', 'cost', 'beat', 'bore', 'dealt', 'fled', 'forecast', 'laid', 'sought', 'sped', 'spun', 'swept',
  'tore', 'arose', 'awoke', 'bled', 'caught', 'clung', 'crept', 'dug', 'fed', 'fit', 'forbade', 'froze',
  'lit', 'mistook', 'shook', 'shrank', 'sprang', 'stuck', 'stung', 'strove', 'swam', 'swung', 'wept', 'wound',
]);

/** Regular past forms of four letters, which the "-ed" rule (longer words only, not "need", "feed") misses. */
export const SHORT_PAST = new Set(['died', 'sued', 'used', 'owed', 'tied', 'lied', 'axed', 'eyed', 'vied', 'aged']);
/** Words that mark a future clause. */
export const FUTURE_MARKERS = new Set(['will', "'ll", 'shall', 'would', 'wo', 'gonna', 'payable', 'upcoming']);
