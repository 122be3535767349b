/**
 * Builds the reconcile service from the same connection profiles and secret store the app services
 * use, so the Electron main process needs one call. Secrets are read from the store on each start,
 * so a token saved in Connections later is used by the next run.
 */
import { userInfo } from 'node:os';
import { createNodeTransport, type NodeTransportOptions } from '../http/node-transport';
import type { IpcLogger } from '../ipc/dispatch';
import type { Workspace } from '../store';
import { ConnectionService } from './connections';
import { createProfileStore } from './profile-store';
import { profileChoicesFromConnections, ReconcileService, scimCredentialsFromConnections } from './reconcile-service';
import type { SecretStore } from './secrets';

export interface ReconcileWiringOptions {
  workspace: { dir: string; open(): Promise<Workspace> };
  /** `connections.json` in the app's user data folder, as given to `createAppServices`. */
  profilesFile: string;
  secrets: SecretStore;
  logger: IpcLogger;
  transport?: NodeTransportOptions;
  /** Account recorded with every operation; absent means the operating-system user. */
  runBy?: string;
}

export function createReconcileService(options: ReconcileWiringOptions): ReconcileService {
  const transport = options.transport ?? {};
  const connections = new ConnectionService(createProfileStore(options.profilesFile), options.secrets, () => createNodeTransport(transport), options.logger);
  return new ReconcileService({
    workspace: options.workspace,
    listProfiles: profileChoicesFromConnections(connections),
    scimCredentials: scimCredentialsFromConnections(connections),
    runBy: options.runBy ?? userInfo().username,
    logger: options.logger,
    transport
  });
}
