/**
 * The HTTP seam shared by the Graph and SCIM clients.
 *
 * A `Transport` only moves bytes: the app injects one built on Electron's `net.fetch` (system proxy,
 * OS certificate store) and the command line one built on undici (HTTPS_PROXY, NODE_EXTRA_CA_CERTS).
 * Retries, timeouts, concurrency and HTTPS policy live in `HttpClient`, above the transport.
 */

export interface TransportRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export interface TransportResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The whole body as text; a connection cut mid-body rejects instead. */
  bodyText: string;
}

export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

export interface RetryPolicy {
  /** Attempts after the first one. */
  maxRetries: number;
  /** Backoff base in milliseconds, doubled per attempt, with jitter; `Retry-After` wins when present. */
  baseDelayMs: number;
  /** Upper bound for any single wait, including a `Retry-After` the server asks for. */
  maxDelayMs: number;
}

export interface HttpClientOptions {
  transport: Transport;
  /** Per-request timeout in milliseconds. */
  timeoutMs: number;
  retry: RetryPolicy;
  /** Requests in flight at once through this client. */
  concurrency: number;
  /** Short service name for logs and errors, e.g. `Graph` or `Sentry SCIM`. */
  service: string;
  logger?: HttpLogger;
}

/** Receives one line per request outcome; never receives headers or bodies, so no secret can leak into it. */
export interface HttpLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface HttpRequest {
  method: TransportRequest['method'];
  url: string;
  headers?: Record<string, string>;
  /** Serialized as JSON with `Content-Type: application/json` unless `form` is set. */
  json?: unknown;
  /** Serialized as `application/x-www-form-urlencoded`. */
  form?: Record<string, string>;
  signal?: AbortSignal;
  /** Statuses returned to the caller instead of raising `HttpError` (e.g. 404 for a deleted object). */
  acceptStatuses?: number[];
  /**
   * Whether sending the request twice is harmless. Defaults to true for GET, PUT and DELETE and false
   * for POST and PATCH, which are then retried only on 429 (the server refused before doing anything).
   * Read-only POSTs such as Graph's `$batch` set it to true.
   */
  idempotent?: boolean;
}

export interface HttpResult<T = unknown> {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON body, or null for an empty body. */
  body: T;
  /** Retries spent on this request. */
  retries: number;
}
