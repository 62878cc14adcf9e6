/**
 * Long synthetic news text for the big-input tests, written here (no dataset text): every sentence varies its
 * speaker, place, number and date, so the pipeline meets names, quotes, reporting verbs and time expressions
 * throughout, as in real copy.
 */
const FIRST = ['Ada', 'Tomas', 'Mina', 'Lars', 'Priya', 'Jonah', 'Elena', 'Kenji', 'Rosa', 'Idris', 'Marta', 'Felix'];
const LAST = ['Brown', 'Reyes', 'Okafor', 'Holm', 'Nair', 'Fields', 'Vasquez', 'Mori', 'Lindqvist', 'Achebe', 'Novak'];
const PLACES = ['Eastfield', 'Port Aldine', 'Norbury', 'Kessington', 'Valmont', 'Greywater'];
const ORGS = ['the Harbour Authority', 'the Transit Union', 'Norbury Council', 'the Valmont Water Company'];
const TOPICS = ['the river bridge', 'the new clinic', 'the tram line', 'the school budget', 'the port expansion'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const MONTHS = ['January', 'March', 'May', 'June', 'September', 'November'];

function sentence(n: number): string {
  const p = <T>(xs: readonly T[], k: number): T => xs[(n * (k + 3) + k * 7 + Math.floor(n / (k + 2))) % xs.length]!;
  const who = `${p(FIRST, 0)} ${p(LAST, 1)}`;
  switch (n % 5) {
    case 0: return `${who}, a spokesperson for ${p(ORGS, 2)}, said on ${p(DAYS, 3)} that ${p(TOPICS, 4)} in ${p(PLACES, 5)} would cost ${10 + (n % 90)} million dollars.`;
    case 1: return `"We expect the work to finish by ${p(MONTHS, 2)} ${2026 + (n % 4)}," ${p(FIRST, 0)} told reporters.`;
    case 2: return `According to ${p(ORGS, 3)}, ${1000 + n} residents of ${p(PLACES, 1)} signed a petition last week.`;
    case 3: return `Critics in ${p(PLACES, 4)} questioned the plan, and ${who} denied that the figures had been changed.`;
    default: return `The vote on item ${n} is due on ${p(DAYS, 2)}, ${p(MONTHS, 1)} ${1 + (n % 28)}.`;
  }
}

/** About `chars` characters of news prose: paragraphs of five sentences between blank lines, or one single line. */
export function longNewsText(chars: number, singleLine: boolean): string {
  const paras: string[] = [];
  let total = 0;
  for (let n = 0; total < chars; n += 5) {
    const para = [0, 1, 2, 3, 4].map((k) => sentence(n + k)).join(' ');
    paras.push(para);
    total += para.length + 2;
  }
  return paras.join(singleLine ? ' ' : '\n\n');
}
