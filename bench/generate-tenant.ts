/**
 * Generates large tenants for the benchmark. `generateTenant({ users: 100_000 })` returns a seed for
 * the fake Graph and SCIM servers with about 50 groups and drift of every kind in fixed proportions
 * (see `DRIFT_RATES`). From 20,000 users up it adds an assigned group of 12,000 members whose Sentry
 * team is over the 10,000 members that SCIM lists. The same options always return the same seed.
 * The Sentry org is `fabrikam` and the tenant domain `fabrikam.example`.
 */
import type { FindingKind } from '../src-main/model/finding';
import type { Seed, SeedGraphGroup, SeedGraphUser, SeedScimUser } from '../test/fakes/seed';
import { SeedBuilder } from '../test/fakes/seeds/builder';
import { addressPart, GIVEN_NAMES, SURNAMES } from '../test/fakes/seeds/names';
import { provisioningLogEntry, type LogEvent } from '../test/fakes/seeds/provisioning-logs';
import { addMinutes, type SeededRandom } from '../test/fakes/seeds/random';
import { sentryProvisioningJob, sentryProvisioningSchema } from '../test/fakes/seeds/sentry-app';

const DOMAIN = 'fabrikam.example';
const REFERENCE_TIME = new Date('2026-11-30T09:00:00Z');

/** Share of all users that carries each drift; the counts are `Math.floor(users * rate)`. */
export const DRIFT_RATES = {
  missing: 0.02,
  orphaned: 0.01,
  disabled: 0.01,
  mismatched: 0.005,
  caseOnly: 0.005,
  duplicate: 0.002,
  unmatchable: 0.002,
  deleted: 0.001,
  scopedOut: 0.002,
  roleMismatch: 0.002,
  nestedOnly: 0.005,
  teamMemberMissing: 0.003,
  unassigned: 0.1
} as const;

export type DriftName = keyof typeof DRIFT_RATES;

export const BIG_GROUP_NAME = 'Engineering';
export const BIG_GROUP_MEMBERS = 12_000;
/** Smallest tenant that gets the 12,000-member group, so that it stays under two thirds of the assigned users. */
export const BIG_GROUP_MIN_USERS = 20_000;

/** Assigned groups with a planted group drift, then the groups that map to one clean team each. */
const COLLIDING_GROUPS = ['Data Science', 'data-science'] as const;
const RENAMED_TEAM = { group: 'Observability', team: 'observability' };
const GROUPS_WITHOUT_TEAM: readonly string[] = ['Billing Platform', 'Growth'];
const UNMANAGED_TEAMS = ['Frontend Guild', 'Incident Review', 'Hackweek 2026'];
const CLEAN_GROUPS: readonly [string, ...string[]] = [
  'Payments', 'Checkout', 'Search', 'Identity', 'Mobile iOS', 'Mobile Android', 'Web Platform', 'API Gateway',
  'Storage', 'Networking', 'Security Engineering', 'Site Reliability', 'Developer Experience', 'Release Engineering',
  'QA Automation', 'Design Systems', 'Product Design', 'Analytics', 'Machine Learning', 'Data Engineering',
  'Customer Support', 'Solutions Engineering', 'Partner Integrations', 'Localization', 'Accessibility', 'Performance',
  'Notifications', 'Messaging', 'Realtime', 'Infrastructure', 'Compliance Engineering', 'Internal Tools', 'Finance Systems'
];
const UNASSIGNED_GROUPS = ['Marketing', 'Sales', 'Legal', 'People Ops', 'Facilities', 'IT Helpdesk', 'Procurement'];
const NESTED_GROUP = 'Engineering Contractors';

export interface TenantOptions {
  users: number;
  seed?: number;
}

/** Returns how many users carry each drift in a tenant of `users` users. */
export function driftCounts(users: number): Record<DriftName, number> {
  const counts = {} as Record<DriftName, number>;
  for (const name of Object.keys(DRIFT_RATES) as DriftName[]) counts[name] = Math.floor(users * DRIFT_RATES[name]);
  return counts;
}

/**
 * Returns the number of findings of each kind the audit reports for a generated tenant of `users`
 * users (10,000 or more, so that every team can take its share of planted membership gaps).
 */
