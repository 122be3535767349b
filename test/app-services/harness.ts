/**
 * Serves the real handler table with the app services over HTTP on 127.0.0.1, against the fake login,
 * Graph and SCIM servers. Tasks run in-process through the same `runTask` the worker entry calls.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices, createInProcessTaskRunner, createMemorySecretStore, createRequestPathDialogs } from '../../src-main/app-services';
import type { AppServicesHandle, SecretStore, TaskRunner } from '../../src-main/app-services';
import type { Channel, EventName, IpcResult, RequestOf, ResponseOf } from '../../src-main/ipc/contract';
import { createDispatcher, createEmitter, type IpcLogger } from '../../src-main/ipc/dispatch';
import { createHandlerTable } from '../../src-main/ipc/handlers';
import { startHandlerServer, type HandlerServer } from '../../src-main/ipc/http-server';
import { createJsonSettingsStore } from '../../src-main/ipc/settings-file';
import { Workspace } from '../../src-main/store';
import { startFakes, type Fakes } from '../fakes/index';
import type { Seed } from '../fakes/seed';

export const DEMO_SEED_PATH = join(import.meta.dirname, '../../resources/demo/seed.json');
export const DEMO_SNAPSHOT_PATH = join(import.meta.dirname, '../../resources/demo/demo-snapshot.sqlite');

export function loadDemoSeed(): Seed {
  return JSON.parse(readFileSync(DEMO_SEED_PATH, 'utf8')) as Seed;
}

export interface RecordedEvent {
  event: EventName;
  payload: unknown;
}

export interface ServiceHarness {
  seed: Seed;
  fakes: Fakes;
  dir: string;
  workspaceDir: string;
  services: AppServicesHandle;
  secrets: SecretStore;
  server: HandlerServer;
  events: RecordedEvent[];
  logLines: string[];
  /** Every raw HTTP reply body, to scan for secrets. */
  replies: string[];
  invoke<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>>;
  /** Invokes and returns the value, failing the test with the error when the call failed. */
  call<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>>;
  /** Profile settings for the fakes' tenant and Sentry org, with the seed's secrets. */
  profileInput(overrides?: Partial<RequestOf<'connections:save'>>): RequestOf<'connections:save'>;
  waitForEvent(test: (event: RecordedEvent) => boolean, timeoutMs?: number): Promise<RecordedEvent>;
  /** Every file under the harness folder, read as text, for secret scans. */
  allFileContents(): Promise<Array<{ path: string; text: string }>>;
  close(): Promise<void>;
}

export interface ServiceHarnessOptions {
  runner?: TaskRunner;
  demoPath?: string | null;
}

export async function startServiceHarness(options: ServiceHarnessOptions = {}): Promise<ServiceHarness> {
  const seed = loadDemoSeed();
  const fakes = await startFakes(seed);
  const dir = await mkdtemp(join(tmpdir(), 'roster-services-'));
  const workspaceDir = join(dir, 'workspace');
  const events: RecordedEvent[] = [];
  const logLines: string[] = [];
  const replies: string[] = [];
  const line = (level: string) => (message: string, fields?: Record<string, unknown>) => logLines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  const logger: IpcLogger = { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };

  let opened: Promise<Workspace> | null = null;
  const workspace = { dir: workspaceDir, open: () => (opened ??= Workspace.open(workspaceDir)) };
  const secrets = createMemorySecretStore();
  const services = createAppServices({
    workspace,
    profilesFile: join(dir, 'userData', 'connections.json'),
    secrets,
    dialogs: createRequestPathDialogs(),
    runner: options.runner ?? createInProcessTaskRunner(),
    logger,
    demoPath: options.demoPath === undefined ? DEMO_SNAPSHOT_PATH : options.demoPath,
    transport: { extraCaPem: fakes.tls.caPem },
    userName: 'auditor'
  });

  const table = createHandlerTable({
    appInfo: () => ({ name: 'Roster', version: '0.0.0-test', platform: process.platform, workspaceDir, logDir: dir }),
    workspace,
    settings: createJsonSettingsStore(join(dir, 'userData', 'settings.json'), (message) => logLines.push(`warn ${message}`)),
    systemLocale: () => 'en-US',
    services
  });
  let server: HandlerServer | null = null;
  const emit = createEmitter((event, payload) => {
    events.push({ event, payload });
    server?.broadcast(event, payload);
  }, logger);
  const dispatch = createDispatcher(table, { logger, emit });
  server = await startHandlerServer({ dispatch: () => dispatch, staticDir: dir });
  const started = server;

  const invoke = async <C extends Channel>(channel: C, payload: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>> => {
    const response = await fetch(`${started.url}/ipc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ payload })
    });
    const text = await response.text();
    replies.push(text);
    return JSON.parse(text) as IpcResult<ResponseOf<C>>;
  };

  const client = seed.graph.clients[0];
  const app = seed.graph.servicePrincipals[0];
  if (!client?.clientSecret || !app) throw new Error('the demo seed needs a client with a secret and a service principal');

  return {
    seed,
    fakes,
    dir,
    workspaceDir,
    services,
    secrets,
    server: started,
    events,
    logLines,
    replies,
    invoke,
    async call(channel, payload) {
      const result = await invoke(channel, payload);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
      return result.value;
    },
    profileInput(overrides = {}) {
      return {
        name: 'Contoso',
        tenantId: seed.graph.tenantId,
        clientId: client.clientId,
        signInMethod: 'clientSecret',
        appId: app.appId,
        authorityHost: fakes.graph.authorityHost,
        graphUrl: fakes.graph.graphUrl,
        sentryScimUrl: fakes.scim.baseUrl,
        secrets: { clientSecret: client.clientSecret, scimToken: seed.scim.token },
        ...overrides
      };
    },
    async waitForEvent(test, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find(test);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No matching event within ${timeoutMs} ms; got ${events.map((event) => event.event).join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async allFileContents() {
      const files: Array<{ path: string; text: string }> = [];
      const walk = async (folder: string): Promise<void> => {
        for (const name of await readdir(folder)) {
          const path = join(folder, name);
          if ((await stat(path)).isDirectory()) await walk(path);
          else files.push({ path, text: (await readFile(path)).toString('latin1') });
        }
      };
      await walk(dir);
      return files;
    },
    async close() {
      await services.idle();
      await started.close();
      (await opened?.catch(() => null))?.close();
      await fakes.close();
      await rm(dir, { recursive: true, force: true });
    }
  };
}
