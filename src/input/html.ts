/** HTML to document text: Readability finds the article, then block structure becomes blank-line paragraphs. */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { InputError } from './text.js';

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1',
  'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th',
  'tr', 'ul',
]);
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'head', 'button', 'form']);
// A page whose best block has fewer words than this is navigation or boilerplate, not an article.
const MIN_ARTICLE_WORDS = 5;

export interface HtmlArticle {
  title: string | null;
  text: string;
  url: string | null;
  /** Raw publication time from the page's metadata, not yet normalised. */
  publishedTime: string | null;
}

/** Extracts the article of a full HTML page; throws `InputError` when the page has no article text. */
export function extractArticle(html: string): HtmlArticle {
  const { document } = parseHTML(html);
  const url = document.querySelector('link[rel="canonical"]')?.getAttribute('href')
    ?? document.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? null;
  const pageTitle = document.querySelector('title')?.textContent?.trim() || null;
  // Readability mutates the DOM it reads, so metadata is taken first; the serializer hands back the node itself
  // so the article is walked once instead of being serialised and re-parsed.
  const article = new Readability<Node>(document as unknown as Document, { serializer: (n) => n }).parse();
  const text = article?.content ? nodeText(article.content) : '';
  if (!hasArticleText(text)) throw new InputError('HTML page has no article text');
  return {
    title: article?.title?.trim() || pageTitle,
    text,
    url,
    publishedTime: article?.publishedTime ?? null,
  };
}

/** Converts an HTML fragment (a feed item's content) to text, keeping paragraphs. */
export function fragmentText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return nodeText(document.body as unknown as Node);
}

function hasArticleText(text: string): boolean {
  return text.split('\n\n').some((p) => p.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= MIN_ARTICLE_WORDS);
}

/** Text of a DOM subtree: paragraphs separated by "\n\n", `<br>` kept as a line break, other whitespace collapsed. */
function nodeText(root: Node): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    // Two <br>s in a row are how many pages separate paragraphs.
    for (const part of current.split(/ *\n *\n[\n ]*/)) {
      const p = part.split('\n').map((l) => l.replace(/ +/g, ' ').trim()).filter(Boolean).join('\n');
      if (p) paragraphs.push(p);
    }
    current = '';
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      current += (node.textContent ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = (node as Element).localName?.toLowerCase() ?? '';
    if (INVISIBLE.has(tag)) return;
    if (tag === 'br') {
      current += '\n';
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}
