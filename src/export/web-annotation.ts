/**
 * W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) in JSON-LD: one Annotation per
 * statement, claim, entity mention and time expression, each targeting its span of the document with a
 * TextQuoteSelector (exact text with prefix and suffix) and a TextPositionSelector, in an AnnotationCollection.
 *
 * Offsets: claimline counts UTF-16 code units; TextPositionSelector counts Unicode code points ("characters"
 * in the model's sense), so positions are converted. They count in claimline's text of the document (the
 * extracted article text), which for a web page is not the page's own text content: anchor by the quote first
 * and use the position to choose between equal quotes, as annotation clients do.
 */
import type { AnalysisOut, Span } from '../model/format.js';
import { entityNames, speakerName } from '../store/statement-text.js';
import { codePointIndex, type CodePointIndex } from './offsets.js';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const ANNO_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
/** Characters (code points) of context in a TextQuoteSelector's prefix and suffix. */
export const QUOTE_CONTEXT = 32;

export interface TextQuoteSelector { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
export interface TextPositionSelector { type: 'TextPositionSelector'; start: number; end: number }

export interface SpecificResource {
  type: 'SpecificResource';
  source: string;
  selector: [TextQuoteSelector, TextPositionSelector];
  purpose?: string;
}

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'describing' | 'tagging' | 'classifying' | 'identifying' | 'commenting';
  format?: 'text/plain';
  language?: string;
}

export interface Annotation {
  '@context'?: typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'describing' | 'classifying' | 'identifying' | 'tagging';
  body: (TextualBody | SpecificResource)[];
  target: SpecificResource | SpecificResource[];
  generator?: { id: string; type: 'Software'; name: string };
}

export type AnnotationKind = 'statement' | 'claim' | 'mention' | 'timex';

export interface WebAnnotationOptions {
  /** Which annotations to make; default all four kinds. */
  kinds?: readonly AnnotationKind[];
  /** Put `@context` on each annotation (for annotations used one by one); the collection carries it anyway. */
  contextOnEach?: boolean;
}

/** The IRI annotations target: the document's URL when it has one, else a claimline URN of its id. */
export function documentIri(a: AnalysisOut): string {
  return a.document.url ?? `urn:claimline:doc:${encodeURIComponent(a.document.id)}`;
}

const annotationId = (a: AnalysisOut, kind: string, id: string) =>
  `urn:claimline:doc:${encodeURIComponent(a.document.id)}:${kind}:${encodeURIComponent(id)}`;

const GENERATOR = { id: 'https://www.npmjs.com/package/claimline', type: 'Software' as const, name: 'claimline' };

/** Every span of `text` as a SpecificResource of `source`, code-point positions and a quote with context. */
export function spanTarget(text: string, cps: CodePointIndex, source: string, span: { start: number; end: number }): SpecificResource {
  return {
    type: 'SpecificResource',
    source,
    selector: [
      { type: 'TextQuoteSelector', exact: text.slice(span.start, span.end), prefix: contextBefore(text, span.start), suffix: contextAfter(text, span.end) },
      { type: 'TextPositionSelector', start: cps.toCodePoint(span.start), end: cps.toCodePoint(span.end) },
    ],
  };
}

// Context is cut at code-point boundaries: a lone surrogate half is not text a selector can match.
function contextBefore(text: string, start: number): string {
  return Array.from(text.slice(Math.max(0, start - 2 * QUOTE_CONTEXT), start)).slice(-QUOTE_CONTEXT).join('');
}

function contextAfter(text: string, end: number): string {
  return Array.from(text.slice(end, end + 2 * QUOTE_CONTEXT)).slice(0, QUOTE_CONTEXT).join('');
}

const describing = (value: string): TextualBody => ({ type: 'TextualBody', purpose: 'describing', format: 'text/plain', value });
const tagging = (value: string): TextualBody => ({ type: 'TextualBody', purpose: 'tagging', value });

