import { toProvisioningJob } from '../graph/normalize';
import type { EntraGroup, EntraGroupMember, EntraServicePrincipal, EntraSide, EntraUser, SourceRecord, UnavailableItem } from '../model/snapshot';
import type { Collected, CountClaim, MemberList } from './collect';
import { ImportError } from './errors';
import { describeOrigin } from './records';

/** The Entra side of an import with its source records. Parts that could not be built are added to `missing`. */
export interface EntraAssembly {
  side: Omit<EntraSide, 'tenantId' | 'servicePrincipal'>;
  sources: SourceRecord[];
  unavailable: UnavailableItem[];
  assignedGroupCount: number;
}

/** Properties a live capture always has because it selects them; a users download may lack some. */
const OPTIONAL_USER_PROPERTIES = ['mail', 'proxyAddresses', 'otherMails', 'givenName', 'surname', 'displayName', 'employeeId', 'userType', 'onPremisesImmutableId'] as const;

/**
 * Builds the Entra side from the collected objects by the rules of a live capture. It takes assigned
 * users and the direct members of assigned groups, and records users reachable only through nested
 * groups as `nested` edges. Assigned principals that no file contains are recorded as deleted, as a
 * live capture records Graph's 404.
 */
export function assembleEntra(c: Collected, sp: EntraServicePrincipal, times: { startedAt: string; endedAt: string }, missing: string[], warnings: string[]): EntraAssembly {
  checkAssignments(c, sp);
  const assignments = c.assignments.values().map((found) => found.value);
  const label = (id: string): string => {
    const name = assignments.find((assignment) => assignment.principalId === id)?.principalDisplayName;
    return name ? `'${name}' (${id})` : id;
  };

  const assignedGroupIds = unique(assignments.filter((a) => a.principalType === 'Group').map((a) => a.principalId));
  const assignedUserIds = unique(assignments.filter((a) => a.principalType === 'User').map((a) => a.principalId));

  const edges: EntraGroupMember[] = [];
  const groupIds = new Set<string>();
  const memberUserIds = new Set<string>();
  const usedLists = new Set<MemberList>();
  let apiTotal: number | null = null;

  for (const groupId of assignedGroupIds) {
    const direct = c.memberLists.get(`${groupId} direct`);
    if (!c.groups.has(groupId) && direct === undefined) {
      warnings.push(`Assigned group ${label(groupId)} is in no exported groups file or member list, so it is recorded as deleted, as a live capture records a group Graph answers 404 for; its assignment is kept and it has no members. If the group exists, export it and its members.`);
      continue;
    }
    if (!c.groups.has(groupId)) {
      missing.push(`The assigned group ${label(groupId)} itself: export GET /groups/${groupId} into groups.json.`);
      continue;
    }
    groupIds.add(groupId);
    if (direct === undefined) {
      missing.push(`The members of assigned group ${label(groupId)}: export GET /groups/${groupId}/members as group-members.${groupId}.json.`);
      continue;
    }
    usedLists.add(direct);
    apiTotal = addTotal(apiTotal, checkListCount(direct, 'members'));

    const directIds = new Set<string>();
    let hasNestedGroups = false;
    for (const [memberId, found] of direct.members.entries()) {
      directIds.add(memberId);
      edges.push({ groupId, memberId, memberType: found.value, relation: 'direct' });
      if (found.value === 'user') memberUserIds.add(memberId);
      if (found.value === 'group') {
        groupIds.add(memberId);
        hasNestedGroups = true;
      }
    }
    if (!hasNestedGroups) continue;

    const transitive = c.memberLists.get(`${groupId} transitive`);
    if (transitive === undefined) {
      missing.push(`The transitive members of assigned group ${label(groupId)}, which contains nested groups: export GET /groups/${groupId}/transitiveMembers as group-transitive-members.${groupId}.json.`);
      continue;
    }
    usedLists.add(transitive);
    apiTotal = addTotal(apiTotal, checkListCount(transitive, 'transitive members'));
    for (const [memberId, found] of transitive.members.entries()) {
      if (found.value !== 'user' || directIds.has(memberId)) continue;
      edges.push({ groupId, memberId, memberType: 'user', relation: 'nested' });
      memberUserIds.add(memberId);
    }
  }

  for (const list of c.memberLists.values()) {
    if (!usedLists.has(list)) warnings.push(`The ${list.target.relation} member list of group ${list.target.groupId} (${list.origins.map(describeOrigin).join('; ')}) was not used: the group is not assigned to the app, or its assignment needs no such list.`);
  }

  const { users, deletedUserIds } = assembleUsers(c, assignedUserIds, memberUserIds, missing, warnings, label);
  const groups = [...groupIds].map((id) => toEntraGroup(c, id));
  const provisioning = assembleProvisioning(c, sp, warnings);
  const record = (source: SourceRecord['source'], rowsReceived: number, pages: number, total: number | null = null): SourceRecord => ({ source, ...times, rowsReceived, apiTotal: total, pages, retries: 0 });

  const sources = [
    record('graph.assignments', assignments.length, c.pages.assignments, maxClaim(c.assignmentCounts)),
    record('graph.groups', groups.length, c.pages.groups),
    record('graph.memberships', edges.length, c.pages.members, apiTotal),
    record('graph.users', users.length, c.pages.users),
    ...provisioning.sources.map((source) => record(source.source, source.rows, source.pages))
  ];

  return {
    side: {
      assignments: [...assignments].sort((a, b) => compare(a.id, b.id)),
      users: users.sort((a, b) => compare(a.id, b.id)),
      deletedUserIds: deletedUserIds.sort(compare),
      groups: groups.sort((a, b) => compare(a.id, b.id)),
      memberships: edges.sort((a, b) => compare(a.groupId, b.groupId) || compare(a.relation, b.relation) || compare(a.memberId, b.memberId)),
      provisioningJob: provisioning.job,
      provisioningSchema: provisioning.schema,
      provisioningLogs: provisioning.logs
    },
    sources,
    unavailable: provisioning.unavailable,
    assignedGroupCount: [...groupIds].filter((id) => assignedGroupIds.includes(id)).length
  };
}

