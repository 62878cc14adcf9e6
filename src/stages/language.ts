/**
 * Language identification (eld, n-gram detector, small database bundled in the package). Only English is
 * analysed natively; other languages still run through the English pipeline, and the document says so.
 */
import { eld } from 'eld/small';
import type { Doc, Stage } from '../model/document.js';

/** Enough text for a stable guess; scanning whole long articles buys nothing and costs time. */
const SAMPLE_CHARS = 2000;

export function detectLanguage(text: string): string {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  if (!/\p{L}/u.test(sample)) return 'und';
  const result = eld.detect(sample);
  return result.language || 'und';
}

export const languageStage: Stage = {
  name: 'language',
  requires: [],
  assigns: ['language'],
  writesMeta: [],
  run(doc: Doc) {
    doc.language = detectLanguage(doc.text);
    if (doc.language !== 'en') {
      doc.warnings.push({
        message: `language detected as '${doc.language}', not English: analysed with the English pipeline, expect missed names, quotes and dates`,
        span: null, source: 'language', ruleId: 'language/not-english', severity: 'warning',
      });
    }
  },
};
