import type { EntraGroup, EntraUser, ScimUser, SnapshotData } from '../model/snapshot';
import type { AuditConfig } from './config';
import { evaluateScoping } from './scoping';
import { userValue } from './user-values';

export type ScopeStatus = 'in_scope' | 'disabled' | 'deleted' | 'nested_only' | 'scoping_failed' | 'not_assigned';

/** Scope decision for one user: whether Entra's provisioning service considers the user, and why. */
export interface UserScope {
  id: string;
  /** Null for users that Graph returned 404 for (deleted). */
  user: EntraUser | null;
  status: ScopeStatus;
  assignedDirectly: boolean;
  /** Assigned groups the user is a direct member of. */
  directGroupIds: string[];
  /** Assigned groups that reach the user only through a nested group. */
  nestedGroupIds: string[];
  failedClauses: string[];
  /** App role ids from the user's own assignments first, then from their groups' assignments. */
  appRoleIds: string[];
  /** The value Entra sends as userName, or null when the source is empty or Graph returned no user. */
  matchValue: string | null;
  /**
   * The Sentry member Entra will link an in-scope user to, set by the user audit for the team
   * comparison. A field instead of a map by user id, because both audits look it up for every user.
   */
  linkedMember: ScimUser | null;
}

export interface Population {
  scopes: Map<string, UserScope>;
  assignedGroups: EntraGroup[];
  groupsById: Map<string, EntraGroup>;
  /** Direct user members of each assigned group, as their scopes. */
  directMembers: Map<string, UserScope[]>;
  unevaluatedClauses: Set<string>;
  /** Assigned group ids the snapshot holds no group for, so their members cannot be audited. */
  missingGroupIds: string[];
}

/** Shared empty list, replaced (never mutated) when a scope gains an entry. */
const NONE: string[] = [];

/** Returns `list` with `value` appended: a new array in place of the shared NONE, else the scope's own array, extended. */
function append(list: string[], value: string): string[] {
  if (list === NONE) return [value];
  list.push(value);
  return list;
}

function newScope(id: string, user: EntraUser | null): UserScope {
  return { id, user, status: 'in_scope', assignedDirectly: false, directGroupIds: NONE, nestedGroupIds: NONE, failedClauses: NONE, appRoleIds: NONE, matchValue: null, linkedMember: null };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Applies Entra's scope rules. Users assigned directly and direct members of assigned groups are
 * candidates, but users behind a nested group are not provisioned. Disabled and deleted users are not
 * created, and the scoping filter decides among the rest.
 */
export function buildPopulation(data: SnapshotData, config: AuditConfig): Population {
  const entra = data.entra;
  const groupsById = new Map(entra.groups.map((group) => [group.id, group]));

  // One map holds every user's scope and collects assignments and memberships as they are read,
  // because separate maps per relation cost several times as much at 100,000 users.
  const scopes = new Map<string, UserScope>();
  const deleted = new Set<string>();
  const scopeFor = (id: string): UserScope => {
    let scope = scopes.get(id);
    if (!scope) {
      scope = newScope(id, null);
      scopes.set(id, scope);
    }
    return scope;
  };
  for (const user of entra.users) scopes.set(user.id, newScope(user.id, user));
  for (const id of entra.deletedUserIds) {
    deleted.add(id);
    scopeFor(id);
  }

  const groupRoles = new Map<string, string[]>();
  const assignedGroupIds: string[] = [];
  for (const assignment of entra.assignments) {
    if (assignment.principalType === 'User') {
      const scope = scopeFor(assignment.principalId);
      scope.assignedDirectly = true;
      scope.appRoleIds = append(scope.appRoleIds, assignment.appRoleId);
    } else if (assignment.principalType === 'Group') {
      if (!groupRoles.has(assignment.principalId)) assignedGroupIds.push(assignment.principalId);
      push(groupRoles, assignment.principalId, assignment.appRoleId);
    }
  }
  const assignedSet = new Set(assignedGroupIds);

  const directMembers = new Map<string, UserScope[]>();
  for (const edge of entra.memberships) {
    if (edge.memberType !== 'user' || !assignedSet.has(edge.groupId)) continue;
    const scope = scopeFor(edge.memberId);
    if (edge.relation === 'direct') {
      scope.directGroupIds = append(scope.directGroupIds, edge.groupId);
      push(directMembers, edge.groupId, scope);
    } else {
      scope.nestedGroupIds = append(scope.nestedGroupIds, edge.groupId);
    }
  }

  const unevaluatedClauses = new Set<string>();
  for (const scope of scopes.values()) {
    const user = scope.user;
    if (scope.nestedGroupIds.length > 0) scope.nestedGroupIds = scope.nestedGroupIds.filter((groupId) => !scope.directGroupIds.includes(groupId));
    for (const groupId of scope.directGroupIds) for (const roleId of groupRoles.get(groupId) ?? NONE) scope.appRoleIds = append(scope.appRoleIds, roleId);
    scope.matchValue = user ? userValue(user, config.userRule) : null;

    const assigned = scope.assignedDirectly || scope.directGroupIds.length > 0;
    const reachable = assigned || (config.syncAll && scope.nestedGroupIds.length > 0);
    if (!reachable) scope.status = scope.nestedGroupIds.length > 0 ? 'nested_only' : 'not_assigned';
    else if (user === null || deleted.has(scope.id)) scope.status = 'deleted';
    // NOTE: accountEnabled null (not returned by Graph) counts as enabled, because Graph returns it whenever it is selected.
    else if (user.accountEnabled === false) scope.status = 'disabled';
    else if (config.scopingGroups.length > 0) {
      const outcome = evaluateScoping(user, config.scopingGroups);
      for (const clause of outcome.unevaluated) unevaluatedClauses.add(clause);
      if (!outcome.inScope) {
        scope.status = 'scoping_failed';
        scope.failedClauses = outcome.failedClauses;
      }
    }
  }

  const assignedGroups = assignedGroupIds.map((id) => groupsById.get(id)).filter((group): group is EntraGroup => group !== undefined);
  const missingGroupIds = assignedGroupIds.filter((id) => !groupsById.has(id));
  return { scopes, assignedGroups, groupsById, directMembers, unevaluatedClauses, missingGroupIds };
}

export function scopeReason(scope: UserScope, groupsById: Map<string, EntraGroup>): string {
  const groupNames = (ids: string[]): string => ids.map((id) => groupsById.get(id)?.displayName ?? id).join(', ');
  switch (scope.status) {
    case 'in_scope':
      if (scope.assignedDirectly) return 'assigned directly';
      if (scope.directGroupIds.length > 0) return `member of ${groupNames(scope.directGroupIds)}`;
      return `nested in ${groupNames(scope.nestedGroupIds)} (sync all)`;
    case 'disabled':
      return 'disabled in Entra';
    case 'deleted':
      return 'deleted in Entra';
    case 'nested_only':
      return `only through a nested group in ${groupNames(scope.nestedGroupIds)}`;
    case 'scoping_failed':
      return `fails scoping filter: ${scope.failedClauses.join('; ')}`;
    case 'not_assigned':
      return 'not assigned';
  }
}
