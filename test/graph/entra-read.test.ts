import { afterEach, describe, expect, it } from 'vitest';
import { readEntraSide } from '../../src-main/graph/entra-capture';
import { AmbiguousServicePrincipalError, GraphPermissionError, ServicePrincipalNotFoundError } from '../../src-main/graph/errors';
import type { SourceProgress } from '../../src-main/graph/source-tracker';
import { sentrySyncSchema, startGraphFake } from '../fakes/graph/index';
import type { GraphFake, GraphFakeSeed } from '../fakes/graph/index';
import { ALL_PERMISSIONS, JOB_ID, SENTRY_APP_ID, SENTRY_SP_ID, USER_ROLE_ID, connect, gid, hostsOf, seedUser, standardSeed, uid } from './fixtures';

const NOW = new Date('2025-01-08T00:00:00Z');

let fake: GraphFake | null = null;

afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function start(seed: GraphFakeSeed): Promise<GraphFake> {
  fake = await startGraphFake(seed);
  return fake;
}

/** Graph requests as the fake received them, `$batch` items excluded, with the host and query dropped. */
function graphPaths(graphFake: GraphFake): string[] {
  return graphFake.requests.filter((request) => request.server === 'graph' && !request.viaBatch).map((request) => `${request.method} ${request.path.split('?')[0]}`);
}

