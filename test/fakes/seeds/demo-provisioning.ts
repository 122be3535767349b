import type { ScopingFilter } from '../graph/sync-schema';
import type { SeedGraphGroup, SeedGraphUser, SeedScimGroup, SeedScimUser } from '../seed';
import type { SeedBuilder } from './builder';
import { provisioningLogEntry, type LogEvent } from './provisioning-logs';
import { addMinutes } from './random';
import { sentryProvisioningJob, sentryProvisioningSchema } from './sentry-app';

type DemoPerson = 'jonas' | 'owen' | 'peter' | 'sofia' | 'nadia' | 'leo' | 'amara' | 'sven' | 'tomasz' | 'anna' | 'grace' | 'chloe';
type DemoGroup = 'platformTeam' | 'platformTeamLower' | 'mobile' | 'dataPlatform' | 'securityChampions';

export interface DemoProvisioningInput {
  referenceTime: Date;
  scopingFilter: ScopingFilter;
  /** Sentry member of each Entra user id that has one. */
  sentryOf: Map<string, SeedScimUser>;
  people: Record<DemoPerson, SeedGraphUser>;
  tomaszMembers: SeedScimUser[];
  groups: Record<DemoGroup, SeedGraphGroup>;
  platformTeam: SeedScimGroup;
  mobileTeam: SeedScimGroup;
  /** Clean, provisioned users to draw everyday log entries from. */
  routineUsers: SeedGraphUser[];
}

const CYCLE_MINUTES = 40;
const ROUTINE_UPDATE_FAILURES = 22;
const ROUTINE_CREATES = 13;

/** Sentry's response to the PATCH with `op: Add` that Entra sends on update cycles; Sentry accepts only `replace`. */
const ADD_NOT_VALID = 'Target returned HTTP 400 Bad Request for PATCH /Users/{id}: {"Operations":{"op":["\\"add\\" is not a valid choice."]}}';
/**
 * Sentry examines only the first PATCH operation and deletes the member only when that one sets
 * active to false. Entra put an emails change first, so the deactivation was rejected.
 */
const FIRST_OP_NOT_ACTIVE = 'Target returned HTTP 400 Bad Request for PATCH /Users/{id}: Invalid Patch Operation.';

/**
 * Adds the provisioning job (with its schema) and about 60 provisioning log entries from the 7 days
 * before the reference time. Every failure belongs to a planted drift, so the audit can cite it.
 */
