import { captureSnapshot } from '../../src-main/capture/capture';
import type { CaptureResult } from '../../src-main/capture/capture';
import { createTokenProvider } from '../../src-main/graph/auth';
import { GraphClient } from '../../src-main/graph/graph-client';
import { HttpClient } from '../../src-main/http/client';
import { createNodeTransport } from '../../src-main/http/node-transport';
import { ScimClient } from '../../src-main/scim/client';
import type { Fakes } from '../fakes/index';
import { APP_ID, CLIENT_ID, CLIENT_SECRET, SCIM_TOKEN, TENANT_ID } from './parity-seed';

const RETRY = { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 50 };

/** Captures the parity seed live from the fakes in this process, as `roster fetch` would. */
export async function captureLive(fakes: Fakes, now: Date): Promise<CaptureResult> {
  const transport = createNodeTransport({ extraCaPem: fakes.tls.caPem });
  const tokens = createTokenProvider({
    tenantId: TENANT_ID,
    clientId: CLIENT_ID,
    credential: { kind: 'secret', clientSecret: CLIENT_SECRET },
    transport,
    authorityHost: fakes.graph.authorityHost,
    graphUrl: fakes.graph.graphUrl,
    timeoutMs: 5000
  });
  const graphHttp = new HttpClient({ transport, timeoutMs: 5000, retry: RETRY, concurrency: 4, service: 'Graph' });
  const graph = new GraphClient({ http: graphHttp, tokens, graphUrl: fakes.graph.graphUrl, batchRetry: RETRY });
  const scimHttp = new HttpClient({ transport, timeoutMs: 5000, retry: RETRY, concurrency: 4, service: 'Sentry SCIM' });
  const scim = new ScimClient({ baseUrl: fakes.scim.baseUrl, token: SCIM_TOKEN, http: scimHttp });
  return captureSnapshot({ graph, scim, appRef: { appId: APP_ID }, now });
}
