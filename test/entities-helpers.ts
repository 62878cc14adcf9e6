/**
 * Test helper: segments a text and fills `doc.mentions` with name mentions for given surface strings, standing in
 * for the NER so the entity stage can be tested on its own.
 */
import { newDoc, type Doc } from '../src/model/document.js';
import type { EntityType } from '../src/model/format.js';
import { segment } from '../src/stages/segment.js';

export function docWithNames(text: string, names: [string, EntityType][]): Doc {
  const doc = newDoc(text, { id: 't', title: null, url: null, published: null, publishedSource: null, source: null });
  segment(doc);
  const tokenAt = (offset: number, edge: 'start' | 'end') =>
    doc.tokens.findIndex((t) => (edge === 'start' ? t.start === offset : t.end === offset));
  for (const [surface, type] of names) {
    const re = new RegExp(`(?<![\\w.])${surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`, 'g');
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + surface.length;
      const ts = tokenAt(start, 'start');
      const te = tokenAt(end, 'end');
      if (ts < 0 || te < 0) continue;
      if (doc.mentions.some((x) => x.start < end && start < x.end)) continue;
      doc.mentions.push({ start, end, tokenStart: ts, tokenEnd: te + 1, type, kind: 'name', entity: -1 });
    }
  }
  doc.mentions.sort((a, b) => a.start - b.start);
  return doc;
}

/** Mention texts of the entity that `surface` (first occurrence) belongs to. */
export function mentionsOfEntityWith(doc: Doc, surface: string): string[] {
  const m = doc.mentions.find((x) => doc.text.slice(x.start, x.end) === surface);
  if (!m || m.entity < 0) return [];
  return doc.entities[m.entity]!.mentions.map((i) => doc.text.slice(doc.mentions[i]!.start, doc.mentions[i]!.end));
}
