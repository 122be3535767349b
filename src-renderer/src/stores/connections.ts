import { createStore, type StoreApi } from 'zustand/vanilla';
import type { IpcError, RequestOf } from '../../../src-main/ipc/contract';
import type { ConnectionProfileDto, ConnectionTestResult } from '../../../src-main/ipc/schemas/connections';
import type { ApiClient } from '../api/client';
import type { LoadStatus } from './snapshots';

export type SaveConnectionRequest = RequestOf<'connections:save'>;

/** The state of one profile's "Test connection": running, its result, or the request's own failure. */
export type ConnectionTest =
  | { status: 'running' }
  | { status: 'done'; result: ConnectionTestResult }
  | { status: 'error'; error: IpcError };

export interface ConnectionsState {
  status: LoadStatus;
  profiles: ConnectionProfileDto[];
  error: IpcError | null;
  /** The profile open in the form: an id, `new`, or null when the form is closed. */
  editing: string | null;
  saving: boolean;
  saveError: IpcError | null;
  tests: Record<string, ConnectionTest>;
  /** Entra's device code instruction per profile while an interactive sign-in waits. */
  deviceCodes: Record<string, string>;
  load(): Promise<void>;
  edit(id: string | null): void;
  save(request: SaveConnectionRequest): Promise<boolean>;
  remove(id: string): Promise<boolean>;
  test(id: string): Promise<void>;
  showDeviceCode(profileId: string, message: string): void;
}

export type ConnectionsStore = StoreApi<ConnectionsState>;

export function createConnectionsStore(api: ApiClient): ConnectionsStore {
  return createStore<ConnectionsState>()((set, get) => ({
    status: 'idle',
    profiles: [],
    error: null,
    editing: null,
    saving: false,
    saveError: null,
    tests: {},
    deviceCodes: {},

    async load() {
      set({ status: 'loading', error: null });
      const result = await api.invoke('connections:list', {});
      if (result.ok) set({ status: 'ready', profiles: result.value.profiles });
      else set({ status: 'error', error: result.error });
    },

    edit(id) {
      set({ editing: id, saveError: null });
    },

    async save(request) {
      set({ saving: true, saveError: null });
      const result = await api.invoke('connections:save', request);
      if (!result.ok) {
        set({ saving: false, saveError: result.error });
        return false;
      }
      const saved = result.value;
      const others = get().profiles.filter((profile) => profile.id !== saved.id);
      // A changed profile makes its last test result stale.
      const { [saved.id]: _stale, ...tests } = get().tests;
      set({ saving: false, editing: null, profiles: [...others, saved].sort((a, b) => a.name.localeCompare(b.name)), tests });
      return true;
    },

    async remove(id) {
      const result = await api.invoke('connections:delete', { id });
      if (!result.ok) {
        set({ error: result.error });
        return false;
      }
      set({ profiles: get().profiles.filter((profile) => profile.id !== id), editing: get().editing === id ? null : get().editing });
      return true;
    },

    async test(id) {
      set({ tests: { ...get().tests, [id]: { status: 'running' } } });
      const result = await api.invoke('connections:test', { id });
      const { [id]: _waiting, ...deviceCodes } = get().deviceCodes;
      const outcome: ConnectionTest = result.ok ? { status: 'done', result: result.value } : { status: 'error', error: result.error };
      set({ tests: { ...get().tests, [id]: outcome }, deviceCodes });
    },

    showDeviceCode(profileId, message) {
      set({ deviceCodes: { ...get().deviceCodes, [profileId]: message } });
    }
  }));
}
