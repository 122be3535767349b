import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startScimFake, type ScimFake } from './index';
import { call, SCIM_ERROR, smallSeed } from './fixtures';

const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

let fake: ScimFake;

beforeEach(async () => {
  fake = await startScimFake(smallSeed());
});

afterEach(async () => {
  await fake.close();
});

function patch(operations: unknown[]): { body: unknown } {
  return { body: { schemas: [PATCH_OP], Operations: operations } };
}

function memberIds(teamId: number): number[] {
  return [...(fake.state.getTeam(teamId)?.memberIds ?? [])];
}

describe('GET /Groups', () => {
  it('lists every active team ordered by slug', async () => {
    const result = await call(fake, 'GET', '/Groups');

    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 3,
      startIndex: 1,
      itemsPerPage: 3,
      Resources: [
        { schemas: [GROUP], id: '202', displayName: 'Backend', members: [{ value: '102', display: 'Bob@Example.com' }], meta: { resourceType: 'Group' } },
        {
          schemas: [GROUP],
          id: '200',
          displayName: 'Platform Team',
          members: [
            { value: '101', display: 'alice@example.com' },
            { value: '104', display: 'dave@example.com' }
          ],
          meta: { resourceType: 'Group' }
        },
        { schemas: [GROUP], id: '201', displayName: 'SRE:Team', members: [], meta: { resourceType: 'Group' } }
      ]
    });
  });

  it('leaves out members when excludedAttributes=members', async () => {
    const result = await call(fake, 'GET', '/Groups?excludedAttributes=members&count=1');

    expect(result.body).toMatchObject({ totalResults: 3, itemsPerPage: 1 });
    expect((result.body as { Resources: unknown[] }).Resources).toEqual([{ schemas: [GROUP], id: '202', displayName: 'Backend', meta: { resourceType: 'Group' } }]);
  });

  it.each([
    ['displayName eq "Platform Team"', ['200']],
    ['displayName eq "PLATFORM   team"', ['200']],
    ['userName eq "SRE:Team"', ['201']],
    ['displayName eq "Backend"', []],
    ['displayName eq "backend-renamed"', ['202']]
  ])('filters %s by slug', async (filter, expected) => {
    const result = await call(fake, 'GET', `/Groups?filter=${encodeURIComponent(filter)}`);

    expect((result.body as { Resources: Array<{ id: string }> }).Resources.map((r) => r.id)).toEqual(expected);
  });

  it('caps each member list at memberCap entries', async () => {
    await fake.close();
    fake = await startScimFake(smallSeed(), { memberCap: 1 });

    const list = await call(fake, 'GET', '/Groups?filter=displayName%20eq%20%22Platform%20Team%22');
    const single = await call(fake, 'GET', '/Groups/200');

    expect((list.body as { Resources: Array<{ members: unknown[] }> }).Resources[0]?.members).toEqual([{ value: '101', display: 'alice@example.com' }]);
    expect((single.body as { members: unknown[] }).members).toEqual([{ value: '101', display: 'alice@example.com' }]);
  });
});

describe('POST /Groups', () => {
  it('creates an empty team whatever members the body lists', async () => {
    const result = await call(fake, 'POST', '/Groups', { body: { schemas: [GROUP], displayName: 'Équipe Données', members: [{ value: '101' }] } });

    expect(result.status).toBe(201);
    expect(result.body).toEqual({ schemas: [GROUP], id: '203', displayName: 'Équipe Données', members: [], meta: { resourceType: 'Group' } });
    expect(fake.state.getTeam(203)).toMatchObject({ slug: 'equipe-donnees', idpProvisioned: true });
  });

  it('answers 409 when the slug is taken', async () => {
    const result = await call(fake, 'POST', '/Groups', { body: { displayName: 'platform team' } });

    expect(result.status).toBe(409);
    expect(result.body).toEqual({ non_field_errors: ['A team with this slug already exists.'], detail: 'A team with this slug already exists.' });
  });

  it.each([
    ['1234', { slug: ['Enter a valid slug consisting of lowercase letters, numbers, underscores or hyphens. It cannot be entirely numeric.'] }],
    ['日本', { slug: ['This field may not be blank.'] }],
    ['a'.repeat(51), { slug: ['Ensure this field has no more than 50 characters.'] }],
    ['b'.repeat(65), { slug: ['Ensure this field has no more than 50 characters.'], name: ['Ensure this field has no more than 64 characters.'] }]
  ])('rejects displayName %s with a plain field map', async (displayName, expected) => {
    const result = await call(fake, 'POST', '/Groups', { body: { displayName } });

    expect(result.status).toBe(400);
    expect(result.body).toEqual(expected);
  });
});

