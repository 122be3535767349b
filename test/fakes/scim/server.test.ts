import { Agent, fetch as undiciFetch } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestTls } from '../tls';
import { ScimService, startScimFake, type ScimFake } from './index';
import { bulkSeed, call, SCIM_ERROR, smallSeed, TOKEN } from './fixtures';

let fake: ScimFake | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('authentication and organization', () => {
  it.each([
    [null, 'Authentication credentials were not provided.'],
    ['wrong-token', 'Invalid token'],
    ['', 'Invalid token header. No credentials provided.']
  ])('answers 401 for token %j', async (token, detail) => {
    fake = await startScimFake(smallSeed());

    const result = await call(fake, 'GET', '/Users', { token });

    expect(result.status).toBe(401);
    expect(result.body).toEqual({ detail });
  });

  it('answers 403 on every route while SCIM is disabled', async () => {
    fake = await startScimFake(smallSeed(), { scimEnabled: false });

    const statuses = await Promise.all(['/Users', '/Users/101', '/Groups', '/Groups/200'].map((path) => call(fake!, 'GET', path)));

    expect(statuses.map((r) => r.status)).toEqual([403, 403, 403, 403]);
    expect(statuses[0]?.body).toEqual({ detail: 'You do not have permission to perform this action.' });
  });

  it('accepts the numeric org id and rejects unknown orgs', async () => {
    fake = await startScimFake(smallSeed(), { orgId: '4507' });

    const byId = await call(fake, 'GET', '/api/0/organizations/4507/scim/v2/Users/101');
    const unknownList = await call(fake, 'GET', '/api/0/organizations/globex/scim/v2/Users');
    const unknownMember = await call(fake, 'GET', '/api/0/organizations/globex/scim/v2/Users/101');

    expect(byId.status).toBe(200);
    expect(unknownList.status).toBe(404);
    expect(unknownList.body).toEqual({ detail: 'The requested resource does not exist' });
    expect(unknownMember.body).toEqual({ schemas: [SCIM_ERROR], status: '404', detail: 'The requested resource does not exist' });
  });

  it.each([
    ['PUT', '/Users', 405, { detail: 'Method "PUT" not allowed.' }],
    ['DELETE', '/Groups', 405, { detail: 'Method "DELETE" not allowed.' }],
    ['POST', '/Users/101', 405, { detail: 'Method "POST" not allowed.' }],
    ['PUT', '/Groups', 403, { detail: 'You do not have permission to perform this action.' }]
  ])('answers %s %s with %i', async (method, path, status, body) => {
    fake = await startScimFake(smallSeed());

    const result = await call(fake, method, path, { body: {} });

    expect(result.status).toBe(status);
    expect(result.body).toEqual(body);
  });

  it('builds the base URL without a trailing slash and records requests without tokens', async () => {
    fake = await startScimFake(smallSeed());

    await call(fake, 'GET', '/Users?startIndex=1&count=2');
    await call(fake, 'DELETE', '/Users/104');

    expect(fake.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/0\/organizations\/acme\/scim\/v2$/);
    expect(fake.requests).toEqual([
      { method: 'GET', path: '/api/0/organizations/acme/scim/v2/Users?startIndex=1&count=2', status: 200 },
      { method: 'DELETE', path: '/api/0/organizations/acme/scim/v2/Users/104', status: 204 }
    ]);
    expect(JSON.stringify(fake.requests)).not.toContain(TOKEN);
  });
});

