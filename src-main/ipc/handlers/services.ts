import type { AppServices } from '../../app-services/ports';
import type { Channel } from '../contract';
import type { Handler } from '../dispatch';
import { IpcHandlerError } from '../dispatch';
import type { ImportChannel } from './import';
import type { ReconcileChannel } from './reconcile';

type ServiceChannel = Exclude<Channel, 'app:info' | 'log:write' | 'snapshots:list' | 'snapshots:get' | 'settings:getLanguage' | 'settings:setLanguage' | ImportChannel | ReconcileChannel>;

/** Maps the service channels onto `AppServices`; each handler only forwards, so the rules live in the services. */
export function createServiceHandlers(services: AppServices | undefined): { [C in ServiceChannel]: Handler<C> } {
  // Without services (e.g. a renderer harness that only needs the snapshot list) each channel fails with an `internal` error naming them.
  const use = (): AppServices => {
    if (services) return services;
    throw new IpcHandlerError('internal', 'This build of Roster was started without its connection, capture and audit services.');
  };

  return {
    'app:firstRun': () => use().firstRun(),
    'connections:list': () => use().listConnections(),
    'connections:save': (input) => use().saveConnection(input),
    'connections:delete': ({ id }) => use().deleteConnection(id),
    'connections:test': ({ id }, context) => use().testConnection(id, context.emit),
    'snapshots:capture:start': ({ profileId }, context) => use().startCapture(profileId, context.emit),
    'snapshots:capture:cancel': ({ jobId }) => use().cancelCapture(jobId),
    'snapshots:delete': ({ id }) => use().deleteSnapshot(id),
    'snapshots:openFile': ({ path }) => use().openSnapshotFile(path),
    'snapshots:openDemo': () => use().openDemo(),
    'audit:run': (input) => use().runAudit(input),
    'audit:findings': (input) => use().findings(input),
    'audit:finding': (input) => use().finding(input),
    'audit:teams': (input) => use().teams(input),
    'audit:whatif': ({ snapshotId }) => use().whatIf(snapshotId),
    'drift:compare': (input) => use().compare(input),
    'export:workbook': (input) => use().exportFile('workbook', input),
    'export:csv': (input) => use().exportFile('csv', input),
    'export:json': (input) => use().exportFile('json', input)
  };
}

