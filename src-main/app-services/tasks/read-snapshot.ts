import type { Snapshot, SnapshotId } from '../../model/snapshot';
import { openSnapshotFile, StoreError, Workspace } from '../../store';
import type { SnapshotSource } from './types';

/**
 * Reads and verifies a snapshot in the worker. A file opened earlier must still have the content hash
 * it had then, so a file changed after it was shown as verified is rejected rather than audited.
 */
export async function readSnapshot(source: SnapshotSource): Promise<Snapshot> {
  if (source.kind === 'file') {
    const snapshot = await openSnapshotFile(source.path);
    if (snapshot.meta.contentSha256 !== source.contentSha256) {
      throw new StoreError(
        'hash-mismatch',
        `${source.path} changed after it was opened: its content hash is now ${snapshot.meta.contentSha256}, not ${source.contentSha256}. Open the file again.`,
        { path: source.path }
      );
    }
    return snapshot;
  }

  const workspace = await Workspace.open(source.dir);
  try {
    return await workspace.readSnapshot(source.id as SnapshotId);
  } finally {
    workspace.close();
  }
}
