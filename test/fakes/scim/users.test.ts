import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startScimFake, type ScimFake } from './index';
import { bulkSeed, call, expectedUser, SCIM_ERROR, smallSeed } from './fixtures';

let fake: ScimFake;

beforeEach(async () => {
  fake = await startScimFake(smallSeed());
});

afterEach(async () => {
  await fake.close();
});

function ids(body: unknown): string[] {
  return (body as { Resources: Array<{ id: string }> }).Resources.map((r) => r.id);
}

describe('GET /Users', () => {
  it('lists pending invites by e-mail, then accepted members by id', async () => {
    const result = await call(fake, 'GET', '/Users');

    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('application/json');
    expect(result.body).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 5,
      startIndex: 1,
      itemsPerPage: 5,
      Resources: [
        expectedUser('102', 'Bob@Example.com', 'member'),
        expectedUser('103', 'carol@example.com', 'admin'),
        expectedUser('100', 'owner@example.com', 'owner'),
        expectedUser('101', 'alice@example.com', 'member'),
        expectedUser('104', 'dave@example.com', 'manager')
      ]
    });
  });

  it('pages with a 1-based startIndex and counts this page only', async () => {
    await fake.close();
    fake = await startScimFake(bulkSeed(16));

    const result = await call(fake, 'GET', '/Users?startIndex=10&count=10');

    expect(result.body).toMatchObject({ totalResults: 16, startIndex: 10, itemsPerPage: 7 });
    expect(ids(result.body)).toEqual(['10', '11', '12', '13', '14', '15', '16']);
  });

  it('returns an empty page past the end', async () => {
    const result = await call(fake, 'GET', '/Users?startIndex=50');

    expect(result.body).toMatchObject({ totalResults: 5, startIndex: 50, itemsPerPage: 0, Resources: [] });
  });

  it('treats count=0 as 100 and honours counts above 100', async () => {
    await fake.close();
    fake = await startScimFake(bulkSeed(250));

    const zero = await call(fake, 'GET', '/Users?count=0');
    const large = await call(fake, 'GET', '/Users?count=150');
    const empty = await call(fake, 'GET', '/Users?count=&startIndex=');

    expect(zero.body).toMatchObject({ itemsPerPage: 100, totalResults: 250 });
    expect(large.body).toMatchObject({ itemsPerPage: 150, startIndex: 1 });
    expect(empty.body).toMatchObject({ itemsPerPage: 100, startIndex: 1 });
  });

  it('accepts integral decimals for count but not as the startIndex cursor', async () => {
    const count = await call(fake, 'GET', '/Users?count=2.0');
    const start = await call(fake, 'GET', '/Users?startIndex=2.0');

    expect(count.body).toMatchObject({ itemsPerPage: 2 });
    expect(start.status).toBe(400);
    expect(start.body).toEqual({ detail: 'Invalid cursor parameter.' });
  });

  it.each([
    ['startIndex=0', { startIndex: ['Ensure this value is greater than or equal to 1.'] }],
    ['count=-1', { count: ['Ensure this value is greater than or equal to 0.'] }],
    ['count=ten', { count: ['A valid integer is required.'] }],
    ['startIndex=1.5&count=-2', { startIndex: ['A valid integer is required.'], count: ['Ensure this value is greater than or equal to 0.'] }]
  ])('rejects %s with a plain field map', async (query, expected) => {
    const result = await call(fake, 'GET', `/Users?${query}`);

    expect(result.status).toBe(400);
    expect(result.body).toEqual(expected);
  });

  it.each([
    ['userName eq "ALICE@EXAMPLE.COM"', ['101']],
    ["userName eq 'alice@example.com'", ['101']],
    ['userName eq "Alice.Alt@example.org"', ['101']],
    ['displayName eq "bob@example.com"', ['102']],
    ['value eq "bob@example.com"', 'crash'],
    ['userName eq alice@example.com', []],
    ['userName eq "nobody@example.com"', []]
  ])('filters %s', async (filter, expected) => {
    const result = await call(fake, 'GET', `/Users?filter=${encodeURIComponent(filter)}`);

    if (expected === 'crash') {
      expect(result.status).toBe(500);
      return;
    }
    expect(result.status).toBe(200);
    expect(ids(result.body)).toEqual(expected);
    expect((result.body as { totalResults: number }).totalResults).toBe(expected.length);
  });

  it.each(['userName eq "a@x.com",userName eq "b@x.com"', 'userName EQ "a@x.com"', 'userName co "a"', 'emails eq "a@x.com"', 'userName eq "a" eq "b"', 'userName eq'])(
    'rejects filter %s as invalidFilter',
    async (filter) => {
      const result = await call(fake, 'GET', `/Users?filter=${encodeURIComponent(filter)}`);

      expect(result.status).toBe(400);
      expect(result.body).toEqual({ schemas: [SCIM_ERROR], status: '400', scimType: 'invalidFilter' });
    }
  );

  it('sends the older invalidFilter body without status', async () => {
    await fake.close();
    fake = await startScimFake(smallSeed(), { errorGeneration: 'older' });

    const result = await call(fake, 'GET', `/Users?filter=${encodeURIComponent('userName sw "a"')}`);

    expect(result.body).toEqual({ schemas: [SCIM_ERROR], scimType: 'invalidFilter' });
  });

  it('leaves out active for an Entra-connected org', async () => {
    await fake.close();
    fake = await startScimFake(smallSeed('active-directory'));

    const result = await call(fake, 'GET', '/Users/101');

    const { active: _active, ...withoutActive } = expectedUser('101', 'alice@example.com', 'member');
    expect(result.body).toEqual(withoutActive);
  });
});

