import { createStore, type StoreApi } from 'zustand/vanilla';
import type { IpcError, ResponseOf } from '../../../src-main/ipc/contract';
import type { ApiClient } from '../api/client';
import type { LoadStatus } from './snapshots';

export type TeamRow = ResponseOf<'audit:teams'>['rows'][number];
export type TeamStatus = TeamRow['status'];
export type WhatIf = ResponseOf<'audit:whatif'>;

/** Rows per request; the teams view lists member drift, which stays within a few thousand rows per page. */
export const TEAM_PAGE_SIZE = 500;

export interface AuditViewsState {
  teamsStatus: LoadStatus;
  teams: TeamRow[];
  teamsTotal: number;
  teamsOffset: number;
  teamStatuses: TeamStatus[];
  teamText: string;
  teamsError: IpcError | null;
  whatIfStatus: LoadStatus;
  whatIf: WhatIf | null;
  whatIfError: IpcError | null;
  loadTeams(snapshotId: string, changes?: { offset?: number; statuses?: TeamStatus[]; text?: string }): Promise<void>;
  loadWhatIf(snapshotId: string): Promise<void>;
}

export type AuditViewsStore = StoreApi<AuditViewsState>;

/** Creates the store for the audit's teams view and what-if comparison, both read from main's cached audit. */
export function createAuditViewsStore(api: ApiClient): AuditViewsStore {
  let teamsCall = 0;

  return createStore<AuditViewsState>()((set, get) => ({
    teamsStatus: 'idle',
    teams: [],
    teamsTotal: 0,
    teamsOffset: 0,
    // Member drift first: rows in both places are the majority and carry no news.
    teamStatuses: ['missing_in_sentry', 'extra_in_sentry'],
    teamText: '',
    teamsError: null,
    whatIfStatus: 'idle',
    whatIf: null,
    whatIfError: null,

    async loadTeams(snapshotId, changes = {}) {
      const statuses = changes.statuses ?? get().teamStatuses;
      const text = changes.text ?? get().teamText;
      const offset = changes.offset ?? 0;
      teamsCall += 1;
      const call = teamsCall;
      set({ teamsStatus: 'loading', teamStatuses: statuses, teamText: text, teamsOffset: offset, teamsError: null });
      const result = await api.invoke('audit:teams', { snapshotId, offset, limit: TEAM_PAGE_SIZE, statuses, text });
      if (call !== teamsCall) return;
      if (result.ok) set({ teamsStatus: 'ready', teams: result.value.rows, teamsTotal: result.value.total });
      else set({ teamsStatus: 'error', teamsError: result.error });
    },

    async loadWhatIf(snapshotId) {
      set({ whatIfStatus: 'loading', whatIfError: null });
      const result = await api.invoke('audit:whatif', { snapshotId });
      if (result.ok) set({ whatIfStatus: 'ready', whatIf: result.value });
      else set({ whatIfStatus: 'error', whatIfError: result.error });
    }
  }));
}
