import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SnapshotId } from '../model/snapshot';
import { systemErrorCode } from './errors';
import type { IndexEntry } from './index-db';

/** Something that keeps a snapshot from being listed as complete. */
export interface WorkspaceIssue {
  kind: 'missing-file' | 'unreadable-file' | 'size-mismatch' | 'unindexed-file';
  /** The snapshot id, taken from the index row or from the file name. */
  id: SnapshotId | null;
  path: string;
  message: string;
}

const SNAPSHOT_FILE_PATTERN = /^(\d{8}-\d{6}-[0-9a-f]{6})\.sqlite$/;

export function snapshotFileName(id: SnapshotId): string {
  return `${id}.sqlite`;
}

/**
 * Checks an indexed snapshot's file without reading all of it: it must exist, be readable, start with
 * the SQLite header and have the size recorded when it was written. Returns the problem, or null.
 * The full check (content hash) happens when the snapshot is read.
 */
export function checkIndexedFile(snapshotsDir: string, entry: IndexEntry): WorkspaceIssue | null {
  const path = join(snapshotsDir, entry.fileName);
  const id = entry.summary.id;

  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    if (systemErrorCode(error) === 'ENOENT') {
      return { kind: 'missing-file', id, path, message: `Snapshot ${id} is listed in the workspace index, but its file ${path} is missing. Restore the file from a backup, or delete the snapshot.` };
    }
    return unreadable(id, path, error);
  }

  if (size !== entry.fileSize) {
    return { kind: 'size-mismatch', id, path, message: `Snapshot file ${path} has ${size} bytes, but Roster wrote ${entry.fileSize}. The file was changed or replaced. Restore it from a backup, or delete the snapshot.` };
  }

  try {
    const header = Buffer.alloc(16);
    const handle = openSync(path, 'r');
    try {
      readSync(handle, header, 0, 16, 0);
    } finally {
      closeSync(handle);
    }
    if (header.toString('latin1') !== 'SQLite format 3\u0000') {
      return { kind: 'unreadable-file', id, path, message: `Snapshot file ${path} is not a SQLite database any more. Restore it from a backup, or delete the snapshot.` };
    }
  } catch (error) {
    return unreadable(id, path, error);
  }
  return null;
}

function unreadable(id: SnapshotId, path: string, error: unknown): WorkspaceIssue {
  const code = systemErrorCode(error) ?? (error instanceof Error ? error.message : String(error));
  return { kind: 'unreadable-file', id, path, message: `Snapshot file ${path} cannot be read (${code}). Check the file's permissions, or delete the snapshot.` };
}

/** Finds snapshot files in the folder that no index row lists, e.g. after a write failed before indexing. */
export function findUnindexedFiles(snapshotsDir: string, indexed: ReadonlySet<string>): WorkspaceIssue[] {
  const issues: WorkspaceIssue[] = [];
  for (const name of readdirSync(snapshotsDir).sort()) {
    const match = SNAPSHOT_FILE_PATTERN.exec(name);
    if (match === null || indexed.has(name)) continue;

    const path = join(snapshotsDir, name);
    issues.push({
      kind: 'unindexed-file',
      id: (match[1] ?? null) as SnapshotId | null,
      path,
      message: `Snapshot file ${path} is not in the workspace index, so it is not listed: its write did not finish, or the index was replaced. Move the file out of the snapshots folder or delete it.`
    });
  }
  return issues;
}
