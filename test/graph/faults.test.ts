import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readEntraSide } from '../../src-main/graph/entra-capture';
import type { EntraCapture } from '../../src-main/graph/entra-capture';
import { HttpError } from '../../src-main/http/errors';
import { startGraphFake } from '../fakes/graph/index';
import type { GraphFake } from '../fakes/graph/index';
import { SENTRY_APP_ID, connect, gid, seedUser, standardSeed, uid } from './fixtures';

const NOW = new Date('2025-01-08T00:00:00Z');
const ASSIGNMENTS = /appRoleAssignedTo/;

/** Picks the parts of the Entra side that must not vary with retries. */
function essentials(result: EntraCapture): unknown {
  const side = result.side;
  return {
    assignments: side.assignments.map((a) => a.id),
    users: side.users.map((user) => user.id),
    deleted: side.deletedUserIds,
    memberships: side.memberships.map((edge) => `${edge.groupId}>${edge.memberId}:${edge.relation}`)
  };
}

describe('readEntraSide under Graph faults', () => {
  let fake: GraphFake;
  let expected: unknown;

  beforeAll(async () => {
    fake = await startGraphFake(standardSeed());
    expected = essentials(await readEntraSide(connect(fake).graph, { appId: SENTRY_APP_ID }, { now: NOW }));
  });

  afterAll(async () => {
    await fake.close();
  });

  beforeEach(() => {
    fake.faults.reset();
    fake.requests.length = 0;
  });

  async function readWithFault(): Promise<EntraCapture> {
    return readEntraSide(connect(fake).graph, { appId: SENTRY_APP_ID }, { now: NOW });
  }

  function assignmentRetries(result: EntraCapture): number | undefined {
    return result.sources.find((source) => source.source === 'graph.assignments')?.retries;
  }

  it('429 with Retry-After is retried', async () => {
    const before = fake.faults.injected.tooManyRequests;
    fake.faults.set({ only: ASSIGNMENTS, tooManyRequests: { remaining: 2, retryAfterSeconds: 1 } });
    const result = await readWithFault();

    expect(essentials(result)).toEqual(expected);
    expect(assignmentRetries(result)).toBe(2);
    expect(fake.faults.injected.tooManyRequests - before).toBe(2);
  });

  it('429 without Retry-After is retried', async () => {
    fake.faults.set({ only: ASSIGNMENTS, tooManyRequests: { remaining: 1, retryAfterSeconds: null } });
    const result = await readWithFault();

    expect(essentials(result)).toEqual(expected);
    expect(assignmentRetries(result)).toBe(1);
  });

  it('500 and 503 are retried', async () => {
    fake.faults.set({ only: ASSIGNMENTS, serverError: { remaining: 1, status: 500, retryAfterSeconds: null } });
    const after500 = await readWithFault();
    fake.faults.set({ only: ASSIGNMENTS, serverError: { remaining: 2, status: 503, retryAfterSeconds: 1 } });
    const after503 = await readWithFault();

    expect(essentials(after500)).toEqual(expected);
    expect(assignmentRetries(after500)).toBe(1);
    expect(essentials(after503)).toEqual(expected);
    expect(assignmentRetries(after503)).toBe(2);
  });

  it('504 on a batch request is retried', async () => {
    const before = fake.faults.injected.serverError;
    fake.faults.set({ only: /\$batch/, serverError: { remaining: 1, status: 504, retryAfterSeconds: null } });
    const result = await readWithFault();

    expect(essentials(result)).toEqual(expected);
    expect(fake.faults.injected.serverError - before).toBe(1);
  });

  it('503 beyond the retry budget is a clear error', async () => {
    fake.faults.set({ only: ASSIGNMENTS, serverError: { remaining: 10, status: 503, retryAfterSeconds: null } });
    const error = await readWithFault().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(503);
    expect((error as Error).message).toMatch(/^Graph returned 503 serviceNotAvailable for GET https:\/\/127\.0\.0\.1:\d+\/v1\.0\/servicePrincipals\/[0-9a-f-]+\/appRoleAssignedTo\?…/);
  });

  it('dropped connection is retried', async () => {
    fake.faults.set({ only: ASSIGNMENTS, dropConnection: { remaining: 1 } });
    const result = await readWithFault();

    expect(essentials(result)).toEqual(expected);
    expect(assignmentRetries(result)).toBe(1);
  });

  it('truncated body is retried', async () => {
    const before = fake.faults.injected.truncateBody;
    fake.faults.set({ only: /\$batch/, truncateBody: { remaining: 1 } });
    const result = await readWithFault();

    expect(essentials(result)).toEqual(expected);
    expect(fake.faults.injected.truncateBody - before).toBe(1);
  });

  it('expired token is renewed once', async () => {
    const { graph } = connect(fake);
    await graph.get(`/servicePrincipals?$top=1`, { source: 'graph.servicePrincipal', permission: 'Application.Read.All', what: 'apps' });
    fake.expireTokens();
    const result = await readEntraSide(graph, { appId: SENTRY_APP_ID }, { now: NOW });

    expect(essentials(result)).toEqual(expected);
    expect(fake.requests.filter((request) => request.server === 'graph' && request.status === 401)).toHaveLength(1);
  });
});