export function expectedFindingCounts(users: number): Record<FindingKind, number> {
  const counts = driftCounts(users);
  const big = users >= BIG_GROUP_MIN_USERS;
  return {
    'user.missing_in_sentry': counts.missing,
    // The Sentry-only owner account counts as one of the orphans; scoped-out users' members are orphaned too.
    'user.orphaned_in_sentry': counts.orphaned + counts.scopedOut,
    // A deleted user has no attributes left, so only its provisioning log entry links it to its member.
    // NOTE: the logs are dated in the week before REFERENCE_TIME, and a capture reads the 7 days before
    // its own clock, so a capture made later loses some of them and their members count as orphans.
    'user.disabled_in_entra': counts.disabled + counts.deleted,
    'user.matching_attribute_mismatch': counts.mismatched,
    'user.case_only_difference': counts.caseOnly,
    'user.duplicate_in_sentry': counts.duplicate,
    'user.nested_group_only': counts.nestedOnly,
    'user.unmatchable': counts.unmatchable,
    'user.role_mismatch': counts.roleMismatch,
    'group.missing_in_sentry': GROUPS_WITHOUT_TEAM.length,
    'group.slug_collision': 1,
    'group.name_mismatch': 1,
    'group.unmanaged_in_sentry': UNMANAGED_TEAMS.length,
    'group.member_missing_in_sentry': counts.teamMemberMissing,
    'group.member_extra_in_sentry': Math.ceil((counts.orphaned - 1) / 4),
    'group.member_list_truncated': big ? 1 : 0
  };
}

/** Creates `count` people; names repeat in big tenants, so addresses get a number after the first use. */
function addPeople(b: SeedBuilder, count: number): SeedGraphUser[] {
  const uses = new Map<string, number>();
  const people: SeedGraphUser[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const givenName = b.rng.pick(GIVEN_NAMES);
    const surname = b.rng.pick(SURNAMES);
    const base = `${addressPart(givenName)}.${addressPart(surname)}`;
    const used = uses.get(base) ?? 0;
    uses.set(base, used + 1);
    const local = used === 0 ? base : `${base}${used + 1}`;
    people[i] = b.person({ givenName, surname, userPrincipalName: `${local}@${DOMAIN}` });
  }
  return people;
}

/** Shuffles in place (Fisher-Yates) with the seeded generator. */
function shuffle<T>(rng: SeededRandom, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const swap = items[i] as T;
    items[i] = items[j] as T;
    items[j] = swap;
  }
  return items;
}

/** Capitalizes each dot-separated part of the local part: `anna.berg2@x.example` -> `Anna.Berg2@x.example`. */
function capitalizeAddress(address: string): string {
  const at = address.indexOf('@');
  const local = address.slice(0, at).replace(/(^|\.)([a-z])/g, (_, dot: string, letter: string) => dot + letter.toUpperCase());
  return local + address.slice(at);
}

