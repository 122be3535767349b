/**
 * Serves the built renderer with the full handler table, the reconcile service included, over HTTP
 * on 127.0.0.1. The workspace contains the demo seed's snapshot with the fake SCIM server's URL, and one
 * connection profile points at that server.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices, createInProcessTaskRunner, createMemorySecretStore, createRequestPathDialogs } from '../../src-main/app-services';
import { ReconcileService } from '../../src-main/app-services/reconcile-service';
import { createDispatcher, createEmitter, type IpcLogger } from '../../src-main/ipc/dispatch';
import { createHandlerTable } from '../../src-main/ipc/handlers';
import { startHandlerServer, type HandlerServer } from '../../src-main/ipc/http-server';
import { createJsonSettingsStore } from '../../src-main/ipc/settings-file';
import type { Snapshot } from '../../src-main/model/snapshot';
import { Workspace } from '../../src-main/store';
import { RENDERER_DIR } from '../electron/harness';
import { startScimFake, type ScimFake } from '../fakes/scim';
import { demoSeed, writeSeedSnapshot } from '../reconcile/helpers';

export interface ReconcileAppHarness {
  url: string;
  fake: ScimFake;
  token: string;
  snapshot: Snapshot;
  logLines: string[];
  close(): Promise<void>;
}

export async function startReconcileApp(options: { latencyMs: number }): Promise<ReconcileAppHarness> {
  const seed = demoSeed();
  const fake = await startScimFake(structuredClone(seed.scim));
  fake.faults.set({ latencyMs: options.latencyMs });
  const dir = await mkdtemp(join(tmpdir(), 'roster-reconcile-ui-'));
  const workspaceDir = join(dir, 'workspace');
  const workspace = await Workspace.open(workspaceDir);
  const snapshot = await writeSeedSnapshot(workspace, seed, fake.baseUrl);
  const source = { dir: workspaceDir, open: async () => workspace };

  const logLines: string[] = [];
  const record = (level: string) => (message: string, fields?: Record<string, unknown>) => logLines.push(`${level} ${message} ${JSON.stringify(fields ?? {}, (_key, value: unknown) => (value instanceof Error ? value.message : value))}`);
  const logger: IpcLogger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };

  const services = createAppServices({
    workspace: source,
    profilesFile: join(dir, 'connections.json'),
    secrets: createMemorySecretStore(),
    dialogs: createRequestPathDialogs(),
    runner: createInProcessTaskRunner(),
    logger,
    demoPath: null,
    userName: 'auditor'
  });
  const reconcile = new ReconcileService({
    workspace: source,
    listProfiles: async () => [{ id: 'contoso', name: 'Contoso Sentry', sentryScimUrl: fake.baseUrl, hasScimToken: true }],
    scimCredentials: async () => ({ baseUrl: fake.baseUrl, token: seed.scim.token }),
    runBy: 'auditor',
    logger,
    retry: { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 50 }
  });

  const table = createHandlerTable({
    appInfo: () => ({ name: 'Roster', version: '0.0.0-test', platform: process.platform, workspaceDir, logDir: dir }),
    workspace: source,
    settings: createJsonSettingsStore(join(dir, 'settings.json'), (message) => logLines.push(`warn ${message}`)),
    systemLocale: () => 'en-US',
    services,
    reconcile
  });

  let server: HandlerServer | null = null;
  const emit = createEmitter((event, payload) => server?.broadcast(event, payload), logger);
  const dispatch = createDispatcher(table, { logger, emit });
  server = await startHandlerServer({ dispatch: () => dispatch, staticDir: RENDERER_DIR });
  const started = server;

  return {
    url: started.url,
    fake,
    token: seed.scim.token,
    snapshot,
    logLines,
    async close() {
      await reconcile.idle();
      await services.idle();
      await started.close();
      workspace.close();
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    }
  };
}
