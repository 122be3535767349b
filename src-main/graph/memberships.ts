import type { EntraAppRoleAssignment, EntraGroup, EntraGroupMember, EntraUser } from '../model/snapshot';
import { HttpError } from '../http/errors';
import { GraphPermissionError } from './errors';
import type { GraphClient, ListResult, ReadContext } from './graph-client';
import { GROUP_SELECT, MEMBER_SELECT, USER_SELECT, memberKind, toAssignment, toGroup, toUser } from './normalize';
import type { SourceTracker } from './source-tracker';

type RawItem = Record<string, unknown> & { id: string };

/** Full listings of one collection tried before a count that does not add up is kept with a warning. */
const LISTING_ATTEMPTS = 3;

/** Counted lists need Graph's advanced query mode, which reads a slightly stale index. */
const COUNT_HEADERS = { ConsistencyLevel: 'eventual' };

/**
 * Reads a counted collection, again from the start when an id arrived twice or the distinct ids do not
 * add up to the `@odata.count` Graph announced: both mean the list changed mid-read and items shifted
 * between pages. A repeated reading is recorded as a warning, and so are duplicates and a count that
 * still does not add up after the last attempt.
 */
export async function listConsistently(graph: GraphClient, path: string, context: ReadContext, label: string, warnings: string[]): Promise<ListResult<RawItem>> {
  let result: ListResult<RawItem> | null = null;
  let currentPath = path;
  let readings = 0;
  let consistent = false;
  const rowsBefore = context.tracker?.rows ?? 0;

  for (let attempt = 1; attempt <= LISTING_ATTEMPTS; attempt++) {
    readings = attempt;
    // A new reading replaces the rows of the one before; its pages and retries still count.
    context.tracker?.setRows(rowsBefore);
    try {
      result = await graph.listAll<RawItem>(currentPath, context, currentPath === path ? COUNT_HEADERS : {});
    } catch (error) {
      // NOTE: Graph's pages do not say whether every list here accepts `$count`; a 400 drops the count instead of the capture.
      if (!(error instanceof HttpError) || error.status !== 400 || !currentPath.includes('&$count=true')) throw error;
      currentPath = currentPath.replace('&$count=true', '');
      warnings.push(`${label}: Graph rejected $count (${error.code ?? 'HTTP 400'}), so changes during the read can be found only through repeated ids.`);
      result = await graph.listAll<RawItem>(currentPath, context);
    }
    const countAddsUp = result.apiTotal === null || result.apiTotal === result.items.length;
    consistent = countAddsUp && result.duplicateIds.length === 0;
    if (consistent) break;
  }
  const final = result as ListResult<RawItem>;

  if (consistent && readings > 1) {
    warnings.push(`${label}: the list changed while it was read, so it was read again (${readings} readings); the snapshot holds the last reading, which is consistent.`);
  }

  if (final.duplicateIds.length > 0) {
    warnings.push(`${label}: ${final.duplicateIds.length} entries arrived on more than one page because the list changed while it was read; each was kept once (${final.duplicateIds.slice(0, 5).join(', ')}${final.duplicateIds.length > 5 ? ', ...' : ''}).`);
  }
  if (final.apiTotal !== null && final.apiTotal !== final.items.length) {
    warnings.push(`${label}: Graph announced ${final.apiTotal} entries but ${final.items.length} distinct ones arrived in ${LISTING_ATTEMPTS} full readings; the list kept changing while it was read, so capture again to be sure.`);
  }
  return final;
}

export async function readAssignments(graph: GraphClient, servicePrincipalId: string, tracker: SourceTracker, warnings: string[], signal?: AbortSignal): Promise<EntraAppRoleAssignment[]> {
  const context: ReadContext = { source: 'graph.assignments', permission: 'Application.Read.All', what: 'the app role assignments of the enterprise app', signal, tracker };
  const path = `/servicePrincipals/${encodeURIComponent(servicePrincipalId)}/appRoleAssignedTo?$top=${graph.pageSize}&$count=true`;
  const result = await listConsistently(graph, path, context, 'App role assignments', warnings);
  if (result.apiTotal !== null) tracker.addApiTotal(result.apiTotal);
  return result.items.map(toAssignment);
}

