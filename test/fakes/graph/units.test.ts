import { describe, expect, it } from 'vitest';
import { GraphRequestError } from './errors';
import { type FilterRules, matchesFilter, parseFilter } from './odata';
import { GraphState } from './state';
import { sentrySyncSchema } from './sync-schema';
import type { GraphFakeSeed } from './state';

const RULES: FilterRules = {
  resource: 'thing',
  allowed: { displayName: ['eq', 'startsWith'], 'servicePrincipal/id': ['eq'], activityDateTime: ['gt', 'lt'], jobId: ['contains'], count: ['eq', 'gt'] },
  caseSensitive: false
};

function errorOf(action: () => unknown): { status: number; code: string; message: string } {
  try {
    action();
  } catch (error) {
    if (error instanceof GraphRequestError) return { status: error.response.status, code: error.response.body.error.code, message: error.response.body.error.message };
    throw error;
  }
  throw new Error('expected a GraphRequestError');
}

describe('parseFilter', () => {
  it('parses joined clauses', () => {
    expect(parseFilter("servicePrincipal/id eq 'a''b' and activityDateTime gt 2025-01-01T00:00:00Z", RULES)).toEqual([
      { path: 'servicePrincipal/id', op: 'eq', value: "a'b", isDateTime: false },
      { path: 'activityDateTime', op: 'gt', value: '2025-01-01T00:00:00Z', isDateTime: true }
    ]);
  });

  it('parses functions in any case', () => {
    expect(parseFilter("StartsWith(displayName,'Sen')", RULES)).toEqual([{ path: 'displayName', op: 'startsWith', value: 'Sen', isDateTime: false }]);
  });

  it('rejects a property outside the rules', () => {
    expect(errorOf(() => parseFilter("mail eq 'x'", RULES))).toEqual({
      status: 400,
      code: 'Request_UnsupportedQuery',
      message: "Unsupported or invalid query filter clause specified for property 'mail' of resource 'thing'."
    });
  });

  it('rejects or', () => {
    expect(errorOf(() => parseFilter("displayName eq 'a' or displayName eq 'b'", RULES)).message).toBe(
      "Unsupported filter operator 'or' for resource 'thing'; this fake joins clauses with 'and' only."
    );
  });

  it('rejects an unquoted string', () => {
    expect(errorOf(() => parseFilter('displayName eq Sentry', RULES)).message).toBe(
      "Invalid filter clause: 'Sentry' is not a value in 'displayName eq Sentry'. Quote strings with single quotes."
    );
  });

  it('rejects a missing value', () => {
    expect(errorOf(() => parseFilter('displayName eq', RULES)).code).toBe('Request_BadRequest');
  });
});

describe('matchesFilter', () => {
  const item = { displayName: 'Sentry Prod', activityDateTime: '2025-01-02T00:00:00Z', jobId: 'sentry.abc', count: 5, servicePrincipal: { id: 'SP-1' } };

  it.each([
    ["displayName eq 'sentry prod'", true],
    ["startsWith(displayName,'SENTRY')", true],
    ["activityDateTime gt 2025-01-01T00:00:00Z and activityDateTime lt 2025-01-03T00:00:00Z", true],
    ['activityDateTime gt 2025-01-02T00:00:00Z', false],
    ["contains(jobId,'abc')", true],
    ['count gt 4', true],
    ['count eq 4', false],
    ["servicePrincipal/id eq 'sp-1'", true]
  ])('case-insensitive %s is %s', (filter, expected) => {
    expect(matchesFilter(item, parseFilter(filter, RULES), false)).toBe(expected);
  });

  it('compares case-sensitively on request', () => {
    expect(matchesFilter(item, parseFilter("servicePrincipal/id eq 'sp-1'", RULES), true)).toBe(false);
  });
});

function seed(): GraphFakeSeed {
  return {
    tenantId: 't',
    clients: [],
    servicePrincipals: [{ id: 'sp', appId: 'app', displayName: 'Sentry', appRoles: [], xAssignments: [{ principalId: 'u1', principalType: 'User', appRoleId: 'r' }] }],
    users: [{ id: 'u1', userPrincipalName: 'one@contoso.example' }],
    groups: [{ id: 'g1', displayName: 'G', xMembers: ['u1'] }]
  };
}

