/**
 * `npm run bench:big`: is time linear in input size and memory bounded per document? Builds news-like texts of
 * 2 and 20 MB (see big-input.ts; paragraphs and one single line with no line breaks), runs `claimline analyze` on
 * each in a child process under `/usr/bin/time -v`, and prints wall time, the 20/2 MB ratio and peak RSS.
 * The bar (issue 15): the 20 MB text in under 10x the time of the 2 MB one, and under 1 GB peak.
 *
 *   node dist/bench/big.js [--sizes 2,20] [--shapes single-line,paragraphs] [--dir DIR] [--cpu-prof DIR]
 *
 * One run per file, no repeats: the machines this runs on are shared, so the load average (`os.loadavg`) is
 * printed beside each figure. Without `/usr/bin/time`, the peak is the child's VmHWM read from /proc while it runs.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../src/util/paths.js';
import { BIG_SHAPES, writeBigInputs, type BigShape } from './big-input.js';

const BIN = path.join(packageRoot(), 'bin/claimline.js');
const TIME = '/usr/bin/time';

interface Measure {
  file: string;
  bytes: number;
  wallS: number;
  peakMb: number;
  exit: number | null;
  load: string;
  stderrTail: string;
}

function parseElapsed(s: string): number {
  // "h:mm:ss" or "m:ss.ss"
  const parts = s.trim().split(':').map(Number);
  return parts.reduce((acc, p) => acc * 60 + p, 0);
}

function measure(file: string, cpuProfDir: string | null): Promise<Measure> {
  const nodeArgs = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [];
  const args = [...nodeArgs, BIN, 'analyze', file, '--format', 'jsonl', '--quiet'];
  const useTime = fs.existsSync(TIME);
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  const t0 = performance.now();
  const child = useTime
    ? spawn(TIME, ['-v', process.execPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
    : spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  let hwmKb = 0;
  const poll = useTime ? null : setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) hwmKb = Math.max(hwmKb, Number(m[1]));
    } catch { /* exited */ }
  }, 100);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (poll) clearInterval(poll);
      let wallS = (performance.now() - t0) / 1000;
      if (useTime) {
        const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
        const el = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)/.exec(stderr);
        if (rss) hwmKb = Number(rss[1]);
        if (el) wallS = parseElapsed(el[1]!);
        const exit = /Exit status: (\d+)/.exec(stderr);
        if (exit) code = Number(exit[1]);
      }
      resolve({
        file, bytes: fs.statSync(file).size, wallS, peakMb: hwmKb / 1024, exit: code, load,
        stderrTail: stderr.split('\n').filter((l) => !l.startsWith('\t')).slice(-5).join('\n'),
      });
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '2,20' },
      shapes: { type: 'string', default: BIG_SHAPES.join(',') },
      dir: { type: 'string', default: path.join(os.tmpdir(), 'claimline-big') },
      'cpu-prof': { type: 'string' },
      shared: { type: 'string', default: path.join(packageRoot(), '../shared') },
    },
  });
  const sizes = values.sizes!.split(',').map(Number).filter((n) => n > 0);
  const shapes = values.shapes!.split(',') as BigShape[];
  for (const s of shapes) if (!BIG_SHAPES.includes(s)) throw new Error(`unknown shape ${s} (${BIG_SHAPES.join(', ')})`);
  const files = writeBigInputs(values.shared!, values.dir!, sizes, shapes);
  console.log(`inputs in ${values.dir} (${fs.existsSync(values.shared!) ? 'from ' + values.shared : 'synthetic'}); ${os.cpus().length} CPUs`);
  const results = new Map<string, Measure>();
  for (const file of files) {
    const m = await measure(file, values['cpu-prof'] ?? null);
    results.set(file, m);
    console.log(`${path.basename(file).padEnd(24)} ${(m.bytes / 1e6).toFixed(2).padStart(6)} MB  ${m.wallS.toFixed(1).padStart(7)} s  `
      + `peak ${m.peakMb.toFixed(0).padStart(5)} MB  exit ${m.exit}  load ${m.load}`);
    if (m.exit !== 0) console.log(`  stderr: ${m.stderrTail}`);
  }
  const smallest = Math.min(...sizes);
  for (const shape of shapes) {
    const base = results.get(path.join(values.dir!, `${shape}-${smallest}mb.txt`));
    for (const mb of sizes) {
      if (mb === smallest || !base) continue;
      const m = results.get(path.join(values.dir!, `${shape}-${mb}mb.txt`))!;
      const ratio = m.wallS / base.wallS;
      const bar = mb / smallest;
      console.log(`${shape}: ${mb} MB / ${smallest} MB time ratio ${ratio.toFixed(2)} (size ratio ${(m.bytes / base.bytes).toFixed(2)}; `
        + `bar < ${bar}x: ${ratio < bar ? 'met' : 'NOT met'}); peak ${m.peakMb.toFixed(0)} MB (bar < 1024: ${m.peakMb < 1024 ? 'met' : 'NOT met'})`);
    }
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
