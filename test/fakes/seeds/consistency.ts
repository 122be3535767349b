import { sentrySlug } from '../../../src-main/scim/slug';
import type { Seed } from '../seed';

/** Adds `label` to `problems` for every value that appears more than once (compared by `key`). */
function findDuplicates(values: string[], label: string, problems: string[], key: (value: string) => string = (value) => value): void {
  const seen = new Set<string>();
  for (const value of values) {
    const normalized = key(value);
    if (seen.has(normalized)) problems.push(`${label} "${value}" appears more than once`);
    seen.add(normalized);
  }
}

/**
 * Lists every broken reference or duplicate id in a seed, one sentence each. An empty list means that
 * the fakes accept the seed and every reference resolves. The checks cover ids, UPNs, assignments,
 * group and team members, team slugs and the sources of provisioning log entries.
 */
export function findSeedProblems(seed: Seed): string[] {
  const problems: string[] = [];
  const { graph, scim } = seed;

  findDuplicates(graph.users.map((user) => user.id), 'Graph user id', problems, (id) => id.toLowerCase());
  findDuplicates(graph.users.map((user) => user.userPrincipalName), 'userPrincipalName', problems, (upn) => upn.toLowerCase());
  findDuplicates(graph.groups.map((group) => group.id), 'Graph group id', problems, (id) => id.toLowerCase());
  findDuplicates(scim.users.map((user) => user.id), 'SCIM user id', problems);
  findDuplicates(scim.groups.map((group) => group.id), 'SCIM group id', problems);
  findDuplicates(scim.groups.map((group) => group.xSlug ?? sentrySlug(group.displayName)), 'Team slug', problems);

  const userIds = new Set(graph.users.map((user) => user.id));
  const groupIds = new Set(graph.groups.map((group) => group.id));
  for (const group of graph.groups) {
    for (const memberId of group.xMembers) {
      if (!userIds.has(memberId) && !groupIds.has(memberId)) problems.push(`Group "${group.displayName}" lists unknown member ${memberId}`);
    }
    findDuplicates(group.xMembers, `Member of group "${group.displayName}"`, problems);
  }

  for (const sp of graph.servicePrincipals) {
    const roleIds = new Set(sp.appRoles.map((role) => role.id));
    findDuplicates(sp.appRoles.map((role) => role.id), 'App role id', problems);
    for (const assignment of sp.xAssignments) {
      let known = true;
      if (assignment.principalType === 'User') known = userIds.has(assignment.principalId);
      if (assignment.principalType === 'Group') known = groupIds.has(assignment.principalId);
      if (!known) problems.push(`Assignment names unknown ${assignment.principalType} ${assignment.principalId}`);
      if (!roleIds.has(assignment.appRoleId)) problems.push(`Assignment of ${assignment.principalId} names unknown app role ${assignment.appRoleId}`);
    }
  }

  const scimIds = new Set(scim.users.map((user) => user.id));
  for (const user of scim.users) {
    if (!/^\d+$/.test(user.id)) problems.push(`SCIM user id "${user.id}" is not numeric`);
    if (user.xPending && user.xSecondaryEmails?.length) problems.push(`Pending SCIM user ${user.userName} has secondary e-mails`);
  }
  for (const team of scim.groups) {
    if (!/^\d+$/.test(team.id)) problems.push(`SCIM group id "${team.id}" is not numeric`);
    for (const memberId of team.xMembers) {
      if (!scimIds.has(memberId)) problems.push(`Team "${team.displayName}" lists unknown member ${memberId}`);
    }
    findDuplicates(team.xMembers, `Member of team "${team.displayName}"`, problems);
  }

  for (const entry of graph.provisioningLogs ?? []) {
    const source = entry.sourceIdentity as { id?: string } | undefined;
    if (!source?.id || (!userIds.has(source.id) && !groupIds.has(source.id))) problems.push(`Provisioning log entry ${String(entry.id)} names unknown source ${String(source?.id)}`);
  }
  return problems;
}