describe('GET /Groups/{id}', () => {
  it('answers 404 "Group not found." in both error generations', async () => {
    const newest = await call(fake, 'GET', '/Groups/999');
    await fake.close();
    fake = await startScimFake(smallSeed(), { errorGeneration: 'older' });
    const older = await call(fake, 'GET', '/Groups/999');

    expect(newest.status).toBe(404);
    expect(newest.body).toEqual({ schemas: [SCIM_ERROR], status: '404', detail: 'Group not found.' });
    expect(older.body).toEqual({ schemas: [SCIM_ERROR], detail: 'Group not found.' });
  });
});

describe('PATCH /Groups/{id}', () => {
  it('adds members in the Okta and Entra forms and skips existing ones', async () => {
    const result = await call(fake, 'PATCH', '/Groups/201', patch([{ op: 'Add', path: 'members', value: [{ value: 103, display: 'carol' }, { value: '100' }, { value: '103' }] }]));

    expect(result.status).toBe(204);
    expect(result.body).toBeUndefined();
    expect(memberIds(201)).toEqual([103, 100]);
    expect(fake.state.getTeam(201)?.idpProvisioned).toBe(true);
  });

  it('removes a member through an Okta path filter', async () => {
    const result = await call(fake, 'PATCH', '/Groups/200', patch([{ op: 'remove', path: 'members[value eq "101"]' }]));

    expect(result.status).toBe(204);
    expect(memberIds(200)).toEqual([104]);
  });

  it('applies only the first member of an Entra remove', async () => {
    const result = await call(fake, 'PATCH', '/Groups/200', patch([{ op: 'Remove', path: 'members', value: [{ value: '101' }, { value: '104' }] }]));

    expect(result.status).toBe(204);
    expect(memberIds(200)).toEqual([104]);
  });

  it('replaces the member set, keeping the order of members that stay', async () => {
    const result = await call(fake, 'PATCH', '/Groups/200', patch([{ op: 'replace', path: 'members', value: [{ value: '103' }, { value: '104' }] }]));
    const emptied = await call(fake, 'PATCH', '/Groups/202', patch([{ op: 'replace', path: 'members', value: [] }]));

    expect(result.status).toBe(204);
    expect(memberIds(200)).toEqual([104, 103]);
    expect(emptied.status).toBe(204);
    expect(memberIds(202)).toEqual([]);
  });

  it.each([
    [{ op: 'Replace', path: 'displayName', value: 'Platform Core' }],
    [{ op: 'replace', value: { id: '200', displayName: 'Platform Core' } }]
  ])('renames and re-slugs for %j', async (operation) => {
    const result = await call(fake, 'PATCH', '/Groups/200', patch([operation]));

    expect(result.status).toBe(204);
    expect(fake.state.getTeam(200)).toMatchObject({ name: 'Platform Core', slug: 'platform-core' });
    expect(fake.state.findTeamBySlug('platform-team')).toBeUndefined();
  });

  it('rejects a rename to a taken slug and rolls back earlier operations', async () => {
    const result = await call(fake, 'PATCH', '/Groups/200', patch([{ op: 'add', path: 'members', value: [{ value: '103' }] }, { op: 'replace', path: 'displayName', value: 'sre.team' }]));

    expect(result.status).toBe(400);
    expect(result.body).toEqual({ slug: ['The slug "sreteam" is already in use.'] });
    expect(memberIds(200)).toEqual([101, 104]);
    expect(fake.state.getTeam(200)).toMatchObject({ name: 'Platform Team', slug: 'platform-team', idpProvisioned: false });
  });

  it('allows renaming to its own slug', async () => {
    const result = await call(fake, 'PATCH', '/Groups/200', patch([{ op: 'replace', path: 'displayName', value: 'platform-TEAM' }]));

    expect(result.status).toBe(204);
    expect(fake.state.getTeam(200)).toMatchObject({ name: 'platform-TEAM', slug: 'platform-team' });
  });

  it('answers 404 for a member outside the org and rolls back', async () => {
    const result = await call(fake, 'PATCH', '/Groups/200', patch([{ op: 'remove', path: 'members[value eq "101"]' }, { op: 'add', path: 'members', value: [{ value: '999' }] }]));

    expect(result.status).toBe(404);
    expect(result.body).toEqual({ schemas: [SCIM_ERROR], status: '404', detail: 'User not found.' });
    expect(memberIds(200)).toEqual([101, 104]);
  });

  it('rejects another replace path but keeps the operations before it', async () => {
    const result = await call(fake, 'PATCH', '/Groups/200', patch([{ op: 'remove', path: 'members[value eq "101"]' }, { op: 'replace', path: 'externalId', value: 'x' }]));

    expect(result.status).toBe(400);
    expect(result.body).toEqual({ schemas: [SCIM_ERROR], status: '400', detail: 'Invalid Replace attr. Only displayName and members supported.' });
    expect(memberIds(200)).toEqual([104]);
  });

  it('rejects more than 100 operations', async () => {
    const operations = Array.from({ length: 101 }, () => ({ op: 'add', path: 'members', value: [{ value: '101' }] }));

    const result = await call(fake, 'PATCH', '/Groups/201', patch(operations));

    expect(result.status).toBe(400);
    expect(result.body).toEqual({ schemas: [SCIM_ERROR], status: '400', detail: 'Too many patch ops sent, limit is 100.' });
    expect(memberIds(201)).toEqual([]);
  });

  it.each([
    [{ Operations: [] }, '{"schemas":["This field is required."]}'],
    [{ schemas: [PATCH_OP], Operations: [{ op: 'move', path: 'members' }] }, '{"Operations":{"0":{"op":["\\"move\\" is not a valid choice"]}}}'],
    [{ schemas: PATCH_OP }, '{"schemas":["Expected a list of items but got type \\"str\\"."],"Operations":["This field is required."]}']
  ])('rejects %j with the serializer errors as a JSON string', async (body, detail) => {
    const result = await call(fake, 'PATCH', '/Groups/200', { body });

    expect(result.status).toBe(400);
    expect(result.body).toEqual({ schemas: [SCIM_ERROR], status: '400', detail });
  });

  it.each(['members[value badop "101"]', 'members'])('answers invalidFilter for remove path %s', async (path) => {
    const result = await call(fake, 'PATCH', '/Groups/200', patch([{ op: 'remove', path }]));

    expect(result.status).toBe(400);
    expect(result.body).toEqual({ schemas: [SCIM_ERROR], status: '400', scimType: 'invalidFilter' });
    expect(memberIds(200)).toEqual([101, 104]);
  });
});

