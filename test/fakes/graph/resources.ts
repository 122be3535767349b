import type { SeedGraphGroup, SeedGraphUser } from '../seed';
import { badRequest } from './errors';
import { project } from './odata';
import type { Assignment, FakeServicePrincipal, GraphState } from './state';

/** Properties `GET /users/{id}` returns without `$select` (Microsoft Graph v1.0 user resource). */
export const USER_DEFAULT_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'id',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName'
] as const;

/** Properties returned only when `$select` names them. */
const USER_SELECT_ONLY_PROPERTIES = [
  'accountEnabled',
  'createdDateTime',
  'deletedDateTime',
  'employeeId',
  'mailNickname',
  'onPremisesImmutableId',
  'onPremisesSyncEnabled',
  'otherMails',
  'proxyAddresses',
  'userType'
] as const;

const USER_PROPERTIES = new Set<string>([...USER_DEFAULT_PROPERTIES, ...USER_SELECT_ONLY_PROPERTIES]);

/**
 * Properties an app holding only User.ReadBasic.All can read.
 * NOTE: Microsoft describes the basic set as name, email and photo; treating `userPrincipalName` as basic is an assumption.
 */
const USER_BASIC_PROPERTIES = new Set(['id', 'displayName', 'givenName', 'surname', 'mail', 'userPrincipalName']);

const GROUP_PROPERTIES = [
  'id',
  'createdDateTime',
  'deletedDateTime',
  'description',
  'displayName',
  'groupTypes',
  'mail',
  'mailEnabled',
  'mailNickname',
  'membershipRule',
  'onPremisesSyncEnabled',
  'securityEnabled',
  'visibility'
] as const;

const SERVICE_PRINCIPAL_PROPERTIES = [
  'id',
  'deletedDateTime',
  'accountEnabled',
  'appDisplayName',
  'appId',
  'applicationTemplateId',
  'appRoleAssignmentRequired',
  'appRoles',
  'displayName',
  'servicePrincipalType',
  'tags'
] as const;

const ASSIGNMENT_PROPERTIES = [
  'id',
  'deletedDateTime',
  'appRoleId',
  'createdDateTime',
  'principalDisplayName',
  'principalId',
  'principalType',
  'resourceDisplayName',
  'resourceId'
] as const;

/** How much of a user the caller may read. */
export type UserAccess = 'full' | 'basic' | 'none';

function userResource(user: SeedGraphUser): Record<string, unknown> {
  return {
    businessPhones: [],
    displayName: user.displayName ?? null,
    givenName: user.givenName ?? null,
    id: user.id,
    jobTitle: null,
    mail: user.mail ?? null,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
    surname: user.surname ?? null,
    userPrincipalName: user.userPrincipalName,
    accountEnabled: user.accountEnabled ?? true,
    createdDateTime: null,
    deletedDateTime: null,
    employeeId: user.employeeId ?? null,
    mailNickname: user.mailNickname ?? null,
    onPremisesImmutableId: user.onPremisesImmutableId ?? null,
    onPremisesSyncEnabled: user.onPremisesImmutableId ? true : null,
    otherMails: user.otherMails ?? [],
    proxyAddresses: user.proxyAddresses ?? [],
    userType: user.userType ?? 'Member'
  };
}

/** Rejects `$select` names the type lacks with Graph's 400, before any item is rendered (lists can be empty). */
export function checkSelect(select: readonly string[] | null, known: ReadonlySet<string>, typeName: string): void {
  for (const name of select ?? []) {
    if (!known.has(name)) throw badRequest(`Could not find a property named '${name}' on type 'microsoft.graph.${typeName}'.`, 'BadRequest');
  }
}

/**
 * Renders a user as `GET /users/{id}` returns it, honouring `$select` and the caller's access level.
 * NOTE: what Graph returns when a User.ReadBasic.All caller selects a non-basic property is unconfirmed; this fake leaves it out.
 */
export function renderUser(user: SeedGraphUser, select: readonly string[] | null, access: Exclude<UserAccess, 'none'>): Record<string, unknown> {
  checkSelect(select, USER_PROPERTIES, 'user');
  const names = (select ?? USER_DEFAULT_PROPERTIES).filter((name) => access === 'full' || USER_BASIC_PROPERTIES.has(name));
  return project(userResource(user), names);
}

