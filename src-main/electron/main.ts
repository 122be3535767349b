/// <reference types="electron-vite/node" />
/**
 * The Electron main process entry: single-instance lock, logging, IPC wiring and the window.
 *
 * Domain work happens in the handler table (`src-main/ipc/handlers`), and this file only connects it
 * to Electron.
 */
import { app, BrowserWindow, dialog } from 'electron';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createElectronImportDialogs } from '../app-services/import-dialogs';
import { ImportService } from '../app-services/import-service';
import { createReconcileService } from '../app-services/reconcile-wiring';
import { createWorkerImportReader } from '../app-services/import-worker';
import importWorkerPath from '../app-services/import-worker-entry?modulePath';
import { createDispatcher, createEmitter } from '../ipc/dispatch';
import { createHandlerTable, type WorkspaceAccess } from '../ipc/handlers';
import type { TrustedPage } from '../ipc/sender';
import { createJsonSettingsStore } from '../ipc/settings-file';
import { Workspace } from '../store';
import { createElectronAppServices } from './app-services';
import { createSafeStorageSecretStore } from './safe-storage';
import { DEV_SERVER_CSP, RENDERER_CSP_HEADER } from './csp';
import { broadcastEvent, registerIpcHandlers } from './ipc-main';
import { createFileSink, createLogger, type Logger } from './log/logger';
import { createMainWindow, hardenSession, hardenWebContents, type RendererSource } from './window';

const outMainDir = dirname(fileURLToPath(import.meta.url));

function rendererSource(): RendererSource {
  const devServerUrl = process.env.ELECTRON_RENDERER_URL;
  if (!app.isPackaged && devServerUrl) {
    return { kind: 'dev-server', url: devServerUrl };
  }
  return { kind: 'file', indexPath: join(outMainDir, '../renderer/index.html') };
}

function trustedPage(source: RendererSource): TrustedPage {
  return source.kind === 'file' ? { kind: 'file', indexPath: source.indexPath } : { kind: 'dev-server', origin: source.url };
}

/**
 * The `sql-wasm.wasm` that belongs to the installed sql.js.
 *
 * electron-vite keeps `dependencies` (sql.js among them) external to the main bundle, so sql.js's
 * JavaScript loads from node_modules at run time. The wasm is resolved from the same package instead of
 * being copied into `out/main`, which keeps the JavaScript and the wasm at the same version.
 */
function sqlWasmPath(): string {
  return createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
}

/** Opens the workspace once and reuses it. A failed open is retried on the next request. */
function workspaceAccess(dir: string, logger: Logger): WorkspaceAccess & { open(): Promise<Workspace>; close(): Promise<void> } {
  let opening: Promise<Workspace> | null = null;

  const open = (): Promise<Workspace> => {
    opening ??= Workspace.open(dir, { wasmPath: sqlWasmPath() }).catch((error: unknown) => {
      logger.error('failed to open the workspace', { dir, error });
      opening = null;
      throw error;
    });
    return opening;
  };

  const close = async (): Promise<void> => {
    const current = opening;
    opening = null;
    if (current !== null) (await current.catch(() => null))?.close();
  };

  return { dir, open, close };
}

function start(): void {
  const { sink, filePath: logFile } = createFileSink(join(app.getPath('userData'), 'logs'), { mirrorToStderr: !app.isPackaged });
  const logger = createLogger({ sink, minLevel: app.isPackaged ? 'info' : 'debug' });
  const ipcLogger = logger.child('ipc');

  const workspaceDir = process.env.ROSTER_WORKSPACE?.trim() || join(app.getPath('userData'), 'workspace');
  const workspace = workspaceAccess(workspaceDir, logger.child('workspace'));
  const source = rendererSource();
  logger.info('starting', { version: app.getVersion(), workspaceDir, logFile, renderer: source.kind });

  let mainWindow: BrowserWindow | null = null;
  // Import reads only what this dialog returns; dropped files arrive as bytes (see import-dialogs.ts).
  const imports = new ImportService({
    workspace,
    dialogs: createElectronImportDialogs((options) => (mainWindow === null ? dialog.showOpenDialog(options) : dialog.showOpenDialog(mainWindow, options))),
    logger: logger.child('import'),
    reader: createWorkerImportReader(importWorkerPath)
  });

  // The SCIM token comes from the connection profile's safeStorage secret and is never sent to the renderer.
  const reconcile = createReconcileService({
    workspace,
    profilesFile: join(app.getPath('userData'), 'connections.json'),
    secrets: createSafeStorageSecretStore(app.getPath('userData')),
    logger: logger.child('reconcile')
  });

  const table = createHandlerTable({
    appInfo: () => ({
      name: 'Roster',
      version: app.getVersion(),
      platform: process.platform,
      workspaceDir,
      logDir: dirname(logFile)
    }),
    workspace,
    settings: createJsonSettingsStore(join(app.getPath('userData'), 'settings.json'), (message) => logger.warn(message)),
    systemLocale: () => app.getPreferredSystemLanguages()[0] ?? app.getLocale(),
    imports,
    reconcile,
    services: createElectronAppServices({ workspace, logger: logger.child('services'), window: () => mainWindow })
  });
  const emit = createEmitter((event, payload) => broadcastEvent(() => BrowserWindow.getAllWindows(), event, payload), ipcLogger);
  const dispatch = createDispatcher(table, { logger: ipcLogger, emit });
  registerIpcHandlers(
    dispatch,
    () => (mainWindow === null || mainWindow.isDestroyed() ? [] : [{ webContentsId: mainWindow.webContents.id, page: trustedPage(source) }]),
    ipcLogger
  );

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, logger.child('window')));

  const openWindow = (): void => {
    mainWindow = createMainWindow({ preloadPath: join(outMainDir, '../preload/preload.cjs'), source, logger: logger.child('window') });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', () => {
    logger.info('quitting');
    void workspace.close();
    void imports.close();
  });

  app
    .whenReady()
    .then(() => {
      hardenSession(logger.child('session'), source.kind === 'dev-server' ? DEV_SERVER_CSP : RENDERER_CSP_HEADER);
      openWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openWindow();
      });
    })
    .catch((error: unknown) => {
      logger.error('failed to start', { error });
      app.quit();
    });
}

// Every renderer runs sandboxed, including any window a later feature adds.
app.enableSandbox();

// Tests and side-by-side installs point the profile (settings, logs, default workspace) elsewhere.
// It must be set before anything reads userData, including the single-instance lock.
const userDataOverride = process.env.ROSTER_USER_DATA_DIR?.trim();
if (userDataOverride) {
  app.setPath('userData', userDataOverride);
}

// A second launch hands over to the running instance (which focuses its window) and exits.
if (app.requestSingleInstanceLock()) {
  start();
} else {
  app.quit();
}
