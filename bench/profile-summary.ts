/**
 * `npx tsx bench/profile-summary.ts FILE.cpuprofile [--within FUNCTION] [--top N]`
 *
 * Prints the functions with the most self time and the most total time in a V8 CPU profile, such as
 * the ones `npm run bench -- --cpu-prof-dir DIR` writes. `--within` counts only samples taken while
 * FUNCTION was on the stack, which isolates one step (e.g. `auditSnapshot` or `buildWorkbook`).
 * Garbage collection counts towards the code sampled just before it.
 */
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { transformSync } from 'esbuild';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Names V8 gives the samples taken during garbage collection and while the thread waits. */
const GC_NODE = '(garbage collector)';
const IDLE_NODE = '(idle)';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Source maps of TypeScript files, rebuilt with the esbuild options tsx 4 uses (whitespace minified,
 * names kept), because tsx puts each module on one line and the profile only has its columns.
 * esbuild is the compiler tsx installs. NOTE: if tsx changes those options, the mapped lines are wrong, but
 * the function names stay right.
 */
const sourceMaps = new Map<string, SourceMap>();

function sourceMapFor(path: string): SourceMap {
  let map = sourceMaps.get(path);
  if (!map) {
    const output = transformSync(readFileSync(path, 'utf8'), {
      target: `node${process.versions.node}`,
      loader: path.endsWith('x') ? 'tsx' : 'ts',
      format: 'esm',
      sourcemap: true,
      minifyWhitespace: true,
      keepNames: true,
      sourcefile: path
    });
    map = new SourceMap(JSON.parse(output.map) as ConstructorParameters<typeof SourceMap>[0]);
    sourceMaps.set(path, map);
  }
  return map;
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  const name = functionName || '(anonymous)';
  if (!url.startsWith('file://')) return url ? `${name} ${url}:${lineNumber + 1}` : name;

  const path = fileURLToPath(url);
  let line = lineNumber + 1;
  if (/\.tsx?$/.test(path)) {
    const entry = sourceMapFor(path).findEntry(lineNumber, columnNumber);
    if ('originalLine' in entry) line = entry.originalLine + 1;
  }
  return `${name} ${relative(REPO_ROOT, path)}:${line}`;
}

function main(): void {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { within: { type: 'string' }, top: { type: 'string' } } });
  const file = positionals[0];
  if (!file) throw new Error('missing profile: pass the path of a .cpuprofile file.');
  const top = Number(values.top ?? '15');
  if (!Number.isInteger(top) || top < 1) throw new Error(`invalid --top ${values.top}: give the number of functions to list, 1 or more.`);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;

  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

  const stackOf = (sampleId: number | undefined): ProfileNode[] => {
    const stack: ProfileNode[] = [];
    for (let id = sampleId; id !== undefined; id = parentOf.get(id)) {
      const node = byId.get(id);
      if (node) stack.push(node);
    }
    return stack;
  };

  const selfMs = new Map<string, number>();
  const totalMs = new Map<string, number>();
  let windowMs = 0;
  let lastJsStack: ProfileNode[] = [];
  for (let i = 0; i < profile.samples.length; i++) {
    const sampleMs = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    let stack = stackOf(profile.samples[i]);
    const leafName = stack[0]?.callFrame.functionName;
    if (leafName === GC_NODE) {
      // V8 mostly collects garbage when the running code allocates, so a GC sample counts towards the code sampled before it.
      stack = [...stack.slice(0, 1), ...lastJsStack];
    } else if (leafName !== IDLE_NODE) {
      lastJsStack = stack;
    }
    if (values.within && !stack.some((node) => node.callFrame.functionName === values.within)) continue;

    windowMs += sampleMs;
    const leaf = stack[0];
    if (leaf) selfMs.set(label(leaf), (selfMs.get(label(leaf)) ?? 0) + sampleMs);
    for (const name of new Set(stack.map(label))) totalMs.set(name, (totalMs.get(name) ?? 0) + sampleMs);
  }

  const print = (title: string, times: Map<string, number>): void => {
    process.stdout.write(`\n${title}\n`);
    const sorted = [...times.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
    for (const [name, ms] of sorted) process.stdout.write(`${(ms / 1000).toFixed(2).padStart(8)} s  ${name}\n`);
  };
  process.stdout.write(`${(windowMs / 1000).toFixed(2)} s of samples${values.within ? ` with ${values.within} on the stack` : ''}\n`);
  print('Self time', selfMs);
  print('Total time', totalMs);
}

main();
