/**
 * TimeML export of an analysis: the document text inside <TEXT> with a <TIMEX3> around every time expression,
 * and the publication date as <DCT>, the shape the official TempEval-3 toolkit reads.
 */
import type { AnalysisOut } from '../model/format.js';

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return escapeXml(s).replace(/"/g, '&quot;');
}

export function toTimeML(a: AnalysisOut): string {
  const { text, published, id } = a.document;
  const out: string[] = ['<?xml version="1.0" ?>', '<TimeML>', `<DOCID>${escapeXml(id)}</DOCID>`];
  if (published) {
    const v = escapeAttr(published);
    out.push(`<DCT><TIMEX3 tid="t0" type="DATE" value="${v}" temporalFunction="false" functionInDocument="CREATION_TIME">${v}</TIMEX3></DCT>`);
  }
  // Tags cannot overlap in XML: keep timexes in text order and drop any that starts inside the previous one.
  const timexes = [...a.timexes].sort((x, y) => x.start - y.start || y.end - x.end);
  let body = '';
  let pos = 0;
  let n = 0;
  for (const t of timexes) {
    if (t.start < pos || t.end > text.length || t.end <= t.start) continue;
    n++;
    const tid = /^t\d+$/.test(t.id) && t.id !== 't0' ? t.id : `t${n}`;
    const mod = t.mod ? ` mod="${escapeAttr(t.mod)}"` : '';
    body += escapeXml(text.slice(pos, t.start));
    body += `<TIMEX3 tid="${escapeAttr(tid)}" type="${t.type}" value="${escapeAttr(t.value)}"${mod}>`;
    body += `${escapeXml(text.slice(t.start, t.end))}</TIMEX3>`;
    pos = t.end;
  }
  body += escapeXml(text.slice(pos));
  out.push(`<TEXT>${body}</TEXT>`, '</TimeML>', '');
  return out.join('\n');
}
