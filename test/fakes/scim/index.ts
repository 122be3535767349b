import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { FaultInjector, readBody } from '../faults';
import type { SeedScim } from '../seed';
import type { TestTls } from '../tls';
import { ErrorBodies, type ErrorGeneration, type FakeResponse } from './errors';
import { LIST_SCHEMA, parseListQuery } from './query';
import { RateLimiter, type RateLimit } from './rate-limit';
import { ScimService } from './service';
import type { ScimState } from './state';

export { ScimService, DEFAULT_MEMBER_CAP, type ScimServiceOptions } from './service';
export { ScimState, type MemberRecord, type TeamRecord } from './state';
export type { ScimRequest } from './context';
export type { FakeResponse, ErrorGeneration } from './errors';

export interface RecordedRequest {
  method: string;
  /** Path with the query string. */
  path: string;
  /** HTTP status sent, or 0 when a fault dropped the connection without a response. */
  status: number;
}

export interface ScimFake {
  /** E.g. `https://127.0.0.1:PORT/api/0/organizations/acme/scim/v2`, without a trailing slash as Sentry shows it. */
  baseUrl: string;
  faults: FaultInjector;
  /** Live members and teams; change them mid-run or inspect them after writes. */
  state: ScimState;
  /** Switch SCIM off (every route 403) or on again while running. */
  service: ScimService;
  requests: RecordedRequest[];
  /**
   * Runs `mutate` once, right after a list page whose path (with query) matches `pathPattern` is sent
   * with status 200. Page numbers start at 1 and come from the request: floor((startIndex - 1) / count) + 1.
   */
  afterPage(pathPattern: RegExp, pageNumber: number, mutate: () => void): void;
  close(): Promise<void>;
}

export interface ScimFakeOptions {
  /** HTTPS with this certificate when given, plain HTTP otherwise. */
  tls?: TestTls;
  errorGeneration?: ErrorGeneration;
  /** Most members a team's `members` list shows; default 10,000. */
  memberCap?: number;
  /** False makes every route return 403 with a plain body. */
  scimEnabled?: boolean;
  /** Numeric organization id that works in place of the slug in paths; default "1". */
  orgId?: string;
  /** Requests allowed per window before 429; default 999 per 1 second. Null turns the limit off (headers stay). */
  rateLimit?: RateLimit | null;
}

interface PageHook {
  pattern: RegExp;
  page: number;
  mutate: () => void;
}

/** Starts a fake Sentry SCIM 2.0 server on 127.0.0.1 with a free port. */
export async function startScimFake(seed: SeedScim, options: ScimFakeOptions = {}): Promise<ScimFake> {
  const service = new ScimService(seed, options);
  const limiter = new RateLimiter(options.rateLimit === undefined ? { limit: 999, windowSeconds: 1 } : options.rateLimit);
  const faults = new FaultInjector({
    tooManyRequests: () => limiter.tooManyRequestsBody(),
    serverError: (status) => ({ detail: status === 500 ? 'Internal Error' : 'Service Unavailable' })
  });
  const requests: RecordedRequest[] = [];
  const hooks: PageHook[] = [];
  const listErrors = new ErrorBodies(options.errorGeneration ?? 'newest');

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    void serve(req, res).catch((error: unknown) => {
      console.error(`SCIM fake failed on ${req.method} ${req.url}:`, error);
      if (!res.headersSent) send(res, { status: 500, body: { detail: 'Internal Error' } }, {});
    });
  };

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const recordedPath = url.pathname + url.search;
    const release = limiter.enter();

    try {
      if (await faults.intercept(req, res)) {
        requests.push({ method, path: recordedPath, status: res.headersSent ? res.statusCode : 0 });
        return;
      }

      const rawBody = await readBody(req);
      const limited = limiter.take();
      const response: FakeResponse = limited ?? service.handle({ method, path: url.pathname, query: url.searchParams, headers: req.headers, rawBody });
      const headers = { ...limiter.headers(), ...response.headers };

      const truncatedBefore = faults.injected.truncateBody;
      if (response.text !== undefined) send(res, response, headers);
      else faults.send(req, res, response.status, response.body, headers);
      requests.push({ method, path: recordedPath, status: response.status });

      if (faults.injected.truncateBody === truncatedBefore) runPageHooks(method, url, response);
    } finally {
      release();
    }
  };

  const runPageHooks = (method: string, url: URL, response: FakeResponse): void => {
    if (method !== 'GET' || response.status !== 200 || !isListBody(response.body)) return;
    const query = parseListQuery(url.searchParams, listErrors);
    if ('status' in query) return;
    const page = Math.floor((query.startIndex - 1) / query.count) + 1;
    const path = url.pathname + url.search;

    for (const hook of [...hooks]) {
      if (hook.page !== page || !hook.pattern.test(path)) continue;
      hooks.splice(hooks.indexOf(hook), 1);
      hook.mutate();
    }
  };

  const server: Server = options.tls
    ? createHttpsServer({ key: options.tls.keyPem, cert: options.tls.certPem }, onRequest)
    : createHttpServer(onRequest);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const scheme = options.tls ? 'https' : 'http';

  return {
    baseUrl: `${scheme}://127.0.0.1:${port}/api/0/organizations/${seed.orgSlug}/scim/v2`,
    faults,
    state: service.state,
    service,
    requests,
    afterPage: (pattern, page, mutate) => {
      if (!Number.isInteger(page) || page < 1) throw new Error(`afterPage page ${page} is invalid; pages are numbered from 1.`);
      hooks.push({ pattern, page, mutate });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      })
  };
}

function isListBody(body: unknown): boolean {
  const schemas = (body as { schemas?: unknown } | undefined)?.schemas;
  return Array.isArray(schemas) && schemas.includes(LIST_SCHEMA);
}

/** Sends a response that the fault injector does not handle: plain text, or JSON after an internal failure. */
function send(res: ServerResponse, response: FakeResponse, headers: Record<string, string>): void {
  if (response.text !== undefined) {
    res.writeHead(response.status, { 'Content-Type': 'text/plain', 'Content-Length': String(Buffer.byteLength(response.text)), ...headers });
    res.end(response.text);
    return;
  }
  const text = JSON.stringify(response.body);
  res.writeHead(response.status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}
