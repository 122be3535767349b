import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpClient, HttpError, InsecureUrlError, InvalidResponseError, NetworkError, RequestCancelledError, TimeoutError, createNodeTransport, parseRetryAfter } from '../../src-main/http';
import { FaultInjector, sendJson } from '../fakes/faults';

let server: Server;
let baseUrl: string;
let hits: string[] = [];
const faults = new FaultInjector({
  tooManyRequests: () => ({ detail: 'slow down' }),
  serverError: (status) => ({ detail: `error ${status}` })
});

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  hits.push(`${req.method} ${req.url}`);
  if (await faults.intercept(req, res)) return;
  if (req.url === '/slow') {
    setTimeout(() => sendJson(res, 200, { ok: true }), 500);
    return;
  }
  if (req.url === '/missing') return sendJson(res, 404, { error: { code: 'Request_ResourceNotFound', message: 'gone' } });
  faults.send(req, res, 200, { ok: true, items: Array.from({ length: 50 }, (_, i) => `item-${i}`) });
}

function client(overrides: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}): HttpClient {
  return new HttpClient({
    transport: createNodeTransport(),
    timeoutMs: 2_000,
    retry: { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 50 },
    concurrency: 4,
    service: 'Test',
    ...overrides
  });
}

beforeAll(async () => {
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  hits = [];
  faults.reset();
});

describe('HttpClient retries', () => {
  it('retries 429 with Retry-After and succeeds', async () => {
    faults.set({ tooManyRequests: { remaining: 2, retryAfterSeconds: 0 } });
    const result = await client().request<{ ok: boolean }>({ method: 'GET', url: `${baseUrl}/data` });
    expect(result.body.ok).toBe(true);
    expect(result.retries).toBe(2);
    expect(hits).toHaveLength(3);
  });

  it('retries 429 without Retry-After using backoff', async () => {
    faults.set({ tooManyRequests: { remaining: 1, retryAfterSeconds: null } });
    const result = await client().request({ method: 'GET', url: `${baseUrl}/data` });
    expect(result.status).toBe(200);
    expect(hits).toHaveLength(2);
  });

  it('retries 503, dropped connections and truncated bodies', async () => {
    faults.set({ serverError: { remaining: 1, status: 503, retryAfterSeconds: null }, dropConnection: { remaining: 1 }, truncateBody: { remaining: 1 } });
    const result = await client().request<{ items: string[] }>({ method: 'GET', url: `${baseUrl}/data` });
    expect(result.body.items).toHaveLength(50);
    expect(hits).toHaveLength(4);
  });

  it('gives up after the retry budget with the last status', async () => {
    faults.set({ serverError: { remaining: 10, status: 500, retryAfterSeconds: null } });
    const error = await client().request({ method: 'GET', url: `${baseUrl}/data` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(500);
    expect((error as HttpError).message).toBe(`Test returned 500 for GET ${baseUrl}/data: error 500`);
    expect(hits).toHaveLength(4);
  });

  it('reports a body that stays truncated as invalid', async () => {
    faults.set({ truncateBody: { remaining: 10 } });
    const error = await client({ retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 5 } })
      .request({ method: 'GET', url: `${baseUrl}/data` })
      .catch((e: unknown) => e);
    expect(error instanceof NetworkError || error instanceof InvalidResponseError).toBe(true);
    expect(hits).toHaveLength(2);
  });

  it('does not retry a POST after a 503', async () => {
    faults.set({ serverError: { remaining: 1, status: 503, retryAfterSeconds: null } });
    const error = await client().request({ method: 'POST', url: `${baseUrl}/data`, json: { a: 1 } }).catch((e: unknown) => e);
    expect((error as HttpError).status).toBe(503);
    expect(hits).toHaveLength(1);
  });

  it('retries a POST after a 429', async () => {
    faults.set({ tooManyRequests: { remaining: 1, retryAfterSeconds: 0 } });
    const result = await client().request({ method: 'POST', url: `${baseUrl}/data`, json: { a: 1 } });
    expect(result.status).toBe(200);
    expect(hits).toHaveLength(2);
  });
});

describe('HttpClient errors', () => {
  it('raises HttpError with the Graph error code', async () => {
    const error = (await client().request({ method: 'GET', url: `${baseUrl}/missing` }).catch((e: unknown) => e)) as HttpError;
    expect(error.status).toBe(404);
    expect(error.code).toBe('Request_ResourceNotFound');
    expect(error.detail).toBe('gone');
  });

  it('returns accepted error statuses', async () => {
    const result = await client().request({ method: 'GET', url: `${baseUrl}/missing`, acceptStatuses: [404] });
    expect(result.status).toBe(404);
  });

  it('times out a slow answer', async () => {
    const error = await client({ timeoutMs: 100, retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 } })
      .request({ method: 'GET', url: `${baseUrl}/slow` })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('refuses plain HTTP to other hosts', async () => {
    await expect(client().request({ method: 'GET', url: 'http://sentry.example.com/api' })).rejects.toBeInstanceOf(InsecureUrlError);
  });

  it('stops waiting when cancelled', async () => {
    faults.set({ tooManyRequests: { remaining: 5, retryAfterSeconds: 30 } });
    const controller = new AbortController();
    const pending = client({ retry: { maxRetries: 5, baseDelayMs: 5, maxDelayMs: 60_000 } }).request({ method: 'GET', url: `${baseUrl}/data`, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toBeInstanceOf(RequestCancelledError);
  });

  it('names the refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const error = (await client({ retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 } })
      .request({ method: 'GET', url: `http://127.0.0.1:${port}/nothing` })
      .catch((e: unknown) => e)) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toContain('ECONNREFUSED');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('7')).toBe(7);
    expect(parseRetryAfter(undefined)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    expect(parseRetryAfter(inTenSeconds)).toBeGreaterThan(8);
  });
});
