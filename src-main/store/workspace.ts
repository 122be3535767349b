import { readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Database, SqlJsStatic } from 'sql.js';
import type { Snapshot, SnapshotData, SnapshotId, SnapshotMeta } from '../model/snapshot';
import { renameDurably, removeAbandonedTempFiles, tempPathFor, writeAndSync, writeFileAtomic } from './atomic-file';
import { hashContent } from './content-hash';
import { StoreError, fileSystemError, notAFolderError, systemErrorCode } from './errors';
import { compareNewestFirst, deleteIndexEntry, findIndexEntry, insertIndexEntry, readIndexEntries } from './index-db';
import type { IndexEntry, SnapshotSummary } from './index-db';
import { acquireLock } from './lock';
import { latestVersion, migrate, readUserVersion } from './migrations/runner';
import { indexSchema } from './migrations/index';
import { decodeSnapshot } from './snapshot-decode';
import { encodeSnapshot } from './snapshot-encode';
import { newSnapshotId, parseSnapshotId } from './snapshot-id';
import { loadSqlJs } from './sqljs';
import { openSqliteBytes } from './sqlite-file';
import { validateMetaInput, validateSnapshotData } from './validate';
import type { SnapshotMetaInput } from './validate';
import { checkIndexedFile, findUnindexedFiles, snapshotFileName } from './workspace-health';
import type { WorkspaceIssue } from './workspace-health';

export type { SnapshotSummary } from './index-db';
export type { WorkspaceIssue } from './workspace-health';

export const INDEX_FILE_NAME = 'workspace.sqlite';
export const LOCK_FILE_NAME = 'workspace.lock';
export const SNAPSHOTS_FOLDER = 'snapshots';

export interface WorkspaceOptions {
  /** Location of `sql-wasm.wasm`, for the packaged app; see loadSqlJs. */
  wasmPath?: string;
  /** How long a write waits for another process holding the workspace lock, in milliseconds (default 10,000). */
  lockTimeoutMs?: number;
}

export interface WriteSnapshotInput {
  meta: SnapshotMetaInput;
  data: SnapshotData;
  /** Defaults to an id made from `meta.createdAt`. */
  id?: SnapshotId;
  /** Cancels the write; checked before the file is renamed into place, after which the write completes. */
  signal?: AbortSignal;
}

// A lock held this long by a holder Roster cannot check (another host, or an empty lock file) counts as
// abandoned, because an index update takes well under a second.
const STALE_LOCK_MS = 2 * 60_000;

/**
 * A folder of snapshots: `workspace.sqlite` lists them, and `snapshots/<id>.sqlite` stores each one.
 * Only snapshots that are in the index and whose file passes a quick check count as complete.
 * Everything else is reported by `issues()` and never listed.
 */
export class Workspace {
  readonly dir: string;
  private readonly SQL: SqlJsStatic;
  private readonly lockTimeoutMs: number;
  private index: Database;
  private indexStamp: string;
  private closed = false;

  private constructor(dir: string, SQL: SqlJsStatic, index: Database, indexStamp: string, lockTimeoutMs: number) {
    this.dir = dir;
    this.SQL = SQL;
    this.index = index;
    this.indexStamp = indexStamp;
    this.lockTimeoutMs = lockTimeoutMs;
  }

  /** Opens the workspace in `dir`, creating the folder and an empty index when missing, and removes temporary files of crashed writes. */
  static async open(dir: string, options: WorkspaceOptions = {}): Promise<Workspace> {
    const root = resolve(dir);
    const SQL = await loadSqlJs(options.wasmPath === undefined ? {} : { wasmPath: options.wasmPath });
    const lockTimeoutMs = options.lockTimeoutMs ?? 10_000;

    try {
      await mkdir(join(root, SNAPSHOTS_FOLDER), { recursive: true });
    } catch (error) {
      // mkdir reports a file at the last path step as EEXIST, and one at an earlier step as ENOTDIR.
      const snapshotsDir = join(root, SNAPSHOTS_FOLDER);
      if (systemErrorCode(error) === 'EEXIST') throw notAFolderError('create the workspace folder', snapshotsDir, error);
      throw fileSystemError('create the workspace folder', snapshotsDir, error);
    }
    await removeAbandonedTempFiles(root);
    await removeAbandonedTempFiles(join(root, SNAPSHOTS_FOLDER));

    const indexPath = join(root, INDEX_FILE_NAME);
    if (!(await exists(indexPath))) {
      await withLock(root, lockTimeoutMs, async () => {
        if (await exists(indexPath)) return;
        const fresh = new SQL.Database();
        try {
          migrate(fresh, indexSchema, indexPath);
          await writeFileAtomic(indexPath, fresh.export());
        } finally {
          fresh.close();
        }
      });
    }

    const loaded = loadIndex(SQL, indexPath);
    const workspace = new Workspace(root, SQL, loaded.db, loaded.stamp, lockTimeoutMs);
    if (loaded.storedVersion < latestVersion(indexSchema)) {
      // Persist the in-memory upgrade so other processes see the new schema too.
      await workspace.updateIndex(() => undefined);
    }
    return workspace;
  }

