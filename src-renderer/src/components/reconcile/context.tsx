import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { bridgeTransport, createApiClient } from '../../api/client';
import { httpTransport } from '../../api/http-transport';
import { createReconcileStore, type ReconcileState, type ReconcileStore } from '../../stores/reconcile';

const ReconcileContext = createContext<ReconcileStore | null>(null);

let shared: ReconcileStore | null = null;

/**
 * Returns the app's reconcile store, created on first use with the same transport choice as
 * `main.tsx`: the Electron bridge when the preload ran, else HTTP to the page's own origin.
 */
function sharedStore(): ReconcileStore {
  shared ??= createReconcileStore(createApiClient(window.roster !== undefined ? bridgeTransport(window.roster) : httpTransport(window.location.origin)));
  return shared;
}

/** Supplies a reconcile store, e.g. one built on a test transport; without it the shared store is used. */
export function ReconcileStoreProvider({ store, children }: { store: ReconcileStore; children: ReactNode }) {
  return <ReconcileContext.Provider value={store}>{children}</ReconcileContext.Provider>;
}

export function useReconcileStore(): ReconcileStore {
  return useContext(ReconcileContext) ?? sharedStore();
}

export function useReconcile<T>(selector: (state: ReconcileState) => T): T {
  return useStore(useReconcileStore(), selector);
}