function checkAssignments(c: Collected, sp: EntraServicePrincipal): void {
  for (const { resourceId, origin } of c.assignmentResources) {
    if (resourceId !== sp.id) {
      throw new ImportError(origin.file, `${origin.path}.resourceId`, `the assignment belongs to service principal ${resourceId}, not to the exported app '${sp.displayName}' (${sp.id}). Export the assignments of that app only.`);
    }
  }
  const claimed = maxClaim(c.assignmentCounts);
  if (claimed !== null) checkCount(claimed, c.assignments.size, c.assignmentCounts, 'app role assignments');
}

/** Checks a member list against the `@odata.count` its first page announced, and returns that count. */
function checkListCount(list: MemberList, what: string): number | null {
  const claimed = maxClaim(list.counts);
  if (claimed !== null) checkCount(claimed, list.members.size, list.counts, `${what} of group ${list.target.groupId}`);
  return claimed;
}

function checkCount(claimed: number, received: number, claims: CountClaim[], what: string): void {
  if (claimed === received) return;
  // NOTE: Graph's counted lists read an eventually consistent index, so a count can lag. A live capture
  // reads again and then only warns; an import cannot read again, and a missing page is the likelier cause.
  const claim = claims.find((candidate) => candidate.count === claimed) ?? claims[0];
  const where = claim ? claim.origin : { file: '(unknown file)', path: '$' };
  const advice = claimed > received ? 'A page is missing: export every page, following @odata.nextLink until a page has none.' : 'The pages come from different readings; export them again at one time.';
  throw new ImportError(where.file, `${where.path}['@odata.count']`, `Graph announced ${claimed} ${what}, but the files hold ${received} distinct ones. ${advice}`);
}

function assembleUsers(
  c: Collected,
  assignedUserIds: string[],
  memberUserIds: Set<string>,
  missing: string[],
  warnings: string[],
  label: (id: string) => string
): { users: EntraUser[]; deletedUserIds: string[] } {
  const users: EntraUser[] = [];
  const deletedUserIds: string[] = [];
  const incomplete: string[] = [];
  const absent = new Set<string>();

  for (const id of unique([...assignedUserIds, ...memberUserIds])) {
    const partial = c.users.get(id);
    if (partial === undefined) {
      deletedUserIds.push(id);
      continue;
    }
    const fields = partial.fields;
    if (typeof fields.userPrincipalName !== 'string' || !('accountEnabled' in fields)) {
      incomplete.push(id);
      continue;
    }
    for (const property of OPTIONAL_USER_PROPERTIES) if (!(property in fields)) absent.add(property);
    users.push({
      id,
      userPrincipalName: fields.userPrincipalName,
      mail: fields.mail ?? null,
      proxyAddresses: fields.proxyAddresses ?? [],
      otherMails: fields.otherMails ?? [],
      givenName: fields.givenName ?? null,
      surname: fields.surname ?? null,
      displayName: fields.displayName ?? null,
      accountEnabled: fields.accountEnabled ?? null,
      employeeId: fields.employeeId ?? null,
      userType: fields.userType ?? null,
      onPremisesImmutableId: fields.onPremisesImmutableId ?? null
    });
  }

  if (incomplete.length > 0) {
    missing.push(`The userPrincipalName and accountEnabled of ${incomplete.length} user(s) (${incomplete.slice(0, 5).join(', ')}${incomplete.length > 5 ? ', ...' : ''}): export them with GET /users/{id}?$select=id,userPrincipalName,accountEnabled,mail,... into users.json.`);
  }
  if (absent.size > 0) {
    warnings.push(`Some users come from files without ${[...absent].join(', ')}; those values are recorded as empty, so findings that compare them may differ from a live capture.`);
  }
  if (deletedUserIds.length > 0) {
    warnings.push(`Assigned user(s) ${deletedUserIds.map(label).join(', ')} are in no exported file, so they are recorded as deleted, as a live capture records users Graph answers 404 for. If they exist, export them into users.json.`);
  }
  return { users, deletedUserIds };
}

