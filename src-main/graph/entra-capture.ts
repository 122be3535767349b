import type { EntraGroup, EntraGroupMember, EntraSide, EntraUser, SourceRecord, UnavailableItem } from '../model/snapshot';
import type { GraphClient } from './graph-client';
import { readAssignments, readGroupMembers, readGroups, readUsers } from './memberships';
import { readProvisioning } from './provisioning';
import type { AppRef } from './service-principal';
import { findServicePrincipal } from './service-principal';
import { SourceTracker } from './source-tracker';
import type { ProgressListener } from './source-tracker';

export interface EntraCaptureOptions {
  onProgress?: ProgressListener;
  signal?: AbortSignal;
  /** Clock for the provisioning log window; tests pass a fixed one. */
  now?: Date;
}

export interface EntraCapture {
  side: EntraSide;
  sources: SourceRecord[];
  warnings: string[];
  unavailable: UnavailableItem[];
  /** Assigned groups that still exist, for the population description. */
  assignedGroupCount: number;
}

/**
 * Reads everything the audit needs from Entra for one enterprise app: the service principal, its
 * assignments, the assigned users and the members of assigned groups, and the provisioning job, schema
 * and logs. Assignments and memberships must be complete, so their errors end the capture. The
 * provisioning parts are optional and become `unavailable` entries when the token may not read them.
 */
export async function readEntraSide(graph: GraphClient, appRef: AppRef, options: EntraCaptureOptions = {}): Promise<EntraCapture> {
  const { onProgress, signal } = options;
  const sources: SourceRecord[] = [];
  const warnings: string[] = [];

  const spTracker = new SourceTracker('graph.servicePrincipal', onProgress);
  const servicePrincipal = await tracked(spTracker, () => findServicePrincipal(graph, appRef, spTracker, signal));
  sources.push(spTracker.finish());

  const [directory, provisioning] = await Promise.all([
    readDirectory(graph, servicePrincipal.id, sources, warnings, options),
    readProvisioning(graph, servicePrincipal.id, { now: options.now ?? new Date(), onProgress, signal })
  ]);

  sources.push(...provisioning.sources);
  warnings.push(...provisioning.warnings);

  return {
    side: {
      tenantId: graph.tenantId,
      servicePrincipal,
      ...directory.side,
      provisioningJob: provisioning.job,
      provisioningSchema: provisioning.schema,
      provisioningLogs: provisioning.logs
    },
    sources: sortSources(sources),
    warnings,
    unavailable: provisioning.unavailable,
    assignedGroupCount: directory.assignedGroupCount
  };
}

type DirectoryPart = Pick<EntraSide, 'assignments' | 'users' | 'deletedUserIds' | 'groups' | 'memberships'>;

async function readDirectory(
  graph: GraphClient,
  servicePrincipalId: string,
  sources: SourceRecord[],
  warnings: string[],
  options: EntraCaptureOptions
): Promise<{ side: DirectoryPart; assignedGroupCount: number }> {
  const { onProgress, signal } = options;

  const assignmentTracker = new SourceTracker('graph.assignments', onProgress);
  const assignments = await tracked(assignmentTracker, () => readAssignments(graph, servicePrincipalId, assignmentTracker, warnings, signal));
  sources.push(assignmentTracker.finish());

  const assignedGroupIds = unique(assignments.filter((a) => a.principalType === 'Group').map((a) => a.principalId));
  const assignedUserIds = unique(assignments.filter((a) => a.principalType === 'User').map((a) => a.principalId));

  const groupTracker = new SourceTracker('graph.groups', onProgress);
  const { groups: assignedGroups, missing } = await tracked(groupTracker, () => readGroups(graph, assignedGroupIds, groupTracker, signal));
  sources.push(groupTracker.finish());
  for (const id of missing) {
    const name = assignments.find((a) => a.principalId === id)?.principalDisplayName;
    const label = name ? `'${name}' (${id})` : id;
    warnings.push(`Assigned group ${label} no longer exists in Entra (Graph returned 404); its assignment is kept and it has no members.`);
  }

  const memberTracker = new SourceTracker('graph.memberships', onProgress);
  const memberships = await tracked(memberTracker, () => Promise.all(assignedGroups.map((group) => readGroupMembers(graph, group, memberTracker, warnings, signal))));
  sources.push(memberTracker.finish());

  const users = new Map<string, EntraUser>();
  const groups = new Map<string, EntraGroup>(assignedGroups.map((group) => [group.id, group]));
  const edges: EntraGroupMember[] = [];
  for (const membership of memberships) {
    edges.push(...membership.edges);
    for (const user of membership.users) users.set(user.id, user);
    for (const group of membership.nestedGroups) if (!groups.has(group.id)) groups.set(group.id, group);
  }

  // Users already read as group members carry the same attributes, so only the others are fetched.
  const userTracker = new SourceTracker('graph.users', onProgress);
  const toRead = assignedUserIds.filter((id) => !users.has(id));
  const direct = await tracked(userTracker, () => readUsers(graph, toRead, userTracker, signal));
  sources.push(userTracker.finish());
  for (const user of direct.users) users.set(user.id, user);

  return {
    side: {
      assignments: [...assignments].sort((a, b) => compare(a.id, b.id)),
      users: [...users.values()].sort((a, b) => compare(a.id, b.id)),
      deletedUserIds: [...direct.deletedIds].sort(compare),
      groups: [...groups.values()].sort((a, b) => compare(a.id, b.id)),
      memberships: edges.sort((a, b) => compare(a.groupId, b.groupId) || compare(a.relation, b.relation) || compare(a.memberId, b.memberId))
    },
    assignedGroupCount: assignedGroups.length
  };
}

/** Runs a read and marks its source failed when it throws, so progress shows where the capture stopped. */
async function tracked<T>(tracker: SourceTracker, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    tracker.fail();
    throw error;
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

const SOURCE_ORDER = [
  'graph.servicePrincipal',
  'graph.assignments',
  'graph.groups',
  'graph.memberships',
  'graph.users',
  'graph.provisioningJob',
  'graph.provisioningSchema',
  'graph.provisioningLogs'
];

function sortSources(sources: SourceRecord[]): SourceRecord[] {
  return [...sources].sort((a, b) => SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source));
}
