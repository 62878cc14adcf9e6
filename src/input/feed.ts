/** RSS and Atom feeds: one document per item. */
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { basename } from 'node:path';
import { fragmentText } from './html.js';
import { parsePublished } from './published.js';
import type { Diagnostic } from '../model/format.js';
import { markExplicitId } from './identity.js';
import { inputWarning, type InputItem, type RawDoc } from './types.js';

// Raw date elements in the order feed-parser itself prefers them (RSS, Dublin Core, Atom).
const DATE_ELEMENTS = ['pubdate', 'date', 'published', 'issued', 'updated', 'modified'];

/** Yields one item per feed entry; a feed that does not parse yields a single error item. */
export function* feedItems(xml: string, source: string): Generator<InputItem> {
  const broken = xmlProblem(xml);
  if (broken) {
    yield { ok: false, source, reason: `broken feed XML: ${broken}` };
    return;
  }
  let feed;
  try {
    feed = parseFeed(xml);
  } catch (e) {
    yield { ok: false, source, reason: `broken feed XML: ${(e as Error).message}` };
    return;
  }
  let n = 0;
  for (const item of feed.items) {
    n++;
    const itemSource = `${source}#${n}`;
    const warnings: Diagnostic[] = [];
    let text: string;
    try {
      text = fragmentText(item.content ?? item.description ?? '');
    } catch (e) {
      yield { ok: false, source: itemSource, reason: `feed item content is not readable HTML: ${(e as Error).message}` };
      continue;
    }
    if (text.trim() === '') {
      yield { ok: false, source: itemSource, reason: 'feed item has no content or description text' };
      continue;
    }
    const doc: RawDoc = {
      id: item.id || item.url || `${basename(source)}#${n}`,
      text,
      title: item.title?.trim() || null,
      url: item.url,
      published: itemPublished(item, warnings),
      source: itemSource,
      format: 'feed',
      warnings,
    };
    // A guid names the item on purpose; a link or a position does not make it an explicit id.
    if (item.id) markExplicitId(doc);
    yield { ok: true, doc };
  }
  if (n === 0) yield { ok: false, source, reason: 'feed has no items' };
}

/**
 * feed-parser reads truncated XML without complaint and silently drops what it cannot see, so well-formedness is
 * checked first. Bare ampersands ("AT&T") are so common in real feeds, and harmless, that they are let through.
 */
function xmlProblem(xml: string): string | null {
  const result = XMLValidator.validate(xml.replace(/&(?!#?\w+;)/g, '&amp;'));
  if (result === true) return null;
  const { msg, line, col } = result.err;
  // The validator reports unclosed elements as a JSON list of their names; say it in words.
  const unclosed = /^Invalid '(\[.*\])' found/s.exec(msg);
  const what = unclosed ? `unclosed elements ${(JSON.parse(unclosed[1] ?? '[]') as string[]).map((n) => `<${n}>`).join(' ')}` : msg;
  return `${what} (line ${line}, column ${col})`;
}

type FeedItem = ReturnType<typeof parseFeed>['items'][number];

/**
 * Reads the date as written rather than feed-parser's `Date`, which has already been shifted to UTC and may
 * have moved to the neighbouring day.
 */
function itemPublished(item: FeedItem, warnings: Diagnostic[]): string | null {
  for (const name of DATE_ELEMENTS) {
    const raw = item.element.findElementWithName(name)?.textContent.trim();
    if (!raw) continue;
    const parsed = parsePublished(raw);
    if (parsed) return parsed;
    const fallback = item.published ?? item.updated;
    if (fallback) return fallback.toISOString().slice(0, 10);
    warnings.push(inputWarning('unparsable-date', `unparsable feed item date ${JSON.stringify(raw)}; published left empty`));
    return null;
  }
  return null;
}
