import { plainDetail, type FakeResponse } from './errors';

export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

/**
 * NOTE: Sentry's concurrent-request limit for SCIM is not published; 25 is an assumed value, and the
 * fake reports it in headers without enforcing it.
 */
const CONCURRENT_LIMIT = 25;

/**
 * A fixed-window request counter that produces Sentry's `X-Sentry-Rate-Limit-*` headers and its 429 body.
 * Sentry's open-source default is 999 requests per second; sentry.io does not publish its numbers.
 */
export class RateLimiter {
  private windowStart = 0;
  private used = 0;
  private inFlight = 0;

  constructor(private readonly rule: RateLimit | null) {
    if (rule && (!Number.isInteger(rule.limit) || rule.limit < 1 || !(rule.windowSeconds > 0))) {
      throw new Error(`rateLimit ${JSON.stringify(rule)} is invalid; give a positive integer limit and a positive windowSeconds.`);
    }
  }

  /** Counts a request as in flight until the returned function is called. */
  enter(): () => void {
    this.inFlight++;
    return () => {
      this.inFlight--;
    };
  }

  /** Counts one request against the window and returns the 429 response when the window is used up. */
  take(): FakeResponse | null {
    this.roll();
    this.used++;
    if (this.rule && this.used > this.rule.limit) return this.tooManyRequests();
    return null;
  }

  headers(): Record<string, string> {
    const rule = this.rule ?? { limit: 999, windowSeconds: 1 };
    return {
      'X-Sentry-Rate-Limit-Limit': String(rule.limit),
      'X-Sentry-Rate-Limit-Remaining': String(Math.max(0, rule.limit - this.used)),
      'X-Sentry-Rate-Limit-Reset': String(Math.ceil((this.windowStart + rule.windowSeconds * 1000) / 1000)),
      'X-Sentry-Rate-Limit-ConcurrentLimit': String(CONCURRENT_LIMIT),
      'X-Sentry-Rate-Limit-ConcurrentRemaining': String(Math.max(0, CONCURRENT_LIMIT - this.inFlight))
    };
  }

  tooManyRequestsBody(): { detail: string } {
    const rule = this.rule ?? { limit: 999, windowSeconds: 1 };
    return { detail: `You are attempting to use this endpoint too frequently. Limit is ${rule.limit} requests in ${rule.windowSeconds} seconds` };
  }

  private tooManyRequests(): FakeResponse {
    return plainDetail(429, this.tooManyRequestsBody().detail);
  }

  private roll(): void {
    const windowMs = (this.rule?.windowSeconds ?? 1) * 1000;
    const now = Date.now();
    if (now - this.windowStart >= windowMs) {
      this.windowStart = now - (now % windowMs);
      this.used = 0;
    }
  }
}
