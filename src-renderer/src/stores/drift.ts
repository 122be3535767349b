import { createStore, type StoreApi } from 'zustand/vanilla';
import type { IpcError, ResponseOf } from '../../../src-main/ipc/contract';
import type { ApiClient } from '../api/client';
import type { LoadStatus } from './snapshots';

export type DriftResponse = ResponseOf<'drift:compare'>;
export type DriftRow = DriftResponse['rows'][number];
export type DriftChange = DriftRow['change'];
export type DriftSide = DriftRow['side'];

export const DRIFT_PAGE_SIZE = 200;

export interface DriftState {
  fromId: string | null;
  toId: string | null;
  status: LoadStatus;
  result: DriftResponse | null;
  error: IpcError | null;
  offset: number;
  sides: DriftSide[];
  changes: DriftChange[];
  text: string;
  setPair(fromId: string | null, toId: string | null): void;
  compare(changes?: { offset?: number; sides?: DriftSide[]; changes?: DriftChange[]; text?: string }): Promise<void>;
}

export type DriftStore = StoreApi<DriftState>;

/** Creates the store for comparing two snapshots through `drift:compare`, a page at a time. */
export function createDriftStore(api: ApiClient): DriftStore {
  let latestCall = 0;

  return createStore<DriftState>()((set, get) => ({
    fromId: null,
    toId: null,
    status: 'idle',
    result: null,
    error: null,
    offset: 0,
    sides: [],
    changes: [],
    text: '',

    setPair(fromId, toId) {
      set({ fromId, toId, status: 'idle', result: null, error: null, offset: 0 });
    },

    async compare(next = {}) {
      const { fromId, toId } = get();
      if (fromId === null || toId === null) return;
      const query = {
        offset: next.offset ?? 0,
        sides: next.sides ?? get().sides,
        changes: next.changes ?? get().changes,
        text: next.text ?? get().text
      };
      latestCall += 1;
      const call = latestCall;
      set({ ...query, status: 'loading', error: null });
      const result = await api.invoke('drift:compare', {
        fromId,
        toId,
        offset: query.offset,
        limit: DRIFT_PAGE_SIZE,
        filter: { sides: query.sides, objectTypes: [], changes: query.changes, text: query.text }
      });
      if (call !== latestCall) return;
      if (result.ok) set({ status: 'ready', result: result.value });
      else set({ status: 'error', error: result.error });
    }
  }));
}
