import { describe, expect, it } from 'vitest';
import { FindingIndex } from '../../src-main/app-services/finding-query';
import { FINDING_KINDS, SEVERITIES, severityRank, type Finding } from '../../src-main/model/finding';

/** Builds `count` findings with kinds, severities and names spread evenly, ids unique. */
function syntheticFindings(count: number): Finding[] {
  return Array.from({ length: count }, (_, index): Finding => {
    const kind = FINDING_KINDS[index % FINDING_KINDS.length] ?? 'user.unmatchable';
    const upn = `user${String((index * 7919) % count).padStart(6, '0')}@contoso.example`;
    return {
      id: `${kind}:${index.toString(16).padStart(8, '0')}`,
      kind,
      severity: SEVERITIES[index % SEVERITIES.length] ?? 'info',
      entra: [{ type: 'user', id: `e${index}`, displayName: `User ${index}`, userPrincipalName: upn }],
      sentry: index % 3 === 0 ? [] : [{ type: 'user', id: `s${index}`, userName: upn.toUpperCase() }],
      attribute: null,
      details: {},
      explanation: '',
      recommendedAction: '',
      lastProvisioningEvent: null
    };
  });
}

const NO_FILTER = { kinds: [], severities: [], text: '' };

describe('FindingIndex', () => {
  const findings = syntheticFindings(100_000);
  const index = new FindingIndex(findings);

  it('pages the default order', () => {
    const page = index.query({ column: 'severity', direction: 'asc' }, NO_FILTER, 0, 3);
    expect(page.total).toBe(100_000);
    // Severity ties fall back to the id, so the first rows are the lowest ids with severity high.
    const expected = findings
      .filter((finding) => finding.severity === 'high')
      .map((finding) => finding.id)
      .sort()
      .slice(0, 3);
    expect(page.rows.map((row) => row.id)).toEqual(expected);
  });

  it('matches a naive filter and sort', () => {
    const filter = { kinds: ['user.missing_in_sentry' as const, 'group.slug_collision' as const], severities: ['high' as const, 'low' as const], text: 'user0001' };
    const page = index.query({ column: 'entra', direction: 'desc' }, filter, 5, 20);
    const naive = findings
      .filter((finding) => filter.kinds.includes(finding.kind as never) && filter.severities.includes(finding.severity as never))
      .filter((finding) => `${finding.entra[0]?.userPrincipalName}\n${finding.sentry[0]?.userName ?? ''}`.toLowerCase().includes('user0001'))
      .sort(
        (a, b) =>
          -(a.entra[0]?.userPrincipalName ?? '').localeCompare(b.entra[0]?.userPrincipalName ?? '') ||
          severityRank(a.severity) - severityRank(b.severity) ||
          (a.id < b.id ? -1 : 1)
      );
    expect(page.total).toBe(naive.length);
    expect(page.rows.map((row) => row.id)).toEqual(naive.slice(5, 25).map((finding) => finding.id));
  });

  it('reuses a cached sort order', () => {
    // Typing in the filter box must not sort 100,000 findings again per keystroke: the order for a
    // column and direction is computed once. Timing is left to the benchmark, not asserted here.
    const sort = { column: 'sentry', direction: 'asc' } as const;
    const orderOf = (index as unknown as { order(sort: { column: string; direction: string }): Uint32Array }).order.bind(index);
    const first = orderOf(sort);
    for (const text of ['u', 'us', 'use', 'user']) index.query(sort, { ...NO_FILTER, text }, 0, 100);
    expect(orderOf(sort)).toBe(first);
    expect(orderOf({ column: 'sentry', direction: 'desc' })).not.toBe(first);
  });

  it('returns no rows past the end', () => {
    const page = index.query({ column: 'id', direction: 'asc' }, NO_FILTER, 100_000, 50);
    expect(page).toEqual({ total: 100_000, rows: [] });
  });
});
