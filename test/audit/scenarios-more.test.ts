import { describe, expect, it } from 'vitest';
import { auditSnapshot } from '../../src-main/audit';
import { assignGroup, assignUser, direct, entraGroup, entraUser, schema, scimUser, snapshot, team, summary } from './builders';


describe('audit scenarios for groups, guests and history', () => {
  it('group missing in Sentry, with an invalid slug', () => {
    const result = auditSnapshot(
      snapshot({ groups: [entraGroup('g-ds', 'Data Science'), entraGroup('g-num', '1234')], assignments: [assignGroup('g-ds'), assignGroup('g-num')] })
    );
    expect(summary(result)).toEqual([
      { kind: 'group.missing_in_sentry', severity: 'medium', entra: ['g-ds'], sentry: [], attribute: null },
      { kind: 'group.missing_in_sentry', severity: 'high', entra: ['g-num'], sentry: [], attribute: null }
    ]);
    const details = Object.fromEntries(result.findings.map((finding) => [finding.entra[0]?.id, [finding.details.slug, finding.details.slugProblem]]));
    expect(details).toEqual({ 'g-ds': ['data-science', null], 'g-num': ['1234', 'numeric'] });
    expect(result.findings.find((finding) => finding.entra[0]?.id === 'g-num')?.explanation).toContain('entirely numeric');
  });

  it('two groups colliding on one slug', () => {
    const result = auditSnapshot(
      snapshot({
        groups: [entraGroup('g-a', 'Platform Team'), entraGroup('g-b', 'platform-team!')],
        assignments: [assignGroup('g-a'), assignGroup('g-b')],
        teams: [team('t-pt', 'Platform Team')]
      })
    );
    expect(summary(result)).toEqual([{ kind: 'group.slug_collision', severity: 'high', entra: ['g-a', 'g-b'], sentry: ['t-pt'], attribute: null }]);
    expect(result.findings[0]?.details).toEqual({ slug: 'platform-team', groupNames: 'Platform Team, platform-team!', teamName: 'Platform Team' });
  });

  it('team name differs but slug matches', () => {
    const result = auditSnapshot(
      snapshot({ groups: [entraGroup('g-p', 'Platform Team')], assignments: [assignGroup('g-p')], teams: [team('t-p', 'platform team')] })
    );
    expect(summary(result)).toEqual([
      { kind: 'group.name_mismatch', severity: 'low', entra: ['g-p'], sentry: ['t-p'], attribute: { name: 'displayName', entraValue: 'Platform Team', sentryValue: 'platform team' } }
    ]);
    expect(result.findings[0]?.details.cause).toBe('same_slug');
  });

  it('team renamed in Sentry since the previous snapshot', () => {
    const base = { groups: [entraGroup('g-pay', 'Payments')], assignments: [assignGroup('g-pay')] };
    const previous = snapshot({ ...base, teams: [team('t-pay', 'Payments')] }, '20261130-100000-aaaaaa');
    const current = snapshot({ ...base, teams: [team('t-pay', 'Payments Core')] });

    const withHistory = auditSnapshot(current, { previous });
    expect(summary(withHistory)).toEqual([
      { kind: 'group.name_mismatch', severity: 'low', entra: ['g-pay'], sentry: ['t-pay'], attribute: { name: 'displayName', entraValue: 'Payments', sentryValue: 'Payments Core' } }
    ]);
    expect(withHistory.findings[0]?.details.previousTeamName).toBe('Payments');

    const withoutHistory = auditSnapshot(current);
    expect(summary(withoutHistory)).toEqual([
      { kind: 'group.missing_in_sentry', severity: 'medium', entra: ['g-pay'], sentry: [], attribute: null },
      { kind: 'group.unmanaged_in_sentry', severity: 'info', entra: [], sentry: ['t-pay'], attribute: null }
    ]);
  });

  it('team members missing and extra', () => {
    const result = auditSnapshot(
      snapshot({
        users: [entraUser('u-alice', 'alice@corp.example'), entraUser('u-bob', 'bob@corp.example')],
        groups: [entraGroup('g-p', 'Platform')],
        assignments: [assignGroup('g-p')],
        memberships: [direct('g-p', 'u-alice'), direct('g-p', 'u-bob')],
        members: [scimUser('1', 'alice@corp.example'), scimUser('2', 'bob@corp.example'), scimUser('3', 'mallory@corp.example')],
        teams: [team('t-p', 'Platform', ['1', '3'])]
      })
    );
    expect(summary(result)).toEqual([
      { kind: 'group.member_extra_in_sentry', severity: 'high', entra: ['g-p'], sentry: ['t-p', '3'], attribute: null },
      { kind: 'group.member_missing_in_sentry', severity: 'medium', entra: ['g-p', 'u-bob'], sentry: ['t-p', '2'], attribute: null },
      { kind: 'user.orphaned_in_sentry', severity: 'high', entra: [], sentry: ['3'], attribute: null }
    ]);
    expect(result.teamMembers.map((row) => [row.member, row.status])).toEqual([
      ['alice@corp.example', 'in_both'],
      ['bob@corp.example', 'missing_in_sentry'],
      ['mallory@corp.example', 'extra_in_sentry']
    ]);
  });

  it('team over the member cap', () => {
    const result = auditSnapshot(
      snapshot({
        users: [entraUser('u-alice', 'alice@corp.example')],
        groups: [entraGroup('g-p', 'Platform')],
        assignments: [assignGroup('g-p')],
        memberships: [direct('g-p', 'u-alice')],
        members: [scimUser('1', 'alice@corp.example')],
        teams: [team('t-p', 'Platform', [], { membersTruncated: true })]
      })
    );
    // A truncated list cannot prove that alice is missing, so only the truncation is reported.
    expect(summary(result)).toEqual([{ kind: 'group.member_list_truncated', severity: 'medium', entra: [], sentry: ['t-p'], attribute: null }]);
    expect(result.teamMembers[0]?.status).toBe('missing_in_sentry');
  });

  it('unmanaged team is info', () => {
    const result = auditSnapshot(snapshot({ teams: [team('t-legacy', 'Legacy', [])] }));
    expect(summary(result)).toEqual([{ kind: 'group.unmanaged_in_sentry', severity: 'info', entra: [], sentry: ['t-legacy'], attribute: null }]);
  });

  it('guest UPN is rewritten before matching', () => {
    const guest = entraUser('u-nina', 'nina_partner.example#EXT#@corp.onmicrosoft.com', { userType: 'Guest', mail: 'nina@partner.example' });
    const result = auditSnapshot(snapshot({ users: [guest], assignments: [assignUser('u-nina')], members: [scimUser('20', 'nina@partner.example')] }));
    expect(result.findings).toEqual([]);
    expect(result.users[0]?.matchValue).toBe('nina@partner.example');
    expect(result.users[0]?.matchedBy).toBe('exact');
  });

  it('UPN changed since the previous snapshot', () => {
    const previous = snapshot({ users: [entraUser('u-oscar', 'oscar@corp.example')], assignments: [assignUser('u-oscar')] }, '20261130-100000-aaaaaa');
    const current = snapshot({
      users: [entraUser('u-oscar', 'oscar.new@corp.example')],
      assignments: [assignUser('u-oscar')],
      members: [scimUser('21', 'oscar@corp.example')]
    });
    const result = auditSnapshot(current, { previous });
    expect(summary(result)).toEqual([
      { kind: 'user.matching_attribute_mismatch', severity: 'high', entra: ['u-oscar'], sentry: ['21'], attribute: { name: 'userName', entraValue: 'oscar.new@corp.example', sentryValue: 'oscar@corp.example' } }
    ]);
    expect(result.findings[0]?.details.secondaryAttribute).toBe('previous userPrincipalName');
    expect(result.findings[0]?.explanation).toContain('Sentry cannot rename members');

    // Without history nothing links the two, so Entra's view is one new user and one orphan.
    expect(summary(auditSnapshot(current)).map((row) => (row as { kind: string }).kind)).toEqual(['user.missing_in_sentry', 'user.orphaned_in_sentry']);
  });

  it('previous UPN found under a mail rule', () => {
    const previous = snapshot({ users: [entraUser('u-ria', 'ria@corp.example', { mail: null })] }, '20261130-100000-aaaaaa');
    const result = auditSnapshot(
      snapshot({
        provisioningSchema: schema({ userSource: { name: 'mail', expression: '[mail]' } }),
        users: [entraUser('u-ria', 'ria.lang@corp.example', { mail: 'ria.lang@corp.example' })],
        assignments: [assignUser('u-ria')],
        members: [scimUser('24', 'RIA@corp.example')]
      }),
      { previous }
    );
    expect(summary(result)).toEqual([
      { kind: 'user.matching_attribute_mismatch', severity: 'high', entra: ['u-ria'], sentry: ['24'], attribute: { name: 'userName', entraValue: 'ria.lang@corp.example', sentryValue: 'RIA@corp.example' } }
    ]);
    expect(result.findings[0]?.details.secondaryAttribute).toBe('previous userPrincipalName');
  });

  it('disabled user without the Update action keeps access', () => {
    const result = auditSnapshot(
      snapshot({
        provisioningSchema: schema({ userFlowTypes: 'Add, Delete' }),
        users: [entraUser('u-sam', 'sam@corp.example', { accountEnabled: false })],
        assignments: [assignUser('u-sam')],
        members: [scimUser('25', 'sam@corp.example')]
      })
    );
    expect(summary(result)).toEqual([{ kind: 'user.disabled_in_entra', severity: 'high', entra: ['u-sam'], sentry: ['25'], attribute: null }]);
    expect(result.findings[0]?.details.updateEnabled).toBe(false);
    expect(result.findings[0]?.explanation).toContain('leave out Update, so Entra sends no PATCH active=false');
  });

  it('scoping filter failure names the clause', () => {
    const scope = {
      groups: [
        { name: 'Employees', clauses: [{ operatorName: 'ENDS_WITH', sourceOperandName: 'mail', targetOperand: { values: ['@corp.example'] } }] }
      ]
    };
    const result = auditSnapshot(
      snapshot({
        provisioningSchema: schema({ scope }),
        users: [entraUser('u-pat', 'pat@corp.example', { mail: 'pat@contractor.example' }), entraUser('u-quinn', 'quinn@corp.example')],
        assignments: [assignUser('u-pat'), assignUser('u-quinn')],
        members: [scimUser('22', 'pat@corp.example'), scimUser('23', 'quinn@corp.example')]
      })
    );
    expect(summary(result)).toEqual([{ kind: 'user.orphaned_in_sentry', severity: 'high', entra: ['u-pat'], sentry: ['22'], attribute: null }]);
    expect(result.findings[0]?.details.failedClause).toBe('Employees: mail ENDS_WITH "@corp.example"');
    expect(result.findings[0]?.explanation).toContain('fails the scoping filter clause Employees: mail ENDS_WITH "@corp.example"');
    expect(result.users.find((row) => row.entraId === 'u-pat')?.scopeReason).toBe('fails scoping filter: Employees: mail ENDS_WITH "@corp.example"');
  });

  it('disabled group mapping skips team findings', () => {
    const result = auditSnapshot(
      snapshot({ provisioningSchema: schema({ groupsEnabled: false }), groups: [entraGroup('g-x', 'X')], assignments: [assignGroup('g-x')], teams: [team('t-y', 'Y')] })
    );
    expect(result.findings).toEqual([]);
    expect(result.warnings).toContain('Group provisioning is disabled in the schema, so Entra does not manage Sentry teams; team findings are skipped.');
  });

  it('finding ids are stable across runs', () => {
    const data = { users: [entraUser('u-carol', 'carol@corp.example')], assignments: [assignUser('u-carol')] };
    const first = auditSnapshot(snapshot(data)).findings[0]?.id;
    const second = auditSnapshot(snapshot(data)).findings[0]?.id;
    expect(first).toMatch(/^user\.missing_in_sentry:[0-9a-f]{16}$/);
    expect(second).toBe(first);
  });

  it('unknown override source is rejected', () => {
    expect(() => auditSnapshot(snapshot({}), { matchingSourceOverride: 'department' })).toThrow('Unknown matching source "department"');
  });
});
