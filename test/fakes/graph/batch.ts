import { badRequest, graphErrorBody } from './errors';
import { type GraphCall, type GraphContext, type GraphResult, parseTarget } from './graph-context';
import { routeGraph } from './graph-routes';
import type { Grant } from './tokens';

/** Graph's documented maximum number of requests in one JSON batch. */
export const MAX_BATCH_REQUESTS = 20;

/** Fault switch for items inside `$batch`: the next `remaining` items get 429 with this `Retry-After`. */
export interface BatchItemThrottle {
  remaining: number;
  retryAfterSeconds: number | null;
}

interface BatchRequestItem {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  dependsOn?: string[];
}

export interface BatchResponseItem {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

function parseItems(raw: string): BatchRequestItem[] {
  let payload: unknown;
  try {
    payload = JSON.parse(raw);
  } catch {
    throw badRequest('Invalid batch payload format: the body is not JSON.', 'BadRequest');
  }
  const requests = (payload as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests) || requests.length === 0) {
    throw badRequest('Invalid batch payload format: expected a non-empty "requests" array.', 'BadRequest');
  }
  if (requests.length > MAX_BATCH_REQUESTS) {
    throw badRequest(`Invalid batch payload: ${requests.length} requests exceed the maximum of ${MAX_BATCH_REQUESTS}; split the batch.`, 'BadRequest');
  }

  const seen = new Set<string>();
  return requests.map((item: unknown, index: number) => {
    const candidate = item as Partial<BatchRequestItem> | null;
    if (typeof candidate?.id !== 'string' || typeof candidate.method !== 'string' || typeof candidate.url !== 'string') {
      throw badRequest(`Invalid batch payload: request ${index} needs string "id", "method" and "url".`, 'BadRequest');
    }
    if (seen.has(candidate.id)) throw badRequest(`Invalid batch payload: request id '${candidate.id}' appears more than once; ids must be unique.`, 'BadRequest');
    seen.add(candidate.id);
    return candidate as BatchRequestItem;
  });
}

/** A small seeded generator, so shuffled batch responses differ from request order yet repeat from run to run. */
function nextRandom(state: { seed: number }): number {
  state.seed = (state.seed + 0x6d2b79f5) | 0;
  let t = state.seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

function shuffle<T>(items: T[], random: { seed: number }): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(nextRandom(random) * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  // Graph only promises "any order"; rotating an accidental identity order keeps the shuffle visible to tests.
  if (out.length > 1 && out.every((item, index) => item === items[index])) out.push(out.shift()!);
  return out;
}

export interface BatchDeps {
  ctx: GraphContext;
  grant: Grant;
  throttle: BatchItemThrottle;
  random: { seed: number };
  /** Called for each executed item, for the fake's request log. */
  record: (method: string, path: string, status: number) => void;
}

/** Runs a `POST /v1.0/$batch` body and returns the batch response (items shuffled) or a 400 for a malformed batch. */
export function runBatch(deps: BatchDeps, rawBody: string): GraphResult {
  const items = parseItems(rawBody);
  const results = new Map<string, BatchResponseItem>();

  for (const item of items) {
    const failedDependency = (item.dependsOn ?? []).find((dep) => (results.get(dep)?.status ?? 424) >= 400);
    if (failedDependency !== undefined) {
      results.set(item.id, { id: item.id, status: 424, headers: { 'Content-Type': 'application/json' }, body: graphErrorBody('FailedDependency', `Request '${failedDependency}' that this request depends on failed.`) });
      continue;
    }
    results.set(item.id, runItem(deps, item));
  }

  const responses = shuffle([...results.values()], deps.random);
  return { status: 200, body: { responses } };
}

function runItem(deps: BatchDeps, item: BatchRequestItem): BatchResponseItem {
  const jsonHeaders = { 'Content-Type': 'application/json' };
  if (/^https?:/i.test(item.url)) {
    return { id: item.id, status: 400, headers: jsonHeaders, body: graphErrorBody('BadRequest', `Batch request '${item.id}' has an absolute URL; use a URL relative to the version, e.g. /users/{id}.`) };
  }

  const target = parseTarget(`/v1.0${item.url.startsWith('/') ? '' : '/'}${item.url}`);
  if (deps.throttle.remaining > 0) {
    deps.throttle.remaining--;
    const headers: Record<string, string> = { ...jsonHeaders };
    if (deps.throttle.retryAfterSeconds !== null) headers['Retry-After'] = String(deps.throttle.retryAfterSeconds);
    deps.record(item.method, target.path + (target.rawQuery ? `?${target.rawQuery}` : ''), 429);
    return { id: item.id, status: 429, headers, body: graphErrorBody('TooManyRequests', 'Please retry again later.') };
  }

  const call: GraphCall = {
    method: item.method.toUpperCase(),
    segments: target.segments.slice(1),
    path: target.path,
    rawQuery: target.rawQuery,
    params: new URLSearchParams(target.rawQuery),
    headers: Object.fromEntries(Object.entries(item.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value])),
    grant: deps.grant
  };
  const result = call.segments[0] === '$batch' ? { status: 400, body: graphErrorBody('BadRequest', 'A batch cannot contain another $batch request.') } : routeGraph(deps.ctx, call);
  deps.record(call.method, target.path + (target.rawQuery ? `?${target.rawQuery}` : ''), result.status);
  return { id: item.id, status: result.status, headers: { ...jsonHeaders, ...(result.headers ?? {}) }, body: result.body };
}