describe('readEntraSide when data changes between pages', () => {
  let fake: GraphFake | null = null;

  afterAll(async () => {
    await fake?.close();
  });

  it('member removed mid-read is read again', async () => {
    const seed = standardSeed();
    for (let n = 40; n < 46; n++) {
      seed.users.push(seedUser(n, `extra${n}`));
      seed.groups[0]!.xMembers.push(uid(n));
    }
    fake = await startGraphFake(seed);
    const graphFake = fake;
    // Removing the first member after page 1 shifts the list, so page 2 would skip one member.
    graphFake.afterPage(/\/groups\/.+\/members$/, 1, () => {
      const group = graphFake.state.group(gid(1))!;
      group.xMembers = group.xMembers.filter((id) => id !== uid(2));
    });
    const { graph } = connect(graphFake, { pageSize: 3 });

    const result = await readEntraSide(graph, { appId: SENTRY_APP_ID }, { now: NOW });
    const direct = result.side.memberships.filter((edge) => edge.relation === 'direct').map((edge) => edge.memberId);

    expect(direct.sort()).toEqual([uid(3), uid(40), uid(41), uid(42), uid(43), uid(44), uid(45), gid(2)].sort());
    expect(result.warnings).toEqual([
      `Members of group 'Engineering' (${gid(1)}): the list changed while it was read, so it was read again (2 readings); the snapshot holds the last reading, which is consistent.`
    ]);
  });

  it('member added mid-read is not lost or doubled', async () => {
    await fake?.close();
    const seed = standardSeed();
    for (let n = 40; n < 46; n++) {
      seed.users.push(seedUser(n, `extra${n}`));
      seed.groups[0]!.xMembers.push(uid(n));
    }
    seed.users.push(seedUser(50, 'latecomer'));
    fake = await startGraphFake(seed);
    const graphFake = fake;
    // A member added at the front after page 1 pushes page 1's last member onto page 2 as well.
    graphFake.afterPage(/\/groups\/.+\/members$/, 1, () => {
      graphFake.state.group(gid(1))!.xMembers.unshift(uid(50));
    });
    const { graph } = connect(graphFake, { pageSize: 3 });

    const result = await readEntraSide(graph, { appId: SENTRY_APP_ID }, { now: NOW });
    const direct = result.side.memberships.filter((edge) => edge.relation === 'direct').map((edge) => edge.memberId);

    expect(direct.sort()).toEqual([uid(2), uid(3), uid(40), uid(41), uid(42), uid(43), uid(44), uid(45), uid(50), gid(2)].sort());
    expect(new Set(direct).size).toBe(direct.length);
    expect(result.warnings).toEqual([
      `Members of group 'Engineering' (${gid(1)}): the list changed while it was read, so it was read again (2 readings); the snapshot holds the last reading, which is consistent.`
    ]);
  });
});
