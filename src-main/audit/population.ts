import type { EntraGroup, EntraUser, SnapshotData } from '../model/snapshot';
import type { AuditConfig } from './config';
import { evaluateScoping } from './scoping';

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
}

export interface Population {
  scopes: Map<string, UserScope>;
  assignedGroups: EntraGroup[];
  groupsById: Map<string, EntraGroup>;
  /** Direct user members of each assigned group. */
  directMembers: Map<string, string[]>;
  unevaluatedClauses: Set<string>;
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
  const usersById = new Map(entra.users.map((user) => [user.id, user]));
  const deleted = new Set(entra.deletedUserIds);

  const directRoles = new Map<string, string[]>();
  const groupRoles = new Map<string, string[]>();
  const assignedGroupIds: string[] = [];
  for (const assignment of entra.assignments) {
    if (assignment.principalType === 'User') push(directRoles, assignment.principalId, assignment.appRoleId);
    if (assignment.principalType === 'Group') {
      if (!groupRoles.has(assignment.principalId)) assignedGroupIds.push(assignment.principalId);
      push(groupRoles, assignment.principalId, assignment.appRoleId);
    }
  }
  const assignedSet = new Set(assignedGroupIds);

  const directGroups = new Map<string, string[]>();
  const nestedGroups = new Map<string, string[]>();
  const directMembers = new Map<string, string[]>();
  for (const edge of entra.memberships) {
    if (edge.memberType !== 'user' || !assignedSet.has(edge.groupId)) continue;
    if (edge.relation === 'direct') {
      push(directGroups, edge.memberId, edge.groupId);
      push(directMembers, edge.groupId, edge.memberId);
    } else {
      push(nestedGroups, edge.memberId, edge.groupId);
    }
  }

  const ids = new Set<string>(usersById.keys());
  for (const source of [deleted, directRoles.keys(), directGroups.keys(), nestedGroups.keys()]) for (const id of source) ids.add(id);
  const NONE: string[] = [];
  const scopes = new Map<string, UserScope>();
  const unevaluatedClauses = new Set<string>();
  for (const id of ids) {
    const user = usersById.get(id) ?? null;
    const assignedDirectly = directRoles.has(id);
    const directGroupIds = directGroups.get(id) ?? NONE;
    const nestedAll = nestedGroups.get(id);
    const nestedGroupIds = nestedAll ? nestedAll.filter((groupId) => !directGroupIds.includes(groupId)) : NONE;
    const ownRoles = directRoles.get(id) ?? NONE;
    const appRoleIds = directGroupIds.length === 0 ? ownRoles : [...ownRoles, ...directGroupIds.flatMap((groupId) => groupRoles.get(groupId) ?? NONE)];
    const scope: UserScope = { id, user, status: 'in_scope', assignedDirectly, directGroupIds, nestedGroupIds, failedClauses: NONE, appRoleIds };

    const assigned = assignedDirectly || directGroupIds.length > 0;
    const reachable = assigned || (config.syncAll && nestedGroupIds.length > 0);
    if (!reachable) scope.status = nestedGroupIds.length > 0 ? 'nested_only' : 'not_assigned';
    else if (user === null || deleted.has(id)) scope.status = 'deleted';
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
    scopes.set(id, scope);
  }

  const assignedGroups = assignedGroupIds.map((id) => groupsById.get(id)).filter((group): group is EntraGroup => group !== undefined);
  return { scopes, assignedGroups, groupsById, directMembers, unevaluatedClauses };
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
