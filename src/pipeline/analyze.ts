import { newDoc, type Doc, type DocMeta } from '../model/document.js';
import { STAGES } from './stages.js';

/** Runs every stage over one document's text and returns the working document model. */
export function analyzeText(text: string, meta: Partial<DocMeta> = {}): Doc {
  const doc = newDoc(text, {
    id: meta.id ?? 'doc', title: meta.title ?? null, url: meta.url ?? null,
    published: meta.published ?? null, publishedSource: meta.published ? 'metadata' : null,
    source: meta.source ?? null,
  });
  for (const stage of STAGES) stage.run(doc);
  return doc;
}
