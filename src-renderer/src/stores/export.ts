import { createStore, type StoreApi } from 'zustand/vanilla';
import type { IpcError, Language, ResponseOf } from '../../../src-main/ipc/contract';
import type { ApiClient } from '../api/client';

const EXPORT_CHANNELS = { workbook: 'export:workbook', csv: 'export:csv', json: 'export:json' } as const satisfies Record<ExportFormat, string>;

export const EXPORT_FORMATS = ['workbook', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
type Written = Extract<ResponseOf<'export:workbook'>, { written: true }>;

export interface ExportRequest {
  format: ExportFormat;
  snapshotId: string;
  compareId: string | null;
  language: Language;
  /** Undefined in Electron, where main shows a save dialog. */
  path: string | undefined;
}

export interface ExportState {
  running: ExportFormat | null;
  /** The last file written, or `cancelled` when the save dialog was dismissed. */
  last: (Written & { format: ExportFormat }) | 'cancelled' | null;
  error: IpcError | null;
  run(request: ExportRequest): Promise<void>;
}

export type ExportStore = StoreApi<ExportState>;

export function createExportStore(api: ApiClient): ExportStore {
  return createStore<ExportState>()((set) => ({
    running: null,
    last: null,
    error: null,

    async run({ format, snapshotId, compareId, language, path }) {
      set({ running: format, error: null, last: null });
      const payload = {
        snapshotId,
        language,
        ...(compareId === null ? {} : { compareId }),
        ...(path === undefined ? {} : { path })
      };
      const channel = EXPORT_CHANNELS[format];
      const result = await api.invoke(channel, payload);
      if (!result.ok) {
        set({ running: null, error: result.error });
        return;
      }
      set({ running: null, last: result.value.written ? { ...result.value, format } : 'cancelled' });
    }
  }));
}
