import { captureSnapshot } from '../../src-main/capture/capture';
import { createTokenProvider } from '../../src-main/graph/auth';
import { GraphClient } from '../../src-main/graph/graph-client';
import { HttpClient } from '../../src-main/http/client';
import { createNodeTransport } from '../../src-main/http/node-transport';
import type { SnapshotMeta } from '../../src-main/model/snapshot';
import { ScimClient } from '../../src-main/scim/client';
import { Workspace } from '../../src-main/store';
import type { Fakes } from './index';
import type { Seed } from './seed';

const TEST_RETRY = { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 50 };

/** Captures the fakes in-process with the real clients (as `roster fetch` does) and stores the snapshot. */
export async function captureIntoWorkspace(fakes: Fakes, seed: Seed, workspaceDir: string): Promise<SnapshotMeta> {
  const client = seed.graph.clients[0];
  const app = seed.graph.servicePrincipals[0];
  if (!client?.clientSecret || !app) throw new Error('the seed needs a client with a secret and a service principal');

  const transport = createNodeTransport({ extraCaPem: fakes.tls.caPem });
  const tokens = createTokenProvider({
    tenantId: seed.graph.tenantId,
    clientId: client.clientId,
    credential: { kind: 'secret', clientSecret: client.clientSecret },
    transport,
    authorityHost: fakes.graph.authorityHost,
    graphUrl: fakes.graph.graphUrl
  });
  const http = (service: string): HttpClient => new HttpClient({ transport, service, timeoutMs: 10_000, retry: TEST_RETRY, concurrency: 4 });
  const graph = new GraphClient({ http: http('Microsoft Graph'), tokens, graphUrl: fakes.graph.graphUrl });
  const scim = new ScimClient({ baseUrl: fakes.scim.baseUrl, token: seed.scim.token, http: http('Sentry SCIM') });

  const captured = await captureSnapshot({ graph, scim, appRef: { appId: app.appId } });
  const workspace = await Workspace.open(workspaceDir);
  try {
    return await workspace.writeSnapshot({
      meta: { ...captured.meta, createdAt: new Date().toISOString(), origin: 'live', toolVersion: 'test', capturedBy: 'test' },
      data: captured.data
    });
  } finally {
    workspace.close();
  }
}
