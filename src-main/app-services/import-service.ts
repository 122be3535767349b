/**
 * Offline import in the app: reads exported files into a preview that main keeps, and writes the
 * previewed snapshot only when the auditor confirms.
 *
 * Files come from main's open dialog or as bytes dropped onto the window, never as paths the page
 * names (see `import-dialogs.ts`). Dropped files are written to a private temporary folder under their
 * own names, because the importer reads group ids from file names, and the folder is removed when its
 * preview ends.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, sep } from 'node:path';
import { buildSnapshotFromImport, ImportError, ImportIncompleteError, importFiles, type ImportOptions, type ImportPlan } from '../import';
import type { ResponseOf } from '../ipc/contract';
import { IpcHandlerError, type IpcLogger } from '../ipc/dispatch';
import { MAX_DROPPED_TOTAL_BYTES, type ImportFileProblem, type ImportSource } from '../ipc/schemas/import';
import type { SnapshotMeta } from '../model/snapshot';
import { StoreError } from '../store';
import type { SnapshotMetaInput } from '../store/validate';
import type { SnapshotData } from '../model/snapshot';
import type { ImportDialogs } from './import-dialogs';
import { classifyMissing, summarizeImport } from './import-summary';

/** The part of the store's `Workspace` an import writes to. */
export interface ImportWorkspace {
  dir: string;
  open(): Promise<{ writeSnapshot(input: { meta: SnapshotMetaInput; data: SnapshotData }): Promise<SnapshotMeta> }>;
}

/** Reads exported files into a plan; the app passes `importFiles`, tests may pass one that fails. */
export type ImportReader = (paths: string[], options: ImportOptions) => Promise<ImportPlan>;

export interface ImportServiceOptions {
  workspace: ImportWorkspace;
  dialogs: ImportDialogs;
  logger: IpcLogger;
  reader?: ImportReader;
  /** Clock for the snapshot time of exports without capture-info.json; absent means now. */
  now?: () => Date;
  /** Folder for dropped files; absent means the system's temporary folder. */
  tempDir?: string;
}

interface Preview {
  id: string;
  /** What was read: the picked paths, or the temporary folder holding dropped files. */
  input: { kind: 'paths'; paths: string[] } | { kind: 'dropped'; dir: string };
  plan: ImportPlan;
}

/** Previews kept at once. An auditor looks at one; a few more cover a second window or a quick retry. */
const MAX_PREVIEWS = 4;

export class ImportService {
  private readonly previews = new Map<string, Preview>();
  private readonly reader: ImportReader;

  constructor(private readonly options: ImportServiceOptions) {
    this.reader = options.reader ?? importFiles;
  }

  /** Reads the files and returns their summary under a new preview id. Writes nothing to the workspace. */
  async preview(source: ImportSource, sentryBaseUrl: string | undefined): Promise<ResponseOf<'import:preview'>> {
    const input = await this.resolveInput(source);
    if (input === null) return { cancelled: true };

    const previewId = randomUUID();
    const readOptions: ImportOptions = { sentryBaseUrl, now: this.options.now?.() };
    let plan: ImportPlan;
    try {
      plan = await this.reader(input.kind === 'paths' ? input.paths : [input.dir], readOptions);
    } catch (error) {
      if (input.kind === 'dropped' && source.kind !== 'again') await this.removeFolder(input.dir);
      throw this.toImportError(error, input);
    }

    // A preview read again replaces the old one, which keeps its temporary folder alive.
    if (source.kind === 'again') this.previews.delete(source.previewId);
    this.remember({ id: previewId, input, plan });
    this.options.logger.info('import previewed', { previewId, files: plan.files.length, missing: plan.missing.length, warnings: plan.warnings.length });

    const cleanText = input.kind === 'dropped' ? dropFolder(input.dir) : (text: string) => text;
    return { cancelled: false, previewId, summary: summarizeImport(plan, { dropped: input.kind === 'dropped', cleanText }) };
  }

  /** Writes the previewed snapshot. The preview ends either way, except when parts are missing. */
  async commit(previewId: string): Promise<ResponseOf<'import:commit'>> {
    const preview = this.previews.get(previewId);
    if (preview === undefined) throw previewNotFound(previewId);

    let snapshot;
    try {
      snapshot = buildSnapshotFromImport(preview.plan);
    } catch (error) {
      if (!(error instanceof ImportIncompleteError)) throw error;
      throw new IpcHandlerError('import_incomplete', error.message, { missing: error.missing.map(classifyMissing) });
    }
    if (preview.input.kind === 'dropped') {
      const clean = dropFolder(preview.input.dir);
      snapshot = { ...snapshot, meta: { ...snapshot.meta, warnings: snapshot.meta.warnings.map(clean) } };
    }

    let meta: SnapshotMeta;
    try {
      const workspace = await this.options.workspace.open();
      meta = await workspace.writeSnapshot(snapshot);
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      this.options.logger.error('import commit failed', { previewId, storeCode: error.code, error });
      throw new IpcHandlerError('workspace_unavailable', error.message, { storeCode: error.code, workspaceDir: this.options.workspace.dir });
    }

    await this.discard(previewId);
    this.options.logger.info('import committed', { previewId, snapshotId: meta.id });
    return { snapshotId: meta.id };
  }

