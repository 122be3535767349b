import { describe, expect, it } from 'vitest';
import { auditSnapshot } from '../../src-main/audit';
import { largeTenant } from './large-tenant';

/** Best-of-three CPU time of one audit in milliseconds; CPU time is less disturbed by other processes than wall time. */
function cpuMilliseconds(size: number): number {
  const tenant = largeTenant(size);
  auditSnapshot(tenant);
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run++) {
    const started = process.cpuUsage();
    auditSnapshot(tenant);
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

describe('audit performance', () => {
  // A linear audit takes about 4 times as long for 4 times the users; a nested scan would take 16
  // times as long. The absolute time for 100,000 users per side is measured with
  // `npx tsx test/audit/bench-audit.ts` instead, because shared test machines make it unreliable here.
  it('scales linearly with tenant size', () => {
    const small = cpuMilliseconds(2_500);
    const large = cpuMilliseconds(10_000);
    expect(large / small).toBeLessThan(8);
  });

  it('audits a large tenant completely', () => {
    const result = auditSnapshot(largeTenant(10_000));
    expect(result.population.inScopeUsers).toBe(10_000);
    expect(result.countsByKind).toEqual({ 'user.matching_attribute_mismatch': 1_000 });
    expect(result.teamMembers.length).toBe(5_000);
  });
});
