/** Small builders for hand-made snapshots: each fills the fields a test does not care about. */
import type { AuditResult } from '../../src-main/model/audit-result';
import type { AttributeDifference } from '../../src-main/model/finding';
import {
  DEFAULT_ACCESS_ROLE_ID,
  type EntraAppRole,
  type EntraAppRoleAssignment,
  type EntraGroup,
  type EntraGroupMember,
  type EntraUser,
  type ProvisioningJob,
  type ProvisioningLogEntry,
  type ScimGroup,
  type ScimUser,
  type Snapshot,
  type SnapshotData,
  type SnapshotId
} from '../../src-main/model/snapshot';

export const SP_ID = 'sp-sentry';

export function entraUser(id: string, upn: string | null, extra: Partial<EntraUser> = {}): EntraUser {
  return {
    id,
    userPrincipalName: upn,
    mail: upn,
    proxyAddresses: [],
    otherMails: [],
    givenName: null,
    surname: null,
    displayName: upn ? upn.split('@')[0] ?? null : null,
    accountEnabled: true,
    employeeId: null,
    userType: 'Member',
    onPremisesImmutableId: null,
    ...extra
  };
}

export function entraGroup(id: string, displayName: string): EntraGroup {
  return { id, displayName, securityEnabled: true, mailEnabled: false, groupTypes: [] };
}

export function assignUser(userId: string, appRoleId: string = DEFAULT_ACCESS_ROLE_ID): EntraAppRoleAssignment {
  return { id: `as-${userId}`, appRoleId, principalId: userId, principalType: 'User', principalDisplayName: userId, createdDateTime: null };
}

export function assignGroup(groupId: string, appRoleId: string = DEFAULT_ACCESS_ROLE_ID): EntraAppRoleAssignment {
  return { id: `as-${groupId}`, appRoleId, principalId: groupId, principalType: 'Group', principalDisplayName: groupId, createdDateTime: null };
}

export function direct(groupId: string, memberId: string, memberType: EntraGroupMember['memberType'] = 'user'): EntraGroupMember {
  return { groupId, memberId, memberType, relation: 'direct' };
}

export function nested(groupId: string, memberId: string): EntraGroupMember {
  return { groupId, memberId, memberType: 'user', relation: 'nested' };
}

export function scimUser(id: string, userName: string, extra: Partial<ScimUser> = {}): ScimUser {
  return { id, userName, emails: [{ value: userName, primary: true, type: 'work' }], active: null, sentryOrgRole: 'member', givenName: 'N/A', familyName: 'N/A', ...extra };
}

export function team(id: string, displayName: string, memberIds: string[] = [], extra: Partial<ScimGroup> = {}): ScimGroup {
  return { id, displayName, members: memberIds.map((value) => ({ value, display: null })), membersTruncated: false, ...extra };
}

export function appRole(id: string, value: string | null, displayName: string | null = value): EntraAppRole {
  return { id, displayName, value, isEnabled: true, allowedMemberTypes: ['User'] };
}

export function job(extra: Partial<ProvisioningJob> = {}): ProvisioningJob {
  return {
    id: 'sentry.job',
    templateId: 'sentry',
    scheduleState: 'Active',
    statusCode: 'Active',
    quarantine: null,
    lastExecution: null,
    steadyStateLastAchievedTime: null,
    syncAll: false,
    ...extra
  };
}

export function logEntry(id: string, sourceId: string | null, targetId: string | null, extra: Partial<ProvisioningLogEntry> = {}): ProvisioningLogEntry {
  return {
    id,
    activityDateTime: '2026-12-01T10:00:00Z',
    provisioningAction: 'create',
    status: 'success',
    errorCode: null,
    errorReason: null,
    sourceId,
    sourceDisplayName: null,
    targetId,
    targetDisplayName: null,
    identityType: 'User',
    ...extra
  };
}

export interface SnapshotParts {
  users?: EntraUser[];
  deletedUserIds?: string[];
  groups?: EntraGroup[];
  assignments?: EntraAppRoleAssignment[];
  memberships?: EntraGroupMember[];
  appRoles?: EntraAppRole[];
  provisioningJob?: ProvisioningJob | null;
  provisioningSchema?: unknown;
  provisioningLogs?: ProvisioningLogEntry[] | null;
  members?: ScimUser[];
  teams?: ScimGroup[];
}

