import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditSnapshot } from '../../../src-main/audit';
import { captureSnapshot } from '../../../src-main/capture/capture';
import { createTokenProvider } from '../../../src-main/graph/auth';
import { GraphClient } from '../../../src-main/graph/graph-client';
import { HttpClient } from '../../../src-main/http/client';
import { createNodeTransport } from '../../../src-main/http/node-transport';
import type { Snapshot, SnapshotId } from '../../../src-main/model/snapshot';
import { ScimClient } from '../../../src-main/scim/client';
import { startFakes, type Fakes } from '../index';
import { buildDemoSeed, DEMO_REFERENCE_TIME } from './demo';
import { snapshotFromSeed } from './seed-snapshot';

const seed = buildDemoSeed();
let fakes: Fakes;

beforeAll(async () => {
  fakes = await startFakes(seed);
});

afterAll(async () => {
  await fakes.close();
});

/** Captures the demo from the fake servers with the real clients, as of the demo's reference time. */
async function captureDemo(): Promise<Snapshot> {
  const client = seed.graph.clients[0]!;
  const transport = createNodeTransport({ extraCaPem: fakes.tls.caPem });
  const http = (service: string): HttpClient => new HttpClient({ transport, service, timeoutMs: 10_000, retry: { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 50 }, concurrency: 4 });
  const tokens = createTokenProvider({
    tenantId: seed.graph.tenantId,
    clientId: client.clientId,
    credential: { kind: 'secret', clientSecret: client.clientSecret! },
    transport,
    authorityHost: fakes.graph.authorityHost,
    graphUrl: fakes.graph.graphUrl
  });
  const graph = new GraphClient({ http: http('Microsoft Graph'), tokens, graphUrl: fakes.graph.graphUrl });
  const scim = new ScimClient({ baseUrl: fakes.scim.baseUrl, token: seed.scim.token, http: http('Sentry SCIM') });

  const captured = await captureSnapshot({ graph, scim, appRef: { appId: seed.graph.servicePrincipals[0]!.appId }, now: DEMO_REFERENCE_TIME });
  const meta = { ...captured.meta, id: '20261130-090000-000000' as SnapshotId, createdAt: DEMO_REFERENCE_TIME.toISOString(), origin: 'demo' as const, toolVersion: 'test', capturedBy: 'test', contentSha256: '' };
  return { meta, data: captured.data };
}

/** Finding kinds with the sorted ids of the objects each finding names, for comparing two audits. */
function findingKeys(snapshot: Snapshot): string[] {
  const result = auditSnapshot(snapshot, { now: DEMO_REFERENCE_TIME });
  return result.findings.map((finding) => `${finding.kind} ${[...finding.entra, ...finding.sentry].map((ref) => ref.id).sort().join(',')}`).sort();
}

describe('demo seed through the fakes', () => {
  it('captures without unavailable sources', async () => {
    const snapshot = await captureDemo();

    expect(snapshot.meta.unavailable).toEqual([]);
    expect(snapshot.data.entra.provisioningLogs).toHaveLength(60);
    expect(snapshot.data.sentry.users).toHaveLength(10199);
  });

  it('audits like the seed snapshot', async () => {
    const captured = await captureDemo();

    expect(findingKeys(captured)).toEqual(findingKeys(snapshotFromSeed(seed, DEMO_REFERENCE_TIME)));
  });
});
