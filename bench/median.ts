import type { SizeReport, StepResult } from './protocol';
import { formatSeconds } from './format';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] ?? 0;
  return ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Combines repeated runs of one size into one report with the median wall time, CPU time and peak
 * RSS of each step, each taken on its own. The detail shows the range of wall times.
 */
export function medianReport(runs: SizeReport[]): SizeReport {
  const first = runs[0];
  if (!first) throw new Error('medianReport needs at least one run.');

  const steps: StepResult[] = first.steps.map((step) => {
    const samples = runs.map((run) => run.steps.find((other) => other.step === step.step)).filter((found) => found !== undefined);
    const walls = samples.map((sample) => sample.wallMs);
    return {
      step: step.step,
      wallMs: median(walls),
      cpuMs: median(samples.map((sample) => sample.cpuMs)),
      peakRssBytes: median(samples.map((sample) => sample.peakRssBytes)),
      detail: `median of ${samples.length} runs, wall ${formatSeconds(Math.min(...walls))} to ${formatSeconds(Math.max(...walls))}`
    };
  });

  return {
    ...first,
    generateMs: median(runs.map((run) => run.generateMs)),
    loadAverages: runs.flatMap((run) => run.loadAverages),
    steps,
    notes: [...new Set(runs.flatMap((run) => run.notes))]
  };
}
