import { z } from 'zod';
import type { SnapshotData, SnapshotMeta } from '../model/snapshot';
import { StoreError } from './errors';

// Runtime checks for what writeSnapshot receives. The capture and the importer are typed, but a value
// that slips through (undefined in a required field, a duplicate id) would otherwise surface as a
// bare SQLite constraint error, or as a snapshot whose hash cannot be reproduced.

const nullableString = z.string().nullable();
const nullableBoolean = z.boolean().nullable();
const utcTimestamp = z.iso.datetime({ offset: false, message: 'expected an ISO 8601 UTC timestamp ending in Z' });

const appRole = z.object({ id: z.string(), displayName: nullableString, value: nullableString, isEnabled: z.boolean(), allowedMemberTypes: z.array(z.string()) });

const entraSide = z.object({
  tenantId: z.string().min(1),
  servicePrincipal: z.object({ id: z.string(), appId: z.string(), displayName: z.string(), appRoleAssignmentRequired: nullableBoolean, appRoles: z.array(appRole) }),
  assignments: z.array(
    z.object({
      id: z.string(),
      appRoleId: z.string(),
      principalId: z.string(),
      principalType: z.enum(['User', 'Group', 'ServicePrincipal']),
      principalDisplayName: nullableString,
      createdDateTime: nullableString
    })
  ),
  users: z.array(
    z.object({
      id: z.string(),
      userPrincipalName: nullableString,
      mail: nullableString,
      proxyAddresses: z.array(z.string()),
      otherMails: z.array(z.string()),
      givenName: nullableString,
      surname: nullableString,
      displayName: nullableString,
      accountEnabled: nullableBoolean,
      employeeId: nullableString,
      userType: nullableString,
      onPremisesImmutableId: nullableString
    })
  ),
  deletedUserIds: z.array(z.string()),
  groups: z.array(z.object({ id: z.string(), displayName: nullableString, securityEnabled: nullableBoolean, mailEnabled: nullableBoolean, groupTypes: z.array(z.string()) })),
  memberships: z.array(z.object({ groupId: z.string(), memberId: z.string(), memberType: z.enum(['user', 'group', 'other']), relation: z.enum(['direct', 'nested']) })),
  provisioningJob: z
    .object({
      id: z.string(),
      templateId: nullableString,
      scheduleState: nullableString,
      statusCode: nullableString,
      quarantine: z.object({ reason: nullableString, currentBegan: nullableString, seriesBegan: nullableString, errorCode: nullableString, errorMessage: nullableString }).nullable(),
      lastExecution: z.object({ state: nullableString, timeBegan: nullableString, timeEnded: nullableString, error: nullableString }).nullable(),
      steadyStateLastAchievedTime: nullableString,
      syncAll: nullableBoolean
    })
    .nullable(),
  provisioningSchema: z.unknown(),
  provisioningLogs: z
    .array(
      z.object({
        id: z.string(),
        activityDateTime: z.string(),
        provisioningAction: z.string(),
        status: z.string(),
        errorCode: nullableString,
        errorReason: nullableString,
        sourceId: nullableString,
        sourceDisplayName: nullableString,
        targetId: nullableString,
        targetDisplayName: nullableString,
        identityType: nullableString
      })
    )
    .nullable()
});

const sentrySide = z.object({
  baseUrl: z.string().min(1),
  orgSlug: z.string().min(1),
  users: z.array(
    z.object({
      id: z.string(),
      userName: z.string(),
      emails: z.array(z.object({ value: z.string(), primary: z.boolean(), type: nullableString })),
      active: nullableBoolean,
      sentryOrgRole: nullableString,
      givenName: nullableString,
      familyName: nullableString
    })
  ),
  groups: z.array(z.object({ id: z.string(), displayName: z.string(), members: z.array(z.object({ value: z.string(), display: nullableString })), membersTruncated: z.boolean() }))
});

const snapshotData = z.object({ entra: entraSide, sentry: sentrySide });

const sourceName = z.enum([
  'graph.servicePrincipal',
  'graph.assignments',
  'graph.users',
  'graph.groups',
  'graph.memberships',
  'graph.provisioningJob',
  'graph.provisioningSchema',
  'graph.provisioningLogs',
  'scim.users',
  'scim.groups'
]);

const count = z.number().int().nonnegative();

const metaInput = z.object({
  createdAt: utcTimestamp,
  origin: z.enum(['live', 'import', 'demo']),
  toolVersion: z.string().min(1),
  capturedBy: z.string(),
  tenantId: z.string().min(1),
  appId: z.string(),
  servicePrincipalId: z.string(),
  appDisplayName: z.string(),
  sentryOrg: z.string(),
  sentryBaseUrl: z.string(),
  population: z.string(),
  sources: z.array(z.object({ source: sourceName, startedAt: utcTimestamp, endedAt: utcTimestamp, rowsReceived: count, apiTotal: count.nullable(), pages: count, retries: count })),
  warnings: z.array(z.string()),
  unavailable: z.array(z.object({ source: sourceName, reason: z.string(), missingPermission: nullableString }))
});

export type SnapshotMetaInput = Omit<SnapshotMeta, 'id' | 'contentSha256'>;

/** Checks the shape of snapshot content before it is written, and that every id the tables key on appears once. */
export function validateSnapshotData(data: SnapshotData): void {
  const result = snapshotData.safeParse(data);
  if (!result.success) throw invalid('snapshot data', result.error);

  const { entra, sentry } = data;
  assertUnique(entra.servicePrincipal.appRoles, (role) => role.id, 'entra.servicePrincipal.appRoles', 'app role id');
  assertUnique(entra.assignments, (assignment) => assignment.id, 'entra.assignments', 'assignment id');
  assertUnique(entra.users, (user) => user.id, 'entra.users', 'user id');
  assertUnique(entra.deletedUserIds, (id) => id, 'entra.deletedUserIds', 'user id');
  assertUnique(entra.groups, (group) => group.id, 'entra.groups', 'group id');
  assertUnique(entra.memberships, (edge) => `${edge.groupId} ${edge.memberId} ${edge.relation}`, 'entra.memberships', 'group, member and relation');
  assertUnique(entra.provisioningLogs ?? [], (entry) => entry.id, 'entra.provisioningLogs', 'log entry id');
  assertUnique(sentry.users, (user) => user.id, 'sentry.users', 'SCIM user id');
  assertUnique(sentry.groups, (group) => group.id, 'sentry.groups', 'SCIM group id');
}

/** Checks the metadata the caller supplies for a new snapshot. */
export function validateMetaInput(meta: SnapshotMetaInput): void {
  const result = metaInput.safeParse(meta);
  if (!result.success) throw invalid('snapshot metadata', result.error);
}

function invalid(what: string, error: z.ZodError): StoreError {
  const shown = error.issues.slice(0, 5).map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  const more = error.issues.length > shown.length ? ` (and ${error.issues.length - shown.length} more)` : '';
  return new StoreError('invalid-input', `Invalid ${what}, so nothing was written: ${shown.join('; ')}${more}. Fix the capture or import that produced it.`);
}

function assertUnique<T>(items: readonly T[], key: (item: T) => string, where: string, label: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    const value = key(item);
    if (seen.has(value)) {
      throw new StoreError('invalid-input', `Invalid snapshot data, so nothing was written: ${where} contains the ${label} '${value}' twice. Each must appear once, so remove the duplicate in the capture or import.`);
    }
    seen.add(value);
  }
}
