import { HttpError, RequestCancelledError } from '../http/errors';
import { parseScimBaseUrl } from '../scim/base-url';
import type { ScimWriter } from '../scim/write-client';
import type { JournalOperation, JournalRun, ReconcileJournal } from '../store/journal';
import { newSnapshotId } from '../store/snapshot-id';
import { decideStep, type StepOutcome } from './steps';
import type { PlannedOperation, ReconcilePlan } from './types';

/** Raised for a plan that deletes more members than its threshold allows. */
export class PlanRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanRejectedError';
  }
}

/** Holds a run between two operations while paused; the operation in flight finishes first. */
export class PauseGate {
  private gate: { promise: Promise<void>; release: () => void } | null = null;

  get paused(): boolean {
    return this.gate !== null;
  }

  pause(): void {
    if (this.gate) return;
    let release = (): void => undefined;
    const promise = new Promise<void>((resolve) => (release = resolve));
    this.gate = { promise, release };
  }

  resume(): void {
    this.gate?.release();
    this.gate = null;
  }

  /** Resolves when the run may continue; an abort also releases it, so a paused run can be cancelled. */
  async wait(signal?: AbortSignal): Promise<void> {
    const gate = this.gate;
    if (!gate || signal?.aborted) return;
    await new Promise<void>((resolve) => {
      signal?.addEventListener('abort', () => resolve(), { once: true });
      void gate.promise.then(resolve);
    });
  }
}

export type ReconcileProgress =
  | { type: 'run'; runId: string; total: number; resumed: boolean }
  | { type: 'started'; runId: string; operation: PlannedOperation; position: number; total: number }
  | { type: 'finished'; runId: string; operation: PlannedOperation; position: number; total: number; outcome: StepOutcome }
  | { type: 'paused'; runId: string; position: number; total: number };

export interface ExecuteOptions {
  writer: ScimWriter;
  journal: ReconcileJournal;
  /** Account that runs it (the operating-system user or the signed-in person), recorded with every operation. */
  runBy: string;
  signal?: AbortSignal;
  pause?: PauseGate;
  onProgress?: (event: ReconcileProgress) => void;
  now?: () => Date;
}

export interface RunResult {
  runId: string;
  state: 'completed' | 'cancelled';
  plan: ReconcilePlan;
  /** Every operation of the run as the journal stores it after this call. */
  operations: JournalOperation[];
  failed: number;
  /** The reason the run stopped before its end without a cancel, e.g. Sentry rejecting the SCIM token. */
  stoppedBecause: string | null;
}

/** Starts a journaled run of an approved plan and sends its operations in order. */
export async function executePlan(plan: ReconcilePlan, options: ExecuteOptions): Promise<RunResult> {
  if (plan.rejection !== null) throw new PlanRejectedError(plan.rejection);
  assertSameSentry(plan.sentryBaseUrl, options.writer, 'The plan');

  const now = options.now ?? (() => new Date());
  const runId = `run-${newSnapshotId(now())}`;
  await options.journal.createRun({
    id: runId,
    snapshotId: plan.snapshotId,
    sentryBaseUrl: plan.sentryBaseUrl,
    runBy: options.runBy,
    startedAt: now().toISOString(),
    planJson: JSON.stringify(plan),
    operations: plan.operations.map((operation) => ({ seq: operation.seq, kind: operation.kind, findingId: operation.findingId, method: operation.method, path: operation.path, body: operation.body }))
  });
  options.onProgress?.({ type: 'run', runId, total: plan.operations.length, resumed: false });
  return runOperations(runId, plan, options);
}

/**
 * Continues a run after a crash, a cancel or failures: operations already done or skipped are not
 * touched, and pending or failed ones are checked against Sentry again before anything is sent.
 */
export async function resumeRun(runId: string, options: ExecuteOptions): Promise<RunResult> {
  const run = options.journal.readRun(runId);
  if (run === null) throw new Error(`No reconcile run '${runId}' in workspace ${options.journal.dir}. Use the run id printed when the run started.`);
  assertSameSentry(run.sentryBaseUrl, options.writer, `Run ${runId}`);
  // NOTE: a run left 'running' may belong to a crashed process or to one still alive. Nothing stops two
  // processes from resuming the same run at once, but the check before each request keeps their writes from doubling.
  const plan = JSON.parse(run.planJson) as ReconcilePlan;
  await options.journal.setRunState(runId, 'running', (options.now ?? (() => new Date()))().toISOString());
  options.onProgress?.({ type: 'run', runId, total: plan.operations.length, resumed: true });
  return runOperations(runId, plan, options);
}

