export { Workspace, openSnapshotFile, INDEX_FILE_NAME, LOCK_FILE_NAME, SNAPSHOTS_FOLDER } from './workspace';
export type { SnapshotSummary, WorkspaceIssue, WorkspaceOptions, WriteSnapshotInput } from './workspace';
export { newSnapshotId, isSnapshotId, parseSnapshotId } from './snapshot-id';
export { loadSqlJs } from './sqljs';
export { canonicalJson, contentSha256 } from './canonical';
export { StoreError } from './errors';
export type { StoreErrorCode } from './errors';
