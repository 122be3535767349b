/**
 * `npm run bench -- [--sizes 10000,100000] [--steps capture,write,read,audit,report] [--runs N] [--seed N] [--cpu-prof-dir DIR]`
 *
 * Generates a tenant per size, serves it from the fakes and times each step of the user's path with
 * its RSS peak, then prints PASS or MISS against the targets. Each size runs in a fresh process so
 * that no memory carries over. Misses do not change the exit status, which is 1 only when a size fails.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { forkBenchScript, nextMessage, stopChild } from './child';
import { medianReport } from './median';
import { printSizeReport } from './print';
import { type ChildFailure, type SizeReport, STEPS, type StepName } from './protocol';

const DEFAULT_SIZES = [10_000, 100_000];
/** The generator rejects fewer than 1,000 users. The upper bound stops a mistyped size from running for hours. */
const MIN_USERS = 1_000;
const MAX_USERS = 1_000_000;
/** Bounds the total time of the benchmark. */
const MAX_RUNS = 9;
/** Bounds one run of one size end to end; 100,000 users take a few minutes on two cores. */
const SIZE_TIMEOUT_MS = 30 * 60_000;
/** How long a size's process may take to exit after reporting, writing its CPU profile included. */
const EXIT_GRACE_MS = 60_000;

const USAGE = [
  'Usage: npm run bench -- [--sizes N,N] [--steps STEP,STEP] [--runs N] [--seed N] [--cpu-prof-dir DIR]',
  `  --sizes         tenant sizes in users, each ${MIN_USERS} to ${MAX_USERS} (default ${DEFAULT_SIZES.join(',')})`,
  `  --steps         steps to report, from ${STEPS.join(',')} (default all); earlier steps still run untimed when needed`,
  `  --runs          runs per size, each in a new process, 1 to ${MAX_RUNS}; with more than one, the medians follow (default 1)`,
  '  --seed          generator seed (default 1)',
  '  --cpu-prof-dir  write a V8 CPU profile of each size\'s process to DIR (open it in Chrome DevTools)'
].join('\n');

interface BenchOptions {
  sizes: number[];
  steps: StepName[];
  runs: number;
  seed: number;
  cpuProfileDir: string | null;
}

function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string' },
      steps: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      'cpu-prof-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' }
    }
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }

  const sizes = values.sizes ? values.sizes.split(',').map((text) => Number(text.replaceAll('_', ''))) : DEFAULT_SIZES;
  for (const size of sizes) {
    if (!Number.isInteger(size) || size < MIN_USERS || size > MAX_USERS) {
      throw new Error(`invalid size ${size} in --sizes: give whole numbers of users from ${MIN_USERS} to ${MAX_USERS}, separated by commas.`);
    }
  }

  const steps = values.steps ? values.steps.split(',') : [...STEPS];
  for (const step of steps) {
    if (!(STEPS as readonly string[]).includes(step)) throw new Error(`unknown step "${step}" in --steps: use ${STEPS.join(', ')}.`);
  }

  const runs = Number(values.runs ?? '1');
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS) throw new Error(`invalid --runs ${values.runs}: give a whole number from 1 to ${MAX_RUNS}.`);

  const seed = Number(values.seed ?? '1');
  if (!Number.isInteger(seed)) throw new Error(`invalid --seed ${values.seed}: give a whole number.`);

  const cpuProfileDir = values['cpu-prof-dir'] ? resolve(values['cpu-prof-dir']) : null;
  return { sizes, steps: steps as StepName[], runs, seed, cpuProfileDir };
}

async function measureSize(users: number, options: BenchOptions): Promise<SizeReport> {
  const nodeFlags = options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : [];
  const args = ['--users', String(users), '--seed', String(options.seed), '--steps', options.steps.join(',')];
  const child = forkBenchScript('measure-size.ts', args, { nodeFlags });
  const message = await nextMessage<SizeReport | ChildFailure>(child, SIZE_TIMEOUT_MS, `the benchmark for ${users} users`);
  // The CPU profile is written when the child exits, so give it time to finish.
  await stopChild(child, EXIT_GRACE_MS, null);
  if (message.type === 'error') throw new Error(`the benchmark for ${users} users failed: ${message.message}`);
  return message;
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }

  const printLine = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  let failed = false;
  for (const users of options.sizes) {
    const reports: SizeReport[] = [];
    for (let run = 1; run <= options.runs; run++) {
      printLine(`\nGenerating and measuring ${users.toLocaleString('en-US')} users, run ${run} of ${options.runs}...`);
      try {
        const report = await measureSize(users, options);
        printSizeReport(report, printLine);
        reports.push(report);
      } catch (error) {
        failed = true;
        process.stderr.write(`bench: ${(error as Error).message}\n`);
      }
    }
    if (options.runs > 1 && reports.length > 0) {
      printLine(`\nMedians of ${reports.length} runs for ${users.toLocaleString('en-US')} users:`);
      printSizeReport(medianReport(reports), printLine);
    }
  }
  if (options.cpuProfileDir) process.stdout.write(`\nCPU profiles are in ${options.cpuProfileDir}.\n`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
