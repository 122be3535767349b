import { describe, expect, it } from 'vitest';
import { auditSnapshot } from '../../src-main/audit';
import {
  appRole,
  assignGroup,
  assignUser,
  direct,
  entraGroup,
  entraUser,
  logEntry,
  nested,
  schema,
  scimUser,
  snapshot,
  team,
  summary
} from './builders';


const NOW = new Date('2026-12-02T00:00:00Z');

describe('audit scenarios', () => {
  it('clean tenant gives no findings', () => {
    const result = auditSnapshot(
      snapshot({
        users: [entraUser('u-alice', 'alice@corp.example'), entraUser('u-bob', 'bob@corp.example')],
        groups: [entraGroup('g-platform', 'Platform')],
        assignments: [assignUser('u-alice'), assignGroup('g-platform')],
        memberships: [direct('g-platform', 'u-bob')],
        members: [scimUser('1', 'alice@corp.example'), scimUser('2', 'bob@corp.example')],
        teams: [team('t1', 'Platform', ['2'])]
      }),
      { now: NOW }
    );

    expect(result.findings).toEqual([]);
    expect(result.countsBySeverity).toEqual({ high: 0, medium: 0, low: 0, info: 0 });
    expect(result.population).toEqual({ inScopeUsers: 2, assignedGroups: 1, sentryMembers: 2, sentryTeams: 1 });
    expect(result.matching).toEqual({ targetAttribute: 'userName', sourceAttribute: 'userPrincipalName', origin: 'default' });
    expect(result.auditedAt).toBe('2026-12-02T00:00:00.000Z');
    expect(result.users.map((row) => [row.entraId, row.sentryId, row.matchedBy, row.scopeReason])).toEqual([
      ['u-alice', '1', 'exact', 'assigned directly'],
      ['u-bob', '2', 'exact', 'member of Platform']
    ]);
    expect(result.teamMembers).toEqual([
      { groupId: 'g-platform', groupName: 'Platform', slug: 'platform', teamId: 't1', teamName: 'Platform', member: 'bob@corp.example', entraUserId: 'u-bob', sentryMemberId: '2', status: 'in_both' }
    ]);
  });

  it('user missing in Sentry, high after a failed event', () => {
    const data = {
      users: [entraUser('u-carol', 'carol@corp.example')],
      assignments: [assignUser('u-carol')]
    };
    const quiet = auditSnapshot(snapshot(data));
    expect(summary(quiet)).toEqual([{ kind: 'user.missing_in_sentry', severity: 'medium', entra: ['u-carol'], sentry: [], attribute: null }]);
    expect(quiet.findings[0]?.details.matchValue).toBe('carol@corp.example');
    expect(quiet.findings[0]?.explanation).toContain('POST /Users');

    const failing = auditSnapshot(snapshot({ ...data, provisioningLogs: [logEntry('l1', 'u-carol', null, { status: 'failure', errorCode: 'EntryConflict' })] }));
    expect(failing.findings[0]?.severity).toBe('high');
    expect(failing.findings[0]?.lastProvisioningEvent).toEqual({ activityDateTime: '2026-12-01T10:00:00Z', provisioningAction: 'create', status: 'failure', errorCode: 'EntryConflict' });
  });

  it('orphaned member, provisioned by Entra before', () => {
    const result = auditSnapshot(snapshot({ members: [scimUser('7', 'dave@corp.example')], provisioningLogs: [logEntry('l1', 'u-gone', '7')] }));
    expect(summary(result)).toEqual([{ kind: 'user.orphaned_in_sentry', severity: 'high', entra: [], sentry: ['7'], attribute: null }]);
    expect(result.findings[0]?.details.provisionedByEntra).toBe(true);
    expect(result.findings[0]?.explanation).toContain('PATCH active=false');
    expect(result.users).toEqual([
      { entraId: null, userPrincipalName: null, entraDisplayName: null, mail: null, accountEnabled: null, inScope: false, scopeReason: 'no Entra user', matchValue: null, sentryId: '7', sentryUserName: 'dave@corp.example', sentryOrgRole: 'member', expectedRole: null, matchedBy: null, findingKinds: ['user.orphaned_in_sentry'] }
    ]);
  });

  it('disabled and deleted users still in Sentry', () => {
    const previousUser = entraUser('u-fred', 'fred@corp.example');
    const previous = snapshot({ users: [previousUser], assignments: [assignUser('u-fred')] }, '20261130-100000-aaaaaa');
    const result = auditSnapshot(
      snapshot({
        users: [entraUser('u-eve', 'eve@corp.example', { accountEnabled: false })],
        deletedUserIds: ['u-fred'],
        assignments: [assignUser('u-eve'), assignUser('u-fred')],
        members: [scimUser('5', 'eve@corp.example'), scimUser('6', 'fred@corp.example')]
      }),
      { previous }
    );

    expect(summary(result)).toEqual([
      { kind: 'user.disabled_in_entra', severity: 'high', entra: ['u-eve'], sentry: ['5'], attribute: null },
      { kind: 'user.disabled_in_entra', severity: 'high', entra: ['u-fred'], sentry: ['6'], attribute: null }
    ]);
    const states = Object.fromEntries(result.findings.map((finding) => [finding.entra[0]?.id, finding.details.state]));
    expect(states).toEqual({ 'u-eve': 'disabled', 'u-fred': 'deleted' });
  });

  it('matching attribute mismatch found through mail', () => {
    const result = auditSnapshot(
      snapshot({
        users: [entraUser('u-frank', 'frank@corp.example', { mail: 'frank.miller@corp.example' })],
        assignments: [assignUser('u-frank')],
        members: [scimUser('8', 'frank.miller@corp.example')]
      })
    );
    expect(summary(result)).toEqual([
      { kind: 'user.matching_attribute_mismatch', severity: 'high', entra: ['u-frank'], sentry: ['8'], attribute: { name: 'userName', entraValue: 'frank@corp.example', sentryValue: 'frank.miller@corp.example' } }
    ]);
    expect(result.findings[0]?.details.secondaryAttribute).toBe('mail');
    expect(result.users[0]?.matchedBy).toBe('mail');
  });

  it('case-only difference is info', () => {
    const result = auditSnapshot(
      snapshot({ users: [entraUser('u-grace', 'Grace@Corp.example')], assignments: [assignUser('u-grace')], members: [scimUser('9', 'grace@corp.example')] })
    );
    expect(summary(result)).toEqual([
      { kind: 'user.case_only_difference', severity: 'info', entra: ['u-grace'], sentry: ['9'], attribute: { name: 'userName', entraValue: 'Grace@Corp.example', sentryValue: 'grace@corp.example' } }
    ]);
  });

  it('duplicates by matching value and by secondary key', () => {
    const result = auditSnapshot(
      snapshot({
        users: [entraUser('u-heidi', 'heidi@corp.example'), entraUser('u-ivan', 'ivan@corp.example', { proxyAddresses: ['SMTP:ivan@corp.example', 'smtp:ivan.old@corp.example'] })],
        assignments: [assignUser('u-heidi'), assignUser('u-ivan')],
        members: [scimUser('10', 'heidi@corp.example'), scimUser('11', 'HEIDI@corp.example'), scimUser('12', 'ivan@corp.example'), scimUser('13', 'ivan.old@corp.example')]
      })
    );
    expect(summary(result)).toEqual([
      { kind: 'user.duplicate_in_sentry', severity: 'high', entra: ['u-heidi'], sentry: ['10', '11'], attribute: null },
      { kind: 'user.duplicate_in_sentry', severity: 'high', entra: ['u-ivan'], sentry: ['12', '13'], attribute: null }
    ]);
    const causes = Object.fromEntries(result.findings.map((finding) => [finding.entra[0]?.id, finding.details.cause]));
    expect(causes).toEqual({ 'u-heidi': 'matching', 'u-ivan': 'secondary' });
  });

  it('member reachable only through a nested group', () => {
    const result = auditSnapshot(
      snapshot({
        users: [entraUser('u-judy', 'judy@corp.example')],
        groups: [entraGroup('g-eng', 'Engineering'), entraGroup('g-sre', 'SRE')],
        assignments: [assignGroup('g-eng')],
        memberships: [direct('g-eng', 'g-sre', 'group'), direct('g-sre', 'u-judy'), nested('g-eng', 'u-judy')],
        teams: [team('t-eng', 'Engineering')]
      })
    );
    expect(summary(result)).toEqual([{ kind: 'user.nested_group_only', severity: 'medium', entra: ['u-judy'], sentry: [], attribute: null }]);
    expect(result.findings[0]?.details.nestedIn).toBe('Engineering');
    expect(result.users[0]?.scopeReason).toBe('only through a nested group in Engineering');
  });

  it('sync all brings nested members into scope', () => {
    const result = auditSnapshot(
      snapshot({
        users: [entraUser('u-judy', 'judy@corp.example')],
        groups: [entraGroup('g-eng', 'Engineering')],
        assignments: [assignGroup('g-eng')],
        memberships: [nested('g-eng', 'u-judy')],
        teams: [team('t-eng', 'Engineering')],
        provisioningJob: { id: 'j', templateId: 'sentry', scheduleState: 'Active', statusCode: 'Active', quarantine: null, lastExecution: null, steadyStateLastAchievedTime: null, syncAll: true }
      })
    );
    expect(summary(result)).toEqual([{ kind: 'user.missing_in_sentry', severity: 'medium', entra: ['u-judy'], sentry: [], attribute: null }]);
    expect(result.warnings?.[0]).toContain('syncs all users and groups');
  });

  it('schema mapping mail to userName, unmatchable user', () => {
    const result = auditSnapshot(
      snapshot({
        provisioningSchema: schema({ userSource: { name: 'mail', expression: '[mail]' } }),
        users: [entraUser('u-ken', 'ken@corp.example', { mail: null }), entraUser('u-leo', 'leo.upn@corp.example', { mail: 'leo@corp.example' })],
        assignments: [assignUser('u-ken'), assignUser('u-leo')],
        members: [scimUser('14', 'ken@corp.example'), scimUser('15', 'leo@corp.example')]
      })
    );
    expect(result.matching).toEqual({ targetAttribute: 'userName', sourceAttribute: 'mail', origin: 'schema' });
    expect(summary(result)).toEqual([{ kind: 'user.unmatchable', severity: 'high', entra: ['u-ken'], sentry: ['14'], attribute: null }]);
    expect(result.findings[0]?.details.sourceAttribute).toBe('mail');
    expect(result.users.find((row) => row.entraId === 'u-leo')?.matchValue).toBe('leo@corp.example');
  });

  it('role mismatches with default and custom mapping', () => {
    const roles = [appRole('r-admin', 'admin'), appRole('r-custom', 'FinanceReaders')];
    const data = {
      appRoles: roles,
      provisioningSchema: schema({ mapRole: true }),
      users: [entraUser('u-mia', 'mia@corp.example'), entraUser('u-ned', 'ned@corp.example'), entraUser('u-olga', 'olga@corp.example')],
      assignments: [assignUser('u-mia', 'r-admin'), assignUser('u-ned'), assignUser('u-olga', 'r-custom')],
      members: [scimUser('16', 'mia@corp.example'), scimUser('17', 'ned@corp.example', { sentryOrgRole: 'owner' }), scimUser('18', 'olga@corp.example')]
    };
    const result = auditSnapshot(snapshot(data), { roleMapping: { FinanceReaders: 'billing' } });
    const byUser = Object.fromEntries(result.findings.map((finding) => [finding.entra[0]?.id, { severity: finding.severity, attribute: finding.attribute, owner: finding.details.ownerInvolved }]));
    expect(byUser).toEqual({
      'u-mia': { severity: 'medium', attribute: { name: 'sentryOrgRole', entraValue: 'admin', sentryValue: 'member' }, owner: false },
      'u-ned': { severity: 'high', attribute: { name: 'sentryOrgRole', entraValue: 'member', sentryValue: 'owner' }, owner: true },
      'u-olga': { severity: 'high', attribute: { name: 'sentryOrgRole', entraValue: 'billing', sentryValue: 'member' }, owner: false }
    });
    expect(result.findings.every((finding) => finding.kind === 'user.role_mismatch')).toBe(true);
    expect(result.findings.find((finding) => finding.entra[0]?.id === 'u-mia')?.explanation).toContain('reads sentryOrgRole only when a member is created');
    expect(() => auditSnapshot(snapshot(data), { roleMapping: { FinanceReaders: 'reader' } })).toThrow('Invalid role mapping "FinanceReaders" -> "reader"');
  });
});
