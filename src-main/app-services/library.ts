/**
 * Finds snapshots by id for the other services: the workspace's snapshots, plus snapshot files opened
 * read-only in auditor mode (the bundled demo among them). Tasks read them through a `SnapshotSource`.
 */
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { SnapshotId } from '../model/snapshot';
import type { ResponseOf } from '../ipc/contract';
import type { IpcLogger } from '../ipc/dispatch';
import { StoreError, type Workspace } from '../store';
import { serviceError } from './errors';
import type { TaskRunner } from './task-runner';
import { TaskError } from './tasks/types';
import type { SnapshotSource } from './tasks/types';

/** The app's workspace, opened once by main and shared with the snapshot list handlers. */
export interface WorkspaceSource {
  dir: string;
  open(): Promise<Workspace>;
}

interface OpenedFile {
  path: string;
  contentSha256: string;
}

/** Store codes that mean the file could not be read at all, as opposed to a file that failed its checks. */
const UNREADABLE_CODES = new Set(['not-found', 'permission', 'invalid-input']);

export class SnapshotLibrary {
  private readonly opened = new Map<string, OpenedFile>();

  constructor(
    private readonly workspace: WorkspaceSource,
    private readonly runner: TaskRunner,
    /** The bundled demo snapshot file, or null where the build has none. */
    private readonly demoPath: string | null,
    private readonly logger: IpcLogger
  ) {}

  async openWorkspace(): Promise<Workspace> {
    try {
      return await this.workspace.open();
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      throw serviceError('workspace_unavailable', error.message, { storeCode: error.code, workspaceDir: this.workspace.dir });
    }
  }

  /** Returns where to read snapshot `id`, or raises `not_found` naming the id. Workspace snapshots win over opened files. */
  async source(id: string): Promise<SnapshotSource> {
    const workspace = await this.openWorkspace();
    if (workspace.list().some((summary) => summary.id === id)) return { kind: 'workspace', dir: workspace.dir, id };

    const file = this.opened.get(id);
    if (file) return { kind: 'file', path: file.path, contentSha256: file.contentSha256 };
    throw serviceError('not_found', `No snapshot ${id} in workspace ${this.workspace.dir} or among the opened files. Refresh the snapshot list, or open the file again.`, { snapshotId: id });
  }

  isOpenedFile(id: string): boolean {
    return this.opened.has(id);
  }

  /**
   * Opens a snapshot file read-only and verifies every hash in it. A file that fails a check is
   * reported as not verified with the store's reason and is not registered, so no view can show it.
   * Opening a copy of an opened snapshot from another path points its id at the newer path.
   */
  async openFile(path: string): Promise<ResponseOf<'snapshots:openFile'>> {
    const absolute = resolve(path);
    try {
      const { meta } = await this.runner.run('verifyFile', { path: absolute });
      this.opened.set(meta.id, { path: absolute, contentSha256: meta.contentSha256 });
      return { opened: true, path: absolute, verified: true, snapshotId: meta.id, problem: null };
    } catch (error) {
      if (!(error instanceof TaskError)) throw error;
      const storeCode = String(error.failure.details.storeCode ?? '');
      if (storeCode === '' || UNREADABLE_CODES.has(storeCode)) {
        throw serviceError('file_unreadable', error.failure.message, { path: absolute, storeCode: storeCode || null });
      }
      this.logger.warn('opened snapshot file did not verify', { path: absolute, storeCode, message: error.failure.message });
      return { opened: true, path: absolute, verified: false, snapshotId: null, problem: { storeCode, message: error.failure.message } };
    }
  }

  async openDemo(): Promise<ResponseOf<'snapshots:openDemo'>> {
    if (!(await this.demoAvailable()) || this.demoPath === null) {
      throw serviceError('not_found', 'This build of Roster has no demo snapshot (resources/demo/demo-snapshot.sqlite). Reinstall Roster to get it back.', {
        path: this.demoPath
      });
    }
    return this.openFile(this.demoPath);
  }

  async firstRun(): Promise<ResponseOf<'app:firstRun'>> {
    const workspace = await this.openWorkspace();
    return { workspaceEmpty: workspace.list().length === 0, demoAvailable: await this.demoAvailable() };
  }

  /**
   * Deletes a workspace snapshot. An opened file is only closed: auditor mode never changes or
   * deletes a file it was handed.
   */
  async delete(id: string): Promise<ResponseOf<'snapshots:delete'>> {
    const workspace = await this.openWorkspace();
    if (workspace.list().some((summary) => summary.id === id)) {
      try {
        await workspace.deleteSnapshot(id as SnapshotId);
      } catch (error) {
        if (!(error instanceof StoreError)) throw error;
        throw serviceError('workspace_unavailable', error.message, { storeCode: error.code, workspaceDir: this.workspace.dir });
      }
      return { deleted: id };
    }
    if (this.opened.delete(id)) return { deleted: id };
    throw serviceError('not_found', `No snapshot ${id} in workspace ${this.workspace.dir}. Refresh the snapshot list.`, { snapshotId: id });
  }

  private async demoAvailable(): Promise<boolean> {
    if (this.demoPath === null) return false;
    try {
      await access(this.demoPath);
      return true;
    } catch {
      return false;
    }
  }
}