export function generateTenant(options: TenantOptions): Seed {
  const total = options.users;
  if (!Number.isInteger(total) || total < 1000) throw new Error(`generateTenant needs at least 1000 users so every drift occurs; got ${total}.`);
  const counts = driftCounts(total);
  const b = new SeedBuilder({ seed: options.seed ?? 1, domain: DOMAIN, orgSlug: 'fabrikam', firstMemberId: 100_001, firstTeamId: 501 });
  const people = addPeople(b, total);

  // Split the population: people outside the app, contractors behind a nested group, and the assigned rest.
  const order = shuffle(b.rng, [...people]);
  const unassigned = order.splice(0, counts.unassigned);
  const nestedOnly = order.splice(0, counts.nestedOnly);
  const assigned = order;
  const drifted = [...assigned];
  const take = (name: DriftName): SeedGraphUser[] => drifted.splice(0, counts[name]);
  const missing = take('missing');
  const disabled = take('disabled');
  const mismatched = take('mismatched');
  const caseOnly = take('caseOnly');
  const duplicate = take('duplicate');
  const unmatchable = take('unmatchable');
  const deleted = take('deleted');
  const scopedOut = take('scopedOut');
  const roleMismatch = take('roleMismatch');
  const clean = drifted;

  for (const user of disabled) user.accountEnabled = false;
  for (const user of deleted) user.xDeleted = true;
  for (const user of scopedOut) user.employeeId = null;
  for (const user of unmatchable) {
    // No Exchange Online licence: mail is null, and the job matches on mail.
    user.mail = null;
    user.proxyAddresses = [];
  }
  for (const user of mismatched) user.proxyAddresses?.push(`smtp:${oldAlias(user)}`);

  // Groups: the big one first when the tenant is large enough, then the rest round-robin.
  const assignedNames = [...COLLIDING_GROUPS, RENAMED_TEAM.group, ...GROUPS_WITHOUT_TEAM, ...CLEAN_GROUPS];
  const big = total >= BIG_GROUP_MIN_USERS;
  const membersByGroup = new Map<string, SeedGraphUser[]>(assignedNames.map((name) => [name, []]));
  if (big) membersByGroup.set(BIG_GROUP_NAME, []);
  // Deleted users are assigned directly and belong to no group. The capture records a user as deleted
  // only when Graph returns 404 for a directly assigned user, because group member lists carry no
  // deleted flag. The fake Graph lists a deleted group member as an ordinary enabled user, which would
  // put it in scope with its member linked but on no team.
  const shuffledAssigned = shuffle(b.rng, assigned.filter((user) => !user.xDeleted));
  shuffledAssigned.forEach((user, index) => {
    const name = big && index < BIG_GROUP_MEMBERS ? BIG_GROUP_NAME : assignedNames[index % assignedNames.length];
    membersByGroup.get(name as string)?.push(user);
  });

  const nestedGroup = b.group(NESTED_GROUP, nestedOnly);
  const groups = new Map<string, SeedGraphGroup>();
  for (const [name, members] of membersByGroup) {
    const parentOfNested = big ? BIG_GROUP_NAME : CLEAN_GROUPS[0];
    const extra = name === parentOfNested ? [nestedGroup] : [];
    groups.set(name, b.group(name, [...members, ...extra]));
  }
  UNASSIGNED_GROUPS.forEach((name, index) => b.group(name, unassigned.filter((_, position) => position % UNASSIGNED_GROUPS.length === index)));
  b.group('All Staff', people.filter((user) => !user.xDeleted));

  const assignedAt = new Date('2025-09-01T08:00:00Z');
  for (const group of groups.values()) b.assign(group, 'User', assignedAt);
  for (const user of deleted) b.assign(user, 'User', assignedAt);
  for (const user of roleMismatch) b.assign(user, 'Admin', assignedAt);

  // Sentry members. Every assigned user except the missing ones has one, in one of the planted forms.
  const sentryOf = new Map<string, SeedScimUser>();
  const addMember = (user: SeedGraphUser, userName: string, pending = false): void => {
    sentryOf.set(user.id, b.member(userName, 'member', { pending }));
  };
  b.member(`sentry-owner@${DOMAIN}`, 'owner');
  for (const user of [...clean, ...disabled, ...deleted, ...scopedOut, ...roleMismatch]) addMember(user, user.userPrincipalName, b.rng.int(20) === 0);
  for (const user of caseOnly) addMember(user, capitalizeAddress(user.userPrincipalName));
  for (const user of mismatched) addMember(user, oldAlias(user));
  for (const user of unmatchable) addMember(user, user.userPrincipalName);
  for (const user of duplicate) {
    addMember(user, user.userPrincipalName);
    b.member(capitalizeAddress(user.userPrincipalName), 'member', { pending: true });
  }
  const orphans: SeedScimUser[] = [];
  for (let i = 0; i < counts.orphaned - 1; i++) orphans.push(b.member(`former.employee${i + 1}@${DOMAIN}`));

  const linkedUsers = new Set([...clean, ...caseOnly, ...roleMismatch].map((user) => user.id));
  addTeams(b, groups, sentryOf, { linkedUsers, orphans, memberMissing: counts.teamMemberMissing });
  addLogs(b, sentryOf, { deleted, missing: missing.slice(0, Math.ceil(missing.length / 10)), roleMismatch });
  return b.seed;
}

/** Returns the employee-number address (`e10234@...`) that a mismatched user was first invited to Sentry with. */
function oldAlias(user: SeedGraphUser): string {
  return `${(user.employeeId ?? user.id).toLowerCase()}@${DOMAIN}`;
}

interface TeamPlan {
  /** Entra ids of users whose member Entra has linked, so they belong on their group's team. */
  linkedUsers: Set<string>;
  orphans: SeedScimUser[];
  memberMissing: number;
}

