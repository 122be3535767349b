import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultInjector, readBody } from '../faults';
import { type BatchItemThrottle, runBatch } from './batch';
import { GraphRequestError, graphErrorBody, serverErrorCode } from './errors';
import { type GraphCall, type GraphContext, type GraphResult, parseTarget, resourceUnits } from './graph-context';
import { routeGraph } from './graph-routes';
import { type RecordedRequest, recordRequest } from './https-server';
import type { TokenStore } from './tokens';

/** Content type Graph sends with JSON responses. */
const GRAPH_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export function createGraphFaults(): FaultInjector {
  return new FaultInjector({
    tooManyRequests: () => graphErrorBody('TooManyRequests', 'Please retry again later.'),
    serverError: (status) => graphErrorBody(serverErrorCode(status), `The service returned HTTP ${status}; retry the request later.`)
  });
}

export interface GraphServerDeps {
  ctx: GraphContext;
  tokens: TokenStore;
  faults: FaultInjector;
  log: RecordedRequest[];
  batchItemThrottle: BatchItemThrottle;
  batchRandom: { seed: number };
  /** Login server root, for the `authorization_uri` of 401 challenges. */
  authorityHost: () => string;
}

function lowerCaseHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers[name.toLowerCase()] = value;
    else if (Array.isArray(value)) headers[name.toLowerCase()] = value.join(', ');
  }
  return headers;
}

function unauthorized(deps: GraphServerDeps, message: string): GraphResult {
  return {
    status: 401,
    body: graphErrorBody('InvalidAuthenticationToken', message),
    headers: {
      'WWW-Authenticate': `Bearer realm="", authorization_uri="${deps.authorityHost()}/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`
    }
  };
}

/** Handles one HTTP request to the fake Graph: faults, bearer token, `$batch` or a single route. */
export function graphHandler(deps: GraphServerDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const entry = recordRequest(deps.log, 'graph', req);
    if (await deps.faults.intercept(req, res)) {
      entry.status = res.headersSent ? res.statusCode : 0;
      return;
    }

    const headers = lowerCaseHeaders(req);
    const clientRequestId = headers['client-request-id'] ?? randomUUID();
    const body = req.method === 'POST' ? await readBody(req) : '';
    const result = await answer(deps, req, headers, body);

    // Every Graph error body echoes the caller's client-request-id.
    const resultBody = result.body as { error?: { innerError?: Record<string, string> } } | undefined;
    if (resultBody?.error?.innerError) resultBody.error.innerError['client-request-id'] = clientRequestId;

    entry.status = result.status;
    deps.faults.send(req, res, result.status, result.body, {
      'Content-Type': GRAPH_JSON,
      'request-id': randomUUID(),
      'client-request-id': clientRequestId,
      ...(result.headers ?? {})
    });
  };
}

async function answer(deps: GraphServerDeps, req: IncomingMessage, headers: Record<string, string>, body: string): Promise<GraphResult> {
  const auth = headers['authorization'] ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
  if (!bearer) return unauthorized(deps, 'Access token is empty.');
  const found = deps.tokens.lookup(bearer);
  if (!found) return unauthorized(deps, 'Access token validation failure. Invalid audience.');
  if (found.expired) return unauthorized(deps, 'Lifetime validation failed, the token is expired.');

  const target = parseTarget(req.url ?? '/');
  if (target.segments[0] !== 'v1.0') {
    return { status: 400, body: graphErrorBody('BadRequest', `Invalid version: '${target.segments[0] ?? ''}'. This fake serves /v1.0 only.`) };
  }

  const call: GraphCall = {
    method: req.method ?? 'GET',
    segments: target.segments.slice(1),
    path: target.path,
    rawQuery: target.rawQuery,
    params: new URLSearchParams(target.rawQuery),
    headers,
    grant: found.grant
  };

  if (call.segments.length === 1 && call.segments[0] === '$batch') {
    if (call.method !== 'POST') return { status: 405, body: graphErrorBody('Request_BadRequest', '$batch accepts POST only.') };
    try {
      return runBatch(
        {
          ctx: deps.ctx,
          grant: found.grant,
          throttle: deps.batchItemThrottle,
          random: deps.batchRandom,
          record: (method, path, status) => deps.log.push({ server: 'graph', method, path, status, viaBatch: true })
        },
        body
      );
    } catch (error) {
      if (error instanceof GraphRequestError) return error.response;
      throw error;
    }
  }

  const result = routeGraph(deps.ctx, call);
  return { ...result, headers: { 'x-ms-resource-unit': String(resourceUnits(call)), ...(result.headers ?? {}) } };
}
