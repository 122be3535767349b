import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from 'undici';
import { type GraphFake, startGraphFake } from './index';
import { appToken, CLIENTS, IDS, requestJson, testSeed, trustingAgent } from './fixtures';

let fake: GraphFake;
let agent: Agent;
let auditorToken: string;
let narrowToken: string;

beforeAll(async () => {
  fake = await startGraphFake(testSeed());
  agent = trustingAgent();
  auditorToken = await appToken(agent, fake.authorityHost, CLIENTS.auditor);
  narrowToken = await appToken(agent, fake.authorityHost, CLIENTS.narrow);
});

afterAll(async () => {
  await fake.close();
  await agent.close();
});

function get(path: string, token = auditorToken, headers: Record<string, string> = {}) {
  return requestJson(agent, path.startsWith('https:') ? path : `${fake.graphUrl}${path}`, { headers: { Authorization: `Bearer ${token}`, ...headers } });
}

/** Follows nextLinks from `path` and returns every page's item ids. */
async function allPages(path: string, headers: Record<string, string> = {}): Promise<string[][]> {
  const pages: string[][] = [];
  let next: string | undefined = `${fake.graphUrl}${path}`;
  while (next) {
    const response = await get(next, auditorToken, headers);
    expect(response.status).toBe(200);
    pages.push((response.body.value as Array<{ id: string; principalId?: string }>).map((item) => item.principalId ?? item.id));
    next = response.body['@odata.nextLink'] as string | undefined;
  }
  return pages;
}