/** Adds one team per assigned group with the planted team drifts: missing teams, a collision, a rename, extras and gaps. */
function addTeams(b: SeedBuilder, groups: Map<string, SeedGraphGroup>, sentryOf: Map<string, SeedScimUser>, plan: TeamPlan): void {
  const membersOf = (group: SeedGraphGroup): SeedScimUser[] => {
    const members: SeedScimUser[] = [];
    for (const id of group.xMembers) {
      const member = plan.linkedUsers.has(id) ? sentryOf.get(id) : undefined;
      if (member) members.push(member);
    }
    return members;
  };

  let gaps = plan.memberMissing;
  const dropSome = (members: SeedScimUser[]): SeedScimUser[] => {
    const drop = Math.min(gaps, Math.floor(members.length / 50));
    gaps -= drop;
    return members.slice(drop);
  };

  // Gaps and extras go only to teams whose members the audit compares in full: not the colliding
  // pair's shared team, and not the team over SCIM's 10,000-member list cap.
  const compared = [...groups.keys()].filter((name) => !GROUPS_WITHOUT_TEAM.includes(name) && !(COLLIDING_GROUPS as readonly string[]).includes(name) && name !== BIG_GROUP_NAME);
  // Every fourth orphan is still on a team, which the audit reports as an extra member.
  const extras = plan.orphans.filter((_, index) => index % 4 === 0);
  const extrasPerTeam = Math.ceil(extras.length / compared.length);
  let extraIndex = 0;

  for (const [name, group] of groups) {
    if (GROUPS_WITHOUT_TEAM.includes(name) || name === COLLIDING_GROUPS[1]) continue;
    if (name === COLLIDING_GROUPS[0]) {
      b.team(name, [...membersOf(group), ...membersOf(groups.get(COLLIDING_GROUPS[1]) as SeedGraphGroup)]);
      continue;
    }
    if (!compared.includes(name)) {
      b.team(name, membersOf(group));
      continue;
    }
    const extra = extras.slice(extraIndex, extraIndex + extrasPerTeam);
    extraIndex += extra.length;
    b.team(name === RENAMED_TEAM.group ? RENAMED_TEAM.team : name, [...dropSome(membersOf(group)), ...extra]);
  }
  // Teams made in Sentry's UI: a few people from the first clean group joined them.
  const volunteers = membersOf(groups.get(CLEAN_GROUPS[0]) as SeedGraphGroup).slice(0, 5);
  for (const name of UNMANAGED_TEAMS) b.team(name, volunteers);
}

/** Adds the job and provisioning logs that let the audit link deleted users and cite failures. */
function addLogs(b: SeedBuilder, sentryOf: Map<string, SeedScimUser>, planted: { deleted: SeedGraphUser[]; missing: SeedGraphUser[]; roleMismatch: SeedGraphUser[] }): void {
  const began = addMinutes(REFERENCE_TIME, -40);
  const at = (): Date => addMinutes(began, -b.rng.int(7 * 24 * 60 - 60));
  const source = (user: SeedGraphUser): LogEvent['source'] => ({ id: user.id, displayName: user.displayName ?? user.userPrincipalName, type: 'User', matchValue: user.mail ?? user.userPrincipalName });

  const events: LogEvent[] = [];
  for (const user of planted.deleted) events.push({ at: at(), action: 'create', status: 'success', source: source(user), targetId: sentryOf.get(user.id)?.id ?? null });
  for (const user of planted.missing) {
    events.push({ at: at(), action: 'create', status: 'failure', source: source(user), targetId: null, errorCode: 'EntryConflict', reason: 'Target returned HTTP 409 Conflict for POST /Users: User already exists in the database.' });
  }
  for (const user of planted.roleMismatch) {
    events.push({
      at: at(), action: 'update', status: 'failure', source: source(user), targetId: sentryOf.get(user.id)?.id ?? null,
      errorCode: 'SystemForCrossDomainIdentityManagementServiceIncompatible', reason: 'Target returned HTTP 400 Bad Request for PATCH /Users: "add" is not a valid choice.',
      modifiedProperties: [{ displayName: 'sentryOrgRole', oldValue: 'member', newValue: 'admin' }]
    });
  }

  const sp = b.servicePrincipal;
  const { id: jobId, job } = sentryProvisioningJob(
    b.rng,
    b.tenantId,
    { lastCycleBegan: began, lastCycleEnded: addMinutes(began, 25), steadyStateFirstAchieved: new Date('2025-09-02T07:15:00Z') },
    { entitled: sentryOf.size, escrowed: planted.missing.length + planted.roleMismatch.length, usersSynchronized: sentryOf.size }
  );
  const scopingFilter = { groups: [{ name: 'Employees', clauses: [{ operatorName: 'IS_NOT_NULL', sourceOperandName: 'employeeId', targetOperand: { values: [] } }] }] };
  sp.xSynchronizationJobs = [{ ...job, id: jobId, xSchema: sentryProvisioningSchema('mail', scopingFilter) }];

  events.sort((left, right) => right.at.getTime() - left.at.getTime());
  const context = { rng: b.rng, tenantId: b.tenantId, jobId, servicePrincipalId: sp.id, sourceSystemId: b.rng.guid(), targetSystemId: b.rng.guid() };
  b.seed.graph.provisioningLogs = events.map((event) => provisioningLogEntry(context, event));
}
