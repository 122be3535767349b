import { createStore, type StoreApi } from 'zustand/vanilla';
import { ipcFailure, type IpcError, type RequestOf } from '../../../src-main/ipc/contract';
import type { ImportSummaryDto } from '../../../src-main/ipc/schemas/import';
import type { ApiClient } from '../api/client';

export type ImportStatus = 'idle' | 'reading' | 'ready' | 'saving' | 'saved';

/** A file dropped onto the window: its own name and its bytes, which main receives instead of a path. */
export interface DroppedFile {
  name: string;
  bytes: ArrayBuffer;
}

export interface ImportState {
  status: ImportStatus;
  previewId: string | null;
  summary: ImportSummaryDto | null;
  /** A failed read or save; the summary of an earlier read stays visible beside it. */
  error: IpcError | null;
  /** Whether `error` came from reading the files or from saving the snapshot. */
  failedStep: 'read' | 'save' | null;
  savedId: string | null;
  /** Main shows an open dialog for files or a folder; `paths` only where no dialog exists (the browser harness). */
  pick(pick: 'files' | 'folder', paths: string[] | undefined): Promise<void>;
  drop(files: DroppedFile[]): Promise<void>;
  /** Reads the same files again, e.g. with the SCIM base URL the auditor entered. */
  readAgain(sentryBaseUrl: string): Promise<void>;
  save(): Promise<void>;
  /** Ends the preview in main, so dropped files are removed, and clears the view. */
  discard(): Promise<void>;
  /** Reports a dropped file the browser could not read. */
  failDrop(name: string): void;
}

export type ImportStore = StoreApi<ImportState>;

const initial = { status: 'idle' as const, previewId: null, summary: null, error: null, failedStep: null, savedId: null };

/** Encodes bytes as base64 in chunks, because `String.fromCharCode` takes a limited number of arguments. */
export function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  const chunks: string[] = [];
  for (let start = 0; start < view.length; start += 0x8000) {
    chunks.push(String.fromCharCode(...view.subarray(start, start + 0x8000)));
  }
  return btoa(chunks.join(''));
}

/** Creates the store of the import view. `onSaved` runs after a snapshot was written, e.g. to reload the list. */
export function createImportStore(api: ApiClient, onSaved: (snapshotId: string) => void): ImportStore {
  // Counts reads so the reply of an older read cannot replace a newer one.
  let latestRead = 0;

  return createStore<ImportState>()((set, get) => {
    async function read(request: RequestOf<'import:preview'>): Promise<void> {
      latestRead += 1;
      const call = latestRead;
      const previous = get().previewId;
      set({ status: 'reading', error: null, failedStep: null, savedId: null });

      const result = await api.invoke('import:preview', request);
      if (call !== latestRead) return;
      if (!result.ok) {
        set({ status: get().summary === null ? 'idle' : 'ready', error: result.error, failedStep: 'read' });
        return;
      }
      if (result.value.cancelled) {
        set({ status: get().summary === null ? 'idle' : 'ready' });
        return;
      }
      // A new read replaces the old preview; reading the same files again already replaced it in main.
      if (previous !== null && request.source.kind !== 'again') void api.invoke('import:discard', { previewId: previous });
      set({ status: 'ready', previewId: result.value.previewId, summary: result.value.summary });
    }

    return {
      ...initial,

      pick: (pick, paths) => read({ source: paths === undefined ? { kind: 'pick', pick } : { kind: 'pick', pick, paths } }),

      drop: (files) => read({ source: { kind: 'dropped', files: files.map((file) => ({ name: file.name, contentBase64: toBase64(file.bytes) })) } }),

      async readAgain(sentryBaseUrl) {
        const previewId = get().previewId;
        if (previewId === null) return;
        await read({ source: { kind: 'again', previewId }, sentryBaseUrl });
      },

      async save() {
        const previewId = get().previewId;
        if (previewId === null) return;
        set({ status: 'saving', error: null, failedStep: null });

        const result = await api.invoke('import:commit', { previewId });
        if (!result.ok) {
          set({ status: 'ready', error: result.error, failedStep: 'save' });
          return;
        }
        set({ ...initial, status: 'saved', savedId: result.value.snapshotId });
        onSaved(result.value.snapshotId);
      },

      async discard() {
        const previewId = get().previewId;
        latestRead += 1;
        set({ ...initial });
        if (previewId !== null) await api.invoke('import:discard', { previewId });
      },

      failDrop(name) {
        set({ failedStep: 'read', error: ipcFailure('invalid_request', `The browser could not read the dropped file ${name}.`, { name, reason: 'unreadable_drop' }).error });
      }
    };
  });
}
