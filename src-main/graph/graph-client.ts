import type { HttpClient } from '../http/client';
import { parseRetryAfter } from '../http/client';
import type { HttpLogger, HttpResult, RetryPolicy } from '../http/types';
import type { SourceName } from '../model/snapshot';
import { DEFAULT_GRAPH_URL } from './auth';
import type { TokenProvider } from './auth';
import { GraphPermissionError, GraphResponseError, GraphUnauthorizedError } from './errors';
import type { SourceTracker } from './source-tracker';

export interface GraphClientOptions {
  http: HttpClient;
  tokens: TokenProvider;
  /** Graph root for the cloud, e.g. `https://graph.microsoft.us`; requests go to `<graphUrl>/v1.0`. */
  graphUrl?: string;
  /** Retry policy for items Graph throttled inside a `$batch` response. Whole requests follow the HttpClient's policy. */
  batchRetry?: RetryPolicy;
  /** `$top` for directory lists, 1 to 999 (Graph's maximum, the default); smaller pages only cost more requests. */
  pageSize?: number;
  logger?: HttpLogger;
}

/** Purpose of a read: the source it is recorded under and the permission to grant when Graph returns 403. */
export interface ReadContext {
  source: SourceName;
  permission: string;
  what: string;
  signal?: AbortSignal;
  tracker?: SourceTracker;
}

export interface ListResult<T> {
  items: T[];
  /** Ids that arrived more than once across pages, each listed once. */
  duplicateIds: string[];
  /** `@odata.count` of the first page, or null when Graph sent none. */
  apiTotal: number | null;
}

export interface BatchItemResult {
  path: string;
  status: number;
  body: unknown;
}

interface GraphPage {
  value?: unknown;
  '@odata.nextLink'?: unknown;
  '@odata.count'?: unknown;
}

interface BatchAnswer {
  responses?: Array<{ id?: unknown; status?: unknown; headers?: Record<string, string>; body?: unknown }>;
}

/** Graph allows at most 20 requests in one `$batch`. */
export const MAX_BATCH_SIZE = 20;
const THROTTLED_ITEM_STATUSES = new Set([429, 500, 502, 503, 504]);
const DEFAULT_BATCH_RETRY: RetryPolicy = { maxRetries: 5, baseDelayMs: 1000, maxDelayMs: 60_000 };

/** Reads Microsoft Graph v1.0 with a bearer token from `TokenProvider`, paging and batching for the capture. */
export class GraphClient {
  readonly graphUrl: string;
  readonly baseUrl: string;
  readonly pageSize: number;
  private readonly batchRetry: RetryPolicy;

  constructor(private readonly options: GraphClientOptions) {
    this.graphUrl = (options.graphUrl ?? DEFAULT_GRAPH_URL).replace(/\/+$/, '');
    this.baseUrl = `${this.graphUrl}/v1.0`;
    this.batchRetry = options.batchRetry ?? DEFAULT_BATCH_RETRY;
    this.pageSize = options.pageSize ?? 999;
    if (!Number.isInteger(this.pageSize) || this.pageSize < 1 || this.pageSize > 999) {
      throw new Error(`Invalid Graph page size ${options.pageSize}: use a whole number from 1 to 999.`);
    }
  }

  get tenantId(): string {
    return this.options.tokens.tenantId;
  }

  get clientId(): string {
    return this.options.tokens.clientId;
  }

  /**
   * Sends one request. A 401 gets one retry with a new token; a 403 becomes `GraphPermissionError`.
   * `acceptStatuses` (e.g. 404) are returned instead of raising.
   */
  async send<T>(
    request: { method: 'GET' | 'POST'; url: string; json?: unknown; headers?: Record<string, string>; acceptStatuses?: number[] },
    context: ReadContext
  ): Promise<HttpResult<T>> {
    this.checkOrigin(request.url);
    let retries = 0;

    for (let attempt = 0; attempt < 2; attempt++) {
      const token = await this.options.tokens.getToken({ forceRefresh: attempt > 0 });
      const result = await this.options.http.request<T>({
        method: request.method,
        url: request.url,
        json: request.json,
        headers: { ...request.headers, Authorization: `Bearer ${token}` },
        signal: context.signal,
        idempotent: true,
        acceptStatuses: [401, 403, ...(request.acceptStatuses ?? [])]
      });
      retries += result.retries;

      if (result.status === 401) {
        retries++;
        continue;
      }
      if (result.status === 403) {
        throw new GraphPermissionError(context.source, context.permission, context.what, errorCode(result.body));
      }
      return { ...result, retries };
    }
    throw new GraphUnauthorizedError(new URL(request.url).pathname);
  }

  /** GETs a path below `/v1.0` (e.g. `/users/{id}`), or a whole URL Graph handed out. */
  get<T>(pathOrUrl: string, context: ReadContext, extra: { headers?: Record<string, string>; acceptStatuses?: number[] } = {}): Promise<HttpResult<T>> {
    return this.send<T>({ method: 'GET', url: this.resolve(pathOrUrl), ...extra }, context);
  }

