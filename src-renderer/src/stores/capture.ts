import { createStore, type StoreApi } from 'zustand/vanilla';
import type { IpcError } from '../../../src-main/ipc/contract';
import type { CaptureDoneEvent, CaptureProgressEvent } from '../../../src-main/ipc/schemas/capture';
import type { ApiClient } from '../api/client';

export type CaptureOutcome =
  | { outcome: 'completed'; snapshotId: string }
  | { outcome: 'cancelled' }
  | { outcome: 'failed'; error: IpcError };

export interface CaptureState {
  /** The running job's id, or null when no capture runs. */
  jobId: string | null;
  profileId: string | null;
  starting: boolean;
  cancelling: boolean;
  /** The latest progress per source, in the order the sources first reported. */
  sources: CaptureProgressEvent[];
  /** How the last capture ended, until the next one starts. */
  last: CaptureOutcome | null;
  startError: IpcError | null;
  start(profileId: string): Promise<void>;
  cancel(): Promise<void>;
  applyProgress(event: CaptureProgressEvent): void;
  applyDone(event: CaptureDoneEvent): void;
}

export type CaptureStore = StoreApi<CaptureState>;

/** Job errors carry a code string; one outside the contract's list is shown as `internal`. */
function toIpcError(error: { code: string; message: string; details?: unknown }): IpcError {
  return { code: error.code as IpcError['code'], message: error.message, details: error.details };
}

/**
 * Creates the store for one capture at a time. Progress and done events arrive through
 * `applyProgress`/`applyDone`, which main.tsx wires to the event channels. `onCompleted` lets the
 * snapshot list refresh.
 */
export function createCaptureStore(api: ApiClient, onCompleted: (snapshotId: string) => void): CaptureStore {
  // Events can arrive before `capture:start` replies with the job id, so they wait here until it does.
  let early: Array<CaptureProgressEvent | CaptureDoneEvent> = [];

  return createStore<CaptureState>()((set, get) => ({
    jobId: null,
    profileId: null,
    starting: false,
    cancelling: false,
    sources: [],
    last: null,
    startError: null,

    async start(profileId) {
      early = [];
      set({ starting: true, startError: null, sources: [], last: null, profileId });
      const result = await api.invoke('snapshots:capture:start', { profileId });
      if (!result.ok) {
        set({ starting: false, startError: result.error, profileId: null });
        return;
      }
      set({ starting: false, jobId: result.value.jobId });
      const waiting = early;
      early = [];
      for (const event of waiting) {
        if ('outcome' in event) get().applyDone(event);
        else get().applyProgress(event);
      }
    },

    async cancel() {
      const { jobId } = get();
      if (jobId === null) return;
      set({ cancelling: true });
      const result = await api.invoke('snapshots:capture:cancel', { jobId });
      // The done event ends the job; a failed cancel leaves it running and says so.
      if (!result.ok) set({ cancelling: false, startError: result.error });
    },

    applyProgress(event) {
      if (get().starting) early.push(event);
      if (event.jobId !== get().jobId) return;
      const sources = get().sources;
      const index = sources.findIndex((entry) => entry.source === event.source);
      const next = index === -1 ? [...sources, event] : sources.map((entry, position) => (position === index ? event : entry));
      set({ sources: next });
    },

    applyDone(event) {
      if (get().starting) early.push(event);
      if (event.jobId !== get().jobId) return;
      const last: CaptureOutcome =
        event.outcome === 'failed'
          ? { outcome: 'failed', error: toIpcError(event.error) }
          : event.outcome === 'completed'
            ? { outcome: 'completed', snapshotId: event.snapshotId }
            : { outcome: 'cancelled' };
      set({ jobId: null, cancelling: false, last });
      if (last.outcome === 'completed') onCompleted(last.snapshotId);
    }
  }));
}
