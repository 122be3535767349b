/**
 * Times the audit of a large generated tenant: `npx tsx test/audit/bench-audit.ts [users per side]`.
 * Prints the median wall time and CPU time of five runs after one warm-up run.
 */
import { auditSnapshot } from '../../src-main/audit';
import { largeTenant } from './large-tenant';

const size = Number.parseInt(process.argv[2] ?? '100000', 10);
if (!Number.isInteger(size) || size <= 0) {
  console.error(`Invalid size "${process.argv[2]}": pass a positive number of users per side, e.g. 100000.`);
  process.exit(2);
}

const tenant = largeTenant(size);
auditSnapshot(tenant);
const times: number[] = [];
const cpuTimes: number[] = [];
for (let run = 0; run < 5; run++) {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const result = auditSnapshot(tenant);
  times.push(performance.now() - started);
  const cpu = process.cpuUsage(cpuStarted);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
  if (run === 0) console.log(`findings: ${result.findings.length}, in scope: ${result.population.inScopeUsers}`);
}
times.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
console.log(`${size} users per side: median ${times[2]?.toFixed(0)} ms wall (min ${times[0]?.toFixed(0)}, max ${times[4]?.toFixed(0)}), median ${cpuTimes[2]?.toFixed(0)} ms CPU`);
