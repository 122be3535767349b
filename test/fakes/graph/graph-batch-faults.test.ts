import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, fetch } from 'undici';
import { type GraphFake, startGraphFake } from './index';
import { appToken, CLIENTS, IDS, type JsonResponse, requestJson, testSeed, trustingAgent } from './fixtures';

let fake: GraphFake;
let agent: Agent;
let token: string;

beforeAll(async () => {
  fake = await startGraphFake(testSeed());
  agent = trustingAgent();
  token = await appToken(agent, fake.authorityHost, CLIENTS.auditor);
});

afterEach(() => {
  fake.faults.reset();
  fake.loginFaults.reset();
  fake.batchItemThrottle.remaining = 0;
  fake.batchItemThrottle.retryAfterSeconds = null;
});

afterAll(async () => {
  await fake.close();
  await agent.close();
});

/** One item of a `$batch` response as the tests read it. */
interface BatchItem {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: JsonResponse['body'];
}

function batch(requests: unknown[]) {
  return requestJson(agent, `${fake.graphUrl}/v1.0/$batch`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ requests })
  });
}

function userRead(id: string, index: number) {
  return { id: String(index), method: 'GET', url: `/users/${id}?$select=id,accountEnabled` };
}

function get(path: string) {
  return requestJson(agent, `${fake.graphUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
}

describe('$batch', () => {
  it('answers each item with its own status', async () => {
    const response = await batch([userRead(IDS.alice, 1), userRead(IDS.deleted, 2), userRead(IDS.bob, 3)]);
    expect(response.status).toBe(200);
    const byId = new Map((response.body.responses as BatchItem[]).map((item) => [item.id, item]));
    expect(byId.get('1')?.status).toBe(200);
    expect(byId.get('1')?.body).toMatchObject({ id: IDS.alice, accountEnabled: true });
    expect(byId.get('2')?.status).toBe(404);
    expect(byId.get('2')?.body.error.code).toBe('Request_ResourceNotFound');
    expect(byId.get('3')?.body).toMatchObject({ id: IDS.bob, accountEnabled: false });
  });

  it('shuffles the answer order', async () => {
    const ids = [IDS.alice, IDS.bob, IDS.carol, IDS.alice, IDS.bob, IDS.carol];
    const response = await batch(ids.map((id, index) => userRead(id, index + 1)));
    const order = (response.body.responses as Array<{ id: string }>).map((item) => item.id);
    expect([...order].sort()).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(order).not.toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('accepts 20 requests', async () => {
    const response = await batch(Array.from({ length: 20 }, (_, index) => userRead(IDS.alice, index)));
    expect(response.status).toBe(200);
    expect(response.body.responses).toHaveLength(20);
  });

  it('rejects 21 requests', async () => {
    const response = await batch(Array.from({ length: 21 }, (_, index) => userRead(IDS.alice, index)));
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('Invalid batch payload: 21 requests exceed the maximum of 20; split the batch.');
  });

  it('rejects duplicate ids', async () => {
    const response = await batch([userRead(IDS.alice, 1), userRead(IDS.bob, 1)]);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe("Invalid batch payload: request id '1' appears more than once; ids must be unique.");
  });

  it('throttles single items with Retry-After', async () => {
    fake.batchItemThrottle.remaining = 1;
    fake.batchItemThrottle.retryAfterSeconds = 7;
    const response = await batch([userRead(IDS.alice, 1), userRead(IDS.bob, 2)]);
    const first = (response.body.responses as BatchItem[]).find((item) => item.id === '1');
    expect(first?.status).toBe(429);
    expect(first?.headers['Retry-After']).toBe('7');
    expect(first?.body.error.code).toBe('TooManyRequests');
    const second = (response.body.responses as Array<{ id: string; status: number }>).find((item) => item.id === '2');
    expect(second?.status).toBe(200);
    expect(fake.batchItemThrottle.remaining).toBe(0);
  });

  it('fails dependents of a failed item with 424', async () => {
    const response = await batch([userRead(IDS.deleted, 1), { ...userRead(IDS.alice, 2), dependsOn: ['1'] }]);
    const dependent = (response.body.responses as Array<{ id: string; status: number }>).find((item) => item.id === '2');
    expect(dependent?.status).toBe(424);
  });

  it('pages inside a batch item', async () => {
    const response = await batch([{ id: 'm', method: 'GET', url: `/groups/${IDS.platform}/members?$top=2&$select=id` }]);
    const item = response.body.responses[0];
    expect(item.body.value.map((member: { id: string }) => member.id)).toEqual([IDS.alice, IDS.sre]);
    expect(item.body['@odata.nextLink']).toContain(`${fake.graphUrl}/v1.0/groups/${IDS.platform}/members?$top=2&$select=id&$skiptoken=`);
  });

  it('records batch items in the request log', async () => {
    const before = fake.requests.length;
    await batch([userRead(IDS.carol, 1)]);
    expect(fake.requests.slice(before)).toEqual([
      { server: 'graph', method: 'POST', path: '/v1.0/$batch', status: 200 },
      { server: 'graph', method: 'GET', path: `/v1.0/users/${IDS.carol}?$select=id,accountEnabled`, status: 200, viaBatch: true }
    ]);
  });
});

describe('Graph faults', () => {
  const path = `/v1.0/users/${IDS.alice}?$select=id`;

  it('answers 429 with Retry-After', async () => {
    fake.faults.set({ tooManyRequests: { remaining: 1, retryAfterSeconds: 3 } });
    const throttled = await get(path);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('3');
    expect(throttled.body.error.code).toBe('TooManyRequests');
    expect((await get(path)).status).toBe(200);
  });

  it('answers 429 without Retry-After', async () => {
    fake.faults.set({ tooManyRequests: { remaining: 1, retryAfterSeconds: null } });
    const throttled = await get(path);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBeNull();
  });

  it.each([
    [500, 'generalException'],
    [503, 'serviceNotAvailable'],
    [504, 'timeout']
  ] as const)('answers %i in Graph error shape', async (status, code) => {
    fake.faults.set({ serverError: { remaining: 1, status, retryAfterSeconds: null } });
    const response = await get(path);
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
  });

  it('drops the connection', async () => {
    fake.faults.set({ dropConnection: { remaining: 1 } });
    await expect(get(path)).rejects.toThrow();
    expect(fake.requests.at(-1)).toEqual({ server: 'graph', method: 'GET', path, status: 0 });
    expect((await get(path)).status).toBe(200);
  });

  it('truncates the body', async () => {
    fake.faults.set({ truncateBody: { remaining: 1 } });
    const response = await fetch(`${fake.graphUrl}${path}`, { headers: { Authorization: `Bearer ${token}` }, dispatcher: agent });
    expect(response.status).toBe(200);
    await expect(response.text().then((text) => JSON.parse(text))).rejects.toThrow();
    expect(fake.faults.injected.truncateBody).toBe(1);
  });

  it('adds latency', async () => {
    fake.faults.set({ latencyMs: 150 });
    const started = Date.now();
    await get(path);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('limits faults to matching paths', async () => {
    fake.faults.set({ only: /\/groups\//, tooManyRequests: { remaining: 1, retryAfterSeconds: 1 } });
    expect((await get(path)).status).toBe(200);
    expect((await get(`/v1.0/groups/${IDS.sre}`)).status).toBe(429);
  });

  it('applies faults to $batch itself', async () => {
    fake.faults.set({ serverError: { remaining: 1, status: 503, retryAfterSeconds: 2 } });
    const response = await batch([userRead(IDS.alice, 1)]);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
  });
});

describe('login faults', () => {
  it('throttles the token endpoint in AADSTS shape', async () => {
    fake.loginFaults.set({ tooManyRequests: { remaining: 1, retryAfterSeconds: 5 } });
    await expect(appToken(agent, fake.authorityHost, CLIENTS.auditor)).rejects.toThrow(/failed with 429: .*"error":"temporarily_unavailable"/);
    expect(await appToken(agent, fake.authorityHost, CLIENTS.auditor)).toMatch(/^[\w-]{43}$/);
  });

  it('answers 503 from the token endpoint', async () => {
    fake.loginFaults.set({ serverError: { remaining: 1, status: 503, retryAfterSeconds: null } });
    await expect(appToken(agent, fake.authorityHost, CLIENTS.auditor)).rejects.toThrow(/failed with 503: .*AADSTS90033/);
  });

  it('drops login connections', async () => {
    fake.loginFaults.set({ dropConnection: { remaining: 1 } });
    await expect(appToken(agent, fake.authorityHost, CLIENTS.auditor)).rejects.toThrow();
    expect(fake.loginFaults.injected.dropConnection).toBe(1);
  });
});
