import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileSystemError } from './errors';
import { isProcessRunning } from './process';

const TEMP_SUFFIX = '.tmp';

/** Returns a temporary path beside `finalPath` that carries our pid, so cleanup can tell live writes from abandoned ones. */
export function tempPathFor(finalPath: string): string {
  return `${finalPath}.${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`;
}

/** Writes `bytes` to `path`, creating it exclusively, and flushes them to disk before returning. */
export async function writeAndSync(path: string, bytes: Uint8Array): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    throw fileSystemError('create', path, error);
  }
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    throw fileSystemError('write', path, error);
  } finally {
    await handle.close();
  }
}

/**
 * Flushes a folder's entries, so a rename inside it survives a power cut. Windows cannot open folders
 * for syncing, and some file systems reject it, so failure here is ignored.
 */
export async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // NOTE: without a folder sync the rename is durable only once the OS flushes the folder itself.
  }
}

/** Renames `from` to `to` and flushes the folder holding `to`. */
export async function renameDurably(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    throw fileSystemError('rename a temporary file to', to, error);
  }
  await syncFolder(dirname(to));
}

/** Writes `bytes` to `finalPath` through a synced temporary file and a rename, so readers never see half a file. */
export async function writeFileAtomic(finalPath: string, bytes: Uint8Array): Promise<void> {
  const temp = tempPathFor(finalPath);
  try {
    await writeAndSync(temp, bytes);
    await renameDurably(temp, finalPath);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export function isTempFileName(name: string): boolean {
  return name.endsWith(TEMP_SUFFIX);
}

/** Returns the pid a temporary file name carries, or null when the name is not one of ours. */
export function tempFileOwner(name: string): number | null {
  const match = /\.(\d+)-[0-9a-f]{8}\.tmp$/.exec(name);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/**
 * Removes temporary files in `folder` left by Roster processes that are no longer running, e.g. after
 * a crash mid-write. Files of running processes are kept because they may still be renamed into place.
 * Returns the removed names.
 */
export async function removeAbandonedTempFiles(folder: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    throw fileSystemError('list', folder, error);
  }

  const removed: string[] = [];
  for (const name of names) {
    const owner = tempFileOwner(name);
    if (owner === null || isProcessRunning(owner)) continue;
    await rm(join(folder, name), { force: true });
    removed.push(basename(name));
  }
  return removed;
}
