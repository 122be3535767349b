/** Errors raised by `HttpClient`. Messages name the service, the method and the URL without its query, never a token. */

export class HttpError extends Error {
  constructor(
    readonly service: string,
    readonly method: string,
    readonly url: string,
    readonly status: number,
    /** Error code from the body: Graph's `error.code`, SCIM's `scimType`, or an OAuth `error`. */
    readonly code: string | null,
    /** Error text from the body: Graph's `error.message`, SCIM's or DRF's `detail`. */
    readonly detail: string | null,
    readonly retryAfterSeconds: number | null
  ) {
    super(`${service} returned ${status}${code ? ` ${code}` : ''} for ${method} ${redactUrl(url)}${detail ? `: ${detail}` : ''}`);
    this.name = 'HttpError';
  }
}

/** The connection failed, was cut, or the body could not be read in full. */
export class NetworkError extends Error {
  constructor(
    readonly service: string,
    readonly method: string,
    readonly url: string,
    readonly causeMessage: string
  ) {
    super(`${service} could not be reached for ${method} ${redactUrl(url)}: ${causeMessage}`);
    this.name = 'NetworkError';
  }
}

export class TimeoutError extends Error {
  constructor(
    readonly service: string,
    readonly method: string,
    readonly url: string,
    readonly timeoutMs: number
  ) {
    super(`${service} did not answer ${method} ${redactUrl(url)} within ${timeoutMs} ms`);
    this.name = 'TimeoutError';
  }
}

/** The server returned 2xx but the body is not the JSON it should be (for example cut off mid-way). */
export class InvalidResponseError extends Error {
  constructor(
    readonly service: string,
    readonly method: string,
    readonly url: string,
    readonly problem: string
  ) {
    super(`${service} sent an unreadable answer to ${method} ${redactUrl(url)}: ${problem}`);
    this.name = 'InvalidResponseError';
  }
}

/** The URL is not allowed: plain HTTP to a non-loopback host, or not a URL at all. */
export class InsecureUrlError extends Error {
  constructor(readonly url: string) {
    super(`Refusing ${redactUrl(url)}: use https:// (plain http:// is allowed only for 127.0.0.1, ::1 and localhost).`);
    this.name = 'InsecureUrlError';
  }
}

export class RequestCancelledError extends Error {
  constructor(readonly service: string) {
    super(`${service} request cancelled`);
    this.name = 'RequestCancelledError';
  }
}

/**
 * Drops the query string and any user info from a URL for messages and logs. Paging tokens and
 * filters stay out of logs this way; the path is enough to say which call failed.
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}${parsed.search ? '?…' : ''}`;
  } catch {
    return '(invalid URL)';
  }
}

/** Pulls a code and message out of the error bodies Graph, SCIM, DRF and the OAuth endpoint send. */
export function parseErrorBody(bodyText: string): { code: string | null; detail: string | null } {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return { code: null, detail: bodyText.trim() ? bodyText.trim().slice(0, 300) : null };
  }
  if (!body || typeof body !== 'object') return { code: null, detail: null };
  const record = body as Record<string, unknown>;

  const graphError = record.error;
  if (graphError && typeof graphError === 'object') {
    const inner = graphError as Record<string, unknown>;
    return { code: asString(inner.code), detail: asString(inner.message) };
  }
  if (typeof graphError === 'string') {
    return { code: graphError, detail: asString(record.error_description) };
  }
  return { code: asString(record.scimType), detail: asString(record.detail) ?? fieldErrors(record) };
}

function asString(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** DRF field maps such as `{"slug": ["..."]}` become `slug: ...`. */
function fieldErrors(record: Record<string, unknown>): string | null {
  const parts: string[] = [];
  for (const [field, value] of Object.entries(record)) {
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) parts.push(`${field}: ${value.join(' ')}`);
  }
  return parts.length > 0 ? parts.join('; ') : null;
}

/** Describes a transport failure by its cause, e.g. `connect ECONNREFUSED 127.0.0.1:1 (ECONNREFUSED)`, since fetch's own message is only "fetch failed". */
export function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: string }).code;
    return code ? `${cause.message} (${code})` : cause.message;
  }
  return error.message;
}
