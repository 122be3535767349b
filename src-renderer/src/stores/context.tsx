import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { SettingsState, SettingsStore } from './settings';
import type { SnapshotDetailState, SnapshotDetailStore } from './snapshot-detail';
import type { SnapshotsState, SnapshotsStore } from './snapshots';

export interface Stores {
  snapshots: SnapshotsStore;
  snapshotDetail: SnapshotDetailStore;
  settings: SettingsStore;
}

const StoresContext = createContext<Stores | null>(null);

export function StoresProvider({ stores, children }: { stores: Stores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (stores === null) {
    throw new Error('useStores needs a <StoresProvider> above the component.');
  }
  return stores;
}

export function useSnapshots<T>(selector: (state: SnapshotsState) => T): T {
  return useStore(useStores().snapshots, selector);
}

export function useSettings<T>(selector: (state: SettingsState) => T): T {
  return useStore(useStores().settings, selector);
}

export function useSnapshotDetail<T>(selector: (state: SnapshotDetailState) => T): T {
  return useStore(useStores().snapshotDetail, selector);
}