  /** Ends a preview without writing, and removes its dropped files. Unknown ids are not an error. */
  async discard(previewId: string): Promise<ResponseOf<'import:discard'>> {
    const preview = this.previews.get(previewId);
    if (preview === undefined) return { discarded: false };
    this.previews.delete(previewId);
    if (preview.input.kind === 'dropped') await this.removeFolder(preview.input.dir);
    return { discarded: true };
  }

  /** Ends every preview, e.g. when the app quits, so no dropped file stays in the temporary folder. */
  async close(): Promise<void> {
    await Promise.all([...this.previews.keys()].map((id) => this.discard(id)));
  }

  private async resolveInput(source: ImportSource): Promise<Preview['input'] | null> {
    if (source.kind === 'again') {
      const earlier = this.previews.get(source.previewId);
      if (earlier === undefined) throw previewNotFound(source.previewId);
      return earlier.input;
    }
    if (source.kind === 'pick') {
      const paths = await this.options.dialogs.choose(source.pick, source.paths);
      return paths === null ? null : { kind: 'paths', paths };
    }

    const totalBytes = source.files.reduce((sum, file) => sum + Math.floor((file.contentBase64.length * 3) / 4), 0);
    if (totalBytes > MAX_DROPPED_TOTAL_BYTES) {
      throw new IpcHandlerError('invalid_request', `The dropped files hold ${totalBytes} bytes, more than the ${MAX_DROPPED_TOTAL_BYTES} one drop may hold. Choose the folder with the file dialog instead.`, {
        field: 'source.files',
        totalBytes
      });
    }
    const names = new Set<string>();
    for (const file of source.files) {
      const key = file.name.toLowerCase();
      if (names.has(key)) throw new IpcHandlerError('invalid_request', `Two dropped files are named ${file.name}. Drop files with distinct names.`, { field: 'source.files', name: file.name });
      names.add(key);
    }
    const dir = await mkdtemp(join(this.options.tempDir ?? tmpdir(), 'roster-import-'));
    try {
      for (const file of source.files) await writeFile(join(dir, file.name), Buffer.from(file.contentBase64, 'base64'), { flag: 'wx' });
    } catch (error) {
      await this.removeFolder(dir);
      throw error;
    }
    return { kind: 'dropped', dir };
  }

  private remember(preview: Preview): void {
    this.previews.set(preview.id, preview);
    while (this.previews.size > MAX_PREVIEWS) {
      const oldest = this.previews.keys().next().value as string;
      void this.discard(oldest);
    }
  }

  private async removeFolder(dir: string): Promise<void> {
    try {
      await rm(dir, { recursive: true, force: true });
    } catch (error) {
      this.options.logger.warn('could not remove the dropped import files', { dir, error });
    }
  }

  /** Turns the importer's `ImportError` into `import_file_invalid`, naming dropped files by their own name. */
  private toImportError(error: unknown, input: Preview['input']): unknown {
    if (!(error instanceof ImportError)) return error;
    if (error.file === '--sentry-url') {
      return new IpcHandlerError('import_sentry_url_invalid', error.message, { problem: error.message.slice('--sentry-url: '.length) });
    }

    const clean = input.kind === 'dropped' ? dropFolder(input.dir) : (text: string) => text;
    const prefix = error.location === null ? `${error.file}: ` : `${error.file}, ${error.location}: `;
    const problem = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    const details: ImportFileProblem = {
      file: input.kind === 'dropped' ? basename(error.file) : error.file,
      location: error.location,
      problem: clean(problem)
    };
    return new IpcHandlerError('import_file_invalid', clean(error.message), details);
  }
}

function previewNotFound(previewId: string): IpcHandlerError {
  return new IpcHandlerError('import_preview_not_found', `No import preview ${previewId}: it was written, discarded or replaced by newer ones. Read the files again.`, { previewId });
}

/** Returns a function that strips the temporary folder from file paths in a text, leaving the dropped file's name. */
function dropFolder(dir: string): (text: string) => string {
  const prefix = `${dir}${sep}`;
  return (text) => text.split(prefix).join('');
}
