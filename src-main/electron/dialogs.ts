import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { ExportKind, FileDialogs } from '../app-services';

const EXPORT_FILTERS: Record<ExportKind, { name: string; extensions: string[] }> = {
  workbook: { name: 'Excel workbook', extensions: ['xlsx'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  json: { name: 'JSON', extensions: ['json'] }
};

/**
 * Creates the file dialogs of the app. The path in a request is ignored, so the renderer can only
 * read or write a file the person picked. A cancelled dialog returns null.
 */
export function createElectronDialogs(window: () => BrowserWindow | null): FileDialogs {
  const showOpen = (options: OpenDialogOptions) => {
    const parent = window();
    return parent === null ? dialog.showOpenDialog(options) : dialog.showOpenDialog(parent, options);
  };
  const showSave = (options: SaveDialogOptions) => {
    const parent = window();
    return parent === null ? dialog.showSaveDialog(options) : dialog.showSaveDialog(parent, options);
  };

  return {
    async openSnapshot() {
      const result = await showOpen({
        title: 'Open a Roster snapshot',
        properties: ['openFile'],
        filters: [{ name: 'Roster snapshot', extensions: ['sqlite'] }]
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async saveExport(_requestedPath, defaultName, kind) {
      const result = await showSave({ title: 'Export the audit', defaultPath: defaultName, filters: [EXPORT_FILTERS[kind]] });
      return result.canceled || !result.filePath ? null : result.filePath;
    }
  };
}