describe('readEntraSide against the fake Graph', () => {
  it('reads the standard tenant exactly', async () => {
    const graphFake = await start(standardSeed());
    const { graph, recorder } = connect(graphFake);
    const progress: SourceProgress[] = [];

    const result = await readEntraSide(graph, { displayName: 'Sentry' }, { now: NOW, onProgress: (event) => progress.push(event) });
    const side = result.side;

    expect(side.tenantId).toBe('7e7e7e7e-0000-4000-8000-00000000aaaa');
    expect(side.servicePrincipal).toEqual({
      id: SENTRY_SP_ID,
      appId: SENTRY_APP_ID,
      displayName: 'Sentry',
      appRoleAssignmentRequired: true,
      appRoles: [{ id: USER_ROLE_ID, displayName: 'User', value: null, isEnabled: true, allowedMemberTypes: ['User'] }]
    });
    expect(side.assignments.map((a) => [a.id, a.principalType, a.principalId, a.appRoleId])).toEqual([
      ['assign-alice', 'User', uid(1), USER_ROLE_ID],
      ['assign-dave', 'User', uid(4), USER_ROLE_ID],
      ['assign-eng', 'Group', gid(1), '00000000-0000-0000-0000-000000000000']
    ]);
    expect(side.assignments[2]?.principalDisplayName).toBe('Engineering');
    expect(side.assignments[0]?.createdDateTime).toBe('2024-05-02T09:14:11Z');

    expect(side.users.map((user) => user.userPrincipalName)).toEqual(['alice@contoso.example', 'bob@contoso.example', 'carol@contoso.example', 'erin@contoso.example']);
    expect(side.users[0]).toEqual({
      id: uid(1),
      userPrincipalName: 'alice@contoso.example',
      mail: 'alice@contoso.example',
      proxyAddresses: ['SMTP:alice@contoso.example'],
      otherMails: ['alice@home.example'],
      givenName: 'alice',
      surname: 'Tester',
      displayName: 'alice Tester',
      accountEnabled: true,
      employeeId: 'E1',
      userType: 'Member',
      onPremisesImmutableId: 'aW1tdXRhYmxl'
    });
    expect(side.users[2]?.accountEnabled).toBe(false);
    expect(side.users[2]?.userType).toBe('Guest');
    expect(side.deletedUserIds).toEqual([uid(4)]);

    expect(side.groups).toEqual([
      { id: gid(1), displayName: 'Engineering', securityEnabled: true, mailEnabled: false, groupTypes: [] },
      { id: gid(2), displayName: 'SRE', securityEnabled: true, mailEnabled: false, groupTypes: [] }
    ]);
    expect(side.memberships).toEqual([
      { groupId: gid(1), memberId: uid(2), memberType: 'user', relation: 'direct' },
      { groupId: gid(1), memberId: uid(3), memberType: 'user', relation: 'direct' },
      { groupId: gid(1), memberId: gid(2), memberType: 'group', relation: 'direct' },
      { groupId: gid(1), memberId: uid(5), memberType: 'user', relation: 'nested' }
    ]);

    expect(side.provisioningJob).toEqual({
      id: JOB_ID,
      templateId: 'sentry',
      scheduleState: 'Active',
      statusCode: 'Active',
      quarantine: null,
      lastExecution: { state: 'Succeeded', timeBegan: '2025-01-01T10:00:00Z', timeEnded: '2025-01-01T10:02:10Z', error: null },
      steadyStateLastAchievedTime: '2025-01-01T09:20:00Z',
      syncAll: false
    });
    // Only SyncAll is kept from synchronization/secrets, never the SCIM endpoint or its token.
    expect(JSON.stringify(side)).not.toContain('sentry.example');
    const { '@odata.context': _context, ...servedSchema } = { '@odata.context': '', ...sentrySyncSchema() };
    expect(side.provisioningSchema).toMatchObject(servedSchema);
    expect(side.provisioningLogs?.map((entry) => [entry.id, entry.status, entry.errorCode, entry.sourceId])).toEqual([
      ['log-new', 'failure', 'SystemForCrossDomainIdentityManagementServiceIncompatible', uid(1)]
    ]);

    expect(result.warnings).toEqual([]);
    expect(result.unavailable).toEqual([]);
    expect(result.assignedGroupCount).toBe(1);
    expect(result.sources.map((s) => [s.source, s.rowsReceived, s.apiTotal, s.pages, s.retries])).toEqual([
      ['graph.servicePrincipal', 1, null, 1, 0],
      ['graph.assignments', 3, 3, 1, 0],
      ['graph.groups', 1, null, 1, 0],
      ['graph.memberships', 7, 7, 2, 0],
      ['graph.users', 1, null, 1, 0],
      ['graph.provisioningJob', 1, null, 1, 0],
      ['graph.provisioningSchema', 1, null, 1, 0],
      ['graph.provisioningLogs', 1, null, 1, 0]
    ]);
    expect(progress.filter((event) => event.state === 'done').map((event) => event.source).sort()).toEqual(result.sources.map((s) => s.source).sort());

    // Group members, user reads and group reads come in lists and batches, never one request per object.
    expect(graphPaths(graphFake).sort()).toEqual(
      [
        'GET /v1.0/servicePrincipals',
        `GET /v1.0/servicePrincipals/${SENTRY_SP_ID}/appRoleAssignedTo`,
        'POST /v1.0/$batch',
        `GET /v1.0/groups/${gid(1)}/members`,
        `GET /v1.0/groups/${gid(1)}/transitiveMembers`,
        'POST /v1.0/$batch',
        `GET /v1.0/servicePrincipals/${SENTRY_SP_ID}/synchronization/jobs`,
        `GET /v1.0/servicePrincipals/${SENTRY_SP_ID}/synchronization/secrets`,
        `GET /v1.0/servicePrincipals/${SENTRY_SP_ID}/synchronization/jobs/${JOB_ID}/schema`,
        'GET /v1.0/auditLogs/provisioning'
      ].sort()
    );
    expect(hostsOf(recorder.urls)).toEqual(hostsOf([graphFake.authorityHost, graphFake.graphUrl]));
  });

  it('finds the app by app id', async () => {
    const graphFake = await start(standardSeed());
    const { graph } = connect(graphFake);
    const result = await readEntraSide(graph, { appId: SENTRY_APP_ID }, { now: NOW });

    expect(result.side.servicePrincipal.id).toBe(SENTRY_SP_ID);
    expect(graphFake.requests.find((request) => request.path.startsWith('/v1.0/servicePrincipals?'))?.path).toContain(`appId%20eq%20%27${SENTRY_APP_ID}%27`);
  });

  it('several apps named Sentry are listed', async () => {
    const seed = standardSeed();
    const second = { ...structuredClone(seed.servicePrincipals[0]!), id: '5e5e5e5e-0000-4000-8000-000000000099', appId: 'a1a1a1a1-0000-4000-8000-000000000099', xAssignments: [] };
    seed.servicePrincipals.push(second);
    const graphFake = await start(seed);
    const { graph } = connect(graphFake);
    const error = await readEntraSide(graph, { displayName: 'Sentry' }, { now: NOW }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AmbiguousServicePrincipalError);
    expect((error as Error).message).toBe(
      "2 enterprise apps are named 'Sentry':\n" +
        `  - 'Sentry' appId ${SENTRY_APP_ID} (object id ${SENTRY_SP_ID})\n` +
        "  - 'Sentry' appId a1a1a1a1-0000-4000-8000-000000000099 (object id 5e5e5e5e-0000-4000-8000-000000000099)\n" +
        'Pass --app-id with the appId of the one to audit.'
    );
  });

  it('no app with the name is a clear error', async () => {
    const graphFake = await start(standardSeed());
    const { graph } = connect(graphFake);
    const error = await readEntraSide(graph, { displayName: "Sentry's test" }, { now: NOW }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ServicePrincipalNotFoundError);
    expect((error as Error).message).toBe(
      "No enterprise app (service principal) named 'Sentry's test' exists in this tenant. Check the name in Entra > Enterprise applications, or pass --app-id."
    );
  });

  it('empty tenant yields no assignments', async () => {
    const seed = standardSeed();
    const sp = seed.servicePrincipals[0]!;
    sp.xAssignments = [];
    sp.xSynchronizationJobs = [];
    seed.provisioningLogs = [];
    const graphFake = await start(seed);
    const { graph } = connect(graphFake);
    const result = await readEntraSide(graph, { appId: SENTRY_APP_ID }, { now: NOW });

    expect(result.side.assignments).toEqual([]);
    expect(result.side.users).toEqual([]);
    expect(result.side.groups).toEqual([]);
    expect(result.side.memberships).toEqual([]);
    expect(result.side.deletedUserIds).toEqual([]);
    expect(result.side.provisioningJob).toBeNull();
    expect(result.side.provisioningSchema).toBeNull();
    expect(result.side.provisioningLogs).toEqual([]);
    expect(graphFake.requests.filter((request) => request.method === 'POST' && request.server === 'graph')).toEqual([]);
  });

  it('missing User.Read.All is fatal and names it', async () => {
    const graphFake = await start(standardSeed(ALL_PERMISSIONS.filter((permission) => permission !== 'User.Read.All' && permission !== 'Directory.Read.All')));
    const { graph } = connect(graphFake);
    const error = await readEntraSide(graph, { appId: SENTRY_APP_ID }, { now: NOW }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(GraphPermissionError);
    expect((error as GraphPermissionError).permission).toBe('User.Read.All');
    expect((error as Error).message).toContain('Grant the Roster app registration the Microsoft Graph permission User.Read.All');
  });

  it('missing AuditLog.Read.All is recorded as unavailable', async () => {
    const graphFake = await start(standardSeed(ALL_PERMISSIONS.filter((permission) => permission !== 'AuditLog.Read.All')));
    const { graph } = connect(graphFake);
    const result = await readEntraSide(graph, { appId: SENTRY_APP_ID }, { now: NOW });

    expect(result.side.provisioningLogs).toBeNull();
    expect(result.unavailable).toEqual([{ source: 'graph.provisioningLogs', reason: 'not available: missing permission AuditLog.Read.All', missingPermission: 'AuditLog.Read.All' }]);
    expect(result.side.users.map((user) => user.id)).toEqual([uid(1), uid(2), uid(3), uid(5)]);
    expect(result.side.provisioningJob?.id).toBe(JOB_ID);
  });

  it('missing Synchronization.Read.All leaves the job unavailable', async () => {
    const graphFake = await start(standardSeed(ALL_PERMISSIONS.filter((permission) => permission !== 'Synchronization.Read.All')));
    const { graph } = connect(graphFake);
    const result = await readEntraSide(graph, { appId: SENTRY_APP_ID }, { now: NOW });

    expect(result.side.provisioningJob).toBeNull();
    expect(result.side.provisioningSchema).toBeNull();
    expect(result.unavailable).toEqual([
      { source: 'graph.provisioningJob', reason: 'not available: missing permission Synchronization.Read.All', missingPermission: 'Synchronization.Read.All' }
    ]);
  });

  it('missing Application.Read.All is fatal', async () => {
    const graphFake = await start(standardSeed(ALL_PERMISSIONS.filter((permission) => permission !== 'Application.Read.All' && permission !== 'Directory.Read.All')));
    const { graph } = connect(graphFake);
    const error = await readEntraSide(graph, { appId: SENTRY_APP_ID }, { now: NOW }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(GraphPermissionError);
    expect((error as Error).message).toBe(
      'Graph denied reading the enterprise apps (403 Authorization_RequestDenied). Grant the Roster app registration the Microsoft Graph permission Application.Read.All ' +
        '(application permission with admin consent, or delegated for device code sign-in) and capture again.'
    );
  });

  it('missing GroupMember.Read.All is fatal', async () => {
    const graphFake = await start(standardSeed(ALL_PERMISSIONS.filter((permission) => permission !== 'GroupMember.Read.All' && permission !== 'Directory.Read.All')));
    const { graph } = connect(graphFake);
    const error = await readEntraSide(graph, { appId: SENTRY_APP_ID }, { now: NOW }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(GraphPermissionError);
    expect((error as GraphPermissionError).permission).toBe('GroupMember.Read.All');
  });

  it('user attributes are kept for group members', async () => {
    const seed = standardSeed();
    seed.users.push(seedUser(7, 'gina', { proxyAddresses: ['SMTP:gina@contoso.example', 'smtp:g@contoso.example'], employeeId: null }));
    seed.groups[0]!.xMembers.push(uid(7));
    const graphFake = await start(seed);
    const { graph } = connect(graphFake);
    const result = await readEntraSide(graph, { appId: SENTRY_APP_ID }, { now: NOW });

    expect(result.side.users.find((user) => user.id === uid(7))).toEqual({
      id: uid(7),
      userPrincipalName: 'gina@contoso.example',
      mail: 'gina@contoso.example',
      proxyAddresses: ['SMTP:gina@contoso.example', 'smtp:g@contoso.example'],
      otherMails: [],
      givenName: 'gina',
      surname: 'Tester',
      displayName: 'gina Tester',
      accountEnabled: true,
      employeeId: null,
      userType: 'Member',
      onPremisesImmutableId: null
    });
  });

  it('deleted assigned group becomes a warning', async () => {
    const graphFake = await start(standardSeed());
    graphFake.state.seed.groups = graphFake.state.seed.groups.filter((group) => group.id !== gid(1));
    graphFake.state.reindex();
    const { graph } = connect(graphFake);
    const result = await readEntraSide(graph, { appId: SENTRY_APP_ID }, { now: NOW });

    expect(result.warnings).toEqual([
      `Assigned group ${gid(1)} no longer exists in Entra (Graph returned 404); its assignment is kept and it has no members.`
    ]);
    expect(result.side.groups).toEqual([]);
    expect(result.side.memberships).toEqual([]);
    expect(result.side.assignments.map((a) => a.id)).toEqual(['assign-alice', 'assign-dave', 'assign-eng']);
    expect(result.side.users.map((user) => user.id)).toEqual([uid(1)]);
    expect(result.assignedGroupCount).toBe(0);
  });
});