export function snapshotData(parts: SnapshotParts): SnapshotData {
  return {
    entra: {
      tenantId: 'tenant-1',
      servicePrincipal: { id: SP_ID, appId: 'app-sentry', displayName: 'Sentry', appRoleAssignmentRequired: true, appRoles: parts.appRoles ?? [] },
      assignments: parts.assignments ?? [],
      users: parts.users ?? [],
      deletedUserIds: parts.deletedUserIds ?? [],
      groups: parts.groups ?? [],
      memberships: parts.memberships ?? [],
      provisioningJob: parts.provisioningJob ?? null,
      provisioningSchema: parts.provisioningSchema ?? null,
      provisioningLogs: parts.provisioningLogs ?? null
    },
    sentry: { baseUrl: 'https://sentry.io/api/0/organizations/acme/scim/v2', orgSlug: 'acme', users: parts.members ?? [], groups: parts.teams ?? [] }
  };
}

export function snapshot(parts: SnapshotParts, id = '20261201-100000-aaaaaa'): Snapshot {
  return {
    meta: {
      id: id as SnapshotId,
      createdAt: '2026-12-01T10:00:00Z',
      origin: 'demo',
      toolVersion: 'test',
      capturedBy: 'tester',
      tenantId: 'tenant-1',
      appId: 'app-sentry',
      servicePrincipalId: SP_ID,
      appDisplayName: 'Sentry',
      sentryOrg: 'acme',
      sentryBaseUrl: 'https://sentry.io/api/0/organizations/acme/scim/v2',
      population: 'test',
      sources: [],
      warnings: [],
      unavailable: [],
      contentSha256: '0'.repeat(64)
    },
    data: snapshotData(parts)
  };
}

interface MappingOptions {
  userSource?: { name: string; expression: string; type?: string };
  scope?: unknown;
  groupsEnabled?: boolean;
  mapRole?: boolean;
  userFlowTypes?: string;
}

/** Builds a synchronizationSchema in Graph's shape with one user and one group object mapping. */
export function schema(options: MappingOptions = {}): unknown {
  const source = options.userSource ?? { name: 'userPrincipalName', expression: '[userPrincipalName]' };
  const userMappings: unknown[] = [
    { targetAttributeName: 'userName', matchingPriority: 1, source: { type: source.type ?? 'Attribute', name: source.name, expression: source.expression, parameters: [] } },
    { targetAttributeName: 'active', matchingPriority: 0, source: { type: 'Function', name: 'Switch', expression: 'Switch([IsSoftDeleted], , "False", "True", "True", "False")', parameters: [] } }
  ];
  if (options.mapRole) userMappings.push({ targetAttributeName: 'sentryOrgRole', matchingPriority: 0, source: { type: 'Function', name: 'SingleAppRoleAssignment', expression: 'SingleAppRoleAssignment([appRoleAssignments])', parameters: [] } });
  return {
    id: 'sentry',
    synchronizationRules: [
      {
        id: 'rule-1',
        objectMappings: [
          { name: 'Users', enabled: true, flowTypes: options.userFlowTypes ?? 'Add, Update, Delete', sourceObjectName: 'User', targetObjectName: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', scope: options.scope ?? null, attributeMappings: userMappings },
          {
            name: 'Groups',
            enabled: options.groupsEnabled ?? true,
            flowTypes: 'Add, Update, Delete',
            sourceObjectName: 'Group',
            targetObjectName: 'urn:ietf:params:scim:schemas:core:2.0:Group',
            scope: null,
            attributeMappings: [
              { targetAttributeName: 'displayName', matchingPriority: 1, source: { type: 'Attribute', name: 'displayName', expression: '[displayName]', parameters: [] } },
              { targetAttributeName: 'members', matchingPriority: 0, source: { type: 'Attribute', name: 'members', expression: '[members]', parameters: [] } }
            ]
          }
        ]
      }
    ]
  };
}

/** Summarizes each finding by the parts a scenario pins down, sorted by kind and object ids so the order reads naturally. */
export function summary(result: AuditResult): Array<{ kind: string; severity: string; entra: string[]; sentry: string[]; attribute: AttributeDifference | null }> {
  const rows = result.findings.map((finding) => ({
    kind: finding.kind,
    severity: finding.severity,
    entra: finding.entra.map((ref) => ref.id),
    sentry: finding.sentry.map((ref) => ref.id),
    attribute: finding.attribute
  }));
  const key = (row: (typeof rows)[number]): string => `${row.kind}|${row.entra.join(',')}|${row.sentry.join(',')}`;
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
