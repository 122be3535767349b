/**
 * Builds `resources/demo/demo-snapshot.sqlite`, the snapshot the app opens read-only on first run.
 *
 * It serves `resources/demo/seed.json` from the fake servers and captures it with the real Graph and
 * SCIM clients, exactly as a live capture does. The clock is fixed at the seed's reference time, so
 * the content hash is the same on every run. Run it after changing the seed:
 *   npx tsx test/fakes/build-demo-workspace.ts
 */
import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { captureSnapshot } from '../../src-main/capture/capture';
import { createCaptureClients, DEFAULT_AUTHORITY_HOST, DEFAULT_GRAPH_URL } from '../../src-main/capture/clients';
import type { CaptureResult } from '../../src-main/capture/capture';
import { createNodeTransport } from '../../src-main/http/node-transport';
import type { SnapshotMeta } from '../../src-main/model/snapshot';
import { SNAPSHOTS_FOLDER, Workspace } from '../../src-main/store';
import { TOOL_VERSION } from '../../src-main/version';
import { startFakes } from './index';
import type { Seed } from './seed';
import { DEMO_REFERENCE_TIME } from './seeds/demo';

export const DEMO_SEED_FILE = join(import.meta.dirname, '../../resources/demo/seed.json');
export const DEMO_SNAPSHOT_FILE = join(import.meta.dirname, '../../resources/demo/demo-snapshot.sqlite');

/** The public origin the demo shows for Sentry, in place of the fake's loopback address. */
const DEMO_SENTRY_ORIGIN = 'https://sentry.io';

/**
 * Replaces the fakes' loopback origins (a new port on every run) with the public services' origins.
 * The captured values otherwise stay as they were read, and the content hash no longer depends on the port.
 */
function withPublicOrigins(captured: CaptureResult, origins: { graph: string; login: string; scim: string }): CaptureResult {
  const replace = (text: string): string =>
    text.replaceAll(origins.graph, DEFAULT_GRAPH_URL).replaceAll(origins.login, DEFAULT_AUTHORITY_HOST).replaceAll(origins.scim, DEMO_SENTRY_ORIGIN);
  return JSON.parse(replace(JSON.stringify(captured))) as CaptureResult;
}

/** Captures the demo seed into a new snapshot file at `outputPath` and returns its metadata. */
export async function buildDemoSnapshot(outputPath: string): Promise<SnapshotMeta> {
  const seed = JSON.parse(await readFile(DEMO_SEED_FILE, 'utf8')) as Seed;
  const client = seed.graph.clients[0];
  const app = seed.graph.servicePrincipals[0];
  if (!client?.clientSecret || !app) throw new Error(`${DEMO_SEED_FILE} needs a client with a secret and a service principal.`);

  const fakes = await startFakes(seed);
  const folder = await mkdtemp(join(tmpdir(), 'roster-demo-build-'));
  try {
    const { graph, scim } = createCaptureClients(
      {
        tenant: seed.graph.tenantId,
        clientId: client.clientId,
        appRef: { appId: app.appId },
        sentryUrl: fakes.scim.baseUrl,
        sentryToken: seed.scim.token,
        credential: { kind: 'secret', clientSecret: client.clientSecret },
        authorityHost: fakes.graph.authorityHost,
        graphUrl: fakes.graph.graphUrl
      },
      { transport: createNodeTransport({ extraCaPem: fakes.tls.caPem }) }
    );
    const raw = await captureSnapshot({ graph, scim, appRef: { appId: app.appId }, now: DEMO_REFERENCE_TIME });
    const captured = withPublicOrigins(raw, { graph: fakes.graph.graphUrl, login: fakes.graph.authorityHost, scim: new URL(fakes.scim.baseUrl).origin });

    const workspace = await Workspace.open(join(folder, 'workspace'));
    let meta: SnapshotMeta;
    try {
      meta = await workspace.writeSnapshot({
        meta: { ...captured.meta, createdAt: DEMO_REFERENCE_TIME.toISOString(), origin: 'demo', toolVersion: TOOL_VERSION, capturedBy: 'Roster demo' },
        data: captured.data
      });
    } finally {
      workspace.close();
    }

    const snapshotsDir = join(folder, 'workspace', SNAPSHOTS_FOLDER);
    const [fileName, ...others] = await readdir(snapshotsDir);
    if (fileName === undefined || others.length > 0) throw new Error(`Expected exactly one snapshot file in ${snapshotsDir}.`);
    await copyFile(join(snapshotsDir, fileName), outputPath);
    return meta;
  } finally {
    await fakes.close();
    await rm(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const meta = await buildDemoSnapshot(DEMO_SNAPSHOT_FILE);
  process.stdout.write(`Wrote ${DEMO_SNAPSHOT_FILE}: snapshot ${meta.id}, content hash ${meta.contentSha256}\n`);
}
