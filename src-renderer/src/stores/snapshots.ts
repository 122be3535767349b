import { createStore, type StoreApi } from 'zustand/vanilla';
import type { IpcError, SnapshotSummaryDto } from '../../../src-main/ipc/contract';
import type { ApiClient } from '../api/client';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface SnapshotsState {
  status: LoadStatus;
  snapshots: SnapshotSummaryDto[];
  workspaceDir: string | null;
  incompleteCount: number;
  error: IpcError | null;
  load(): Promise<void>;
}

export type SnapshotsStore = StoreApi<SnapshotsState>;

/** Creates the store for the workspace's snapshot list, loaded through `snapshots:list`. */
export function createSnapshotsStore(api: ApiClient): SnapshotsStore {
  // Counts calls so a slow reply cannot overwrite the result of a later refresh.
  let latestCall = 0;

  return createStore<SnapshotsState>()((set) => ({
    status: 'idle',
    snapshots: [],
    workspaceDir: null,
    incompleteCount: 0,
    error: null,

    async load() {
      latestCall += 1;
      const call = latestCall;
      set({ status: 'loading', error: null });

      const result = await api.invoke('snapshots:list', {});
      if (call !== latestCall) return;

      if (result.ok) {
        set({
          status: 'ready',
          snapshots: result.value.snapshots,
          workspaceDir: result.value.workspaceDir,
          incompleteCount: result.value.incompleteCount
        });
      } else {
        set({ status: 'error', error: result.error });
      }
    }
  }));
}
