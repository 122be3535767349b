/**
 * Builds the services behind the app's IPC channels from plain Node parts. The Electron main process
 * passes the safeStorage secret store, its dialogs and the worker runner; tests pass in-memory and
 * in-process ones.
 */
import { userInfo } from 'node:os';
import type { NodeTransportOptions } from '../http/node-transport';
import { createNodeTransport } from '../http/node-transport';
import type { IpcLogger } from '../ipc/dispatch';
import { TOOL_VERSION } from '../version';
import { AuditService } from './audit-service';
import { CaptureService } from './capture-service';
import { ConnectionService } from './connections';
import { ExportService } from './export-service';
import { SnapshotLibrary, type WorkspaceSource } from './library';
import type { AppServices, FileDialogs } from './ports';
import { createProfileStore } from './profile-store';
import type { SecretStore } from './secrets';
import type { TaskRunner } from './task-runner';

export interface AppServicesOptions {
  workspace: WorkspaceSource;
  /** `connections.json` in the app's user data folder. */
  profilesFile: string;
  secrets: SecretStore;
  dialogs: FileDialogs;
  runner: TaskRunner;
  logger: IpcLogger;
  /** The bundled demo snapshot, or null. */
  demoPath: string | null;
  /** Extra trust for HTTPS, e.g. the fakes' test CA; the app passes none. */
  transport?: NodeTransportOptions;
  /** Operating-system account recorded in snapshots and reports. */
  userName?: string;
  /** Clock for the provisioning log window of captures; absent means now. */
  now?: () => Date;
}

export interface AppServicesHandle extends AppServices {
  /** Waits for running capture jobs to end, e.g. before quitting or at the end of a test. */
  idle(): Promise<void>;
}

export function createAppServices(options: AppServicesOptions): AppServicesHandle {
  const transportOptions = options.transport ?? {};
  const userName = options.userName ?? userInfo().username;
  const library = new SnapshotLibrary(options.workspace, options.runner, options.demoPath, options.logger);
  const connections = new ConnectionService(createProfileStore(options.profilesFile), options.secrets, () => createNodeTransport(transportOptions), options.logger);
  const audits = new AuditService(library, options.runner);
  const captures = new CaptureService({
    connections,
    library,
    runner: options.runner,
    transport: transportOptions,
    capturedBy: userName,
    toolVersion: TOOL_VERSION,
    logger: options.logger,
    now: options.now
  });
  const exports = new ExportService(library, audits, options.runner, options.dialogs, { runBy: userName, toolVersion: TOOL_VERSION });

  return {
    firstRun: () => library.firstRun(),
    listConnections: () => connections.list(),
    saveConnection: (input) => connections.save(input),
    deleteConnection: (id) => connections.delete(id),
    testConnection: (id, emit) => connections.test(id, emit),
    startCapture: (profileId, emit) => captures.start(profileId, emit),
    cancelCapture: (jobId) => captures.cancel(jobId),
    deleteSnapshot: async (id) => {
      const result = await library.delete(id);
      audits.forget(id);
      return result;
    },
    openSnapshotFile: async (requestedPath) => {
      const path = await options.dialogs.openSnapshot(requestedPath);
      return path === null ? { opened: false } : library.openFile(path);
    },
    openDemo: () => library.openDemo(),
    runAudit: (input) => audits.run(input),
    findings: (input) => audits.findings(input),
    finding: async (input) => audits.finding(input),
    teams: (input) => audits.teams(input),
    whatIf: (snapshotId) => audits.whatIf(snapshotId),
    compare: (input) => audits.compare(input),
    exportFile: (kind, input) => exports.export(kind, input),
    idle: () => captures.jobs.idle()
  };
}

export { createMemorySecretStore, createEncryptedFileSecretStore } from './secrets';
export type { SecretStore, SecretCipher } from './secrets';
export { createInProcessTaskRunner, createWorkerTaskRunner } from './task-runner';
export type { TaskRunner } from './task-runner';
export type { AppServices, FileDialogs, ExportKind } from './ports';
export type { WorkspaceSource } from './library';
export { createRequestPathDialogs } from './request-dialogs';
