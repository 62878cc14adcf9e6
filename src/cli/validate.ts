/** `claimline validate`: checks saved claimline/1 JSON or JSONL files, e.g. after editing or exporting them. */
import fs from 'node:fs';
import type { AnalysisOut } from '../model/format.js';
import { validateAnalysis } from '../output/validate.js';
import { EXIT, UsageError, parse } from './args.js';
import type { RunContext } from './context.js';

export const VALIDATE_HELP = `Usage: claimline validate <files...>

Checks each claimline/1 record (a JSON object, a JSON array of them, or JSONL) against the JSON Schema and
checks that every span's text matches the document text. Exit 0 when all are valid, 1 otherwise.`;

export async function validateCommand(args: string[], ctx: RunContext): Promise<number> {
  const { values, positionals } = parse(args, {});
  if (values.help) { ctx.stdout.write(VALIDATE_HELP + '\n'); return EXIT.ok; }
  if (positionals.length === 0) throw new UsageError('validate needs at least one file');
  let bad = 0;
  for (const file of positionals) {
    let records: unknown[];
    try {
      const raw = fs.readFileSync(file, 'utf8');
      const trimmed = raw.trim();
      records = trimmed.startsWith('[') ? JSON.parse(trimmed)
        : trimmed.startsWith('{') && !trimmed.includes('\n{') ? [JSON.parse(trimmed)]
          : trimmed.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
    } catch (e) {
      ctx.stderr.write(`claimline: ${file}: not JSON or JSONL: ${(e as Error).message}\n`);
      bad++;
      continue;
    }
    records.forEach((r, i) => {
      const problems = validateAnalysis(r as AnalysisOut);
      const where = records.length > 1 ? `${file}[${i}]` : file;
      if (problems.length) {
        bad++;
        for (const p of problems.slice(0, 20)) ctx.stderr.write(`claimline: ${where}: ${p}\n`);
      } else ctx.stdout.write(`${where}: valid claimline/1\n`);
    });
  }
  return bad ? EXIT.inputFailed : EXIT.ok;
}
