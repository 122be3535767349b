import { describe, expect, it } from 'vitest';
import type { TokenProvider } from '../../src-main/graph/auth';
import { GraphResponseError, GraphUnauthorizedError } from '../../src-main/graph/errors';
import { GraphClient } from '../../src-main/graph/graph-client';
import type { ReadContext } from '../../src-main/graph/graph-client';
import { listConsistently } from '../../src-main/graph/memberships';
import { HttpClient } from '../../src-main/http/client';
import type { TransportRequest, TransportResponse } from '../../src-main/http/types';
import { FAST_RETRY } from './fixtures';

/** Graph root for the stub transport; nothing listens there because no request leaves the process. */
const ROOT = 'http://127.0.0.1:9';
const CONTEXT: ReadContext = { source: 'graph.assignments', permission: 'Application.Read.All', what: 'assignments' };

function json(status: number, body: unknown): TransportResponse {
  return { status, headers: { 'content-type': 'application/json' }, bodyText: JSON.stringify(body) };
}

/** Builds a Graph client whose transport is `handle`, with a token provider that counts refreshes. */
function stubClient(handle: (request: TransportRequest) => TransportResponse): { graph: GraphClient; requests: TransportRequest[]; refreshes: number[] } {
  const requests: TransportRequest[] = [];
  const refreshes: number[] = [];
  const tokens: TokenProvider = {
    tenantId: 't',
    clientId: 'c',
    getToken: ({ forceRefresh = false } = {}) => {
      if (forceRefresh) refreshes.push(1);
      return Promise.resolve(forceRefresh ? 'token-2' : 'token-1');
    }
  };
  const http = new HttpClient({
    transport: (request) => {
      requests.push(request);
      return Promise.resolve(handle(request));
    },
    timeoutMs: 1000,
    retry: FAST_RETRY,
    concurrency: 2,
    service: 'Graph'
  });
  return { graph: new GraphClient({ http, tokens, graphUrl: ROOT, batchRetry: FAST_RETRY }), requests, refreshes };
}

describe('GraphClient with a stub transport', () => {
  it('counted list falls back without $count', async () => {
    const { graph, requests } = stubClient((request) => {
      if (request.url.includes('$count=true')) return json(400, { error: { code: 'Request_UnsupportedQuery', message: 'Unsupported query.' } });
      return json(200, { value: [{ id: 'a' }, { id: 'b' }] });
    });
    const warnings: string[] = [];

    const result = await listConsistently(graph, '/servicePrincipals/sp/appRoleAssignedTo?$top=999&$count=true', CONTEXT, 'App role assignments', warnings);

    expect(result.items.map((item) => item.id)).toEqual(['a', 'b']);
    expect(result.apiTotal).toBeNull();
    expect(warnings).toEqual(['App role assignments: Graph rejected $count (Request_UnsupportedQuery), so changes during the read can be found only through repeated ids.']);
    expect(requests.map((request) => request.url)).toEqual([
      `${ROOT}/v1.0/servicePrincipals/sp/appRoleAssignedTo?$top=999&$count=true`,
      `${ROOT}/v1.0/servicePrincipals/sp/appRoleAssignedTo?$top=999`
    ]);
    expect(requests[1]?.headers['ConsistencyLevel']).toBeUndefined();
  });

  it('count that never adds up is warned about', async () => {
    const { graph, requests } = stubClient(() => json(200, { '@odata.count': 3, value: [{ id: 'a' }, { id: 'b' }] }));
    const warnings: string[] = [];

    const result = await listConsistently(graph, '/groups/g/members?$top=999&$count=true', CONTEXT, 'Members of group g', warnings);

    expect(result.items.map((item) => item.id)).toEqual(['a', 'b']);
    expect(requests).toHaveLength(3);
    expect(warnings).toEqual([
      'Members of group g: Graph announced 3 entries but 2 distinct ones arrived in 3 full readings; the list kept changing while it was read, so capture again to be sure.'
    ]);
  });

  it('next link to another host is rejected', async () => {
    const { graph, requests } = stubClient(() => json(200, { value: [{ id: 'a' }], '@odata.nextLink': 'https://evil.example/v1.0/next' }));

    const error = await graph.listAll('/users', CONTEXT).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(GraphResponseError);
    expect((error as Error).message).toBe('Graph handed out a link to another host (evil.example); Roster sends its token only to 127.0.0.1:9.');
    expect(requests).toHaveLength(1);
  });

  it('repeated 401 raises after one refresh', async () => {
    const { graph, refreshes, requests } = stubClient(() => json(401, { error: { code: 'InvalidAuthenticationToken', message: 'expired' } }));

    const error = await graph.get('/users/x', CONTEXT).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(GraphUnauthorizedError);
    expect(refreshes).toEqual([1]);
    expect(requests.map((request) => request.headers['Authorization'])).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('batch item missing from the response is asked again', async () => {
    let round = 0;
    const { graph, requests } = stubClient((request) => {
      round++;
      const asked = (JSON.parse(request.body ?? '{}') as { requests: Array<{ id: string; url: string }> }).requests;
      // The first response leaves out the last item, and the second returns every item it gets.
      const answered = round === 1 ? asked.slice(0, -1) : asked;
      return json(200, { responses: answered.reverse().map((item) => ({ id: item.id, status: 200, headers: {}, body: { id: item.url.split('/')[2] } })) });
    });

    const results = await graph.batchGet(['/users/u1', '/users/u2', '/users/u3'], CONTEXT);

    expect(results.map((result) => [result.path, (result.body as { id: string }).id])).toEqual([
      ['/users/u1', 'u1'],
      ['/users/u2', 'u2'],
      ['/users/u3', 'u3']
    ]);
    expect(requests).toHaveLength(2);
    expect(JSON.parse(requests[1]?.body ?? '{}')).toEqual({ requests: [{ id: '1', method: 'GET', url: '/users/u3' }] });
  });

  it('batch response with an unknown id is rejected', async () => {
    const { graph } = stubClient(() => json(200, { responses: [{ id: '7', status: 200, headers: {}, body: {} }] }));

    await expect(graph.batchGet(['/users/u1'], CONTEXT)).rejects.toThrow(`Graph's $batch response contains an unknown or repeated request id "7" while reading assignments.`);
  });

  it('page size outside 1..999 is rejected', () => {
    const http = new HttpClient({ transport: () => Promise.reject(new Error('unused')), timeoutMs: 1, retry: FAST_RETRY, concurrency: 1, service: 'Graph' });
    const tokens: TokenProvider = { tenantId: 't', clientId: 'c', getToken: () => Promise.resolve('x') };

    expect(() => new GraphClient({ http, tokens, pageSize: 1000 })).toThrow('Invalid Graph page size 1000: use a whole number from 1 to 999.');
  });
});