describe('POST /Users', () => {
  it('creates a pending invite with the e-mail as sent and flags it', async () => {
    const result = await call(fake, 'POST', '/Users', {
      body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'New.Person@Example.com', name: { givenName: 'New' }, active: false, sentryOrgRole: 'mAnaGer' }
    });

    expect(result.status).toBe(201);
    expect(result.body).toEqual(expectedUser('105', 'New.Person@Example.com', 'manager'));
    expect(fake.state.getMember(105)).toEqual({
      id: 105,
      email: 'New.Person@Example.com',
      role: 'manager',
      pending: true,
      secondaryEmails: [],
      idpProvisioned: true,
      idpRoleRestricted: true,
      partnershipRestricted: false
    });
  });

  it('gives the default role without locking it when no role is sent', async () => {
    const result = await call(fake, 'POST', '/Users', { body: { userName: 'erin@example.com', sentryOrgRole: '' } });

    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ sentryOrgRole: 'member' });
    expect(fake.state.getMember(105)?.idpRoleRestricted).toBe(false);
  });

  it.each(['owner', 'Owner', 'superuser'])('rejects role %s', async (role) => {
    const result = await call(fake, 'POST', '/Users', { body: { userName: 'erin@example.com', sentryOrgRole: role } });

    expect(result.status).toBe(400);
    expect(result.body).toEqual({ schemas: [SCIM_ERROR], status: '400', detail: 'Invalid organization role.' });
  });

  it.each([
    ['accepted member in other case', 'ALICE@example.com'],
    ['secondary address of an accepted member', 'alice.alt@EXAMPLE.org'],
    ['pending invite with the same e-mail', 'Bob@Example.com']
  ])('answers 409 for an %s', async (_case, email) => {
    const result = await call(fake, 'POST', '/Users', { body: { userName: email } });

    expect(result.status).toBe(409);
    expect(result.body).toEqual({ schemas: [SCIM_ERROR], status: '409', detail: 'User already exists in the database.', scimType: 'uniqueness' });
  });

  it('sends the older 409 body without status and scimType', async () => {
    await fake.close();
    fake = await startScimFake(smallSeed(), { errorGeneration: 'older' });

    const result = await call(fake, 'POST', '/Users', { body: { userName: 'alice@example.com' } });

    expect(result.body).toEqual({ schemas: [SCIM_ERROR], detail: 'User already exists in the database.' });
  });

  it('invites again when a pending invite differs only in case', async () => {
    const result = await call(fake, 'POST', '/Users', { body: { userName: 'bob@example.com' } });

    expect(result.status).toBe(201);
    expect(fake.state.findMembersByEmail('bob@example.com').map((m) => m.id)).toEqual([102, 105]);
  });

  it.each([
    [{ userName: 'not-an-email' }, '{"email":["Enter a valid email address."]}'],
    [{}, '{"email":["This field may not be null."]}'],
    [{ userName: '   ' }, '{"email":["This field may not be blank."]}'],
    [{ userName: `${'a'.repeat(64)}@example.com` }, '{"email":["Ensure this field has no more than 75 characters."]}'],
    [{ userName: `${'a'.repeat(80)}@x` }, '{"email":["Ensure this field has no more than 75 characters.","Enter a valid email address."]}']
  ])('rejects %j with the field errors as a JSON string', async (body, detail) => {
    const result = await call(fake, 'POST', '/Users', { body });

    expect(result.status).toBe(400);
    expect(result.body).toEqual({ schemas: [SCIM_ERROR], status: '400', detail });
  });
});

