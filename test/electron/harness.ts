/**
 * Runs the IPC handler table against a real temporary workspace and serves it, with the built
 * renderer, over HTTP on 127.0.0.1: the browser-side half of "swap only the transport".
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatcher, createEmitter, type Dispatch, type IpcLogger } from '../../src-main/ipc/dispatch';
import { createHandlerTable } from '../../src-main/ipc/handlers';
import { startHandlerServer, type HandlerServer } from '../../src-main/ipc/http-server';
import { createJsonSettingsStore } from '../../src-main/ipc/settings-file';
import { Workspace } from '../../src-main/store';
import { sampleData, sampleMeta } from '../store/fixture';

export const RENDERER_DIR = join(import.meta.dirname, '../../out/renderer');

export interface Harness {
  server: HandlerServer;
  dir: string;
  settingsPath: string;
  dispatch: Dispatch;
  logLines: string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  systemLocale?: string;
  /** Replaces the workspace folder, e.g. with a path that cannot be opened. */
  workspaceDir?: string;
  snapshots?: 'none' | 'two';
}

/** Writes two snapshots: an older live capture with warnings and a newer clean import. */
async function seedWorkspace(workspace: Workspace): Promise<void> {
  await workspace.writeSnapshot({ meta: sampleMeta('2026-01-03T12:00:00.000Z'), data: sampleData() });
  await workspace.writeSnapshot({
    meta: { ...sampleMeta('2026-02-10T08:30:00.000Z'), origin: 'import', warnings: [], unavailable: [] },
    data: sampleData()
  });
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'roster-harness-'));
  const workspaceDir = options.workspaceDir ?? join(dir, 'workspace');
  const settingsPath = join(dir, 'settings.json');
  const logLines: string[] = [];
  const logger: IpcLogger = {
    debug: (message) => logLines.push(`debug ${message}`),
    info: (message) => logLines.push(`info ${message}`),
    warn: (message) => logLines.push(`warn ${message}`),
    error: (message) => logLines.push(`error ${message}`)
  };

  let opened: Workspace | null = null;
  if (options.snapshots === 'two') {
    opened = await Workspace.open(workspaceDir);
    await seedWorkspace(opened);
  }

  const table = createHandlerTable({
    appInfo: () => ({ name: 'Roster', version: '0.0.0-test', platform: process.platform, workspaceDir, logDir: dir }),
    workspace: {
      dir: workspaceDir,
      open: async () => {
        opened ??= await Workspace.open(workspaceDir);
        return opened;
      }
    },
    settings: createJsonSettingsStore(settingsPath, (message) => logLines.push(`warn ${message}`)),
    systemLocale: () => options.systemLocale ?? 'en-US'
  });

  let server: HandlerServer | null = null;
  const emit = createEmitter((event, payload) => server?.broadcast(event, payload), logger);
  const dispatch = createDispatcher(table, { logger, emit });
  server = await startHandlerServer({ dispatch: () => dispatch, staticDir: RENDERER_DIR });
  const started = server;

  return {
    server: started,
    dir,
    settingsPath,
    dispatch,
    logLines,
    async close() {
      await started.close();
      opened?.close();
      await rm(dir, { recursive: true, force: true });
    }
  };
}
