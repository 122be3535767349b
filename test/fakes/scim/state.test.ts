import { describe, expect, it } from 'vitest';
import { parseScimFilter } from './query';
import { ScimState } from './state';
import { smallSeed } from './fixtures';

describe('ScimState seed checks', () => {
  it('rejects a non-numeric user id', () => {
    const seed = smallSeed();
    seed.users[0]!.id = 'u-100';

    expect(() => new ScimState(seed, '1')).toThrow('Seed users id "u-100" is not a positive integer; Sentry ids are digits only, e.g. "4811".');
  });

  it('rejects secondary addresses on a pending invite', () => {
    const seed = smallSeed();
    seed.users[2]!.xSecondaryEmails = ['bob@other.example'];

    expect(() => new ScimState(seed, '1')).toThrow('Seed user 102 is pending and has xSecondaryEmails');
  });

  it('rejects a team member that is not a user', () => {
    const seed = smallSeed();
    seed.groups[1]!.xMembers = ['555'];

    expect(() => new ScimState(seed, '1')).toThrow('Seed group 201 lists member 555, which is not a seed user; add the user or remove the id.');
  });

  it('rejects two teams with one slug', () => {
    const seed = smallSeed();
    seed.groups[1]!.displayName = 'platform-team';

    expect(() => new ScimState(seed, '1')).toThrow('Seed group 201 has slug "platform-team", which another seed group already holds');
  });
});

describe('ScimState indexes', () => {
  it('keeps e-mail lookups right after updates', () => {
    const state = new ScimState(smallSeed(), '1');

    state.updateMember(101, { secondaryEmails: ['a.new@example.org'] });

    expect(state.findMembersByEmail('ALICE.ALT@example.org')).toEqual([]);
    expect(state.findMembersByEmail('a.new@example.org').map((m) => m.id)).toEqual([101]);
  });

  it('re-sorts the list after a pending invite is accepted', () => {
    const state = new ScimState(smallSeed(), '1');

    state.updateMember(102, { pending: false });

    expect(state.listMembers().map((m) => m.id)).toEqual([103, 100, 101, 102, 104]);
  });

  it('gives new members and teams the next free ids', () => {
    const state = new ScimState(smallSeed(), '1');

    const member = state.addMember({ email: 'new@example.com' });
    const team = state.addTeam('New Team');

    expect(member.id).toBe(105);
    expect(team).toMatchObject({ id: 203, slug: 'new-team', name: 'New Team' });
  });
});

describe('parseScimFilter', () => {
  it.each([
    ['userName eq "a@x.com"', { kind: 'value', value: 'a@x.com' }],
    ['  userName   eq   "a@x.com"  ', { kind: 'value', value: 'a@x.com' }],
    ['value eq "0042"', { kind: 'value', value: '42' }],
    ['value eq " 1_000 "', { kind: 'value', value: '1000' }],
    ['value eq "4x"', { kind: 'crash' }],
    ['userName eq x', { kind: 'value', value: '' }],
    ['userName eq ', { kind: 'invalid' }],
    ['userName eq "a" and displayName eq "b"', { kind: 'invalid' }],
    ['name.givenName eq "a"', { kind: 'invalid' }]
  ])('parses %j', (raw, expected) => {
    expect(parseScimFilter(raw)).toEqual(expected);
  });
});