describe('rate limits and faults', () => {
  it('sends rate-limit headers and a plain 429 past the limit', async () => {
    fake = await startScimFake(smallSeed(), { rateLimit: { limit: 2, windowSeconds: 60 } });

    const first = await call(fake, 'GET', '/Users');
    await call(fake, 'GET', '/Users');
    const third = await call(fake, 'GET', '/Users');

    expect(first.headers.get('x-sentry-rate-limit-limit')).toBe('2');
    expect(first.headers.get('x-sentry-rate-limit-remaining')).toBe('1');
    expect(first.headers.get('x-sentry-rate-limit-concurrentlimit')).toBe('25');
    expect(Number(first.headers.get('x-sentry-rate-limit-reset'))).toBeGreaterThan(Date.now() / 1000 - 60);
    expect(third.status).toBe(429);
    expect(third.body).toEqual({ detail: 'You are attempting to use this endpoint too frequently. Limit is 2 requests in 60 seconds' });
    expect(third.headers.get('x-sentry-rate-limit-remaining')).toBe('0');
  });

  it('injects 429 with Retry-After in Sentry\'s body, then serves again', async () => {
    fake = await startScimFake(smallSeed());
    fake.faults.set({ tooManyRequests: { remaining: 1, retryAfterSeconds: 3 } });

    const limited = await call(fake, 'GET', '/Groups');
    const served = await call(fake, 'GET', '/Groups');

    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(limited.body).toEqual({ detail: 'You are attempting to use this endpoint too frequently. Limit is 999 requests in 1 seconds' });
    expect(served.status).toBe(200);
    expect(fake.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it('records a dropped connection with status 0', async () => {
    fake = await startScimFake(smallSeed());
    fake.faults.set({ dropConnection: { remaining: 1 } });

    await expect(call(fake, 'GET', '/Users')).rejects.toThrow();

    expect(fake.requests).toEqual([{ method: 'GET', path: '/api/0/organizations/acme/scim/v2/Users', status: 0 }]);
  });
});

describe('afterPage', () => {
  it('runs the mutation once, right after the given page', async () => {
    fake = await startScimFake(bulkSeed(6));
    fake.afterPage(/\/Users\?/, 1, () => {
      fake!.state.removeMember(3);
    });

    const page1 = await call(fake, 'GET', '/Users?startIndex=1&count=3');
    const page2 = await call(fake, 'GET', '/Users?startIndex=4&count=3');
    const again = await call(fake, 'GET', '/Users?startIndex=1&count=3');

    const idsOf = (body: unknown): string[] => (body as { Resources: Array<{ id: string }> }).Resources.map((r) => r.id);
    expect(idsOf(page1.body)).toEqual(['1', '2', '3']);
    expect(idsOf(page2.body)).toEqual(['5', '6']);
    expect((page2.body as { totalResults: number }).totalResults).toBe(5);
    expect(idsOf(again.body)).toEqual(['1', '2', '4']);
  });
});

describe('HTTPS', () => {
  it('serves over TLS to a client that trusts the test CA', async () => {
    const tls = createTestTls();
    fake = await startScimFake(smallSeed(), { tls });
    const dispatcher = new Agent({ connect: { ca: tls.caPem } });

    try {
      const response = await undiciFetch(`${fake.baseUrl}/Users/101`, { headers: { Authorization: `Bearer ${TOKEN}` }, dispatcher });

      expect(fake.baseUrl.startsWith('https://127.0.0.1:')).toBe(true);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { userName: string }).userName).toBe('alice@example.com');
    } finally {
      await dispatcher.close();
    }
  });
});

describe('ScimService at scale', () => {
  it('pages through 100,000 members without a per-page sort', () => {
    const service = new ScimService(bulkSeed(100_000));
    const started = performance.now();

    let seen = 0;
    let lastId = '';
    for (let startIndex = 1; startIndex <= 100_000; startIndex += 100) {
      const response = service.handle({
        method: 'GET',
        path: '/api/0/organizations/acme/scim/v2/Users',
        query: new URLSearchParams({ startIndex: String(startIndex), count: '100' }),
        headers: { authorization: `Bearer ${TOKEN}` },
        rawBody: ''
      });
      const resources = (response.body as { Resources: Array<{ id: string }> }).Resources;
      seen += resources.length;
      lastId = resources[resources.length - 1]?.id ?? lastId;
    }
    const elapsedMs = performance.now() - started;

    expect(seen).toBe(100_000);
    expect(lastId).toBe('100000');
    // Generous bound for a shared 2-core machine; one sort per page would take minutes.
    expect(elapsedMs).toBeLessThan(10_000);
  });
});
