/**
 * The feeds file `claimline watch` reads: one feed URL per line (blank lines and `#` comments ignored, a `#`
 * after whitespace ends the line), or a JSON array of URLs / `{"url": …}` objects, or JSON Lines of either.
 * Every URL must be http(s); a line that is not is reported with its line number, never silently dropped.
 */
import fs from 'node:fs';

export interface FeedsFile {
  /** The feed URLs in file order, each once. */
  urls: string[];
  /** `FILE:LINE: why` for every entry that was not a usable URL. */
  problems: string[];
}

export function readFeedsFile(file: string): FeedsFile {
  return parseFeedsFile(fs.readFileSync(file, 'utf8'), file);
}

export function parseFeedsFile(text: string, name: string): FeedsFile {
  const urls: string[] = [];
  const problems: string[] = [];
  const add = (value: unknown, line: number) => {
    const raw = typeof value === 'string' ? value : (value as { url?: unknown } | null)?.url;
    if (typeof raw !== 'string' || raw.trim() === '') {
      problems.push(`${name}:${line}: expected a feed URL or {"url": …}`);
      return;
    }
    const url = checkUrl(raw.trim());
    if (typeof url !== 'string') problems.push(`${name}:${line}: ${url.problem}`);
    else if (!urls.includes(url)) urls.push(url);
  };
  const body = text.replace(/^\uFEFF/, '');
  if (body.trimStart().startsWith('[')) {
    let list: unknown;
    try {
      list = JSON.parse(body);
    } catch (e) {
      return { urls, problems: [`${name}: not valid JSON: ${(e as Error).message}`] };
    }
    if (!Array.isArray(list)) return { urls, problems: [`${name}: expected a JSON array of feed URLs`] };
    // A JSON array has no line numbers worth giving; the entry's position names it.
    list.forEach((entry, i) => add(entry, i + 1));
    return { urls, problems };
  }
  body.split(/\r?\n/).forEach((rawLine, i) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) return;
    if (line.startsWith('{') || line.startsWith('"')) {
      try {
        add(JSON.parse(line), i + 1);
      } catch (e) {
        problems.push(`${name}:${i + 1}: not valid JSON: ${(e as Error).message}`);
      }
      return;
    }
    add(line.replace(/\s+#.*$/, ''), i + 1);
  });
  return { urls, problems };
}

function checkUrl(raw: string): string | { problem: string } {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { problem: `not a URL: ${JSON.stringify(raw)}` };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { problem: `only http and https feeds are watched, not ${u.protocol} (${raw})` };
  return u.toString();
}
