/**
 * Validation of a `claimline/1` record: the JSON Schema (structure) plus the one rule a schema cannot state,
 * that every span's text is exactly the slice of the document text it points at.
 */
import fs from 'node:fs';
import path from 'node:path';
import AjvModule from 'ajv';
import { warningLine, type AnalysisOut } from '../model/format.js';
import { packageRoot } from '../util/paths.js';

// ajv ships CommonJS with `exports.default`; under NodeNext the default import is the module object.
const Ajv = (AjvModule as unknown as { default: typeof AjvModule }).default ?? AjvModule;

let validator: ((data: unknown) => boolean) & { errors?: unknown } | null = null;

export function schemaPath(): string {
  return path.join(packageRoot(), 'schema', 'claimline-1.schema.json');
}

function compiled() {
  if (!validator) {
    const ajv = new (Ajv as unknown as new (o: object) => { compile(s: object): typeof validator })({ allErrors: true, strict: false });
    validator = ajv.compile(JSON.parse(fs.readFileSync(schemaPath(), 'utf8')))!;
  }
  return validator!;
}

/** Returns a list of problems; empty when the record is valid. */
export function validateAnalysis(a: AnalysisOut): string[] {
  const problems: string[] = [];
  const v = compiled();
  if (!v(a)) {
    for (const e of (v.errors as { instancePath: string; message?: string }[]) ?? []) {
      problems.push(`${e.instancePath || '/'} ${e.message ?? 'invalid'}`);
    }
  }
  const text = a.document?.text ?? '';
  const check = (where: string, s: { start: number; end: number; text: string } | null | undefined) => {
    if (!s) return;
    if (!(s.start >= 0 && s.end >= s.start && s.end <= text.length)) problems.push(`${where}: span [${s.start}, ${s.end}) out of range`);
    else if (text.slice(s.start, s.end) !== s.text) problems.push(`${where}: span text does not match document text`);
  };
  a.entities?.forEach((e) => { e.mentions.forEach((m, i) => check(`${e.id}.mentions[${i}]`, m)); e.roleSpans?.forEach((r, i) => check(`${e.id}.roleSpans[${i}]`, r)); });
  a.statements?.forEach((s) => {
    check(`${s.id}.speaker.mention`, s.speaker.mention); check(`${s.id}.speaker.head`, s.speaker.head);
    const { mention, head } = s.speaker;
    if (head && !(mention && mention.start <= head.start && head.end <= mention.end)
      && !(mention && /^(who|which|that)$/i.test(mention.text))) {
      problems.push(`${s.id}.speaker.head: not inside speaker.mention`);
    }
    check(`${s.id}.cue`, s.cue); check(`${s.id}.channel`, s.channel);
    check(`${s.id}.addressee`, s.addressee); s.content.forEach((c, i) => check(`${s.id}.content[${i}]`, c));
  });
  a.timexes?.forEach((t) => check(t.id, t));
  a.claims?.forEach((c) => { check(`${c.id}.text`, c.text); check(`${c.id}.evidence`, c.evidence); });
  a.events?.forEach((e) => check(`${e.id}.trigger`, e.trigger));
  a.quantities?.forEach((q, i) => check(`quantities[${i}]`, q.span));
  if (problems.length === 0 && a.diagnostics) {
    a.diagnostics.forEach((d, i) => {
      if (d.span && !(d.span.end >= d.span.start && d.span.end <= text.length)) {
        problems.push(`diagnostics[${i}]: span [${d.span.start}, ${d.span.end}) out of range`);
      }
    });
    const lines = a.diagnostics.map(warningLine);
    if (lines.length !== a.warnings.length || lines.some((l, i) => l !== a.warnings[i])) {
      problems.push('warnings: not the lines of diagnostics, in order');
    }
  }
  return problems;
}
