import { createStore, type StoreApi } from 'zustand/vanilla';
import type { IpcError, Language, ResponseOf } from '../../../src-main/ipc/contract';
import type { FindingKind, Severity } from '../../../src-main/model/finding';
import type { ApiClient } from '../api/client';
import type { LoadStatus } from './snapshots';

export type AuditSummary = ResponseOf<'audit:run'>;
export type FindingRow = ResponseOf<'audit:findings'>['rows'][number];
export type FindingDetail = ResponseOf<'audit:finding'>;
export type SortColumn = 'severity' | 'kind' | 'entra' | 'sentry' | 'attribute' | 'id';
export interface SortOrder {
  column: SortColumn;
  direction: 'asc' | 'desc';
}
export interface FindingFilter {
  kinds: FindingKind[];
  severities: Severity[];
  text: string;
}

/** Rows are fetched in pages of this size as the table scrolls. */
export const PAGE_SIZE = 200;
/** Past this many cached pages, pages far from the one just requested are dropped. */
const MAX_CACHED_PAGES = 30;

export interface AuditState {
  snapshotId: string | null;
  status: LoadStatus;
  summary: AuditSummary | null;
  error: IpcError | null;
  sort: SortOrder;
  filter: FindingFilter;
  /** Rows matching the filter, or null until the first page arrived. */
  total: number | null;
  pages: Record<number, FindingRow[]>;
  rowsError: IpcError | null;
  /** Index of the highlighted row in the filtered, sorted list. */
  activeIndex: number;
  /** The finding shown in the detail pane, or null when the pane is closed. */
  detailId: string | null;
  detailStatus: LoadStatus;
  detail: FindingDetail | null;
  detailError: IpcError | null;
  run(snapshotId: string): Promise<void>;
  setSort(sort: SortOrder): void;
  setFilter(filter: Partial<FindingFilter>): void;
  /** Makes sure the rows from `first` to `last` are loaded or on their way. */
  ensureRows(first: number, last: number): void;
  setActive(index: number): void;
  openDetail(index: number): Promise<void>;
  closeDetail(): void;
  /** Refetches rows and the open detail, e.g. after a language switch, since their texts are translated in main. */
  refreshTexts(): void;
}

export type AuditStore = StoreApi<AuditState>;

export function rowAt(state: Pick<AuditState, 'pages'>, index: number): FindingRow | undefined {
  return state.pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}

export function createAuditStore(api: ApiClient, language: () => Language): AuditStore {
  // A new query bumps the generation, so pages of an older query are discarded when they arrive.
  let generation = 0;
  const inFlight = new Set<number>();

  return createStore<AuditState>()((set, get) => {
    function resetRows(): void {
      generation += 1;
      inFlight.clear();
      set({ total: null, pages: {}, rowsError: null, activeIndex: 0 });
      get().ensureRows(0, PAGE_SIZE - 1);
    }

    async function fetchPage(page: number): Promise<void> {
      const { snapshotId, sort, filter } = get();
      if (snapshotId === null || inFlight.has(page)) return;
      inFlight.add(page);
      const call = generation;
      const result = await api.invoke('audit:findings', {
        snapshotId,
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
        sort,
        filter,
        language: language()
      });
      if (call !== generation) return;
      inFlight.delete(page);
      if (!result.ok) {
        set({ rowsError: result.error });
        return;
      }
      let pages = { ...get().pages, [page]: result.value.rows };
      const keys = Object.keys(pages).map(Number);
      if (keys.length > MAX_CACHED_PAGES) {
        pages = Object.fromEntries(keys.filter((key) => Math.abs(key - page) <= MAX_CACHED_PAGES / 2).map((key) => [key, pages[key]!]));
      }
      set({ pages, total: result.value.total, rowsError: null });
    }

    async function loadDetail(findingId: string): Promise<void> {
      const { snapshotId } = get();
      if (snapshotId === null) return;
      set({ detailId: findingId, detailStatus: 'loading', detailError: null });
      const result = await api.invoke('audit:finding', { snapshotId, findingId, language: language() });
      // The auditor may have opened another finding in the meantime.
      if (get().detailId !== findingId) return;
      if (result.ok) set({ detailStatus: 'ready', detail: result.value });
      else set({ detailStatus: 'error', detail: null, detailError: result.error });
    }

    return {
      snapshotId: null,
      status: 'idle',
      summary: null,
      error: null,
      sort: { column: 'severity', direction: 'asc' },
      filter: { kinds: [], severities: [], text: '' },
      total: null,
      pages: {},
      rowsError: null,
      activeIndex: 0,
      detailId: null,
      detailStatus: 'idle',
      detail: null,
      detailError: null,

      async run(snapshotId) {
        generation += 1;
        inFlight.clear();
        set({ snapshotId, status: 'loading', summary: null, error: null, total: null, pages: {}, activeIndex: 0 });
        get().closeDetail();
        const result = await api.invoke('audit:run', { snapshotId });
        if (get().snapshotId !== snapshotId) return;
        if (!result.ok) {
          set({ status: 'error', error: result.error });
          return;
        }
        set({ status: 'ready', summary: result.value });
        resetRows();
      },

      setSort(sort) {
        set({ sort });
        resetRows();
      },

      setFilter(filter) {
        set({ filter: { ...get().filter, ...filter } });
        get().closeDetail();
        resetRows();
      },

      ensureRows(first, last) {
        const { pages, total, status } = get();
        if (status !== 'ready') return;
        const end = total === null ? last : Math.min(last, total - 1);
        for (let page = Math.floor(Math.max(first, 0) / PAGE_SIZE); page <= Math.floor(end / PAGE_SIZE); page += 1) {
          if (pages[page] === undefined) void fetchPage(page);
        }
      },

      setActive(index) {
        const total = get().total ?? 0;
        set({ activeIndex: Math.max(0, Math.min(index, total - 1)) });
      },

      async openDetail(index) {
        const row = rowAt(get(), index);
        if (row === undefined) return;
        set({ activeIndex: index });
        await loadDetail(row.id);
      },

      closeDetail() {
        set({ detailId: null, detailStatus: 'idle', detail: null, detailError: null });
      },

      refreshTexts() {
        if (get().status !== 'ready') return;
        const detailId = get().detailId;
        const active = get().activeIndex;
        generation += 1;
        inFlight.clear();
        set({ pages: {} });
        get().ensureRows(Math.max(0, active - PAGE_SIZE), active + PAGE_SIZE);
        if (detailId !== null) void loadDetail(detailId);
      }
    };
  });
}
