import type { DiffChange, DiffObjectType, SnapshotDiff } from '../model/audit-result';
import type { EntraGroup, EntraUser, ProvisioningJob, ScimGroup, ScimUser, Snapshot, SnapshotData } from '../model/snapshot';

type Attributes = Record<string, string | null>;

interface Tracked {
  name: string | null;
  attributes: Attributes;
  /** True when only some attributes are known (a deleted user), so only those are compared. */
  partial?: boolean;
}

function text(value: string | boolean | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'boolean' ? String(value) : value;
}

function joined(values: string[]): string | null {
  return values.length === 0 ? null : [...values].sort().join(', ');
}

function userAttributes(user: EntraUser): Attributes {
  return {
    userPrincipalName: user.userPrincipalName,
    mail: user.mail,
    proxyAddresses: joined(user.proxyAddresses),
    otherMails: joined(user.otherMails),
    givenName: user.givenName,
    surname: user.surname,
    displayName: user.displayName,
    accountEnabled: text(user.accountEnabled),
    employeeId: user.employeeId,
    userType: user.userType,
    onPremisesImmutableId: user.onPremisesImmutableId
  };
}

function groupAttributes(group: EntraGroup): Attributes {
  return { displayName: group.displayName, securityEnabled: text(group.securityEnabled), mailEnabled: text(group.mailEnabled), groupTypes: joined(group.groupTypes) };
}

function memberAttributes(member: ScimUser): Attributes {
  return {
    userName: member.userName,
    emails: joined(member.emails.map((email) => email.value)),
    active: text(member.active),
    sentryOrgRole: member.sentryOrgRole,
    givenName: member.givenName,
    familyName: member.familyName
  };
}

function teamAttributes(team: ScimGroup): Attributes {
  return { displayName: team.displayName, membersTruncated: text(team.membersTruncated) };
}

function jobAttributes(job: ProvisioningJob): Attributes {
  return {
    scheduleState: job.scheduleState,
    statusCode: job.statusCode,
    quarantineReason: job.quarantine?.reason ?? null,
    quarantineErrorCode: job.quarantine?.errorCode ?? null,
    lastExecutionState: job.lastExecution?.state ?? null,
    lastExecutionError: job.lastExecution?.error ?? null,
    steadyStateLastAchievedTime: job.steadyStateLastAchievedTime,
    syncAll: text(job.syncAll)
  };
}

/** Collects every object the diff tracks, keyed by `side/type` and then by stable id. */
function collect(data: SnapshotData): Map<string, Map<string, Tracked>> {
  const all = new Map<string, Map<string, Tracked>>();
  const put = (side: string, type: DiffObjectType, id: string, tracked: Tracked): void => {
    const key = `${side}/${type}`;
    const objects = all.get(key) ?? new Map<string, Tracked>();
    objects.set(id, tracked);
    all.set(key, objects);
  };

  const { entra, sentry } = data;
  for (const user of entra.users) put('entra', 'user', user.id, { name: user.userPrincipalName ?? user.displayName, attributes: { ...userAttributes(user), deleted: 'false' } });
  // A deleted user keeps its id, so the diff reports the deletion as a change of that user.
  const readable = new Set(entra.users.map((user) => user.id));
  for (const id of entra.deletedUserIds) {
    if (!readable.has(id)) put('entra', 'user', id, { name: null, attributes: { deleted: 'true' }, partial: true });
  }
  for (const group of entra.groups) put('entra', 'group', group.id, { name: group.displayName, attributes: groupAttributes(group) });
  for (const assignment of entra.assignments) {
    put('entra', 'assignment', assignment.id, {
      name: assignment.principalDisplayName,
      attributes: { appRoleId: assignment.appRoleId, principalId: assignment.principalId, principalType: assignment.principalType }
    });
  }
  for (const edge of entra.memberships) {
    put('entra', 'membership', `${edge.groupId}/${edge.memberId}`, { name: null, attributes: { relation: edge.relation, memberType: edge.memberType } });
  }
  if (entra.provisioningJob) put('entra', 'provisioningJob', entra.provisioningJob.id, { name: entra.provisioningJob.templateId, attributes: jobAttributes(entra.provisioningJob) });

  for (const member of sentry.users) put('sentry', 'member', member.id, { name: member.userName, attributes: memberAttributes(member) });
  for (const team of sentry.groups) {
    put('sentry', 'team', team.id, { name: team.displayName, attributes: teamAttributes(team) });
    for (const member of team.members) put('sentry', 'teamMembership', `${team.id}/${member.value}`, { name: member.display, attributes: {} });
  }
  return all;
}

const ORDER: Array<[DiffChange['side'], DiffObjectType]> = [
  ['entra', 'user'],
  ['entra', 'group'],
  ['entra', 'assignment'],
  ['entra', 'membership'],
  ['entra', 'provisioningJob'],
  ['sentry', 'member'],
  ['sentry', 'team'],
  ['sentry', 'teamMembership']
];

/**
 * Lists what changed between two snapshots. Objects pair by stable id (Entra object id, SCIM id,
 * `groupId/memberId` for memberships), so a renamed user or team is one change, not a removal and an addition.
 */
export function diffSnapshots(from: Snapshot, to: Snapshot): SnapshotDiff {
  const before = collect(from.data);
  const after = collect(to.data);
  const changes: DiffChange[] = [];

  for (const [side, objectType] of ORDER) {
    const key = `${side}/${objectType}`;
    const oldObjects = before.get(key) ?? new Map<string, Tracked>();
    const newObjects = after.get(key) ?? new Map<string, Tracked>();
    const base = { side, objectType, attribute: null, oldValue: null, newValue: null };

    for (const [id, old] of oldObjects) {
      const current = newObjects.get(id);
      if (!current) {
        changes.push({ ...base, objectId: id, displayName: old.name, change: 'removed' });
        continue;
      }
      const names = old.partial || current.partial
        ? new Set(Object.keys(old.partial ? old.attributes : current.attributes))
        : new Set([...Object.keys(old.attributes), ...Object.keys(current.attributes)]);
      for (const attribute of names) {
        const oldValue = old.attributes[attribute] ?? null;
        const newValue = current.attributes[attribute] ?? null;
        if (oldValue !== newValue) changes.push({ side, objectType, objectId: id, displayName: current.name ?? old.name, change: 'changed', attribute, oldValue, newValue });
      }
    }
    for (const [id, current] of newObjects) {
      if (!oldObjects.has(id)) changes.push({ ...base, objectId: id, displayName: current.name, change: 'added' });
    }
  }
  return { from: from.meta.id, to: to.meta.id, changes };
}
