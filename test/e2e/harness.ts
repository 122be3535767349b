/**
 * Serves the built renderer with the full handler table (snapshots, settings and the app services)
 * over HTTP on 127.0.0.1, against a temporary workspace, an in-memory secret store and in-process
 * tasks. File dialogs take their path from the request, which the renderer requests with a prompt.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices, createInProcessTaskRunner, createMemorySecretStore, createRequestPathDialogs } from '../../src-main/app-services';
import { createDispatcher, createEmitter, type IpcLogger } from '../../src-main/ipc/dispatch';
import { createHandlerTable } from '../../src-main/ipc/handlers';
import { startHandlerServer, type HandlerServer } from '../../src-main/ipc/http-server';
import { createJsonSettingsStore } from '../../src-main/ipc/settings-file';
import { Workspace } from '../../src-main/store';
import { RENDERER_DIR } from '../electron/harness';
import { startFakes } from '../fakes';
import { captureIntoWorkspace } from '../fakes/capture';
import { DEMO_SEED } from './connection-form';

const BUNDLED_DEMO = join(import.meta.dirname, '../../resources/demo/demo-snapshot.sqlite');

let demoFile: Promise<string> | null = null;

/**
 * Returns the demo snapshot file: the bundled one when the build has it, else one captured once per
 * test file from the demo seed through the fakes, as `npm run demo` does.
 */
function demoSnapshotFile(): Promise<string> {
  demoFile ??= (async () => {
    if (existsSync(BUNDLED_DEMO)) return BUNDLED_DEMO;
    const dir = await mkdtemp(join(tmpdir(), 'roster-demo-file-'));
    const fakes = await startFakes(DEMO_SEED);
    try {
      await captureIntoWorkspace(fakes, DEMO_SEED, dir);
    } finally {
      await fakes.close();
    }
    const files = (await readdir(join(dir, 'snapshots'))).filter((name) => name.endsWith('.sqlite'));
    if (files.length !== 1) throw new Error(`expected one demo snapshot in ${dir}/snapshots, found ${files.length}`);
    return join(dir, 'snapshots', files[0]!);
  })();
  return demoFile;
}

export interface JourneyHarnessOptions {
  systemLocale?: string;
  /** The fakes' test CA, so the services trust their HTTPS. */
  caPem?: string;
  /** Writes snapshots into the workspace before the app starts. */
  seed?: (workspace: Workspace) => Promise<void>;
}

export interface JourneyHarness {
  url: string;
  /** A temporary folder for the journey's files; removed on close. */
  dir: string;
  workspaceDir: string;
  logLines: string[];
  close(): Promise<void>;
}

export async function startJourneyHarness(options: JourneyHarnessOptions): Promise<JourneyHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'roster-journey-'));
  const workspaceDir = join(dir, 'workspace');
  const logLines: string[] = [];
  const logger: IpcLogger = {
    debug: (message) => logLines.push(`debug ${message}`),
    info: (message) => logLines.push(`info ${message}`),
    warn: (message) => logLines.push(`warn ${message}`),
    error: (message) => logLines.push(`error ${message}`)
  };

  const workspace = await Workspace.open(workspaceDir);
  if (options.seed) await options.seed(workspace);
  const source = { dir: workspaceDir, open: async () => workspace };

  const services = createAppServices({
    workspace: source,
    profilesFile: join(dir, 'connections.json'),
    secrets: createMemorySecretStore(),
    dialogs: createRequestPathDialogs(),
    runner: createInProcessTaskRunner(),
    logger,
    demoPath: await demoSnapshotFile(),
    ...(options.caPem === undefined ? {} : { transport: { extraCaPem: options.caPem } }),
    userName: 'auditor'
  });

  const table = createHandlerTable({
    appInfo: () => ({ name: 'Roster', version: '0.0.0-test', platform: process.platform, workspaceDir, logDir: dir }),
    workspace: source,
    settings: createJsonSettingsStore(join(dir, 'settings.json'), (message) => logLines.push(`warn ${message}`)),
    systemLocale: () => options.systemLocale ?? 'en-US',
    services
  });

  let server: HandlerServer | null = null;
  const emit = createEmitter((event, payload) => server?.broadcast(event, payload), logger);
  const dispatch = createDispatcher(table, { logger, emit });
  server = await startHandlerServer({ dispatch: () => dispatch, staticDir: RENDERER_DIR });
  const started = server;

  return {
    url: started.url,
    dir,
    workspaceDir,
    logLines,
    async close() {
      await services.idle();
      await started.close();
      workspace.close();
      // A settings save from the last language switch can still be landing, so removal retries briefly.
      await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    }
  };
}
