import { describe, expect, it } from 'vitest';
import { diffSnapshots, whatIf } from '../../src-main/audit';
import { assignGroup, assignUser, direct, entraGroup, entraUser, job, scimUser, snapshot, team } from './builders';

describe('whatIf', () => {
  // Members were invited by mail address before SCIM, so UPN matching misses them and mail matching adopts them.
  const tenant = snapshot({
    users: [
      entraUser('u1', 'a.upn@corp.example', { mail: 'ann@corp.example', employeeId: 'E1' }),
      entraUser('u2', 'b.upn@corp.example', { mail: 'ben@corp.example', proxyAddresses: ['SMTP:ben@corp.example'] }),
      entraUser('u3', 'c.upn@corp.example', { mail: null, otherMails: ['cy@home.example'] }),
      entraUser('u4', 'd.upn@corp.example', { mail: 'shared@corp.example' }),
      entraUser('u5', 'e.upn@corp.example', { mail: 'shared@corp.example' })
    ],
    assignments: ['u1', 'u2', 'u3', 'u4', 'u5'].map((id) => assignUser(id)),
    members: [scimUser('1', 'ann@corp.example'), scimUser('2', 'Ben@corp.example'), scimUser('3', 'a.upn@corp.example'), scimUser('4', 'owner@corp.example')]
  });

  it('counts outcomes per candidate source', () => {
    const result = whatIf(tenant);
    expect(result.snapshotId).toBe('20261201-100000-aaaaaa');
    expect(result.candidates).toEqual([
      { sourceAttribute: 'userPrincipalName', link: 1, create: 4, duplicate: 0, skip: 0, orphaned: 3, current: true },
      { sourceAttribute: 'mail', link: 2, create: 0, duplicate: 2, skip: 1, orphaned: 2, current: false },
      { sourceAttribute: 'employeeId', link: 0, create: 1, duplicate: 0, skip: 4, orphaned: 4, current: false },
      { sourceAttribute: 'otherMails', link: 0, create: 1, duplicate: 0, skip: 4, orphaned: 4, current: false },
      { sourceAttribute: 'primaryProxyAddress', link: 1, create: 0, duplicate: 0, skip: 4, orphaned: 3, current: false }
    ]);
  });

  it('accepts explicit candidates and rejects unknown ones', () => {
    expect(whatIf(tenant, { candidates: ['ToLower([mail])'] }).candidates).toEqual([
      { sourceAttribute: 'ToLower([mail])', link: 2, create: 0, duplicate: 2, skip: 1, orphaned: 2, current: false }
    ]);
    expect(() => whatIf(tenant, { candidates: ['department'] })).toThrow('Unknown matching source "department". Use one of: userPrincipalName,');
  });

  it('keeps cached links from the previous snapshot', () => {
    const previous = snapshot({ users: [entraUser('u2', 'ben@corp.example')], assignments: [assignUser('u2')] }, '20261130-100000-aaaaaa');
    const current = whatIf(tenant, { candidates: ['userPrincipalName'], previous }).candidates[0];
    expect(current).toEqual({ sourceAttribute: 'userPrincipalName', link: 2, create: 3, duplicate: 0, skip: 0, orphaned: 2, current: true });
  });
});

describe('diffSnapshots', () => {
  const before = snapshot(
    {
      users: [entraUser('u1', 'ann@corp.example'), entraUser('u2', 'bob@corp.example')],
      groups: [entraGroup('g1', 'Platform')],
      assignments: [assignGroup('g1')],
      memberships: [direct('g1', 'u1')],
      provisioningJob: job({ statusCode: 'Active' }),
      members: [scimUser('1', 'ann@corp.example')],
      teams: [team('t1', 'Platform', ['1'])]
    },
    '20261130-100000-aaaaaa'
  );
  const after = snapshot({
    users: [entraUser('u1', 'ann.smith@corp.example', { displayName: 'ann' })],
    deletedUserIds: ['u2'],
    groups: [entraGroup('g1', 'Platform Core')],
    assignments: [assignGroup('g1'), assignUser('u3')],
    memberships: [],
    provisioningJob: job({ statusCode: 'Quarantine' }),
    members: [scimUser('1', 'ann@corp.example', { sentryOrgRole: 'admin' }), scimUser('2', 'cy@corp.example')],
    teams: [team('t1', 'Platform Core', ['1', '2'])]
  });

  it('reports renames as changes and keeps added and removed objects apart', () => {
    const diff = diffSnapshots(before, after);
    expect(diff.from).toBe('20261130-100000-aaaaaa');
    expect(diff.to).toBe('20261201-100000-aaaaaa');
    const rows = diff.changes.map((change) => [change.side, change.objectType, change.objectId, change.change, change.attribute, change.oldValue, change.newValue]);
    expect(rows).toEqual([
      ['entra', 'user', 'u1', 'changed', 'userPrincipalName', 'ann@corp.example', 'ann.smith@corp.example'],
      ['entra', 'user', 'u1', 'changed', 'mail', 'ann@corp.example', 'ann.smith@corp.example'],
      ['entra', 'user', 'u2', 'changed', 'deleted', 'false', 'true'],
      ['entra', 'group', 'g1', 'changed', 'displayName', 'Platform', 'Platform Core'],
      ['entra', 'assignment', 'as-u3', 'added', null, null, null],
      ['entra', 'membership', 'g1/u1', 'removed', null, null, null],
      ['entra', 'provisioningJob', 'sentry.job', 'changed', 'statusCode', 'Active', 'Quarantine'],
      ['sentry', 'member', '1', 'changed', 'sentryOrgRole', 'member', 'admin'],
      ['sentry', 'member', '2', 'added', null, null, null],
      ['sentry', 'team', 't1', 'changed', 'displayName', 'Platform', 'Platform Core'],
      ['sentry', 'teamMembership', 't1/2', 'added', null, null, null]
    ]);
  });

  it('finds no changes between equal snapshots', () => {
    expect(diffSnapshots(before, before).changes).toEqual([]);
  });
});
