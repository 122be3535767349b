import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SnapshotData } from '../../src-main/model/snapshot';
import type { WriteSnapshotInput } from '../../src-main/store';

/** Creates a fresh temporary folder for one test and returns it with a cleanup function. */
export async function makeTempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'roster-store-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Snapshot content that uses every field: nulls, empty and non-empty lists, unicode and a raw schema. */
export function sampleData(): SnapshotData {
  return {
    entra: {
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      servicePrincipal: {
        id: 'sp-1',
        appId: 'app-1',
        displayName: 'Sentry',
        appRoleAssignmentRequired: true,
        appRoles: [
          { id: 'role-admin', displayName: 'Admin', value: 'admin', isEnabled: true, allowedMemberTypes: ['User', 'Group'] },
          { id: 'role-msiam', displayName: null, value: null, isEnabled: false, allowedMemberTypes: [] }
        ]
      },
      assignments: [
        { id: 'as-2', appRoleId: '00000000-0000-0000-0000-000000000000', principalId: 'g-1', principalType: 'Group', principalDisplayName: 'Ingénierie', createdDateTime: '2026-01-02T03:04:05Z' },
        { id: 'as-1', appRoleId: 'role-admin', principalId: 'u-1', principalType: 'User', principalDisplayName: null, createdDateTime: null }
      ],
      users: [
        {
          id: 'u-2',
          userPrincipalName: 'zoë@contoso.example',
          mail: 'zoe@contoso.example',
          proxyAddresses: ['SMTP:zoe@contoso.example', 'smtp:zoë@contoso.example'],
          otherMails: ['zoe.private@example.org'],
          givenName: 'Zoë',
          surname: '山田',
          displayName: 'Zoë 山田 🚀',
          accountEnabled: false,
          employeeId: 'E-002',
          userType: 'Guest',
          onPremisesImmutableId: 'aGVsbG8='
        },
        {
          id: 'u-1',
          userPrincipalName: null,
          mail: null,
          proxyAddresses: [],
          otherMails: [],
          givenName: null,
          surname: null,
          displayName: null,
          accountEnabled: null,
          employeeId: null,
          userType: null,
          onPremisesImmutableId: null
        }
      ],
      deletedUserIds: ['u-gone-2', 'u-gone-1'],
      groups: [
        { id: 'g-1', displayName: 'Ingénierie', securityEnabled: true, mailEnabled: false, groupTypes: ['Unified', 'DynamicMembership'] },
        { id: 'g-2', displayName: null, securityEnabled: null, mailEnabled: null, groupTypes: [] }
      ],
      memberships: [
        { groupId: 'g-1', memberId: 'u-2', memberType: 'user', relation: 'direct' },
        { groupId: 'g-1', memberId: 'g-2', memberType: 'group', relation: 'direct' },
        { groupId: 'g-1', memberId: 'u-1', memberType: 'user', relation: 'nested' },
        { groupId: 'g-2', memberId: 'sp-device', memberType: 'other', relation: 'direct' }
      ],
      provisioningJob: {
        id: 'scim.0123',
        templateId: 'scim',
        scheduleState: 'Active',
        statusCode: 'Quarantine',
        quarantine: { reason: 'EncounteredQuarantineException', currentBegan: '2026-01-01T00:00:00Z', seriesBegan: null, errorCode: 'SCIM401', errorMessage: 'Unauthorized — token expired' },
        lastExecution: { state: 'Failed', timeBegan: '2026-01-01T00:00:00Z', timeEnded: null, error: null },
        steadyStateLastAchievedTime: null,
        syncAll: false
      },
      provisioningSchema: {
        directories: [{ name: 'Azure Active Directory', objects: [{ name: 'User', attributes: [{ name: 'mail', type: 'String', multivalued: false }] }] }],
        synchronizationRules: [{ name: 'USER_INBOUND_USER', objectMappings: [{ enabled: true, scope: null, flowTypes: 'Add, Update', priority: 1.5 }] }],
        version: 'Date:2026-01-01~Ünicode'
      },
      provisioningLogs: [
        {
          id: 'log-1',
          activityDateTime: '2026-01-03T10:00:00Z',
          provisioningAction: 'create',
          status: 'failure',
          errorCode: 'SentryConflict',
          errorReason: 'User already exists «zoe»',
          sourceId: 'u-2',
          sourceDisplayName: 'Zoë 山田',
          targetId: null,
          targetDisplayName: null,
          identityType: 'User'
        }
      ]
    },
    sentry: {
      baseUrl: 'https://sentry.io/api/0/organizations/acme/scim/v2',
      orgSlug: 'acme',
      users: [
        {
          id: '101',
          userName: 'zoe@contoso.example',
          emails: [
            { value: 'zoe@contoso.example', primary: true, type: 'work' },
            { value: 'zoë@contoso.example', primary: false, type: null }
          ],
          active: null,
          sentryOrgRole: 'member',
          givenName: 'Zoë',
          familyName: '山田'
        },
        { id: '100', userName: 'ops@contoso.example', emails: [], active: true, sentryOrgRole: null, givenName: null, familyName: null }
      ],
      groups: [
        { id: '7', displayName: 'ingenierie', members: [{ value: '101', display: 'zoe@contoso.example' }, { value: '100', display: null }], membersTruncated: false },
        { id: '8', displayName: 'empty-team', members: [], membersTruncated: true }
      ]
    }
  };
}

export function sampleMeta(createdAt = '2026-01-03T12:00:00.000Z'): WriteSnapshotInput['meta'] {
  return {
    createdAt,
    origin: 'live',
    toolVersion: '0.1.0',
    capturedBy: 'auditor',
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    appId: 'app-1',
    servicePrincipalId: 'sp-1',
    appDisplayName: 'Sentry',
    sentryOrg: 'acme',
    sentryBaseUrl: 'https://sentry.io/api/0/organizations/acme/scim/v2',
    population: 'Users and groups assigned to the app, with direct group members',
    sources: [
      { source: 'graph.users', startedAt: '2026-01-03T11:59:00.000Z', endedAt: '2026-01-03T11:59:30.000Z', rowsReceived: 2, apiTotal: null, pages: 1, retries: 0 },
      { source: 'scim.users', startedAt: '2026-01-03T11:59:31.000Z', endedAt: '2026-01-03T11:59:40.000Z', rowsReceived: 2, apiTotal: 2, pages: 1, retries: 1 }
    ],
    warnings: ['Sentry returned 2 of 3 announced users — retried once'],
    unavailable: [
      { source: 'graph.provisioningLogs', reason: 'Forbidden (403)', missingPermission: 'AuditLog.Read.All' },
      { source: 'graph.provisioningSchema', reason: 'Not found', missingPermission: null }
    ]
  };
}
