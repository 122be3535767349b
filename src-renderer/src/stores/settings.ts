import { createStore, type StoreApi } from 'zustand/vanilla';
import type { IpcError, Language } from '../../../src-main/ipc/contract';
import type { ApiClient } from '../api/client';

export interface SettingsState {
  language: Language;
  /** The last failed attempt to save a choice, shown next to the switch. */
  saveError: IpcError | null;
  setLanguage(language: Language): Promise<void>;
  /** Applies a change made elsewhere (another window) without saving it again. */
  applyLanguage(language: Language): void;
}

export type SettingsStore = StoreApi<SettingsState>;

export function createSettingsStore(api: ApiClient, initialLanguage: Language): SettingsStore {
  return createStore<SettingsState>()((set) => ({
    language: initialLanguage,
    saveError: null,

    async setLanguage(language) {
      // Switch at once so the UI responds, then persist. A failed save keeps the switch for this session.
      set({ language, saveError: null });
      const result = await api.invoke('settings:setLanguage', { language });
      if (!result.ok) set({ saveError: result.error });
    },

    applyLanguage(language) {
      set({ language });
    }
  }));
}