  /** Lists the complete snapshots, newest first. */
  list(): SnapshotSummary[] {
    return this.completeEntries().map((entry) => entry.summary);
  }

  /** Finds what keeps snapshots from being listed: index rows without a good file, and files without an index row. */
  issues(): WorkspaceIssue[] {
    const entries = this.entries();
    const problems = entries.map((entry) => checkIndexedFile(this.snapshotsDir, entry)).filter((issue) => issue !== null);
    return [...problems, ...findUnindexedFiles(this.snapshotsDir, new Set(entries.map((entry) => entry.fileName)))];
  }

  /** Turns 'latest' or a snapshot id into the id of a complete snapshot, or throws an error that explains how to find one. */
  resolveId(ref: string): SnapshotId {
    const complete = this.completeEntries();
    if (ref !== 'latest') {
      const found = complete.find((entry) => entry.summary.id === ref);
      if (found !== undefined) return found.summary.id;

      const issue = this.issues().find((candidate) => candidate.id === ref);
      if (issue !== undefined) throw new StoreError('not-found', issue.message, { path: issue.path });
    }

    const newest = complete[0];
    if (newest === undefined) {
      const listed = this.entries().length > 0 ? ' Run `roster snapshots` to see why the snapshots it lists are incomplete.' : '';
      throw new StoreError('empty-workspace', `Workspace ${this.dir} has no complete snapshots. Run \`roster fetch\` to capture one.${listed}`, { path: this.dir });
    }
    if (ref === 'latest') return newest.summary.id;
    throw new StoreError('not-found', `No snapshot '${ref}' in workspace ${this.dir}. Run \`roster snapshots\` to see the ids, or use 'latest'.`, { path: this.dir });
  }

  /** Reads a listed snapshot and verifies it: content and metadata hashes, and that it is the file the index recorded. */
  async readSnapshot(id: SnapshotId): Promise<Snapshot> {
    const entry = this.requireEntry(id);
    const path = join(this.snapshotsDir, entry.fileName);
    const snapshot = await readVerifiedFile(this.SQL, path);

    if (snapshot.meta.id !== id || snapshot.meta.contentSha256 !== entry.summary.contentSha256) {
      throw new StoreError(
        'hash-mismatch',
        `${path} is not the snapshot the workspace index recorded: expected id ${id} with content hash ${entry.summary.contentSha256}, found id ${snapshot.meta.id} with ${snapshot.meta.contentSha256}. Restore the file from a backup, or delete the snapshot.`,
        { path }
      );
    }
    return snapshot;
  }

  /**
   * Writes a new snapshot file and lists it in the index. The file is written under a temporary name,
   * synced and renamed; the index is updated after the rename. An existing snapshot is never replaced.
   */
  async writeSnapshot(input: WriteSnapshotInput): Promise<SnapshotMeta> {
    this.assertOpen();
    validateMetaInput(input.meta);
    validateSnapshotData(input.data);

    const id = input.id === undefined ? newSnapshotId(new Date(input.meta.createdAt)) : parseSnapshotId(input.id);
    const content = hashContent(input.data);
    const meta = buildMeta(id, input.meta, content.sha256);
    const fileName = snapshotFileName(id);
    const finalPath = join(this.snapshotsDir, fileName);
    const bytes = encodeSnapshot(this.SQL, meta, input.data, finalPath, content.jsonLength);

    const tempPath = tempPathFor(finalPath);
    let renamed = false;
    try {
      await writeAndSync(tempPath, bytes);
      input.signal?.throwIfAborted();

      await this.updateIndex(async (index) => {
        if (findIndexEntry(index, id) !== null || (await exists(finalPath))) {
          throw new StoreError('exists', `Snapshot ${id} already exists in ${this.dir}, and snapshots are never replaced. Omit the id to get a new one.`, { path: finalPath });
        }
        await renameDurably(tempPath, finalPath);
        renamed = true;
        insertIndexEntry(index, meta, input.data, fileName, bytes.byteLength);
      });
    } catch (error) {
      await rm(tempPath, { force: true });
      // The file was renamed but never indexed, so it is not a complete snapshot: take it back.
      if (renamed) await rm(finalPath, { force: true });
      throw error;
    }
    return meta;
  }

