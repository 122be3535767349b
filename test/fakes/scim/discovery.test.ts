import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScimFake, type ScimFake } from './index';
import { call, SCIM_ERROR, smallSeed } from './fixtures';

let fake: ScimFake;

beforeAll(async () => {
  fake = await startScimFake(smallSeed(), { orgId: '4507' });
});

afterAll(async () => {
  await fake.close();
});

const BASE = 'https://sentry.io/api/0/organizations/acme/scim/v2';

describe('discovery endpoints', () => {
  it('returns the service provider config with Sentry locations', async () => {
    const result = await call(fake, 'GET', '/api/0/organizations/4507/scim/v2/ServiceProviderConfig');

    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
      patch: { supported: true },
      bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
      filter: { supported: true, maxResults: 100 },
      changePassword: { supported: false },
      sort: { supported: false },
      etag: { supported: false },
      meta: { resourceType: 'ServiceProviderConfig', location: `${BASE}/ServiceProviderConfig` }
    });
    expect(result.body).not.toHaveProperty('id');
  });

  it('lists both resource types and ignores paging', async () => {
    const result = await call(fake, 'GET', '/ResourceTypes?startIndex=0&count=-1');

    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ totalResults: 2, startIndex: 1, itemsPerPage: 2 });
    expect((result.body as { Resources: Array<{ id: string; endpoint: string }> }).Resources.map((r) => [r.id, r.endpoint])).toEqual([
      ['User', '/Users'],
      ['Group', '/Groups']
    ]);
  });

  it('finds resource types by exact name only', async () => {
    const group = await call(fake, 'GET', '/ResourceTypes/Group');
    const lower = await call(fake, 'GET', '/ResourceTypes/user');

    expect(group.body).toMatchObject({ id: 'Group', description: 'SCIM Group maps to Sentry Team', meta: { location: `${BASE}/ResourceTypes/Group` } });
    expect(lower.status).toBe(404);
    expect(lower.body).toEqual({ schemas: [SCIM_ERROR], status: '404', detail: 'Resource type not found.' });
  });

  it('serves the User schema with userName immutable', async () => {
    const list = await call(fake, 'GET', '/Schemas');
    const user = await call(fake, 'GET', '/Schemas/urn:ietf:params:scim:schemas:core:2.0:User');
    const unknown = await call(fake, 'GET', '/Schemas/urn:example:nothing');

    expect((list.body as { Resources: Array<{ id: string }> }).Resources.map((r) => r.id)).toEqual([
      'urn:ietf:params:scim:schemas:core:2.0:User',
      'urn:ietf:params:scim:schemas:core:2.0:Group'
    ]);
    const userName = (user.body as { attributes: Array<Record<string, unknown>> }).attributes[0];
    expect(userName).toMatchObject({ name: 'userName', required: true, caseExact: false, mutability: 'immutable', uniqueness: 'server' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ schemas: [SCIM_ERROR], status: '404', detail: 'Schema not found.' });
  });

  it('rejects filters and other methods with SCIM errors', async () => {
    const filtered = await call(fake, 'GET', '/ResourceTypes?filter=x');
    const posted = await call(fake, 'POST', '/ServiceProviderConfig', { body: {} });

    expect(filtered.status).toBe(403);
    expect(filtered.body).toEqual({ schemas: [SCIM_ERROR], status: '403', detail: 'Filtering is not supported on this endpoint.' });
    expect(posted.status).toBe(405);
    expect(posted.body).toEqual({ schemas: [SCIM_ERROR], status: '405', detail: 'Method "POST" not allowed.' });
  });

  it('checks SCIM enablement before the filter rule', async () => {
    fake.service.scimEnabled = false;

    try {
      const result = await call(fake, 'GET', '/ServiceProviderConfig?filter=x');

      expect(result.status).toBe(403);
      expect(result.body).toEqual({ detail: 'You do not have permission to perform this action.' });
    } finally {
      fake.service.scimEnabled = true;
    }
  });
});