export function addDemoProvisioning(b: SeedBuilder, input: DemoProvisioningInput): void {
  const lastCycleBegan = addMinutes(input.referenceTime, -40);
  const lastCycleEnded = addMinutes(input.referenceTime, -36);
  /** A time inside the cycle that began `cyclesAgo` cycles before the last one. */
  const inCycle = (cyclesAgo: number): Date => addMinutes(lastCycleBegan, -cyclesAgo * CYCLE_MINUTES + 0.5 + b.rng.int(180) / 60);

  const { people, groups } = input;
  const user = (person: SeedGraphUser): LogEvent['source'] => ({
    id: person.id,
    displayName: person.displayName ?? person.userPrincipalName,
    type: 'User',
    matchValue: person.mail ?? person.userPrincipalName
  });
  const group = (entraGroup: SeedGraphGroup): LogEvent['source'] => ({ id: entraGroup.id, displayName: entraGroup.displayName, type: 'Group', matchValue: entraGroup.displayName });
  const memberId = (person: SeedGraphUser): string | null => input.sentryOf.get(person.id)?.id ?? null;
  const patchFailure = (text: string, person: SeedGraphUser): string => text.replace('{id}', memberId(person) ?? '');

  const events: LogEvent[] = [];
  const roleUpdate = (person: SeedGraphUser, role: string, cyclesAgo: number): void => {
    events.push({
      at: inCycle(cyclesAgo), action: 'update', status: 'failure', source: user(person), targetId: memberId(person),
      errorCode: 'SystemForCrossDomainIdentityManagementServiceIncompatible', reason: patchFailure(ADD_NOT_VALID, person),
      modifiedProperties: [{ displayName: 'sentryOrgRole', oldValue: 'member', newValue: role }]
    });
  };
  const disable = (person: SeedGraphUser, cyclesAgo: number): void => {
    events.push({
      at: inCycle(cyclesAgo), action: 'disable', status: 'failure', source: user(person), targetId: memberId(person),
      errorCode: 'SystemForCrossDomainIdentityManagementServiceIncompatible', reason: patchFailure(FIRST_OP_NOT_ACTIVE, person),
      modifiedProperties: [{ displayName: 'active', oldValue: 'True', newValue: 'False' }]
    });
  };

  // Sentry rejects Grace's POST with 409 because it has a join request for her address, which SCIM's list leaves out.
  for (const cyclesAgo of [216, 144, 36]) {
    events.push({
      at: inCycle(cyclesAgo), action: 'create', status: 'failure', source: user(people.grace), targetId: null,
      errorCode: 'EntryConflict', reason: 'Target returned HTTP 409 Conflict for POST /Users: User already exists in the database.'
    });
  }
  for (const cyclesAgo of [190, 70]) {
    events.push({
      at: inCycle(cyclesAgo), action: 'create', status: 'failure', source: user(people.anna), targetId: null,
      errorCode: 'SystemForCrossDomainIdentityManagementServiceIncompatible',
      reason: 'Target returned HTTP 400 Bad Request for POST /Users: {"email":["Ensure this field has no more than 75 characters."]}'
    });
  }
  for (const cyclesAgo of [100, 20]) {
    events.push({
      at: inCycle(cyclesAgo), action: 'other', status: 'failure', source: user(people.tomasz), targetId: null,
      errorCode: 'DuplicateTargetEntries',
      reason: `Sentry returned ${input.tomaszMembers.length} users (ids ${input.tomaszMembers.map((member) => member.id).join(', ')}) for filter userName eq "tomasz.nowak@contoso.example".`
    });
  }
  roleUpdate(people.jonas, 'admin', 60);
  roleUpdate(people.jonas, 'admin', 3);
  roleUpdate(people.chloe, 'billing', 80);
  roleUpdate(people.chloe, 'billing', 5);
  disable(people.owen, 30);
  disable(people.nadia, 1);

  for (const [person, cyclesAgo] of [[people.sofia, 200], [people.leo, 110]] as const) {
    events.push({
      at: inCycle(cyclesAgo), action: 'other', status: 'skipped', source: user(person), targetId: null,
      errorCode: 'EntrySynchronizationSkipped', reason: 'The user is not in scope: no scoping filter group (Employees, Fabrikam partners) is satisfied.'
    });
  }

  // Peter, a short-term intern, was created this week and deleted in Entra after the last cycle.
  events.push({ at: inCycle(160), action: 'create', status: 'success', source: user(people.peter), targetId: memberId(people.peter), modifiedProperties: [{ displayName: 'userName', oldValue: null, newValue: people.peter.mail ?? null }] });

  // Amara and Sven were created, then an admin removed them in Sentry's UI; Entra does not notice target-side deletes.
  for (const [person, cyclesAgo] of [[people.amara, 170], [people.sven, 150]] as const) {
    events.push({ at: inCycle(cyclesAgo), action: 'create', status: 'success', source: user(person), targetId: b.reserveMemberId(), modifiedProperties: [{ displayName: 'userName', oldValue: null, newValue: person.mail ?? null }] });
  }

  // Both colliding groups resolve to the same team through Sentry's slug filter.
  for (const entraGroup of [groups.platformTeam, groups.platformTeamLower]) {
    events.push({ at: inCycle(90), action: 'update', status: 'success', source: group(entraGroup), targetId: input.platformTeam.id, modifiedProperties: [{ displayName: 'members', oldValue: null, newValue: '1 added' }] });
  }
  events.push({ at: inCycle(120), action: 'update', status: 'success', source: group(groups.mobile), targetId: input.mobileTeam.id, modifiedProperties: [{ displayName: 'members', oldValue: null, newValue: '1 added' }] });

  // The Data Platform team was deleted in Sentry's UI, but Entra still uses its old id.
  const deletedTeamId = b.reserveTeamId();
  for (const cyclesAgo of [40, 4]) {
    events.push({ at: inCycle(cyclesAgo), action: 'update', status: 'failure', source: group(groups.dataPlatform), targetId: deletedTeamId, errorCode: 'InvalidAnchor', reason: `Target returned HTTP 404 Not Found for PATCH /Groups/${deletedTeamId}: Group not found.` });
  }
  for (const cyclesAgo of [30, 10]) {
    events.push({
      at: inCycle(cyclesAgo), action: 'create', status: 'failure', source: group(groups.securityChampions), targetId: null,
      errorCode: 'TooManyRequests', reason: 'Target returned HTTP 429 Too Many Requests for POST /Groups: You are attempting to use this endpoint too frequently. Limit is 40 requests in 1 seconds'
    });
  }

  // Everyday traffic: Sentry rejects Entra's attribute updates, while creates of new hires succeed.
  const pool = [...input.routineUsers];
  const draw = (): SeedGraphUser => pool.splice(b.rng.int(pool.length), 1)[0] as SeedGraphUser;
  for (let i = 0; i < ROUTINE_UPDATE_FAILURES; i++) {
    const person = draw();
    events.push({
      at: inCycle(b.rng.int(250)), action: 'update', status: 'failure', source: user(person), targetId: memberId(person),
      errorCode: 'SystemForCrossDomainIdentityManagementServiceIncompatible', reason: patchFailure(ADD_NOT_VALID, person),
      modifiedProperties: [{ displayName: 'emails[type eq "work"].value', oldValue: null, newValue: person.mail ?? null }]
    });
  }
  for (let i = 0; i < ROUTINE_CREATES; i++) {
    const person = draw();
    events.push({ at: inCycle(b.rng.int(250)), action: 'create', status: 'success', source: user(person), targetId: memberId(person), modifiedProperties: [{ displayName: 'userName', oldValue: null, newValue: person.mail ?? null }] });
  }

  const sp = b.servicePrincipal;
  const entitled = countEntitled(b);
  const failing = new Set(events.filter((event) => event.status === 'failure').map((event) => event.source.id));
  const { id: jobId, job } = sentryProvisioningJob(
    b.rng,
    b.tenantId,
    { lastCycleBegan, lastCycleEnded, steadyStateFirstAchieved: new Date('2025-09-02T07:15:00Z') },
    { entitled, escrowed: failing.size, usersSynchronized: input.sentryOf.size }
  );
  sp.xSynchronizationJobs = [{ ...job, id: jobId, xSchema: sentryProvisioningSchema('mail', input.scopingFilter) }];

  // Graph lists provisioning events newest first.
  events.sort((left, right) => right.at.getTime() - left.at.getTime());
  const context = { rng: b.rng, tenantId: b.tenantId, jobId, servicePrincipalId: sp.id, sourceSystemId: b.rng.guid(), targetSystemId: b.rng.guid() };
  b.seed.graph.provisioningLogs = events.map((event) => provisioningLogEntry(context, event));
}

/** Users assigned directly or as direct members of an assigned group, plus the assigned groups. */
function countEntitled(b: SeedBuilder): number {
  const groupsById = new Map(b.seed.graph.groups.map((group) => [group.id, group]));
  const userIds = new Set(b.seed.graph.users.map((user) => user.id));
  const entitled = new Set<string>();
  for (const assignment of b.servicePrincipal.xAssignments) {
    entitled.add(assignment.principalId);
    const members = assignment.principalType === 'Group' ? (groupsById.get(assignment.principalId)?.xMembers ?? []) : [];
    for (const memberId of members) if (userIds.has(memberId)) entitled.add(memberId);
  }
  return entitled.size;
}