/** Reads the groups' own attributes through `$batch`; ids Graph returns 404 for are listed in `missing`. */
export async function readGroups(graph: GraphClient, groupIds: string[], tracker: SourceTracker, signal?: AbortSignal): Promise<{ groups: EntraGroup[]; missing: string[] }> {
  const context: ReadContext = { source: 'graph.groups', permission: 'GroupMember.Read.All', what: 'the groups assigned to the enterprise app', signal, tracker };
  const paths = groupIds.map((id) => `/groups/${encodeURIComponent(id)}?$select=${GROUP_SELECT.join(',')}`);
  const answers = await graph.batchGet(paths, context);

  const groups: EntraGroup[] = [];
  const missing: string[] = [];
  answers.forEach((answer, index) => {
    if (answer.status === 404) missing.push(groupIds[index] as string);
    else groups.push(toGroup(answer.body as Record<string, unknown>));
  });
  return { groups, missing };
}

/** Reads users through `$batch`; users Graph returns 404 for (deleted) are listed in `deletedIds`. */
export async function readUsers(graph: GraphClient, userIds: string[], tracker: SourceTracker, signal?: AbortSignal): Promise<{ users: EntraUser[]; deletedIds: string[] }> {
  const context: ReadContext = { source: 'graph.users', permission: 'User.Read.All', what: 'the users assigned to the enterprise app', signal, tracker };
  const paths = userIds.map((id) => `/users/${encodeURIComponent(id)}?$select=${USER_SELECT.join(',')}`);
  const answers = await graph.batchGet(paths, context);

  const users: EntraUser[] = [];
  const deletedIds: string[] = [];
  answers.forEach((answer, index) => {
    if (answer.status === 404) deletedIds.push(userIds[index] as string);
    else users.push(toFullUser(answer.body as Record<string, unknown>, context));
  });
  return { users, deletedIds };
}

export interface GroupMembership {
  edges: EntraGroupMember[];
  users: EntraUser[];
  nestedGroups: EntraGroup[];
}

/**
 * Reads the direct members of one assigned group and, when it contains groups, the users reachable
 * only through them (`transitiveMembers`). Entra provisions direct members only, so the two are
 * recorded as separate relations.
 */
export async function readGroupMembers(graph: GraphClient, group: EntraGroup, tracker: SourceTracker, warnings: string[], signal?: AbortSignal): Promise<GroupMembership> {
  const context: ReadContext = { source: 'graph.memberships', permission: 'GroupMember.Read.All', what: `the members of group '${group.displayName ?? group.id}'`, signal, tracker };
  const groupPath = `/groups/${encodeURIComponent(group.id)}`;
  const query = `?$select=${MEMBER_SELECT.join(',')}&$top=${graph.pageSize}&$count=true`;
  const label = `Members of group '${group.displayName ?? ''}' (${group.id})`;

  const direct = await listConsistently(graph, `${groupPath}/members${query}`, context, label, warnings);
  if (direct.apiTotal !== null) tracker.addApiTotal(direct.apiTotal);

  const edges: EntraGroupMember[] = [];
  const users: EntraUser[] = [];
  const nestedGroups: EntraGroup[] = [];
  for (const item of direct.items) {
    const kind = memberKind(item);
    edges.push({ groupId: group.id, memberId: item.id, memberType: kind, relation: 'direct' });
    if (kind === 'user') users.push(toFullUser(item, context));
    if (kind === 'group') nestedGroups.push(toGroup(item));
  }

  if (nestedGroups.length > 0) {
    const directIds = new Set(direct.items.map((item) => item.id));
    const transitive = await listConsistently(graph, `${groupPath}/transitiveMembers${query}`, context, `Nested members of group '${group.displayName ?? ''}' (${group.id})`, warnings);
    if (transitive.apiTotal !== null) tracker.addApiTotal(transitive.apiTotal);
    for (const item of transitive.items) {
      if (memberKind(item) !== 'user' || directIds.has(item.id)) continue;
      edges.push({ groupId: group.id, memberId: item.id, memberType: 'user', relation: 'nested' });
      users.push(toFullUser(item, context));
    }
  }

  return { edges, users, nestedGroups };
}

/**
 * Converts a user item, raising when User.Read.All is missing. Graph returns "limited information"
 * items (only the id) to a caller that may not read users, and leaves out the `$select`-only
 * attributes for one with only User.ReadBasic.All. Every real user has a userPrincipalName and an
 * accountEnabled flag, so their absence means User.Read.All is missing.
 */
function toFullUser(raw: Record<string, unknown>, context: ReadContext): EntraUser {
  const user = toUser(raw);
  if (user.userPrincipalName === null || !('accountEnabled' in raw)) {
    throw new GraphPermissionError('graph.users', 'User.Read.All', `${context.what} (Graph returned user ${user.id} without its attributes)`, null);
  }
  return user;
}
