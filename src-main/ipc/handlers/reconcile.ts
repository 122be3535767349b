/** The reconcile channels; each forwards to `ReconcileService`, where the rules live. */
import type { ReconcileService } from '../../app-services/reconcile-service';
import type { Handler } from '../dispatch';
import { IpcHandlerError } from '../dispatch';

type ReconcileChannel = 'reconcile:plan' | 'reconcile:start' | 'reconcile:pause' | 'reconcile:resume' | 'reconcile:cancel' | 'reconcile:runs' | 'reconcile:run' | 'reconcile:resumeRun';

export function createReconcileHandlers(service: ReconcileService | undefined): { [C in ReconcileChannel]: Handler<C> } {
  const use = (): ReconcileService => {
    if (service) return service;
    throw new IpcHandlerError('internal', 'This build of Roster was started without its reconcile service.');
  };

  return {
    'reconcile:plan': (input) => use().plan(input),
    'reconcile:start': (input, context) => use().start(input, context.emit),
    'reconcile:pause': ({ runId }) => use().pause(runId),
    'reconcile:resume': ({ runId }, context) => use().resume(runId, context.emit),
    'reconcile:cancel': ({ runId }) => use().cancel(runId),
    'reconcile:runs': () => use().runs(),
    'reconcile:run': ({ runId }) => use().run(runId),
    'reconcile:resumeRun': ({ runId, profileId }, context) => use().resumeRun(runId, profileId, context.emit)
  };
}

export type { ReconcileChannel };
