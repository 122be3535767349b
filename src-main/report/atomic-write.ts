import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : undefined;
}

async function removeIfPresent(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}

/**
 * Flushes the folder entry of a rename to disk. Windows cannot open a folder as a file, so there the
 * rename alone has to do.
 */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes `data` to `path` through a temporary file in the same folder: write, fsync, then rename over
 * the target. A reader sees either the old file or the complete new one, and a failed export removes
 * its temporary file, so it never leaves a file that looks complete.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const folder = dirname(path);
  const folderStat = await stat(folder).catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT') {
      throw new Error(`Cannot write ${path}: the folder ${folder} does not exist. Create it or choose another folder.`, { cause: error });
    }
    throw new Error(`Cannot write ${path}: the folder ${folder} is not accessible (${errorCode(error) ?? String(error)}). Check its permissions or choose another folder.`, { cause: error });
  });
  if (!folderStat.isDirectory()) {
    throw new Error(`Cannot write ${path}: ${folder} is not a folder. Choose a path inside a folder.`);
  }

  // The leading dot and random suffix keep the temporary file out of the way and unique per attempt.
  const tempPath = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(tempPath, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempPath, path);
  } catch (error) {
    await removeIfPresent(tempPath);
    throw new Error(`Failed to write ${path}: ${error instanceof Error ? error.message : String(error)}. ${path} was not changed.`, { cause: error });
  }

  await syncFolder(folder);
}
