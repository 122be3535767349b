import { describe, expect, it } from 'vitest';
import { buildCaptureClients } from '../../../bench/capture-clients';
import { BIG_GROUP_MEMBERS, BIG_GROUP_NAME, driftCounts, expectedFindingCounts, generateTenant } from '../../../bench/generate-tenant';
import { auditSnapshot } from '../../../src-main/audit';
import { captureSnapshot } from '../../../src-main/capture/capture';
import { FINDING_KINDS } from '../../../src-main/model/finding';
import type { Snapshot, SnapshotId } from '../../../src-main/model/snapshot';
import { startFakes } from '../index';
import { findSeedProblems } from './consistency';
import { snapshotFromSeed } from './seed-snapshot';

const NOW = new Date('2026-11-30T09:00:00Z');

function auditCounts(users: number): Record<string, number> {
  const result = auditSnapshot(snapshotFromSeed(generateTenant({ users }), NOW), { now: NOW });
  return countsOf(result.countsByKind);
}

function countsOf(countsByKind: Partial<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(FINDING_KINDS.map((kind) => [kind, countsByKind[kind] ?? 0]));
}

/**
 * Serves the tenant from the fakes, captures it with the clients the benchmark uses and audits the
 * capture. The capture's clock is the generator's, so that the provisioning logs fall in its window.
 */
async function capturedCounts(users: number): Promise<{ counts: Record<string, number>; deletedUsers: number }> {
  const seed = generateTenant({ users });
  const fakes = await startFakes(seed);
  try {
    fakes.graph.setPageSize(999);
    const client = seed.graph.clients[0]!;
    const { graph, scim } = buildCaptureClients({
      type: 'ready', users, generateMs: 0, caPem: fakes.tls.caPem, authorityHost: fakes.graph.authorityHost, graphUrl: fakes.graph.graphUrl,
      scimBaseUrl: fakes.scim.baseUrl, tenantId: seed.graph.tenantId, clientId: client.clientId, clientSecret: client.clientSecret!,
      appId: seed.graph.servicePrincipals[0]!.appId, scimToken: seed.scim.token, expectedFindings: {}
    });
    const captured = await captureSnapshot({ graph, scim, appRef: { appId: seed.graph.servicePrincipals[0]!.appId }, now: NOW });
    const snapshot: Snapshot = {
      meta: { ...captured.meta, id: '20261130-090000-000000' as SnapshotId, contentSha256: '', createdAt: NOW.toISOString(), toolVersion: 'test', capturedBy: 'test', origin: 'live' },
      data: captured.data
    };
    const result = auditSnapshot(snapshot, { now: NOW });
    return { counts: countsOf(result.countsByKind), deletedUsers: captured.data.entra.deletedUserIds.length };
  } finally {
    await fakes.close();
  }
}

describe('generateTenant', () => {
  it('returns the same tenant for the same seed', () => {
    expect(generateTenant({ users: 2000, seed: 5 })).toEqual(generateTenant({ users: 2000, seed: 5 }));
  });

  it('varies with the seed', () => {
    expect(generateTenant({ users: 2000, seed: 5 }).graph.tenantId).not.toBe(generateTenant({ users: 2000, seed: 6 }).graph.tenantId);
  });

  it('rejects tenants under 1000 users', () => {
    expect(() => generateTenant({ users: 999 })).toThrow('generateTenant needs at least 1000 users so every drift occurs; got 999.');
  });

  it('builds 10,000 users without broken references', () => {
    const seed = generateTenant({ users: 10_000 });

    expect(seed.graph.users).toHaveLength(10_000);
    expect(seed.graph.groups).toHaveLength(47);
    expect(findSeedProblems(seed)).toEqual([]);
    expect(seed.graph.users.filter((user) => user.accountEnabled === false)).toHaveLength(driftCounts(10_000).disabled);
    expect(seed.graph.users.filter((user) => user.xDeleted)).toHaveLength(driftCounts(10_000).deleted);
    expect(seed.graph.groups.some((group) => group.displayName === BIG_GROUP_NAME)).toBe(false);
  });

  it('plants the expected drift at 10,000 users', () => {
    expect(auditCounts(10_000)).toEqual(expectedFindingCounts(10_000));
  });

  it('plants the expected drift at 25,000 users', () => {
    const expected = expectedFindingCounts(25_000);

    expect(expected['group.member_list_truncated']).toBe(1);
    expect(auditCounts(25_000)).toEqual(expected);
  });

  // The benchmark audits what the capture reads from the fakes, not the seed itself.
  it('plants the expected drift in a capture of 10,000 users', async () => {
    const { counts, deletedUsers } = await capturedCounts(10_000);

    expect(deletedUsers).toBe(driftCounts(10_000).deleted);
    expect(counts).toEqual(expectedFindingCounts(10_000));
  }, 180_000);

  it('builds the 12,000-member group at 100,000 users', () => {
    const seed = generateTenant({ users: 100_000 });
    const bigGroup = seed.graph.groups.find((group) => group.displayName === BIG_GROUP_NAME)!;
    const userIds = new Set(seed.graph.users.map((user) => user.id));
    const bigTeam = seed.scim.groups.find((team) => team.displayName === BIG_GROUP_NAME)!;

    expect(seed.graph.users).toHaveLength(100_000);
    expect(bigGroup.xMembers.filter((id) => userIds.has(id))).toHaveLength(BIG_GROUP_MEMBERS);
    expect(bigTeam.xMembers.length).toBeGreaterThan(10_000);
    expect(findSeedProblems(seed)).toEqual([]);
  });
});