describe('service principals', () => {
  it('filters by displayName case-insensitively', async () => {
    const response = await get(`/v1.0/servicePrincipals?$filter=displayName eq 'sentry'&$select=id,appId,displayName`);
    expect(response.status).toBe(200);
    expect(response.body.value).toEqual([{ id: IDS.sentrySp, appId: IDS.sentryAppId, displayName: 'Sentry' }]);
  });

  it('filters with startsWith', async () => {
    const response = await get(`/v1.0/servicePrincipals?$filter=startsWith(displayName,'Sentry')&$select=id`);
    expect(response.body.value).toEqual([{ id: IDS.sentrySp }, { id: IDS.sentryTestSp }]);
  });

  it('filters by appId', async () => {
    const response = await get(`/v1.0/servicePrincipals?$filter=appId eq '${IDS.sentryAppId}'&$select=displayName`);
    expect(response.body.value).toEqual([{ displayName: 'Sentry' }]);
  });

  it('reads by the appId alternate key', async () => {
    const response = await get(`/v1.0/servicePrincipals(appId='${IDS.sentryAppId}')?$select=id,appRoleAssignmentRequired,appRoles`);
    expect(response.status).toBe(200);
    expect(response.body.id).toBe(IDS.sentrySp);
    expect(response.body.appRoleAssignmentRequired).toBe(true);
    expect(response.body.appRoles).toEqual([
      { allowedMemberTypes: ['User'], description: 'User', displayName: 'User', id: '18d14569-c3bd-439b-9a66-3a2aee01d14f', isEnabled: true, origin: 'Application', value: null }
    ]);
  });

  it('rejects an unsupported filter property', async () => {
    const response = await get(`/v1.0/servicePrincipals?$filter=tags eq 'x'`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('Request_UnsupportedQuery');
  });

  it('rejects an unknown $select property', async () => {
    const response = await get(`/v1.0/servicePrincipals?$select=id,nonsense`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe("Could not find a property named 'nonsense' on type 'microsoft.graph.servicePrincipal'.");
  });

  it('answers 404 for an unknown appId', async () => {
    const response = await get(`/v1.0/servicePrincipals(appId='00000000-0000-4000-8000-00000000ffff')`);
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('Request_ResourceNotFound');
  });
});

describe('appRoleAssignedTo', () => {
  const path = `/v1.0/servicePrincipals/${IDS.sentrySp}/appRoleAssignedTo`;

  it('returns every principal type and the default role', async () => {
    const response = await get(`${path}?$select=principalId,principalType,appRoleId,principalDisplayName,resourceId`);
    expect(response.body.value).toEqual([
      { principalId: IDS.alice, principalType: 'User', appRoleId: '18d14569-c3bd-439b-9a66-3a2aee01d14f', principalDisplayName: 'Alice Anders', resourceId: IDS.sentrySp },
      { principalId: IDS.platform, principalType: 'Group', appRoleId: '00000000-0000-0000-0000-000000000000', principalDisplayName: 'Platform Engineers', resourceId: IDS.sentrySp },
      { principalId: IDS.deleted, principalType: 'User', appRoleId: '00000000-0000-0000-0000-000000000000', principalDisplayName: 'Gone User', resourceId: IDS.sentrySp },
      { principalId: IDS.otherSp, principalType: 'ServicePrincipal', appRoleId: '00000000-0000-0000-0000-000000000000', principalDisplayName: 'Deploy Bot', resourceId: IDS.sentrySp }
    ]);
    expect(response.body['@odata.nextLink']).toBeUndefined();
  });

  it('pages with $top that divides the list exactly', async () => {
    expect(await allPages(`${path}?$top=2`)).toEqual([
      [IDS.alice, IDS.platform],
      [IDS.deleted, IDS.otherSp]
    ]);
  });

  it('pages with $top that leaves a short last page', async () => {
    expect(await allPages(`${path}?$top=3`)).toEqual([[IDS.alice, IDS.platform, IDS.deleted], [IDS.otherSp]]);
  });

  it('keeps $select and $top in the nextLink', async () => {
    const response = await get(`${path}?$select=principalId&$top=1`);
    const next = new URL(response.body['@odata.nextLink'] as string);
    expect(next.origin).toBe(fake.graphUrl);
    expect(next.searchParams.get('$select')).toBe('principalId');
    expect(next.searchParams.get('$top')).toBe('1');
    expect(next.searchParams.get('$skiptoken')).toMatch(/^[\w-]+$/);
  });

  it('serves an empty list without a nextLink', async () => {
    const response = await get(`/v1.0/servicePrincipals/${IDS.sentryTestSp}/appRoleAssignedTo`);
    expect(response.status).toBe(200);
    expect(response.body.value).toEqual([]);
    expect(response.body['@odata.nextLink']).toBeUndefined();
  });

  it.each(['0', '1000', 'abc'])('rejects $top=%s', async (top) => {
    const response = await get(`${path}?$top=${top}`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(`Invalid page size specified: '${top}'. Must be between 1 and 999 inclusive.`);
  });

  it('rejects a tampered skiptoken', async () => {
    const response = await get(`${path}?$skiptoken=not-a-token`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('Request_BadRequest');
  });

  it('uses the default page size', async () => {
    fake.setPageSize(3);
    try {
      expect(await allPages(path)).toEqual([[IDS.alice, IDS.platform, IDS.deleted], [IDS.otherSp]]);
    } finally {
      fake.setPageSize(100);
    }
  });

  it('shows data changed between two pages', async () => {
    // Removing an item already served shifts the offset, so the next page skips one assignment.
    fake.afterPage(/appRoleAssignedTo$/, 1, () => fake.state.removeAssignment(IDS.sentrySp, IDS.alice));
    try {
      expect(await allPages(`${path}?$top=2`)).toEqual([[IDS.alice, IDS.platform], [IDS.otherSp]]);
    } finally {
      fake.state.addAssignment(IDS.sentrySp, { principalId: IDS.alice, principalType: 'User', appRoleId: '18d14569-c3bd-439b-9a66-3a2aee01d14f' });
    }
  });
});

describe('users', () => {
  it('returns the default properties without $select', async () => {
    const response = await get(`/v1.0/users/${IDS.alice}`);
    expect(response.status).toBe(200);
    const { '@odata.context': context, ...user } = response.body;
    expect(context).toBe(`${fake.graphUrl}/v1.0/$metadata#users/$entity`);
    expect(user).toEqual({
      businessPhones: [],
      displayName: 'Alice Anders',
      givenName: 'Alice',
      id: IDS.alice,
      jobTitle: null,
      mail: 'Alice.Anders@contoso.example',
      mobilePhone: null,
      officeLocation: null,
      preferredLanguage: null,
      surname: 'Anders',
      userPrincipalName: 'alice.anders@contoso.example'
    });
  });

  it('returns select-only properties on $select', async () => {
    const response = await get(`/v1.0/users/${IDS.carol}?$select=id,accountEnabled,employeeId,userType,otherMails,proxyAddresses,onPremisesImmutableId`);
    const { '@odata.context': _context, ...user } = response.body;
    expect(user).toEqual({ id: IDS.carol, accountEnabled: true, employeeId: null, userType: 'Guest', otherMails: [], proxyAddresses: [], onPremisesImmutableId: null });
  });

  it('finds a user by UPN in any case', async () => {
    const response = await get(`/v1.0/users/ALICE.ANDERS@contoso.example?$select=id`);
    expect(response.body.id).toBe(IDS.alice);
  });

  it('reports the user list as not implemented', async () => {
    const response = await get('/v1.0/users');
    expect(response.status).toBe(501);
    expect(response.body.error.message).toBe('This fake Graph server does not implement GET /users; read objects by id instead.');
  });

  it('answers 404 for a deleted user', async () => {
    const response = await get(`/v1.0/users/${IDS.deleted}`);
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('Request_ResourceNotFound');
    expect(Object.keys(response.body.error.innerError).sort()).toEqual(['client-request-id', 'date', 'request-id']);
  });

  it('limits User.ReadBasic.All to basic fields', async () => {
    const response = await get(`/v1.0/users/${IDS.alice}?$select=id,displayName,accountEnabled,employeeId`, narrowToken);
    expect(response.status).toBe(200);
    const { '@odata.context': _context, ...user } = response.body;
    expect(user).toEqual({ id: IDS.alice, displayName: 'Alice Anders' });
  });
});

describe('groups', () => {
  it('lists direct members with @odata.type and $select', async () => {
    const response = await get(`/v1.0/groups/${IDS.platform}/members?$select=id,userPrincipalName,accountEnabled,displayName`);
    expect(response.body.value).toEqual([
      { '@odata.type': '#microsoft.graph.user', id: IDS.alice, userPrincipalName: 'alice.anders@contoso.example', accountEnabled: true, displayName: 'Alice Anders' },
      { '@odata.type': '#microsoft.graph.group', id: IDS.sre, displayName: 'SRE On-call' },
      { '@odata.type': '#microsoft.graph.user', id: IDS.bob, userPrincipalName: 'bob@contoso.example', accountEnabled: false, displayName: 'Bob Berg' }
    ]);
  });

  it('flattens transitive members once each', async () => {
    expect(await allPages(`/v1.0/groups/${IDS.platform}/transitiveMembers?$select=id`)).toEqual([[IDS.alice, IDS.sre, IDS.carol, IDS.bob]]);
  });

  it('pages members', async () => {
    expect(await allPages(`/v1.0/groups/${IDS.platform}/members?$top=1&$select=id`)).toEqual([[IDS.alice], [IDS.sre], [IDS.bob]]);
  });

  it('reports resource units for members', async () => {
    const response = await get(`/v1.0/groups/${IDS.platform}/members?$select=id`);
    // Members cost 3 units, and $select saves one.
    expect(response.headers.get('x-ms-resource-unit')).toBe('2');
  });

  it('serves an empty group', async () => {
    expect(await allPages(`/v1.0/groups/${IDS.empty}/members`)).toEqual([[]]);
  });

  it('casts members to users with ConsistencyLevel', async () => {
    const response = await get(`/v1.0/groups/${IDS.platform}/members/microsoft.graph.user?$select=id&$count=true`, auditorToken, { ConsistencyLevel: 'eventual' });
    expect(response.status).toBe(200);
    expect(response.body['@odata.count']).toBe(2);
    expect(response.body.value).toEqual([
      { '@odata.type': '#microsoft.graph.user', id: IDS.alice },
      { '@odata.type': '#microsoft.graph.user', id: IDS.bob }
    ]);
  });

  it('needs ConsistencyLevel again on the next page', async () => {
    const first = await get(`/v1.0/groups/${IDS.platform}/members/microsoft.graph.user?$top=1`, auditorToken, { ConsistencyLevel: 'eventual' });
    const next = first.body['@odata.nextLink'] as string;
    expect(next).toContain('/members/microsoft.graph.user?$top=1&$skiptoken=');
    expect((await get(next)).status).toBe(400);
    const second = await get(next, auditorToken, { ConsistencyLevel: 'eventual' });
    expect(second.body.value.map((member: { id: string }) => member.id)).toEqual([IDS.bob]);
  });

  it('rejects a cast without ConsistencyLevel', async () => {
    const response = await get(`/v1.0/groups/${IDS.platform}/members/microsoft.graph.user`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('Request_UnsupportedQuery');
  });

  it('reads one group', async () => {
    const response = await get(`/v1.0/groups/${IDS.sre}?$select=id,displayName,securityEnabled,groupTypes`);
    const { '@odata.context': _context, ...group } = response.body;
    expect(group).toEqual({ id: IDS.sre, displayName: 'SRE On-call', securityEnabled: true, groupTypes: [] });
  });

  it('answers 404 for an unknown group', async () => {
    const response = await get(`/v1.0/groups/00000000-0000-4000-8000-00000000ffff/members`);
    expect(response.status).toBe(404);
  });
});

describe('scale', () => {
  it('pages a 12,000-member group', async () => {
    const ids = Array.from({ length: 12_000 }, (_, index) => `scale-${String(index).padStart(5, '0')}`);
    for (const id of ids) fake.state.addUser({ id, userPrincipalName: `${id}@contoso.example` });
    fake.state.addGroup({ id: 'scale-group', displayName: 'Scale', xMembers: [...ids] });

    const pages = await allPages('/v1.0/groups/scale-group/members?$top=999&$select=id,userPrincipalName');
    expect(pages).toHaveLength(13);
    expect(pages.slice(0, 12).every((page) => page.length === 999)).toBe(true);
    expect(pages[12]).toHaveLength(12);
    expect(pages.flat()).toEqual(ids);
  });
});

describe('synchronization and provisioning logs', () => {
  const sync = `/v1.0/servicePrincipals/${IDS.sentrySp}/synchronization`;

  it('lists jobs without hidden seed fields', async () => {
    const response = await get(`${sync}/jobs`);
    expect(response.body.value).toEqual([
      { id: IDS.job, templateId: 'sentry', schedule: { expiration: null, interval: 'PT40M', state: 'Active' }, status: { code: 'Active', quarantine: null } }
    ]);
  });

  it('serves the seeded schema with its matching attribute', async () => {
    const response = await get(`${sync}/jobs/${IDS.job}/schema`);
    const userMapping = response.body.synchronizationRules[0].objectMappings[0];
    expect(userMapping.attributeMappings[0]).toMatchObject({ targetAttributeName: 'userName', matchingPriority: 1, source: { name: 'mail', expression: '[mail]' } });
  });

  it('serves secrets without SecretToken', async () => {
    const response = await get(`${sync}/secrets`);
    expect(response.body.value).toEqual([
      { key: 'BaseAddress', value: 'https://sentry.example/api/0/organizations/contoso/scim/v2/' },
      { key: 'SyncAll', value: 'false' },
      { key: 'SkipOutOfScopeDeletions', value: 'True' }
    ]);
  });

  it('answers 404 for an unknown job', async () => {
    expect((await get(`${sync}/jobs/missing`)).status).toBe(404);
  });

  it('filters provisioning logs by app and time', async () => {
    const response = await get(`/v1.0/auditLogs/provisioning?$filter=servicePrincipal/id eq '${IDS.sentrySp}' and activityDateTime gt 2025-01-01T12:00:00Z`);
    expect(response.body.value.map((entry: { id: string }) => entry.id)).toEqual(['log-2']);
  });

  it('orders provisioning logs newest first and pages them', async () => {
    expect(await allPages(`/v1.0/auditLogs/provisioning?$top=2&$select=id`)).toEqual([['log-3', 'log-2'], ['log-1']]);
  });

  it('compares provisioning log filters by case', async () => {
    const response = await get(`/v1.0/auditLogs/provisioning?$filter=provisioningStatusInfo/status eq 'FAILURE'`);
    expect(response.body.value).toEqual([]);
  });
});

describe('authentication and permissions', () => {
  it('answers 401 without a token', async () => {
    const response = await requestJson(agent, `${fake.graphUrl}/v1.0/users/${IDS.alice}`);
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('InvalidAuthenticationToken');
    expect(response.headers.get('www-authenticate')).toContain(`authorization_uri="${fake.authorityHost}/common/oauth2/authorize"`);
  });

  it('answers 401 for an unknown token', async () => {
    const response = await get(`/v1.0/users/${IDS.alice}`, 'made-up-token');
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('InvalidAuthenticationToken');
  });

  it('answers 401 for an expired token', async () => {
    const token = await appToken(agent, fake.authorityHost, CLIENTS.auditor);
    fake.expireTokens();
    const response = await get(`/v1.0/users/${IDS.alice}`, token);
    expect(response.status).toBe(401);
    expect(response.body.error.message).toBe('Lifetime validation failed, the token is expired.');
    auditorToken = await appToken(agent, fake.authorityHost, CLIENTS.auditor);
    narrowToken = await appToken(agent, fake.authorityHost, CLIENTS.narrow);
  });

  it.each([
    [`/v1.0/groups/${IDS.platform}/members`],
    [`/v1.0/servicePrincipals/${IDS.sentrySp}/synchronization/jobs`],
    [`/v1.0/servicePrincipals/${IDS.sentrySp}/synchronization/secrets`],
    // The narrow client has AuditLog.Read.All but not Directory.Read.All, and logs need both.
    ['/v1.0/auditLogs/provisioning']
  ])('answers 403 on %s without the permission', async (path) => {
    const response = await get(path, narrowToken);
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('Authorization_RequestDenied');
    expect(response.body.error.message).toBe('Insufficient privileges to complete the operation.');
  });

  it('echoes client-request-id in errors', async () => {
    const response = await get(`/v1.0/users/${IDS.deleted}`, auditorToken, { 'client-request-id': 'abc-123' });
    expect(response.headers.get('client-request-id')).toBe('abc-123');
    expect(response.body.error.innerError['client-request-id']).toBe('abc-123');
  });
});
