/** Which reader a file needs, from its extension and, where that is not decisive, its first bytes. */
import type { InputFormat } from './types.js';

const BY_EXTENSION: Record<string, InputFormat | 'sniff'> = {
  '.txt': 'text', '.text': 'text',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html',
  '.rss': 'feed', '.atom': 'feed',
  '.jsonl': 'jsonl', '.ndjson': 'jsonl',
  // XML and JSON files hold all sorts of things; only the content says whether they are a feed or records.
  '.xml': 'sniff', '.json': 'sniff',
};

/** The format an extension implies, `sniff` when the content decides, or null for an unknown kind. */
export function formatFromExtension(ext: string): InputFormat | 'sniff' | null {
  return BY_EXTENSION[ext.toLowerCase()] ?? null;
}

/** Guesses the format of decoded content; plain text is the fallback. */
export function sniffFormat(text: string): InputFormat {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (head.startsWith('<')) {
    if (/<(rss|feed|rdf:rdf)[\s>]/.test(head)) return 'feed';
    if (/<(!doctype html|html|head|body|p|div|article)[\s>]/.test(head)) return 'html';
  }
  if (head.startsWith('{') && isJsonObjectLine(text.trimStart().split('\n', 1)[0] ?? '')) return 'jsonl';
  return 'text';
}

function isJsonObjectLine(line: string): boolean {
  try {
    const v: unknown = JSON.parse(line);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}
