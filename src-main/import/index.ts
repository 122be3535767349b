import { userInfo } from 'node:os';
import type { SnapshotData } from '../model/snapshot';
import type { SnapshotMetaInput } from '../store/validate';
import { assemble } from './assemble';
import { Collected, collectFile, listInputFiles } from './collect';
import type { FileReport } from './collect';
import { ImportIncompleteError } from './errors';
import { decodeText } from './text-decode';

export { ImportError, ImportIncompleteError } from './errors';
export { formatImportSummary } from './summary';
export type { FileReport } from './collect';

export interface ImportOptions {
  /** Sentry's SCIM base URL, needed when no capture-info.json names it. */
  sentryBaseUrl?: string;
  /** Clock for the snapshot time when no capture-info.json gives one; tests pass a fixed one. */
  now?: Date;
}

/** The result of reading exported files, shown to the user before anything is written. */
export interface ImportPlan {
  files: FileReport[];
  /** Files in the given folders that are not .json or .csv, and so were not read. */
  skipped: string[];
  /** Parts an audit needs that no file holds, each with what to export; empty when the snapshot can be written. */
  missing: string[];
  warnings: string[];
  /** The snapshot to write, or null while `missing` is not empty. */
  snapshot: { meta: SnapshotMetaInput; data: SnapshotData } | null;
}

/**
 * Reads exported files (folders are expanded to the .json and .csv files in them) and builds the snapshot
 * they describe, without writing anything. A file that is malformed or contradicts another raises
 * `ImportError`; parts that are missing are listed in the plan.
 */
export async function importFiles(paths: string[], options: ImportOptions = {}): Promise<ImportPlan> {
  const { files, skipped } = await listInputFiles(paths);
  const collected = new Collected();
  for (const file of files) await collectFile(file, collected, decodeText);

  const assembly = assemble(collected, { sentryBaseUrl: options.sentryBaseUrl, now: options.now ?? new Date(), capturedBy: userInfo().username });
  return { files: collected.files, skipped, missing: assembly.missing, warnings: assembly.warnings, snapshot: assembly.snapshot };
}

/** Returns the snapshot to pass to `Workspace.writeSnapshot`, or raises `ImportIncompleteError` naming what to export. */
export function buildSnapshotFromImport(plan: ImportPlan): { meta: SnapshotMetaInput; data: SnapshotData } {
  if (plan.snapshot === null || plan.missing.length > 0) throw new ImportIncompleteError(plan.missing);
  return plan.snapshot;
}