  /** Removes a snapshot from the index, then deletes its file. */
  async deleteSnapshot(id: SnapshotId): Promise<void> {
    this.assertOpen();
    let fileName = '';
    await this.updateIndex((index) => {
      const entry = findIndexEntry(index, id);
      if (entry === null) {
        throw new StoreError('not-found', `Cannot delete snapshot '${id}': it is not in workspace ${this.dir}. Run \`roster snapshots\` to see the ids.`, { path: this.dir });
      }
      fileName = entry.fileName;
      deleteIndexEntry(index, id);
    });

    const path = join(this.snapshotsDir, fileName);
    try {
      await rm(path, { force: true });
    } catch (error) {
      // NOTE: the index no longer lists it, so issues() reports the file as unindexed until it is removed by hand.
      throw fileSystemError('delete', path, error);
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.index.close();
  }

  private get snapshotsDir(): string {
    return join(this.dir, SNAPSHOTS_FOLDER);
  }

  private get indexPath(): string {
    return join(this.dir, INDEX_FILE_NAME);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`Workspace ${this.dir} is closed. Open it again with Workspace.open.`);
  }

  /** Index rows as another process may have left them: the index is reloaded when its file changed. */
  private entries(): IndexEntry[] {
    this.assertOpen();
    const stamp = fileStamp(this.indexPath);
    if (stamp !== this.indexStamp) {
      const loaded = loadIndex(this.SQL, this.indexPath);
      this.index.close();
      this.index = loaded.db;
      this.indexStamp = loaded.stamp;
    }
    return readIndexEntries(this.index);
  }

  private completeEntries(): IndexEntry[] {
    return this.entries()
      .filter((entry) => checkIndexedFile(this.snapshotsDir, entry) === null)
      .sort((a, b) => compareNewestFirst(a.summary, b.summary));
  }

  private requireEntry(id: SnapshotId): IndexEntry {
    const entry = this.entries().find((candidate) => candidate.summary.id === id);
    if (entry === undefined) {
      throw new StoreError('not-found', `No snapshot '${id}' in workspace ${this.dir}. Run \`roster snapshots\` to see the ids.`, { path: this.dir });
    }
    return entry;
  }

  /**
   * Applies `change` to the index under the workspace lock: reload from disk so other processes'
   * changes are kept, change, then replace the file through a temporary file and a rename.
   */
  private async updateIndex(change: (index: Database) => void | Promise<void>): Promise<void> {
    this.assertOpen();
    await withLock(this.dir, this.lockTimeoutMs, async () => {
      const loaded = loadIndex(this.SQL, this.indexPath);
      try {
        await change(loaded.db);
        await writeFileAtomic(this.indexPath, loaded.db.export());
      } catch (error) {
        loaded.db.close();
        throw error;
      }
      this.index.close();
      this.index = loaded.db;
      this.indexStamp = fileStamp(this.indexPath);
    });
  }
}

/** Reads a standalone snapshot file, e.g. one handed to an auditor, and verifies it. The file is not changed. */
export async function openSnapshotFile(path: string, options: { wasmPath?: string } = {}): Promise<Snapshot> {
  const SQL = await loadSqlJs(options);
  return readVerifiedFile(SQL, resolve(path));
}

async function readVerifiedFile(SQL: SqlJsStatic, path: string): Promise<Snapshot> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw fileSystemError('read the snapshot file', path, error);
  }
  return decodeSnapshot(SQL, bytes, path);
}

function buildMeta(id: SnapshotId, input: SnapshotMetaInput, sha256: string): SnapshotMeta {
  // Copy field by field so stray properties never reach the metadata hash, which covers exactly what the file stores.
  return {
    id,
    createdAt: input.createdAt,
    origin: input.origin,
    toolVersion: input.toolVersion,
    capturedBy: input.capturedBy,
    tenantId: input.tenantId,
    appId: input.appId,
    servicePrincipalId: input.servicePrincipalId,
    appDisplayName: input.appDisplayName,
    sentryOrg: input.sentryOrg,
    sentryBaseUrl: input.sentryBaseUrl,
    population: input.population,
    sources: input.sources.map((record) => ({ ...record })),
    warnings: [...input.warnings],
    unavailable: input.unavailable.map((item) => ({ source: item.source, reason: item.reason, missingPermission: item.missingPermission })),
    contentSha256: sha256
  };
}

function loadIndex(SQL: SqlJsStatic, path: string): { db: Database; stamp: string; storedVersion: number } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw fileSystemError('read the workspace index', path, error);
  }

  const db = openSqliteBytes(SQL, bytes, path);
  try {
    const storedVersion = readUserVersion(db);
    migrate(db, indexSchema, path);
    return { db, stamp: fileStamp(path), storedVersion };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Identifies one version of a file; every index write renames a new file into place, so the inode changes. */
function fileStamp(path: string): string {
  try {
    const info = statSync(path);
    return `${info.ino}:${info.size}:${info.mtimeMs}`;
  } catch (error) {
    throw fileSystemError('read the workspace index', path, error);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (systemErrorCode(error) === 'ENOENT') return false;
    throw fileSystemError('check', path, error);
  }
}

async function withLock<T>(dir: string, timeoutMs: number, work: () => Promise<T>): Promise<T> {
  const release = await acquireLock(join(dir, LOCK_FILE_NAME), `Workspace ${dir}`, { timeoutMs, staleAfterMs: STALE_LOCK_MS });
  try {
    return await work();
  } finally {
    await release();
  }
}