describe('GET /Users/{id}', () => {
  it('returns one member', async () => {
    const result = await call(fake, 'GET', '/Users/103');

    expect(result.body).toEqual(expectedUser('103', 'carol@example.com', 'admin'));
  });

  it.each(['999', '010101001010101011001010101011'])('answers 404 for id %s', async (id) => {
    const result = await call(fake, 'GET', `/Users/${id}`);

    expect(result.status).toBe(404);
    expect(result.body).toEqual({ schemas: [SCIM_ERROR], status: '404', detail: 'The requested resource does not exist' });
  });

  it('does not route non-digit ids or trailing slashes', async () => {
    const word = await call(fake, 'GET', '/Users/alice');
    const jsonWord = await call(fake, 'PATCH', '/Users/alice', { body: { Operations: [] } });
    const slash = await call(fake, 'GET', '/Users/101/');

    const suggestion = 'try: /api/0/organizations/acme/scim/v2/Users/alice/';
    expect(word.status).toBe(404);
    expect(word.headers.get('content-type')).toBe('text/plain');
    expect(word.body).toBe(`Route not found, did you forget a trailing slash?\n\n${suggestion}\n${' '.repeat(suggestion.length - 1)}^\n`);
    expect(jsonWord.status).toBe(404);
    expect(jsonWord.body).toEqual({ info: `Route not found, did you forget a trailing slash? ${suggestion}` });
    expect(slash.status).toBe(404);
    expect(slash.body).toBeUndefined();
  });
});

describe('PATCH /Users/{id}', () => {
  it.each([
    [{ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'active', value: false }] }],
    [{ Operations: [{ op: 'Replace', value: { active: false } }] }],
    [{ Operations: [{ op: 'REPLACE', path: 'active', value: 'False' }] }],
    [{ Operations: [{ op: 'replace', value: { active: 'false', userName: 'x' } }] }]
  ])('deletes the member for %j', async (body) => {
    const result = await call(fake, 'PATCH', '/Users/101', { body });

    expect(result.status).toBe(204);
    expect(result.body).toBeUndefined();
    expect(fake.state.getMember(101)).toBeUndefined();
    expect(fake.state.getTeam(200)?.memberIds).toEqual(new Set([104]));
  });

  it.each([
    [{ Operations: [{ op: 'replace', path: 'active', value: true }] }],
    [{ Operations: [{ op: 'replace', path: 'userName', value: true }] }],
    [{ Operations: [{ op: 'replace', value: { displayName: 'Alice' } }] }],
    [{ Operations: [{ op: 'replace', path: 'active', value: true }, { op: 'replace', path: 'active', value: false }] }]
  ])('rejects %j as an invalid patch and keeps the member', async (body) => {
    const result = await call(fake, 'PATCH', '/Users/101', { body });

    expect(result.status).toBe(400);
    expect(result.body).toEqual({ schemas: [SCIM_ERROR], status: '400', detail: 'Invalid Patch Operation.' });
    expect(fake.state.getMember(101)).toBeDefined();
  });

  it('returns the member unchanged for an empty operation list', async () => {
    const result = await call(fake, 'PATCH', '/Users/101', { body: { Operations: [] } });

    expect(result.status).toBe(200);
    expect(result.body).toEqual(expectedUser('101', 'alice@example.com', 'member'));
  });

  it.each([
    [{}, '{"Operations":["This field is required."]}'],
    [{ Operations: [{ op: 'add', path: 'emails', value: 'x' }] }, '{"Operations":{"0":{"op":["\\"add\\" is not a valid choice"],"value":["value must be a boolean or object"]}}}'],
    [{ Operations: [{ op: 'replace', path: 'active', value: ['False'] }] }, '{"Operations":{"0":{"value":["value must be a boolean or object"]}}}'],
    [{ Operations: [{ op: 'replace', path: 'active' }] }, '{"Operations":{"0":{"value":["This field is required."]}}}'],
    [{ Operations: 'replace' }, '{"Operations":["Expected a list of items but got type \\"str\\"."]}'],
    [{ Operations: Array.from({ length: 101 }, () => ({ op: 'replace', path: 'active', value: false })) }, '{"Operations":["Ensure this field has no more than 100 elements."]}']
  ])('rejects %j with the serializer errors as a JSON string', async (body, detail) => {
    const result = await call(fake, 'PATCH', '/Users/101', { body });

    expect(result.status).toBe(400);
    expect(result.body).toEqual({ schemas: [SCIM_ERROR], status: '400', detail });
  });

  it('refuses to remove the only owner', async () => {
    const result = await call(fake, 'PATCH', '/Users/100', { body: { Operations: [{ op: 'replace', path: 'active', value: false }] } });

    expect(result.status).toBe(403);
    expect(result.body).toEqual({ detail: 'You cannot remove the only remaining owner of the organization.' });
  });

  it('answers 404 for an unknown member before reading the body', async () => {
    const result = await call(fake, 'PATCH', '/Users/999', { rawBody: '{not json' });

    expect(result.status).toBe(404);
    expect(result.body).toEqual({ schemas: [SCIM_ERROR], status: '404', detail: 'The requested resource does not exist' });
  });

  it('refuses a partnership-managed member', async () => {
    fake.state.updateMember(101, { partnershipRestricted: true });

    const result = await call(fake, 'PATCH', '/Users/101', { body: { Operations: [{ op: 'replace', path: 'active', value: false }] } });

    expect(result.status).toBe(403);
    expect(result.body).toEqual({ detail: 'This member is managed by an active partnership and cannot be modified until the end of the partnership.' });
  });
});

