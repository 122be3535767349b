import { createStore, type StoreApi } from 'zustand/vanilla';
import type { IpcError, RequestOf, ResponseOf } from '../../../src-main/ipc/contract';
import type { ReconcileFinishedEvent, ReconcileProgressEvent, ReconcileToggleName } from '../../../src-main/ipc/schemas/reconcile';
import type { ApiClient } from '../api/client';
import type { LoadStatus } from './snapshots';

export type ReconcilePlan = ResponseOf<'reconcile:plan'>;
export type ReconcileRun = ResponseOf<'reconcile:run'>;
export type RunOperation = ReconcileRun['operations'][number];
export type ReconcileOptions = ReconcilePlan['options'];
export type FindingFilter = NonNullable<RequestOf<'reconcile:plan'>['filter']>;

export const TOGGLES: readonly ReconcileToggleName[] = ['allowDeletes', 'allowOwnerChanges', 'recreateMismatched'];

/** Findings the dialog plans for: one finding, the Audit screen's filter, or every finding of the snapshot. */
export interface ReconcileSelection {
  snapshotId: string;
  findingIds: string[];
  filter: FindingFilter | null;
}

/** The run on screen: started here, resumed here, or a past run opened from the list. */
export interface RunView {
  runId: string;
  operations: RunOperation[];
  position: number;
  total: number;
  paused: boolean;
  pauseRequested: boolean;
  verifying: boolean;
  /** Set once `reconcile:finished` arrived, or for a past run that is not running. */
  finished: ReconcileFinishedEvent | null;
}

const DEFAULT_OPTIONS: ReconcileOptions = { allowDeletes: false, allowOwnerChanges: false, recreateMismatched: false, maxDeletes: null };
const NO_CONFIRMATIONS: Record<ReconcileToggleName, boolean> = { allowDeletes: false, allowOwnerChanges: false, recreateMismatched: false };

export interface ReconcileState {
  open: boolean;
  selection: ReconcileSelection | null;
  options: ReconcileOptions;
  confirmed: Record<ReconcileToggleName, boolean>;
  planStatus: LoadStatus;
  plan: ReconcilePlan | null;
  planError: IpcError | null;
  profileId: string | null;
  starting: boolean;
  actionError: IpcError | null;
  run: RunView | null;
  runsStatus: LoadStatus;
  runs: ReconcileRun[];
  openDialog(selection: ReconcileSelection): void;
  close(): void;
  setToggle(name: ReconcileToggleName, on: boolean): void;
  confirm(name: ReconcileToggleName, confirmed: boolean): void;
  /** Sets the deletion threshold for this run, or null for the default; replans. */
  setMaxDeletes(value: number | null): void;
  selectProfile(profileId: string): void;
  start(): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  cancel(): Promise<void>;
  loadRuns(): Promise<void>;
  resumeRun(runId: string): Promise<void>;
  showRun(runId: string): Promise<void>;
  applyProgress(event: ReconcileProgressEvent): void;
  applyFinished(event: ReconcileFinishedEvent): void;
}

export type ReconcileStore = StoreApi<ReconcileState>;

/** True when every option that is on has its confirmation ticked. */
export function optionsConfirmed(state: Pick<ReconcileState, 'options' | 'confirmed'>): boolean {
  return TOGGLES.every((name) => !state.options[name] || state.confirmed[name]);
}

function planRows(plan: ReconcilePlan): RunOperation[] {
  return plan.operations.map((operation) => ({ ...operation, state: 'planned', httpStatus: null, reason: null, responseSummary: null, verified: null, verificationNote: null }));
}

function runView(run: ReconcileRun): RunView {
  const position = run.operations.filter((operation) => operation.state !== 'planned' && operation.state !== 'pending').length;
  return {
    runId: run.id,
    operations: run.operations,
    position,
    total: run.operations.length,
    paused: run.paused,
    pauseRequested: run.paused,
    verifying: false,
    finished: run.active ? null : { runId: run.id, outcome: run.state === 'completed' ? 'completed' : 'cancelled', run, error: null }
  };
}

