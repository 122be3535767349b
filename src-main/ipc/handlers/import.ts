/**
 * Handlers for offline import: `import:preview`, `import:commit` and `import:discard`.
 *
 * The rules live in `ImportService`; these only forward. Without the service (a harness that serves the
 * snapshot list alone) each channel fails with a plain `internal` error.
 */
import type { ImportService } from '../../app-services/import-service';
import type { Handler } from '../dispatch';
import { IpcHandlerError } from '../dispatch';

export type ImportChannel = 'import:preview' | 'import:commit' | 'import:discard';

export function createImportHandlers(service: ImportService | undefined): { [C in ImportChannel]: Handler<C> } {
  const use = (): ImportService => {
    if (service) return service;
    throw new IpcHandlerError('internal', 'This build of Roster was started without its import service.');
  };

  return {
    'import:preview': ({ source, sentryBaseUrl }) => use().preview(source, sentryBaseUrl),
    'import:commit': ({ previewId }) => use().commit(previewId),
    'import:discard': ({ previewId }) => use().discard(previewId)
  };
}
