import type { IncomingMessage, ServerResponse } from 'node:http';

/** Fault switches shared by the fake servers. Counts are consumed one request at a time. */
export interface FaultSettings {
  /** Added before every answer, in milliseconds. */
  latencyMs: number;
  /** When set, faults hit only requests whose path (with query) matches; latency still applies to all. */
  only: RegExp | null;
  /** The next `remaining` matching requests get 429, with `Retry-After` in seconds unless null. */
  tooManyRequests: { remaining: number; retryAfterSeconds: number | null };
  /** The next `remaining` matching requests get this 5xx status. */
  serverError: { remaining: number; status: 500 | 503 | 504; retryAfterSeconds: number | null };
  /** The next `remaining` matching requests have their connection destroyed without an answer. */
  dropConnection: { remaining: number };
  /** The next `remaining` matching requests get a 200 whose JSON body stops halfway. */
  truncateBody: { remaining: number };
}

export interface FaultBodies {
  tooManyRequests(): unknown;
  serverError(status: number): unknown;
}

export interface FaultCounters {
  tooManyRequests: number;
  serverError: number;
  dropConnection: number;
  truncateBody: number;
}

export function defaultFaultSettings(): FaultSettings {
  return {
    latencyMs: 0,
    only: null,
    tooManyRequests: { remaining: 0, retryAfterSeconds: null },
    serverError: { remaining: 0, status: 503, retryAfterSeconds: null },
    dropConnection: { remaining: 0 },
    truncateBody: { remaining: 0 }
  };
}

export class FaultInjector {
  settings: FaultSettings = defaultFaultSettings();
  readonly injected: FaultCounters = { tooManyRequests: 0, serverError: 0, dropConnection: 0, truncateBody: 0 };

  constructor(private readonly bodies: FaultBodies) {}

  set(partial: Partial<FaultSettings>): void {
    this.settings = { ...this.settings, ...partial };
  }

  reset(): void {
    this.settings = defaultFaultSettings();
  }

  /**
   * Applies latency and the error faults. Returns true when a fault already answered (or dropped)
   * the request, so the server must not handle it.
   */
  async intercept(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (this.settings.latencyMs > 0) await sleep(this.settings.latencyMs);
    if (!this.applies(req)) return false;

    const s = this.settings;
    if (s.dropConnection.remaining > 0) {
      s.dropConnection.remaining--;
      this.injected.dropConnection++;
      req.socket.destroy();
      return true;
    }
    if (s.tooManyRequests.remaining > 0) {
      s.tooManyRequests.remaining--;
      this.injected.tooManyRequests++;
      const headers: Record<string, string> = {};
      if (s.tooManyRequests.retryAfterSeconds !== null) headers['Retry-After'] = String(s.tooManyRequests.retryAfterSeconds);
      sendJson(res, 429, this.bodies.tooManyRequests(), headers);
      return true;
    }
    if (s.serverError.remaining > 0) {
      s.serverError.remaining--;
      this.injected.serverError++;
      const headers: Record<string, string> = {};
      if (s.serverError.retryAfterSeconds !== null) headers['Retry-After'] = String(s.serverError.retryAfterSeconds);
      sendJson(res, s.serverError.status, this.bodies.serverError(s.serverError.status), headers);
      return true;
    }
    return false;
  }

  /** Sends a JSON answer, cut in half when a truncation fault is pending for this request. */
  send(req: IncomingMessage, res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (this.applies(req) && this.settings.truncateBody.remaining > 0 && body !== undefined) {
      this.settings.truncateBody.remaining--;
      this.injected.truncateBody++;
      const text = JSON.stringify(body);
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      // Ending the socket without finishing the chunked body makes the client see a cut-off response.
      // Destroying only once the half body is flushed matters for TLS, where an early destroy discards it.
      res.write(text.slice(0, Math.max(1, Math.floor(text.length / 2))), () => res.socket?.destroy());
      return;
    }
    sendJson(res, status, body, headers);
  }

  private applies(req: IncomingMessage): boolean {
    return this.settings.only === null || this.settings.only.test(req.url ?? '');
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
