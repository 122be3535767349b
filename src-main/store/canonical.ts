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
  return canonicalJsonAt(value, []);
}

/** Serializes `value` like canonicalJson. `path` locates `value` inside a larger value for error messages. */
export function canonicalJsonAt(value: unknown, path: Array<string | number>): string {
  const depth = path.length;
  try {
    return JSON.stringify(prepareForNativeJson(value, path)) ?? 'null';
  } catch (error) {
    if (error !== NEEDS_MANUAL_WRITER) throw error;
    // The throw skipped the pops of the keys that prepareForNativeJson had pushed.
    path.length = depth;
    return writeCanonical(value, path);
  }
}

const NEEDS_MANUAL_WRITER = new Error('object has array-index keys');

/**
 * Returns `value` with every object's keys in sorted order, copying only objects whose keys are out of
 * order, so the engine's JSON.stringify (several times faster than a JavaScript writer) prints canonical
 * text. Engines always enumerate array-index keys such as "10" first and in numeric order, so an object
 * with such keys makes it throw NEEDS_MANUAL_WRITER and the caller falls back to writeCanonical.
 */
function prepareForNativeJson(value: unknown, path: Array<string | number>): unknown {
  if (value === null || value === undefined) return value;

  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw nonFiniteError(value, path);
      return value;
    case 'object':
      break;
    default:
      throw unsupportedTypeError(value, path);
  }

  const withToJson = value as { toJSON?: unknown };
  if (typeof withToJson.toJSON === 'function') {
    return prepareForNativeJson((withToJson.toJSON as () => unknown).call(value), path);
  }

  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      path.push(index);
      const prepared = prepareForNativeJson(item, path);
      path.pop();
      if (prepared !== item) {
        copy ??= value.slice();
        copy[index] = prepared;
      }
    }
    return copy ?? value;
  }

  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let changed = !isSorted(keys);
  const prepared: unknown[] = [];
  for (const key of keys) {
    if (isArrayIndex(key)) throw NEEDS_MANUAL_WRITER;
    const item = record[key];
    path.push(key);
    const result = prepareForNativeJson(item, path);
    path.pop();
    if (result !== item) changed = true;
    prepared.push(result);
  }
  if (!changed) return value;

  const order = keys.map((key, index) => ({ key, index })).sort((a, b) => compareCodeUnits(a.key, b.key));
  // A null prototype keeps a "__proto__" key (JSON.parse creates such keys) as an ordinary property.
  const copy = Object.create(null) as Record<string, unknown>;
  for (const { key, index } of order) copy[key] = prepared[index];
  return copy;
}

function isArrayIndex(key: string): boolean {
  const first = key.charCodeAt(0);
  if (first < 48 || first > 57) return false;
  return /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4294967295;
}

function nonFiniteError(value: number, path: ReadonlyArray<string | number>): TypeError {
  return new TypeError(`Cannot write ${String(value)} at ${formatPath(path)} as canonical JSON: JSON has no form for it. Store it as null or a string.`);
}

function unsupportedTypeError(value: unknown, path: ReadonlyArray<string | number>): TypeError {
  return new TypeError(`Cannot write a ${typeof value} at ${formatPath(path)} as canonical JSON. Only strings, numbers, booleans, null, arrays and plain objects are allowed.`);
}

/** Serializes one value in JavaScript. `path` is a stack of keys, turned into text only for an error message. */
function writeCanonical(value: unknown, path: Array<string | number>): string {
  if (value === null || value === undefined) return 'null';

  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw nonFiniteError(value, path);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw unsupportedTypeError(value, path);
  }

  // Honor toJSON (e.g. Date) as JSON.stringify does, so JSON text stored elsewhere hashes the same.
  const withToJson = value as { toJSON?: unknown };
  if (typeof withToJson.toJSON === 'function') {
    return writeCanonical((withToJson.toJSON as () => unknown).call(value), path);
  }

  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) text += ',';
      path.push(index);
      text += writeCanonical(value[index], path);
      path.pop();
    }
    return `${text}]`;
  }

  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (!isSorted(keys)) keys.sort(compareCodeUnits);
  let text = '{';
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    if (!first) text += ',';
    first = false;
    path.push(key);
    text += `${quoteKey(key)}:${writeCanonical(item, path)}`;
    path.pop();
  }
  return `${text}}`;
}

function isSorted(keys: readonly string[]): boolean {
  for (let index = 1; index < keys.length; index += 1) {
    if ((keys[index - 1] as string) > (keys[index] as string)) return false;
  }
  return true;
}

// Snapshot data repeats the same few keys hundreds of thousands of times, so their JSON form is cached.
const quotedKeys = new Map<string, string>();

function quoteKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < 10_000) quotedKeys.set(key, quoted);
  }
  return quoted;
}

function formatPath(path: ReadonlyArray<string | number>): string {
  return `$${path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('')}`;
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
  // Lists of one item are common (most SCIM users have one email), and they need no keys or sorting.
  if (items.length < 2) return items.slice();
  // Sorting positions instead of objects that pair each item with its key saves one allocation per item.
  const keys = items.map(key);
  const json: string[] = new Array<string>(items.length).fill('');
  const order = items.map((_, index) => index);
  order.sort((a, b) => {
    const keyA = keys[a] as string[];
    const keyB = keys[b] as string[];
    const length = Math.max(keyA.length, keyB.length);
    for (let i = 0; i < length; i += 1) {
      const byKey = compareCodeUnits(keyA[i] ?? '', keyB[i] ?? '');
      if (byKey !== 0) return byKey;
    }
    if (json[a] === '') json[a] = canonicalJson(items[a]);
    if (json[b] === '') json[b] = canonicalJson(items[b]);
    return compareCodeUnits(json[a] as string, json[b] as string);
  });
  return order.map((index) => items[index] as T);
}

function sortStrings(values: readonly string[]): string[] {
  if (values.length < 2) return values.slice();
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

/**
 * Computes the SHA-256 (lowercase hex) of the canonical JSON of the metadata. The snapshot file stores
 * it next to the metadata so that an edited field, e.g. the tenant id, fails verification like edited content.
 */
export function metaSha256(meta: SnapshotMeta): string {
  return createHash('sha256').update(canonicalJson(meta), 'utf8').digest('hex');
}

// The projections of list items below list keys in sorted order only so that canonicalJson can skip
// sorting them, which matters for 100,000-user snapshots. The output does not depend on it.

function canonicalAppRole(role: EntraAppRole): EntraAppRole {
  return {
    allowedMemberTypes: sortStrings(role.allowedMemberTypes),
    displayName: role.displayName ?? null,
    id: role.id,
    isEnabled: role.isEnabled,
    value: role.value ?? null
  };
}

function canonicalAssignment(assignment: EntraAppRoleAssignment): EntraAppRoleAssignment {
  return {
    appRoleId: assignment.appRoleId,
    createdDateTime: assignment.createdDateTime ?? null,
    id: assignment.id,
    principalDisplayName: assignment.principalDisplayName ?? null,
    principalId: assignment.principalId,
    principalType: assignment.principalType
  };
}

function canonicalEntraUser(user: EntraUser): EntraUser {
  return {
    accountEnabled: user.accountEnabled ?? null,
    displayName: user.displayName ?? null,
    employeeId: user.employeeId ?? null,
    givenName: user.givenName ?? null,
    id: user.id,
    mail: user.mail ?? null,
    onPremisesImmutableId: user.onPremisesImmutableId ?? null,
    otherMails: sortStrings(user.otherMails),
    proxyAddresses: sortStrings(user.proxyAddresses),
    surname: user.surname ?? null,
    userPrincipalName: user.userPrincipalName ?? null,
    userType: user.userType ?? null
  };
}

function canonicalEntraGroup(group: EntraGroup): EntraGroup {
  return {
    displayName: group.displayName ?? null,
    groupTypes: sortStrings(group.groupTypes),
    id: group.id,
    mailEnabled: group.mailEnabled ?? null,
    securityEnabled: group.securityEnabled ?? null
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
    activityDateTime: entry.activityDateTime,
    errorCode: entry.errorCode ?? null,
    errorReason: entry.errorReason ?? null,
    id: entry.id,
    identityType: entry.identityType ?? null,
    provisioningAction: entry.provisioningAction,
    sourceDisplayName: entry.sourceDisplayName ?? null,
    sourceId: entry.sourceId ?? null,
    status: entry.status,
    targetDisplayName: entry.targetDisplayName ?? null,
    targetId: entry.targetId ?? null
  };
}

function canonicalScimUser(user: ScimUser): ScimUser {
  return {
    active: user.active ?? null,
    emails: sortByKey(
      user.emails.map((email) => ({ primary: email.primary, type: email.type ?? null, value: email.value })),
      (email) => [email.value, email.type ?? '']
    ),
    familyName: user.familyName ?? null,
    givenName: user.givenName ?? null,
    id: user.id,
    sentryOrgRole: user.sentryOrgRole ?? null,
    userName: user.userName
  };
}

function canonicalScimGroup(group: ScimGroup): ScimGroup {
  return {
    displayName: group.displayName,
    id: group.id,
    members: sortByKey(
      group.members.map((member) => ({ display: member.display ?? null, value: member.value })),
      (member) => [member.value]
    ),
    membersTruncated: group.membersTruncated
  };
}
