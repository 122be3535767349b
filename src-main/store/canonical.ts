import { createHash } from 'node:crypto';
import type {
  EntraAppRole,
  EntraAppRoleAssignment,
  EntraGroup,
  EntraGroupMember,
  EntraUser,
  ProvisioningJob,
  ProvisioningLogEntry,
  ScimGroup,
  ScimUser,
  SnapshotData,
  SnapshotMeta
} from '../model/snapshot';

/**
 * Serializes `value` as JSON with object keys sorted by UTF-16 code unit and no whitespace, so equal
 * content always gives equal text. Like JSON.stringify it calls toJSON where present, drops object
 * properties whose value is undefined and writes undefined array items as null. It throws on values JSON cannot represent
 * faithfully (NaN, Infinity, bigint, functions, symbols).
 */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  writeCanonical(value, parts, '$');
  return parts.join('');
}

function writeCanonical(value: unknown, parts: string[], path: string): void {
  if (value === null || value === undefined) {
    parts.push('null');
    return;
  }

  switch (typeof value) {
    case 'string':
    case 'boolean':
      parts.push(JSON.stringify(value));
      return;
    case 'number':
      if (!Number.isFinite(value)) {
        throw new TypeError(`Cannot write ${String(value)} at ${path} as canonical JSON: JSON has no form for it. Store it as null or a string.`);
      }
      parts.push(JSON.stringify(value));
      return;
    case 'object':
      break;
    default:
      throw new TypeError(`Cannot write a ${typeof value} at ${path} as canonical JSON. Only strings, numbers, booleans, null, arrays and plain objects are allowed.`);
  }

  // Honor toJSON (e.g. Date) as JSON.stringify does, so JSON text stored elsewhere hashes the same.
  const withToJson = value as { toJSON?: unknown };
  if (typeof withToJson.toJSON === 'function') {
    writeCanonical((withToJson.toJSON as () => unknown).call(value), parts, path);
    return;
  }

  if (Array.isArray(value)) {
    parts.push('[');
    value.forEach((item, index) => {
      if (index > 0) parts.push(',');
      writeCanonical(item, parts, `${path}[${index}]`);
    });
    parts.push(']');
    return;
  }

  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort(compareCodeUnits);
  parts.push('{');
  keys.forEach((key, index) => {
    if (index > 0) parts.push(',');
    parts.push(JSON.stringify(key), ':');
    writeCanonical(record[key], parts, `${path}.${key}`);
  });
  parts.push('}');
}

/** Orders strings by UTF-16 code unit, independent of the machine's locale. */
export function compareCodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/**
 * Returns a copy of `items` sorted by `key`. Items with equal keys are ordered by their canonical JSON,
 * so the result never depends on the input order.
 */
function sortByKey<T>(items: readonly T[], key: (item: T) => string[]): T[] {
  const keyed = items.map((item) => ({ item, key: key(item), json: '' }));
  keyed.sort((a, b) => {
    for (let i = 0; i < Math.max(a.key.length, b.key.length); i += 1) {
      const order = compareCodeUnits(a.key[i] ?? '', b.key[i] ?? '');
      if (order !== 0) return order;
    }
    if (a.json === '') a.json = canonicalJson(a.item);
    if (b.json === '') b.json = canonicalJson(b.item);
    return compareCodeUnits(a.json, b.json);
  });
  return keyed.map((entry) => entry.item);
}

function sortStrings(values: readonly string[]): string[] {
  return [...values].sort(compareCodeUnits);
}

/**
 * Returns the form of `data` that the content hash covers: only the fields of the model types, absent
 * optional values as null, and every array sorted by a stable key (ids, composite keys for edges,
 * the value for string lists). The raw provisioning schema is kept as Graph returned it, because the
 * order of its arrays is Graph's own.
 */
export function canonicalSnapshotData(data: SnapshotData): SnapshotData {
  const { entra, sentry } = data;
  const principal = entra.servicePrincipal;

  return {
    entra: {
      tenantId: entra.tenantId,
      servicePrincipal: {
        id: principal.id,
        appId: principal.appId,
        displayName: principal.displayName,
        appRoleAssignmentRequired: principal.appRoleAssignmentRequired ?? null,
        appRoles: sortByKey(principal.appRoles.map(canonicalAppRole), (role) => [role.id])
      },
      assignments: sortByKey(entra.assignments.map(canonicalAssignment), (assignment) => [assignment.id]),
      users: sortByKey(entra.users.map(canonicalEntraUser), (user) => [user.id]),
      deletedUserIds: sortStrings(entra.deletedUserIds),
      groups: sortByKey(entra.groups.map(canonicalEntraGroup), (group) => [group.id]),
      memberships: sortByKey(entra.memberships.map(canonicalMembership), (edge) => [edge.groupId, edge.memberId, edge.relation, edge.memberType]),
      provisioningJob: entra.provisioningJob ? canonicalJob(entra.provisioningJob) : null,
      provisioningSchema: entra.provisioningSchema ?? null,
      provisioningLogs: entra.provisioningLogs ? sortByKey(entra.provisioningLogs.map(canonicalLogEntry), (entry) => [entry.id, entry.activityDateTime]) : null
    },
    sentry: {
      baseUrl: sentry.baseUrl,
      orgSlug: sentry.orgSlug,
      users: sortByKey(sentry.users.map(canonicalScimUser), (user) => [user.id]),
      groups: sortByKey(sentry.groups.map(canonicalScimGroup), (group) => [group.id])
    }
  };
}

