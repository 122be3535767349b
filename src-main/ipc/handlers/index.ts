/**
 * The handler table: one plain function per contract channel, with no Electron in sight.
 *
 * `src-main/electron` wires it to `ipcMain.handle`; tests and the browser harness serve the same table
 * over HTTP. A channel added to the contract without a handler here fails the typecheck.
 */
import type { HandlerTable } from '../dispatch';
import { createAppHandlers, type AppInfo } from './app';
import { createSettingsHandlers, type SettingsStore } from './settings';
import { createSnapshotHandlers, type WorkspaceAccess } from './snapshots';
import { createServiceHandlers } from './services';
import { createReconcileHandlers } from './reconcile';
import type { ReconcileService } from '../../app-services/reconcile-service';
import { createImportHandlers } from './import';
import type { AppServices } from '../../app-services/ports';
import type { ImportService } from '../../app-services/import-service';

export interface HandlerDependencies {
  appInfo: () => AppInfo;
  workspace: WorkspaceAccess;
  settings: SettingsStore;
  systemLocale: () => string;
  /** Connections, capture, audit and export; optional so a harness can serve the snapshot list alone. */
  services?: AppServices;
  /** Reconcile plans and runs; optional like `services`. */
  reconcile?: ReconcileService;
  /** Offline import from exported files; optional for the same reason. */
  imports?: ImportService;
}

export function createHandlerTable(deps: HandlerDependencies): HandlerTable {
  return {
    ...createAppHandlers(deps.appInfo),
    ...createSnapshotHandlers(deps.workspace),
    ...createSettingsHandlers(deps.settings, deps.systemLocale),
    ...createServiceHandlers(deps.services),
    ...createReconcileHandlers(deps.reconcile),
    ...createImportHandlers(deps.imports)
  };
}

export type { AppInfo } from './app';
export type { SettingsStore } from './settings';
export { languageFromLocale } from './settings';
export type { WorkspaceAccess, WorkspacePort } from './snapshots';
