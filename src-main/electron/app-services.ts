/// <reference types="electron-vite/node" />
/**
 * Wires the app services to Electron: the safeStorage secret store, the file dialogs, the worker
 * thread entry and the bundled demo snapshot.
 *
 * electron-vite bundles `worker-entry.ts` as its own chunk for the `?modulePath` import and copies
 * the demo snapshot into the build for the `?asset` import; both imports resolve to absolute paths.
 */
import { app, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createAppServices, createWorkerTaskRunner, type AppServicesHandle, type WorkspaceSource } from '../app-services';
import workerEntryPath from '../app-services/worker-entry?modulePath';
import demoSnapshotPath from '../../resources/demo/demo-snapshot.sqlite?asset';
import { createElectronDialogs } from './dialogs';
import type { Logger } from './log/logger';
import { createSafeStorageSecretStore } from './safe-storage';

export function createElectronAppServices(options: { workspace: WorkspaceSource; logger: Logger; window: () => BrowserWindow | null }): AppServicesHandle {
  const userData = app.getPath('userData');
  return createAppServices({
    workspace: options.workspace,
    profilesFile: join(userData, 'connections.json'),
    secrets: createSafeStorageSecretStore(userData),
    dialogs: createElectronDialogs(options.window),
    runner: createWorkerTaskRunner({ entry: workerEntryPath }),
    logger: options.logger,
    demoPath: demoSnapshotPath
  });
}
