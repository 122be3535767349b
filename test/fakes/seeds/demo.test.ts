import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditSnapshot } from '../../../src-main/audit';
import type { Finding, FindingKind } from '../../../src-main/model/finding';
import { findSeedProblems } from './consistency';
import { buildDemoSeed, DEMO_REFERENCE_TIME, STORE_ASSOCIATE_COUNT } from './demo';
import { DEMO_DRIFTS } from './demo-drifts';
import { snapshotFromSeed } from './seed-snapshot';
import { DEMO_SEED_PATH, demoSeedText } from './write-demo';

const seed = buildDemoSeed();
const userByName = new Map(seed.graph.users.map((user) => [user.displayName, user]));
const userById = new Map(seed.graph.users.map((user) => [user.id, user]));
const sp = seed.graph.servicePrincipals[0]!;
const job = sp.xSynchronizationJobs![0]!;

function user(displayName: string) {
  const found = userByName.get(displayName);
  if (!found) throw new Error(`No demo user named "${displayName}"`);
  return found;
}

function sentryUserNames(): string[] {
  return seed.scim.users.map((member) => member.userName);
}

/** Returns the names DEMO_DRIFTS uses for the objects of a finding, naming deleted users from the seed. */
function plantedNames(finding: Finding): string[] {
  const entraName = (index: number): string => {
    const ref = finding.entra[index];
    return ref?.displayName ?? userById.get(ref?.id ?? '')?.displayName ?? '';
  };
  const sentryName = (index: number): string => finding.sentry[index]?.userName ?? finding.sentry[index]?.displayName ?? '';
  switch (finding.kind) {
    case 'group.slug_collision':
      return finding.entra.map((ref) => ref.displayName ?? '');
    case 'group.unmanaged_in_sentry':
      return [sentryName(0)];
    case 'group.member_missing_in_sentry':
      return [entraName(1)];
    case 'group.member_extra_in_sentry':
      return [sentryName(1)];
    case 'user.orphaned_in_sentry':
      return [sentryName(0)];
    default:
      return [finding.entra.length > 0 ? entraName(0) : sentryName(0)];
  }
}

