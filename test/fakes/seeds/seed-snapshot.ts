import type {
  EntraGroup,
  EntraGroupMember,
  EntraUser,
  ProvisioningJob,
  ProvisioningLogEntry,
  ScimGroup,
  ScimUser,
  Snapshot,
  SnapshotId
} from '../../../src-main/model/snapshot';
import type { Seed, SeedGraphGroup, SeedGraphUser } from '../seed';

/** Sentry's cap on the members one SCIM group lists. */
const SCIM_TEAM_MEMBER_CAP = 10_000;

type Json = Record<string, unknown>;

function object(value: unknown): Json {
  return typeof value === 'object' && value !== null ? (value as Json) : {};
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function entraUser(user: SeedGraphUser): EntraUser {
  return {
    id: user.id,
    userPrincipalName: user.userPrincipalName,
    mail: user.mail ?? null,
    proxyAddresses: user.proxyAddresses ?? [],
    otherMails: user.otherMails ?? [],
    givenName: user.givenName ?? null,
    surname: user.surname ?? null,
    displayName: user.displayName ?? null,
    accountEnabled: user.accountEnabled ?? true,
    employeeId: user.employeeId ?? null,
    userType: user.userType ?? 'Member',
    onPremisesImmutableId: user.onPremisesImmutableId ?? null
  };
}

function entraGroup(group: SeedGraphGroup): EntraGroup {
  return { id: group.id, displayName: group.displayName, securityEnabled: group.securityEnabled ?? null, mailEnabled: group.mailEnabled ?? null, groupTypes: group.groupTypes ?? [] };
}

function logEntry(raw: Json): ProvisioningLogEntry {
  const status = object(raw.provisioningStatusInfo);
  const error = object(status.errorInformation);
  const source = object(raw.sourceIdentity);
  const target = object(raw.targetIdentity);
  return {
    id: text(raw.id) ?? '',
    activityDateTime: text(raw.activityDateTime) ?? '',
    provisioningAction: text(raw.provisioningAction) ?? '',
    status: text(status.status) ?? '',
    errorCode: text(error.errorCode),
    errorReason: text(error.reason),
    sourceId: text(source.id),
    sourceDisplayName: text(source.displayName),
    targetId: text(target.id) || null,
    targetDisplayName: text(target.displayName) || null,
    identityType: text(source.identityType)
  };
}

function provisioningJob(raw: Json | undefined, syncAll: boolean | undefined): ProvisioningJob | null {
  if (!raw) return null;
  const status = object(raw.status);
  const last = object(status.lastExecution);
  return {
    id: text(raw.id) ?? '',
    templateId: text(raw.templateId),
    scheduleState: text(object(raw.schedule).state),
    statusCode: text(status.code),
    quarantine: null,
    lastExecution: { state: text(last.state), timeBegan: text(last.timeBegan), timeEnded: text(last.timeEnded), error: text(last.error) },
    steadyStateLastAchievedTime: text(status.steadyStateLastAchievedTime),
    syncAll: syncAll ?? null
  };
}

/**
 * Builds the snapshot that a complete capture of the seed would store, without running the fake
 * servers. It holds the assigned principals, the direct members of assigned groups, users behind
 * nested groups as `nested` edges and deleted users as ids only. The SCIM side is what Sentry lists
 * for an Entra-connected org.
 * NOTE: this mirrors the capture's documented rules and is meant for checking seeds against the
 * audit; it does not prove that the capture itself produces the same snapshot.
 */
export function snapshotFromSeed(seed: Seed, createdAt: Date): Snapshot {
  const sp = seed.graph.servicePrincipals[0];
  if (!sp) throw new Error('The seed has no service principal; snapshotFromSeed needs the Sentry app.');
  const usersById = new Map(seed.graph.users.map((user) => [user.id, user]));
  const groupsById = new Map(seed.graph.groups.map((group) => [group.id, group]));

  const userIds = new Set<string>();
  const groupIds = new Set<string>();
  const memberships: EntraGroupMember[] = [];
  for (const assignment of sp.xAssignments) {
    if (assignment.principalType === 'User') userIds.add(assignment.principalId);
    if (assignment.principalType !== 'Group') continue;

    const group = groupsById.get(assignment.principalId);
    if (!group || groupIds.has(group.id)) continue;
    groupIds.add(group.id);
    const direct = new Set<string>();
    for (const memberId of group.xMembers) {
      const isGroup = groupsById.has(memberId);
      memberships.push({ groupId: group.id, memberId, memberType: isGroup ? 'group' : 'user', relation: 'direct' });
      if (isGroup) groupIds.add(memberId);
      else {
        direct.add(memberId);
        userIds.add(memberId);
      }
    }
    for (const nestedId of transitiveUsers(group, groupsById, usersById)) {
      if (direct.has(nestedId)) continue;
      memberships.push({ groupId: group.id, memberId: nestedId, memberType: 'user', relation: 'nested' });
      userIds.add(nestedId);
    }
  }

  const present = [...userIds].map((id) => usersById.get(id)).filter((user): user is SeedGraphUser => user !== undefined);
  const job = sp.xSynchronizationJobs?.[0];
  const scimUsers: ScimUser[] = seed.scim.users.map((user) => ({
    id: user.id,
    userName: user.userName,
    emails: [{ value: user.userName, primary: true, type: 'work' }],
    active: seed.scim.provider === 'active-directory' ? null : true,
    sentryOrgRole: user.sentryOrgRole,
    givenName: 'N/A',
    familyName: 'N/A'
  }));
  const userNames = new Map(seed.scim.users.map((user) => [user.id, user.userName]));
  const scimGroups: ScimGroup[] = seed.scim.groups.map((group) => {
    const members = group.xMembers.slice(0, SCIM_TEAM_MEMBER_CAP).map((value) => ({ value, display: userNames.get(value) ?? null }));
    return { id: group.id, displayName: group.displayName, members, membersTruncated: members.length === SCIM_TEAM_MEMBER_CAP };
  });
  const baseUrl = `https://sentry.io/api/0/organizations/${seed.scim.orgSlug}/scim/v2`;

  return {
    meta: {
      id: `${createdAt.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}-000000` as SnapshotId,
      createdAt: createdAt.toISOString(),
      origin: 'demo',
      toolVersion: '0.0.0',
      capturedBy: 'seed',
      tenantId: seed.graph.tenantId,
      appId: sp.appId,
      servicePrincipalId: sp.id,
      appDisplayName: sp.displayName,
      sentryOrg: seed.scim.orgSlug,
      sentryBaseUrl: baseUrl,
      population: 'Built from a seed',
      sources: [],
      warnings: [],
      unavailable: [],
      contentSha256: ''
    },
    data: {
      entra: {
        tenantId: seed.graph.tenantId,
        servicePrincipal: {
          id: sp.id,
          appId: sp.appId,
          displayName: sp.displayName,
          appRoleAssignmentRequired: sp.appRoleAssignmentRequired ?? null,
          appRoles: sp.appRoles.map((role) => ({ id: role.id, displayName: role.displayName, value: role.value, isEnabled: role.isEnabled ?? true, allowedMemberTypes: role.allowedMemberTypes ?? [] }))
        },
        assignments: sp.xAssignments.map((assignment) => ({
          id: assignment.id ?? `${assignment.principalId}:${assignment.appRoleId}`,
          appRoleId: assignment.appRoleId,
          principalId: assignment.principalId,
          principalType: assignment.principalType,
          principalDisplayName: assignment.principalDisplayName ?? null,
          createdDateTime: assignment.createdDateTime ?? null
        })),
        users: present.filter((user) => !user.xDeleted).map(entraUser),
        deletedUserIds: present.filter((user) => user.xDeleted).map((user) => user.id),
        groups: [...groupIds].map((id) => groupsById.get(id)).filter((group): group is SeedGraphGroup => group !== undefined).map(entraGroup),
        memberships,
        provisioningJob: provisioningJob(job, sp.xSyncAll),
        provisioningSchema: job?.xSchema ?? null,
        provisioningLogs: (seed.graph.provisioningLogs ?? []).map((raw) => logEntry(raw))
      },
      sentry: { baseUrl, orgSlug: seed.scim.orgSlug, users: scimUsers, groups: scimGroups }
    }
  };
}

/** Users reachable from `group` through any depth of nesting, cycles tolerated. */
function transitiveUsers(group: SeedGraphGroup, groupsById: Map<string, SeedGraphGroup>, usersById: Map<string, SeedGraphUser>): Set<string> {
  const users = new Set<string>();
  const seen = new Set<string>([group.id]);
  const pending = [group];
  for (let current = pending.pop(); current; current = pending.pop()) {
    for (const memberId of current.xMembers) {
      const nested = groupsById.get(memberId);
      if (nested && !seen.has(nested.id)) {
        seen.add(nested.id);
        pending.push(nested);
      } else if (usersById.has(memberId)) {
        users.add(memberId);
      }
    }
  }
  return users;
}
