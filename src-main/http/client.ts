import { HttpError, InvalidResponseError, NetworkError, RequestCancelledError, TimeoutError, describeCause, parseErrorBody, redactUrl } from './errors';
import { Semaphore } from './semaphore';
import type { HttpClientOptions, HttpRequest, HttpResult, TransportRequest, TransportResponse } from './types';
import { assertAllowedUrl } from './url-policy';

/** Statuses worth another attempt: throttling and the transient server errors Graph and Sentry document. */
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

/**
 * Sends JSON requests through a `Transport` with timeouts, bounded retries and a concurrency limit.
 *
 * A retry waits for the server's `Retry-After` when it sends one (seconds or an HTTP date), otherwise
 * for an exponential backoff with jitter; the wait never exceeds `retry.maxDelayMs`. The concurrency
 * slot is held only while a request is in flight, not while it waits to retry.
 */
export class HttpClient {
  private readonly slots: Semaphore;
  /** Retries spent by all requests so far; capture reports it per source. */
  retriesSpent = 0;

  constructor(private readonly options: HttpClientOptions) {
    this.slots = new Semaphore(options.concurrency);
  }

  get service(): string {
    return this.options.service;
  }

  async request<T = unknown>(request: HttpRequest): Promise<HttpResult<T>> {
    assertAllowedUrl(request.url);
    const idempotent = request.idempotent ?? (request.method === 'GET' || request.method === 'PUT' || request.method === 'DELETE');
    const { maxRetries } = this.options.retry;

    for (let attempt = 0; ; attempt++) {
      if (request.signal?.aborted) throw new RequestCancelledError(this.options.service);

      let outcome: { response: TransportResponse } | { error: Error };
      try {
        outcome = { response: await this.slots.run(() => this.sendOnce(request)) };
      } catch (error) {
        if (error instanceof RequestCancelledError) throw error;
        outcome = { error: error as Error };
      }

      if ('error' in outcome) {
        if (!idempotent || attempt >= maxRetries) throw outcome.error;
      } else if (!this.isRetryableStatus(outcome.response.status, idempotent)) {
        const parsed = this.interpret<T>(request, outcome.response, attempt);
        if (!(parsed instanceof InvalidResponseError)) return parsed;
        if (!idempotent || attempt >= maxRetries) throw parsed;
        outcome = { error: parsed };
      } else if (attempt >= maxRetries) {
        throw this.toHttpError(request, outcome.response);
      }

      const retryAfter = 'response' in outcome ? parseRetryAfter(outcome.response.headers['retry-after']) : null;
      const delay = this.retryDelay(attempt, retryAfter);
      this.retriesSpent++;
      this.options.logger?.warn(`${this.options.service} request will be retried`, {
        method: request.method,
        url: redactUrl(request.url),
        attempt: attempt + 1,
        delayMs: delay,
        reason: 'error' in outcome ? outcome.error.message : `HTTP ${outcome.response.status}`
      });
      await sleep(delay, request.signal, this.options.service);
    }
  }

  private isRetryableStatus(status: number, idempotent: boolean): boolean {
    if (!RETRYABLE_STATUSES.has(status)) return false;
    return idempotent || status === 429;
  }

  private async sendOnce(request: HttpRequest): Promise<TransportResponse> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);
    const onCancel = (): void => controller.abort();
    request.signal?.addEventListener('abort', onCancel, { once: true });

    const started = Date.now();
    try {
      const response = await this.options.transport(this.toTransportRequest(request, controller.signal));
      this.options.logger?.debug(`${this.options.service} ${request.method} ${redactUrl(request.url)} -> ${response.status}`, {
        ms: Date.now() - started
      });
      return response;
    } catch (error) {
      if (request.signal?.aborted) throw new RequestCancelledError(this.options.service);
      if (timedOut) throw new TimeoutError(this.options.service, request.method, request.url, this.options.timeoutMs);
      throw new NetworkError(this.options.service, request.method, request.url, describeCause(error));
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onCancel);
    }
  }

  private toTransportRequest(request: HttpRequest, signal: AbortSignal): TransportRequest {
    const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
    let body: string | undefined;
    if (request.form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(request.form).toString();
    } else if (request.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(request.json);
    }
    return { method: request.method, url: request.url, headers, body, signal };
  }

  /** Turns a final response into a result, an `HttpError`, or an `InvalidResponseError` worth a retry. */
  private interpret<T>(request: HttpRequest, response: TransportResponse, retries: number): HttpResult<T> | InvalidResponseError {
    const accepted = response.status < 300 || (request.acceptStatuses ?? []).includes(response.status);
    if (!accepted) throw this.toHttpError(request, response);

    const text = response.bodyText;
    if (text.trim() === '') return { status: response.status, headers: response.headers, body: null as T, retries };
    try {
      return { status: response.status, headers: response.headers, body: JSON.parse(text) as T, retries };
    } catch {
      return new InvalidResponseError(this.options.service, request.method, request.url, `the body is not complete JSON (${text.length} characters received)`);
    }
  }

  private toHttpError(request: HttpRequest, response: TransportResponse): HttpError {
    const { code, detail } = parseErrorBody(response.bodyText);
    return new HttpError(this.options.service, request.method, request.url, response.status, code, detail, parseRetryAfter(response.headers['retry-after']));
  }

  private retryDelay(attempt: number, retryAfterSeconds: number | null): number {
    const { baseDelayMs, maxDelayMs } = this.options.retry;
    if (retryAfterSeconds !== null) return Math.min(retryAfterSeconds * 1000, maxDelayMs);
    const exponential = baseDelayMs * 2 ** attempt;
    const jitter = Math.random() * baseDelayMs;
    return Math.min(exponential + jitter, maxDelayMs);
  }
}

/** Reads `Retry-After` as delta-seconds or an HTTP date; returns seconds, or null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, (date - Date.now()) / 1000);
}

function sleep(ms: number, signal: AbortSignal | undefined, service: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new RequestCancelledError(service));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new RequestCancelledError(service));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
