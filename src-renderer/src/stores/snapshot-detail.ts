import { createStore, type StoreApi } from 'zustand/vanilla';
import type { IpcError, SnapshotDetailDto } from '../../../src-main/ipc/contract';
import type { ApiClient } from '../api/client';
import type { LoadStatus } from './snapshots';

export interface SnapshotDetailState {
  /** The snapshot whose details are shown, or null when none is open. */
  selectedId: string | null;
  status: LoadStatus;
  detail: SnapshotDetailDto | null;
  error: IpcError | null;
  open(id: string): Promise<void>;
  close(): void;
}

export type SnapshotDetailStore = StoreApi<SnapshotDetailState>;

/** Creates the store for one snapshot's metadata, loaded through `snapshots:get` when the auditor opens it. */
export function createSnapshotDetailStore(api: ApiClient): SnapshotDetailStore {
  return createStore<SnapshotDetailState>()((set, get) => ({
    selectedId: null,
    status: 'idle',
    detail: null,
    error: null,

    async open(id) {
      set({ selectedId: id, status: 'loading', detail: null, error: null });
      const result = await api.invoke('snapshots:get', { ref: id });

      // The auditor may have opened another snapshot or closed the panel in the meantime.
      if (get().selectedId !== id) return;

      if (result.ok) {
        set({ status: 'ready', detail: result.value });
      } else {
        set({ status: 'error', error: result.error });
      }
    },

    close() {
      set({ selectedId: null, status: 'idle', detail: null, error: null });
    }
  }));
}
