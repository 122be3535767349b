import { memberKind, toAssignment, toGroup, toProvisioningLogEntry, toServicePrincipal, toUser } from '../graph/normalize';
import { toScimGroup, toScimUser } from '../scim/client';
import { describeIssue, scimGroupSchema, scimUserSchema } from '../scim/schemas';
import type { Collected, FileReport } from './collect';
import { ImportError, describeValue } from './errors';
import { isObject } from './json-read';
import type { Raw, RawItem } from './json-read';
import type { MemberListTarget } from './member-source';
import { recognize } from './recognize';
import type { ObjectKind } from './recognize';
import { UniqueRecords } from './records';
import type { Origin } from './records';

// Adds the objects of one file to the collection, checking the fields the audit depends on.

export function addMembers(target: MemberListTarget, items: RawItem[], count: number | null, origin: Origin, into: Collected, report: FileReport): void {
  const key = `${target.groupId} ${target.relation}`;
  let list = into.memberLists.get(key);
  if (list === undefined) {
    list = { target, origins: [], members: new UniqueRecords(`Member of group ${target.groupId}:`), counts: [] };
    into.memberLists.set(key, list);
  }
  list.origins.push(origin);
  if (count !== null) list.counts.push({ count, origin });
  into.pages.members++;

  for (const item of items) {
    const itemOrigin = { file: origin.file, path: item.path };
    const id = requireText(item.raw, 'id', itemOrigin, "the member's object id");
    const kind = memberKind(item.raw);
    list.members.add(id, kind, itemOrigin);
    tally(report, 'groupMember');
    // Members count once, as member entries, though they also feed the users and groups.
    if (kind === 'user') addUser(item, itemOrigin, into, null);
    if (kind === 'group') addGroup(item.raw, itemOrigin, into, null);
  }
}

/** Adds one recognized object and returns its kind; an object of no known kind stops the import. */
export function addObject(item: RawItem, file: string, into: Collected, report: FileReport): ObjectKind {
  const origin = { file, path: item.path };
  const kind = recognize(item.raw);
  if (kind === null) {
    throw new ImportError(file, item.path, `not an object Roster reads; expected a Graph ${['user', 'group', 'servicePrincipal', 'appRoleAssignment', 'synchronizationJob', 'provisioningObjectSummary'].join(', ')}, or a SCIM User or Group.`);
  }
  const raw = item.raw;

  switch (kind) {
    case 'captureInfo':
      if (raw.rosterCapture !== 1) throw new ImportError(file, `${item.path}.rosterCapture`, `expected 1, the capture script's format version, found ${describeValue(raw.rosterCapture)}.`);
      into.captureInfo.push({ value: { tenantId: optionalText(raw, 'tenantId', origin), sentryScimBaseUrl: optionalText(raw, 'sentryScimBaseUrl', origin), capturedAt: optionalText(raw, 'capturedAt', origin), capturedBy: optionalText(raw, 'capturedBy', origin) }, origin });
      break;
    case 'organization':
      into.tenantHints.push({ tenantId: requireText(raw, 'id', origin, "the tenant's id"), origin });
      break;
    case 'servicePrincipal':
      requireText(raw, 'appId', origin, "the app's application id");
      if (!Array.isArray(raw.appRoles)) throw new ImportError(file, `${item.path}.appRoles`, `expected an array of app roles, found ${describeValue(raw.appRoles)}.`);
      into.servicePrincipals.add(requireText(raw, 'id', origin, "the service principal's object id"), toServicePrincipal(raw), origin);
      break;
    case 'appRoleAssignment':
      addAssignment(raw, origin, into);
      break;
    case 'user':
      addUser(item, origin, into, report);
      return kind;
    case 'group':
      addGroup(raw, origin, into, report);
      return kind;
    case 'otherDirectoryObject':
      throw new ImportError(file, item.path, `a ${String(raw['@odata.type'])} outside a group's member list; expected users, groups, assignments or the service principal.`);
    case 'provisioningJob': {
      const id = requireText(raw, 'id', origin, "the job's id");
      into.jobs.add(id, raw, origin);
      const tenant = /^[^.]+\.([0-9a-f]{32})\./i.exec(id)?.[1];
      if (tenant) into.tenantHints.push({ tenantId: tenant, origin });
      break;
    }
    case 'provisioningSchema':
      into.schemas.add(typeof raw.id === 'string' ? raw.id : 'schema', raw, origin);
      break;
    case 'provisioningScope': {
      into.scope.push({ value: parseFlag(String(raw.value)), origin });
      break;
    }
    case 'provisioningLog':
      addLog(raw, origin, into);
      break;
    case 'scimUser':
    case 'scimGroup':
      addScim(kind, raw, origin, into);
      break;
  }
  tally(report, kind);
  return kind;
}

