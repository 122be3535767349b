import { serviceError } from './errors';
import type { FileDialogs } from './ports';

/**
 * Creates dialogs that take the path from the request, for the HTTP harness and tests, where no person
 * can answer a dialog. A request without a path fails with `invalid_request` naming the field.
 */
export function createRequestPathDialogs(): FileDialogs {
  const requirePath = (path: string | undefined, channel: string): string => {
    if (path !== undefined) return path;
    throw serviceError('invalid_request', `${channel} needs "path" when no file dialog is available: pass the file's absolute path.`, { field: 'path' });
  };
  return {
    openSnapshot: async (path) => requirePath(path, 'snapshots:openFile'),
    saveExport: async (path) => requirePath(path, 'export')
  };
}
