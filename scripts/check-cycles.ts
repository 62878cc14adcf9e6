/**
 * `npm run check:cycles [-- DIR]`: lists import cycles among the TypeScript files under DIR (default `src`),
 * one line each, and exits 1 when there is any. Every relative import counts, type-only and dynamic ones
 * included: a type cycle still ties two modules together, and is one refactor away from a runtime cycle.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** `import … from './x.js'`, `export … from`, `import './x.js'`, `import('./x.js')`: the relative specifiers. */
const SPECIFIER = /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"](\.[^'"]+)['"]|\bimport\s*['"](\.[^'"]+)['"]|\bimport\s*\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The source file a specifier names (`./x.js` is `./x.ts` under NodeNext), or null outside the scanned files. */
function resolve(from: string, spec: string, known: Set<string>): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, path.join(base, 'index.ts')]) {
    if (known.has(candidate)) return candidate;
  }
  return null;
}

/** Import graph of the TypeScript files under `root`: file → the files it imports. */
export function importGraph(root: string): Map<string, string[]> {
  const files = tsFiles(path.resolve(root));
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const deps = new Set<string>();
    for (const m of text.matchAll(SPECIFIER)) {
      const target = resolve(file, (m[1] ?? m[2] ?? m[3])!, known);
      if (target) deps.add(target);
    }
    graph.set(file, [...deps].sort());
  }
  return graph;
}

/**
 * One cycle per strongly connected component of the import graph (Tarjan), each as a path of files relative to
 * `root` that starts and ends with the same file; empty when the graph has none.
 */
export function findCycles(root: string): string[][] {
  const graph = importGraph(root);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      onStack.delete(w);
      component.push(w);
      if (w === v) break;
    }
    if (component.length > 1 || graph.get(v)!.includes(v)) components.push(component);
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  const rel = (f: string) => path.relative(path.resolve(root), f).split(path.sep).join('/');
  return components.map((c) => cycleThrough(graph, new Set(c), c.sort()[0]!).map(rel));
}

/** A shortest path from `start` back to itself inside `members` (breadth first). */
function cycleThrough(graph: Map<string, string[]>, members: Set<string>, start: string): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i]!;
    for (const w of graph.get(v)!) {
      if (!members.has(w)) continue;
      if (w === start) {
        const pathBack = [v];
        while (pathBack[0] !== start) pathBack.unshift(cameFrom.get(pathBack[0]!)!);
        return [...pathBack, start];
      }
      if (!cameFrom.has(w)) {
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

function main(argv: string[]): number {
  const root = argv[0] ?? 'src';
  const cycles = findCycles(root);
  for (const c of cycles) process.stdout.write(`import cycle: ${c.join(' → ')}\n`);
  process.stderr.write(`check-cycles: ${importGraph(root).size} files under ${root}, ${cycles.length} cycle(s)\n`);
  return cycles.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