describe('GraphState', () => {
  it('rejects a member that is not in the seed', () => {
    const bad = seed();
    bad.groups[0]!.xMembers.push('ghost');
    expect(() => new GraphState(bad)).toThrow("Seed group 'g1' lists member 'ghost', which is neither a seed user nor a seed group.");
  });

  it('rejects an assignment to a missing user', () => {
    const bad = seed();
    bad.servicePrincipals[0]!.xAssignments.push({ principalId: 'ghost', principalType: 'User', appRoleId: 'r' });
    expect(() => new GraphState(bad)).toThrow("Seed service principal 'sp' assigns User 'ghost', which is not in the seed users.");
  });

  it('copies the seed', () => {
    const original = seed();
    const state = new GraphState(original);
    state.user('u1')!.displayName = 'Changed';
    expect(original.users[0]!.displayName).toBeUndefined();
  });

  it('keeps indexes in step with changes', () => {
    const state = new GraphState(seed());
    state.addUser({ id: 'u2', userPrincipalName: 'two@contoso.example' });
    state.addGroupMember('g1', 'u2');
    state.setUserPrincipalName('u2', 'renamed@contoso.example');
    expect(state.user('RENAMED@contoso.example')?.id).toBe('u2');
    expect(state.user('two@contoso.example')).toBeUndefined();
    expect(state.group('g1')?.xMembers).toEqual(['u1', 'u2']);

    state.removeUser('u1');
    expect(state.user('u1')).toBeUndefined();
    expect(state.group('g1')?.xMembers).toEqual(['u2']);
  });

  it('gives assignments stable ids', () => {
    const state = new GraphState(seed());
    const sp = state.servicePrincipal('sp')!;
    const added = state.addAssignment('sp', { principalId: 'u1', principalType: 'User', appRoleId: 'r2' });
    expect(state.assignments(sp).map((a) => a.id)).toEqual([Buffer.from('sp:u1:0').toString('base64url'), added.id]);
    expect(added.id).toBe(Buffer.from('sp:u1:1').toString('base64url'));
  });

  it('names the value in mutation errors', () => {
    const state = new GraphState(seed());
    expect(() => state.removeGroupMember('g1', 'nobody')).toThrow("removeGroupMember: 'nobody' is not a direct member of group 'g1'.");
    expect(() => state.addGroupMember('g1', 'nobody')).toThrow("addGroupMember: 'nobody' is neither a user nor a group; add the object first.");
    expect(() => state.removeAssignment('sp', 'nobody')).toThrow("removeAssignment: 'nobody' has no assignment on service principal 'sp'.");
  });
});

describe('sentrySyncSchema', () => {
  type Mapping = { targetAttributeName: string; matchingPriority: number; source: { expression: string } };
  type ObjectMapping = { enabled: boolean; flowTypes: string; scope: unknown; attributeMappings: Mapping[] };
  const objectMappings = (schema: Record<string, unknown>): ObjectMapping[] =>
    (schema['synchronizationRules'] as Array<{ objectMappings: ObjectMapping[] }>)[0]!.objectMappings;

  it('builds the documented minimal mapping', () => {
    const [users, groups] = objectMappings(sentrySyncSchema());
    expect(users!.attributeMappings.map((m) => [m.targetAttributeName, m.matchingPriority, m.source.expression])).toEqual([
      ['userName', 1, '[userPrincipalName]'],
      ['active', 0, 'Switch([IsSoftDeleted], , "False", "True", "True", "False")']
    ]);
    expect(groups!.attributeMappings.map((m) => m.targetAttributeName)).toEqual(['displayName', 'members']);
    expect(users!.scope).toBeNull();
  });

  it('applies every option', () => {
    const scope = { groups: [{ name: 'g', clauses: [{ operatorName: 'EQUALS', sourceOperandName: 'department', targetOperand: { values: ['Eng'] } }] }] };
    const [users, groups] = objectMappings(
      sentrySyncSchema({ userMatchingSource: 'mail', scopingFilter: scope, roleMapping: true, fixture: 'generic-scim', userFlowTypes: 'Add, Update', groupMappingEnabled: false })
    );
    expect(users!.attributeMappings.map((m) => m.targetAttributeName)).toEqual([
      'userName',
      'active',
      'name.givenName',
      'name.familyName',
      'emails[type eq "work"].value',
      'externalId',
      'roles[primary eq "True"].value'
    ]);
    expect(users!.attributeMappings[0]!.source.expression).toBe('[mail]');
    expect(users!.scope).toEqual(scope);
    expect(users!.flowTypes).toBe('Add, Update');
    expect(groups!.enabled).toBe(false);
  });
});
