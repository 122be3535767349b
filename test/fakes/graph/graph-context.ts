import { badRequest, unsupportedQuery } from './errors';
import type { Pager } from './paging';
import type { GraphState } from './state';
import type { Grant } from './tokens';

/** What every Graph route handler may use. */
export interface GraphContext {
  state: GraphState;
  pager: Pager;
  graphUrl: string;
}

/** One Graph request after authentication, either from HTTP or from inside a `$batch`. */
export interface GraphCall {
  method: string;
  /** Path without the query and without `/v1.0`, split into percent-decoded segments. */
  segments: string[];
  /** Full request path without the query, e.g. `/v1.0/groups/{id}/members`, used for paging links. */
  path: string;
  rawQuery: string;
  params: URLSearchParams;
  /** Request headers with lower-case names. */
  headers: Record<string, string>;
  grant: Grant;
}

export interface GraphResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Splits a request target such as `/v1.0/users/x?$select=id` into the parts a route needs. */
export function parseTarget(target: string): { path: string; segments: string[]; rawQuery: string } {
  const queryStart = target.indexOf('?');
  const path = queryStart < 0 ? target : target.slice(0, queryStart);
  const rawQuery = queryStart < 0 ? '' : target.slice(queryStart + 1);
  const segments = path
    .split('/')
    .filter((segment) => segment.length > 0)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        throw badRequest(`Invalid percent-encoding in path segment '${segment}'.`);
      }
    });
  return { path, segments, rawQuery };
}

/** Rejects query options that the route does not implement, instead of silently ignoring them. */
export function rejectUnsupportedOptions(call: GraphCall, supported: readonly string[]): void {
  for (const key of call.params.keys()) {
    if (key.startsWith('$') && !supported.includes(key)) {
      throw unsupportedQuery(`Query option '${key}' is not supported on '${call.path}' by this fake Graph server.`);
    }
  }
}

/** Advanced queries (`$count`, OData casts) need `ConsistencyLevel: eventual`, as on the real directory API. */
export function requireEventualConsistency(call: GraphCall, feature: string): void {
  if ((call.headers['consistencylevel'] ?? '').toLowerCase() !== 'eventual') {
    throw unsupportedQuery(`${feature} is an advanced query: send the header 'ConsistencyLevel: eventual' with it.`);
  }
}

export function wantsCount(call: GraphCall): boolean {
  const raw = call.params.get('$count');
  if (raw === null || raw === 'false') return false;
  if (raw !== 'true') throw badRequest(`Invalid value '${raw}' for $count; use true or false.`);
  requireEventualConsistency(call, '$count');
  return true;
}

/**
 * Resource units Graph's identity throttling charges for a request (older throttling-limits page):
 * members 3, transitiveMembers 5, other reads 1; `$select` saves 1, `$top` under 20 saves 1, minimum 1.
 */
export function resourceUnits(call: GraphCall): number {
  const last = call.segments[call.segments.length - 1] ?? '';
  const base = call.segments.includes('transitiveMembers') ? 5 : call.segments.includes('members') || last === 'members' ? 3 : 1;
  let cost = base;
  if (call.params.has('$select')) cost -= 1;
  const top = Number(call.params.get('$top') ?? '100');
  if (top < 20) cost -= 1;
  return Math.max(1, cost);
}