/** Computes the SHA-256 (lowercase hex) of the canonical JSON of `canonicalSnapshotData(data)`. */
export function contentSha256(data: SnapshotData): string {
  return createHash('sha256').update(canonicalJson(canonicalSnapshotData(data)), 'utf8').digest('hex');
}

/**
 * Computes the SHA-256 (lowercase hex) of the canonical JSON of the metadata. The snapshot file stores
 * it next to the metadata so that an edited field, e.g. the tenant id, fails verification like edited content.
 */
export function metaSha256(meta: SnapshotMeta): string {
  return createHash('sha256').update(canonicalJson(meta), 'utf8').digest('hex');
}

function canonicalAppRole(role: EntraAppRole): EntraAppRole {
  return {
    id: role.id,
    displayName: role.displayName ?? null,
    value: role.value ?? null,
    isEnabled: role.isEnabled,
    allowedMemberTypes: sortStrings(role.allowedMemberTypes)
  };
}

function canonicalAssignment(assignment: EntraAppRoleAssignment): EntraAppRoleAssignment {
  return {
    id: assignment.id,
    appRoleId: assignment.appRoleId,
    principalId: assignment.principalId,
    principalType: assignment.principalType,
    principalDisplayName: assignment.principalDisplayName ?? null,
    createdDateTime: assignment.createdDateTime ?? null
  };
}

function canonicalEntraUser(user: EntraUser): EntraUser {
  return {
    id: user.id,
    userPrincipalName: user.userPrincipalName ?? null,
    mail: user.mail ?? null,
    proxyAddresses: sortStrings(user.proxyAddresses),
    otherMails: sortStrings(user.otherMails),
    givenName: user.givenName ?? null,
    surname: user.surname ?? null,
    displayName: user.displayName ?? null,
    accountEnabled: user.accountEnabled ?? null,
    employeeId: user.employeeId ?? null,
    userType: user.userType ?? null,
    onPremisesImmutableId: user.onPremisesImmutableId ?? null
  };
}

function canonicalEntraGroup(group: EntraGroup): EntraGroup {
  return {
    id: group.id,
    displayName: group.displayName ?? null,
    securityEnabled: group.securityEnabled ?? null,
    mailEnabled: group.mailEnabled ?? null,
    groupTypes: sortStrings(group.groupTypes)
  };
}

function canonicalMembership(edge: EntraGroupMember): EntraGroupMember {
  return { groupId: edge.groupId, memberId: edge.memberId, memberType: edge.memberType, relation: edge.relation };
}

function canonicalJob(job: ProvisioningJob): ProvisioningJob {
  const { quarantine, lastExecution } = job;
  return {
    id: job.id,
    templateId: job.templateId ?? null,
    scheduleState: job.scheduleState ?? null,
    statusCode: job.statusCode ?? null,
    quarantine: quarantine
      ? {
          reason: quarantine.reason ?? null,
          currentBegan: quarantine.currentBegan ?? null,
          seriesBegan: quarantine.seriesBegan ?? null,
          errorCode: quarantine.errorCode ?? null,
          errorMessage: quarantine.errorMessage ?? null
        }
      : null,
    lastExecution: lastExecution
      ? {
          state: lastExecution.state ?? null,
          timeBegan: lastExecution.timeBegan ?? null,
          timeEnded: lastExecution.timeEnded ?? null,
          error: lastExecution.error ?? null
        }
      : null,
    steadyStateLastAchievedTime: job.steadyStateLastAchievedTime ?? null,
    syncAll: job.syncAll ?? null
  };
}

function canonicalLogEntry(entry: ProvisioningLogEntry): ProvisioningLogEntry {
  return {
    id: entry.id,
    activityDateTime: entry.activityDateTime,
    provisioningAction: entry.provisioningAction,
    status: entry.status,
    errorCode: entry.errorCode ?? null,
    errorReason: entry.errorReason ?? null,
    sourceId: entry.sourceId ?? null,
    sourceDisplayName: entry.sourceDisplayName ?? null,
    targetId: entry.targetId ?? null,
    targetDisplayName: entry.targetDisplayName ?? null,
    identityType: entry.identityType ?? null
  };
}

function canonicalScimUser(user: ScimUser): ScimUser {
  return {
    id: user.id,
    userName: user.userName,
    emails: sortByKey(
      user.emails.map((email) => ({ value: email.value, primary: email.primary, type: email.type ?? null })),
      (email) => [email.value, email.type ?? '']
    ),
    active: user.active ?? null,
    sentryOrgRole: user.sentryOrgRole ?? null,
    givenName: user.givenName ?? null,
    familyName: user.familyName ?? null
  };
}

function canonicalScimGroup(group: ScimGroup): ScimGroup {
  return {
    id: group.id,
    displayName: group.displayName,
    members: sortByKey(
      group.members.map((member) => ({ value: member.value, display: member.display ?? null })),
      (member) => [member.value]
    ),
    membersTruncated: group.membersTruncated
  };
}