describe('requests Sentry fails on', () => {
  it.each([
    ['POST', '/Groups', { members: [] }],
    ['PATCH', '/Groups/200', { schemas: [PATCH_OP], Operations: [{ op: 'add', value: [{ value: '101' }] }] }],
    ['PATCH', '/Groups/200', { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { id: '200' } }] }],
    ['PATCH', '/Groups/200', { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ value: 'alice' }] }] }]
  ])('answers %s %s %j with 500 and changes nothing', async (method, path, body) => {
    const result = await call(fake, method, path, { body });

    expect(result.status).toBe(500);
    expect(result.body).toEqual({ detail: 'Internal Error' });
    expect(memberIds(200)).toEqual([101, 104]);
    expect(fake.state.listTeams().map((t) => t.id)).toEqual([202, 200, 201]);
  });
});

describe('DELETE /Groups/{id}', () => {
  it('hides the team and frees its slug', async () => {
    const deleted = await call(fake, 'DELETE', '/Groups/200');
    const after = await call(fake, 'GET', '/Groups/200');
    const recreated = await call(fake, 'POST', '/Groups', { body: { displayName: 'Platform Team' } });

    expect(deleted.status).toBe(204);
    expect(after.status).toBe(404);
    expect(fake.state.getTeam(200)?.slug).toMatch(/^platform-team-[0-9a-f]{32}$/);
    expect(recreated.status).toBe(201);
  });

  it('cuts the freed slug to 50 characters', async () => {
    const team = fake.state.addTeam('x'.repeat(40));

    await call(fake, 'DELETE', `/Groups/${team.id}`);

    expect(fake.state.getTeam(team.id)?.slug).toMatch(/^x{40}-[0-9a-f]{9}$/);
  });
});

describe('PUT /Groups/{id}', () => {
  it('is forbidden', async () => {
    const result = await call(fake, 'PUT', '/Groups/200', { body: { displayName: 'x' } });

    expect(result.status).toBe(403);
    expect(result.body).toEqual({ detail: 'You do not have permission to perform this action.' });
  });
});