export function createReconcileStore(api: ApiClient): ReconcileStore {
  // A newer plan request makes older replies stale, e.g. after two quick toggle clicks.
  let planGeneration = 0;
  // Events of a run that started but whose id has not arrived yet; replayed once it has.
  let early: Array<{ progress: ReconcileProgressEvent } | { finished: ReconcileFinishedEvent }> = [];
  const MAX_EARLY_EVENTS = 5_000;

  const store = createStore<ReconcileState>()((set, get) => {
    async function replan(): Promise<void> {
      const { selection, options } = get();
      if (selection === null) return;
      planGeneration += 1;
      const generation = planGeneration;
      set({ planStatus: 'loading', planError: null, actionError: null });
      const result = await api.invoke('reconcile:plan', {
        snapshotId: selection.snapshotId,
        findingIds: selection.findingIds,
        ...(selection.filter === null ? {} : { filter: selection.filter }),
        options
      });
      if (generation !== planGeneration) return;
      if (!result.ok) {
        set({ planStatus: 'error', planError: result.error, plan: null });
        return;
      }
      const plan = result.value;
      const current = get().profileId;
      const keep = plan.profiles.some((profile) => profile.id === current && profile.matches);
      const preferred = plan.profiles.find((profile) => profile.matches && profile.hasScimToken) ?? plan.profiles.find((profile) => profile.matches);
      set({ planStatus: 'ready', plan, profileId: keep ? current : (preferred?.id ?? null) });
    }

    async function launch(request: () => Promise<{ ok: true; value: { runId: string } } | { ok: false; error: IpcError }>, operations: RunOperation[]): Promise<void> {
      early = [];
      set({ starting: true, actionError: null });
      const result = await request();
      if (!result.ok) {
        early = [];
        set({ starting: false, actionError: result.error });
        return;
      }
      const runId = result.value.runId;
      set({
        starting: false,
        run: { runId, operations, position: 0, total: operations.length, paused: false, pauseRequested: false, verifying: false, finished: null }
      });
      void get().loadRuns();
      const replay = early;
      early = [];
      for (const entry of replay) {
        if ('progress' in entry) get().applyProgress(entry.progress);
        else get().applyFinished(entry.finished);
      }
    }

    /** Keeps events that arrive while a start or resume waits for its run id, since they may belong to it. */
    function holdEarly(entry: (typeof early)[number]): boolean {
      if (!get().starting) return false;
      if (early.length < MAX_EARLY_EVENTS) early.push(entry);
      return true;
    }

    async function control(channel: 'reconcile:pause' | 'reconcile:resume' | 'reconcile:cancel'): Promise<void> {
      const run = get().run;
      if (run === null) return;
      const result = await api.invoke(channel, { runId: run.runId });
      if (!result.ok) set({ actionError: result.error });
    }

    function updateRun(runId: string, change: (run: RunView) => Partial<RunView>): void {
      const run = get().run;
      if (run === null || run.runId !== runId) return;
      set({ run: { ...run, ...change(run) } });
    }

    return {
      open: false,
      selection: null,
      options: DEFAULT_OPTIONS,
      confirmed: NO_CONFIRMATIONS,
      planStatus: 'idle',
      plan: null,
      planError: null,
      profileId: null,
      starting: false,
      actionError: null,
      run: null,
      runsStatus: 'idle',
      runs: [],

      openDialog(selection) {
        set({ open: true, selection, options: DEFAULT_OPTIONS, confirmed: NO_CONFIRMATIONS, plan: null, planStatus: 'idle', run: null, actionError: null });
        void replan();
        void get().loadRuns();
      },

      close() {
        planGeneration += 1;
        set({ open: false, selection: null, plan: null, planStatus: 'idle', run: null, actionError: null });
      },

      setToggle(name, on) {
        set({ options: { ...get().options, [name]: on }, confirmed: { ...get().confirmed, [name]: false } });
        void replan();
      },

      confirm(name, confirmed) {
        set({ confirmed: { ...get().confirmed, [name]: confirmed } });
      },

      setMaxDeletes(value) {
        set({ options: { ...get().options, maxDeletes: value } });
        void replan();
      },

      selectProfile(profileId) {
        set({ profileId });
      },

      async start() {
        const { selection, options, plan, profileId } = get();
        if (selection === null || plan === null || profileId === null || !optionsConfirmed(get())) return;
        await launch(
          () =>
            api.invoke('reconcile:start', {
              snapshotId: selection.snapshotId,
              findingIds: selection.findingIds,
              ...(selection.filter === null ? {} : { filter: selection.filter }),
              options,
              profileId
            }),
          planRows(plan)
        );
      },

      async pause() {
        const run = get().run;
        if (run === null) return;
        updateRun(run.runId, () => ({ pauseRequested: true }));
        await control('reconcile:pause');
      },

      async resume() {
        const run = get().run;
        if (run === null) return;
        updateRun(run.runId, () => ({ pauseRequested: false, paused: false }));
        await control('reconcile:resume');
      },

      async cancel() {
        await control('reconcile:cancel');
      },

      async loadRuns() {
        set({ runsStatus: 'loading' });
        const result = await api.invoke('reconcile:runs', {});
        if (!result.ok) {
          set({ runsStatus: 'error', actionError: result.error });
          return;
        }
        set({ runsStatus: 'ready', runs: result.value.runs });
      },

      async resumeRun(runId) {
        const { runs, profileId, plan } = get();
        const run = runs.find((candidate) => candidate.id === runId);
        if (run === undefined) return;
        // The profile must reach the run's Sentry; prefer the one chosen for the plan when it does.
        const chosen = plan?.sentryBaseUrl === run.sentryBaseUrl ? profileId : null;
        const profile = chosen ?? plan?.profiles.find((candidate) => candidate.matches && candidate.hasScimToken)?.id ?? null;
        if (profile === null) {
          set({ actionError: { code: 'missing_secret', message: `No connection with a SCIM token for ${run.sentryBaseUrl}.` } });
          return;
        }
        const operations = run.operations.map((operation) => ({ ...operation }));
        set({ run: null });
        await launch(() => api.invoke('reconcile:resumeRun', { runId, profileId: profile }), operations);
      },

      async showRun(runId) {
        const result = await api.invoke('reconcile:run', { runId });
        if (!result.ok) {
          set({ actionError: result.error });
          return;
        }
        set({ run: runView(result.value) });
      },

      applyProgress(event) {
        if (get().run?.runId !== event.runId && holdEarly({ progress: event })) return;
        updateRun(event.runId, (run) => {
          switch (event.type) {
            case 'run':
              return { total: event.total };
            case 'started':
            case 'finished':
              return {
                position: event.type === 'finished' ? event.position : Math.max(run.position, event.position - 1),
                operations: run.operations.map((operation) =>
                  operation.seq === event.seq ? { ...operation, state: event.state ?? operation.state, httpStatus: event.httpStatus, reason: event.reason } : operation
                )
              };
            case 'paused':
              return { paused: true, pauseRequested: true };
            case 'resumed':
              return { paused: false, pauseRequested: false };
            case 'verifying':
              return { verifying: true };
          }
        });
      },

      applyFinished(event) {
        if (get().run?.runId !== event.runId && holdEarly({ finished: event })) return;
        updateRun(event.runId, (run) => ({
          finished: event,
          verifying: false,
          paused: false,
          pauseRequested: false,
          operations: event.run?.operations ?? run.operations
        }));
        void get().loadRuns();
      }
    };
  });

  api.on('reconcile:progress', (event) => store.getState().applyProgress(event));
  api.on('reconcile:finished', (event) => store.getState().applyFinished(event));
  return store;
}
