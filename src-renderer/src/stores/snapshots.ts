import { createStore, type StoreApi } from 'zustand/vanilla';
import type { IpcError, ResponseOf, SnapshotSummaryDto } from '../../../src-main/ipc/contract';
import type { ApiClient } from '../api/client';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

type OpenFileResult = ResponseOf<'snapshots:openFile'>;
/** A snapshot file opened read-only from outside the workspace (auditor mode), or the bundled demo. */
export type OpenedFile = Extract<OpenFileResult, { opened: true }> & { demo: boolean };

export interface SnapshotsState {
  status: LoadStatus;
  snapshots: SnapshotSummaryDto[];
  workspaceDir: string | null;
  incompleteCount: number;
  error: IpcError | null;
  /** True when the workspace contains no snapshot and the bundled demo can be opened. */
  offerDemo: boolean;
  /** True while main checks whether to offer the demo, so the empty state does not flash first. */
  checkingFirstRun: boolean;
  opened: OpenedFile[];
  /** A failed delete, open or demo request, shown above the list. */
  actionError: IpcError | null;
  busy: boolean;
  load(): Promise<void>;
  remove(id: string): Promise<boolean>;
  /** Opens a file read-only; `path` is undefined in Electron, where main shows the open dialog. Returns the opened file. */
  openFile(path: string | undefined): Promise<OpenedFile | null>;
  openDemo(): Promise<OpenedFile | null>;
}

export type SnapshotsStore = StoreApi<SnapshotsState>;

/** Creates the store for the workspace's snapshots and the files opened beside them. */
export function createSnapshotsStore(api: ApiClient): SnapshotsStore {
  // Counts calls so a slow reply cannot overwrite the result of a later refresh.
  let latestCall = 0;

  return createStore<SnapshotsState>()((set, get) => {
    function remember(result: OpenFileResult, demo: boolean): OpenedFile | null {
      if (!result.opened) return null;
      const file: OpenedFile = { ...result, demo };
      set({ opened: [file, ...get().opened.filter((entry) => entry.path !== file.path)] });
      return file;
    }

    async function checkFirstRun(call: number): Promise<void> {
      const firstRun = await api.invoke('app:firstRun', {});
      if (call !== latestCall) return;
      set({ checkingFirstRun: false, offerDemo: firstRun.ok && firstRun.value.workspaceEmpty && firstRun.value.demoAvailable });
    }

    return {
      status: 'idle',
      snapshots: [],
      workspaceDir: null,
      incompleteCount: 0,
      error: null,
      offerDemo: false,
      checkingFirstRun: false,
      opened: [],
      actionError: null,
      busy: false,

      async load() {
        latestCall += 1;
        const call = latestCall;
        set({ status: 'loading', error: null });

        const result = await api.invoke('snapshots:list', {});
        if (call !== latestCall) return;

        if (!result.ok) {
          set({ status: 'error', error: result.error });
          return;
        }
        set({
          status: 'ready',
          snapshots: result.value.snapshots,
          workspaceDir: result.value.workspaceDir,
          incompleteCount: result.value.incompleteCount,
          offerDemo: false,
          checkingFirstRun: result.value.snapshots.length === 0
        });
        // The list shows at once; the demo offer follows when main confirms the workspace is empty.
        if (result.value.snapshots.length === 0) void checkFirstRun(call);
      },

      async remove(id) {
        set({ busy: true, actionError: null });
        const result = await api.invoke('snapshots:delete', { id });
        set({ busy: false });
        if (!result.ok) {
          set({ actionError: result.error });
          return false;
        }
        set({ snapshots: get().snapshots.filter((snapshot) => snapshot.id !== id) });
        return true;
      },

      async openFile(path) {
        set({ busy: true, actionError: null });
        const result = await api.invoke('snapshots:openFile', path === undefined ? {} : { path });
        set({ busy: false });
        if (!result.ok) {
          set({ actionError: result.error });
          return null;
        }
        return remember(result.value, false);
      },

      async openDemo() {
        set({ busy: true, actionError: null });
        const result = await api.invoke('snapshots:openDemo', {});
        set({ busy: false });
        if (!result.ok) {
          set({ actionError: result.error });
          return null;
        }
        return remember(result.value, true);
      }
    };
  });
}
