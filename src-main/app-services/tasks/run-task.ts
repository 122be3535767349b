/**
 * Runs one task by name. The worker entry and the in-process runner both call `runTask`, so a task
 * behaves the same in tests as in the app, failures included.
 */
import { CaptureCancelledError } from '../../capture/capture';
import type { IpcErrorCode } from '../../ipc/contract';
import type { ConnectionTestFailure } from '../../ipc/schemas/connections';
import { StoreError } from '../../store';
import { mapDomainError } from '../error-mapping';
import { runAuditTask, runDiffTask, runVerifyFileTask, runWhatIfTask } from './analysis-tasks';
import { runCaptureTask } from './capture-task';
import { runExportTask } from './export-task';
import type { TaskFailure, TaskInputs, TaskName, TaskOutputs, TaskProgress } from './types';

export async function runTask<N extends TaskName>(
  name: N,
  input: TaskInputs[N],
  signal: AbortSignal,
  onProgress: (progress: TaskProgress) => void
): Promise<TaskOutputs[N]> {
  // Each branch narrows `name`, and the casts tie the branch's input and output back to `N`.
  switch (name) {
    case 'capture':
      return (await runCaptureTask(input as TaskInputs['capture'], signal, onProgress)) as TaskOutputs[N];
    case 'audit':
      return (await runAuditTask(input as TaskInputs['audit'])) as TaskOutputs[N];
    case 'whatIf':
      return (await runWhatIfTask(input as TaskInputs['whatIf'])) as TaskOutputs[N];
    case 'diff':
      return (await runDiffTask(input as TaskInputs['diff'])) as TaskOutputs[N];
    case 'verifyFile':
      return (await runVerifyFileTask(input as TaskInputs['verifyFile'])) as TaskOutputs[N];
    case 'export':
      return (await runExportTask(input as TaskInputs['export'])) as TaskOutputs[N];
    default:
      throw new Error(`Unknown task "${String(name)}".`);
  }
}

/** Contract codes for the connection failures a capture can meet; the finer reason goes into `details.reason`. */
const CAPTURE_CODES: Partial<Record<ConnectionTestFailure, IpcErrorCode>> = {
  missing_secret: 'missing_secret',
  invalid_settings: 'invalid_connection',
  wrong_secret: 'sign_in_failed',
  sign_in_failed: 'sign_in_failed',
  graph_permission_missing: 'graph_permission_missing',
  scim_unauthorized: 'scim_unauthorized',
  scim_not_enabled: 'scim_unauthorized',
  host_unreachable: 'host_unreachable',
  timeout: 'host_unreachable'
};

/** Turns whatever a task threw into plain data that crosses the worker boundary. */
export function toTaskFailure(name: TaskName, input: unknown, error: unknown, signal: AbortSignal): TaskFailure {
  if (error instanceof CaptureCancelledError || signal.aborted) {
    return { cancelled: true, code: 'internal', message: `The ${name} task was cancelled.`, details: {} };
  }

  if (error instanceof StoreError) {
    const code: IpcErrorCode = name === 'verifyFile' || error.code === 'hash-mismatch' ? 'file_unreadable' : 'workspace_unavailable';
    return { cancelled: false, code, message: error.message, details: { storeCode: error.code, path: error.path } };
  }

  if (name === 'capture') {
    const clientId = (input as TaskInputs['capture']).settings.clientId;
    const mapped = mapDomainError(error, clientId);
    return { cancelled: false, code: CAPTURE_CODES[mapped.code] ?? 'capture_failed', message: mapped.message, details: { ...mapped.details, reason: mapped.code } };
  }
  if (name === 'export') {
    return { cancelled: false, code: 'export_failed', message: `Export failed: ${error instanceof Error ? error.message : String(error)}`, details: { path: (input as TaskInputs['export']).path } };
  }
  return { cancelled: false, code: 'internal', message: `The ${name} task failed: ${error instanceof Error ? error.message : String(error)}`, details: {} };
}
