import { availableParallelism } from 'node:os';
import { formatMegabytes, formatSeconds } from './format';
import { PEAK_RSS_TARGET_BYTES, type SizeReport, TARGETS } from './protocol';

const HEADER = ['step', 'wall time', 'CPU time', 'target', 'result', 'peak RSS', 'target', 'result', 'detail'];

function verdict(value: number, limit: number): string {
  return value < limit ? 'PASS' : 'MISS';
}

/** Prints one size's measurements as an aligned table, each with PASS or MISS against its target. */
export function printSizeReport(report: SizeReport, printLine: (line: string) => void): void {
  const rows: string[][] = [HEADER];
  for (const step of report.steps) {
    const target = TARGETS[step.step];
    rows.push([
      step.step,
      formatSeconds(step.wallMs),
      formatSeconds(step.cpuMs),
      target ? `< ${formatSeconds(target.wallMs)}` : '-',
      target ? verdict(step.wallMs, target.wallMs) : '-',
      formatMegabytes(step.peakRssBytes),
      `< ${formatMegabytes(PEAK_RSS_TARGET_BYTES)}`,
      verdict(step.peakRssBytes, PEAK_RSS_TARGET_BYTES),
      step.detail
    ]);
  }

  const widths = HEADER.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  printLine(`${report.users.toLocaleString('en-US')} users (tenant generated in ${formatSeconds(report.generateMs)}, not part of any step)`);
  const loads = report.loadAverages.map((load) => load.toFixed(1)).join(', ');
  printLine(`load average (1 min) when each run started and ended: ${loads}, on ${availableParallelism()} cores`);
  for (const row of rows) {
    printLine(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd());
  }

  const peak = Math.max(0, ...report.steps.map((step) => step.peakRssBytes));
  printLine(`peak RSS over the steps: ${formatMegabytes(peak)} (${verdict(peak, PEAK_RSS_TARGET_BYTES)}); measured with ${report.peakRssMethod}.`);
  printLine('Targets apply to wall time and are those for 100,000 users. CPU time counts every thread of the measuring process.');
  printLine('Capture time and memory are the client\'s own: the fakes run in a separate process, on the same cores.');
  for (const note of report.notes) printLine(`note: ${note}`);
}