function addAssignment(raw: Raw, origin: Origin, into: Collected): void {
  const id = requireText(raw, 'id', origin, "the assignment's id");
  requireText(raw, 'appRoleId', origin, 'the app role id');
  requireText(raw, 'principalId', origin, "the assigned principal's object id");
  if (raw.principalType !== 'User' && raw.principalType !== 'Group' && raw.principalType !== 'ServicePrincipal') {
    throw new ImportError(origin.file, `${origin.path}.principalType`, `expected "User", "Group" or "ServicePrincipal", found ${describeValue(raw.principalType)}.`);
  }
  if (typeof raw.resourceId === 'string') into.assignmentResources.push({ resourceId: raw.resourceId, origin });
  into.assignments.add(id, toAssignment(raw), origin);
}

export function addUser(item: RawItem, origin: Origin, into: Collected, report: FileReport | null): void {
  requireText(item.raw, 'id', origin, "the user's object id");
  into.users.add(toUser(item.raw), (property) => property in item.raw, origin);
  if (report !== null) tally(report, 'user');
}

function addGroup(raw: Raw, origin: Origin, into: Collected, report: FileReport | null): void {
  requireText(raw, 'id', origin, "the group's object id");
  into.groups.add(toGroup(raw), (property) => property in raw, origin);
  if (report !== null) tally(report, 'group');
}

function addLog(raw: Raw, origin: Origin, into: Collected): void {
  const id = requireText(raw, 'id', origin, "the log entry's id");
  requireText(raw, 'activityDateTime', origin, 'the time of the provisioning event');
  const servicePrincipal = isObject(raw.servicePrincipal) && typeof raw.servicePrincipal.id === 'string' ? raw.servicePrincipal.id : null;
  into.logServicePrincipals.set(id, servicePrincipal);
  if (typeof raw.tenantId === 'string') into.tenantHints.push({ tenantId: raw.tenantId, origin });
  into.logs.add(id, toProvisioningLogEntry(raw), origin);
}

function addScim(kind: 'scimUser' | 'scimGroup', raw: Raw, origin: Origin, into: Collected): void {
  if (kind === 'scimUser') {
    const parsed = scimUserSchema.safeParse(raw);
    if (!parsed.success) throw new ImportError(origin.file, origin.path, `not a valid SCIM User (${describeIssue(parsed.error)}).`);
    const user = toScimUser(parsed.data);
    into.scimUsers.add(user.id, user, origin);
    return;
  }
  const parsed = scimGroupSchema.safeParse(raw);
  if (!parsed.success) throw new ImportError(origin.file, origin.path, `not a valid SCIM Group (${describeIssue(parsed.error)}).`);
  const group = toScimGroup(parsed.data);
  into.scimGroups.add(group.id, group, origin);
}

function requireText(raw: Raw, key: string, origin: Origin, what: string): string {
  const value = raw[key];
  if (typeof value !== 'string' || value === '') throw new ImportError(origin.file, fieldPath(origin, key), `expected ${what} as a string, found ${describeValue(value)}.`);
  return value;
}

function optionalText(raw: Raw, key: string, origin: Origin): string | null {
  const value = raw[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new ImportError(origin.file, fieldPath(origin, key), `expected a string, found ${describeValue(value)}.`);
  return value;
}

/** Builds the JSON path of a property, or names the CSV line and column. */
function fieldPath(origin: Origin, key: string): string {
  return origin.path.startsWith('line ') ? `${origin.path}, column ${key}` : `${origin.path}.${key}`;
}

function tally(report: FileReport, kind: ObjectKind | 'groupMember'): void {
  report.counts[kind] = (report.counts[kind] ?? 0) + 1;
}

/** Reads the `SyncAll` value, which Graph sends as the string "true" or "false" in any case. */
function parseFlag(value: string): boolean | null {
  const lower = value.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return null;
}
