import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../src-main/app-services';
import { ConnectionService } from '../../src-main/app-services/connections';
import { createProfileStore } from '../../src-main/app-services/profile-store';
import { createReconcileService } from '../../src-main/app-services/reconcile-wiring';
import { createNodeTransport } from '../../src-main/http/node-transport';
import type { EventName } from '../../src-main/ipc/contract';
import type { IpcLogger } from '../../src-main/ipc/dispatch';
import { IpcHandlerError } from '../../src-main/ipc/dispatch';
import { Workspace } from '../../src-main/store';
import { startScimFake, type ScimFake } from '../fakes/scim';
import { demoSeed, writeSeedSnapshot } from '../reconcile/helpers';

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const logger: IpcLogger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

async function setUp(): Promise<{ fake: ScimFake; connections: ConnectionService; service: ReturnType<typeof createReconcileService>; snapshotId: string; token: string }> {
  const seed = demoSeed();
  const fake = await startScimFake(structuredClone(seed.scim));
  const dir = await mkdtemp(join(tmpdir(), 'roster-reconcile-wiring-'));
  const workspace = await Workspace.open(join(dir, 'workspace'));
  const snapshot = await writeSeedSnapshot(workspace, seed, fake.baseUrl);
  const secrets = createMemorySecretStore();
  const profilesFile = join(dir, 'connections.json');
  const connections = new ConnectionService(createProfileStore(profilesFile), secrets, () => createNodeTransport(), logger);
  const service = createReconcileService({ workspace: { dir: workspace.dir, open: async () => workspace }, profilesFile, secrets, logger, runBy: 'auditor' });
  cleanups.push(async () => {
    await service.idle();
    workspace.close();
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  });
  return { fake, connections, service, snapshotId: snapshot.meta.id, token: seed.scim.token };
}

function profile(name: string, sentryScimUrl: string, scimToken: string | undefined) {
  return {
    name,
    tenantId: '7d3a1c52-3b1e-4c2a-9f6e-0a1b2c3d4e5f',
    clientId: '5d0f3c1e-8a8b-4f3e-9a51-2b7d4c6e9f10',
    signInMethod: 'clientSecret' as const,
    appId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
    sentryScimUrl,
    secrets: scimToken === undefined ? { clientSecret: 'client-secret' } : { clientSecret: 'client-secret', scimToken }
  };
}

it('reads profiles and the token from the connection store', async () => {
  const { fake, connections, service, snapshotId, token } = await setUp();
  const saved = await connections.save(profile('Contoso', fake.baseUrl, token));
  const tokenless = await connections.save(profile('Contoso, no token', fake.baseUrl, undefined));

  const plan = await service.plan({ snapshotId, findingIds: [], filter: { kinds: ['group.name_mismatch'], severities: [], text: '' }, options: { allowDeletes: false, allowOwnerChanges: false, recreateMismatched: false, maxDeletes: null } });
  expect(plan.profiles).toEqual([
    { id: saved.id, name: 'Contoso', sentryScimUrl: fake.baseUrl, hasScimToken: true, matches: true },
    { id: tokenless.id, name: 'Contoso, no token', sentryScimUrl: fake.baseUrl, hasScimToken: false, matches: true }
  ]);

  const request = { snapshotId, findingIds: [plan.operations[0]!.findingId], options: plan.options };
  const missing = await service.start({ ...request, profileId: tokenless.id }, () => undefined).catch((error: unknown) => error);
  expect(missing).toBeInstanceOf(IpcHandlerError);
  expect((missing as IpcHandlerError).code).toBe('missing_secret');

  const events: EventName[] = [];
  const { runId } = await service.start({ ...request, profileId: saved.id }, (event) => events.push(event));
  await service.idle();
  const run = await service.run(runId);
  expect(run.state).toBe('completed');
  expect(run.operations.map((operation) => [operation.path, operation.state, operation.verified])).toEqual([['/Groups/303', 'done', true]]);
  expect(events.at(-1)).toBe('reconcile:finished');
  expect(fake.state.getTeam(303)?.name).toBe('Mobile Developers');
});
