import { systemErrorCode } from './errors';

/** Checks whether a process with this pid exists on this machine, by sending it signal 0. */
export function isProcessRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to another user.
    return systemErrorCode(error) === 'EPERM';
  }
}