/** The annotations of one document, in the order statements, claims, entity mentions, time expressions. */
export function webAnnotations(a: AnalysisOut, opts: WebAnnotationOptions = {}): Annotation[] {
  const kinds = new Set(opts.kinds ?? ['statement', 'claim', 'mention', 'timex']);
  const text = a.document.text;
  const cps = codePointIndex(text);
  const source = documentIri(a);
  const target = (s: Span | { start: number; end: number }) => spanTarget(text, cps, source, s);
  const names = entityNames(a);
  const times = new Map(a.timexes.map((t) => [t.id, t]));
  const out: Annotation[] = [];
  const push = (x: Omit<Annotation, 'generator'>) => out.push(opts.contextOnEach ? { '@context': ANNO_CONTEXT, ...x, generator: GENERATOR } : { ...x, generator: GENERATOR });

  if (kinds.has('statement')) {
    for (const st of a.statements) {
      if (st.content.length === 0) continue;
      const speaker = speakerName(names, st);
      const when = st.time ? times.get(st.time) : undefined;
      const facts = [
        `speaker: ${speaker ?? 'unknown'}`, st.cue ? `cue: ${st.cue.text}` : null, `kind: ${st.kind}`,
        st.channel ? `channel: ${st.channel.text}` : null, st.addressee ? `addressee: ${st.addressee.text}` : null,
        st.via.length ? `via: ${st.via.map((id) => names.get(id) ?? id).join(' → ')}` : null,
        when ? `said: ${when.value} (“${when.text}”)` : null,
      ].filter(Boolean).join('; ');
      const body: Annotation['body'] = [tagging(`statement:${st.kind}`), describing(facts)];
      // The speaker's and cue's own spans are bodies that point into the same text: "said by this phrase".
      if (st.speaker.mention) body.push({ ...target(st.speaker.mention), purpose: 'identifying' });
      if (st.cue) body.push({ ...target(st.cue), purpose: 'describing' });
      push({ id: annotationId(a, 'statement', st.id), type: 'Annotation', motivation: 'describing', body,
        target: st.content.length === 1 ? target(st.content[0]!) : st.content.map(target) });
    }
  }
  if (kinds.has('claim')) {
    const statements = new Map(a.statements.map((s) => [s.id, s]));
    for (const c of a.claims) {
      const by = c.by.map((id) => names.get(id) ?? id);
      const st = c.statement ? statements.get(c.statement) : undefined;
      const words = [`status as reported: ${c.status}${by.length ? ` by ${by.join(', ')}` : ''}`,
        c.evidence ? `evidence: ${c.evidence.text}` : null, st ? `in a statement by ${speakerName(names, st) ?? 'an unknown speaker'}` : null,
        'a reported status, not a fact-check'].filter(Boolean).join('; ');
      const body: Annotation['body'] = [{ type: 'TextualBody', purpose: 'classifying', value: c.status }, describing(words)];
      if (c.evidence) body.push({ ...target(c.evidence), purpose: 'describing' });
      push({ id: annotationId(a, 'claim', c.id), type: 'Annotation', motivation: 'classifying', body, target: target(c.text) });
    }
  }
  if (kinds.has('mention')) {
    for (const e of a.entities) {
      e.mentions.forEach((m, i) => {
        push({ id: annotationId(a, 'mention', `${e.id}-${i + 1}`), type: 'Annotation', motivation: 'identifying',
          body: [{ type: 'TextualBody', purpose: 'identifying', value: e.name }, { type: 'TextualBody', purpose: 'classifying', value: e.type },
            tagging(`mention:${m.kind}`)],
          target: target(m) });
      });
    }
  }
  if (kinds.has('timex')) {
    for (const t of a.timexes) {
      push({ id: annotationId(a, 'timex', t.id), type: 'Annotation', motivation: 'describing',
        body: [{ type: 'TextualBody', purpose: 'classifying', value: t.type },
          describing(`${t.type} ${t.value}${t.mod ? ` (${t.mod})` : ''}${t.resolved ? '' : ' (unresolved)'}`)],
        target: target(t) });
    }
  }
  return out;
}

/** The opening of an AnnotationCollection whose one embedded page's items follow; `collectionEnd` closes it. */
export function collectionStart(id: string, label: string): string {
  return `{"@context":${JSON.stringify(ANNO_CONTEXT)},"id":${JSON.stringify(id)},"type":"AnnotationCollection",`
    + `"label":${JSON.stringify(label)},"first":{"id":${JSON.stringify(`${id}:page-1`)},"type":"AnnotationPage","startIndex":0,"items":[\n`;
}

export function collectionEnd(total: number): string {
  return `\n]},"total":${total}}\n`;
}

/** A whole collection as an object, for callers that hold every annotation already. */
export function annotationCollection(id: string, label: string, items: Annotation[]): object {
  return {
    '@context': ANNO_CONTEXT, id, type: 'AnnotationCollection', label, total: items.length,
    first: { id: `${id}:page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}
