/**
 * The services behind the app's IPC channels, as the handlers see them.
 *
 * `createAppServices` in `./index.ts` builds them from plain Node parts (a workspace folder, a
 * secret store, dialogs, a task runner), so tests drive the same code the Electron app runs.
 */
import type { EventName, EventPayloadOf, ParsedRequestOf, ResponseOf } from '../ipc/contract';

export type Emit = <E extends EventName>(event: E, payload: EventPayloadOf<E>) => void;

/** Asks the person for a file. Electron shows its dialogs; the HTTP harness and tests take the path from the request. */
export interface FileDialogs {
  /** Returns the chosen path, or null when the dialog was cancelled. */
  openSnapshot(requestedPath: string | undefined): Promise<string | null>;
  /** `defaultName` is a file name such as `roster-2026-12-04.xlsx`; returns null when cancelled. */
  saveExport(requestedPath: string | undefined, defaultName: string, kind: ExportKind): Promise<string | null>;
}

export type ExportKind = 'workbook' | 'csv' | 'json';

export interface AppServices {
  firstRun(): Promise<ResponseOf<'app:firstRun'>>;

  listConnections(): Promise<ResponseOf<'connections:list'>>;
  saveConnection(input: ParsedRequestOf<'connections:save'>): Promise<ResponseOf<'connections:save'>>;
  deleteConnection(id: string): Promise<ResponseOf<'connections:delete'>>;
  testConnection(id: string, emit: Emit): Promise<ResponseOf<'connections:test'>>;

  startCapture(profileId: string, emit: Emit): Promise<ResponseOf<'snapshots:capture:start'>>;
  cancelCapture(jobId: string): ResponseOf<'snapshots:capture:cancel'>;
  deleteSnapshot(id: string): Promise<ResponseOf<'snapshots:delete'>>;
  openSnapshotFile(requestedPath: string | undefined): Promise<ResponseOf<'snapshots:openFile'>>;
  openDemo(): Promise<ResponseOf<'snapshots:openDemo'>>;

  runAudit(input: ParsedRequestOf<'audit:run'>): Promise<ResponseOf<'audit:run'>>;
  findings(input: ParsedRequestOf<'audit:findings'>): ResponseOf<'audit:findings'>;
  finding(input: ParsedRequestOf<'audit:finding'>): Promise<ResponseOf<'audit:finding'>>;
  teams(input: ParsedRequestOf<'audit:teams'>): ResponseOf<'audit:teams'>;
  whatIf(snapshotId: string): Promise<ResponseOf<'audit:whatif'>>;
  compare(input: ParsedRequestOf<'drift:compare'>): Promise<ResponseOf<'drift:compare'>>;

  exportFile(kind: ExportKind, input: ParsedRequestOf<'export:workbook'>): Promise<ResponseOf<'export:workbook'>>;
}