async function runOperations(runId: string, plan: ReconcilePlan, options: ExecuteOptions): Promise<RunResult> {
  const now = options.now ?? (() => new Date());
  const total = plan.operations.length;
  const journaled = new Map(readRunOrThrow(options.journal, runId).operations.map((operation) => [operation.seq, operation]));
  const resultIds = new Map<number, string | null>();
  for (const operation of journaled.values()) if (operation.state === 'done') resultIds.set(operation.seq, operation.resultId);

  let cancelled = false;
  let stoppedBecause: string | null = null;
  for (const [index, operation] of plan.operations.entries()) {
    const state = journaled.get(operation.seq)?.state;
    if (state === 'done' || state === 'skipped') continue;

    if (options.pause?.paused) options.onProgress?.({ type: 'paused', runId, position: index + 1, total });
    await options.pause?.wait(options.signal);
    if (options.signal?.aborted) {
      cancelled = true;
      break;
    }

    options.onProgress?.({ type: 'started', runId, operation, position: index + 1, total });
    const outcome = await runOne(runId, operation, resultIds, options);
    if (outcome === 'cancelled') {
      cancelled = true;
      break;
    }
    await options.journal.recordResult(runId, operation.seq, { ...outcome, at: now().toISOString(), runBy: options.runBy });
    if (outcome.state === 'done') resultIds.set(operation.seq, outcome.resultId);
    options.onProgress?.({ type: 'finished', runId, operation, position: index + 1, total, outcome });

    // A rejected token fails every later operation the same way, so sending them only adds noise to Sentry's logs.
    if (outcome.state === 'failed' && outcome.httpStatus === 401) {
      cancelled = true;
      stoppedBecause = `Sentry rejected the SCIM token (HTTP 401) at operation ${operation.seq}, so the run stopped there.`;
      break;
    }
  }

  const finalState = cancelled ? 'cancelled' : 'completed';
  await options.journal.setRunState(runId, finalState, now().toISOString());
  const operations = readRunOrThrow(options.journal, runId).operations;
  return { runId, state: finalState, plan, operations, failed: operations.filter((operation) => operation.state === 'failed').length, stoppedBecause };
}

/** Checks, marks pending, sends and returns the outcome; 'cancelled' leaves a pending row for the resume to check. */
async function runOne(runId: string, operation: PlannedOperation, resultIds: Map<number, string | null>, options: ExecuteOptions): Promise<StepOutcome | 'cancelled'> {
  const now = options.now ?? (() => new Date());
  let teamId: string | null = null;
  if (operation.kind === 'team.add_member' || operation.kind === 'team.remove_member' || operation.kind === 'team.rename') {
    const createdBy = operation.team.createdBySeq;
    teamId = createdBy === null ? operation.team.id : (resultIds.get(createdBy) ?? null);
    if (teamId === null) {
      return { state: 'skipped', reason: `Team "${operation.team.displayName}" was not created (operation ${createdBy} did not finish as done).`, httpStatus: null, responseSummary: null, resultId: null };
    }
  }
  const path = teamId === null ? operation.path : operation.path.replace(/\{team:\d+\}/, encodeURIComponent(teamId));

  try {
    const decision = await decideStep(operation, options.writer, teamId, options.signal);
    if ('outcome' in decision) return decision.outcome;
    await options.journal.markPending(runId, operation.seq, { path, body: operation.body, runBy: options.runBy, at: now().toISOString() });
    return await decision.send();
  } catch (error) {
    if (error instanceof RequestCancelledError || options.signal?.aborted) return 'cancelled';
    return failure(error);
  }
}

function failure(error: unknown): StepOutcome {
  let http: HttpError | null = null;
  if (error instanceof HttpError) http = error;
  else if (error instanceof Error && error.cause instanceof HttpError) http = error.cause;
  const message = error instanceof Error ? error.message : String(error);
  if (http) {
    const summary = http.detail ?? http.code ?? `HTTP ${http.status}`;
    return { state: 'failed', reason: message, httpStatus: http.status, responseSummary: summary.slice(0, 300), resultId: null };
  }
  return { state: 'failed', reason: message, httpStatus: null, responseSummary: null, resultId: null };
}

function readRunOrThrow(journal: ReconcileJournal, runId: string): JournalRun {
  const run = journal.readRun(runId);
  if (run === null) throw new Error(`Reconcile run ${runId} vanished from workspace ${journal.dir} while it ran.`);
  return run;
}

function assertSameSentry(planned: string, writer: ScimWriter, what: string): void {
  const plannedUrl = parseScimBaseUrl(planned).url;
  if (plannedUrl !== writer.baseUrl) {
    throw new Error(`${what} was made for Sentry SCIM at ${plannedUrl}, but the SCIM URL given is ${writer.baseUrl}. Pass the same --sentry-url as the snapshot's.`);
  }
}
