import { createTokenProvider } from '../src-main/graph/auth';
import { GraphClient } from '../src-main/graph/graph-client';
import { HttpClient } from '../src-main/http/client';
import { createNodeTransport } from '../src-main/http/node-transport';
import type { Transport } from '../src-main/http/types';
import { ScimClient } from '../src-main/scim/client';
import type { FakesReady } from './protocol';

/**
 * The settings `roster fetch` uses (src-main/cli/commands/fetch.ts), repeated here because that
 * module does not export them.
 * NOTE: keep these in step with fetch.ts, or the capture time stops being what users get.
 */
const FETCH_HTTP_SETTINGS = {
  timeoutMs: 60_000,
  retry: { maxRetries: 6, baseDelayMs: 500, maxDelayMs: 60_000 }
};
const FETCH_GRAPH_CONCURRENCY = 8;
const FETCH_SCIM_CONCURRENCY = 4;

export interface CaptureClients {
  graph: GraphClient;
  scim: ScimClient;
}

/** Builds the Graph and SCIM clients the way `roster fetch` does, trusting the fakes' test CA. */
export function buildCaptureClients(fakes: FakesReady): CaptureClients {
  const transport = createNodeTransport({ extraCaPem: fakes.caPem });
  const tokens = createTokenProvider({
    tenantId: fakes.tenantId,
    clientId: fakes.clientId,
    credential: { kind: 'secret', clientSecret: fakes.clientSecret },
    transport,
    authorityHost: fakes.authorityHost,
    graphUrl: fakes.graphUrl
  });
  const graph = new GraphClient({ http: httpClient(transport, 'Microsoft Graph', FETCH_GRAPH_CONCURRENCY), tokens, graphUrl: fakes.graphUrl });
  const scim = new ScimClient({ baseUrl: fakes.scimBaseUrl, token: fakes.scimToken, http: httpClient(transport, 'Sentry SCIM', FETCH_SCIM_CONCURRENCY) });
  return { graph, scim };
}

function httpClient(transport: Transport, service: string, concurrency: number): HttpClient {
  return new HttpClient({ transport, service, concurrency, ...FETCH_HTTP_SETTINGS });
}
