/**
 * The handler table with a real `ImportService` against a temporary workspace, for the import handler
 * tests and the import view in Chromium. Paths come from the request, as in every harness without dialogs.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequestImportDialogs } from '../../src-main/app-services/import-dialogs';
import { ImportService, type ImportReader } from '../../src-main/app-services/import-service';
import type { Channel, IpcResult, RequestOf, ResponseOf } from '../../src-main/ipc/contract';
import { createDispatcher, createEmitter, type Dispatch, type IpcLogger } from '../../src-main/ipc/dispatch';
import { createHandlerTable } from '../../src-main/ipc/handlers';
import { startHandlerServer, type HandlerServer } from '../../src-main/ipc/http-server';
import { createJsonSettingsStore } from '../../src-main/ipc/settings-file';
import { Workspace } from '../../src-main/store';

export const SAMPLES_DIR = join(import.meta.dirname, '../import/samples');
export const RENDERER_DIR = join(import.meta.dirname, '../../out/renderer');
export const SENTRY_URL = 'https://sentry.io/api/0/organizations/contoso/scim/v2';
/** Snapshot time for exports without capture-info.json, so ids and summaries stay the same from run to run. */
export const IMPORT_TIME = new Date('2026-03-02T10:15:00.000Z');

export interface ImportHarness {
  dir: string;
  workspaceDir: string;
  /** The folder the service writes dropped files to; empty again once their preview ended. */
  dropDir: string;
  service: ImportService;
  dispatch: Dispatch;
  logLines: string[];
  invoke<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>>;
  call<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>>;
  /** Ids of the snapshots in the workspace, read from a fresh `Workspace.open`. */
  snapshotIds(): Promise<string[]>;
  /** Serves the built renderer and the table over HTTP, as the Chromium test needs. */
  serve(): Promise<HandlerServer>;
  close(): Promise<void>;
}

export interface ImportHarnessOptions {
  reader?: ImportReader;
  /** Replaces the workspace folder, e.g. with one that cannot be created. */
  workspaceDir?: string;
  systemLocale?: string;
}

export async function startImportHarness(options: ImportHarnessOptions = {}): Promise<ImportHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'roster-import-app-'));
  const workspaceDir = options.workspaceDir ?? join(dir, 'workspace');
  const dropDir = join(dir, 'dropped');
  await import('node:fs/promises').then((fs) => fs.mkdir(dropDir));
  const logLines: string[] = [];
  const logger: IpcLogger = {
    debug: (message) => logLines.push(`debug ${message}`),
    info: (message) => logLines.push(`info ${message}`),
    warn: (message) => logLines.push(`warn ${message}`),
    error: (message) => logLines.push(`error ${message}`)
  };

  let opened: Workspace | null = null;
  const workspace = {
    dir: workspaceDir,
    open: async () => {
      opened ??= await Workspace.open(workspaceDir);
      return opened;
    }
  };
  const service = new ImportService({
    workspace,
    dialogs: createRequestImportDialogs(),
    logger,
    reader: options.reader,
    now: () => IMPORT_TIME,
    tempDir: dropDir
  });
  const table = createHandlerTable({
    appInfo: () => ({ name: 'Roster', version: '0.0.0-test', platform: process.platform, workspaceDir, logDir: dir }),
    workspace,
    settings: createJsonSettingsStore(join(dir, 'settings.json'), (message) => logLines.push(`warn ${message}`)),
    systemLocale: () => options.systemLocale ?? 'en-US',
    imports: service
  });

  let server: HandlerServer | null = null;
  const emit = createEmitter((event, payload) => server?.broadcast(event, payload), logger);
  const dispatch = createDispatcher(table, { logger, emit });

  const invoke = <C extends Channel>(channel: C, payload: RequestOf<C>) => dispatch(channel, payload) as Promise<IpcResult<ResponseOf<C>>>;

  return {
    dir,
    workspaceDir,
    dropDir,
    service,
    dispatch,
    logLines,
    invoke,
    async call(channel, payload) {
      const result = await invoke(channel, payload);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
      return result.value;
    },
    async snapshotIds() {
      const fresh = await Workspace.open(workspaceDir);
      try {
        return fresh.list().map((summary) => summary.id);
      } finally {
        fresh.close();
      }
    },
    async serve() {
      server = await startHandlerServer({ dispatch: () => dispatch, staticDir: RENDERER_DIR });
      return server;
    },
    async close() {
      await server?.close();
      await service.close();
      opened?.close();
      await rm(dir, { recursive: true, force: true });
    }
  };
}

/** Lists the entries of a folder, none when it does not exist. */
export async function listFolder(path: string): Promise<string[]> {
  try {
    return (await readdir(path)).sort();
  } catch {
    return [];
  }
}
