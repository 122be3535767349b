import type {
  EntraAppRoleAssignment,
  EntraGroup,
  EntraServicePrincipal,
  EntraUser,
  PrincipalType,
  ProvisioningJob,
  ProvisioningLogEntry
} from '../model/snapshot';

/** Raw Graph objects are loose JSON; these helpers read one field with the type the model needs. */
type Raw = Record<string, unknown>;

export const USER_SELECT = [
  'id',
  'userPrincipalName',
  'mail',
  'proxyAddresses',
  'otherMails',
  'givenName',
  'surname',
  'displayName',
  'accountEnabled',
  'employeeId',
  'userType',
  'onPremisesImmutableId'
] as const;

export const GROUP_SELECT = ['id', 'displayName', 'securityEnabled', 'mailEnabled', 'groupTypes'] as const;

/** Member lists hold users and groups, so their `$select` names the properties of both. */
export const MEMBER_SELECT = [...new Set<string>([...USER_SELECT, ...GROUP_SELECT])];

export const SERVICE_PRINCIPAL_SELECT = ['id', 'appId', 'displayName', 'appRoleAssignmentRequired', 'appRoles'] as const;

function text(raw: Raw, name: string): string | null {
  const value = raw[name];
  return typeof value === 'string' ? value : null;
}

function flag(raw: Raw, name: string): boolean | null {
  const value = raw[name];
  return typeof value === 'boolean' ? value : null;
}

function strings(raw: Raw, name: string): string[] {
  const value = raw[name];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function record(raw: Raw, name: string): Raw | null {
  const value = raw[name];
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : null;
}

export function toServicePrincipal(raw: Raw): EntraServicePrincipal {
  const roles = Array.isArray(raw.appRoles) ? (raw.appRoles as Raw[]) : [];
  return {
    id: String(raw.id),
    appId: text(raw, 'appId') ?? '',
    displayName: text(raw, 'displayName') ?? '',
    appRoleAssignmentRequired: flag(raw, 'appRoleAssignmentRequired'),
    appRoles: roles.map((role) => ({
      id: String(role.id),
      displayName: text(role, 'displayName'),
      value: text(role, 'value'),
      isEnabled: flag(role, 'isEnabled') ?? true,
      allowedMemberTypes: strings(role, 'allowedMemberTypes')
    }))
  };
}

export function toAssignment(raw: Raw): EntraAppRoleAssignment {
  const type = text(raw, 'principalType');
  return {
    id: String(raw.id),
    appRoleId: text(raw, 'appRoleId') ?? '',
    principalId: text(raw, 'principalId') ?? '',
    principalType: type === 'User' || type === 'Group' || type === 'ServicePrincipal' ? (type as PrincipalType) : 'ServicePrincipal',
    principalDisplayName: text(raw, 'principalDisplayName'),
    createdDateTime: text(raw, 'createdDateTime') ?? text(raw, 'creationTimestamp')
  };
}

export function toUser(raw: Raw): EntraUser {
  return {
    id: String(raw.id),
    userPrincipalName: text(raw, 'userPrincipalName'),
    mail: text(raw, 'mail'),
    proxyAddresses: strings(raw, 'proxyAddresses'),
    otherMails: strings(raw, 'otherMails'),
    givenName: text(raw, 'givenName'),
    surname: text(raw, 'surname'),
    displayName: text(raw, 'displayName'),
    accountEnabled: flag(raw, 'accountEnabled'),
    employeeId: text(raw, 'employeeId'),
    userType: text(raw, 'userType'),
    onPremisesImmutableId: text(raw, 'onPremisesImmutableId')
  };
}

export function toGroup(raw: Raw): EntraGroup {
  return {
    id: String(raw.id),
    displayName: text(raw, 'displayName'),
    securityEnabled: flag(raw, 'securityEnabled'),
    mailEnabled: flag(raw, 'mailEnabled'),
    groupTypes: strings(raw, 'groupTypes')
  };
}

/** Classifies a `directoryObject` in a member list by its `@odata.type`. */
export function memberKind(raw: Raw): 'user' | 'group' | 'other' {
  const type = text(raw, '@odata.type');
  if (type === '#microsoft.graph.user') return 'user';
  if (type === '#microsoft.graph.group') return 'group';
  return 'other';
}

export function toProvisioningJob(raw: Raw, syncAll: boolean | null): ProvisioningJob {
  const status = record(raw, 'status') ?? {};
  const schedule = record(raw, 'schedule') ?? {};
  const quarantine = record(status, 'quarantine');
  const quarantineError = quarantine ? record(quarantine, 'error') : null;
  const lastExecution = record(status, 'lastExecution');
  const executionError = lastExecution ? lastExecution.error : null;

  return {
    id: String(raw.id),
    templateId: text(raw, 'templateId'),
    scheduleState: text(schedule, 'state'),
    statusCode: text(status, 'code'),
    quarantine: quarantine
      ? {
          reason: text(quarantine, 'reason'),
          currentBegan: text(quarantine, 'currentBegan'),
          seriesBegan: text(quarantine, 'seriesBegan'),
          errorCode: quarantineError ? text(quarantineError, 'code') : null,
          errorMessage: quarantineError ? text(quarantineError, 'message') : null
        }
      : null,
    lastExecution: lastExecution
      ? {
          state: text(lastExecution, 'state'),
          timeBegan: text(lastExecution, 'timeBegan'),
          timeEnded: text(lastExecution, 'timeEnded'),
          error: describeExecutionError(executionError)
        }
      : null,
    steadyStateLastAchievedTime: text(status, 'steadyStateLastAchievedTime'),
    syncAll
  };
}

/** `lastExecution.error` is an object (`code`, `message`) in Graph v1.0, and older responses carry a string. */
function describeExecutionError(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return null;
  const error = value as Raw;
  const parts = [text(error, 'code'), text(error, 'message')].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(': ') : null;
}

/** Reads a `provisioningObjectSummary`, accepting beta's `action` and `statusInfo` names as well as v1.0's. */
export function toProvisioningLogEntry(raw: Raw): ProvisioningLogEntry {
  const statusInfo = record(raw, 'provisioningStatusInfo') ?? record(raw, 'statusInfo') ?? {};
  const errorInfo = record(statusInfo, 'errorInformation');
  const source = record(raw, 'sourceIdentity');
  const target = record(raw, 'targetIdentity');
  return {
    id: String(raw.id),
    activityDateTime: text(raw, 'activityDateTime') ?? '',
    provisioningAction: text(raw, 'provisioningAction') ?? text(raw, 'action') ?? 'unknown',
    status: text(statusInfo, 'status') ?? 'unknown',
    errorCode: errorInfo ? text(errorInfo, 'errorCode') : null,
    errorReason: errorInfo ? text(errorInfo, 'reason') : null,
    sourceId: source ? text(source, 'id') : null,
    sourceDisplayName: source ? text(source, 'displayName') : null,
    targetId: target ? text(target, 'id') : null,
    targetDisplayName: target ? text(target, 'displayName') : null,
    identityType: source ? text(source, 'identityType') : null
  };
}