describe('demo seed', () => {
  it('matches resources/demo/seed.json', () => {
    expect(readFileSync(DEMO_SEED_PATH, 'utf8')).toBe(demoSeedText());
  });

  it('builds the same seed twice', () => {
    expect(buildDemoSeed()).toEqual(seed);
  });

  it('has no broken references', () => {
    expect(findSeedProblems(seed)).toEqual([]);
  });

  it('has the documented size', () => {
    expect(seed.graph.users).toHaveLength(200 + STORE_ASSOCIATE_COUNT);
    expect(seed.graph.groups).toHaveLength(16);
    expect(sp.xAssignments.filter((assignment) => assignment.principalType === 'Group')).toHaveLength(11);
    expect(seed.scim.users).toHaveLength(149 + STORE_ASSOCIATE_COUNT);
    expect(seed.scim.groups).toHaveLength(10);
    expect(seed.graph.provisioningLogs).toHaveLength(60);
  });

  it('configures the client, app and org', () => {
    expect(seed.graph.clients).toHaveLength(1);
    expect(seed.graph.clients[0]!.permissions).toEqual([
      'Application.Read.All',
      'User.Read.All',
      'GroupMember.Read.All',
      'Synchronization.Read.All',
      'AuditLog.Read.All',
      'Directory.Read.All'
    ]);
    expect(seed.graph.clients[0]!.clientSecret).toMatch(/^[0-9a-f]{3}8Q~[0-9a-f]{34}$/);
    expect(sp.appRoles.map((role) => [role.displayName, role.value])).toEqual([
      ['User', null],
      ['msiam_access', null],
      ['Admin', 'admin'],
      ['Manager', 'manager'],
      ['Billing', 'billing']
    ]);
    expect(seed.scim).toMatchObject({ orgSlug: 'contoso', provider: 'active-directory' });
    expect(seed.scim.token).toMatch(/^sntrys_[0-9a-f]{64}$/);
    expect(seed.scim.users.filter((member) => member.sentryOrgRole === 'owner').map((member) => member.userName)).toEqual(['sentry-admin@contoso.example', 'mira.kovacs@contoso.example']);
  });

  it('maps userName, sentryOrgRole and a scoping filter', () => {
    const rules = (job.xSchema as { synchronizationRules: Array<{ objectMappings: Array<Record<string, unknown>> }> }).synchronizationRules;
    const userMapping = rules[0]!.objectMappings.find((mapping) => mapping.sourceObjectName === 'User')!;
    const mappings = userMapping.attributeMappings as Array<{ targetAttributeName: string; matchingPriority: number; source: { expression: string } }>;

    expect(mappings.filter((mapping) => mapping.matchingPriority > 0).map((mapping) => [mapping.targetAttributeName, mapping.source.expression])).toEqual([['userName', '[mail]']]);
    expect(mappings.find((mapping) => mapping.targetAttributeName === 'sentryOrgRole')?.source.expression).toBe('SingleAppRoleAssignment([appRoleAssignments])');
    expect(userMapping.scope).toEqual({
      groups: [
        { name: 'Employees', clauses: [{ operatorName: 'IS_NOT_NULL', sourceOperandName: 'employeeId', targetOperand: { values: [] } }] },
        { name: 'Fabrikam partners', clauses: [{ operatorName: 'ENDS_WITH', sourceOperandName: 'mail', targetOperand: { values: ['@fabrikam.example'] } }] }
      ]
    });
  });

  it('keeps provisioning logs in the 7 days before the reference time', () => {
    const times = seed.graph.provisioningLogs!.map((entry) => Date.parse(entry.activityDateTime as string));
    const weekBefore = DEMO_REFERENCE_TIME.getTime() - 7 * 86_400_000;

    expect(times.every((time) => time > weekBefore && time < DEMO_REFERENCE_TIME.getTime())).toBe(true);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const codes = new Set(seed.graph.provisioningLogs!.map((entry) => (entry.provisioningStatusInfo as { errorInformation: { errorCode: string } | null }).errorInformation?.errorCode));
    expect([...codes].sort()).toEqual([
      'DuplicateTargetEntries',
      'EntryConflict',
      'EntrySynchronizationSkipped',
      'InvalidAnchor',
      'SystemForCrossDomainIdentityManagementServiceIncompatible',
      'TooManyRequests',
      undefined
    ]);
  });

  it('plants the user drifts on the named people', () => {
    expect(user('Nadia Rahman').accountEnabled).toBe(false);
    expect(user('Owen Price').accountEnabled).toBe(false);
    expect(user('Peter Hall').xDeleted).toBe(true);
    expect(user('Tariq Haddad').mail).toBeNull();
    expect(user('Leo Fischer').employeeId).toBeNull();
    expect(user('Sofia Reyes').userPrincipalName).toBe('sofia.reyes_northwind.example#EXT#@contoso.example');
    expect(user('Elena Petrova')).toMatchObject({ userType: 'Guest', mail: 'elena.petrova@fabrikam.example' });
    expect(user('Lars Eriksson').mail).toBe('Lars.Eriksson@contoso.example');
    expect(user('Anna-Katharina von Wittelsbach-Hohenzollern').mail!.length).toBe(82);
    expect(user('Priya Raman').proxyAddresses).toEqual(['SMTP:priya.raman@contoso.example', 'smtp:p.raman@contoso.example']);
    expect(user('Daniel Okafor')).toMatchObject({ userPrincipalName: 'dokafor@contoso.example', mail: 'daniel.okafor@contoso.example' });

    const names = sentryUserNames();
    for (const userName of ['lars.eriksson@contoso.example', 'Fatima.Zahra@contoso.example', 'p.raman@contoso.example', 'dokafor@contoso.example', 'tariq.haddad@contoso.example', 'hannah.mueller@contoso.example']) {
      expect(names).toContain(userName);
    }
    expect(names.filter((name) => name.toLowerCase() === 'tomasz.nowak@contoso.example')).toEqual(['tomasz.nowak@contoso.example', 'Tomasz.Nowak@contoso.example']);
    for (const name of DEMO_DRIFTS['user.missing_in_sentry']) {
      expect(names.map((value) => value.toLowerCase())).not.toContain(user(name).mail!.toLowerCase());
    }
  });

  it('plants the group drifts on the named groups and teams', () => {
    const groupNames = seed.graph.groups.map((group) => group.displayName);
    const teamNames = seed.scim.groups.map((team) => team.displayName);

    expect(groupNames).toEqual(expect.arrayContaining(['Platform Team', 'platform-team', 'Data Platform', 'Security Champions', 'Mobile Developers']));
    expect(teamNames).not.toContain('Data Platform');
    expect(teamNames).not.toContain('Security Champions');
    expect(seed.scim.groups.find((team) => team.displayName === 'Mobile developers')?.xSlug).toBe('mobile');
    const engineering = seed.graph.groups.find((group) => group.displayName === 'Engineering')!;
    const contractors = seed.graph.groups.find((group) => group.displayName === 'Engineering Contractors')!;
    expect(engineering.xMembers).toContain(contractors.id);
    for (const name of DEMO_DRIFTS['user.nested_group_only']) {
      expect(contractors.xMembers).toContain(user(name).id);
      expect(engineering.xMembers).not.toContain(user(name).id);
    }
  });

  it('puts more than 10,000 members in the Store Associates team', () => {
    const group = seed.graph.groups.find((candidate) => candidate.displayName === 'Store Associates')!;
    const team = seed.scim.groups.find((candidate) => candidate.displayName === 'Store Associates')!;

    expect(group.xMembers).toHaveLength(STORE_ASSOCIATE_COUNT);
    expect(team.xMembers).toHaveLength(STORE_ASSOCIATE_COUNT);
    expect(STORE_ASSOCIATE_COUNT).toBeGreaterThan(10_000);
    expect(sp.xAssignments.filter((assignment) => assignment.principalId === group.id)).toHaveLength(1);
  });

  it('yields exactly the planted findings', () => {
    const result = auditSnapshot(snapshotFromSeed(seed, DEMO_REFERENCE_TIME), { now: DEMO_REFERENCE_TIME });
    const found = new Map<FindingKind, string[]>();
    for (const finding of result.findings) found.set(finding.kind, [...(found.get(finding.kind) ?? []), ...plantedNames(finding)]);

    for (const [kind, names] of Object.entries(DEMO_DRIFTS)) {
      expect({ kind, names: (found.get(kind as FindingKind) ?? []).sort() }).toEqual({ kind, names: [...names].sort() });
    }
    expect([...found.keys()].sort()).toEqual(Object.keys(DEMO_DRIFTS).sort());
  });

  // A live capture reads only the 7 days before the clock, so the fixed-date logs drop out as time passes.
  it('keeps every kind without provisioning logs', () => {
    const snapshot = snapshotFromSeed(seed, DEMO_REFERENCE_TIME);
    snapshot.data.entra.provisioningLogs = [];
    const result = auditSnapshot(snapshot, { now: DEMO_REFERENCE_TIME });

    expect(Object.keys(result.countsByKind).sort()).toEqual(Object.keys(DEMO_DRIFTS).sort());
    expect(result.countsByKind['user.disabled_in_entra']).toBe(2);
    expect(result.countsByKind['user.orphaned_in_sentry']).toBe(7);
  });
});