function groupResource(group: SeedGraphGroup): Record<string, unknown> {
  return {
    id: group.id,
    createdDateTime: null,
    deletedDateTime: null,
    description: null,
    displayName: group.displayName,
    groupTypes: group.groupTypes ?? [],
    mail: null,
    mailEnabled: group.mailEnabled ?? false,
    mailNickname: null,
    membershipRule: null,
    onPremisesSyncEnabled: null,
    securityEnabled: group.securityEnabled ?? true,
    visibility: null
  };
}

export function renderGroup(group: SeedGraphGroup, select: readonly string[] | null): Record<string, unknown> {
  checkSelect(select, new Set(GROUP_PROPERTIES), 'group');
  return project(groupResource(group), select ?? GROUP_PROPERTIES);
}

export const MEMBER_PROPERTIES = new Set<string>([...USER_PROPERTIES, ...GROUP_PROPERTIES]);
export const SERVICE_PRINCIPAL_PROPERTY_SET = new Set<string>(SERVICE_PRINCIPAL_PROPERTIES);

/**
 * Renders a member item of `members`/`transitiveMembers` (a directoryObject with `@odata.type`).
 * Without permission to read users, a user item keeps only its type and id and every other property is null:
 * Graph's "limited information" response.
 */
export function renderMember(state: GraphState, memberId: string, select: readonly string[] | null, userAccess: UserAccess): Record<string, unknown> | null {
  const user = state.user(memberId);
  if (user) {
    const names = (select ?? USER_DEFAULT_PROPERTIES).filter((name) => USER_PROPERTIES.has(name));
    if (userAccess === 'none') {
      const limited: Record<string, unknown> = { '@odata.type': '#microsoft.graph.user' };
      for (const name of names) limited[name] = name === 'id' ? user.id : null;
      limited['id'] = user.id;
      return limited;
    }
    const visible = names.filter((name) => userAccess === 'full' || USER_BASIC_PROPERTIES.has(name));
    return { '@odata.type': '#microsoft.graph.user', ...project(userResource(user), visible) };
  }

  const group = state.group(memberId);
  if (group) {
    const names = (select ?? GROUP_PROPERTIES).filter((name) => (GROUP_PROPERTIES as readonly string[]).includes(name));
    return { '@odata.type': '#microsoft.graph.group', ...project(groupResource(group), names) };
  }

  // Ids that tests added to `xMembers` behind the state's back and that resolve to nothing are left out.
  return null;
}

function servicePrincipalResource(sp: FakeServicePrincipal): Record<string, unknown> {
  return {
    id: sp.id,
    deletedDateTime: null,
    accountEnabled: true,
    appDisplayName: sp.displayName,
    appId: sp.appId,
    applicationTemplateId: null,
    appRoleAssignmentRequired: sp.appRoleAssignmentRequired ?? false,
    appRoles: sp.appRoles.map((role) => ({
      allowedMemberTypes: role.allowedMemberTypes ?? ['User'],
      description: role.description ?? role.displayName,
      displayName: role.displayName,
      id: role.id,
      isEnabled: role.isEnabled ?? true,
      origin: 'Application',
      value: role.value
    })),
    displayName: sp.displayName,
    servicePrincipalType: 'Application',
    tags: []
  };
}

export function renderServicePrincipal(sp: FakeServicePrincipal, select: readonly string[] | null): Record<string, unknown> {
  return project(servicePrincipalResource(sp), select ?? SERVICE_PRINCIPAL_PROPERTIES);
}

/** Returns every service principal field `$filter` may test, before `$select` narrows them. */
export function servicePrincipalFilterView(sp: FakeServicePrincipal): Record<string, unknown> {
  return servicePrincipalResource(sp);
}

export function assignmentResource(state: GraphState, sp: FakeServicePrincipal, a: Assignment): Record<string, unknown> {
  const principal =
    a.principalType === 'User' ? state.user(a.principalId) : a.principalType === 'Group' ? state.group(a.principalId) : state.servicePrincipal(a.principalId);
  return {
    id: a.id,
    deletedDateTime: null,
    appRoleId: a.appRoleId,
    // NOTE: a fixed date is used when the seed gives none, although real assignments always carry their creation time.
    createdDateTime: a.createdDateTime ?? '2024-01-01T00:00:00Z',
    principalDisplayName: a.principalDisplayName ?? principal?.displayName ?? null,
    principalId: a.principalId,
    principalType: a.principalType,
    resourceDisplayName: sp.displayName,
    resourceId: sp.id
  };
}

export function checkAssignmentSelect(select: readonly string[] | null): readonly string[] {
  checkSelect(select, new Set(ASSIGNMENT_PROPERTIES), 'appRoleAssignment');
  return select ?? ASSIGNMENT_PROPERTIES;
}
