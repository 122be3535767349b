export { Workspace, openSnapshotFile, INDEX_FILE_NAME, LOCK_FILE_NAME, SNAPSHOTS_FOLDER } from './workspace';
export type { SnapshotSummary, WorkspaceIssue, WorkspaceOptions, WriteSnapshotInput } from './workspace';
export { newSnapshotId, isSnapshotId, parseSnapshotId } from './snapshot-id';
export { loadSqlJs } from './sqljs';
export { canonicalJson } from './canonical';
export { contentSha256 } from './content-hash';
export { StoreError } from './errors';
export type { StoreErrorCode } from './errors';
