import { randomBytes } from 'node:crypto';
import { link, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { StoreError, fileSystemError, systemErrorCode } from './errors';
import { isProcessRunning } from './process';

export interface LockOptions {
  /** How long to wait for another holder to finish, in milliseconds. */
  timeoutMs: number;
  /** Age in milliseconds after which a lock whose holder cannot be checked (another host, unreadable file) counts as abandoned. */
  staleAfterMs: number;
}

interface LockOwner {
  pid: number;
  host: string;
  acquiredAt: string;
}

const POLL_INTERVAL_MS = 25;

/**
 * Takes the lock file at `path` by creating it exclusively with our pid, waiting while another live
 * holder has it and taking over a lock whose holder has died. Returns the function that releases it.
 * `what` names the locked thing in the busy error.
 */
export async function acquireLock(path: string, what: string, options: LockOptions): Promise<() => Promise<void>> {
  const owner: LockOwner = { pid: process.pid, host: hostname(), acquiredAt: new Date().toISOString() };
  const deadline = Date.now() + options.timeoutMs;

  for (;;) {
    if (await tryCreate(path, owner)) {
      return async () => {
        await rm(path, { force: true });
      };
    }

    const holder = await readHolder(path);
    if (holder !== null && (await isAbandoned(path, holder, options.staleAfterMs))) {
      await removeIfUnchanged(path, holder.raw);
      continue;
    }

    if (Date.now() >= deadline) {
      const who = holder?.owner ? `another Roster process (pid ${holder.owner.pid} on ${holder.owner.host})` : 'another Roster process';
      throw new StoreError('busy', `${what} is busy: ${who} is updating it. Wait for it to finish and try again. If no Roster is running, delete ${path}.`, { path });
    }
    await sleep(POLL_INTERVAL_MS);
  }
}

/**
 * Creates the lock file with its owner already inside: the owner is written to a temporary file that
 * is then hard-linked to `path`, which fails if the lock exists. A process killed half-way thus
 * leaves no empty lock that would look held until it ages out. Where the file system has no hard
 * links, the lock is created exclusively and written afterwards.
 */
async function tryCreate(path: string, owner: LockOwner): Promise<boolean> {
  const temp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, JSON.stringify(owner), { flag: 'wx' });
  } catch (error) {
    throw fileSystemError('create the lock file', temp, error);
  }

  try {
    await link(temp, path);
    return true;
  } catch (error) {
    const code = systemErrorCode(error);
    if (code === 'EEXIST') return false;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') return createExclusively(path, owner);
    throw fileSystemError('create the lock file', path, error);
  } finally {
    await rm(temp, { force: true });
  }
}

async function createExclusively(path: string, owner: LockOwner): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if (systemErrorCode(error) === 'EEXIST') return false;
    throw fileSystemError('create the lock file', path, error);
  }
  try {
    await handle.writeFile(JSON.stringify(owner));
  } finally {
    await handle.close();
  }
  return true;
}

/** Reads the current lock file, or null when it vanished in the meantime. */
async function readHolder(path: string): Promise<{ raw: string; owner: LockOwner | null } | null> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    if (systemErrorCode(error) === 'ENOENT') return null;
    throw fileSystemError('read the lock file', path, error);
  }
  return { raw, owner: parseOwner(raw) };
}

function parseOwner(raw: string): LockOwner | null {
  try {
    const value = JSON.parse(raw) as Partial<LockOwner>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.acquiredAt === 'string') {
      return { pid: value.pid, host: value.host, acquiredAt: value.acquiredAt };
    }
  } catch {
    // Only the fallback without hard links can leave an empty or partial file, when its holder crashed mid-write.
  }
  return null;
}

async function isAbandoned(path: string, holder: { owner: LockOwner | null }, staleAfterMs: number): Promise<boolean> {
  if (holder.owner !== null && holder.owner.host === hostname()) {
    return !isProcessRunning(holder.owner.pid);
  }

  // Another host (a shared folder) or an unreadable owner: only the file's age can tell.
  try {
    const info = await stat(path);
    return Date.now() - info.mtimeMs > staleAfterMs;
  } catch (error) {
    if (systemErrorCode(error) === 'ENOENT') return false;
    throw fileSystemError('check the lock file', path, error);
  }
}

/**
 * Removes an abandoned lock only if it still has the content we judged, so a lock that another process
 * took over in the meantime survives.
 */
async function removeIfUnchanged(path: string, judged: string): Promise<void> {
  // NOTE: a takeover between this read and the rm can still be lost; the window is a few microseconds.
  const current = await readHolder(path);
  if (current !== null && current.raw === judged) await rm(path, { force: true });
}
