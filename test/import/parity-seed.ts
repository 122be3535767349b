import { readFileSync } from 'node:fs';
import type { Seed, SeedGraphUser } from '../fakes/seed';

/**
 * The tenant and Sentry org the hand-written samples describe, as a seed for the fake servers, so a
 * live capture of the same people can be compared with an import of the samples.
 */
export const TENANT_ID = '3c9f1a52-6d0e-4b7a-9e21-5f8d2c4b7a10';
export const SP_ID = '5e0b7c1d-2a3f-4e5d-8c6b-1a2b3c4d5e01';
export const APP_ID = '8f1e2d3c-4b5a-4697-a8b9-0c1d2e3f4a02';
export const CLIENT_ID = 'c1c1c1c1-2222-4000-8000-00000000bbbb';
export const CLIENT_SECRET = 'parity-secret-value';
export const SCIM_TOKEN = 'parity-scim-token';
export const USER_ROLE_ID = '18d14569-c3bd-439b-9a66-3a2aee01d14f';
export const JOB_ID = 'sentry.3c9f1a526d0e4b7a9e215f8d2c4b7a10.1b2c3d4e-0000-4000-8000-000000000040';
export const SAMPLES = new URL('./samples/', import.meta.url);

export function userId(n: number): string {
  return `0a1d0000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export function groupId(n: number): string {
  return `96e0a000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

function person(n: number, given: string, surname: string, extra: Partial<SeedGraphUser> = {}): SeedGraphUser {
  const upn = `${given}.${surname}@contoso.example`.toLowerCase();
  return {
    id: userId(n),
    userPrincipalName: upn,
    mail: upn,
    proxyAddresses: [`SMTP:${upn}`],
    otherMails: [],
    givenName: given,
    surname,
    displayName: `${given} ${surname}`,
    accountEnabled: true,
    employeeId: `E100${n}`,
    userType: 'Member',
    onPremisesImmutableId: null,
    ...extra
  };
}

function sample(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(path, SAMPLES), 'utf8')) as Record<string, unknown>;
}

/** Ada, Dora (deleted) and Fay assigned directly; Engineering (Ben, Chen, nested SRE with Emil and Ben) assigned as a group. */
export function paritySeed(): Seed {
  const schema = sample('graph/provisioning-schema.json');
  delete schema['@odata.context'];
  const logs = (sample('graph/provisioning-logs.json').value as Array<Record<string, unknown>>).map((entry) => ({ ...entry }));

  return {
    graph: {
      tenantId: TENANT_ID,
      clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, permissions: ['Application.Read.All', 'User.Read.All', 'GroupMember.Read.All', 'Synchronization.Read.All', 'AuditLog.Read.All', 'Directory.Read.All'] }],
      users: [
        person(1, 'Ada', 'Lovelace', { proxyAddresses: ['SMTP:ada.lovelace@contoso.example', 'smtp:ada@contoso.example'] }),
        person(2, 'Ben', 'Okafor'),
        person(3, 'Chen', 'Wu', { accountEnabled: false, otherMails: ['chen@home.example'] }),
        person(4, 'Dora', 'Deleted', { xDeleted: true }),
        person(5, 'Emil', 'Nested'),
        person(6, 'Fay', 'Missing')
      ],
      groups: [
        { id: groupId(1), displayName: 'Engineering', securityEnabled: true, mailEnabled: false, groupTypes: [], xMembers: [userId(2), userId(3), groupId(2)] },
        { id: groupId(2), displayName: 'SRE', securityEnabled: true, mailEnabled: false, groupTypes: [], xMembers: [userId(5), userId(2)] }
      ],
      servicePrincipals: [
        {
          id: SP_ID,
          appId: APP_ID,
          displayName: 'Sentry',
          appRoleAssignmentRequired: true,
          appRoles: [{ id: USER_ROLE_ID, displayName: 'User', value: null, allowedMemberTypes: ['User'], description: 'User' }],
          xAssignments: [
            { id: 'UqC8ZbR1xkGmJd3Vt0aa0001', principalId: userId(1), principalType: 'User', appRoleId: USER_ROLE_ID, principalDisplayName: 'Ada Lovelace', createdDateTime: '2024-05-02T09:14:11.1234567Z' },
            { id: 'UqC8ZbR1xkGmJd3Vt0aa0004', principalId: userId(4), principalType: 'User', appRoleId: USER_ROLE_ID, principalDisplayName: 'Dora Deleted', createdDateTime: '2024-05-03T10:00:00Z' },
            { id: 'UqC8ZbR1xkGmJd3Vt0aa0006', principalId: userId(6), principalType: 'User', appRoleId: USER_ROLE_ID, principalDisplayName: 'Fay Missing', createdDateTime: '2024-07-01T08:30:00Z' },
            { id: 'UqC8ZbR1xkGmJd3Vt0aa0g01', principalId: groupId(1), principalType: 'Group', appRoleId: '00000000-0000-0000-0000-000000000000', principalDisplayName: 'Engineering', createdDateTime: '2024-06-10T15:00:00Z' }
          ],
          xSynchronizationJobs: [
            {
              id: JOB_ID,
              templateId: 'sentry',
              schedule: { expiration: null, interval: 'PT40M', state: 'Active' },
              status: {
                code: 'Active',
                lastExecution: { state: 'Succeeded', timeBegan: '2025-01-07T10:00:00Z', timeEnded: '2025-01-07T10:02:10Z', error: null },
                quarantine: null,
                steadyStateLastAchievedTime: '2025-01-07T09:20:00Z'
              },
              xSchema: schema
            }
          ],
          xSyncAll: false
        }
      ],
      provisioningLogs: logs
    },
    scim: {
      orgSlug: 'contoso',
      provider: 'active-directory',
      token: SCIM_TOKEN,
      users: [
        { id: '101', userName: 'ada.lovelace@contoso.example', sentryOrgRole: 'owner' },
        { id: '102', userName: 'Ben.Okafor@contoso.example', sentryOrgRole: 'member' },
        { id: '103', userName: 'chen.wu@contoso.example', sentryOrgRole: 'member' },
        { id: '104', userName: 'zoe.orphan@fabrikam.example', sentryOrgRole: 'admin' }
      ],
      groups: [
        { id: '301', displayName: 'Engineering', xMembers: ['102', '103'] },
        { id: '302', displayName: 'Legacy Team', xMembers: ['104'] }
      ]
    }
  };
}
