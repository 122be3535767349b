import { IpcHandlerError } from '../ipc/dispatch';
import type { IpcErrorCode } from '../ipc/contract';
import { TaskError } from './tasks/types';

/**
 * Creates the error a service raises on purpose. The dispatcher passes its code, English message and
 * details to the renderer, which translates the code, so details must never contain a secret.
 */
export function serviceError(code: IpcErrorCode, message: string, details?: Record<string, unknown>): IpcHandlerError {
  return new IpcHandlerError(code, message, details);
}

/** Passes a task's failure on as the service error it describes; other errors pass unchanged. */
export function fromTaskError(error: unknown): unknown {
  if (!(error instanceof TaskError)) return error;
  return serviceError(error.failure.code, error.failure.message, error.failure.details);
}