function toEntraGroup(c: Collected, id: string): EntraGroup {
  const fields = c.groups.get(id)?.fields ?? {};
  return { id, displayName: fields.displayName ?? null, securityEnabled: fields.securityEnabled ?? null, mailEnabled: fields.mailEnabled ?? null, groupTypes: fields.groupTypes ?? [] };
}

interface ProvisioningAssembly {
  job: EntraSide['provisioningJob'];
  schema: unknown | null;
  logs: EntraSide['provisioningLogs'];
  sources: Array<{ source: SourceRecord['source']; rows: number; pages: number }>;
  unavailable: UnavailableItem[];
}

/** Builds the optional provisioning parts, as a live capture does: a part no file contains becomes `unavailable`. */
function assembleProvisioning(c: Collected, sp: EntraServicePrincipal, warnings: string[]): ProvisioningAssembly {
  const out: ProvisioningAssembly = { job: null, schema: null, logs: null, sources: [], unavailable: [] };
  const notImported = (source: SourceRecord['source'], what: string): void => {
    out.unavailable.push({ source, reason: `not available: the imported files hold no ${what}`, missingPermission: null });
  };

  const scopes = unique(c.scope.map((found) => String(found.value)));
  if (scopes.length > 1) {
    const [first, second] = c.scope;
    throw new ImportError(second?.origin.file ?? '', second?.origin.path ?? '$', `the SyncAll setting differs from the one in ${first ? describeOrigin(first.origin) : 'another file'}; export them again at one time.`);
  }
  const syncAll = c.scope[0]?.value ?? null;

  const jobs = c.jobs.entries().sort(([a], [b]) => compare(a, b));
  if (jobs.length > 1) warnings.push(`The enterprise app has ${jobs.length} provisioning jobs (${jobs.map(([id]) => id).join(', ')}); the audit uses the first, ${jobs[0]?.[0]}.`);
  const firstJob = jobs[0];
  if (firstJob) {
    out.job = toProvisioningJob(firstJob[1].value, syncAll);
    out.sources.push({ source: 'graph.provisioningJob', rows: jobs.length, pages: c.pages.jobs });
  } else if (c.pages.jobs > 0) {
    out.sources.push({ source: 'graph.provisioningJob', rows: 0, pages: c.pages.jobs });
  } else {
    notImported('graph.provisioningJob', 'provisioning job (provisioning-jobs.json)');
  }

  const schemas = c.schemas.values();
  if (schemas.length > 1) throw new ImportError(schemas[1]?.origin.file ?? '', schemas[1]?.origin.path ?? '$', `a second provisioning schema besides the one in ${describeOrigin(schemas[0]?.origin ?? { file: '', path: '' })}; export the schema of one job only.`);
  if (schemas[0]) {
    out.schema = schemas[0].value;
    out.sources.push({ source: 'graph.provisioningSchema', rows: 1, pages: 1 });
  } else {
    notImported('graph.provisioningSchema', 'provisioning schema (provisioning-schema.json)');
  }

  if (c.pages.logs === 0) {
    notImported('graph.provisioningLogs', 'provisioning logs (provisioning-logs.json)');
    return out;
  }
  const entries = c.logs.entries().filter(([id]) => {
    const owner = c.logServicePrincipals.get(id) ?? null;
    return owner === null || owner === sp.id;
  });
  const dropped = c.logs.size - entries.length;
  if (dropped > 0) warnings.push(`${dropped} provisioning log entries belong to other enterprise apps and were left out.`);
  out.logs = entries.map(([, found]) => found.value).sort((a, b) => a.activityDateTime.localeCompare(b.activityDateTime) || a.id.localeCompare(b.id));
  out.sources.push({ source: 'graph.provisioningLogs', rows: out.logs.length, pages: c.pages.logs });
  return out;
}

function maxClaim(claims: CountClaim[]): number | null {
  return claims.length === 0 ? null : Math.max(...claims.map((claim) => claim.count));
}

function addTotal(total: number | null, add: number | null): number | null {
  if (add === null) return total;
  return (total ?? 0) + add;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

export function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