  /**
   * Reads every page of a collection, following `@odata.nextLink` as Graph hands it out (custom
   * headers such as `ConsistencyLevel` are sent again on each page). Items are keyed by `id`: an id
   * seen on an earlier page is dropped and reported in `duplicateIds`, because a list that changes
   * between pages can shift an item onto the next page.
   */
  async listAll<T extends { id: string }>(path: string, context: ReadContext, headers: Record<string, string> = {}): Promise<ListResult<T>> {
    const byId = new Map<string, T>();
    const duplicates = new Set<string>();
    let apiTotal: number | null = null;
    let url: string | null = this.resolve(path);

    while (url !== null) {
      const result: HttpResult<GraphPage> = await this.get<GraphPage>(url, context, { headers });
      const page = result.body;
      if (!page || !Array.isArray(page.value)) {
        throw new GraphResponseError(`Graph sent a page without a "value" array for ${new URL(url).pathname} while reading ${context.what}.`);
      }
      if (typeof page['@odata.count'] === 'number' && apiTotal === null) apiTotal = page['@odata.count'];

      let added = 0;
      for (const item of page.value as T[]) {
        if (typeof item?.id !== 'string') {
          throw new GraphResponseError(`Graph sent an item without an id in ${new URL(url).pathname} while reading ${context.what}.`);
        }
        if (byId.has(item.id)) {
          duplicates.add(item.id);
          continue;
        }
        byId.set(item.id, item);
        added++;
      }
      context.tracker?.addPage(added, result.retries);

      const next = page['@odata.nextLink'];
      url = typeof next === 'string' && next.length > 0 ? next : null;
    }

    return { items: [...byId.values()], duplicateIds: [...duplicates], apiTotal };
  }

  /**
   * GETs many paths through `$batch`, 20 per request. Responses arrive in any order and are matched by
   * their request id. Items Graph throttled (429, 5xx) go into a later batch after the longest
   * `Retry-After` among them; 404 and 200 are returned, a 403 raises `GraphPermissionError`.
   */
  async batchGet(paths: string[], context: ReadContext): Promise<BatchItemResult[]> {
    const results = new Map<string, BatchItemResult>();
    const unique = [...new Set(paths)];
    const chunks: string[][] = [];
    for (let index = 0; index < unique.length; index += MAX_BATCH_SIZE) chunks.push(unique.slice(index, index + MAX_BATCH_SIZE));

    await Promise.all(chunks.map((chunk) => this.runBatch(chunk, context, results)));
    return unique.map((path) => results.get(path) as BatchItemResult);
  }

  private async runBatch(chunk: string[], context: ReadContext, results: Map<string, BatchItemResult>): Promise<void> {
    let pending = chunk;

    for (let round = 0; pending.length > 0; round++) {
      const requests = pending.map((path, index) => ({ id: String(index + 1), method: 'GET', url: path }));
      const result = await this.send<BatchAnswer>({ method: 'POST', url: `${this.baseUrl}/$batch`, json: { requests } }, context);
      const answers = Array.isArray(result.body?.responses) ? result.body.responses : null;
      if (!answers) throw new GraphResponseError(`Graph sent a $batch response without a "responses" array while reading ${context.what}.`);

      const retry: string[] = [];
      let waitSeconds = 0;
      let received = 0;
      const answered = new Set<string>();
      for (const answer of answers) {
        const id = String(answer.id);
        const path = pending[Number(id) - 1];
        if (path === undefined || answered.has(id)) {
          throw new GraphResponseError(`Graph's $batch response contains an unknown or repeated request id "${id}" while reading ${context.what}.`);
        }
        answered.add(id);
        const status = typeof answer.status === 'number' ? answer.status : 0;

        if (status === 200 || status === 404) {
          results.set(path, { path, status, body: answer.body ?? null });
          if (status === 200) received++;
        } else if (THROTTLED_ITEM_STATUSES.has(status) || status === 424) {
          retry.push(path);
          waitSeconds = Math.max(waitSeconds, retryAfterSeconds(answer.headers));
        } else if (status === 403) {
          throw new GraphPermissionError(context.source, context.permission, context.what, errorCode(answer.body));
        } else {
          throw new GraphResponseError(`Graph returned ${status} ${errorCode(answer.body) ?? ''} for GET ${path.split('?')[0]} inside $batch while reading ${context.what}.`);
        }
      }
      // An item missing from the batch response is requested again rather than lost.
      pending.forEach((path, index) => {
        if (!answered.has(String(index + 1))) retry.push(path);
      });

      context.tracker?.addPage(received, result.retries + (round > 0 ? 1 : 0));
      if (retry.length === 0) return;
      if (round >= this.batchRetry.maxRetries) {
        throw new GraphResponseError(`Graph kept throttling ${retry.length} requests inside $batch while reading ${context.what}, after ${round + 1} attempts. Capture again later.`);
      }

      const delay = waitSeconds > 0 ? waitSeconds * 1000 : this.batchRetry.baseDelayMs * 2 ** round;
      this.options.logger?.warn('Graph throttled requests inside $batch; retrying them', { source: context.source, items: retry.length, delayMs: delay });
      await sleep(Math.min(delay, this.batchRetry.maxDelayMs), context.signal);
      pending = retry;
    }
  }

  private resolve(pathOrUrl: string): string {
    return /^https?:\/\//i.test(pathOrUrl) ? pathOrUrl : `${this.baseUrl}${pathOrUrl}`;
  }

  /** Keeps the bearer token on the Graph host: a next link pointing elsewhere is rejected, not followed. */
  private checkOrigin(url: string): void {
    if (new URL(url).origin !== new URL(this.graphUrl).origin) {
      throw new GraphResponseError(`Graph handed out a link to another host (${new URL(url).host}); Roster sends its token only to ${new URL(this.graphUrl).host}.`);
    }
  }
}

function errorCode(body: unknown): string | null {
  const error = (body as { error?: { code?: unknown } } | null)?.error;
  return typeof error?.code === 'string' ? error.code : null;
}

function retryAfterSeconds(headers: Record<string, string> | undefined): number {
  if (!headers) return 0;
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after');
  return parseRetryAfter(entry?.[1]) ?? 0;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
