/**
 * Child process of the benchmark for one tenant size: starts the fakes in a child of its own, then
 * runs capture, snapshot write, snapshot read, audit and report in order, timing each step and
 * measuring its RSS peak. Steps that were not requested but that a later step needs still run, and
 * only the requested steps are reported.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { forkBenchScript, nextMessage, stopChild } from './child';
import { createPeakRssMeter } from './peak-rss';
import { type ChildFailure, type FakesReady, type SizeReport, STEPS, type StepName, type StepResult } from './protocol';
import { type BenchState, runStep } from './steps';

/** Generating and serving 100,000 users takes well under a minute; this only stops a hung child. */
const FAKES_START_TIMEOUT_MS = 10 * 60_000;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { users: { type: 'string' }, seed: { type: 'string' }, steps: { type: 'string' } } });
  const users = Number(values.users);
  const loadAtStart = loadavg()[0] ?? 0;
  const requested = new Set((values.steps ?? STEPS.join(',')).split(',') as StepName[]);
  const lastIndex = Math.max(...STEPS.map((step, index) => (requested.has(step) ? index : -1)));
  const toRun = STEPS.slice(0, lastIndex + 1);

  const fakesChild = forkBenchScript('fakes-server.ts', ['--users', String(users), '--seed', values.seed ?? '1']);
  const workDir = await mkdtemp(join(tmpdir(), 'roster-bench-'));
  try {
    const started = await nextMessage<FakesReady | ChildFailure>(fakesChild, FAKES_START_TIMEOUT_MS, `starting the fakes for ${users} users`);
    if (started.type === 'error') throw new Error(started.message);

    const meter = createPeakRssMeter();
    const state: BenchState = { fakes: started, workDir, captured: null, meta: null, snapshot: null, audit: null, notes: [] };
    const results: StepResult[] = [];
    for (const step of toRun) {
      // Garbage from the step before would otherwise count towards this step's peak.
      globalThis.gc?.();
      meter.reset();
      const begin = performance.now();
      const cpuBefore = process.cpuUsage();
      const detail = await runStep(step, state);
      const cpu = process.cpuUsage(cpuBefore);
      const wallMs = performance.now() - begin;
      const peakRssBytes = meter.read();
      const cpuMs = (cpu.user + cpu.system) / 1000;
      if (requested.has(step)) results.push({ step, wallMs, cpuMs, peakRssBytes, detail });
    }

    const report: SizeReport = {
      type: 'report',
      users,
      generateMs: started.generateMs,
      peakRssMethod: meter.method,
      loadAverages: [loadAtStart, loadavg()[0] ?? 0],
      steps: results,
      notes: state.notes
    };
    process.send?.(report);
  } finally {
    await stopChild(fakesChild);
    await rm(workDir, { recursive: true, force: true });
  }
}

main()
  .catch((error: unknown) => {
    const failure: ChildFailure = { type: 'error', message: error instanceof Error ? error.stack ?? error.message : String(error) };
    process.send?.(failure);
    process.exitCode = 1;
  })
  // The IPC channel keeps this process alive until it is closed.
  .finally(() => process.disconnect?.());