describe('PUT /Users/{id}', () => {
  it('changes the role, locks it and returns 200', async () => {
    const result = await call(fake, 'PUT', '/Users/101', { body: { sentryOrgRole: 'Billing', active: false } });

    expect(result.status).toBe(200);
    expect(result.body).toEqual(expectedUser('101', 'alice@example.com', 'billing'));
    expect(fake.state.getMember(101)).toMatchObject({ role: 'billing', idpRoleRestricted: true, idpProvisioned: true });
  });

  it('leaves an owner unchanged but marks it provisioned', async () => {
    const result = await call(fake, 'PUT', '/Users/100', { body: { sentryOrgRole: 'member' } });

    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ sentryOrgRole: 'owner' });
    expect(fake.state.getMember(100)).toMatchObject({ role: 'owner', idpProvisioned: true, idpRoleRestricted: false });
  });

  it('keeps a role managed in Sentry when the IdP sends none', async () => {
    const result = await call(fake, 'PUT', '/Users/104', { body: {} });

    expect(result.status).toBe(200);
    expect(fake.state.getMember(104)).toMatchObject({ role: 'manager', idpRoleRestricted: false, idpProvisioned: false });
  });

  it('resets a locked role to the default when the IdP sends none', async () => {
    fake.state.updateMember(104, { idpRoleRestricted: true });

    const result = await call(fake, 'PUT', '/Users/104', { body: { sentryOrgRole: '' } });

    expect(result.body).toMatchObject({ sentryOrgRole: 'member' });
    expect(fake.state.getMember(104)).toMatchObject({ role: 'member', idpRoleRestricted: false, idpProvisioned: true });
  });

  it.each(['owner', 'ceo'])('rejects role %s', async (role) => {
    const result = await call(fake, 'PUT', '/Users/101', { body: { sentryOrgRole: role } });

    expect(result.status).toBe(400);
    expect(result.body).toEqual({ schemas: [SCIM_ERROR], status: '400', detail: 'Invalid organization role.' });
    expect(fake.state.getMember(101)?.role).toBe('member');
  });
});

describe('DELETE /Users/{id}', () => {
  it('deletes the member and its team memberships', async () => {
    const first = await call(fake, 'DELETE', '/Users/104');
    const second = await call(fake, 'DELETE', '/Users/104');

    expect(first.status).toBe(204);
    expect(fake.state.getTeam(200)?.memberIds).toEqual(new Set([101]));
    expect(second.status).toBe(404);
  });

  it('refuses the only owner but allows one of two', async () => {
    const only = await call(fake, 'DELETE', '/Users/100');
    fake.state.updateMember(101, { role: 'owner' });
    const oneOfTwo = await call(fake, 'DELETE', '/Users/100');

    expect(only.status).toBe(403);
    expect(only.body).toEqual({ detail: 'You cannot remove the only remaining owner of the organization.' });
    expect(oneOfTwo.status).toBe(204);
  });
});
