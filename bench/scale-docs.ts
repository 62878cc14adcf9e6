/**
 * Small synthetic news articles for the queue tests and the scale benchmark: every one different (its number is
 * in the text), each with a speaker, a quote, a reporting verb and a date, written here, not taken from a dataset.
 */
const SPEAKERS = ['Ada Brown', 'Tomas Reyes', 'Mina Okafor', 'Lars Holm', 'Priya Nair', 'Jonah Fields', 'Elena Vasquez', 'Kenji Mori'];
const ROLES = ['the mayor of Eastfield', 'a spokesman for the Harbour Authority', 'the regional health director', 'the head of the transit union'];
const TOPICS = ['the river bridge', 'the new clinic', 'the tram line', 'the school budget', 'the port expansion', 'the water plant'];
const VERBS = ['said', 'told reporters', 'announced', 'insisted', 'denied'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

export interface SyntheticArticle {
  id: string;
  text: string;
  published: string;
}

export function syntheticArticle(n: number): SyntheticArticle {
  const pick = <T>(xs: readonly T[], k: number): T => xs[(n * 7 + k * 3) % xs.length]!;
  const speaker = pick(SPEAKERS, 0);
  const topic = pick(TOPICS, 1);
  const verb = pick(VERBS, 2);
  const day = DAYS[n % DAYS.length]!;
  const cost = 10 + (n % 90);
  const text = [
    `Work on ${topic} (report ${n}) will cost ${cost} million dollars, ${speaker}, ${pick(ROLES, 3)}, ${verb} on ${day}.`,
    `"We expect the first phase to finish by June ${2027 + (n % 3)}," ${speaker.split(' ')[0]} said. Critics ${n % 2 ? 'questioned' : 'welcomed'} the plan.`,
    `The council will vote on item ${n} next week, according to a statement from the city.`,
  ].join('\n\n');
  const month = String(1 + (n % 12)).padStart(2, '0');
  const dayOfMonth = String(1 + (n % 28)).padStart(2, '0');
  return { id: `synthetic/${n}`, text, published: `2026-${month}-${dayOfMonth}` };
}

/** `count` articles as JSONL lines ({id, text, published}), numbered from `from`. */
export function syntheticJsonl(count: number, from = 0): string {
  const lines: string[] = [];
  for (let n = from; n < from + count; n++) lines.push(JSON.stringify(syntheticArticle(n)));
  return lines.join('\n') + '\n';
}
