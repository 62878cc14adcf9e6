/**
 * A `claimline/1` record with the document and no analysis layers: what the copy detector needs, and a way to
 * add articles to a corpus before (or without) analysing them.
 */
import { SCHEMA_ID, type AnalysisOut } from '../model/format.js';

export interface BareDocument {
  id: string;
  text: string;
  title?: string | null;
  url?: string | null;
  published?: string | null;
  source?: string | null;
}

export function documentOnly(d: BareDocument): AnalysisOut {
  return {
    schema: SCHEMA_ID,
    document: {
      id: d.id, title: d.title ?? null, url: d.url ?? null, published: d.published ?? null,
      publishedSource: d.published ? 'metadata' : null, language: 'en', text: d.text, source: d.source ?? null,
    },
    warnings: [], entities: [], statements: [], timexes: [], claims: [], events: [], quantities: [],
  };
}
