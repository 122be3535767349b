import { createContext, useContext, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { FilePicker } from '../api/file-picker';
import type { AuditState, AuditStore } from './audit';
import type { AuditViewsState, AuditViewsStore } from './audit-views';
import type { CaptureState, CaptureStore } from './capture';
import type { ConnectionsState, ConnectionsStore } from './connections';
import type { DriftState, DriftStore } from './drift';
import type { ExportState, ExportStore } from './export';
import type { NavigationState, NavigationStore } from './navigation';
import type { SettingsState, SettingsStore } from './settings';
import type { SnapshotDetailState, SnapshotDetailStore } from './snapshot-detail';
import type { SnapshotsState, SnapshotsStore } from './snapshots';

export interface Stores {
  navigation: NavigationStore;
  snapshots: SnapshotsStore;
  snapshotDetail: SnapshotDetailStore;
  settings: SettingsStore;
  connections: ConnectionsStore;
  capture: CaptureStore;
  audit: AuditStore;
  auditViews: AuditViewsStore;
  drift: DriftStore;
  export: ExportStore;
  filePicker: FilePicker;
}

const StoresContext = createContext<Stores | null>(null);

export function StoresProvider({ stores, children }: { stores: Stores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (stores === null) {
    throw new Error('useStores needs a <StoresProvider> above the component.');
  }
  return stores;
}

function useSlice<S, T>(pick: (stores: Stores) => StoreApi<S>, selector: (state: S) => T): T {
  return useStore(pick(useStores()), selector);
}

export function useNavigation<T>(selector: (state: NavigationState) => T): T {
  return useSlice((stores) => stores.navigation, selector);
}

export function useSnapshots<T>(selector: (state: SnapshotsState) => T): T {
  return useSlice((stores) => stores.snapshots, selector);
}

export function useSettings<T>(selector: (state: SettingsState) => T): T {
  return useSlice((stores) => stores.settings, selector);
}

export function useSnapshotDetail<T>(selector: (state: SnapshotDetailState) => T): T {
  return useSlice((stores) => stores.snapshotDetail, selector);
}

export function useConnections<T>(selector: (state: ConnectionsState) => T): T {
  return useSlice((stores) => stores.connections, selector);
}

export function useCapture<T>(selector: (state: CaptureState) => T): T {
  return useSlice((stores) => stores.capture, selector);
}

export function useAudit<T>(selector: (state: AuditState) => T): T {
  return useSlice((stores) => stores.audit, selector);
}

export function useAuditViews<T>(selector: (state: AuditViewsState) => T): T {
  return useSlice((stores) => stores.auditViews, selector);
}

export function useDrift<T>(selector: (state: DriftState) => T): T {
  return useSlice((stores) => stores.drift, selector);
}

export function useExport<T>(selector: (state: ExportState) => T): T {
  return useSlice((stores) => stores.export, selector);
}

export function useFilePicker(): FilePicker {
  return useStores().filePicker;
}
