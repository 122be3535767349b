import { ErrorBodies, plainDetail, type FakeResponse } from './errors';
import type { ScimState } from './state';

/** One parsed HTTP request as the SCIM route handlers see it. */
export interface ScimRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  /** Raw request body; empty when none was sent. */
  rawBody: string;
}

export interface HandlerContext {
  state: ScimState;
  errors: ErrorBodies;
  memberCap: number;
}

/** Request body parsed the way DRF's JSON parser does: an empty body is `{}`. */
export function readJsonBody(request: ScimRequest): { ok: true; body: unknown } | { ok: false; response: FakeResponse } {
  if (request.rawBody.trim() === '') return { ok: true, body: {} };
  try {
    return { ok: true, body: JSON.parse(request.rawBody) as unknown };
  } catch (error) {
    return { ok: false, response: plainDetail(400, `JSON parse error - ${(error as Error).message}`) };
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Python's truthiness for a JSON value. */
export function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (isObject(value)) return Object.keys(value).length > 0;
  return Boolean(value);
}

/** Python's `str()` of a JSON value, as Django's slugify applies it to a non-string displayName. */
export function pythonStr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/**
 * Converts an id the way Django's integer lookup does: integers and integral text work, and booleans
 * count as 1 and 0. Returns null where Django raises, which is a 500 in Sentry.
 */
export function toDatabaseId(value: unknown): number | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'string') {
    const match = /^\s*([+-]?\d+)\s*$/.exec(value);
    return match ? Number(match[1]) : null;
  }
  return null;
}
