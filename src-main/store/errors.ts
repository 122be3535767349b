/** Category of a store failure, so the CLI and the UI can pick a message or an exit code without parsing text. */
export type StoreErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'exists'
  | 'empty-workspace'
  | 'corrupt'
  | 'truncated'
  | 'foreign-file'
  | 'too-new'
  | 'hash-mismatch'
  | 'busy'
  | 'permission';

/** An error from the snapshot store whose message names the file or value and what to do next. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  /** The file or folder the error is about, when there is one. */
  readonly path: string | null;

  constructor(code: StoreErrorCode, message: string, options: { path?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StoreError';
    this.code = code;
    this.path = options.path ?? null;
  }
}

/** Node's `code` for a failed system call, e.g. `ENOENT`, or null for other errors. */
export function systemErrorCode(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return null;
}

/**
 * Wraps a failed file-system call in a StoreError that names the path, turning permission errors into
 * advice. Other errors keep their system message.
 */
export function fileSystemError(action: string, path: string, error: unknown): StoreError {
  const code = systemErrorCode(error);
  if (code === 'EACCES' || code === 'EPERM') {
    return new StoreError('permission', `Cannot ${action} ${path}: permission denied. Choose a workspace folder you can write to, or fix the folder's permissions.`, { path, cause: error });
  }
  if (code === 'ENOTDIR') return notAFolderError(action, path, error);
  if (code === 'ENOENT') {
    return new StoreError('not-found', `Cannot ${action} ${path}: it does not exist.`, { path, cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new StoreError('corrupt', `Cannot ${action} ${path}: ${detail}`, { path, cause: error });
}

/** Reports that a path step that must be a folder is a file. */
export function notAFolderError(action: string, path: string, cause: unknown): StoreError {
  return new StoreError('invalid-input', `Cannot ${action} ${path}: a file is in the way where a folder is expected. Choose another workspace folder, or move the file.`, { path, cause });
}
