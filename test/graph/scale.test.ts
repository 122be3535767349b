import { afterEach, describe, expect, it } from 'vitest';
import { readEntraSide } from '../../src-main/graph/entra-capture';
import { startGraphFake } from '../fakes/graph/index';
import type { GraphFake, GraphFakeSeed } from '../fakes/graph/index';
import { SENTRY_APP_ID, USER_ROLE_ID, connect, gid, seedGroup, seedUser, standardSeed, uid } from './fixtures';

const NOW = new Date('2025-01-08T00:00:00Z');

let fake: GraphFake | null = null;

afterEach(async () => {
  await fake?.close();
  fake = null;
});

function graphRequests(graphFake: GraphFake, pattern: RegExp, viaBatch = false): number {
  return graphFake.requests.filter((request) => request.server === 'graph' && Boolean(request.viaBatch) === viaBatch && pattern.test(request.path)).length;
}

/** `count` users assigned directly, users 100..; every fifth one deleted. */
function directlyAssigned(count: number): GraphFakeSeed {
  const seed = standardSeed();
  const sp = seed.servicePrincipals[0]!;
  sp.xAssignments = [];
  sp.xSynchronizationJobs = [];
  for (let n = 100; n < 100 + count; n++) {
    seed.users.push(seedUser(n, `user${n}`, { xDeleted: n % 5 === 0 }));
    sp.xAssignments.push({ id: `assign-${n}`, principalId: uid(n), principalType: 'User', appRoleId: USER_ROLE_ID });
  }
  return seed;
}

describe('readEntraSide at scale', () => {
  it('group with 12,000 members is read whole', async () => {
    const seed = standardSeed();
    const members: string[] = [];
    for (let n = 10_000; n < 22_000; n++) {
      seed.users.push(seedUser(n, `member${n}`));
      members.push(uid(n));
    }
    seed.groups.push(seedGroup(3, 'Everyone', members));
    seed.servicePrincipals[0]!.xAssignments = [{ id: 'assign-everyone', principalId: gid(3), principalType: 'Group', appRoleId: USER_ROLE_ID }];
    fake = await startGraphFake(seed);
    const { graph } = connect(fake);

    const result = await readEntraSide(graph, { appId: SENTRY_APP_ID }, { now: NOW });

    expect(result.side.users).toHaveLength(12_000);
    expect(result.side.users[0]?.userPrincipalName).toBe('member10000@contoso.example');
    expect(result.side.users[11_999]?.userPrincipalName).toBe('member21999@contoso.example');
    expect(new Set(result.side.memberships.map((edge) => edge.memberId)).size).toBe(12_000);
    expect(result.side.memberships.every((edge) => edge.relation === 'direct' && edge.groupId === gid(3))).toBe(true);
    const memberships = result.sources.find((source) => source.source === 'graph.memberships');
    expect(memberships).toMatchObject({ rowsReceived: 12_000, apiTotal: 12_000, pages: 13 });
    // 12,000 members at 999 a page: 13 list requests and no request per user.
    expect(graphRequests(fake, /^\/v1\.0\/groups\/.+\/members/)).toBe(13);
    expect(graphRequests(fake, /^\/v1\.0\/users\//, true)).toBe(0);
    expect(result.warnings).toEqual([]);
  }, 60_000);

  it('page size dividing the list exactly', async () => {
    const seed = directlyAssigned(12);
    fake = await startGraphFake(seed);
    const { graph } = connect(fake, { pageSize: 4 });

    const result = await readEntraSide(graph, { appId: SENTRY_APP_ID }, { now: NOW });

    expect(result.side.assignments.map((a) => a.id)).toEqual(Array.from({ length: 12 }, (_, i) => `assign-${100 + i}`).sort());
    expect(result.sources.find((source) => source.source === 'graph.assignments')).toMatchObject({ rowsReceived: 12, apiTotal: 12, pages: 3 });
    expect(graphRequests(fake, /appRoleAssignedTo/)).toBe(3);
  });

  it('direct users are read in batches of 20', async () => {
    fake = await startGraphFake(directlyAssigned(45));
    const { graph } = connect(fake);

    const result = await readEntraSide(graph, { appId: SENTRY_APP_ID }, { now: NOW });

    const expectedDeleted = [100, 105, 110, 115, 120, 125, 130, 135, 140].map(uid);
    expect(result.side.deletedUserIds).toEqual(expectedDeleted);
    expect(result.side.users).toHaveLength(36);
    // Batch responses arrive shuffled, so each user must still carry its own attributes.
    for (const user of result.side.users) {
      const n = Number(user.id.slice(-12));
      expect(user.userPrincipalName).toBe(`user${n}@contoso.example`);
      expect(user.employeeId).toBe(`E${n}`);
    }
    expect(graphRequests(fake, /^\/v1\.0\/\$batch$/)).toBe(3);
    expect(graphRequests(fake, /^\/v1\.0\/users\//, true)).toBe(45);
    expect(result.sources.find((source) => source.source === 'graph.users')).toMatchObject({ rowsReceived: 36, pages: 3, retries: 0 });
  });

  it('throttled batch items are retried', async () => {
    fake = await startGraphFake(directlyAssigned(25));
    fake.batchItemThrottle.remaining = 4;
    fake.batchItemThrottle.retryAfterSeconds = 1;
    const { graph } = connect(fake);

    const result = await readEntraSide(graph, { appId: SENTRY_APP_ID }, { now: NOW });

    expect(result.side.users).toHaveLength(20);
    expect(result.side.deletedUserIds).toHaveLength(5);
    expect(fake.requests.filter((request) => request.viaBatch && request.status === 429)).toHaveLength(4);
    const users = result.sources.find((source) => source.source === 'graph.users');
    expect(users?.rowsReceived).toBe(20);
    expect(users?.retries).toBeGreaterThanOrEqual(1);
  });

  it('nested groups are kept apart from direct members', async () => {
    const seed = standardSeed();
    seed.users.push(seedUser(30, 'deep'));
    seed.groups.push(seedGroup(4, 'Deep', [uid(30), uid(3)]));
    seed.groups[1]!.xMembers.push(gid(4));
    fake = await startGraphFake(seed);
    const { graph } = connect(fake);

    const result = await readEntraSide(graph, { appId: SENTRY_APP_ID }, { now: NOW });

    expect(result.side.memberships.filter((edge) => edge.relation === 'nested')).toEqual([
      { groupId: gid(1), memberId: uid(5), memberType: 'user', relation: 'nested' },
      { groupId: gid(1), memberId: uid(30), memberType: 'user', relation: 'nested' }
    ]);
    // Only the groups directly inside an assigned group are listed, not deeper ones.
    expect(result.side.groups.map((group) => group.displayName)).toEqual(['Engineering', 'SRE']);
    expect(result.side.users.map((user) => user.id)).toContain(uid(30));
  });
});
