/**
 * brat standoff (https://brat.nlplab.org/standoff.html): the document text as a `.txt` file and its annotations
 * as a `.ann` file beside it. Offsets are character offsets as Python counts them (code points), converted from
 * claimline's UTF-16 offsets. A span that crosses a line break becomes several fragments (`start end;start end`),
 * as brat writes discontinuous spans, and the text column joins the fragments with a space.
 *
 * Lines: `T` text-bound annotations for entity mentions (typed PERSON, ORG, ...), each statement's Speaker, Cue,
 * Content, Channel and Addressee, time expressions (Timex) and claims (Claim); `R` relations from each Content to
 * its Speaker, Cue, Channel, Addressee and report time (SaidAt), from a Claim to its statement's Content (ClaimIn)
 * and to the parties its status is by (StatusBy), from a Speaker to its entity's mention (Refers); `A`
 * attributes for statement kind, claim status, timex type and mention kind; `#` AnnotatorNotes with entity names
 * and timex values. `BRAT_CONF` is the annotation.conf that declares all of these.
 */
import type { AnalysisOut, Span } from '../model/format.js';
import { codePointIndex } from './offsets.js';

export interface BratDocument {
  /** The document text, exactly; write it as UTF-8 with no byte-order mark. */
  txt: string;
  ann: string;
}

const ENTITY_TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'FAC', 'NORP', 'EVENT', 'PRODUCT', 'WORK', 'OTHER'];

export const BRAT_CONF = `# brat annotation.conf for claimline exports (docs/export.md)
[entities]
${ENTITY_TYPES.join('\n')}
Speaker
Cue
Content
Channel
Addressee
Timex
Claim

[relations]
Speaker\tArg1:Content, Arg2:Speaker
Cue\tArg1:Content, Arg2:Cue
Channel\tArg1:Content, Arg2:Channel
Addressee\tArg1:Content, Arg2:Addressee
SaidAt\tArg1:Content, Arg2:Timex
ClaimIn\tArg1:Claim, Arg2:Content
StatusBy\tArg1:Claim, Arg2:<ENTITY>
Refers\tArg1:Speaker, Arg2:<ENTITY>
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]

[attributes]
Kind\tArg:Content, Value:direct|indirect|mixed|other
Status\tArg:Claim, Value:asserted|confirmed|denied|unconfirmed|disputed|retracted
TimexType\tArg:Timex, Value:DATE|TIME|DURATION|SET
MentionKind\tArg:<ENTITY>, Value:name|nominal|pronoun|metonym|acronym|demonym
`;

/** `[start, end)` in UTF-16 split at line breaks (which are left out), the pieces that hold any text. */
export function lineFragments(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '\n' || text[i] === '\r') {
      if (i > from) out.push([from, i]);
      from = i + 1;
    }
  }
  return out;
}

/** One text-bound annotation line's text column: the fragments' text joined by spaces, tabs made spaces. */
const columnText = (text: string, frags: [number, number][]) => frags.map(([s, e]) => text.slice(s, e)).join(' ').replace(/\t/g, ' ');

/** Notes are one line: line breaks and tabs become spaces. */
const oneLine = (s: string) => s.replace(/[\t\r\n]+/g, ' ');

export function exportBrat(a: AnalysisOut): BratDocument {
  const text = a.document.text;
  const cps = codePointIndex(text);
  const lines: string[] = [];
  let t = 0;
  let r = 0;
  let attr = 0;
  let note = 0;
  const textBound = (type: string, spans: readonly { start: number; end: number }[]): string | null => {
    const frags = spans.flatMap((s) => lineFragments(text, s.start, s.end)).sort((x, y) => x[0] - y[0]);
    if (frags.length === 0) return null;
    const id = `T${++t}`;
    const where = frags.map(([s, e]) => `${cps.toCodePoint(s)} ${cps.toCodePoint(e)}`).join(';');
    lines.push(`${id}\t${type} ${where}\t${columnText(text, frags)}`);
    return id;
  };
  const relation = (type: string, from: string | null, to: string | null) => {
    if (from && to) lines.push(`R${++r}\t${type} Arg1:${from} Arg2:${to}`);
  };
  const attribute = (name: string, of: string | null, value: string) => {
    if (of) lines.push(`A${++attr}\t${name} ${of} ${value}`);
  };
  const annotatorNote = (of: string | null, value: string) => {
    if (of) lines.push(`#${++note}\tAnnotatorNotes ${of}\t${oneLine(value)}`);
  };

  // Each entity's mentions; the first name mention (else the first mention) stands for the entity in relations.
  const entityAnchor = new Map<string, string>();
  for (const e of a.entities) {
    const anchor = e.mentions.find((m) => m.kind === 'name') ?? e.mentions[0];
    for (const m of e.mentions) {
      const id = textBound(ENTITY_TYPES.includes(e.type) ? e.type : 'OTHER', [m]);
      attribute('MentionKind', id, m.kind);
      annotatorNote(id, `${e.name} (${e.id})`);
      if (id && m === anchor) entityAnchor.set(e.id, id);
    }
  }
  const timexIds = new Map<string, string>();
  for (const x of a.timexes) {
    const id = textBound('Timex', [x]);
    attribute('TimexType', id, x.type);
    annotatorNote(id, `${x.type} ${x.value}${x.mod ? ` mod=${x.mod}` : ''}${x.resolved ? '' : ' (unresolved)'}`);
    if (id) timexIds.set(x.id, id);
  }
  const contentIds = new Map<string, string>();
  for (const st of a.statements) {
    const content = textBound('Content', st.content);
    if (!content) continue;
    contentIds.set(st.id, content);
    attribute('Kind', content, st.kind);
    annotatorNote(content, `statement ${st.id}`);
    const part = (type: string, s: Span | null) => relation(type, content, s ? textBound(type, [s]) : null);
    const speaker = st.speaker.mention ? textBound('Speaker', [st.speaker.mention]) : null;
    relation('Speaker', content, speaker);
    if (st.speaker.entity) relation('Refers', speaker, entityAnchor.get(st.speaker.entity) ?? null);
    part('Cue', st.cue);
    part('Channel', st.channel);
    part('Addressee', st.addressee);
    if (st.time) relation('SaidAt', content, timexIds.get(st.time) ?? null);
  }
  for (const c of a.claims) {
    const claim = textBound('Claim', [c.text]);
    attribute('Status', claim, c.status);
    if (c.evidence) annotatorNote(claim, `${c.status}; evidence: ${c.evidence.text}`);
    if (c.statement) relation('ClaimIn', claim, contentIds.get(c.statement) ?? null);
    for (const by of c.by) relation('StatusBy', claim, entityAnchor.get(by) ?? null);
  }
  return { txt: text, ann: lines.length ? lines.join('\n') + '\n' : '' };
}

/**
 * File names for documents written side by side: the id with anything but letters, digits, `.`, `_` and `-`
 * made `_` and a file extension dropped (news/a.txt → news_a), a number added when two ids come out the same.
 */
export function fileStems(): (docId: string) => string {
  const used = new Set<string>();
  return (docId) => {
    const base = docId.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 120) || 'document';
    let stem = base;
    for (let n = 2; used.has(stem.toLowerCase()); n++) stem = `${base}-${n}`;
    used.add(stem.toLowerCase());
    return stem;
  };
}
