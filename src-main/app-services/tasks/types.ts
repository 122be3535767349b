/**
 * The tasks main hands to a worker thread: their inputs, outputs, progress messages and failures.
 * Everything here survives `postMessage` (structured clone), because the worker and main share no memory.
 */
import type { CaptureProgress } from '../../capture/capture';
import type { NodeTransportOptions } from '../../http/node-transport';
import type { IpcErrorCode } from '../../ipc/contract';
import type { AuditResult, SnapshotDiff, WhatIfResult } from '../../model/audit-result';
import type { SnapshotMeta } from '../../model/snapshot';
import type { PortableSettings } from '../credentials';

/** Location of a snapshot for a task: a workspace entry, or a standalone file whose hash main recorded when opening it. */
export type SnapshotSource =
  | { kind: 'workspace'; dir: string; id: string }
  | { kind: 'file'; path: string; contentSha256: string };

/** An Entra or Sentry object with its captured attributes, for the side-by-side finding view. */
export interface ObjectView {
  type: string;
  id: string;
  attributes: Record<string, string | number | boolean | null>;
}

export interface TaskInputs {
  capture: {
    settings: PortableSettings;
    transport: NodeTransportOptions;
    workspaceDir: string;
    capturedBy: string;
    toolVersion: string;
    /** Clock for the provisioning log window, as an ISO time; absent means now. */
    now?: string;
  };
  audit: { source: SnapshotSource; previous: SnapshotSource | null };
  whatIf: { source: SnapshotSource };
  diff: { from: SnapshotSource; to: SnapshotSource };
  verifyFile: { path: string };
  export: {
    kind: 'workbook' | 'csv' | 'json';
    source: SnapshotSource;
    compare: SnapshotSource | null;
    /** The cached audit of `source`, so the export does not audit again; null audits in the worker. */
    audit: AuditResult | null;
    language: 'en' | 'de';
    path: string;
    runBy: string;
    toolVersion: string;
  };
}

export interface TaskOutputs {
  capture: { snapshotId: string };
  audit: { audit: AuditResult; meta: SnapshotMeta; objects: Record<string, ObjectView> };
  whatIf: WhatIfResult;
  diff: SnapshotDiff;
  verifyFile: { meta: SnapshotMeta };
  export: { path: string; bytes: number; findingCount: number };
}

export type TaskName = keyof TaskInputs;

export type TaskProgress = { type: 'capture'; progress: CaptureProgress } | { type: 'deviceCode'; message: string };

/** A task's failure as plain data; `code` is the contract error code the renderer translates. */
export interface TaskFailure {
  cancelled: boolean;
  code: IpcErrorCode;
  message: string;
  details: Record<string, unknown>;
}

/** The error a task runner raises for a failed or cancelled task, the same in a worker and in-process. */
export class TaskError extends Error {
  constructor(readonly failure: TaskFailure) {
    super(failure.message);
    this.name = 'TaskError';
  }
}
