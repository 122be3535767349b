/**
 * Asks the auditor which exported files or folder to import.
 *
 * Main reads only paths that came from its own open dialog. The page never names a path in Electron:
 * files dropped onto the window arrive as bytes instead (see `import-service.ts`), so a compromised
 * page cannot make main read other files. The HTTP test harness has no dialog and takes the paths from
 * the request.
 */
import { isAbsolute } from 'node:path';
import { IpcHandlerError } from '../ipc/dispatch';

export type ImportPick = 'files' | 'folder';

export interface ImportDialogs {
  /** Returns the chosen absolute paths, or null when the dialog was cancelled. */
  choose(pick: ImportPick, requestedPaths: string[] | undefined): Promise<string[] | null>;
}

/** The part of Electron's `dialog.showOpenDialog` the import uses, so this module does not import Electron. */
export type ShowOpenDialog = (options: {
  properties: Array<'openFile' | 'openDirectory' | 'multiSelections'>;
  filters?: Array<{ name: string; extensions: string[] }>;
}) => Promise<{ canceled: boolean; filePaths: string[] }>;

/** Creates dialogs backed by Electron's open dialog. Paths in the request are ignored. */
export function createElectronImportDialogs(showOpenDialog: ShowOpenDialog): ImportDialogs {
  return {
    async choose(pick) {
      // Windows and Linux cannot offer files and folders in one dialog, hence two kinds of pick.
      const result =
        pick === 'folder'
          ? await showOpenDialog({ properties: ['openDirectory'] })
          : await showOpenDialog({
              properties: ['openFile', 'multiSelections'],
              filters: [
                { name: 'Exports (JSON, CSV, TSV, TXT)', extensions: ['json', 'csv', 'tsv', 'txt'] },
                { name: 'All files', extensions: ['*'] }
              ]
            });
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
    }
  };
}

/**
 * Creates dialogs that take the paths from the request, for the HTTP harness and tests, where no
 * person can answer a dialog. Paths must be absolute, because main has no folder they could be relative to.
 */
export function createRequestImportDialogs(): ImportDialogs {
  return {
    async choose(_pick, requestedPaths) {
      if (requestedPaths === undefined) {
        throw new IpcHandlerError('invalid_request', 'import:preview needs "source.paths" when no file dialog is available: pass absolute paths of files or folders.', { field: 'source.paths' });
      }
      const relative = requestedPaths.find((path) => !isAbsolute(path));
      if (relative !== undefined) {
        throw new IpcHandlerError('invalid_request', `import:preview needs absolute paths; "${relative}" is relative.`, { field: 'source.paths', path: relative });
      }
      return requestedPaths;
    }
  };
}
