import { describe, expect, it } from 'vitest';
import { auditSnapshot } from '../../src-main/audit';
import { assignGroup, assignUser, direct, entraGroup, entraUser, logEntry, scimUser, snapshot, summary, team } from './builders';

// Graph returns no attributes for a deleted user, so without a previous snapshot only a successful
// provisioning log entry can tie the user to its Sentry member.
describe('deleted users without a previous snapshot', () => {
  const parts = {
    users: [entraUser('u-ann', 'ann@corp.example')],
    deletedUserIds: ['u-gone'],
    assignments: [assignUser('u-ann'), assignUser('u-gone')],
    members: [scimUser('1', 'ann@corp.example'), scimUser('2', 'gone@corp.example')]
  };

  it('links through the provisioning log', () => {
    const result = auditSnapshot(snapshot({ ...parts, provisioningLogs: [logEntry('l1', 'u-gone', '2')] }));

    expect(summary(result)).toEqual([{ kind: 'user.disabled_in_entra', severity: 'high', entra: ['u-gone'], sentry: ['2'], attribute: null }]);
    expect(result.findings[0]?.details.state).toBe('deleted');
    expect(result.findings[0]?.details.linkedByEntra).toBe(true);
  });

  it('leaves the member orphaned without a log entry', () => {
    const result = auditSnapshot(snapshot(parts));

    expect(summary(result)).toEqual([{ kind: 'user.orphaned_in_sentry', severity: 'high', entra: [], sentry: ['2'], attribute: null }]);
    expect(result.findings[0]?.details.reason).toBe('no_entra_user');
    expect(result.users.find((row) => row.entraId === 'u-gone')?.sentryId).toBeNull();
  });

  it('leaves the member orphaned after a failed log entry', () => {
    const result = auditSnapshot(snapshot({ ...parts, provisioningLogs: [logEntry('l1', 'u-gone', '2', { status: 'failure' })] }));

    expect(summary(result).map((finding) => finding.kind)).toEqual(['user.orphaned_in_sentry']);
    expect(result.findings[0]?.details.provisionedByEntra).toBe(true);
  });
});

// A capture that lists a deleted user as an enabled group member (as the fake Graph did for the
// benchmark tenant) gives the audit an ordinary user, and the audit reports what Entra would do to one.
describe('deleted user captured as an enabled group member', () => {
  it('is in scope and missing from its team', () => {
    const result = auditSnapshot(
      snapshot({
        users: [entraUser('u-ann', 'ann@corp.example'), entraUser('u-gone', 'gone@corp.example')],
        groups: [entraGroup('g-pay', 'Payments')],
        assignments: [assignGroup('g-pay')],
        memberships: [direct('g-pay', 'u-ann'), direct('g-pay', 'u-gone')],
        members: [scimUser('1', 'ann@corp.example'), scimUser('2', 'gone@corp.example')],
        teams: [team('t-pay', 'Payments', ['1'])]
      })
    );

    expect(summary(result)).toEqual([
      { kind: 'group.member_missing_in_sentry', severity: 'medium', entra: ['g-pay', 'u-gone'], sentry: ['t-pay', '2'], attribute: null }
    ]);
    expect(result.population.inScopeUsers).toBe(2);
  });
});
