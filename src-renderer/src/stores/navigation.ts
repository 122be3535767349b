import { createStore, type StoreApi } from 'zustand/vanilla';

export const SCREENS = ['connections', 'snapshots', 'audit', 'drift', 'export'] as const;
export type Screen = (typeof SCREENS)[number];

export interface NavigationState {
  screen: Screen;
  /** The snapshot the audit, export and drift screens work on, or null until the auditor picks one. */
  snapshotId: string | null;
  helpOpen: boolean;
  go(screen: Screen): void;
  /** Selects a snapshot and shows its audit. */
  openAudit(snapshotId: string): void;
  selectSnapshot(snapshotId: string | null): void;
  setHelpOpen(open: boolean): void;
}

export type NavigationStore = StoreApi<NavigationState>;

export function createNavigationStore(initial: Screen = 'snapshots'): NavigationStore {
  return createStore<NavigationState>()((set) => ({
    screen: initial,
    snapshotId: null,
    helpOpen: false,
    go: (screen) => set({ screen }),
    openAudit: (snapshotId) => set({ screen: 'audit', snapshotId }),
    selectSnapshot: (snapshotId) => set({ snapshotId }),
    setHelpOpen: (helpOpen) => set({ helpOpen })
  }));
}
