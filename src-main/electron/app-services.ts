/// <reference types="electron-vite/node" />
/**
 * Wires the app services to Electron: the safeStorage secret store, the file dialogs, the worker
 * thread entry and the bundled demo snapshot.
 *
 * electron-vite bundles `worker-entry.ts` as its own chunk for the `?modulePath` import. The demo
 * snapshot sits in `resources/`, electron-vite's public folder for main, so the `?asset` import
 * resolves to that file in place. Both imports become absolute paths at run time.
 * NOTE: an installer must ship `resources/demo/demo-snapshot.sqlite` next to `out/` (no packager config exists yet).
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
